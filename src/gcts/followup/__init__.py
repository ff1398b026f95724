"""Following mandates up: when each duty falls due, its next occurrences, and what is overdue.

Framework-free (no Django): :mod:`gcts.followup.sessions` dates General Assembly sessions from a shipped
table, :mod:`gcts.followup.due` turns a mandate's deadline, session and recurrence into due dates relative to
a day, :mod:`gcts.followup.ical` writes them as iCalendar and :mod:`gcts.followup.sheets` as CSV and
XLSX rows.
"""
