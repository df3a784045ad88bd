"""A few rows of an SQLite snapshot's ``snapshot_info``, read with the standard library.

A diagnosis from the command line needs from the knowledge base only the schema version,
the stored diagnosis model's token and the page counts. Reading them through ``sqlite3``
spares the process the import of SQLAlchemy and of the knowledge-base layer, about a
fifth of its start (decisions/0019). Only the plain form of an SQLite URL
(``sqlite:///PATH``) is read here; anything else, and any snapshot this cannot read, is
left to the knowledge base (``rareinfo.kb.queries``), which also says what is wrong.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path

# Bumped whenever the tables change; a snapshot of another version must be rebuilt.
SCHEMA_VERSION = "8"  # 8: the full-text index of the plain-language texts

# Stored in snapshot_info by the build, so a diagnosis can say what it ranked out of what.
PAGE_COUNTS_SQL = {
    "pages": "SELECT count(*) FROM disease",
    "pages with symptoms": "SELECT count(DISTINCT disease_id) FROM annotation "
                           "WHERE aspect = 'P' AND NOT negated AND disease_id IS NOT NULL",
}

_PLAIN_PREFIX = "sqlite:///"


def plain_sqlite_file(url: str) -> Path | None:
    """The file of a plain ``sqlite:///PATH`` URL; None for any other form of URL.

    Query strings, escapes and fragments are left to SQLAlchemy's parser (None here), so
    a path found here is the one ``rareinfo.kb.snapshots.sqlite_file`` finds.
    """
    if not url.startswith(_PLAIN_PREFIX):
        return None
    rest = url[len(_PLAIN_PREFIX):]
    if not rest or rest == ":memory:" or any(c in rest for c in "?#%"):
        return None
    return Path(rest)


def read_info(database: Path, keys: Iterable[str]) -> dict[str, str] | None:
    """The ``snapshot_info`` values of ``keys`` found in the SQLite snapshot ``database``.

    None when there is no readable snapshot of this schema version there: the caller then
    opens the knowledge base, which explains.
    """
    wanted = sorted({"schema_version", *keys})
    marks = ", ".join("?" for _ in wanted)
    try:
        with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as db:
            rows = db.execute(f"SELECT key, value FROM snapshot_info WHERE key IN ({marks})",
                              wanted).fetchall()
    except sqlite3.Error:
        return None
    found = {str(key): str(value) for key, value in rows}
    if found.get("schema_version") != SCHEMA_VERSION:
        return None
    return found
