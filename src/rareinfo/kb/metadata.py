"""The one SQLAlchemy MetaData every knowledge-base table belongs to, and its version."""

from __future__ import annotations

from sqlalchemy import MetaData

# Kept where a process reads it without SQLAlchemy (a diagnosis's quick start).
from rareinfo.kb.snapshot_info import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "metadata"]

metadata = MetaData()
