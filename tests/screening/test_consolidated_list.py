"""The list reader on all four official snapshots, counted independently with lxml XPath, and hostile XML."""

from __future__ import annotations

import pytest
from lxml import etree

from gcts.errors import FormatError
from gcts.screening.consolidated_list import parse_consolidated_list, read_consolidated_list
from tests.screening.conftest import SNAPSHOTS


def _tree(path):  # type: ignore[no-untyped-def]
    return etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))


@pytest.mark.parametrize("path", SNAPSHOTS, ids=[p.name[-14:-4] for p in SNAPSHOTS])
def test_counts_equal_the_files(path) -> None:  # type: ignore[no-untyped-def]
    tree = _tree(path)
    listed = read_consolidated_list(path)
    assert len(listed.individuals) == tree.xpath("count(/CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL)")
    assert len(listed.entities) == tree.xpath("count(/CONSOLIDATED_LIST/ENTITIES/ENTITY)")
    aliases = tree.xpath(
        "count(//INDIVIDUAL_ALIAS/ALIAS_NAME[normalize-space()]"
        " | //ENTITY_ALIAS/ALIAS_NAME[normalize-space()])"
    )
    assert sum(len(e.aliases) for e in listed.entries) == aliases
    low = tree.xpath("count(//INDIVIDUAL_ALIAS[QUALITY='Low'][normalize-space(ALIAS_NAME)])")
    assert sum(1 for e in listed.entries for n in e.aliases if n.quality == "low") == low
    originals = tree.xpath("count(//NAME_ORIGINAL_SCRIPT[normalize-space()])")
    assert sum(1 for e in listed.entries for n in e.names if n.quality == "original") == originals
    assert listed.generated == tree.getroot().get("dateGenerated")
    documents = tree.xpath(
        "count(//INDIVIDUAL_DOCUMENT[normalize-space(TYPE_OF_DOCUMENT) or "
        "normalize-space(NUMBER) or normalize-space(NOTE)])"
    )
    assert sum(len(e.documents) for e in listed.entries) == documents


def test_one_entry_read_whole(snapshots) -> None:  # type: ignore[no-untyped-def]
    entry = read_consolidated_list(snapshots[-1]).by_reference()["QDi.001"]
    tree = _tree(snapshots[-1])
    node = tree.xpath("//INDIVIDUAL[REFERENCE_NUMBER='QDi.001']")[0]
    assert entry.primary_name == " ".join(
        node.xpath("FIRST_NAME/text()|SECOND_NAME/text()|THIRD_NAME/text()|FOURTH_NAME/text()")
    )
    assert [n.name for n in entry.names if n.quality == "original"] == node.xpath(
        "NAME_ORIGINAL_SCRIPT/text()"
    )
    assert entry.listed_on == node.findtext("LISTED_ON")
    assert list(entry.amended_on) == node.xpath("LAST_DAY_UPDATED/VALUE/text()")
    assert list(entry.nationalities) == node.xpath("NATIONALITY/VALUE/text()")
    assert [d.date for d in entry.birth_dates] == node.xpath("INDIVIDUAL_DATE_OF_BIRTH/DATE/text()")
    assert entry.un_list_type == node.findtext("UN_LIST_TYPE")


def test_birth_date_kinds(snapshots) -> None:  # type: ignore[no-untyped-def]
    listed = read_consolidated_list(snapshots[-1])
    dobs = [d for e in listed.entries for d in e.birth_dates]
    kinds = {d.kind for d in dobs}
    assert {"exact", "approximate", "between"} <= kinds
    between = [d for d in dobs if d.kind == "between" and d.from_year]
    assert between and all(d.years() == (d.from_year, d.to_year) for d in between)
    assert any(d.year and not d.date for d in dobs)  # year only


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>&lol3;</FIRST_NAME></INDIVIDUAL></INDIVIDUALS>
</CONSOLIDATED_LIST>"""
XXE = b"""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>&e;</FIRST_NAME></INDIVIDUAL></INDIVIDUALS>
</CONSOLIDATED_LIST>"""
DTD_ONLY = b"""<?xml version="1.0"?><!DOCTYPE CONSOLIDATED_LIST SYSTEM "http://example.invalid/x.dtd">
<CONSOLIDATED_LIST/>"""


@pytest.mark.parametrize("data", [BOMB, XXE, DTD_ONLY], ids=["bomb", "xxe", "external-dtd"])
def test_hostile_xml_is_refused(data: bytes) -> None:
    with pytest.raises(FormatError, match="refused"):
        parse_consolidated_list(data, source="hostile.xml")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<CONSOLIDATED_LIST><INDIVIDUALS>", "not well-formed"),
        (b"<html/>", "expected <CONSOLIDATED_LIST>"),
        (
            b"<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>A</FIRST_NAME></INDIVIDUAL></INDIVIDUALS>"
            b"</CONSOLIDATED_LIST>",
            "REFERENCE_NUMBER",
        ),
    ],
)
def test_bad_xml_one_line(data: bytes, message: str) -> None:
    with pytest.raises(FormatError, match=message) as caught:
        parse_consolidated_list(data, source="bad.xml")
    assert "\n" not in str(caught.value) and str(caught.value).startswith("bad.xml")
