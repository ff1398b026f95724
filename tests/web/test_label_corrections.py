"""Editors teach the labeller: their corrections in the store become training examples."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group, User
from django.test import Client

from gcts.cli.labels import store_examples


def test_corrected_pillars_become_an_example_of_pillars_only(client: Client, stored_gold: Any) -> None:
    editor = User.objects.create_user("ed", password="x-editor-1")
    editor.groups.add(Group.objects.get(name="editor"))
    client.login(username="ed", password="x-editor-1")
    assert store_examples() == []
    client.post("/documents/A-72-L.62.zh/paragraphs/operative:83/correct/", {"pillars": "III,IV"})
    client.post("/documents/A-72-L.62.zh/paragraphs/operative:84/correct/",
                {"pillars": "III", "themes": "strategy,un_coordination,victims"})
    found = {e.pid: e for e in store_examples()}
    assert set(found) == {"operative:83", "operative:84"}
    first = found["operative:83"]
    assert first.pillars == ("III", "IV") and first.concerns == ("pillars",)
    assert first.language == "zh" and first.source == "editors' corrections in the store"
    assert first.text == stored_gold.paragraphs.get(pid="operative:83").text
    assert found["operative:84"].concerns == ("pillars", "themes")
    assert "victims" in found["operative:84"].themes
