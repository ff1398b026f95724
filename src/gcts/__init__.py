"""gcts: structured, comparable, searchable data from the UN Global Counter-Terrorism Strategy reviews."""

__version__ = "0.1.0"
