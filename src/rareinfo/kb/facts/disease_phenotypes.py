"""Disease-phenotype annotations (HPO's phenotype.hpoa rows and Orphanet's equivalents)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, Column, Date, Float, Index, Integer, String, Table, Text

from rareinfo.kb.facts.base import Fact, FactRows, declare
from rareinfo.kb.metadata import metadata
from rareinfo.records import Curation, Frequency, PhenotypeAnnotation

annotation = Table(
    "annotation",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("disease_id", String(64)),
    Column("source_disease_id", String(64), nullable=False, index=True),
    Column("phenotype_id", String(16), nullable=False, index=True),
    Column("aspect", String(1), nullable=False),
    Column("negated", Boolean, nullable=False),
    Column("frequency", Float),
    Column("frequency_label", Text),
    Column("frequency_raw", String(32)),
    Column("frequency_n", Integer),
    Column("frequency_m", Integer),
    Column("onset", String(16)),
    Column("sex", String(8)),
    Column("modifiers", Text),  # ";"-joined HPO ids
    Column("evidence", String(8)),
    Column("refs", Text),  # ";"-joined CURIEs
    Column("curated_on", Date),
    Column("curators", Text),
    Column("source", String(32), nullable=False),
    Index("ix_annotation_disease", "disease_id", "aspect"),
)


def rows(record: PhenotypeAnnotation) -> FactRows:
    """The annotation's one row."""
    frequency = record.frequency
    yield annotation, {
        "source_disease_id": record.disease_id,
        "phenotype_id": record.phenotype_id,
        "aspect": record.aspect,
        "negated": record.negated,
        "frequency": frequency.fraction if frequency else None,
        "frequency_label": frequency.label if frequency else None,
        "frequency_raw": frequency.raw if frequency else None,
        "frequency_n": frequency.n if frequency else None,
        "frequency_m": frequency.m if frequency else None,
        "onset": record.onset,
        "sex": record.sex,
        "modifiers": ";".join(record.modifiers) or None,
        "evidence": record.evidence,
        "refs": ";".join(record.references) or None,
        "curated_on": max((c.on for c in record.curation if c.on), default=None),
        "curators": ";".join(c.curator for c in record.curation) or None,
        "source": record.source,
    }


def record_of(row: Any) -> PhenotypeAnnotation:
    """The annotation a row holds (curation keeps each curator with the latest date)."""
    frequency = None
    if row.frequency_raw is not None:
        frequency = Frequency(row.frequency, row.frequency_label or "", row.frequency_raw,
                              row.frequency_n, row.frequency_m)
    return PhenotypeAnnotation(
        source=row.source, disease_id=row.source_disease_id, phenotype_id=row.phenotype_id,
        aspect=row.aspect, negated=bool(row.negated), frequency=frequency, onset=row.onset,
        sex=row.sex, modifiers=_split(row.modifiers), evidence=row.evidence,
        references=_split(row.refs),
        curation=tuple(Curation(c, row.curated_on) for c in _split(row.curators)),
    )


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(value.split(";")) if value else ()


declare(Fact(PhenotypeAnnotation, (annotation,), rows, lambda _: "annotations"))
