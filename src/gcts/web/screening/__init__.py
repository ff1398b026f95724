"""Screening pages: start a run from an upload, review its hits (true match / false positive with a note),
the stored list snapshots; and ``/api/screen`` for one record. Nothing screened leaves the machine."""
