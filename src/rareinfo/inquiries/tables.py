"""The user-data schema (questions, publications, audit log) as SQLAlchemy Core tables.

This mirrors the Alembic migrations in ``inquiries/migrations/versions``; a test checks
that upgrading an empty database gives exactly this schema. The staff console's tables
(``staff_tables.py``, migration 0002) are declared on the same ``metadata``.

Times are stored in UTC. SQLite gives them back without a zone; ``store`` adds it.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

#: Alembic's own bookkeeping table for the user data (not the knowledge base's).
VERSION_TABLE = "userdata_alembic_version"

#: Question statuses, in workflow order.
STATUSES = ("new", "claimed", "answered", "closed")
#: Who is asking.
ASKER_TYPES = ("patient", "family", "clinician", "researcher", "other")

inquiry = Table(
    "inquiry", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("reference", String(32), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("status", String(16), nullable=False),
    Column("disease_id", String(80), nullable=True),
    Column("asker_type", String(16), nullable=False),
    # Contact details and original texts: NULL once purged or expired.
    Column("email", String(320), nullable=True),
    Column("question", Text, nullable=True),
    Column("answer", Text, nullable=True),
    Column("consent_publish", Boolean, nullable=False),
    Column("claimed_by", String(320), nullable=True),
    Column("claimed_at", DateTime(timezone=True), nullable=True),
    Column("answered_by", String(320), nullable=True),
    Column("answered_at", DateTime(timezone=True), nullable=True),
    Column("closed_at", DateTime(timezone=True), nullable=True),
    Column("purged_at", DateTime(timezone=True), nullable=True),
    Column("published", Boolean, nullable=False),
    Column("published_at", DateTime(timezone=True), nullable=True),
    UniqueConstraint("reference", name="inquiry_reference_key"),
    Index("ix_inquiry_status_created", "status", "created_at"),
    Index("ix_inquiry_disease", "disease_id"),
    Index("ix_inquiry_email", "email"),
)

# The public version of a published question: only reviewed, de-identified texts.
publication = Table(
    "publication", metadata,
    Column("inquiry_id", Integer, ForeignKey("inquiry.id", name="fk_publication_inquiry"),
           primary_key=True, autoincrement=False),
    Column("disease_id", String(80), nullable=True),
    Column("question", Text, nullable=False),
    Column("answer", Text, nullable=False),
    Column("published_at", DateTime(timezone=True), nullable=False),
    Column("published_by", String(320), nullable=False),
    Index("ix_publication_disease", "disease_id", "published_at"),
)

# One row (id 1) whose version goes up on every change to what is published, so
# rendered pages cached per knowledge-base snapshot can include it in their key.
publication_state = Table(
    "publication_state", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("version", Integer, nullable=False),
)

audit_log = Table(
    "audit_log", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", String(320), nullable=False),
    Column("action", String(40), nullable=False),
    Column("inquiry_id", Integer, ForeignKey("inquiry.id", name="fk_audit_log_inquiry"),
           nullable=True),
    Column("detail", Text, nullable=False),
    Index("ix_audit_log_inquiry", "inquiry_id", "at"),
    Index("ix_audit_log_at", "at"),
)
