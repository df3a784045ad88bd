"""Audit checks over the whole snapshot's tables: page names and the parent-group graph."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Connection, select

from rareinfo.kb import schema
from rareinfo.kb.audit.types import Finding
from rareinfo.kb.hierarchy import LOOP, Edge, cycles, judge
from rareinfo.normalize import normalize


def scan_structure(conn: Connection, findings: dict[str, list[Finding]]) -> int:
    """Add the structural findings; returns the number of pages."""
    d = schema.disease
    names = {r.id: r.name for r in conn.execute(select(d.c.id, d.c.name))}
    _duplicate_names(names, findings["duplicate page names"],
                     findings["names Mondo keeps apart"])
    shown = _shown_parents(conn)
    _pairs(shown, names, findings["parent and child"])
    for group in cycles(shown):
        if len(group) > 2:
            findings["hierarchy cycles"].append(Finding(group[0], " -> ".join(group)))
    _contradicted(conn, shown, names, findings["contradicted parents"])
    return len(names)


def _duplicate_names(names: dict[str, str], out: list[Finding],
                     mondo_apart: list[Finding]) -> None:
    by_name: dict[str, list[str]] = defaultdict(list)
    for page, name in names.items():
        by_name[normalize(name)].append(page)
    for key, pages in by_name.items():
        if len(pages) > 1:
            pages.sort()
            for page in pages[1:]:
                # A page's primary id is a MONDO id whenever it holds one (decisions/0004).
                both_mondo = pages[0].startswith("MONDO:") and page.startswith("MONDO:")
                (mondo_apart if both_mondo else out).append(
                    Finding(pages[0], f"{key!r}: {pages[0]} and {page}"))


def _shown_parents(conn: Connection) -> set[tuple[str, str]]:
    link = schema.disease_link
    rows = conn.execute(select(link.c.disease_id, link.c.other_id)
                        .where(link.c.relation == "parent"))
    return {(r.disease_id, r.other_id) for r in rows}


def _pairs(shown: set[tuple[str, str]], names: dict[str, str], out: list[Finding]) -> None:
    for child, parent in sorted(shown):
        if child < parent and (parent, child) in shown:
            out.append(Finding(child, f"{names.get(child, child)} ({child}) and "
                                      f"{names.get(parent, parent)} ({parent})"))


def statement_edges(conn: Connection) -> list[Edge]:
    """Every broader/narrower statement of every source, between pages."""
    ids, m = schema.disease_identifier, schema.mapping
    page_of = {r.curie: r.disease_id for r in conn.execute(
        select(ids.c.curie, ids.c.disease_id).where(ids.c.status == "current"))}
    edges = []
    for r in conn.execute(select(m.c.source, m.c.subject, m.c.object, m.c.predicate,
                                 m.c.relation).where(m.c.predicate.in_(("broader",
                                                                        "narrower")))):
        child, parent = (r.subject, r.object) if r.predicate == "broader" else (r.object,
                                                                                r.subject)
        if child in page_of and parent in page_of:
            edges.append(Edge(page_of[child], page_of[parent], r.source, r.relation))
    return edges


def _contradicted(conn: Connection, shown: set[tuple[str, str]], names: dict[str, str],
                  out: list[Finding]) -> None:
    """Parent groups shown although every statement of them is contradicted."""
    accepted, disputed = judge(statement_edges(conn))
    supported = {(e.child, e.parent) for e in accepted}
    seen: set[tuple[str, str]] = set()
    for d in disputed:
        pair = (d.edge.child, d.edge.parent)
        if pair in shown and pair not in supported and pair not in seen and d.reason != LOOP:
            seen.add(pair)
            out.append(Finding(d.edge.child, f"{names.get(pair[0])} ({pair[0]}) under "
                                             f"{names.get(pair[1])} ({pair[1]}) "
                                             f"[{d.edge.source} {d.edge.relation}]: {d.reason}"))
