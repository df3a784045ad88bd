"""The in-memory search index of an SQLite snapshot: built by the build, stored beside it,
then only loaded.

The index is one file in the directory ``<database file>.search/`` beside the database
(``rareinfo.service.sidecar``), named ``<token>.<format stamp>.index``: the token is the
snapshot's (recorded in ``snapshot_info`` under ``search_index``), the stamp that of the
code that built it (``rareinfo.search.stored.format_stamp``). A process loads the file of
the snapshot it opened, made by its own code; the header says both again, so a file of
another snapshot or version is never served.

When there is no such file (a snapshot built before indexes were stored, another version
of rareinfo, a damaged file), the index is built from the snapshot's search entries, as
every process did before, after one line saying so; for a snapshot that has a token the
index so built is stored, so only the first process after an upgrade waits.

PostgreSQL needs none of this: its searcher (``rareinfo.search.pg``) runs in SQL.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, insert, select

from rareinfo.kb import schema
from rareinfo.kb.queries import KnowledgeBase
from rareinfo.search import stored
from rareinfo.search.entries import read_entries
from rareinfo.search.memory import SearchIndex
from rareinfo.service import sidecar

INFO_KEY = "search_index"  # snapshot_info: the token naming the snapshot's index file
SUFFIX = ".index"

Notify = Callable[[str], None]  # told, in one line, that the index is being built instead
log = logging.getLogger(__name__)


def index_directory(url: str) -> Path:
    """Where the search indexes of an SQLite knowledge base's snapshots are kept."""
    return sidecar.directory_of(url, "search")


def index_file(url: str, token: str) -> Path:
    """The file holding the index of the snapshot ``token``, as this code stores it."""
    return index_directory(url) / f"{token}.{stored.format_stamp()}{SUFFIX}"


def search_index_writer(url: str) -> Callable[[Engine], None]:
    """The build step that builds a snapshot's search index and stores it beside it."""

    def search_index(engine: Engine) -> None:
        if engine.dialect.name != "sqlite":
            return  # PostgreSQL searches in SQL: there is no index in memory to store
        token = sidecar.new_token()
        directory = index_directory(url)
        directory.mkdir(parents=True, exist_ok=True)
        _store(SearchIndex.build(read_entries(engine)), url, token)
        sidecar.remove_unused(directory, SUFFIX,
                              keep={token, sidecar.live_info(url, INFO_KEY)})
        with engine.begin() as conn:
            conn.execute(insert(schema.snapshot_info), {"key": INFO_KEY, "value": token})

    return search_index


def has_stored_index(kb: KnowledgeBase) -> bool:
    """Whether the snapshot has an index file this code can load (checked by its name)."""
    token = _token(kb)
    return token is not None and index_file(kb.url, token).is_file()


def open_index(kb: KnowledgeBase, notify: Notify | None = None) -> SearchIndex:
    """The snapshot's stored index; built from its entries (after a notice) if none fits."""
    token = _token(kb)
    if token is None:
        reason = "this knowledge base was built without one; `rareinfo build` stores one"
    else:
        try:
            return stored.read_file(index_file(kb.url, token), token)
        except FileNotFoundError:
            reason = "none stored for this version of rareinfo yet"
        except (OSError, stored.StoredIndexError) as exc:
            reason = f"the stored one cannot be used: {exc}"
    (notify or log.warning)(f"building the search index ({reason}); this takes up to a "
                            f"minute ...")
    index = SearchIndex.build(read_entries(kb.engine))
    if token is not None:
        try:  # for the next process; a read-only data directory only costs it the wait
            index_directory(kb.url).mkdir(parents=True, exist_ok=True)
            _store(index, kb.url, token)
            for other in index_directory(kb.url).glob(f"{token}.*{SUFFIX}"):
                if other != index_file(kb.url, token):  # of an earlier version: no use
                    other.unlink(missing_ok=True)
        except OSError as exc:
            log.info("search index not stored: %s", exc)
    return index


def _token(kb: KnowledgeBase) -> str | None:
    with kb.engine.connect() as conn:
        token = conn.execute(select(schema.snapshot_info.c.value).where(
            schema.snapshot_info.c.key == INFO_KEY)).scalar()
    return str(token) if token is not None and sidecar.is_token(str(token)) else None


def _store(index: SearchIndex, url: str, token: str) -> None:
    sidecar.write_atomically(index_file(url, token), stored.to_bytes(index, token))
