"""Staff accounts, their sign-in sessions and failed sign-ins (migration 0002).

The tables share the MetaData of ``inquiries.tables`` so one schema comparison covers the
whole user-data database. Session rows hold a SHA-256 digest of the cookie token, never the
token itself: a copy of the database does not let anyone sign in.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    UniqueConstraint,
)

from rareinfo.inquiries.tables import metadata

staff_account = Table(
    "staff_account",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("email", String(320), nullable=False),
    Column("name", String(200), nullable=False),
    Column("password_hash", String(255), nullable=False),
    Column("active", Boolean, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_sign_in_at", DateTime(timezone=True), nullable=True),
    UniqueConstraint("email", name="uq_staff_account_email"),
)

staff_session = Table(
    "staff_session",
    metadata,
    Column("token_digest", String(64), primary_key=True),
    Column("account_id", Integer,
           ForeignKey("staff_account.id", ondelete="CASCADE",
                      name="fk_staff_session_account_id"),
           nullable=False),
    Column("csrf_token", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_seen_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Index("ix_staff_session_account_id", "account_id"),
    Index("ix_staff_session_expires_at", "expires_at"),
)

login_failure = Table(
    "login_failure",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("email", String(320), nullable=False),
    Column("address", String(64), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Index("ix_login_failure_email_at", "email", "at"),
    Index("ix_login_failure_address_at", "address", "at"),
)
