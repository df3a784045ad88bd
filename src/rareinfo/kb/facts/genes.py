"""Genes associated with diseases."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, Integer, String, Table, Text

from rareinfo.kb.facts.base import Fact, FactRows, declare
from rareinfo.kb.metadata import metadata
from rareinfo.records import GeneAssociation

disease_gene = Table(
    "disease_gene",
    metadata,
    Column("id", Integer, primary_key=True),  # insertion order: stable display order
    Column("disease_id", String(64), index=True),
    Column("source_disease_id", String(64), nullable=False, index=True),
    Column("gene_id", String(32), nullable=False),
    Column("symbol", String(32), nullable=False),
    Column("name", Text),
    Column("xrefs", Text),
    Column("association", Text),
    Column("source", String(32), nullable=False),
)


def rows(record: GeneAssociation) -> FactRows:
    """The association's one row."""
    yield disease_gene, {
        "source_disease_id": record.disease_id, "gene_id": record.gene_id,
        "symbol": record.symbol, "name": record.name,
        "xrefs": ";".join(record.xrefs) or None, "association": record.association,
        "source": record.source,
    }


def record_of(row: Any) -> GeneAssociation:
    """The association a row holds."""
    return GeneAssociation(row.source, row.source_disease_id, row.gene_id, row.symbol,
                           association=row.association, name=row.name,
                           xrefs=tuple(row.xrefs.split(";")) if row.xrefs else ())


declare(Fact(GeneAssociation, (disease_gene,), rows, lambda _: "gene associations"))
