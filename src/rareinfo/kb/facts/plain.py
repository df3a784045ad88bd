"""NIH plain-language texts: one row per answered question, its text kept as structure."""

from __future__ import annotations

import json

from sqlalchemy import Column, Integer, String, Table, Text

from rareinfo.kb.facts.base import Fact, FactRows, declare
from rareinfo.kb.metadata import metadata
from rareinfo.normalize import normalize
from rareinfo.records import PlainText

# One section of a plain-language page; ``blocks`` is JSON: [{"kind", "text", "items"}].
# The document fields repeat on each of its sections (a page has a few).
plain_section = Table(
    "plain_section",
    metadata,
    Column("id", Integer, primary_key=True),  # insertion order: the page's own order
    Column("document_id", String(64), nullable=False, index=True),
    Column("collection", String(32), nullable=False),
    Column("url", Text, nullable=False),
    Column("focus", Text, nullable=False),
    Column("section", String(32), nullable=False),
    Column("question", Text, nullable=False),
    Column("position", Integer, nullable=False),
    Column("blocks", Text, nullable=False),
    Column("words", Text, nullable=False),  # the text as one line (previews)
    Column("norm", Text, nullable=False),  # rareinfo.normalize of words: what search reads
    Column("credit", Text),
    Column("captured", String(16), nullable=False),
    Column("cuis", Text, nullable=False),  # ";"-joined
    Column("gard_id", String(16)),
    Column("synonyms", Text, nullable=False),  # "|"-joined (names hold ";" and ",")
    Column("source", String(32), nullable=False),
)


def plain_rows(record: PlainText) -> FactRows:
    """The section, its blocks as JSON and its words as one line."""
    blocks = [{"kind": b.kind, "text": b.text, "items": list(b.items)} for b in record.blocks]
    words = " ".join(piece for b in record.blocks for piece in (b.text, *b.items) if piece)
    yield plain_section, {
        "document_id": record.document_id, "collection": record.collection,
        "url": record.url, "focus": record.focus, "section": record.section,
        "question": record.question, "position": record.position,
        "blocks": json.dumps(blocks, ensure_ascii=False), "words": words,
        "norm": normalize(words),
        "credit": record.credit, "captured": record.captured, "cuis": ";".join(record.cuis),
        "gard_id": record.gard_id, "synonyms": "|".join(record.synonyms),
        "source": record.source}


declare(Fact(PlainText, (plain_section,), plain_rows,
             lambda record: f"{record.collection} sections"))
