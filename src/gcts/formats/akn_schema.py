"""Validation of Akoma Ntoso XML against the official OASIS Akoma Ntoso 3.0 schema shipped with gcts.

The schema files live in ``gcts/formats/schema/`` (see the README there for where they came from); the
schema imports ``xml.xsd`` from the same folder, so loading it never touches the network. The compiled
schema is built once per process.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

from lxml import etree

from gcts.errors import FormatError

SCHEMA_FILE = "akomantoso30.xsd"


@cache
def schema() -> etree.XMLSchema:
    """The compiled Akoma Ntoso 3.0 schema (loaded from the package, once)."""
    folder = resources.files("gcts.formats") / "schema"
    with resources.as_file(folder / SCHEMA_FILE) as path:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        doc = etree.parse(str(path), parser)
        return etree.XMLSchema(doc)


def validate(xml: str | bytes) -> list[str]:
    """Validate an Akoma Ntoso document; return its schema errors as ``line N: message`` (empty = valid).

    XML that is not even well formed gives one error naming the line. Entities are never expanded and
    nothing is fetched from the network.
    """
    data = xml.encode("utf-8") if isinstance(xml, str) else xml
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    try:
        doc = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        return [f"line {exc.lineno}: not well-formed XML: {exc.msg}"]
    checker = schema()
    if checker.validate(doc):
        return []
    log: Iterable[Any] = checker.error_log  # type: ignore[assignment]
    return [f"line {e.line}: {e.message}" for e in log]


def require_valid(xml: str | bytes, *, file: str | None = None) -> None:
    """Raise :class:`FormatError` naming the first schema error (and the count) if ``xml`` is invalid."""
    errors = validate(xml)
    if errors:
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise FormatError(f"not valid Akoma Ntoso 3.0: {errors[0]}{more}", file=file)
