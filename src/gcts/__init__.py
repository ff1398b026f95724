"""gcts: structured, comparable, searchable data from UN Global Counter-Terrorism Strategy review resolutions."""

__version__ = "0.1.0"
