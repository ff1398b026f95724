"""The resolution library's store, a Django app below the web (app label ``library``).

Documents with their paragraphs, footnotes and annotations (:mod:`gcts.library.models`), storing a
:class:`gcts.model.Resolution` and rebuilding it (:mod:`gcts.library.store`), the full-text index
(:mod:`gcts.library.search`), the collection the command line reads (:mod:`gcts.library.collection`) and the
first start (:mod:`gcts.library.bootstrap`). The command line, the web and a notebook use the same functions
after :func:`gcts.store.setup`.
"""
