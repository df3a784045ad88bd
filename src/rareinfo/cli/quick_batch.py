"""``rareinfo diagnose --cases FILE --out FILE``, as scripts run it, without Typer or Rich.

Such a process spent a third of its floor importing and running what it does not need:
Typer converts every option through pydantic, and Typer and Rich (with the command
modules) cost 0.085 s of CPU more (decisions/0019). So the console script
(``rareinfo.cli.main``) reads this plain form first: only the options below, each once as
``--name value``, numbers in range, a known method; a cases file that exists; an SQLite
snapshot whose stored model maps. Anything else (another option, ``--name=value``, a
repeat, a value out of range or starting with "-", ``--help``, a missing file, a
knowledge base to open the slow way) is left to Typer, having done nothing, and Typer
checks and explains as before. A test holds the defaults and ranges below to the
command's (``rareinfo.cli.diagnose``).
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from typing import IO

    from rareinfo.phenotype.batch import BatchReport

# Option -> default (None: required or absent), the same as the command's; a test holds
# them in step.
QUICK_BATCH_OPTIONS: dict[str, str | None] = {
    "--cases": None, "--out": None, "--top": "10", "--jobs": "0", "--method": "lr",
    "--database": None,
}
QUICK_BATCH_RANGES = {"--top": (1, 20_000), "--jobs": (0, 256)}
BATCH_TOP = 100  # a batch lists this many diseases unless --top says otherwise
# Rich colours or rewrites a message in these cases; the message then goes through it.
RICH_ENVIRONMENT = ("FORCE_COLOR", "TTY_COMPATIBLE")


class PlainBatch(NamedTuple):
    """The options of a plainly well-formed batch command (a named tuple: a frozen
    dataclass took 0.5 ms of the process to make)."""

    cases: Path
    out: Path
    database: str | None
    top: int
    method: str
    jobs: int


def plain_batch(argv: Sequence[str]) -> PlainBatch | None:
    """The batch's options if ``argv`` is the plain form, else None."""
    if len(argv) < 5 or argv[0] != "diagnose" or len(argv) % 2 == 0:
        return None
    given: dict[str, str] = {}
    for name, value in zip(argv[1::2], argv[2::2], strict=True):
        if name not in QUICK_BATCH_OPTIONS or name in given or not value or value[0] == "-":
            return None
        given[name] = value
    if "--cases" not in given or "--out" not in given:
        return None
    numbers: dict[str, int] = {}
    for name, (low, high) in QUICK_BATCH_RANGES.items():
        text = given.get(name, QUICK_BATCH_OPTIONS[name] or "")
        if not (text.isascii() and text.isdigit() and low <= int(text) <= high):
            return None
        numbers[name] = int(text)
    from rareinfo.phenotype.model import METHODS

    method = given.get("--method", QUICK_BATCH_OPTIONS["--method"] or "")
    if method not in METHODS:
        return None
    top = numbers["--top"]
    return PlainBatch(Path(given["--cases"]), Path(given["--out"]), given.get("--database"),
                      BATCH_TOP if top == 10 else top, method, numbers["--jobs"])


def quick_batch(argv: Sequence[str]) -> bool:
    """Run the plain form of ``diagnose --cases`` and say True; False, having done nothing,
    for anything else (then Typer runs the command)."""
    batch = plain_batch(argv)
    if batch is None or not batch.cases.is_file():
        return False
    from rareinfo.locations import database_url
    from rareinfo.phenotype.batch import rank_cases
    from rareinfo.service.mapped_model import open_mapped

    mapped = open_mapped(batch.database or database_url())
    if mapped is None:
        return False
    # The model's objects (and the modules') live as long as this process: a full
    # collection walking them again cost a batch 0.02-0.03 s of CPU, for nothing.
    gc.freeze()
    with _cases_file(batch.cases) as lines, batch.out.open("w") as sink:
        report = rank_cases(mapped.model, lines, sink, top=batch.top, method=batch.method,
                            jobs=batch.jobs)
    _report(report, batch)
    return True


def _cases_file(path: Path) -> IO[str]:
    """The cases file opened as text; gzip (and zlib) imported only for a ".gz" file."""
    if path.suffix == ".gz":
        import gzip

        return gzip.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


def _report(report: BatchReport, batch: PlainBatch) -> None:
    """What the command prints; plainly when Rich would print the same, else through it."""
    message = f"{report.written:,} of {report.cases:,} cases ranked into {batch.out}"
    if report.problems or report.written == 0 or not plain_output(message):
        import typer

        from rareinfo.cli.diagnose import report_batch

        try:
            report_batch(report, batch.cases, batch.out)
        except typer.Exit as done:
            sys.exit(done.exit_code)
        return
    print(message)


def plain_output(message: str) -> bool:
    """Whether Rich's console (``rareinfo.cli.common.out``) would print ``message`` as it is:
    not to a terminal, nothing asking for colour, no markup, emoji code or control."""
    return (message.isprintable() and "[" not in message and ":" not in message
            and not any(name in os.environ for name in RICH_ENVIRONMENT)
            and not sys.stdout.isatty())
