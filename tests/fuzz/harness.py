"""Run a reader over (damaged) files and check what it yields against the reader contract.

The contract (design.md): ``read`` never raises on a damaged file; every item it yields is
a well-typed record; each malformed record or unreadable file is a ``Problem`` saying where
it is. The one exception allowed is ``FileNotFoundError`` before anything is yielded: the
path holds no file the source recognises at all (the CLI turns it into a one-line error).
"""

from __future__ import annotations

import dataclasses
import tempfile
import types
import typing
from collections import Counter
from collections.abc import Hashable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from rareinfo.records import (
    Article,
    ClinicalTrial,
    DiseaseAttribute,
    DiseaseMapping,
    DiseaseRecord,
    GeneAssociation,
    OrphanDesignation,
    PhenotypeAnnotation,
    PhenotypeTerm,
    PlainText,
    Prevalence,
    Problem,
    Record,
    SourceRelease,
)
from tests.fuzz.samples import Sample

RECORD_TYPES: tuple[type, ...] = typing.get_args(Record)


class ContractBroken(AssertionError):
    """A reader broke its contract on some input."""


@dataclass
class Outcome:
    """What one read of a sample gave."""

    records: list[Record] = field(default_factory=list)
    not_found: str | None = None  # the FileNotFoundError message, when the path was refused

    @property
    def problems(self) -> list[Problem]:
        """The Problems yielded."""
        return [r for r in self.records if isinstance(r, Problem)]

    @property
    def good(self) -> list[Record]:
        """The records that are neither the release nor a Problem."""
        return [r for r in self.records if not isinstance(r, Problem | SourceRelease)]

    def counts(self) -> Counter[str]:
        """Records by type name."""
        return Counter(type(r).__name__ for r in self.records)


def read_all(sample: Sample, target: bytes | None = None) -> Outcome:
    """Write the sample (its target replaced by ``target``), read it to the end, check it."""
    with tempfile.TemporaryDirectory(prefix="rareinfo-fuzz-") as tmp:
        directory = sample.write(Path(tmp), target)
        outcome = Outcome()
        try:
            # Some readers refuse a path at once, others when first iterated.
            stream: Iterator[Record] = sample.reader(directory)
            for record in stream:
                outcome.records.append(record)
        except FileNotFoundError as exc:
            if outcome.records:
                raise ContractBroken(f"FileNotFoundError after {len(outcome.records)} "
                                     f"records: {exc}") from exc
            if tmp not in str(exc):
                raise ContractBroken(f"FileNotFoundError not naming the path: {exc}") from exc
            outcome.not_found = str(exc)
        check(sample, outcome)
        return outcome


def check(sample: Sample, outcome: Outcome) -> None:
    """Every item a valid record of the sample's source; Problems located in a file read."""
    if outcome.not_found is not None:
        return
    if not outcome.records or not isinstance(outcome.records[0], SourceRelease):
        raise ContractBroken("the stream does not start with a SourceRelease")
    files = {Path(name).name for name in sample.files} | set(sample.files)
    for record in outcome.records:
        if not isinstance(record, RECORD_TYPES):
            raise ContractBroken(f"yielded a {type(record).__name__}, not a record")
        valid(record)
        if record.source != sample.source:
            raise ContractBroken(f"record of source {record.source!r}: {record!r}")
        if isinstance(record, Problem):
            if not record.location.strip() or not record.message.strip():
                raise ContractBroken(f"Problem without a location or message: {record!r}")
            if not any(record.location.startswith(name) for name in files) and not any(
                    name in record.location for name in ("classification#",)):
                raise ContractBroken(f"Problem location names no file read: {record!r}")


def valid(record: Any) -> None:
    """Check every field of a record dataclass against its declared type."""
    hints = typing.get_type_hints(type(record))
    for item in dataclasses.fields(record):
        value = getattr(record, item.name)
        if not _matches(value, hints[item.name]):
            raise ContractBroken(f"{type(record).__name__}.{item.name} = {value!r:.200} is "
                                 f"not {hints[item.name]}")


def _matches(value: Any, hint: Any) -> bool:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if hint is Any:
        return True
    if origin in (typing.Union, types.UnionType):
        return any(_matches(value, arg) for arg in args)
    if origin is typing.Literal:
        return value in args
    if origin is tuple:
        if not isinstance(value, tuple):
            return False
        if len(args) == 2 and args[1] is Ellipsis:
            return all(_matches(v, args[0]) for v in value)
        return len(args) == len(value) and all(_matches(v, a) for v, a in zip(value, args,
                                                                                strict=True))
    if hint is type(None):
        return value is None
    if dataclasses.is_dataclass(hint):
        if not isinstance(value, hint):  # type: ignore[arg-type]
            return False
        valid(value)
        return True
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is date:
        return isinstance(value, date)
    return isinstance(value, hint)


def key(record: Record) -> Hashable:
    """What identifies a record across reads (a disease by its id, a mapping by its ends)."""
    if isinstance(record, DiseaseRecord | PhenotypeTerm):
        return (type(record).__name__, record.id)
    if isinstance(record, GeneAssociation):
        return ("gene", record.disease_id, record.gene_id)
    if isinstance(record, DiseaseMapping):
        return ("mapping", record.subject_id, record.object_id, record.predicate)
    if isinstance(record, OrphanDesignation):
        return ("designation", record.key)
    if isinstance(record, ClinicalTrial):
        return ("trial", record.nct_id)
    if isinstance(record, Article):
        return ("article", record.pmid)
    if isinstance(record, PlainText):
        return ("plain", record.document_id, record.position)
    if isinstance(record, PhenotypeAnnotation | Prevalence | DiseaseAttribute):
        return record
    return (type(record).__name__, repr(record))


def lines_of(data: bytes) -> list[bytes]:
    """The lines of a file, each with its end of line."""
    return data.splitlines(keepends=True)
