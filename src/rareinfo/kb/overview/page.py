"""The overview of one page: its symptoms placed in HPO's organ systems, then the writer."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import Connection, select

from rareinfo.kb import schema
from rareinfo.kb.models import Disease
from rareinfo.kb.overview.models import Overview
from rareinfo.kb.overview.writer import write_overview

PHENOTYPIC_ABNORMALITY = "HP:0000118"
_CHUNK = 500


def page_overview(conn: Connection, disease: Disease) -> Overview | None:
    """The overview of a loaded page, or None when too few facts support one."""
    branches = organ_systems(conn)
    systems = systems_of(conn, [s.id for s in disease.symptoms], frozenset(branches))
    return write_overview(disease, systems, branches)


def organ_systems(conn: Connection) -> dict[str, str]:
    """HPO's organ-system branches: the children of Phenotypic abnormality, id -> name."""
    parent, p = schema.phenotype_parent, schema.phenotype
    rows = conn.execute(select(p.c.id, p.c.name).join(parent, parent.c.child == p.c.id)
                        .where(parent.c.parent == PHENOTYPIC_ABNORMALITY)).all()
    return {r.id: r.name for r in rows}


def systems_of(conn: Connection, term_ids: Sequence[str],
               branches: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """Each term -> the organ-system branches it lies under (a term may lie under several)."""
    parent = schema.phenotype_parent
    parents: dict[str, set[str]] = defaultdict(set)
    seen = set(term_ids)
    frontier = [t for t in seen if t not in branches]
    while frontier:
        found: list[str] = []
        for start in range(0, len(frontier), _CHUNK):
            chunk = frontier[start:start + _CHUNK]
            for row in conn.execute(select(parent.c.child, parent.c.parent)
                                    .where(parent.c.child.in_(chunk))):
                parents[row.child].add(row.parent)
                if row.parent not in seen:
                    seen.add(row.parent)
                    if row.parent not in branches:
                        found.append(row.parent)
        frontier = found
    memo: dict[str, frozenset[str]] = {}

    def up(term: str) -> frozenset[str]:
        if term in branches:
            return frozenset({term})
        if term not in memo:
            memo[term] = frozenset()  # a cycle (none in HPO) ends here
            memo[term] = frozenset().union(*(up(p) for p in parents.get(term, ())))
        return memo[term]

    return {t: tuple(sorted(up(t))) for t in term_ids}
