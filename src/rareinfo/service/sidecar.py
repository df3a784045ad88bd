"""Files kept beside an SQLite knowledge base for each snapshot: the stored diagnosis model
and the stored search index.

Each lives in a directory of its own next to the database file, named by a random token
that the snapshot records in ``snapshot_info``. Renaming a new database over the live one
therefore brings its files along: a process reads the token from the snapshot it opened.
A build keeps the files of the live snapshot and its own and deletes the rest.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
from contextlib import closing
from pathlib import Path

from rareinfo.kb import snapshots

_TOKEN_LENGTH = 16


def directory_of(url: str, kind: str) -> Path:
    """The directory ``<database file>.<kind>`` of an SQLite knowledge base."""
    database = snapshots.sqlite_file(url)
    return database.with_name(f"{database.name}.{kind}")


def new_token() -> str:
    """A fresh token naming one snapshot's file."""
    return secrets.token_hex(_TOKEN_LENGTH // 2)


def is_token(value: str) -> bool:
    """Whether the value can be a token (and so is safe in a file name)."""
    return len(value) == _TOKEN_LENGTH and all(c in "0123456789abcdef" for c in value)


def write_atomically(path: Path, blob: bytes) -> None:
    """Write the file beside its place, then rename it in: readers see it whole or not at all."""
    # The process id keeps two processes that write the same file from sharing a draft.
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    try:
        partial.write_bytes(blob)
        partial.replace(path)
    except OSError:
        partial.unlink(missing_ok=True)  # a full disk keeps no half-written file
        raise


def live_info(url: str, key: str) -> str | None:
    """The value of ``key`` in the live SQLite snapshot's ``snapshot_info``, if any."""
    try:
        with closing(sqlite3.connect(f"file:{snapshots.sqlite_file(url)}?mode=ro",
                                     uri=True)) as db:
            row = db.execute("SELECT value FROM snapshot_info WHERE key = ?",
                             (key,)).fetchone()
    except sqlite3.Error:
        return None
    return None if row is None else str(row[0])


def remove_unused(directory: Path, suffix: str, keep: set[str | None]) -> None:
    """Delete the files (and drafts) of snapshots whose token is not kept."""
    for path in directory.glob(f"*{suffix}*"):
        if path.name.split(".")[0] not in keep:
            path.unlink(missing_ok=True)
