"""The dashboard: the analysis figures and charts of gcts.analyse and the reports of gcts.report on the web,
and the collector that reads the store into a report snapshot."""
