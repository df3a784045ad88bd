"""The user database: one engine per URL, and schema upgrades through Alembic.

User data (questions, staff accounts, the audit log) is written by people and is never
rebuilt from sources, so it lives apart from the knowledge base: its own SQLite file, or
the ``public`` schema of the PostgreSQL database whose ``kb_*`` schemas hold snapshots.
"""

from __future__ import annotations

import threading
from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from rareinfo.inquiries.tables import VERSION_TABLE


class UserDataError(RuntimeError):
    """The user database cannot be opened, created or upgraded; the message says why."""


_engines: dict[str, Engine] = {}
_lock = threading.Lock()


def engine(url: str) -> Engine:
    """The engine for ``url``, created once per process (SQLite: foreign keys on, WAL)."""
    with _lock:
        found = _engines.get(url)
        if found is None:
            found = _create(url)
            _engines[url] = found
        return found


def _create(url: str) -> Engine:
    if url.startswith("postgresql"):
        # A server that does not answer must not hold a request (or startup) for minutes.
        return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    created = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

    @event.listens_for(created, "connect")
    def _pragmas(dbapi_connection: Any, _: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()

    return created


def dispose(url: str) -> None:
    """Close and forget the engine for ``url`` (tests, CLI commands that finish)."""
    with _lock:
        found = _engines.pop(url, None)
    if found is not None:
        found.dispose()


def _config() -> Config:
    config = Config()
    location = resources.files("rareinfo.inquiries") / "migrations"
    config.set_main_option("script_location", str(location))
    config.set_main_option("version_table", VERSION_TABLE)
    return config


def head_revision() -> str:
    """The newest revision shipped with this version of rareinfo."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    if head is None:  # pragma: no cover - the package always ships 0001
        raise UserDataError("no user-data migrations are installed")
    return head


def current_revision(url: str) -> str | None:
    """The revision the database at ``url`` is at, or None when it has no schema yet."""
    with engine(url).connect() as conn:
        context = MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE})
        return context.get_current_revision()


def upgrade(url: str, revision: str = "head") -> str:
    """Bring the user database at ``url`` up to ``revision``; returns the revision reached.

    An SQLite file's directory is created when missing. Any failure (unreachable server,
    read-only file, permissions) is raised as ``UserDataError`` with a one-line reason.
    """
    _ensure_sqlite_directory(url)
    config = _config()
    try:
        with engine(url).begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, revision)
        reached = current_revision(url)
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        raise UserDataError(f"cannot upgrade the user database {safe_url(url)}: {reason}") from exc
    return reached or ""


def _ensure_sqlite_directory(url: str) -> None:
    if not url.startswith("sqlite:///"):
        return
    path = url.removeprefix("sqlite:///").split("?", 1)[0]
    if not path or path == ":memory:":
        return
    try:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserDataError(f"cannot create the directory of the user database {path}: "
                            f"{exc.strerror or exc}") from exc


def safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(unparseable URL)"
