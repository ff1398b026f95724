"""Word-level redlines of aligned paragraphs, and the HTML and Markdown renderings of a comparison.

Words are what a reader counts as words: for alphabetic scripts, runs of letters and digits (and each
punctuation mark); for Chinese, the words of jieba's segmentation (the language data names the segmenter and
domain terms). UN symbols and numbers (``71/291``, ``A/72/L.62``, ``2178 (2014)``, ``2,5``) are cut out first
and kept whole, so a changed resolution number shows as one replaced token, never as ``71`` ``/`` ``291``.

Within a paragraph, a deleted passage that reappears elsewhere is shown as a move (``move-from`` / ``move-to``
with a shared number), not as a deletion plus an insertion. Whole paragraphs that moved are shown by
:func:`to_html` / :func:`to_markdown` at their new place with "moved from …".
"""

from __future__ import annotations

import difflib
import html
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from gcts.compare.labels import FALLBACK, Labels, labels
from gcts.compare.similarity import TextRules, rules_for

if TYPE_CHECKING:
    from gcts.compare.comparison import Change, Comparison

Op = Literal["equal", "insert", "delete", "move-from", "move-to", "break", "join"]

#: Kept whole by every segmenter: document symbols, resolution numbers, numbers with separators.
PROTECTED = re.compile(
    r"[A-Z]{1,4}(?:/[A-Z0-9.\-]+)+(?:\s?\(\d{4}\))?"  # A/RES/60/288, S/2017/375, A/72/L.62
    r"|\d+/\d+(?:\s?[A-Z]\b)?"  # 60/288, 53/243 A
    r"|\d{3,4}\s?\(\d{4}\)"  # 2178 (2014)
    r"|\d+(?:[.,]\d+)*"  # 2030, 1.3, 2,5
)
_WORDS = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]", re.UNICODE)
_SPACE = re.compile(r"\s+")
BREAK_KEY = "\x00¶"

_jieba_lock = threading.Lock()
_jieba_ready: set[tuple[str, ...]] = set()


@dataclass(frozen=True, slots=True)
class Token:
    """A word as compared (``key``) and as shown (``text``, with the white space that followed it)."""

    key: str
    text: str


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of the redline: unchanged, inserted, deleted, moved (from/to, paired by ``move``), or a
    paragraph boundary introduced by a split (``break``) or removed by a merge (``join``)."""

    op: Op
    text: str
    move: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """``{"op", "text"}`` plus ``"move"`` for moved passages."""
        d: dict[str, Any] = {"op": self.op, "text": self.text}
        if self.move is not None:
            d["move"] = self.move
        return d


def _jieba_words(text: str, rules: TextRules) -> list[str]:
    import jieba

    with _jieba_lock:
        if rules.user_words not in _jieba_ready:
            jieba.setLogLevel(60)
            for word in rules.user_words:
                jieba.add_word(word)
            _jieba_ready.add(rules.user_words)
    return list(jieba.cut(text))


def tokenize(text: str, language: str) -> list[Token]:
    """The words of ``text`` as the redline compares them; joining every ``token.text`` gives ``text`` back
    (less leading white space)."""
    rules = rules_for(language)
    pieces: list[str] = []
    pos = 0
    for m in PROTECTED.finditer(text):
        pieces.extend(_segment(text[pos : m.start()], rules))
        pieces.append(m.group(0))
        pos = m.end()
    pieces.extend(_segment(text[pos:], rules))
    tokens: list[Token] = []
    for piece in pieces:
        if not piece:
            continue
        if piece.isspace():
            if tokens:
                tokens[-1] = Token(tokens[-1].key, tokens[-1].text + piece)
            continue
        tokens.append(Token(_SPACE.sub(" ", piece.strip()), piece))
    return tokens


def _segment(text: str, rules: TextRules) -> list[str]:
    """Words and the white space between them, in order (white space as its own pieces)."""
    if not text:
        return []
    if rules.segmenter == "jieba":
        return _jieba_words(text, rules)
    out: list[str] = []
    pos = 0
    for m in _WORDS.finditer(text):
        if m.start() > pos:
            out.append(text[pos : m.start()])
        out.append(m.group(0))
        pos = m.end()
    if pos < len(text):
        out.append(text[pos:])
    return out


def _join(parts: Sequence[Sequence[Token]]) -> list[Token]:
    """Token lists of several paragraphs with a boundary token between them (for splits and merges)."""
    out: list[Token] = []
    for k, part in enumerate(parts):
        if k:
            out.append(Token(BREAK_KEY, ""))
        out.extend(part)
    return out


def _spaced(old: Token, new: Token) -> Token:
    """The new token, keeping the old one's trailing space when only the old had one (so that neither side's
    words run together when deleted and unchanged runs are shown next to each other)."""
    if new.text[-1:].isspace() or not old.text[-1:].isspace():
        return new
    return Token(new.key, new.text + old.text[len(old.text.rstrip()) :])


def diff(a_texts: Sequence[str], b_texts: Sequence[str], language: str) -> list[Segment]:
    """The redline turning the paragraph(s) ``a_texts`` into ``b_texts`` (several on one side:
    split/merge)."""
    ta = _join([tokenize(t, language) for t in a_texts])
    tb = _join([tokenize(t, language) for t in b_texts])
    matcher = difflib.SequenceMatcher(None, [t.key for t in ta], [t.key for t in tb], autojunk=False)
    raw: list[tuple[Op, list[Token]]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            raw.append(("equal", [_spaced(x, y) for x, y in zip(ta[i1:i2], tb[j1:j2], strict=True)]))
            continue
        if tag in ("delete", "replace"):
            raw.append(("delete", ta[i1:i2]))
        if tag in ("insert", "replace"):
            raw.append(("insert", tb[j1:j2]))
    return _mark_moves(raw)


def _split_breaks(op: Op, tokens: list[Token]) -> list[tuple[Op, list[Token]]]:
    """Cut a run at boundary tokens: an inserted boundary is a ``break`` (split), a deleted one a ``join``."""
    out: list[tuple[Op, list[Token]]] = []
    current: list[Token] = []
    for tok in tokens:
        if tok.key == BREAK_KEY:
            if current:
                out.append((op, current))
                current = []
            out.append(("join" if op == "delete" else "break", [tok]))
        else:
            current.append(tok)
    if current:
        out.append((op, current))
    return out


def _mark_moves(raw: list[tuple[Op, list[Token]]]) -> list[Segment]:
    """Pair a deleted run with an inserted run of the same words elsewhere: both become a move."""
    runs: list[tuple[Op, list[Token]]] = [r for op, toks in raw for r in _split_breaks(op, toks)]
    key = lambda toks: " ".join(t.key for t in toks)  # noqa: E731 — local shorthand
    long_enough = lambda toks: len(toks) >= 3 or sum(len(t.key) for t in toks) >= 6  # noqa: E731
    deleted = {k: key(t) for k, (op, t) in enumerate(runs) if op == "delete" and long_enough(t)}
    moves: dict[int, tuple[Op, int]] = {}
    next_id = 1
    for k, (op, toks) in enumerate(runs):
        if op != "insert" or not long_enough(toks):
            continue
        ins = key(toks)
        for d, text in deleted.items():
            if d in moves:
                continue
            if text == ins or (len(ins) >= 20 and difflib.SequenceMatcher(None, text, ins).ratio() >= 0.9):
                moves[d] = ("move-from", next_id)
                moves[k] = ("move-to", next_id)
                next_id += 1
                break
    segments: list[Segment] = []
    for k, (op, toks) in enumerate(runs):
        text = "".join(t.text for t in toks)
        if k in moves:
            segments.append(Segment(moves[k][0], text, moves[k][1]))
        elif segments and segments[-1].op == op and op in ("equal", "insert", "delete"):
            segments[-1] = Segment(op, segments[-1].text + text)
        else:
            segments.append(Segment(op, text))
    return segments


def change_share(segments: Sequence[Segment]) -> float:
    """Share of the characters of the redline that were inserted or deleted (moves count as half)."""
    total = sum(len(s.text) for s in segments if s.op not in ("break", "join"))
    if total == 0:
        return 0.0
    changed = sum(len(s.text) for s in segments if s.op in ("insert", "delete"))
    moved = sum(len(s.text) for s in segments if s.op in ("move-from", "move-to"))
    return (changed + 0.5 * moved) / total


# --- renderings ---------------------------------------------------------------------------------------------

_CSS = """
body { font-family: "Noto Serif", "Noto Serif CJK SC", "Noto Sans CJK SC", serif; max-width: 60rem;
       margin: 2rem auto; line-height: 1.6; color: #111; }
h1 { font-size: 1.4rem; } .meta, .reason { color: #555; font-size: .85rem; }
.change { border-left: 4px solid #ccc; padding: .2rem .8rem; margin: .8rem 0; page-break-inside: avoid; }
.change.added { border-color: #1a7f37; } .change.removed { border-color: #b42318; }
.change.changed, .change.split, .change.merged { border-color: #9a6700; } .change.moved { border-color:
#0969da; }
.change.moved-out { border-color: #0969da; border-left-style: dashed; color: #555; }
.ids { font-weight: bold; font-size: .85rem; } .low { color: #b42318; font-weight: bold; }
ins { background: #dafbe1; text-decoration: underline; } del { background: #ffebe9; text-decoration:
line-through; }
.move-from { background: #ddf4ff; text-decoration: line-through double; }
.move-to { background: #ddf4ff; text-decoration: underline double; }
.break, .join { color: #0969da; font-weight: bold; }
.side { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
table.summary { border-collapse: collapse; } table.summary td, table.summary th { border: 1px solid #ccc;
  padding: .2rem .6rem; text-align: right; }
@media print { body { margin: 0; max-width: none; } .change { break-inside: avoid; }
  ins, del, .move-from, .move-to { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
"""


def _segments_html(segments: Sequence[Segment], lab: Labels) -> str:
    out: list[str] = []
    for s in segments:
        t = html.escape(s.text)
        if s.op == "equal":
            out.append(t)
        elif s.op == "insert":
            out.append(f"<ins>{t}</ins>")
        elif s.op == "delete":
            out.append(f"<del>{t}</del>")
        elif s.op == "move-from":
            title = html.escape(lab("mark-move-from", n=s.move), quote=True)
            out.append(f'<del class="move-from" title="{title}">{t}</del><sup>[{s.move}]&#8594;</sup>')
        elif s.op == "move-to":
            title = html.escape(lab("mark-move-to"), quote=True)
            out.append(f'<sup>&#8594;[{s.move}]</sup><ins class="move-to" title="{title}">{t}</ins>')
        elif s.op == "break":
            out.append(f'<span class="break" title="{html.escape(lab("mark-break"), quote=True)}"> ¶ </span>')
        else:
            out.append(f'<span class="join" title="{html.escape(lab("mark-join"), quote=True)}"> ⁀ </span>')
    return "".join(out)


def _heading(change: Change, lab: Labels) -> str:
    """The heading of a change: its paragraph ids and what happened, in the reader's language."""
    a = lab("list-separator").join(change.a) or lab("none")
    b = lab("list-separator").join(change.b) or lab("none")
    return lab(f"heading-{change.kind}", a=a, b=b)


def _reason(change: Change, lab: Labels) -> str:
    """Why the change's paragraphs were paired, in the reader's language (the English text when the change
    carries no notes, e.g. one built by hand)."""
    return lab.notes(change.notes) if change.notes else change.reason


def _score(change: Change, lab: Labels) -> str:
    return f" · {lab('score', score=f'{change.score:.2f}')}" if change.score is not None else ""


def _lang(code: str) -> str:
    """A ``lang`` attribute for ``code``, escaped: a document's language comes from its file."""
    return f' lang="{html.escape(code, quote=True)}"'


def _change_html(change: Change, lab: Labels) -> str:
    head = html.escape(_heading(change, lab))
    low = ""
    if change.confidence == "low":
        low = f' <span class="low">{html.escape(lab("low-confidence"))}</span>'
    reason_text = _reason(change, lab)
    reason = (
        f'<div class="reason">{html.escape(reason_text)}{html.escape(_score(change, lab))}</div>'
        if reason_text
        else ""
    )
    text_lang = change.b_lang or change.a_lang
    if change.kind == "moved-out":
        body = ""
    elif change.segments:
        body = f'<p{_lang(text_lang)}>{_segments_html(change.segments, lab)}</p>'
    elif change.kind == "added":
        body = f'<p{_lang(change.b_lang)}><ins>{html.escape(change.b_text)}</ins></p>'
    elif change.kind == "removed":
        body = f'<p{_lang(change.a_lang)}><del>{html.escape(change.a_text)}</del></p>'
    elif change.a_text != change.b_text and change.a_text and change.b_text:
        body = (
            f'<div class="side"><p{_lang(change.a_lang)}>{html.escape(change.a_text)}</p>'
            f'<p{_lang(change.b_lang)}>{html.escape(change.b_text)}</p></div>'
        )
    else:
        shown_lang = change.b_lang if change.b_text else change.a_lang
        body = f'<p{_lang(shown_lang)}>{html.escape(change.b_text or change.a_text)}</p>'
    kind, anchor = html.escape(change.kind, quote=True), html.escape(change.anchor, quote=True)
    return (
        f'<div class="change {kind}" id="{anchor}">'
        f'<div class="ids">{head}{low}</div>{body}{reason}</div>'
    )


def _summary_rows(cmp: Comparison, lab: Labels) -> list[tuple[str, int]]:
    """The "what is new" counts with their categories named in the reader's language."""
    return [(lab("category-" + k.replace(" ", "-")), v) for k, v in cmp.summary.counts.items()]


def _warnings(cmp: Comparison, lab: Labels) -> list[str]:
    """The alignment's warnings in the reader's language (their English text when they carry no notes)."""
    al = cmp.alignment
    if len(al.warning_notes) == len(al.warnings):
        return [lab.note(n) for n in al.warning_notes]
    return list(al.warnings)


def _totals(cmp: Comparison, lab: Labels) -> str:
    """The line under the title: kind of comparison, pairs, new and removed paragraphs."""
    al = cmp.alignment
    return (
        f"{lab('mode-' + al.mode)} · "
        f"{lab('totals', pairs=len(al.pairs), new=len(al.added), removed=len(al.removed))}"
    )


def to_html(cmp: Comparison, *, standalone: bool = True, ui_language: str = FALLBACK) -> str:
    """A printable HTML redline: summary table, then every paragraph in reading order with its changes marked.

    The redline's own words (headings, legend, summary, reasons, warnings) are in ``ui_language`` (labels of
    ``languages/<code>/compare.toml``, English for what a language lacks); the documents' text keeps its
    own language (``lang`` attributes). With ``standalone=False`` only the ``<section>`` is returned (for
    embedding in a page that brings the CSS: :data:`CSS` holds it).
    """
    lab = labels(ui_language)
    title = lab("title", a=cmp.name_a, b=cmp.name_b)
    rows = "".join(f"<tr><th>{html.escape(k)}</th><td>{v}</td></tr>" for k, v in _summary_rows(cmp, lab))
    warnings = "".join(f'<p class="low">{html.escape(w)}</p>' for w in _warnings(cmp, lab))
    e = html.escape
    legend = (
        f'<p class="meta">{e(lab("legend"))}{e(lab("colon"))}<ins>{e(lab("legend-inserted"))}</ins> · '
        f"<del>{e(lab('legend-deleted'))}</del> · "
        f'<del class="move-from">{e(lab("legend-moved-from"))}</del>/'
        f'<ins class="move-to">{e(lab("legend-moved-to"))}</ins> · '
        f'<span class="break">¶</span> {e(lab("legend-split"))} · '
        f'<span class="join">⁀</span> {e(lab("legend-joined"))}</p>'
    )
    section = (
        f'<section class="gcts-compare" lang="{e(ui_language)}"><h1>{e(title)}</h1>'
        f'<p class="meta">{e(_totals(cmp, lab))}</p>{warnings}'
        f'<table class="summary"><caption>{e(lab("summary-caption"))}</caption>{rows}</table>{legend}'
        + "".join(_change_html(c, lab) for c in cmp.changes)
        + "</section>"
    )
    if not standalone:
        return section
    return (
        f'<!DOCTYPE html><html lang="{e(ui_language)}"><head><meta charset="utf-8">'
        f"<title>{e(title)}</title><style>{_CSS}</style></head><body>{section}</body></html>\n"
    )


CSS = _CSS

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", _SPACE.sub(" ", text))


def _segments_md(segments: Sequence[Segment]) -> str:
    out: list[str] = []
    for s in segments:
        t = _md(s.text).strip()
        pad_l = " " if s.text[:1].isspace() else ""
        pad_r = " " if s.text[-1:].isspace() else ""
        if s.op == "equal":
            out.append(_md(s.text))
        elif not t and s.op in ("insert", "delete", "move-from", "move-to"):
            out.append(pad_l)
        elif s.op == "insert":
            out.append(f"{pad_l}**{t}**{pad_r}")
        elif s.op == "delete":
            out.append(f"{pad_l}~~{t}~~{pad_r}")
        elif s.op == "move-from":
            out.append(f"{pad_l}~~{t}~~^\\[{s.move}\\]→^{pad_r}")
        elif s.op == "move-to":
            out.append(f"{pad_l}^→\\[{s.move}\\]^**{t}**{pad_r}")
        elif s.op == "break":
            out.append(" ¶ ")
        else:
            out.append(" ⁀ ")
    return "".join(out)


def to_markdown(cmp: Comparison, *, ui_language: str = FALLBACK) -> str:
    """A Markdown redline: **inserted**, ~~deleted~~, moves numbered ``[n]→`` / ``→[n]``, ¶ split, ⁀
    joined; its own words in ``ui_language`` (English for what a language lacks)."""
    lab = labels(ui_language)
    colon = lab("colon")
    lines = [f"# {_md(lab('title', a=cmp.name_a, b=cmp.name_b))}", "", _md(_totals(cmp, lab)), ""]
    lines += [f"> **{_md(lab('warning'))}{colon}** {_md(w)}" for w in _warnings(cmp, lab)]
    lines += [
        "",
        f"**{_md(lab('summary-caption'))}**",
        "",
        f"| {_md(lab('summary-what'))} | {_md(lab('summary-paragraphs'))} |",
        "|---|---:|",
    ]
    lines += [f"| {_md(k)} | {v} |" for k, v in _summary_rows(cmp, lab)]
    lines += [
        "",
        f"{_md(lab('legend'))}{colon}**{_md(lab('legend-inserted'))}** · ~~{_md(lab('legend-deleted'))}~~ · "
        f"{_md(lab('legend-moved-passages'))} `[n]→` … `→[n]` · ¶ {_md(lab('legend-split'))} · "
        f"⁀ {_md(lab('legend-joined'))}",
        "",
    ]
    for c in cmp.changes:
        low = f" — *{_md(lab('low-confidence'))}*" if c.confidence == "low" else ""
        lines.append(f"### {_md(_heading(c, lab))}{low}")
        lines.append("")
        if c.kind == "moved-out":
            continue
        if c.segments:
            lines.append(_segments_md(c.segments))
        elif c.kind == "added":
            lines.append(f"**{_md(c.b_text)}**")
        elif c.kind == "removed":
            lines.append(f"~~{_md(c.a_text)}~~")
        elif c.a_text and c.b_text and c.a_text != c.b_text:
            lines += [f"- {c.a_lang}: {_md(c.a_text)}", f"- {c.b_lang}: {_md(c.b_text)}"]
        else:
            lines.append(_md(c.b_text or c.a_text))
        reason = _reason(c, lab)
        if reason:
            lines += ["", f"*{_md(reason)}*{_md(_score(c, lab))}"]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
