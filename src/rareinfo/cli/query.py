"""Reading the knowledge base: ``rareinfo show``, ``search``, ``status`` and ``audit``."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from rareinfo.cli.common import (
    EXIT_NOT_FOUND,
    EXIT_USAGE,
    DatabaseOption,
    UserdataOption,
    err,
    fail,
    json_default,
    open_kb,
    out,
    settings_and_url,
)
from rareinfo.search.base import EntityKind

if TYPE_CHECKING:
    from rareinfo.inquiries.store import PublishedQuestion


def show_command(
    identifier: Annotated[str, typer.Argument(help="Disease or HPO identifier, e.g. "
                          "OMIM:613065, ORPHA:513, HP:0006721.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    database: DatabaseOption = None,
    userdata: UserdataOption = None,
) -> None:
    """Show a disease or phenotype page as text (or JSON), with its published answers."""
    from rareinfo.kb.models import Disease, Phenotype

    _, url = settings_and_url(database)
    kb = open_kb(url)
    found: Disease | Phenotype | None = None
    if (term_id := kb.resolve_phenotype(identifier)) is not None:
        found = kb.phenotype(term_id)
    elif (disease_id := kb.resolve_disease(identifier)) is not None:
        found = kb.disease(disease_id)
    if found is None:
        fail(f"no disease or phenotype has the identifier {identifier!r}; "
             f"try `rareinfo search {json.dumps(identifier)}`", EXIT_NOT_FOUND)
    if as_json:
        print(json.dumps(dataclasses.asdict(found), default=json_default, indent=2))
    elif isinstance(found, Disease):
        from rareinfo.cli.textpage import print_disease, print_questions

        print_disease(out, found)
        questions = _published_questions(userdata, kb.identifiers_of(found.id))
        if questions:
            print_questions(out, questions)
    else:
        from rareinfo.cli.textpage import print_phenotype

        print_phenotype(out, found)


def _published_questions(userdata: str | None,
                         disease_ids: Sequence[str]) -> list[PublishedQuestion]:
    """The disease's published Q&A, as on its page; none when no user database exists yet."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import SQLAlchemyError

    from rareinfo.config import load_settings
    from rareinfo.inquiries import db, store

    url = userdata or load_settings().resolved_userdata_url()
    try:
        parsed = make_url(url)
        # Reading must not create an empty SQLite file where nobody has asked anything yet.
        if parsed.get_backend_name() == "sqlite" and not (
                parsed.database and Path(parsed.database).is_file()):
            return []
        if db.current_revision(url) is None:
            return []
        with db.engine(url).connect() as conn:
            return store.published_for_disease(conn, disease_ids)
    except (SQLAlchemyError, db.UserDataError) as exc:
        err.print(f"[yellow]questions and answers not shown:[/yellow] the user database "
                  f"cannot be read ({type(exc).__name__})", highlight=False)
        return []


def search_command(
    text: Annotated[str, typer.Argument(help="Name, synonym, symptom or identifier.")],
    kind: Annotated[EntityKind | None, typer.Option(help="disease, phenotype or gene")] = None,
    limit: Annotated[int, typer.Option(min=1, max=200)] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    database: DatabaseOption = None,
) -> None:
    """Search diseases and phenotypes by any name, synonym or identifier."""
    from rich.table import Table

    from rareinfo.service.live import open_searcher

    if kind not in (None, "disease", "phenotype", "gene"):
        fail(f"--kind must be disease, phenotype or gene, not {kind!r}", EXIT_USAGE)
    if len(text) > 200:
        fail("the search text is longer than 200 characters", EXIT_USAGE)
    _, url = settings_and_url(database)
    index = open_searcher(open_kb(url), notify=lambda line: err.print(
        f"[yellow]note[/yellow] {line}", highlight=False))
    hits = index.search(text, kind=kind, limit=limit)
    if as_json:
        # The API's own answer (GET /api/v1/search), so a script reads one shape from both.
        from rareinfo.web.api.models.search import SearchResponse, search_result_of
        from rareinfo.web.lookup import hit_dict

        near_hits = [] if hits else [h for h in index.suggest(text, limit=5)
                                     if kind is None or h.kind == kind]
        body = SearchResponse(
            query=text.strip(), total=index.count(text, kind=kind), offset=0,
            results=[search_result_of(hit_dict(h)) for h in hits],
            suggestions=[search_result_of(hit_dict(h)) for h in near_hits])
        print(body.model_dump_json(indent=2))
        if not hits:
            raise typer.Exit(EXIT_NOT_FOUND)
        return
    if not hits:
        near = index.suggest(text, limit=5)
        listed = ", ".join(f"{h.label} ({h.curie})" for h in near)
        hint = f"; did you mean: {listed}" if near else ""
        fail(f"nothing matches {text!r}{hint}", EXIT_NOT_FOUND)
    table = Table(show_header=True)
    for column in ("id", "name", "kind", "matched"):
        table.add_column(column)
    for hit in hits:
        table.add_row(hit.curie, hit.label, hit.kind,
                      hit.matched_text if hit.matched_text != hit.label else "")
    out.print(table)


def status_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    database: DatabaseOption = None,
) -> None:
    """Sources, releases, counts and the database location."""
    from rich.padding import Padding
    from rich.table import Table

    _, url = settings_and_url(database)
    status = open_kb(url).status()
    if as_json:
        print(json.dumps(dataclasses.asdict(status), default=json_default, indent=2))
        return
    out.print(f"Database: {status.database}\nBuilt: {status.built_at}")
    out.print(f"{status.diseases:,} diseases, {status.phenotypes:,} phenotypes, "
              f"{status.annotations:,} annotations, {status.problems:,} malformed records")
    pages = status.coverage.get("pages", 0)
    gard_entries = status.coverage.get("GARD entries", 0)
    coverage = Table(title="Coverage")
    coverage.add_column("what", overflow="fold")
    coverage.add_column("count", justify="right")
    coverage.add_column("share", justify="right")
    for what, count in status.coverage.items():
        base = gard_entries if what.startswith("GARD entries ") else pages
        totals = what in ("pages", "GARD entries")
        share = f"{100 * count / base:.1f}%" if base and not totals else ""
        coverage.add_row(what, f"{count:,}", share)
    out.print(coverage)
    # One block per source rather than a five-column table: in 80 columns a table cuts
    # titles, dates and source names ("2026-12-04T1…"); a block wraps and cuts nothing.
    out.print("\nSources", style="bold")
    for r in status.releases:
        block = Table.grid(padding=(0, 2))
        block.add_column(no_wrap=True, style="dim")
        block.add_column(overflow="fold")
        block.add_row("release", r.version)
        block.add_row("loaded", str(r.loaded_at))
        block.add_row("counts", ", ".join(f"{v:,} {k}" for k, v in r.counts.items()))
        block.add_row("malformed", f"{r.problems:,}")
        out.print(f"\n{r.title} [dim]({r.source})[/dim]", highlight=False)
        out.print(Padding(block, (0, 0, 0, 2)))


def audit_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    examples: Annotated[int, typer.Option("--examples", min=0, max=100,
                                          help="Examples shown per class.")] = 5,
    database: DatabaseOption = None,
) -> None:
    """Scan every page for duplicates, contradictions and damaged text; exit 1 if over."""
    from rareinfo.kb.audit import run_audit

    _, url = settings_and_url(database)
    report = run_audit(open_kb(url), examples)
    print(json.dumps(report.as_dict(), indent=2) if as_json else "\n".join(report.lines()))
    if report.over():
        raise typer.Exit(1)
