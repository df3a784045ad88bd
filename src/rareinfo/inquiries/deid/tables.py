"""Word tables derived from packages (gazetteers, name lists, everyday words): built on
first use, or installed whole from a stored copy (``deid.store``) so a process does not
rebuild them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar, cast

T = TypeVar("T")
_TABLES: dict[str, object] = {}


def table(name: str, build: Callable[[], T]) -> T:
    """The table ``name``: installed, or built now by ``build`` and kept."""
    found = _TABLES.get(name)
    if found is None:
        found = _TABLES[name] = build()
    return cast(T, found)


def install(tables: Mapping[str, object]) -> None:
    """Use these tables (read from a stored copy) instead of building them."""
    _TABLES.update(tables)


def built() -> dict[str, object]:
    """Every table built or installed so far, by name (what a stored copy holds)."""
    return dict(_TABLES)
