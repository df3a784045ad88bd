"""The overview of one page: its symptoms placed in HPO's organ systems, then the writer."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from sqlalchemy import Connection, select

from rareinfo.kb import schema
from rareinfo.kb.models import Disease
from rareinfo.kb.overview.models import Overview
from rareinfo.kb.overview.writer import write_overview

PHENOTYPIC_ABNORMALITY = "HP:0000118"


@dataclass(frozen=True, slots=True)
class OrganSystems:
    """HPO's organ-system branches (children of Phenotypic abnormality) and every term's."""

    names: dict[str, str]  # branch id -> HPO name
    of: dict[str, tuple[str, ...]]  # term id -> the branches it lies under

    @classmethod
    def load(cls, conn: Connection) -> OrganSystems:
        """Read the HPO graph of a snapshot once (a few hundred milliseconds)."""
        parent, p = schema.phenotype_parent, schema.phenotype
        names = {r.id: r.name for r in conn.execute(
            select(p.c.id, p.c.name).join(parent, parent.c.child == p.c.id)
            .where(parent.c.parent == PHENOTYPIC_ABNORMALITY))}
        parents: dict[str, list[str]] = defaultdict(list)
        for row in conn.execute(select(parent.c.child, parent.c.parent)):
            parents[row.child].append(row.parent)
        memo: dict[str, frozenset[str]] = {}

        def up(term: str) -> frozenset[str]:
            if term in names:
                return frozenset({term})
            if term not in memo:
                memo[term] = frozenset()  # a cycle (none in HPO) ends here
                memo[term] = frozenset().union(*(up(x) for x in parents.get(term, ())))
            return memo[term]

        return cls(names, {t: tuple(sorted(up(t))) for t in parents if up(t)})


@dataclass(frozen=True, slots=True)
class NameWords:
    """Words disease names write in lower case inside a name ("rare", "hemophilia").

    A parent's name opens with a capital on its page; inside a sentence its first word is
    lowered only when names write it in lower case inside a name more often than with a
    capital, so "Griscelli syndrome" and "Marfan syndrome" keep theirs.
    """

    lower: frozenset[str]

    @classmethod
    def load(cls, conn: Connection) -> NameWords:
        """Read every disease name of a snapshot once."""
        lower: Counter[str] = Counter()
        upper: Counter[str] = Counter()
        for table in (schema.disease_name, schema.disease):
            for name in conn.execute(select(table.c.name)).scalars():
                for word in _WORD.findall(name or "")[1:]:
                    (lower if word.islower() else upper)[word.lower()] += 1
        return cls(frozenset(w for w, n in lower.items() if n > upper[w]))


_WORD = re.compile(r"[^\W\d_][\w'-]*")


def page_overview(disease: Disease, systems: OrganSystems,
                  names: NameWords | None = None) -> Overview | None:
    """The overview of a loaded page, or None when too few facts support one."""
    return write_overview(disease, systems.of, systems.names,
                          names.lower if names else frozenset())
