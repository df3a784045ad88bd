"""Build a knowledge-base snapshot from source records and swap it in atomically.

The build writes a complete new snapshot beside the live one (an SQLite file, or a
PostgreSQL schema; see rareinfo.kb.snapshots) and swaps it in only when everything loaded
and passed the QC minimums. Readers of the old snapshot keep reading it; new readers open
the new one; a failed build leaves the old one.
"""

from __future__ import annotations

import errno
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, insert, select, text, update
from sqlalchemy.exc import OperationalError

from rareinfo.kb import schema, snapshots
from rareinfo.kb.facts import fact_for
from rareinfo.kb.identity import IdentitySummary, assign_diseases
from rareinfo.kb.plain_links import link_plain_texts
from rareinfo.kb.queries import COVERAGE_SQL
from rareinfo.kb.research import link_research
from rareinfo.kb.treatments import link_designations
from rareinfo.records import (
    Problem,
    Record,
    SourceRelease,
)
from rareinfo.sources.base import SourceInfo

BATCH = 5000
MAX_REPORTED_PROBLEMS = 1000  # per source; the count is always exact


class BuildError(RuntimeError):
    """The build could not complete; the previous snapshot is still serving."""


@dataclass(slots=True)
class SourceRun:
    """One source to load: its declared facts and its stream of records."""

    info: SourceInfo
    records: Iterable[Record]


@dataclass(slots=True)
class SourceSummary:
    """What one source contributed to the snapshot."""

    source: str
    version: str
    counts: Counter[str] = field(default_factory=Counter)
    problems: int = 0
    first_problems: list[Problem] = field(default_factory=list)
    shortfalls: list[str] = field(default_factory=list)


@dataclass(slots=True)
class BuildSummary:
    """The result of a build: where the snapshot is and what went into it."""

    database: str
    seconds: float
    sources: list[SourceSummary]
    identity: IdentitySummary


Progress = Callable[[str, int], None]  # (source name, records read so far)
Derivation = Callable[[Engine], None]  # adds derived tables to a loaded snapshot


def sqlite_path(url: str) -> Path:
    """The file of an SQLite URL; other databases have no file."""
    try:
        return snapshots.sqlite_file(url)
    except snapshots.SnapshotError as exc:
        raise BuildError(str(exc)) from exc


def build(
    url: str,
    runs: Iterable[SourceRun],
    *,
    progress: Progress | None = None,
    enforce_minimums: bool = True,
    derive: Sequence[Derivation] = (),
) -> BuildSummary:
    """Load every source into a new snapshot, check it, then swap it in for the live one.

    ``derive`` runs after the facts are loaded and linked, before the checks: the layers
    above the knowledge base (search entries, the diagnosis model) add what they derive
    from the snapshot to the snapshot itself, so it is swapped in with it.
    """
    started = datetime.now(UTC)
    try:
        staging = snapshots.begin(url)
    except snapshots.SnapshotError as exc:
        raise BuildError(str(exc)) from exc
    engine = staging.engine
    try:
        schema.metadata.create_all(engine)
        summaries = [_load_source(engine, run, progress) for run in runs]
        # Checked before anything is derived: a broken release fails fast and leaves
        # nothing beside the live snapshot (no search entries, no stored model).
        shortfalls = [s for summary in summaries for s in summary.shortfalls]
        if enforce_minimums and shortfalls:
            raise BuildError(
                "the new snapshot is incomplete, so the previous one stays live: "
                + "; ".join(shortfalls)
                + _first_problems(summaries)
                + ". Check the downloaded files (rareinfo sync NAME) and build again."
            )
        if progress is not None:
            progress("identity", 0)
        identity = assign_diseases(engine, staging.previous_identifiers())
        if progress is not None:
            progress("treatments", 0)
        link_designations(engine)
        link_research(engine)
        link_plain_texts(engine)
        _derive(engine)
        for derivation in derive:
            if progress is not None:
                progress(derivation.__name__.replace("_", " "), 0)
            derivation(engine)
        _write_info(engine, started)
        with engine.begin() as conn:
            conn.execute(text("ANALYZE"))
        database = staging.publish()
    except OSError as exc:
        staging.discard()
        if exc.errno not in (errno.ENOSPC, errno.EDQUOT, errno.EROFS):
            raise
        raise BuildError(f"the build could not write its new snapshot ({exc.strerror or exc}); "
                         "the previous one stays live. Free some disk space or choose "
                         "another RAREINFO_DATA_DIR, then build again.") from exc
    except OperationalError as exc:
        staging.discard()
        raise BuildError(_database_failure(exc)) from exc
    except BaseException:
        staging.discard()
        raise
    seconds = (datetime.now(UTC) - started).total_seconds()
    return BuildSummary(database, seconds, summaries, identity)


def _first_problems(summaries: list[SourceSummary], per_source: int = 3) -> str:
    """The first malformed records of the sources that fell short: what to look at."""
    found = [f"{p.location}: {p.message}" for summary in summaries if summary.shortfalls
             for p in summary.first_problems[:per_source]]
    return f" (first problems: {'; '.join(found)})" if found else ""


def _database_failure(exc: OperationalError) -> str:
    detail = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
    if "full" in detail.lower() or "space" in detail.lower():
        return (f"the database ran out of space during the build ({detail}); the previous "
                "snapshot stays live. Free some disk space and build again.")
    return (f"the database failed during the build ({detail}); the previous snapshot stays "
            "live. Check the database server and build again.")


class _Loader:
    """Buffers rows per table and writes them in batches."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.rows: dict[str, list[dict[str, Any]]] = {}

    def add(self, table: str, row: dict[str, Any]) -> None:
        bucket = self.rows.setdefault(table, [])
        bucket.append(row)
        if len(bucket) >= BATCH:
            self.flush(table)

    def flush(self, table: str | None = None) -> None:
        names = [table] if table else list(self.rows)
        for name in names:
            bucket = self.rows.get(name)
            if bucket:
                snapshots.copy_rows(self.engine, schema.metadata.tables[name], bucket)
                bucket.clear()


def _load_source(engine: Engine, run: SourceRun, progress: Progress | None) -> SourceSummary:
    summary = SourceSummary(run.info.name, "unknown")
    loader = _Loader(engine)
    release: SourceRelease | None = None
    for record in _with_progress(run, progress):
        if isinstance(record, SourceRelease):
            release = record
            summary.version = record.version
        elif isinstance(record, Problem):
            summary.problems += 1
            if len(summary.first_problems) < MAX_REPORTED_PROBLEMS:
                summary.first_problems.append(record)
                loader.add("load_problem", _problem_row(record))
        else:
            _add_record(loader, record, summary.counts)
    loader.flush()
    if release is None:
        raise BuildError(f"source {run.info.name} yielded no release information")
    summary.shortfalls = [
        f"{run.info.name}: {summary.counts[what]:,} {what}, expected at least {minimum:,}"
        for what, minimum in run.info.minimum_counts
        if summary.counts[what] < minimum
    ]
    _write_release(engine, run.info, release, summary)
    return summary


def _with_progress(run: SourceRun, progress: Progress | None) -> Iterator[Record]:
    for count, record in enumerate(run.records, start=1):
        if progress is not None and count % 10_000 == 0:
            progress(run.info.name, count)
        yield record


def _problem_row(problem: Problem) -> dict[str, Any]:
    return {"source": problem.source, "location": problem.location, "message": problem.message}


def _add_record(loader: _Loader, record: Record, counts: Counter[str]) -> None:
    fact = fact_for(type(record))
    if fact is None:
        raise BuildError(f"no fact declared for {type(record).__name__} records; declare it "
                         "in rareinfo.kb.facts")
    counts[fact.count(record)] += 1
    for table, row in fact.rows(record):
        loader.add(table.name, row)


def _write_release(
    engine: Engine, info: SourceInfo, release: SourceRelease, summary: SourceSummary
) -> None:
    with engine.begin() as conn:
        conn.execute(insert(schema.source_release).values(
            source=info.name, title=info.title, version=release.version,
            released=release.released, location=release.location,
            homepage=info.homepage, licence=info.licence, attribution=info.attribution,
            loaded_at=datetime.now(UTC).isoformat(timespec="seconds"),
            counts=json.dumps(dict(summary.counts)), problems=summary.problems,
        ))


def _derive(engine: Engine) -> None:
    """Counts computed from the loaded facts."""
    a, d, p = schema.annotation, schema.disease, schema.phenotype
    with engine.begin() as conn:
        per_disease = (
            select(func.count()).where(a.c.disease_id == d.c.id).scalar_subquery()
        )
        conn.execute(update(d).values(annotation_count=per_disease))
        per_phenotype = (
            select(func.count(func.distinct(a.c.disease_id)))
            .where(a.c.phenotype_id == p.c.id, a.c.negated.is_(False))
            .scalar_subquery()
        )
        conn.execute(update(p).values(disease_count=per_phenotype))


def _write_info(engine: Engine, started: datetime) -> None:
    with engine.begin() as conn:
        # Counted once here: every diagnosis says how many pages there are (page_counts),
        # the front page and `rareinfo status` how much each kind of fact covers.
        pages = {key: str(int(conn.execute(text(sql)).scalar_one()))
                 for key, sql in COVERAGE_SQL.items()}
        conn.execute(insert(schema.snapshot_info), [
            {"key": "built_at", "value": started.isoformat(timespec="seconds")},
            {"key": "schema_version", "value": schema.SCHEMA_VERSION},
            *({"key": key, "value": value} for key, value in pages.items()),
        ])
