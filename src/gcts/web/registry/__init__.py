"""Web pages of the implementation registry: lists, filters, records, forms, import and export, totals.

Every page reads through :mod:`gcts.registry.visibility`; restricted records are counted, never listed.
"""
