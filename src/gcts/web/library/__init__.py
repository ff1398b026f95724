"""The library's pages: views, templates, template tags and static files over the store in
:mod:`gcts.library`."""
