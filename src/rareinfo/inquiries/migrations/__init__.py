"""Alembic migrations of the user data (run by ``rareinfo.inquiries.db.upgrade``)."""
