"""FDA orphan designations and approvals, as the export states them."""

from __future__ import annotations

from sqlalchemy import Column, Date, String, Table, Text

from rareinfo.kb.facts.base import Fact, FactRows, declare
from rareinfo.kb.metadata import metadata
from rareinfo.records import OrphanDesignation

# One row of the FDA orphan drug export: a designation, and its approval if any.
orphan_designation = Table(
    "orphan_designation",
    metadata,
    Column("key", String(64), nullable=False, index=True),
    Column("generic_name", Text, nullable=False),
    Column("designation", Text, nullable=False),
    Column("trade_name", Text),
    Column("sponsor", Text),
    Column("sponsor_country", Text),
    Column("designated", Date),
    Column("designation_status", String(16), nullable=False),
    Column("withdrawn", Date),
    Column("approval_status", String(16), nullable=False),
    Column("approved_indication", Text),
    Column("approved", Date),
    Column("exclusivity_end", Date),
    Column("exclusive_indication", Text),
    Column("designation_id", String(64)),
    Column("source", String(32), nullable=False),
)


def rows(record: OrphanDesignation) -> FactRows:
    """The designation's one row: every column is a field of the record."""
    yield orphan_designation, {c.name: getattr(record, c.name)
                               for c in orphan_designation.columns}


declare(Fact(OrphanDesignation, (orphan_designation,), rows, lambda _: "orphan designations"))
