"""Questions, their public versions and the audit log.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    """Create the inquiry, publication, publication_state and audit_log tables."""
    op.create_table(
        "inquiry",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("reference", sa.String(32), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("updated_at", _TS, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("disease_id", sa.String(80), nullable=True),
        sa.Column("asker_type", sa.String(16), nullable=False),
        sa.Column("email", sa.String(320), nullable=True),
        sa.Column("question", sa.Text, nullable=True),
        sa.Column("answer", sa.Text, nullable=True),
        sa.Column("consent_publish", sa.Boolean, nullable=False),
        sa.Column("claimed_by", sa.String(320), nullable=True),
        sa.Column("claimed_at", _TS, nullable=True),
        sa.Column("answered_by", sa.String(320), nullable=True),
        sa.Column("answered_at", _TS, nullable=True),
        sa.Column("closed_at", _TS, nullable=True),
        sa.Column("purged_at", _TS, nullable=True),
        sa.Column("published", sa.Boolean, nullable=False),
        sa.Column("published_at", _TS, nullable=True),
        sa.UniqueConstraint("reference", name="inquiry_reference_key"),
    )
    op.create_index("ix_inquiry_status_created", "inquiry", ["status", "created_at"])
    op.create_index("ix_inquiry_disease", "inquiry", ["disease_id"])
    op.create_index("ix_inquiry_email", "inquiry", ["email"])
    op.create_table(
        "publication",
        sa.Column("inquiry_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("disease_id", sa.String(80), nullable=True),
        sa.Column("question", sa.Text, nullable=False),
        sa.Column("answer", sa.Text, nullable=False),
        sa.Column("published_at", _TS, nullable=False),
        sa.Column("published_by", sa.String(320), nullable=False),
        sa.ForeignKeyConstraint(["inquiry_id"], ["inquiry.id"], name="fk_publication_inquiry"),
    )
    op.create_index("ix_publication_disease", "publication", ["disease_id", "published_at"])
    op.create_table(
        "publication_state",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.execute("INSERT INTO publication_state (id, version) VALUES (1, 0)")
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", _TS, nullable=False),
        sa.Column("actor", sa.String(320), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("inquiry_id", sa.Integer, nullable=True),
        sa.Column("detail", sa.Text, nullable=False),
        sa.ForeignKeyConstraint(["inquiry_id"], ["inquiry.id"], name="fk_audit_log_inquiry"),
    )
    op.create_index("ix_audit_log_inquiry", "audit_log", ["inquiry_id", "at"])
    op.create_index("ix_audit_log_at", "audit_log", ["at"])


def downgrade() -> None:
    """Drop what upgrade created."""
    for table in ("audit_log", "publication_state", "publication", "inquiry"):
        op.drop_table(table)
