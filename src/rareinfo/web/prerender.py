"""Every disease and phenotype page, rendered once per snapshot into the snapshot itself.

A build derives the pages (HTML and API JSON, gzip-compressed) into ``rendered_page``, so
every worker and every app server reading the snapshot serves a first visit at the price
of a repeat one: one indexed read, and the compressed bytes go out as they are.
"""

from __future__ import annotations

import gzip
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from urllib.parse import quote

from sqlalchemy import Column, Engine, LargeBinary, MetaData, String, Table, func, select
from sqlalchemy.exc import SQLAlchemyError

from rareinfo.kb import schema, snapshots
from rareinfo.kb.models import Disease, Phenotype
from rareinfo.kb.queries import KnowledgeBase
from rareinfo.web.api.models.entities import disease_of, phenotype_of
from rareinfo.web.cache import HTML, JSON, LEVEL, Body
from rareinfo.web.templating import render

metadata = MetaData()
rendered_page = Table(
    "rendered_page", metadata,
    Column("address", String, primary_key=True),  # the path the page is served at
    Column("media_type", String, nullable=False),
    Column("body", LargeBinary, nullable=False),  # gzip-compressed
)
BATCH = 500
NEARBY = "SELECT media_type, body FROM rendered_page WHERE address = ?"


def disease_html(disease: Disease, questions: list[object], asking: bool) -> bytes:
    """The disease page as served (published questions as given)."""
    return render(None, "disease.html", {"disease": disease, "questions": questions,
                                         "asking": asking}).encode()


def phenotype_html(term: Phenotype) -> bytes:
    """The phenotype page as served."""
    return render(None, "phenotype.html", {"term": term}).encode()


def pages(kb: KnowledgeBase, prefix: str = "/") -> Iterator[tuple[str, str, bytes]]:
    """(address, media type, body) of every disease and phenotype page and its JSON
    (those whose address starts with ``prefix``)."""
    with kb.engine.connect() as conn:
        disease_ids = list(conn.execute(select(schema.disease.c.id)
                                        .order_by(schema.disease.c.id)).scalars())
        phenotype_ids = list(conn.execute(select(schema.phenotype.c.id)
                                          .order_by(schema.phenotype.c.id)).scalars())
    for disease_id in disease_ids:
        page, api = f"/diseases/{disease_id}", f"/api/v1/diseases/{disease_id}"
        if not (page.startswith(prefix) or api.startswith(prefix)):
            continue
        disease = kb.disease(disease_id)
        if disease is None:
            continue
        if page.startswith(prefix):
            # Pre-rendered without questions: served only for diseases that have none.
            yield page, HTML, disease_html(disease, [], asking=True)
        if api.startswith(prefix):
            yield api, JSON, disease_of(disease).model_dump_json().encode()
    kb.disease.cache_clear()
    for term_id in phenotype_ids:
        page, api = f"/phenotypes/{term_id}", f"/api/v1/phenotypes/{term_id}"
        if not (page.startswith(prefix) or api.startswith(prefix)):
            continue
        term = kb.phenotype(term_id)
        if term is None:
            continue
        if page.startswith(prefix):
            yield page, HTML, phenotype_html(term)
        if api.startswith(prefix):
            yield api, JSON, phenotype_of(term).model_dump_json().encode()
    kb.phenotype.cache_clear()


def stored_or_rendered(kb: KnowledgeBase, prefix: str = "/"
                       ) -> Iterator[tuple[str, str, bytes]]:
    """(address, media type, body) of every page whose address starts with ``prefix``:
    read from the snapshot's pre-rendered pages when it has them, else rendered now."""
    if not _complete(kb):
        yield from pages(kb, prefix)
        return
    r = rendered_page
    with kb.engine.connect() as conn:
        rows = conn.execution_options(stream_results=True, yield_per=BATCH).execute(
            select(r.c.address, r.c.media_type, r.c.body)
            .where(r.c.address.startswith(prefix, autoescape=True)).order_by(r.c.address))
        for row in rows:
            yield str(row.address), str(row.media_type), gzip.decompress(row.body)


def render_pages(engine: Engine, progress: Callable[[int], None] | None = None) -> None:
    """Derive every page of a freshly loaded snapshot into its ``rendered_page`` table."""
    metadata.create_all(engine)
    kb = KnowledgeBase.over(engine, "staging")
    rows: list[dict[str, object]] = []
    done = 0
    # SQLite allows no writer while a reader is open: each page's queries have closed
    # their connection before it is yielded, so the batch is written between two pages.
    for address, media_type, body in pages(kb):
        rows.append({"address": address, "media_type": media_type,
                     "body": gzip.compress(body, LEVEL, mtime=0)})
        if len(rows) >= BATCH:
            snapshots.copy_rows(engine, rendered_page, rows)
            done += len(rows)
            rows = []
            if progress is not None:
                progress(done)
    if rows:
        snapshots.copy_rows(engine, rendered_page, rows)


class Prerendered:
    """Reads pre-rendered pages of the live snapshot; a snapshot without them reads None."""

    def __init__(self) -> None:
        self._absent: set[str] = set()  # snapshot keys without the table
        self._local = threading.local()  # per thread: (snapshot key, its own connection)

    def nearby(self, kb: KnowledgeBase, address: str) -> Body | None:
        """The pre-rendered body at ``address`` when the snapshot is an SQLite file, read
        on this thread's own read-only connection; None when it is not stored there, or
        when reading it would mean waiting on a database server.

        Tens of microseconds, little enough to read on the event loop: no hop to a worker
        thread, no connection pool, one prepared statement (the pooled, compiled query of
        ``get`` costs about 100 us, the hop several hundred)."""
        if kb.key in self._absent or kb.engine.dialect.name != "sqlite":
            return None
        conn = self._connection(kb)
        if conn is None:
            return None
        try:
            row = conn.execute(NEARBY, (address,)).fetchone()
        except sqlite3.Error as exc:
            if "no such table" in str(exc):
                self._absent.add(kb.key)  # built before pages were pre-rendered
            return None
        return Body.gzipped(str(row[0]), bytes(row[1])) if row is not None else None

    def _connection(self, kb: KnowledgeBase) -> sqlite3.Connection | None:
        held: tuple[str, sqlite3.Connection] | None = getattr(self._local, "held", None)
        if held is not None and held[0] == kb.key:
            return held[1]
        if held is not None:
            held[1].close()  # a new snapshot was swapped in
            self._local.held = None
        try:
            path = snapshots.sqlite_file(kb.url)
            # timeout=0: never wait for a lock on the event loop (a snapshot, once
            # swapped in, is only read; a lock means something unusual: fall back).
            conn = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True, timeout=0)
        except (sqlite3.Error, snapshots.SnapshotError):
            return None
        try:
            current = snapshots.live_key(kb.url)
        except (OSError, snapshots.SnapshotError):
            current = None
        if current != kb.key:
            # The file at that path is already the next build (or gone): its pages are
            # not this snapshot's. The route answers until the snapshot is switched.
            conn.close()
            return None
        self._local.held = (kb.key, conn)
        return conn

    def get(self, kb: KnowledgeBase, address: str) -> Body | None:
        """The pre-rendered body at ``address``, or None."""
        if kb.key in self._absent:
            return None
        started = time.perf_counter()
        try:
            with kb.engine.connect() as conn:
                row = conn.execute(select(rendered_page.c.media_type, rendered_page.c.body)
                                   .where(rendered_page.c.address == address)).first()
        except SQLAlchemyError:
            # Built before pages were pre-rendered (or by `build_snapshot` in tests):
            # render as before. Only a missing table is remembered, not a passing error.
            if time.perf_counter() - started < 1.0 and not _has_table(kb):
                self._absent.add(kb.key)
            return None
        return Body.gzipped(str(row.media_type), bytes(row.body)) if row is not None else None


def _complete(kb: KnowledgeBase) -> bool:
    """Whether the snapshot holds every page (a build's derivation writes all or none; a
    hand-made or partial table is not trusted for a bulk export)."""
    if not _has_table(kb):
        return False
    with kb.engine.connect() as conn:
        stored = conn.execute(select(func.count()).select_from(rendered_page)).scalar_one()
        entities = sum(conn.execute(select(func.count()).select_from(table)).scalar_one()
                       for table in (schema.disease, schema.phenotype))
    return int(stored) >= 2 * int(entities)


def _has_table(kb: KnowledgeBase) -> bool:
    try:
        with kb.engine.connect() as conn:
            conn.execute(select(rendered_page.c.address).limit(1)).first()
    except SQLAlchemyError:
        return False
    return True


prerendered = Prerendered()
