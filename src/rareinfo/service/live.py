"""The live snapshot: the knowledge base and its search index, reopened after a rebuild."""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from rareinfo.kb import snapshots
from rareinfo.kb.queries import KnowledgeBase, KnowledgeBaseMissing, KnowledgeBaseUnavailable
from rareinfo.search.base import EntityKind, Searcher, SearchHit
from rareinfo.search.pg import PgSearch
from rareinfo.search.plain_text import WithPlainText
from rareinfo.service.search_store import Notify, open_index

if TYPE_CHECKING:
    from rareinfo.phenotype.model import PhenotypeModel

log = logging.getLogger(__name__)
CHECK_INTERVAL = 1.0  # seconds between checks of the database file


@dataclass(slots=True)
class Snapshot:
    """One consistent view: queries, search and diagnosis over the same build."""

    kb: KnowledgeBase
    index: Searcher  # SearchIndex in memory (SQLite) or PgSearch (PostgreSQL)
    key: str  # changes whenever a new build is swapped in
    _model: PhenotypeModel | None = None
    _model_lock: threading.Lock = field(default_factory=threading.Lock)

    def model(self) -> PhenotypeModel:
        """The diagnosis model of this snapshot, mapped from its store on first use."""
        if self._model is None:
            with self._model_lock:
                if self._model is None:
                    # Imported here: the model's NumPy/SciPy code is only loaded by
                    # processes that diagnose.
                    from rareinfo.service.model_store import open_model

                    self._model, notice = open_model(self.kb)
                    if notice is not None:
                        log.warning("%s", notice)
        return self._model


def open_searcher(kb: KnowledgeBase, notify: Notify | None = None, *,
                  then: Callable[[], None] | None = None, wait: bool = True) -> Searcher:
    """The searcher of a snapshot: SQL on PostgreSQL, an in-memory index over SQLite.

    The in-memory index is loaded as the build stored it; ``notify`` hears one line when
    it has to be built instead (a logged warning by default). Without ``wait`` that build
    runs in a thread, searches waiting for it, and ``then`` is called once it is done.
    Either way, pages are then also found by the words of their plain-language texts.
    """
    names: Searcher
    if kb.engine.dialect.name == "postgresql":
        names = PgSearch(kb.engine)
    elif wait:
        names = open_index(kb, notify)
    else:
        names = PendingSearcher(lambda: open_index(kb, notify), then=then)
    return WithPlainText(names, kb.engine)


class PendingSearcher:
    """A searcher still being made in a thread: each call waits until it is there.

    Pages that do not search are answered meanwhile; a failure to make it is raised by
    every call, as the searcher itself would have raised it.
    """

    def __init__(self, make: Callable[[], Searcher], *,
                 then: Callable[[], None] | None = None) -> None:
        self._done = threading.Event()
        self._searcher: Searcher | None = None
        self._error: Exception | None = None
        threading.Thread(target=self._make, args=(make, then), daemon=True,
                         name="build-search-index").start()

    def _make(self, make: Callable[[], Searcher], then: Callable[[], None] | None) -> None:
        try:
            self._searcher = make()
        except Exception as exc:  # raised again to every caller
            self._error = exc
        finally:
            self._done.set()
        if then is not None and self._searcher is not None:
            then()

    def ready(self) -> Searcher:
        """The searcher, once made."""
        self._done.wait()
        if self._searcher is None:
            raise self._error or RuntimeError("the searcher was not made")
        return self._searcher

    def search(self, query: str, *, kind: EntityKind | None = None, limit: int = 20,
               offset: int = 0) -> list[SearchHit]:
        """As Searcher.search, once the searcher is made."""
        return self.ready().search(query, kind=kind, limit=limit, offset=offset)

    def count(self, query: str, *, kind: EntityKind | None = None) -> int:
        """As Searcher.count, once the searcher is made."""
        return self.ready().count(query, kind=kind)

    def found_ids(self, query: str, *, kind: EntityKind | None = None,
                  limit: int = 1000) -> frozenset[str]:
        """As Searcher.found_ids, once the searcher is made."""
        return self.ready().found_ids(query, kind=kind, limit=limit)

    def autocomplete(self, prefix: str, *, kind: EntityKind | None = None,
                     limit: int = 10) -> list[SearchHit]:
        """As Searcher.autocomplete, once the searcher is made."""
        return self.ready().autocomplete(prefix, kind=kind, limit=limit)

    def suggest(self, query: str, *, limit: int = 5) -> list[SearchHit]:
        """As Searcher.suggest, once the searcher is made."""
        return self.ready().suggest(query, limit=limit)

    def browse(self, letter: str, *, kind: EntityKind = "disease") -> list[SearchHit]:
        """As Searcher.browse, once the searcher is made."""
        return self.ready().browse(letter, kind=kind)


def _settle_long_lived_objects() -> None:
    """Keep what exists now (a search index: ~1M long-lived objects) out of GC scans,
    which otherwise show as latency spikes."""
    gc.collect()
    gc.freeze()


class LiveSnapshot:
    """Hands out the current snapshot, switching to a new build once it has been swapped in.

    Requests in flight keep the snapshot they started with; the old one stays readable for
    them (a rename never disturbs an open SQLite file; the previous PostgreSQL schema is
    kept until the next switch).
    """

    def __init__(self, url: str) -> None:
        self.url = url
        self._lock = threading.Lock()
        self._current: Snapshot | None = None
        self._checked = 0.0
        self._admin: Engine | None = None
        if snapshots.backend_of(url) == "postgresql":
            self._admin = snapshots.admin_engine(url)

    def get(self) -> Snapshot:
        """The current snapshot, opening or reopening it if the build changed."""
        now = time.monotonic()
        current = self._current
        if current is not None and now - self._checked < CHECK_INTERVAL:
            return current
        with self._lock:
            if self._current is not None and now - self._checked < CHECK_INTERVAL:
                return self._current
            self._checked = now
            try:
                key = self._key()
            except (OperationalError, KnowledgeBaseUnavailable):
                if self._current is not None:
                    # The database does not answer: keep the snapshot we have; its own
                    # queries fail (503) until the server is back, then all recovers.
                    return self._current
                raise
            if self._current is None or self._current.key != key:
                old = self._current
                kb = KnowledgeBase(self.url, key)
                # An index that must be built (no stored one fits) is built beside the
                # first requests: pages answer at once, searches wait for it.
                self._current = Snapshot(kb, open_searcher(
                    kb, then=_settle_long_lived_objects, wait=False), key)
                _settle_long_lived_objects()
                if old is not None:
                    old.kb.close()
            return self._current

    def _key(self) -> str:
        try:
            return snapshots.live_key(self.url, self._admin)
        except snapshots.NoSnapshot as exc:
            raise KnowledgeBaseMissing(str(exc)) from exc
        except OperationalError as exc:
            raise KnowledgeBaseUnavailable(
                "the knowledge-base database does not answer; try again shortly") from exc
