"""``rareinfo build`` and ``rareinfo sync``: source releases into a new knowledge base.

``sync`` of clinicaltrials or pubmed searches per disease page; which pages (``--disease``
or ``--all``) and which names of each page are searched is decided here.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from rareinfo.cli.common import (
    EXIT_BUILD_FAILED,
    EXIT_NOT_FOUND,
    EXIT_USAGE,
    DatabaseOption,
    err,
    fail,
    open_kb,
    out,
    settings_and_url,
)

if TYPE_CHECKING:
    from rich.progress import Progress
    from sqlalchemy import Engine

    from rareinfo.config import Settings
    from rareinfo.kb.build import BuildSummary
    from rareinfo.kb.models import Disease
    from rareinfo.service.plan import PlannedSource

# Sources searched per disease page rather than downloaded whole.
RESEARCH_SOURCES = ("clinicaltrials", "pubmed")
MAX_NAMES = 5  # names searched per disease: its name and its first synonyms


def build_command(
    from_dir: Annotated[Path | None, typer.Option("--from", help="Directory of local source "
                        "releases laid out like ../shared/data (HPO files in it or in hpo/).")]
    = None,
    database: DatabaseOption = None,
    prerender: Annotated[bool, typer.Option(
        "--prerender", help="Also render every disease and phenotype page into the snapshot "
        "(no cold pages for any worker or app server; a few minutes more).")] = False,
) -> None:
    """Build the knowledge base from local source releases and swap it in atomically."""
    from rareinfo.service import plan as pipeline

    settings, url = settings_and_url(database)
    try:
        planned = pipeline.plan(from_dir, settings.resolved_cache_dir())
    except pipeline.SourceNotFound as exc:
        fail(str(exc), EXIT_USAGE)
    for item in planned:
        out.print(f"Reading [bold]{item.name}[/bold] from {item.location} ({item.origin})")
    run_build(url, planned, prerender=prerender)
    # De-identification's word tables and the new snapshot's medical vocabulary, compiled
    # now and kept in the cache directory: `rareinfo deidentify` then only reads them back.
    from rareinfo.inquiries.deid.medical import vocabulary_at

    vocabulary_at(url, settings.resolved_cache_dir())


def run_build(url: str, planned: list[PlannedSource], brief: bool = False, *,
              prerender: bool = False) -> BuildSummary:
    """Build from the planned releases with a progress display, then print the summary.

    ``brief``: one line instead of the table and the skipped records (a first start).
    """
    from rareinfo.kb import snapshots
    from rareinfo.kb.build import BuildError
    from rareinfo.service import plan as pipeline
    from rareinfo.service.building import build_snapshot
    from rareinfo.web.prerender import render_pages

    try:
        snapshots.backend_of(url)
    except snapshots.SnapshotError as exc:
        fail(str(exc), EXIT_USAGE)
    with _progress("{task.completed:,} records") as progress:
        tasks: dict[str, Any] = {}

        def report(source: str, count: int) -> None:
            if source not in tasks:
                tasks[source] = progress.add_task(f"Loading {source}", total=None)
                if not err.is_terminal:
                    # No live display in a log or a pipe: one line per source instead.
                    err.print(f"Loading {source} ...", highlight=False)
            progress.update(tasks[source], completed=count)

        def rendering_pages(engine: Engine) -> None:
            render_pages(engine, progress=lambda done: report("rendered pages", done))

        try:
            summary = build_snapshot(url, pipeline.runs(planned), progress=report,
                                     derive=(rendering_pages,) if prerender else ())
        except (BuildError, FileNotFoundError) as exc:
            fail(str(exc), EXIT_BUILD_FAILED)
    if brief:
        releases = ", ".join(f"{s.source} {s.version}" for s in summary.sources)
        skipped = sum(s.problems for s in summary.sources)
        out.print(f"Built in {summary.seconds:.0f} s: {summary.identity.pages:,} disease pages "
                  f"from {releases}; {skipped:,} malformed records skipped (`rareinfo "
                  "status` lists them by source).", highlight=False)
    else:
        _print_summary(summary)
    return summary


def _progress(*counts: str) -> Progress:
    """A transient progress display on standard error with these count columns."""
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                    *(TextColumn(count) for count in counts), TimeElapsedColumn(),
                    console=err, transient=True)


def _print_summary(summary: BuildSummary) -> None:
    from rich.table import Table

    table = Table(title=f"Knowledge base built in {summary.seconds:.1f} s: {summary.database}")
    for column in ("source", "release", "what", "count", "malformed"):
        table.add_column(column, justify="right" if column in ("count", "malformed") else "left")
    for source in summary.sources:
        for index, (what, count) in enumerate(sorted(source.counts.items())):
            first = index == 0
            table.add_row(source.source if first else "", source.version if first else "",
                          what, f"{count:,}", f"{source.problems:,}" if first else "")
    out.print(table)
    identity = summary.identity
    out.print(f"{identity.pages:,} disease pages, {identity.identifiers:,} identifiers resolved, "
              f"{identity.conflicts:,} exact statements not merged (kept as links), "
              f"{identity.carried_forward:,} identifiers carried forward from the previous build")
    for source in summary.sources:
        for problem in source.first_problems[:10]:
            err.print(f"[yellow]skipped[/yellow] {problem.source} {problem.location}: "
                      f"{problem.message}", highlight=False)
        if source.problems > 10:
            err.print(f"... and {source.problems - 10:,} more malformed records in "
                      f"{source.source} (see `rareinfo status`)")


# The help lists the sources by hand: reading them from rareinfo.sources.registry would import
# every source module (HTTP client, spreadsheet reader) for `rareinfo --help`. A unit test
# (tests/unit/test_cli_startup.py) checks the list against the registry.
def sync_command(
    source: Annotated[str, typer.Argument(help="Source to fetch and load: hpo, orphanet, "
                      "mondo, gard, fda_orphan, clinicaltrials, pubmed or medlineplus.")],
    from_path: Annotated[Path | None, typer.Option("--from", help="Load this local copy "
                         "instead of downloading.")] = None,
    base_url: Annotated[str | None, typer.Option(help="Download from this mirror instead of "
                        "the official location.")] = None,
    diseases: Annotated[list[str] | None, typer.Option("--disease", help="clinicaltrials, "
                        "pubmed: a disease page to search for (repeatable).")] = None,
    every: Annotated[bool, typer.Option("--all", help="clinicaltrials, pubmed: search for "
                     "every disease page (slow: one search per page).")] = False,
    since: Annotated[str | None, typer.Option("--since", help="clinicaltrials, pubmed: only "
                     "records updated (trials) or added (articles) on or after YYYY-MM-DD.")]
    = None,
    database: DatabaseOption = None,
) -> None:
    """Fetch the latest release of one source (or take a local copy) and rebuild.

    The other sources are loaded again from where the live knowledge base took them.
    clinicaltrials and pubmed search per disease page: give --disease ID (repeatable) or --all.
    """
    from rareinfo.service import plan as pipeline
    from rareinfo.sources import registry
    from rareinfo.sources.base import DownloadError

    settings, url = settings_and_url(database)
    if source not in registry.names():
        fail(str(registry.UnknownSource(source)), EXIT_USAGE)
    if from_path is None and source in RESEARCH_SOURCES:
        location = _sync_research(source, url, settings.resolved_cache_dir(), diseases or [],
                                  every=every, since=_since(since), base_url=base_url)
    elif from_path is not None:
        found = pipeline.locate(source, from_path) if from_path.exists() else None
        if found is None:
            fail(f"{from_path} holds no {source} release that rareinfo recognises", EXIT_USAGE)
        location = found
    else:
        module = registry.get(source).module
        try:
            with err.status(f"Downloading {source} into {settings.resolved_cache_dir()}"):
                location = module.fetch(settings.resolved_cache_dir(), base_url=base_url)
        except DownloadError as exc:
            fail(str(exc), EXIT_BUILD_FAILED)
    planned = [p for p in _current_plan(url, settings) if p.name != source]
    planned.append(pipeline.PlannedSource(source, location, "sync"))
    run_build(url, pipeline.in_build_order(planned))


def _since(value: str | None) -> date | None:
    """The --since day, or a usage error."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"--since must be a date like 2026-01-31, not {value!r}", EXIT_USAGE)


def _search_names(disease: Disease) -> list[str]:
    """The names to search for a page: its name, then synonyms, without repeats, at most 5."""
    names: dict[str, str] = {}
    for name in (disease.name, *disease.synonyms):
        if name.strip():
            names.setdefault(" ".join(name.split()).casefold(), name)
    return list(names.values())[:MAX_NAMES]


def _research_targets(url: str, identifiers: list[str], every: bool) -> list[Disease]:
    """The disease pages to sync: those named by --disease, or all with --all."""
    if not identifiers and not every:
        fail("say which diseases to search for: --disease ID (repeatable) or --all",
             EXIT_USAGE)
    kb = open_kb(url)
    chosen: list[str] = []
    for identifier in identifiers:
        disease_id = kb.resolve_disease(identifier)
        if disease_id is None:
            fail(f"no disease page has the identifier {identifier!r}; "
                 f"try `rareinfo search {json.dumps(identifier)}`", EXIT_NOT_FOUND)
        chosen.append(disease_id)
    if every:
        chosen += list(kb.disease_names())
    pages = [kb.disease(disease_id) for disease_id in dict.fromkeys(chosen)]
    return [page for page in pages if page is not None]


def _sync_research(source: str, url: str, cache_dir: Path, identifiers: list[str], *,
                   every: bool, since: date | None, base_url: str | None) -> Path:
    """Search each chosen page's trials or articles into the cache; return their location."""
    from rareinfo.service import plan as pipeline
    from rareinfo.sources import clinicaltrials, pubmed
    from rareinfo.sources.base import DownloadError

    targets = _research_targets(url, identifiers, every)
    fetched = 0
    with _progress("{task.completed:,}/{task.total:,} diseases",
                   "{task.fields[pages]:,} pages fetched") as progress:
        task = progress.add_task(f"Syncing {source}", total=len(targets), pages=0)
        for page in targets:
            progress.update(task, description=f"Syncing {source}: {page.name[:40]}")
            names = _search_names(page)
            try:
                if source == "clinicaltrials":
                    fetched += clinicaltrials.fetch_condition(
                        names, cache_dir, base_url=base_url, since=since).pages_fetched
                else:
                    sync = pubmed.fetch_articles(names, cache_dir, base_url=base_url,
                                                 since=since)
                    fetched += sync.batches_fetched
            except DownloadError as exc:
                progress.stop()
                fail(f"{source} sync of {page.id} stopped (what was saved is kept; run again "
                     f"to resume): {' '.join(str(exc).split())}", EXIT_BUILD_FAILED)
            progress.update(task, advance=1, pages=fetched)
    location = pipeline.locate(source, cache_dir)
    if location is None:
        fail(f"the {source} sync saved nothing readable in {cache_dir}", EXIT_BUILD_FAILED)
    out.print(f"Synced {source} for {len(targets):,} disease pages ({fetched:,} pages fetched)")
    return location


def _current_plan(url: str, settings: Settings) -> list[PlannedSource]:
    """Where the live knowledge base took each source from (falling back to the cache)."""
    from rareinfo.kb.queries import KnowledgeBase, KnowledgeBaseMissing
    from rareinfo.service import plan as pipeline
    from rareinfo.sources import registry

    try:
        releases = KnowledgeBase(url).releases()
    except KnowledgeBaseMissing:
        return pipeline.plan(None, settings.resolved_cache_dir())
    planned = []
    for release in releases:
        location = Path(release.location)
        if release.source in registry.names() and location.exists():
            planned.append(pipeline.PlannedSource(release.source, location, "live"))
    # A source shipped inside a package (HPO) is always there to fall back on.
    have = {p.name for p in planned}
    planned += [p for p in pipeline.plan(None, settings.resolved_cache_dir())
                if p.origin == "embedded" and p.name not in have]
    return pipeline.in_build_order(planned)
