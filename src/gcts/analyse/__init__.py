"""Analysis of the implementation registry, on a report snapshot (framework-free).

- :mod:`~gcts.analyse.records`: the snapshot's registry tables, indexed (activities, shares, places, flows).
- :mod:`~gcts.analyse.balance`: pillar balance by count and by money, by actor, State, region, regional group
  and year; the balance index with its bootstrap interval and its trend.
- :mod:`~gcts.analyse.coverage`: paragraphs and themes with no activity or no money, States whose requests
  meet no offer, recommendations with no assistance.
- :mod:`~gcts.analyse.publish`: tables as a reader may see them (small cells of restricted records
  suppressed through :mod:`gcts.registry.suppression`).

Money rules are the registry's (:mod:`gcts.registry.totals`: incoming flows only, each once, pledges apart;
splits by shares with exact cents, :mod:`gcts.registry.shares`), so a figure here and a total on a registry
page never disagree.
"""
