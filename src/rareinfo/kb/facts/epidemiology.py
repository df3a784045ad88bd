"""How common a disease is, and statements about it (inheritance, age of onset)."""

from __future__ import annotations

from sqlalchemy import Column, Float, Integer, String, Table, Text

from rareinfo.kb.facts.base import Fact, FactRows, declare
from rareinfo.kb.metadata import metadata
from rareinfo.records import DiseaseAttribute, Prevalence

prevalence = Table(
    "prevalence",
    metadata,
    Column("id", Integer, primary_key=True),  # insertion order: stable display order
    Column("disease_id", String(64), index=True),
    Column("source_disease_id", String(64), nullable=False, index=True),
    Column("type", Text, nullable=False),
    Column("qualification", Text),
    Column("prevalence_class", Text),
    Column("value", Float),
    Column("region", Text),
    Column("validation", Text),
    Column("refs", Text),
    Column("source", String(32), nullable=False),
)

disease_attribute = Table(
    "disease_attribute",
    metadata,
    Column("id", Integer, primary_key=True),  # insertion order: stable display order
    Column("disease_id", String(64), index=True),
    Column("source_disease_id", String(64), nullable=False, index=True),
    Column("attribute", String(16), nullable=False),
    Column("value", Text, nullable=False),
    Column("term", String(16)),
    Column("source", String(32), nullable=False),
)


def prevalence_rows(record: Prevalence) -> FactRows:
    """The prevalence's one row."""
    yield prevalence, {
        "source_disease_id": record.disease_id, "type": record.type,
        "qualification": record.qualification, "prevalence_class": record.prevalence_class,
        "value": record.value, "region": record.region, "validation": record.validation,
        "refs": ";".join(record.references) or None, "source": record.source,
    }


def attribute_rows(record: DiseaseAttribute) -> FactRows:
    """The statement's one row."""
    yield disease_attribute, {
        "source_disease_id": record.disease_id, "attribute": record.attribute,
        "value": record.value, "term": record.term, "source": record.source,
    }


declare(Fact(Prevalence, (prevalence,), prevalence_rows, lambda _: "prevalences"))
declare(Fact(DiseaseAttribute, (disease_attribute,), attribute_rows,
             lambda record: f"{record.attribute} statements"))
