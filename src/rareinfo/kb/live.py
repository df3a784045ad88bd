"""The live snapshot: the knowledge base and its search index, reopened after a rebuild."""

from __future__ import annotations

import gc
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rareinfo.kb.queries import KnowledgeBase, KnowledgeBaseMissing
from rareinfo.search.index import SearchIndex

if TYPE_CHECKING:
    from rareinfo.phenotype.model import PhenotypeModel

CHECK_INTERVAL = 1.0  # seconds between checks of the database file


@dataclass(slots=True)
class Snapshot:
    """One consistent view: queries, search and diagnosis over the same build."""

    kb: KnowledgeBase
    index: SearchIndex
    key: str  # changes whenever a new build is swapped in
    _model: PhenotypeModel | None = None
    _model_lock: threading.Lock = field(default_factory=threading.Lock)

    def model(self) -> PhenotypeModel:
        """The diagnosis model of this snapshot, built on first use (a few seconds)."""
        if self._model is None:
            with self._model_lock:
                if self._model is None:
                    from rareinfo.phenotype.from_kb import model_of

                    self._model = model_of(self.kb)
        return self._model


class LiveSnapshot:
    """Hands out the current snapshot, switching to a new build once it has been swapped in.

    Requests in flight keep the snapshot they started with; the old file stays readable
    for them because a rename never disturbs an open SQLite file.
    """

    def __init__(self, url: str) -> None:
        self.url = url
        self._lock = threading.Lock()
        self._current: Snapshot | None = None
        self._checked = 0.0

    def get(self) -> Snapshot:
        """The current snapshot, opening or reopening it if the build changed."""
        now = time.monotonic()
        current = self._current
        if current is not None and now - self._checked < CHECK_INTERVAL:
            return current
        with self._lock:
            self._checked = now
            key = self._file_key()
            if self._current is None or self._current.key != key:
                old = self._current
                kb = KnowledgeBase(self.url)
                self._current = Snapshot(kb, SearchIndex.build(kb.search_entries()), key)
                # The index is ~1M long-lived objects: keep them out of GC scans, which
                # otherwise show as latency spikes.
                gc.collect()
                gc.freeze()
                if old is not None:
                    old.kb.close()
            return self._current

    def _file_key(self) -> str:
        if not self.url.startswith("sqlite:///"):
            return "server"
        path = Path(self.url.removeprefix("sqlite:///"))
        try:
            stat = os.stat(path)
        except FileNotFoundError as exc:
            raise KnowledgeBaseMissing(
                f"no knowledge base at {path}; run `rareinfo build` first"
            ) from exc
        return f"{stat.st_ino}-{stat.st_mtime_ns}-{stat.st_size}"
