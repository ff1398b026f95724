"""Changes between two snapshots, checked against an independent reading of the raw XML."""

from __future__ import annotations

import itertools

import pytest
from lxml import etree

from gcts.screening.changes import compare_lists
from gcts.screening.consolidated_list import read_consolidated_list
from tests.screening.conftest import SNAPSHOTS

# Elements the reader does not keep: sort keys, a second document type, an alias's own notes and birth data.
IGNORED = {"SORT_KEY", "SORT_KEY_LAST_MOD", "SUBMITTED_ON", "TYPE_OF_DOCUMENT2"}
ALIAS_KEPT = {"QUALITY", "ALIAS_NAME"}


def _leaves(node) -> frozenset[tuple[str, str]]:  # type: ignore[no-untyped-def]
    out = set()
    for leaf in node.iter():
        text = " ".join((leaf.text or "").split())
        if len(leaf) or not text or leaf.tag in IGNORED:
            continue
        parent = leaf.getparent().tag
        if parent.endswith("_ALIAS") and leaf.tag not in ALIAS_KEPT:
            continue
        if leaf.tag in ("DATE", "LISTED_ON", "DATE_OF_ISSUE", "VALUE") and text[:4].isdigit() and "T" in text:
            text = text[:10]
        if leaf.tag in ("GENDER", "QUALITY"):
            text = text.lower()
        out.add((f"{parent}/{leaf.tag}", text))
    return frozenset(out)


def _raw(path) -> dict[str, frozenset[tuple[str, str]]]:  # type: ignore[no-untyped-def]
    tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    return {n.findtext("REFERENCE_NUMBER").strip(): _leaves(n) for n in tree.xpath("//INDIVIDUAL|//ENTITY")}


@pytest.mark.parametrize(
    ("old", "new"),
    list(itertools.pairwise(SNAPSHOTS)),
    ids=[f"{a.name[-14:-4]}..{b.name[-14:-4]}" for a, b in itertools.pairwise(SNAPSHOTS)],
)
def test_listed_delisted_amended_exact(old, new) -> None:  # type: ignore[no-untyped-def]
    changes = compare_lists(read_consolidated_list(old), read_consolidated_list(new))
    raw_old, raw_new = _raw(old), _raw(new)
    assert {e.reference_number for e in changes.listed} == set(raw_new) - set(raw_old)
    assert {e.reference_number for e in changes.delisted} == set(raw_old) - set(raw_new)
    expected = {r for r in set(raw_old) & set(raw_new) if raw_old[r] != raw_new[r]}
    assert {a.reference_number for a in changes.amended} == expected


def test_field_by_field(snapshots) -> None:  # type: ignore[no-untyped-def]
    old, new = read_consolidated_list(snapshots[-2]), read_consolidated_list(snapshots[-1])
    changes = compare_lists(old, new)
    assert changes.amended
    before, after = old.by_reference(), new.by_reference()
    for amendment in changes.amended:
        for change in amendment.changes:
            a = getattr(before[amendment.reference_number], change.field)
            b = getattr(after[amendment.reference_number], change.field)
            if isinstance(a, tuple):
                assert set(change.added) == set(b) - set(a) and set(change.removed) == set(a) - set(b)
            else:
                assert (change.old, change.new) == (a, b)
