"""``rareinfo diagnose``: symptoms in, every disease ranked out, one case or a batch."""

from __future__ import annotations

import dataclasses
import gc
import gzip
import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from rareinfo.cli.common import (
    EXIT_NOT_FOUND,
    EXIT_USAGE,
    DatabaseOption,
    database_url,
    err,
    fail,
    open_kb,
    out,
)

if TYPE_CHECKING:
    from rareinfo.phenotype import PhenopacketCase
    from rareinfo.phenotype.batch import BatchReport
    from rareinfo.phenotype.model import PhenotypeModel

PageCounts = Callable[[], Mapping[str, int]]  # the snapshot's pages, asked for when printed


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
    jobs: Annotated[int, typer.Option(min=0, max=256, help="Batch: processes ranking the "
                    "cases (0: one per available core, at most one per 1,000 cases).")] = 0,
    method: Annotated[str, typer.Option(help="lr (default), resnik-onesided, resnik-bma, "
                      "lin-onesided, lin-bma")] = "lr",
    mode: Annotated[str, typer.Option(help="Who recorded the absent symptoms: 'clinician' "
                    "(looked for them; absences of a suspected disease's features count "
                    "more) or 'lay' (a person's own account).")] = "clinician",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    database: DatabaseOption = None,
) -> None:
    """Rank every disease for a person's symptoms, with the reasons for each rank.

    Supports a clinician; it does not replace one.
    """
    from rareinfo.phenotype.model import METHODS

    if method not in METHODS:
        fail(f"--method must be one of {', '.join(METHODS)}, not {method!r}", EXIT_USAGE)
    if mode not in ("clinician", "lay"):
        fail(f"--mode must be clinician or lay, not {mode!r}", EXIT_USAGE)
    if cases is not None:
        _diagnose_batch(cases, out_path, database, top if top != 10 else 100, method, jobs)
        return
    present, excluded = list(terms or []), list(exclude or [])
    mapping = None
    model, pages = _diagnosis_model(database)
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
    # A ranking that silently leaves out a mistyped term answers a question nobody asked.
    unknown = model.prepare(present, excluded).unknown
    if unknown:
        fail(f"unknown or malformed HPO term{'s' if len(unknown) > 1 else ''}: "
             f"{', '.join(unknown)}; nothing was ranked (see `rareinfo search TERM`)",
             EXIT_USAGE)
    diagnosis = model.rank(present, excluded, top=top, method=method, explain=top,
                           mode="lay" if mode == "lay" else "clinician")
    from rareinfo.service.diagnosis import ranked_scope

    scope = ranked_scope(pages(), diagnosis)
    if as_json:
        body = diagnosis.to_dict()
        body["ranked"] = scope
        if mapping is not None:
            body["text"] = dataclasses.asdict(mapping)
        print(json.dumps(body, indent=2))
        return
    from rareinfo.cli.diagnosis_text import print_diagnosis

    print_diagnosis(out, diagnosis, mapping, scope)


def _diagnosis_model(database: str | None) -> tuple[PhenotypeModel, PageCounts]:
    """The knowledge base's stored diagnosis model (built, with a notice, if it has none),
    and its page counts.

    An SQLite snapshot's stored model is mapped without opening the knowledge base
    (``rareinfo.service.mapped_model``); otherwise the knowledge base opens it, or says
    what is wrong.
    """
    from rareinfo.service.mapped_model import open_mapped

    url = database_url(database)
    mapped = open_mapped(url)
    if mapped is not None:
        counts = mapped.pages
        # The model's objects (and the modules') live as long as this process: a full
        # collection walking them again cost a batch 0.02-0.03 s of CPU, for nothing.
        gc.freeze()
        return mapped.model, lambda: counts
    from rareinfo.service.model_store import open_model

    kb = open_kb(url)
    with err.status("Loading the diagnosis model"):
        model, notice = open_model(kb)
    if notice is not None:
        err.print(f"[yellow]note[/yellow] {notice}", highlight=False)
    return model, kb.page_counts


def _read_phenopacket(path: Path) -> PhenopacketCase:
    from rareinfo.phenotype import PhenopacketError, read_phenopacket

    try:
        return read_phenopacket(path)
    except OSError as exc:
        fail(f"cannot read {path}: {exc.strerror or exc}", EXIT_USAGE)
    except PhenopacketError as exc:
        fail(str(exc), EXIT_USAGE)


def _diagnose_batch(cases: Path, out_path: Path | None, database: str | None, top: int,
                    method: str, jobs: int) -> None:
    from rareinfo.phenotype.batch import rank_cases

    if out_path is None:
        fail("--cases needs --out FILE for the rankings", EXIT_USAGE)
    if not cases.is_file():
        fail(f"--cases {cases}: no such file", EXIT_USAGE)
    model, _ = _diagnosis_model(database)
    opener = gzip.open if cases.suffix == ".gz" else open
    with opener(cases, "rt", encoding="utf-8") as lines, out_path.open("w") as sink:
        report = rank_cases(model, lines, sink, top=top, method=method,
                            jobs=jobs)
    report_batch(report, cases, out_path)


def report_batch(report: BatchReport, cases: Path, out_path: Path) -> None:
    """Say how many cases were ranked and which lines were skipped; fail if none was."""
    out.print(f"{report.written:,} of {report.cases:,} cases ranked into {out_path}")
    for problem in report.problems[:10]:
        err.print(f"[yellow]skipped[/yellow] {cases}:{problem.line}: {problem.reason}",
                  highlight=False)
    if len(report.problems) > 10:
        err.print(f"... and {len(report.problems) - 10:,} more malformed lines")
    if report.written == 0:
        fail(f"no case in {cases} could be ranked", EXIT_NOT_FOUND)
