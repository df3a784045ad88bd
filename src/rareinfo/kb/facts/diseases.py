"""Each source's disease records (names, synonyms, categories, classification) and the
mapping statements between identifiers, before identity resolution makes pages of them."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Integer, String, Table, Text

from rareinfo.kb.facts.base import Fact, FactRows, declare
from rareinfo.kb.metadata import metadata
from rareinfo.records import DiseaseMapping, DiseaseRecord

# One row per disease record of each source, before identity resolution.
source_disease = Table(
    "source_disease",
    metadata,
    Column("source", String(32), nullable=False),
    Column("id", String(64), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("definition", Text),
    Column("kind", String(64)),
    Column("obsolete", Boolean, nullable=False),
    Column("replaced_by", String(64)),
)

# Every mapping statement of every source (exact, broader, narrower, xref, ...).
mapping = Table(
    "mapping",
    metadata,
    Column("source", String(32), nullable=False),
    Column("subject", String(64), nullable=False, index=True),
    Column("object", String(64), nullable=False, index=True),
    Column("predicate", String(16), nullable=False),
    Column("relation", String(64), nullable=False),
    Column("justification", Text),
)

disease_name = Table(
    "disease_name",
    metadata,
    Column("id", Integer, primary_key=True),  # insertion order: stable display order
    Column("disease_id", String(64), index=True),
    Column("source_disease_id", String(64), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("kind", String(16), nullable=False),  # name | synonym | es
    Column("source", String(32), nullable=False),
)

disease_category = Table(
    "disease_category",
    metadata,
    Column("id", Integer, primary_key=True),  # insertion order: stable display order
    Column("disease_id", String(64), index=True),
    Column("source_disease_id", String(64), nullable=False, index=True),
    Column("category", Text, nullable=False),
    Column("source", String(32), nullable=False),
)


def disease_rows(record: DiseaseRecord) -> FactRows:
    """The record, and unless obsolete its names, categories and classification parents."""
    yield source_disease, {
        "source": record.source, "id": record.id, "name": record.name,
        "definition": record.definition, "kind": record.kind,
        "obsolete": record.obsolete, "replaced_by": record.replaced_by,
    }
    if record.obsolete:
        return
    names = [("name", record.name)] + [("synonym", s.text) for s in record.synonyms]
    # A Spanish name, or the address of the Spanish page (GARD gives only that).
    names += [(lang, text) for lang, text in record.translations if lang in ("es", "es-page")]
    for kind, name in names:
        yield disease_name, {"source_disease_id": record.id, "name": name, "kind": kind,
                             "source": record.source}
    for category in record.categories:
        yield disease_category, {"source_disease_id": record.id, "category": category,
                                 "source": record.source}
    for parent in record.parents:
        yield mapping, {"source": record.source, "subject": record.id, "object": parent,
                        "predicate": "broader", "relation": "classification parent",
                        "justification": None}


def mapping_rows(record: DiseaseMapping) -> FactRows:
    """The statement's one row."""
    yield mapping, {
        "source": record.source, "subject": record.subject_id, "object": record.object_id,
        "predicate": record.predicate, "relation": record.relation,
        "justification": record.justification,
    }


declare(Fact(DiseaseRecord, (source_disease, disease_name, disease_category, mapping),
             disease_rows,
             lambda record: "obsolete diseases" if record.obsolete else "diseases"))
declare(Fact(DiseaseMapping, (mapping,), mapping_rows, lambda _: "mappings"))
