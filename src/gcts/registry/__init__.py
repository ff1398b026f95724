"""The implementation registry: who does what under which pillar and paragraph, with its money, its
assessments and what must stay confidential.

A Django app below the web layer (label ``registry``): ``models`` holds the schema split by aggregate (actors,
activities, money, assessments, assistance, access), ``access`` the one visibility layer every reader goes
through. The rules that need no framework live in plain modules beside them: ``currency`` (rate tables and US
dollars), ``totals`` (flow boundaries, no double counting, pledges apart), ``shares`` (shares that sum to 100
and exact allocation), ``suppression`` (threshold and complementary suppression) and ``matching`` (requests
and offers of assistance).
"""
