"""The one SQLAlchemy MetaData every knowledge-base table belongs to, and its version."""

from __future__ import annotations

from sqlalchemy import MetaData

# Bumped whenever the tables change; a snapshot of another version must be rebuilt.
SCHEMA_VERSION = "7"

metadata = MetaData()
