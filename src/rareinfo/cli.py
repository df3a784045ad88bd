"""The `rareinfo` command: build, sync, serve, show, search, status."""

from __future__ import annotations

import dataclasses
import gzip
import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from rareinfo.config import Settings, load_settings
from rareinfo.kb import snapshots
from rareinfo.kb.build import BuildError, BuildSummary
from rareinfo.kb.models import Disease, Phenotype
from rareinfo.kb.queries import KnowledgeBase, KnowledgeBaseMissing, KnowledgeBaseUnavailable
from rareinfo.search.base import EntityKind
from rareinfo.service import plan as pipeline
from rareinfo.service.building import build_snapshot
from rareinfo.service.live import open_searcher
from rareinfo.sources import registry
from rareinfo.sources.base import DownloadError

app = typer.Typer(
    name="rareinfo",
    help="Genetic and rare disease information center: build, serve and query the knowledge base.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True)

EXIT_NOT_FOUND = 1
EXIT_USAGE = 2
EXIT_NO_KB = 3
EXIT_BUILD_FAILED = 4

DatabaseOption = Annotated[
    str | None,
    typer.Option("--database", help="Database URL (default: RAREINFO_DATABASE_URL or an "
                 "SQLite file in the user data directory)."),
]


def fail(message: str, code: int) -> NoReturn:
    """Print one line saying what is wrong (and what to do) and exit with ``code``."""
    err.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def _settings(database: str | None) -> tuple[Settings, str]:
    settings = load_settings()
    return settings, database or settings.resolved_database_url()


def _open(url: str) -> KnowledgeBase:
    try:
        return KnowledgeBase(url)
    except KnowledgeBaseMissing as exc:
        fail(str(exc), EXIT_NO_KB)


@app.command("build")
def build_command(
    from_dir: Annotated[Path | None, typer.Option("--from", help="Directory of local source "
                        "releases laid out like ../shared/data (HPO files in it or in hpo/).")]
    = None,
    database: DatabaseOption = None,
) -> None:
    """Build the knowledge base from local source releases and swap it in atomically."""
    settings, url = _settings(database)
    try:
        planned = pipeline.plan(from_dir, settings.resolved_cache_dir())
    except pipeline.SourceNotFound as exc:
        fail(str(exc), EXIT_USAGE)
    for item in planned:
        out.print(f"Reading [bold]{item.name}[/bold] from {item.location} ({item.origin})")
    _run_build(url, planned)


def _run_build(url: str, planned: list[pipeline.PlannedSource]) -> BuildSummary:
    try:
        snapshots.backend_of(url)
    except snapshots.SnapshotError as exc:
        fail(str(exc), EXIT_USAGE)
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
               TextColumn("{task.completed:,} records"), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as progress:
        tasks: dict[str, Any] = {}

        def report(source: str, count: int) -> None:
            if source not in tasks:
                tasks[source] = progress.add_task(f"Loading {source}", total=None)
            progress.update(tasks[source], completed=count)

        try:
            summary = build_snapshot(url, pipeline.runs(planned), progress=report)
        except (BuildError, FileNotFoundError) as exc:
            fail(str(exc), EXIT_BUILD_FAILED)
    _print_summary(summary)
    return summary


def _print_summary(summary: BuildSummary) -> None:
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


@app.command("sync")
def sync_command(
    source: Annotated[str, typer.Argument(help="Source to fetch and load: hpo, orphanet, "
                      "mondo, gard, fda_orphan, clinicaltrials or pubmed.")],
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
    settings, url = _settings(database)
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
    _run_build(url, pipeline.in_build_order(planned))


RESEARCH_SOURCES = ("clinicaltrials", "pubmed")
MAX_NAMES = 5  # names searched per disease: its name and its first synonyms


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
    kb = _open(url)
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
    from rareinfo.sources import clinicaltrials, pubmed

    targets = _research_targets(url, identifiers, every)
    fetched = 0
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
               TextColumn("{task.completed:,}/{task.total:,} diseases"),
               TextColumn("{task.fields[pages]:,} pages fetched"), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as progress:
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


def _current_plan(url: str, settings: Settings) -> list[pipeline.PlannedSource]:
    """Where the live knowledge base took each source from (falling back to the cache)."""
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


@app.command("serve")
def serve_command(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
    database: DatabaseOption = None,
) -> None:
    """Serve the portal and the JSON API; builds the knowledge base first if there is none."""
    import os

    import uvicorn

    settings, url = _settings(database)
    problem = None
    try:
        KnowledgeBase(url).close()
    except KnowledgeBaseUnavailable as exc:
        fail(str(exc), EXIT_NO_KB)
    except KnowledgeBaseMissing as exc:
        problem = str(exc)
    if problem is not None:
        out.print(f"{problem}\nBuilding it now from the sources this machine has ...")
        _run_build(url, pipeline.plan(None, settings.resolved_cache_dir()))
    os.environ["RAREINFO_DATABASE_URL"] = url
    os.environ.setdefault("RAREINFO_WARM_DIAGNOSIS_MODEL", "1")
    out.print(f"Serving on http://{host}:{port} (API docs at http://{host}:{port}/docs)")
    uvicorn.run("rareinfo.web.app:create_app", factory=True, host=host, port=port,
                workers=workers, log_level="warning", access_log=False,
                proxy_headers=False)  # web/security.py decides whom to believe


@app.command("show")
def show_command(
    identifier: Annotated[str, typer.Argument(help="Disease or HPO identifier, e.g. "
                          "OMIM:613065, ORPHA:513, HP:0006721.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    database: DatabaseOption = None,
) -> None:
    """Show a disease or phenotype page as text (or JSON)."""
    _, url = _settings(database)
    kb = _open(url)
    found: Disease | Phenotype | None = None
    if (term_id := kb.resolve_phenotype(identifier)) is not None:
        found = kb.phenotype(term_id)
    elif (disease_id := kb.resolve_disease(identifier)) is not None:
        found = kb.disease(disease_id)
    if found is None:
        fail(f"no disease or phenotype has the identifier {identifier!r}; "
             f"try `rareinfo search {json.dumps(identifier)}`", EXIT_NOT_FOUND)
    if as_json:
        print(json.dumps(dataclasses.asdict(found), default=_json_default, indent=2))
    elif isinstance(found, Disease):
        from rareinfo.textpage import print_disease

        print_disease(out, found)
    else:
        from rareinfo.textpage import print_phenotype

        print_phenotype(out, found)


@app.command("search")
def search_command(
    text: Annotated[str, typer.Argument(help="Name, synonym, symptom or identifier.")],
    kind: Annotated[EntityKind | None, typer.Option(help="disease or phenotype")] = None,
    limit: Annotated[int, typer.Option(min=1, max=200)] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    database: DatabaseOption = None,
) -> None:
    """Search diseases and phenotypes by any name, synonym or identifier."""
    if kind not in (None, "disease", "phenotype"):
        fail(f"--kind must be disease or phenotype, not {kind!r}", EXIT_USAGE)
    if len(text) > 200:
        fail("the search text is longer than 200 characters", EXIT_USAGE)
    _, url = _settings(database)
    kb = _open(url)
    index = open_searcher(kb)
    hits = index.search(text, kind=kind, limit=limit)
    if as_json:
        print(json.dumps([dataclasses.asdict(h) for h in hits], indent=2))
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


@app.command("diagnose")
def diagnose_command(
    terms: Annotated[list[str] | None, typer.Argument(help="HPO ids of present symptoms.")]
    = None,
    exclude: Annotated[list[str] | None, typer.Option("--exclude", "-x", help="HPO id of a "
                       "symptom the person does NOT have (repeatable).")] = None,
    text: Annotated[str | None, typer.Option("--text", help="Symptoms in plain words, e.g. "
                    "'seizures, developmental delay, no hearing loss'.")] = None,
    phenopacket: Annotated[Path | None, typer.Option("--phenopacket", help="A GA4GH "
                           "phenopacket JSON file.")] = None,
    cases: Annotated[Path | None, typer.Option("--cases", help="Batch: JSONL of {id, present, "
                     "excluded} cases.")] = None,
    out_path: Annotated[Path | None, typer.Option("--out", help="Batch: where to write the "
                        "rankings (JSONL).")] = None,
    top: Annotated[int, typer.Option(min=1, max=20_000, help="How many diseases to list.")]
    = 10,
    method: Annotated[str, typer.Option(help="lr (default), resnik-onesided, resnik-bma, "
                      "lin-onesided, lin-bma")] = "lr",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    database: DatabaseOption = None,
) -> None:
    """Rank every disease for a person's symptoms, with the reasons for each rank.

    Supports a clinician; it does not replace one.
    """
    from rareinfo.phenotype import METHODS

    if method not in METHODS:
        fail(f"--method must be one of {', '.join(METHODS)}, not {method!r}", EXIT_USAGE)
    if cases is not None:
        _diagnose_batch(cases, out_path, database, top if top != 10 else 100, method)
        return
    present, excluded = list(terms or []), list(exclude or [])
    mapping = None
    _, url = _settings(database)
    kb = _open(url)
    from rareinfo.phenotype.from_kb import model_of

    with err.status("Loading the diagnosis model"):
        model = model_of(kb)
    if text:
        if len(text) > 2000:
            fail("--text is longer than 2000 characters", EXIT_USAGE)
        mapping = model.map_text(text)
        present += list(mapping.present)
        excluded += list(mapping.excluded)
    if phenopacket is not None:
        case = _read_phenopacket(phenopacket)
        present += list(case.present)
        excluded += list(case.excluded)
    if not present:
        fail("give at least one present symptom: HPO ids, --text or --phenopacket", EXIT_USAGE)
    diagnosis = model.rank(present, excluded, top=top, method=method, explain=top)
    if as_json:
        body = diagnosis.to_dict()
        if mapping is not None:
            body["text"] = dataclasses.asdict(mapping)
        print(json.dumps(body, indent=2))
        return
    from rareinfo.textpage import print_diagnosis

    print_diagnosis(out, diagnosis, mapping)


def _read_phenopacket(path: Path) -> Any:
    from rareinfo.phenotype import PhenopacketError, read_phenopacket

    try:
        return read_phenopacket(path)
    except OSError as exc:
        fail(f"cannot read {path}: {exc.strerror or exc}", EXIT_USAGE)
    except PhenopacketError as exc:
        fail(str(exc), EXIT_USAGE)


def _diagnose_batch(cases: Path, out_path: Path | None, database: str | None, top: int,
                    method: str) -> None:
    from rareinfo.phenotype import rank_cases
    from rareinfo.phenotype.from_kb import model_of

    if out_path is None:
        fail("--cases needs --out FILE for the rankings", EXIT_USAGE)
    if not cases.is_file():
        fail(f"--cases {cases}: no such file", EXIT_USAGE)
    _, url = _settings(database)
    with err.status("Loading the diagnosis model"):
        model = model_of(_open(url))
    opener = gzip.open if cases.suffix == ".gz" else open
    with opener(cases, "rt", encoding="utf-8") as lines, out_path.open("w") as sink:
        report = rank_cases(model, lines, sink, top=top, method=method)
    out.print(f"{report.written:,} of {report.cases:,} cases ranked into {out_path}")
    for problem in report.problems[:10]:
        err.print(f"[yellow]skipped[/yellow] {cases}:{problem.line}: {problem.reason}",
                  highlight=False)
    if len(report.problems) > 10:
        err.print(f"... and {len(report.problems) - 10:,} more malformed lines")


@app.command("status")
def status_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    database: DatabaseOption = None,
) -> None:
    """Sources, releases, counts and the database location."""
    _, url = _settings(database)
    status = _open(url).status()
    if as_json:
        print(json.dumps(dataclasses.asdict(status), default=_json_default, indent=2))
        return
    out.print(f"Database: {status.database}\nBuilt: {status.built_at}")
    out.print(f"{status.diseases:,} diseases, {status.phenotypes:,} phenotypes, "
              f"{status.annotations:,} annotations, {status.problems:,} malformed records")
    pages = status.coverage.get("pages", 0)
    gard_entries = status.coverage.get("GARD entries", 0)
    coverage = Table(title="Coverage")
    coverage.add_column("what")
    coverage.add_column("count", justify="right")
    coverage.add_column("share", justify="right")
    for what, count in status.coverage.items():
        base = gard_entries if what.startswith("GARD entries ") else pages
        totals = what in ("pages", "GARD entries")
        share = f"{100 * count / base:.1f}%" if base and not totals else ""
        coverage.add_row(what, f"{count:,}", share)
    out.print(coverage)
    table = Table(title="Sources")
    for column in ("source", "release", "loaded", "counts", "malformed"):
        table.add_column(column)
    for r in status.releases:
        counts = ", ".join(f"{v:,} {k}" for k, v in r.counts.items())
        table.add_row(r.title, r.version, r.loaded_at, counts, f"{r.problems:,}")
    out.print(table)


# -- staff accounts (the question console at /staff) --
staff_app = typer.Typer(help="Staff accounts for the question console (/staff).",
                        no_args_is_help=True)
app.add_typer(staff_app, name="staff")

UserdataOption = Annotated[
    str | None,
    typer.Option("--userdata", help="User database URL (default: RAREINFO_USERDATA_URL, "
                 "else the knowledge base's PostgreSQL, else userdata.sqlite in the data "
                 "directory)."),
]


def _staff_database(userdata: str | None) -> str:
    """The user database URL, upgraded to the current schema."""
    from rareinfo.inquiries import db

    url = userdata or load_settings().resolved_userdata_url()
    try:
        db.upgrade(url)
    except db.UserDataError as exc:
        fail(str(exc), EXIT_USAGE)
    return url


def _read_new_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    value: str = typer.prompt("Password", hide_input=True, confirmation_prompt=True,
                              err=True)
    return value


@staff_app.command("add")
def staff_add_command(
    email: Annotated[str, typer.Argument(help="The specialist's e-mail address (sign-in name).")],
    name: Annotated[str, typer.Option("--name", help="Name shown in the console and audit log.")],
    password_stdin: Annotated[bool, typer.Option(
        "--password-stdin", help="Read the password from the first line of standard input "
        "instead of prompting twice.")] = False,
    userdata: UserdataOption = None,
) -> None:
    """Create a staff account that can sign in to the console."""
    from rareinfo.inquiries import auth, db

    url = _staff_database(userdata)
    try:
        address = auth.normalise_email(email)
        password = _read_new_password(password_stdin)
        auth.check_password(password)
        with db.engine(url).begin() as conn:
            account = auth.add_account(conn, address, name, password)
    except auth.AccountError as exc:
        fail(str(exc), EXIT_USAGE)
    finally:
        db.dispose(url)
    out.print(f"Added staff account {account.email} ({account.name})", highlight=False)


@staff_app.command("list")
def staff_list_command(userdata: UserdataOption = None) -> None:
    """List staff accounts: e-mail, name, active, created, last sign-in."""
    from rareinfo.inquiries import auth, db

    url = _staff_database(userdata)
    try:
        with db.engine(url).connect() as conn:
            accounts = auth.list_accounts(conn)
    finally:
        db.dispose(url)
    if not accounts:
        out.print("No staff accounts yet; add one with `rareinfo staff add EMAIL --name NAME`.")
        return
    table = Table(title="Staff accounts")
    for column in ("email", "name", "active", "created", "last sign-in"):
        table.add_column(column)
    for a in accounts:
        table.add_row(a.email, a.name, "yes" if a.active else "no",
                      f"{a.created_at:%Y-%m-%d %H:%M}",
                      f"{a.last_sign_in_at:%Y-%m-%d %H:%M}" if a.last_sign_in_at else "never")
    out.print(table)


@staff_app.command("disable")
def staff_disable_command(
    email: Annotated[str, typer.Argument(help="The account's e-mail address.")],
    userdata: UserdataOption = None,
) -> None:
    """Stop an account from signing in and end its open sessions."""
    from rareinfo.inquiries import auth, db

    url = _staff_database(userdata)
    try:
        with db.engine(url).begin() as conn:
            account = auth.disable_account(conn, email)
    except auth.AccountError as exc:
        fail(str(exc), EXIT_NOT_FOUND)
    finally:
        db.dispose(url)
    out.print(f"Disabled staff account {account.email}; its sessions have ended.",
              highlight=False)


# -- questions: de-identification, purging, the user database --
inquiries_app = typer.Typer(help="Questions sent to the information center.",
                            no_args_is_help=True)
app.add_typer(inquiries_app, name="inquiries")
db_app = typer.Typer(help="The user database (questions, staff accounts, audit log).",
                     no_args_is_help=True)
app.add_typer(db_app, name="db")


@app.command("deidentify")
def deidentify_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print the text and every "
                       "redaction (kind, position, original) as JSON.")] = False,
) -> None:
    """Read text on standard input, write it with identifying details removed."""
    from rareinfo.inquiries.deid import deidentify

    try:
        text = sys.stdin.read()
    except UnicodeDecodeError:
        fail("standard input is not UTF-8 text", EXIT_USAGE)
    result = deidentify(text)
    if as_json:
        sys.stdout.write(json.dumps({"text": result.text, "redactions": [
            dataclasses.asdict(r) for r in result.redactions]}, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(result.text)


@inquiries_app.command("purge")
def inquiries_purge_command(
    email: Annotated[str | None, typer.Option("--email", help="Every question sent from "
                     "this address.")] = None,
    reference: Annotated[str | None, typer.Option("--reference", help="One question, by "
                         "its reference (Q-2026-...).")] = None,
    expired: Annotated[bool, typer.Option("--expired", help="Every question older than "
                       "RAREINFO_CONTACT_RETENTION_DAYS.")] = False,
    userdata: UserdataOption = None,
) -> None:
    """Delete askers' contact details and original texts; published versions stay."""
    from rareinfo.inquiries import db, store

    if sum((email is not None, reference is not None, expired)) != 1:
        fail("give exactly one of --email ADDR, --reference REF or --expired", EXIT_USAGE)
    url = _staff_database(userdata)
    try:
        with db.engine(url).begin() as conn:
            if expired:
                days = load_settings().contact_retention_days
                purged = store.expire_contacts(conn, days)
            else:
                purged = store.purge(conn, "cli", email=email, reference=reference)
    except store.InquiryNotFound as exc:
        fail(str(exc), EXIT_NOT_FOUND)
    except store.InquiryError as exc:
        fail(str(exc), EXIT_USAGE)
    finally:
        db.dispose(url)
    if not purged:
        out.print("Nothing to purge: no question with contact details or original text "
                  "matched.")
        if email is not None:
            raise typer.Exit(EXIT_NOT_FOUND)
        return
    out.print(f"Purged {len(purged)} question{'s' if len(purged) != 1 else ''}: "
              f"{', '.join(purged)}", highlight=False)


@db_app.command("upgrade")
def db_upgrade_command(userdata: UserdataOption = None) -> None:
    """Create or upgrade the user database schema to this version of rareinfo."""
    from rareinfo.inquiries import db

    url = _staff_database(userdata)
    try:
        revision = db.current_revision(url)
    finally:
        db.dispose(url)
    out.print(f"User database {db.safe_url(url)} is at revision {revision} (the newest).",
              highlight=False)


def _json_default(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
