"""Batch ranking for researchers: cases in as JSON lines, rankings out as JSON lines.

Input line:  {"id": "case-1", "present": ["HP:0001250", ...], "excluded": ["HP:..."]}
Output line: {"id": "case-1", "ranking": [{"disease": "OMIM:...", "score": 12.3}, ...]}

A malformed line is counted and reported with its line number and reason, and the run
goes on. Unknown term identifiers are not malformed: they are listed in the output line
under "unknown_terms" (and alt or obsolete ones under "mapped_terms").

With ``jobs`` above one, the cases are ranked by that many forked processes, which share
the parent's model (a stored model's arrays are one mapping of its file), in chunks
whose lines are written in input order: the output is the same as with one process.
"""

from __future__ import annotations

import json
import operator
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

import numpy as np

from rareinfo.phenotype.matrices import FloatArray
from rareinfo.phenotype.model import DEFAULT_METHOD, PhenotypeModel, PreparedQuery

if TYPE_CHECKING:
    from rareinfo.phenotype.batch_chunk import ChunkRanker

DEFAULT_TOP = 100
CHUNK = 50  # cases per task of a process: small enough to share the work out evenly
# Chosen by default, a process of its own ranks at least this many cases: a case takes
# about 0.7 ms of CPU, and starting the processes and sending the lines back cost a
# 500-case batch more CPU (0.09 s) and time than the second core saved
# (bench/diagnose_startup.py).
CASES_PER_PROCESS = 1000


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


def usable_cores() -> int:
    """How many cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def rank_cases(
    model: PhenotypeModel,
    lines: Iterable[str],
    out: TextIO,
    *,
    top: int = DEFAULT_TOP,
    method: str = DEFAULT_METHOD,
    jobs: int = 1,
) -> BatchReport:
    """Rank every case line and write one ranking line per case (``jobs`` processes; 0:
    one per usable core, but no more than one per ``CASES_PER_PROCESS`` cases)."""
    report = BatchReport()
    cases: list[BatchCase] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        report.cases += 1
        try:
            cases.append(parse_case(line))
        except CaseLineError as exc:
            report.problems.append(LineProblem(number, str(exc)))
    model.scorer(method)  # built once here, not in every process (an unknown method fails)
    chunks = [cases[start:start + CHUNK] for start in range(0, len(cases), CHUNK)]
    if jobs == 0:
        jobs = min(usable_cores(), -(-len(cases) // CASES_PER_PROCESS))
    workers = min(jobs, len(chunks))
    ranked: Iterable[list[str]]
    if workers > 1 and "fork" in _start_methods():
        ranked = _rank_in_processes(model, chunks, workers, top, method)
    else:
        ranked = (_ranked_lines(model, chunk, top, method) for chunk in chunks)
    for lines_of_chunk in ranked:
        out.writelines(lines_of_chunk)
        report.written += len(lines_of_chunk)
    return report


def _start_methods() -> list[str]:
    import multiprocessing

    return multiprocessing.get_all_start_methods()


def _ranked_lines(model: PhenotypeModel, cases: Sequence[BatchCase], top: int,
                  method: str) -> list[str]:
    entries = _ranking_entries(model)
    ranker = _chunk_ranker(model, method, top)
    if ranker is None:
        return [_json_line(model, case, top, method, entries) for case in cases]
    ranked = [ranker.rank(case) for case in cases]
    scores = np.concatenate([chosen_scores for *_, chosen_scores in ranked])
    if not np.isfinite(scores).all():  # the case by case way writes those
        return [_json_line(model, case, top, method, entries) for case, *_ in ranked]
    texts = rounded_reprs(scores)  # the chunk's scores rounded and written at once
    lines: list[str] = []
    position = 0
    for case, unknown, mapped, order, _ in ranked:
        end = position + len(order)
        starts = [entries[i] for i in order.tolist()]
        ranking = "}, ".join(map(operator.add, starts, texts[position:end])) + "}" if starts else ""
        lines.append(_line_end(case, unknown, mapped, ranking))
        position = end
    return lines


# The last chunk ranker made (one model, method and top a run): it keeps, across chunks,
# the maxima of several base rows that its cases needed.
_chunk_rankers: list[tuple[PhenotypeModel, str, int, ChunkRanker | None]] = []


def _chunk_ranker(model: PhenotypeModel, method: str, top: int) -> ChunkRanker | None:
    made = _chunk_rankers[0] if _chunk_rankers else None
    if made is None or made[0] is not model or made[1:3] != (method, top):
        from rareinfo.phenotype.batch_chunk import ChunkRanker

        _chunk_rankers[:] = [(model, method, top, ChunkRanker.of(model, method, top))]
    return _chunk_rankers[0][3]


# The last model's ranking entry starts, as ``json.dumps`` writes them (one model a run).
_entry_starts: list[tuple[PhenotypeModel, list[str]]] = []


def _ranking_entries(model: PhenotypeModel) -> list[str]:
    """'{"disease": "ID", "score": ' per disease, made once per model."""
    if not _entry_starts or _entry_starts[0][0] is not model:
        # one encoding of the list, cut at its '", "' (a quote inside an identifier is
        # escaped): a tenth of the time of one json.dumps per identifier
        quoted = json.dumps(list(model.disease_ids))[2:-2].split('", "')
        if len(quoted) != len(model.disease_ids):  # none (an empty list encodes as "[]")
            quoted = [json.dumps(d)[1:-1] for d in model.disease_ids]
        _entry_starts[:] = [(model, [f'{{"disease": "{d}", "score": ' for d in quoted])]
    return _entry_starts[0][1]


def _json_line(model: PhenotypeModel, case: BatchCase, top: int, method: str,
               entries: Sequence[str]) -> str:
    """``json.dumps(ranking_line(...)) + "\\n"``, written without the generic encoder; a
    score that is not finite goes through ``json.dumps``."""
    prepared = model.prepare(case.present, case.excluded)
    order, primary = model.ranked(prepared.query, method, top)
    return _line_text(case, prepared, order.tolist(), primary[order], entries)


def _line_text(case: BatchCase, prepared: PreparedQuery, chosen: list[int],
               scores: FloatArray, entries: Sequence[str]) -> str:
    """The line of a case ranked: ``chosen`` diseases with their ``scores``."""
    if not chosen:
        ranking = ""
    elif np.isfinite(scores).all():
        starts = [entries[i] for i in chosen]
        ranking = "}, ".join(map(operator.add, starts, rounded_reprs(scores))) + "}"
    else:
        ranking = ", ".join([_entry(entries[i], round(score, 6))
                             for i, score in zip(chosen, scores.tolist(), strict=True)])
    return _line_end(case, prepared.unknown, prepared.mapped, ranking)


def _line_end(case: BatchCase, unknown: Sequence[str], mapped: dict[str, str],
              ranking: str) -> str:
    """The line around its written ranking entries."""
    line = f'{{"id": {json.dumps(case.id)}, "ranking": [{ranking}]'
    if unknown:
        line += f', "unknown_terms": {json.dumps(list(unknown))}'
    if mapped:
        line += f', "mapped_terms": {json.dumps(mapped)}'
    return line + "}\n"


def rounded_reprs(scores: FloatArray) -> list[str]:
    """``repr(round(score, 6))`` of each finite score, as ``json.dumps`` writes it.

    Rounding and writing each score in Python took a sixth of a batch case. ``round``
    rounds the exact binary value to 6 decimals, then takes the double nearest that
    decimal; so does ``rint(score * 1e6) / 1e6`` (the division is exact to the last bit)
    unless the product's own rounding moved it across a half, which only a product within
    a few units of its last bit of a half can do: those scores, and products too large for
    an exact integer, take ``round`` itself. ``repr`` of the list writes every float as
    ``float.__repr__`` does, in one call.
    """
    with np.errstate(over="ignore", invalid="ignore"):  # huge scores are doubtful anyway
        scaled = scores * 1e6
        nearest = np.rint(scaled)
        magnitude = np.abs(scaled)
        doubtful = ((np.abs(np.abs(scaled - nearest) - 0.5) <= magnitude * 2.0**-50 + 2.0**-60)
                    | (magnitude >= 2.0**52))
    values: list[float] = (nearest / 1e6).tolist()
    for i in np.flatnonzero(doubtful).tolist():
        values[i] = round(float(scores[i]), 6)
    return repr(values)[1:-1].split(", ") if values else []


def _entry(start: str, score: float) -> str:
    return f"{start}{json.dumps(score)}}}"


# The model a forked ranking process works with: inherited from the parent, never pickled.
_worker_model: list[PhenotypeModel] = []


def _adopt(model: PhenotypeModel) -> None:
    _worker_model[:] = [model]


def _rank_chunk(task: tuple[Sequence[BatchCase], int, str]) -> list[str]:
    cases, top, method = task
    return _ranked_lines(_worker_model[0], cases, top, method)


def _rank_in_processes(model: PhenotypeModel, chunks: Sequence[Sequence[BatchCase]],
                       workers: int, top: int, method: str) -> list[list[str]]:
    """The chunks ranked by ``workers`` forked processes, in input order."""
    import multiprocessing

    # fork: the children inherit the model (and the mapping of a stored one) as it is
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=_adopt, initargs=(model,)) as pool:
        return pool.map(_rank_chunk, [(chunk, top, method) for chunk in chunks], chunksize=1)


def ranking_line(
    model: PhenotypeModel, case: BatchCase, *, top: int = DEFAULT_TOP,
    method: str = DEFAULT_METHOD,
) -> dict[str, Any]:
    """The output object for one case: the top diseases and their scores."""
    prepared = model.prepare(case.present, case.excluded)
    scores = model.scores(prepared.query, method)
    order = model.order(scores, top)
    chosen = order.tolist()
    line: dict[str, Any] = {
        "id": case.id,
        "ranking": [
            {"disease": model.disease_ids[i], "score": round(score, 6)}
            for i, score in zip(chosen, scores.primary[chosen].tolist(), strict=True)
        ],
    }
    if prepared.unknown:
        line["unknown_terms"] = list(prepared.unknown)
    if prepared.mapped:
        line["mapped_terms"] = prepared.mapped
    return line
