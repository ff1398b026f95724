"""The store's schema, split by aggregate: documents (with paragraphs and footnotes), annotations (labels,
references, actors, mandates and the corrections people make to them) and comparisons."""

from gcts.library.models.annotations import ActorMention, Correction, Label, Mandate, Reference
from gcts.library.models.comparisons import Comparison
from gcts.library.models.documents import Document, Footnote, Paragraph

__all__ = [
    "ActorMention",
    "Comparison",
    "Correction",
    "Document",
    "Footnote",
    "Label",
    "Mandate",
    "Paragraph",
    "Reference",
]
