"""Batch ranking for researchers: cases in as JSON lines, rankings out as JSON lines.

Input line:  {"id": "case-1", "present": ["HP:0001250", ...], "excluded": ["HP:..."]}
Output line: {"id": "case-1", "ranking": [{"disease": "OMIM:...", "score": 12.3}, ...]}

A malformed line is counted and reported with its line number and reason, and the run
goes on. Unknown term identifiers are not malformed: they are listed in the output line
under "unknown_terms" (and alt or obsolete ones under "mapped_terms").
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, TextIO

from rareinfo.phenotype.model import DEFAULT_METHOD, PhenotypeModel

DEFAULT_TOP = 100


class CaseLineError(ValueError):
    """A cases line that is not a usable case; the message is one line."""


@dataclass(frozen=True, slots=True)
class BatchCase:
    """One case of a batch."""

    id: str
    present: tuple[str, ...]
    excluded: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LineProblem:
    """A line that was skipped, and why."""

    line: int
    reason: str


@dataclass(slots=True)
class BatchReport:
    """What a batch run did."""

    cases: int = 0
    written: int = 0
    problems: list[LineProblem] = field(default_factory=list)

    @property
    def malformed(self) -> int:
        """Number of skipped lines."""
        return len(self.problems)


def parse_case(line: str) -> BatchCase:
    """One JSON line -> a case; CaseLineError says what is wrong with it."""
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise CaseLineError(f"not JSON: {exc.msg} at column {exc.colno}") from exc
    if not isinstance(row, dict):
        raise CaseLineError("expected a JSON object")
    case_id = row.get("id")
    if not isinstance(case_id, (str, int)) or isinstance(case_id, bool) or case_id == "":
        raise CaseLineError('"id" must be a non-empty string or number')
    present = _terms(row, "present")
    excluded = _terms(row, "excluded")
    if not present:
        raise CaseLineError('"present" must list at least one term')
    return BatchCase(str(case_id), present, excluded)


def _terms(row: dict[str, Any], key: str) -> tuple[str, ...]:
    value = row.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CaseLineError(f'"{key}" must be a list of term identifiers (strings)')
    return tuple(value)


def rank_cases(
    model: PhenotypeModel,
    lines: Iterable[str],
    out: TextIO,
    *,
    top: int = DEFAULT_TOP,
    method: str = DEFAULT_METHOD,
) -> BatchReport:
    """Rank every case line and write one ranking line per case."""
    report = BatchReport()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        report.cases += 1
        try:
            case = parse_case(line)
        except CaseLineError as exc:
            report.problems.append(LineProblem(number, str(exc)))
            continue
        out.write(json.dumps(ranking_line(model, case, top=top, method=method)) + "\n")
        report.written += 1
    return report


def ranking_line(
    model: PhenotypeModel, case: BatchCase, *, top: int = DEFAULT_TOP,
    method: str = DEFAULT_METHOD,
) -> dict[str, Any]:
    """The output object for one case: the top diseases and their scores."""
    prepared = model.prepare(case.present, case.excluded)
    scores = model.scores(prepared.query, method)
    order = model.order(scores, top)
    line: dict[str, Any] = {
        "id": case.id,
        "ranking": [
            {"disease": model.disease_ids[i], "score": round(float(scores.primary[i]), 6)}
            for i in order.tolist()
        ],
    }
    if prepared.unknown:
        line["unknown_terms"] = list(prepared.unknown)
    if prepared.mapped:
        line["mapped_terms"] = prepared.mapped
    return line
