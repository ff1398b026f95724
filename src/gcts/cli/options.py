"""Option types shared by the commands, so that a wrong value is a usage error (exit 2) that lists the
right ones, the same way in every command."""

from __future__ import annotations

import click

from gcts.languages import available

#: A language code gcts has data for (``ZH`` is taken as ``zh``); the help lists them.
LANGUAGE = click.Choice(available(), case_sensitive=False)
