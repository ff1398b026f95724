"""The library's pages, one module per page family (documents, search, comparison, mandates, upload)."""
