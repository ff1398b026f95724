"""The ``library`` app: the store of resolutions (models, storing, search index) and its pages."""
