"""Markdown writer: every paragraph, number, sub-paragraph and footnote of real documents comes out, and
the text survives a CommonMark renderer unchanged (escaping), with annotations shown when present."""

from __future__ import annotations

import html
import re
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from gcts.formats.markdown import to_markdown
from gcts.model import Annotations, Footnote, Heading, Paragraph, Resolution, SubParagraph
from tests.formats.gold_model import resolution_from_gold

CORPUS = resources.files("gcts") / "data" / "corpus"
FULL_TEXTS = sorted(p.name for p in CORPUS.iterdir() if p.name.endswith(".txt"))


def rendered_text(markdown: str) -> str:
    """What a reader sees: the Markdown rendered by CommonMark (with tables), tags removed."""
    page = MarkdownIt("commonmark").enable("table").render(markdown)
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def test_gold_document_renders_every_part() -> None:
    res = resolution_from_gold()
    md = to_markdown(res)
    seen = rendered_text(md)
    for p in res.paragraphs:
        assert p.text in seen, p.id
    assert re.findall(r"^\*\*(\d+)\.\*\* ", md, flags=re.M) == [str(i) for i in range(1, 86)]
    for f in res.footnotes:
        assert f"[^{f.number}]: " in md
        assert md.count(f"[^{f.number}]") == 1 + sum(p.footnotes.count(f.number) for p in res.paragraphs)
    assert md.startswith("# 联合国全球反恐战略审查\n")
    assert "| Symbol | A/72/L.62 |" in md and "| Agenda item | 118 — 联合国全球反恐战略 |" in md
    # annotations: the opening in bold, the labels after the paragraph
    assert "**又回顾**其 2017 年 6 月 15 日" in md
    assert "*recall · themes un\\_coordination · cites A/71/858, A/RES/71/291*" in md


def test_unannotated_document_has_no_labels() -> None:
    md = to_markdown(resolution_from_gold(annotated=False))
    assert "**重申**" not in md and "· themes" not in md


@pytest.mark.parametrize("name", FULL_TEXTS)
def test_corpus_documents_render_every_paragraph(name: str) -> None:
    from gcts.structure import parse_text

    res = parse_text((CORPUS / name).read_text(encoding="utf-8"), source=name)
    md = to_markdown(res)
    seen = re.sub(r"\s+|\[?\^\d+\]?", "", rendered_text(md))  # markers stand inside the text
    for p in res.paragraphs:
        assert re.sub(r"\s+", "", p.text) in seen, p.id
    for p in res.paragraphs:  # each marker right after the words it followed in the text
        for offset, number in p.footnote_refs:
            before = _escaped(p.text[max(0, offset - 20) : offset])
            assert f"{before}[^{number}]" in md, (p.id, number)


def _escaped(text: str) -> str:
    """``text`` as the writer escapes it for Markdown."""
    table: dict[str, str | int | None] = {c: "\\" + c for c in "\\`*_[]<>|&"}
    return text.translate(str.maketrans(table))


def test_markers_in_place_in_73_7() -> None:
    from gcts.structure import parse_text

    md = to_markdown(parse_text((CORPUS / "A-RES-73-7.en.txt").read_text(encoding="utf-8")))
    assert "International Criminal Court[^1] reaffirms the purposes" in md
    assert "of 12 February 2013[^9] in which the Council" in md
    assert "Relationship Agreement,[^3] which provides" in md


def test_subparagraphs_are_an_indented_list() -> None:
    text = "Calls upon States: (a) to act; (b) to report, in particular: (i) on ten; (ii) on two; and done"
    sub_b = SubParagraph("b", "to report, in particular: (i) on ten; (ii) on two;",
                         children=[SubParagraph("i", "on ten;"), SubParagraph("ii", "on two;")])
    para = Paragraph("operative", 1, text, number=1, footnotes=[1],
                     subparagraphs=[SubParagraph("a", "to act;"), sub_b],
                     annotations=Annotations(opening="Calls upon", function="call_upon"))
    res = Resolution("en", heading=Heading(title="T"), operative=[para],
                     footnotes=[Footnote(1, "A/1.", "operative:1")])
    md = to_markdown(res)
    assert ("**1.** **Calls upon** States:\n- (a) to act;\n- (b) to report, in particular:\n"
            "  - (i) on ten;\n  - (ii) on two;\n\nand done[^1]\\\n*call\\_upon*\n") in md
    page = MarkdownIt("commonmark").render(md)
    assert page.count("<li>") == 4 and page.count("<ul>") == 2


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1,
               max_size=60).map(str.strip).filter(bool))
def test_markdown_syntax_in_text_is_escaped(text: str) -> None:
    normal = " ".join(text.split())
    res = Resolution("en", heading=Heading(title="T"),
                     preamble=[Paragraph("preamble", 1, normal)],
                     operative=[Paragraph("operative", 1, normal, number=1)])
    seen = rendered_text(to_markdown(res))
    assert seen.count(normal) >= 2


@pytest.mark.parametrize("text", ["1. not a list", "2) nor this", "# not a heading", "- nor a bullet",
                                  "~~~ nor a fence", "&amp; stays", "a *b* _c_ [d](e) <f> `g` | h"])
def test_markdown_lookalikes_stay_text(text: str) -> None:
    res = Resolution("en", heading=Heading(title="T"), preamble=[Paragraph("preamble", 1, text)])
    assert text in rendered_text(to_markdown(res))
