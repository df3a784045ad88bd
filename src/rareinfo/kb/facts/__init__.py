"""Facts declared once: each module holds a kind of source record's tables, the rows a
record becomes and, where the read API needs it, the record read back from its rows.

The build stores any record through :func:`fact_for`; identity resolution stamps every
table :func:`stamped_tables` finds; a new kind of fact is one new module here.
"""

from __future__ import annotations

import importlib
import pkgutil

from rareinfo.kb.facts.base import (
    Fact,
    FactRows,
    PageSections,
    declare,
    declared,
    fact_for,
    page_sections,
    stamped_tables,
)

__all__ = ["Fact", "FactRows", "PageSections", "declare", "declared", "fact_for",
           "page_sections", "stamped_tables"]

for _module in pkgutil.iter_modules(__path__):
    if _module.name != "base":
        importlib.import_module(f"{__name__}.{_module.name}")
