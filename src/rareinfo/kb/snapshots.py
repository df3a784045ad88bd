"""Where knowledge-base snapshots live, and how a new one is swapped in at once.

SQLite: a snapshot is a file. A build writes ``<name>.building-<pid>`` beside the live file
and renames it over the live one; readers holding the old file keep reading it.

PostgreSQL: a snapshot is a schema (``kb_<UTC time>_<pid>_<random>``). A build creates
its schema, loads it, and then switches the one-row pointer table ``rareinfo_kb_live`` in a single
transaction; every app server notices the new pointer within a second and opens the new
schema, while requests in flight finish on the old one. The previous schema is kept until
the next switch (so slow readers never see it vanish); older ones and those of killed
builds are dropped by the next build. A session-level advisory lock allows one build at a
time per database; it is released by PostgreSQL if the build dies.

See decisions/0002-snapshot-swap.md.
"""

from __future__ import annotations

import os
import re
import secrets
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError, ProgrammingError

Backend = Literal["sqlite", "postgresql"]
POINTER = "rareinfo_kb_live"
SCHEMA_PATTERN = re.compile(r"^kb_[0-9]{8}t[0-9]{6}_[0-9]+_[0-9a-f]{6}$")
_BUILD_LOCK = 0x7261726549  # "rareI": the advisory lock key of builds


class SnapshotError(RuntimeError):
    """The snapshot store cannot be used as asked (message says what to do)."""


class NoSnapshot(SnapshotError):
    """No snapshot has been built at this location yet."""


# (curie, disease_id, status, disease name) of every identifier the live snapshot resolves
PreviousIdentifiers = Sequence[tuple[str, str, str, str | None]]


def backend_of(url: str) -> Backend:
    """Which kind of database a URL names; anything else is refused with a clear message."""
    try:
        name = make_url(url).get_backend_name()
    except Exception as exc:
        raise SnapshotError(f"{url!r} is not a database URL (sqlite:///PATH or "
                            "postgresql+psycopg://USER@HOST/DB)") from exc
    if name == "sqlite":
        if not make_url(url).database:
            raise SnapshotError(f"{url} names no SQLite file; use sqlite:///PATH")
        return "sqlite"
    if name == "postgresql":
        return "postgresql"
    raise SnapshotError(f"{url}: unsupported database {name!r}; use SQLite or PostgreSQL")


def postgres_url(url: str) -> str:
    """Use the psycopg 3 driver for plain postgresql:// URLs."""
    parsed = make_url(url)
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def sqlite_file(url: str) -> Path:
    """The file of an SQLite URL."""
    database = make_url(url).database
    if backend_of(url) != "sqlite" or not database:
        raise SnapshotError(f"{url} is not an SQLite file URL")
    return Path(database)


# -- reading ---------------------------------------------------------------------------


def live_key(url: str, admin: Engine | None = None) -> str:
    """A string that changes whenever a new snapshot is swapped in (cheap to ask often)."""
    if backend_of(url) == "sqlite":
        path = sqlite_file(url)
        try:
            stat = os.stat(path)
        except FileNotFoundError as exc:
            raise NoSnapshot(f"no knowledge base at {path}; run `rareinfo build` first") from exc
        return f"{stat.st_ino}-{stat.st_mtime_ns}-{stat.st_size}"
    engine = admin or admin_engine(url)
    try:
        with engine.connect() as conn:
            schema = _live_schema(conn)
    finally:
        if admin is None:
            engine.dispose()
    if schema is None:
        raise NoSnapshot(f"no knowledge base in {_safe(url)}; run `rareinfo build` first")
    return schema


def read_engine(url: str, key: str) -> Engine:
    """A read-only engine over the snapshot ``key`` (from ``live_key``)."""
    if backend_of(url) == "sqlite":
        path = sqlite_file(url)
        return create_engine(f"sqlite:///file:{path}?mode=ro&uri=true",
                             connect_args={"check_same_thread": False})
    _check_schema_name(key)
    return create_engine(
        postgres_url(url), pool_pre_ping=True, pool_size=5, max_overflow=10,
        connect_args={"options": f"-c search_path={key},public "
                                 "-c default_transaction_read_only=on",
                      "connect_timeout": 5})


def admin_engine(url: str) -> Engine:
    """A small engine for the pointer table (PostgreSQL)."""
    return create_engine(postgres_url(url), pool_pre_ping=True, pool_size=1, max_overflow=2,
                         connect_args={"connect_timeout": 5})


def _live_schema(conn: Connection) -> str | None:
    try:
        value = conn.execute(text(f"SELECT schema_name FROM {POINTER} WHERE id = 1")).scalar()
    except ProgrammingError:  # no pointer table: nothing was ever built here
        conn.rollback()
        return None
    return str(value) if value is not None else None


def _check_schema_name(name: str) -> None:
    if not SCHEMA_PATTERN.match(name):
        raise SnapshotError(f"{name!r} is not a knowledge-base schema name")


def _safe(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


# -- writing ---------------------------------------------------------------------------


@dataclass
class Staging:
    """A snapshot being built: load into ``engine``, then ``publish()`` or ``discard()``."""

    url: str
    backend: Backend
    engine: Engine
    name: str  # the staging file or schema
    _lock_conn: Connection | None = None
    _admin: Engine | None = None

    def previous_identifiers(self) -> PreviousIdentifiers | None:
        """The identifiers the live snapshot resolves, to carry forward; None if none."""
        try:
            key = live_key(self.url, self._admin)
        except NoSnapshot:
            return None
        engine = read_engine(self.url, key)
        try:
            with engine.connect() as conn:
                rows = conn.execute(text(
                    "SELECT i.curie, i.disease_id, i.status, d.name FROM disease_identifier i "
                    "LEFT JOIN disease d ON d.id = i.disease_id")).all()
        except DBAPIError:
            return None  # an unreadable previous snapshot has nothing to carry forward
        finally:
            engine.dispose()
        return [(r[0], r[1], r[2], r[3]) for r in rows]

    def publish(self) -> str:
        """Swap the staged snapshot in for the live one, at once. Returns where it lives."""
        self.engine.dispose()
        if self.backend == "sqlite":
            staging = Path(self.name)
            with sqlite3.connect(staging) as db:
                db.execute("PRAGMA journal_mode=DELETE")
            os.chmod(staging, 0o644)
            target = sqlite_file(self.url)
            os.replace(staging, target)
            return str(target)
        assert self._lock_conn is not None
        conn = self._lock_conn
        conn.execute(text(
            f"INSERT INTO {POINTER} (id, schema_name, previous, switched_at) "
            "VALUES (1, :s, NULL, now()) ON CONFLICT (id) DO UPDATE SET "
            f"previous = {POINTER}.schema_name, schema_name = EXCLUDED.schema_name, "
            "switched_at = now()"), {"s": self.name})
        conn.commit()
        self._drop_unused(keep={self.name})
        self._release()
        return f"{_safe(self.url)} (schema {self.name})"

    def discard(self) -> None:
        """Throw the staged snapshot away; the live one is untouched."""
        self.engine.dispose()
        if self.backend == "sqlite":
            Path(self.name).unlink(missing_ok=True)
            return
        if self._lock_conn is not None:
            try:
                self._lock_conn.rollback()
                self._lock_conn.execute(text(f'DROP SCHEMA IF EXISTS "{self.name}" CASCADE'))
                self._lock_conn.commit()
            except DBAPIError:
                pass  # the server is gone; the next build drops the leftover schema
        self._release()

    def _drop_unused(self, keep: set[str]) -> None:
        """Drop snapshot schemas that are neither live, previous, nor ``keep``."""
        assert self._lock_conn is not None
        conn = self._lock_conn
        row = conn.execute(text(f"SELECT schema_name, previous FROM {POINTER} WHERE id = 1")
                           ).first()
        keep = keep | {s for s in (row or ()) if s}
        names = conn.execute(text(
            "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'kb\\_%'")).scalars().all()
        for name in names:
            if name not in keep and SCHEMA_PATTERN.match(name):
                conn.execute(text(f'DROP SCHEMA "{name}" CASCADE'))
        conn.commit()

    def _release(self) -> None:
        if self._lock_conn is not None:
            try:
                self._lock_conn.execute(text("SELECT pg_advisory_unlock(:k)"),
                                        {"k": _BUILD_LOCK})
                self._lock_conn.commit()
                self._lock_conn.close()
            except DBAPIError:
                pass
            self._lock_conn = None
        if self._admin is not None:
            self._admin.dispose()
            self._admin = None


def begin(url: str) -> Staging:
    """Start a new snapshot next to the live one."""
    backend = backend_of(url)
    if backend == "sqlite":
        target = sqlite_file(url)
        target.parent.mkdir(parents=True, exist_ok=True)
        _remove_abandoned_staging(target)
        file = target.with_name(f"{target.name}.building-{os.getpid()}")
        file.unlink(missing_ok=True)
        return Staging(url, backend, _sqlite_staging_engine(file), str(file))
    admin = admin_engine(url)
    try:
        lock_conn = admin.connect()
    except OperationalError as exc:
        admin.dispose()
        raise SnapshotError(f"cannot connect to {_safe(url)}: {_first_line(exc)}. Check that "
                            "PostgreSQL is running and RAREINFO_DATABASE_URL is right.") from exc
    got = lock_conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": _BUILD_LOCK}
                            ).scalar()
    lock_conn.commit()
    if not got:
        lock_conn.close()
        admin.dispose()
        raise SnapshotError("another build is running on this database; wait for it to "
                            "finish and try again")
    lock_conn.execute(text(
        f"CREATE TABLE IF NOT EXISTS {POINTER} (id integer PRIMARY KEY CHECK (id = 1), "
        "schema_name text NOT NULL, previous text, switched_at timestamptz NOT NULL)"))
    lock_conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    lock_conn.commit()
    # Time and process say where a schema came from; the random part keeps two builds of
    # one process within the same second apart.
    name = f"kb_{datetime.now(UTC):%Y%m%dt%H%M%S}_{os.getpid()}_{secrets.token_hex(3)}"
    staging = Staging(url, backend, _pg_staging_engine(url, name), name, lock_conn, admin)
    staging._drop_unused(keep=set())  # leftovers of killed builds
    lock_conn.execute(text(f'CREATE SCHEMA "{name}"'))
    lock_conn.commit()
    return staging


def _remove_abandoned_staging(target: Path) -> None:
    """Delete staging files of builds whose process is gone (killed, power loss)."""
    for leftover in target.parent.glob(f"{target.name}.building-*"):
        pid = leftover.name.rsplit("-", 1)[-1]
        if not pid.isdigit() or _process_alive(int(pid)):
            continue
        leftover.unlink(missing_ok=True)


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _first_line(exc: BaseException) -> str:
    return str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc) else repr(exc)


def _sqlite_staging_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _fast_bulk_load(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # The staging file is private until renamed: durability comes from the rename.
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=OFF")
        cursor.execute("PRAGMA synchronous=OFF")
        cursor.execute("PRAGMA cache_size=-200000")
        cursor.close()

    return engine


def _pg_staging_engine(url: str, schema: str) -> Engine:
    # The staging schema is private until the pointer switches: no need to wait for WAL.
    return create_engine(postgres_url(url), pool_size=2, max_overflow=2, connect_args={
        "options": f"-c search_path={schema},public -c synchronous_commit=off",
        "connect_timeout": 10})


def copy_rows(engine: Engine, table: Any, rows: list[dict[str, Any]]) -> None:
    """Bulk-insert rows: PostgreSQL COPY where available, executemany otherwise."""
    if engine.dialect.name != "postgresql":
        with engine.begin() as conn:
            conn.execute(table.insert(), rows)
        return
    present = set().union(*(row.keys() for row in rows)) if rows else set()
    defaults = {c.name: c.default.arg for c in table.columns
                if c.name not in present and c.default is not None and c.default.is_scalar}
    columns = [c.name for c in table.columns if c.name in present or c.name in defaults]
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        quoted = ", ".join(f'"{c}"' for c in columns)
        with cursor.copy(f'COPY "{table.name}" ({quoted}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row([row.get(c, defaults.get(c)) for c in columns])
        raw.commit()
    finally:
        raw.close()
