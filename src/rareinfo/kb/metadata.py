"""The one SQLAlchemy MetaData every knowledge-base table belongs to, and its version."""

from __future__ import annotations

from sqlalchemy import MetaData

# Bumped whenever the tables change; a snapshot of another version must be rebuilt.
SCHEMA_VERSION = "8"  # 8: the full-text index of the plain-language texts

metadata = MetaData()
