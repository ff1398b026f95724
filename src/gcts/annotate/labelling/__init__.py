"""The trained pillar and theme labeller that works beside the cue rules.

- :mod:`.examples`: labelled paragraphs and where their labels came from (shipped label files, gold files,
  editors' corrections);
- :mod:`.features`: multilingual sentence embeddings plus the cue-term scores of the language data;
- :mod:`.training`: reproducible training (fixed folds and seed) and cross-validated figures;
- :mod:`.modelfile`: the model as one small deterministic file, applied with numpy alone;
- :mod:`.decide`: probabilities and rule labels to one label set (primary pillar first);
- :mod:`.apply`: labelling a document's paragraphs with evidence from rules and nearest labelled paragraphs.

The evaluation against drafters' pillar headings is kept apart, in :mod:`gcts.annotate.drafters`, and
nothing here imports it: headings are a test set, never training data.
"""
