"""The stored Consolidated List and screening runs with their analysts' reviews (a Django app below the web
layer, decision 0008). The matching itself is :mod:`gcts.screening`, which knows nothing of Django."""
