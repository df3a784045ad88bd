"""The sources rareinfo knows: derived from the modules of this package, never kept by hand.

A module of ``rareinfo.sources`` that declares a module-level ``INFO`` (a
:class:`~rareinfo.sources.base.SourceInfo`) is a source; the build reads them in
``INFO.build_order``. Adding a source is writing its module: the build, ``rareinfo sync``,
``rareinfo status`` and the fuzz harness all find it here.

>>> [source.name for source in registered()][:3]
['hpo', 'orphanet', 'mondo']
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import cast

from rareinfo import sources
from rareinfo.records import Record
from rareinfo.sources.base import Source, SourceInfo


class UnknownSource(KeyError):
    """A source name that no module of rareinfo.sources declares."""

    def __str__(self) -> str:
        return f"unknown source {self.args[0]!r}; known sources: {', '.join(names())}"


@dataclass(frozen=True, slots=True)
class RegisteredSource:
    """One source module, seen through the Source protocol."""

    module: Source
    default_location: Callable[[], Path] | None  # a release shipped inside a package

    @property
    def info(self) -> SourceInfo:
        """The source's declared metadata."""
        return self.module.INFO

    @property
    def name(self) -> str:
        """The source's name, as in ``rareinfo sync NAME``."""
        return self.module.INFO.name

    def locate(self, directory: Path) -> Path | None:
        """Where the source's release lies in or under ``directory``, if it is there."""
        return self.module.locate(directory) if directory.is_dir() else None

    def read(self, path: Path) -> Iterator[Record]:
        """The source's records from a local release."""
        return self.module.read(path)

    def fetch(self, cache_dir: Path) -> Path:
        """Download the latest official release into the cache."""
        return self.module.fetch(cache_dir)


def _as_source(module: ModuleType) -> RegisteredSource | None:
    if not isinstance(getattr(module, "INFO", None), SourceInfo):
        return None
    missing = [name for name in ("locate", "fetch", "read") if not callable(
        getattr(module, name, None))]
    if missing:
        raise TypeError(f"source module {module.__name__} declares INFO but lacks "
                        f"{', '.join(missing)}")
    default = getattr(module, "default_location", None)
    return RegisteredSource(cast(Source, module), default if callable(default) else None)


@cache
def registered() -> tuple[RegisteredSource, ...]:
    """Every source, in build order (ontologies, then diseases, then linked facts)."""
    found = []
    for info in pkgutil.iter_modules(sources.__path__):
        source = _as_source(importlib.import_module(f"{sources.__name__}.{info.name}"))
        if source is not None:
            found.append(source)
    return tuple(sorted(found, key=lambda s: (s.info.build_order, s.name)))


def names() -> tuple[str, ...]:
    """The names of every source, in build order."""
    return tuple(source.name for source in registered())


def get(name: str) -> RegisteredSource:
    """The source of that name; UnknownSource if there is none."""
    for source in registered():
        if source.name == name:
            return source
    raise UnknownSource(name)
