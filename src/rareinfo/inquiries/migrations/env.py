"""Alembic environment: runs on the connection that ``db.upgrade`` hands over."""

from __future__ import annotations

from alembic import context

from rareinfo.inquiries.tables import VERSION_TABLE

connection = context.config.attributes["connection"]
context.configure(connection=connection, version_table=VERSION_TABLE,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
