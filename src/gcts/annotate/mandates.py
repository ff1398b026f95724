"""Mandates: duties an operative paragraph puts on a named actor, with a deadline, a session or a recurrence.

A duty opens at a mandate verb (``[verbs]`` of ``languages/<code>/mandates.toml``: 请, 决定, Requests,
Decides, Invites …) standing at the start of the paragraph or of a clause, and runs until the next clause that
opens with another operative verb (``[clause].stops``) or to a clause end mark. Within that scope the actor is
the first actor named right after the verb (for a decision, the body adopting the resolution), and the time is
read from the language's deadline, session and recurrence patterns. Only duties that carry a time are kept:
that is what the gold contract calls a mandate. A malformed date gives no deadline and a quality warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from gcts.annotate import sessions
from gcts.annotate.phrases import trie_alternation
from gcts.languages import profile
from gcts.model import ActorMention, Evidence, Mandate, QualityIssue


@dataclass(frozen=True)
class _Rules:
    verbs: re.Pattern[str] | None
    actions: dict[str, str]
    stops: re.Pattern[str] | None
    end: re.Pattern[str]
    actor_gap: int
    decide_actor: str
    deadlines: tuple[re.Pattern[str], ...]
    sessions: tuple[re.Pattern[str], ...]
    recurrence: re.Pattern[str] | None
    periods: dict[str, str]
    months: dict[str, int]


def _alternation(words: list[str]) -> str:
    return trie_alternation(words)


@cache
def _rules(lang: str) -> _Rules:
    data = profile(lang).section("mandates")
    spaced = bool(profile(lang).get("openings", "matching", {}).get("spaced", False))
    edge = r"(?![\w-])" if spaced else ""
    clause = data.get("clause", {})
    lead = clause.get("lead", r"(?:^|[;；]\s*)")
    verbs = {k.lower(): v for k, v in data.get("verbs", {}).items()}
    stops = list(dict.fromkeys([s.lower() for s in clause.get("stops", [])] + list(verbs)))
    periods = {k.lower(): v for k, v in data.get("recurrence", {}).items()}
    return _Rules(
        verbs=(re.compile(rf"{lead}(?P<verb>{_alternation(list(verbs))}){edge}", re.IGNORECASE)
               if verbs else None),
        actions=verbs,
        stops=re.compile(rf"{lead}(?:{_alternation(stops)}){edge}", re.IGNORECASE) if stops else None,
        end=re.compile(clause.get("end", r"[;；。]")),
        actor_gap=int(clause.get("actor_max_gap", 2)),
        decide_actor=str(clause.get("decide_actor", "general_assembly")),
        deadlines=tuple(re.compile(p) for p in data.get("deadline", {}).get("patterns", [])),
        sessions=tuple(re.compile(p) for p in data.get("session", {}).get("patterns", [])),
        recurrence=re.compile(rf"(?i:{_alternation(list(periods))}){edge}") if periods else None,
        periods=periods,
        months={k.lower(): int(v) for k, v in data.get("months", {}).items()},
    )


def find(text: str, lang: str, actors: list[ActorMention], where: str,
         decider: str | None = None) -> tuple[list[Mandate], list[QualityIssue]]:
    """The timed duties of one operative paragraph, and quality issues (malformed dates, no actor)."""
    rules = _rules(lang)
    if rules.verbs is None:
        return [], []
    out: list[Mandate] = []
    issues: list[QualityIssue] = []
    for v in rules.verbs.finditer(text):
        start = v.end("verb")
        stop = len(text)
        if rules.stops is not None:
            nxt = rules.stops.search(text, start)
            stop = nxt.start() if nxt else stop
        end = rules.end.search(text, start, stop)
        stop = end.start() if end else stop
        scope = text[start:stop]
        action = rules.actions[v.group("verb").lower()]
        deadline, dterm, bad = _deadline(scope, rules)
        if bad:
            issues.append(QualityIssue(code="bad-date", where=where,
                                       message=f"malformed date in a mandate: {bad!r}"))
        session, sterm = _session(scope, rules, lang)
        recurrence, rterm = _recurrence(scope, rules)
        if deadline is None and session is None and recurrence is None:
            continue
        actor = next((a for a in actors if 0 <= a.start - start <= rules.actor_gap), None)
        actor_id = actor.actor if actor else (decider or rules.decide_actor) if action == "decide" else None
        if actor_id is None:
            issues.append(QualityIssue(code="mandate-no-actor", where=where,
                                       message=f"a timed duty ({v.group('verb')!r}) names no known actor"))
            continue
        obj_from = actor.end - start if actor else 0
        terms = [t for t in (v.group("verb"), actor.surface if actor else "", dterm, sterm, rterm) if t]
        out.append(Mandate(
            actor=actor_id, action=action, object=scope[obj_from:].strip(" ，,;；"),  # what is asked, whole
            deadline=deadline, session=session, recurrence=recurrence,
            session_dates=sessions.session_dates(session) if session else None,
            start=v.start("verb"), end=stop,
            evidence=[Evidence(method="rule", rule=f"mandates.verb:{v.group('verb')}", terms=terms)]))
    return out, issues


def _deadline(scope: str, rules: _Rules) -> tuple[str | None, str, str]:
    """(YYYY-MM, YYYY-MM-DD or YYYY, matched text, malformed text) for the first deadline in ``scope``.

    The patterns are tried in the order of the language data (full dates before years alone)."""
    for p in rules.deadlines:
        m = p.search(scope)
        if not m:
            continue
        g = m.groupdict()
        year = int(g["year"])
        if not (g.get("month") or g.get("monthname")):  # a year alone ("no later than 2019"): year precision
            return (f"{year:04d}", m.group(0), "") if 1945 <= year <= 2199 else (None, "", m.group(0))
        month = int(g["month"]) if g.get("month") else rules.months.get((g.get("monthname") or "").lower(), 0)
        day = int(g["day"]) if g.get("day") else None
        try:
            date(year, month, day or 1)
        except ValueError:
            return None, "", m.group(0)
        return (f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")), m.group(0), ""
    return None, "", ""


def _session(scope: str, rules: _Rules, lang: str) -> tuple[int | None, str]:
    for p in rules.sessions:
        for m in p.finditer(scope):
            words = m.group("num").split()
            # the pattern may take a following word too (دورتها السبعين تقريرا): try the longest number first
            for k in range(len(words), 0, -1):
                n = sessions.parse_number(" ".join(words[:k]), lang)
                if n:
                    return n, m.group(0)
    return None, ""


def _recurrence(scope: str, rules: _Rules) -> tuple[str | None, str]:
    if rules.recurrence is None:
        return None, ""
    m = rules.recurrence.search(scope)
    return (rules.periods[m.group(0).lower()], m.group(0)) if m else (None, "")
