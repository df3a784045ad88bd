"""What declaring a fact means: a record type, its tables and the rows it becomes."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table

from rareinfo.kb.metadata import metadata
from rareinfo.kb.models import PageSection

FactRows = Iterable[tuple[Table, dict[str, Any]]]
PageSections = Callable[[Connection, str], Iterable[PageSection]]  # (conn, page id)


@dataclass(frozen=True, slots=True)
class Fact:
    """How one kind of source record is stored: its tables, rows and build-summary count."""

    record: type
    tables: tuple[Table, ...]
    rows: Callable[[Any], FactRows]  # the record's rows, table by table
    count: Callable[[Any], str]  # what the build summary counts it as ("annotations")
    # Sections the fact adds to a disease page, rendered by the page, the API and the CLI
    # alike; None for facts the page shows in sections of their own.
    page: PageSections | None = None


_DECLARED: dict[type, Fact] = {}


def declare(fact: Fact) -> Fact:
    """Register a fact; a module declares each of its record types once."""
    if fact.record in _DECLARED:
        raise ValueError(f"{fact.record.__name__} is declared twice")
    _DECLARED[fact.record] = fact
    return fact


def fact_for(record_type: type) -> Fact | None:
    """The declaration that stores records of this type, if any."""
    return _DECLARED.get(record_type)


def declared() -> tuple[Fact, ...]:
    """Every declared fact."""
    return tuple(_DECLARED.values())


def page_sections(conn: Connection, disease_id: str) -> tuple[PageSection, ...]:
    """Every declared fact's sections for one page, in declaration order."""
    return tuple(section for fact in _DECLARED.values() if fact.page is not None
                 for section in fact.page(conn, disease_id))


def stamped_tables() -> tuple[Table, ...]:
    """Fact tables whose rows name a source record and get the page it belongs to.

    Derived from the tables themselves: every table with both ``source_disease_id`` (set
    by the build) and ``disease_id`` (set by identity resolution).
    """
    return tuple(table for table in metadata.sorted_tables
                 if {"source_disease_id", "disease_id"} <= set(table.c.keys()))
