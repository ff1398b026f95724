"""Screening against the UN Security Council Consolidated List (resolution paragraphs 41, 54, 56).

Framework-free core: :mod:`.listing` (the list as data), :mod:`.consolidated_list` (the official XML reader),
:mod:`.changes` (what changed between two snapshots), :mod:`.normalise` (names in every script to comparable
tokens), :mod:`.names` (name-pair scoring with an explanation), :mod:`.evidence` (dates of birth, nationality,
gender, documents), :mod:`.records` (input records: CSV, XLSX, PAXLST), :mod:`.index` (candidate generation)
and :mod:`.screen` (a screening run as a plain function with a progress callback).
"""
