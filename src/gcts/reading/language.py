"""Which UN language a text is written in: :func:`gcts.languages.detection.detect`, named here too because
readers detect the language of what they read (language knowledge lives under ``gcts.languages``, so the
structurer asks it there and never imports the reading layer above it)."""

from __future__ import annotations

from gcts.languages.detection import detect

__all__ = ["detect"]
