"""The identity phase of a build: turn source diseases into pages (see rareinfo.link).

Runs after every source is loaded: clusters identifiers, writes one ``disease`` row per
cluster, the ``disease_identifier`` resolver (with identifiers served by the previous
snapshot carried forward so that no published URL breaks), fills ``disease_id`` in every
fact table, and links pages to their parent groups, subtypes and unmerged equals.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, text

from rareinfo.kb import schema
from rareinfo.kb.facts import stamped_tables
from rareinfo.kb.hierarchy import DISPUTED_PARENT, Edge, judge
from rareinfo.kb.snapshots import PreviousIdentifiers
from rareinfo.link import Identity, Names, Statement, prefix_of, primary_key, resolve
from rareinfo.normalize import normalize

NAME_PRIORITY = ("orphanet", "mondo", "gard", "hpo")
DEFINITION_PRIORITY = ("orphanet", "mondo", "gard", "hpo")
EXACT_SYNONYM_SOURCES = ("orphanet",)


NAME_MATCH = "joined by name"  # the note of an identifier that joined its page by name


@dataclass(frozen=True, slots=True)
class SourceDisease:
    """One source's record of a disease, as loaded."""

    source: str
    id: str
    name: str
    definition: str | None
    kind: str | None


@dataclass(frozen=True, slots=True)
class IdentitySummary:
    """What identity resolution did, for the build summary."""

    pages: int
    identifiers: int
    conflicts: int
    carried_forward: int
    name_matches: int = 0


def assign_diseases(engine: Engine, previous: PreviousIdentifiers | None) -> IdentitySummary:
    """Cluster, write pages and the identifier resolver, and stamp facts with their page."""
    with engine.connect() as conn:
        records, retired = _source_diseases(conn)
        statements = _statements(conn)
        spanish = _spanish_names(conn)
        names = entry_names(conn)
    identity = resolve(records.keys(), statements, retired, names)
    pages = _pages(identity, records, spanish)
    identifiers = _identifier_rows(identity, records)
    carried = _carry_forward(previous, identity, identifiers)
    with engine.begin() as conn:
        _insert(conn, schema.disease, pages)
        _insert(conn, schema.disease_identifier, identifiers)
        _stamp_facts(conn, identity)
        _insert(conn, schema.disease_link, _links(conn, identity))
    return IdentitySummary(len(pages), len(identifiers), len(identity.conflicts), carried,
                           len(identity.name_matches))


def _source_diseases(conn: Connection) -> tuple[dict[str, list[SourceDisease]],
                                                dict[str, str | None]]:
    sd = schema.source_disease
    records: dict[str, list[SourceDisease]] = defaultdict(list)
    retired: dict[str, str | None] = {}
    for row in conn.execute(select(sd)):
        if row.obsolete:
            retired.setdefault(row.id, row.replaced_by)
        else:
            records[row.id].append(
                SourceDisease(row.source, row.id, row.name, row.definition, row.kind))
    for curie in records:  # described as current by some source: not retired
        retired.pop(curie, None)
    return records, retired


def _statements(conn: Connection) -> list[Statement]:
    m = schema.mapping
    rows = conn.execute(select(m.c.source, m.c.subject, m.c.object, m.c.predicate)
                        .where(m.c.predicate.in_(("exact", "xref"))))
    return [Statement(r.source, r.subject, r.object, r.predicate) for r in rows]


def _spanish_names(conn: Connection) -> dict[str, str]:
    n = schema.disease_name
    rows = conn.execute(select(n.c.source_disease_id, n.c.name).where(n.c.kind == "es"))
    return {r.source_disease_id: r.name for r in rows}


def entry_names(conn: Connection) -> dict[str, Names]:
    """Each described identifier's name and exact synonyms, normalised (identity rule 5)."""
    n = schema.disease_name
    written: dict[str, str] = {}
    keys: dict[str, set[str]] = defaultdict(set)
    sources: dict[str, set[str]] = defaultdict(set)
    rows = conn.execute(select(n.c.source_disease_id, n.c.name, n.c.kind, n.c.source)
                        .where(n.c.kind.in_(("name", "synonym"))).order_by(n.c.id))
    for r in rows:
        # Only Orphanet's synonyms are all exact; GARD's and others' lists mix in broader
        # terms and typos, which must not pull an entry onto a page.
        sources[r.source_disease_id].add(r.source)
        if r.kind == "name" or r.source in EXACT_SYNONYM_SOURCES:
            key = normalize(r.name)
            keys[r.source_disease_id].add(key)
            if r.kind == "name":
                written.setdefault(r.source_disease_id, r.name)
    return {curie: Names(name, normalize(name), frozenset(keys[curie]),
                         frozenset(sources[curie])) for curie, name in written.items()}


def _by_priority(candidates: Iterable[SourceDisease], order: tuple[str, ...],
                 attribute: str) -> SourceDisease | None:
    # Within a source the lowest number wins: of ORPHA:558 "Marfan syndrome" and its
    # subtype ORPHA:284963, both exact equals of MONDO:0007947, the disease itself.
    ranked = sorted(
        (c for c in candidates if getattr(c, attribute)),
        key=lambda c: (order.index(c.source) if c.source in order else len(order),
                       primary_key(c.id)),
    )
    return ranked[0] if ranked else None


def readable_name(name: str, source: str) -> str:
    """Mondo labels are lower case ("acute lymphoblastic leukemia"): capitalise for a title."""
    if source == "mondo" and name[:1].islower():
        return name[0].upper() + name[1:]
    return name


def _pages(identity: Identity, records: dict[str, list[SourceDisease]],
           spanish: dict[str, str]) -> list[dict[str, Any]]:
    pages = []
    for primary, members in identity.members.items():
        described = [r for m in members for r in records.get(m, ())]
        named = _by_priority(described, NAME_PRIORITY, "name")
        if named is None:
            continue
        defined = _by_priority(described, DEFINITION_PRIORITY, "definition")
        kind = _by_priority(described, ("orphanet",), "kind")
        pages.append({
            "id": primary,
            "name": readable_name(named.name, named.source),
            "name_source": named.source,
            "definition": defined.definition if defined else None,
            "definition_source": defined.source if defined else None,
            "kind": kind.kind if kind else None,
            "spanish_name": next((spanish[m] for m in members if m in spanish), None),
            "annotation_count": 0,
            "source": ";".join(sorted({r.source for r in described})),
        })
    return pages


def _identifier_rows(identity: Identity,
                     records: dict[str, list[SourceDisease]]) -> list[dict[str, Any]]:
    rows = []
    by_name = {m.curie: m for m in identity.name_matches}
    for curie, primary in identity.primary_of.items():
        if primary not in identity.members:
            continue
        described = records.get(curie)
        match = by_name.get(curie)
        rows.append({"curie": curie, "disease_id": primary,
                     "source": described[0].source if described else "mapping",
                     "status": "current",
                     "note": f"{NAME_MATCH}: {match.name}" if match else None})
    for old, primary in identity.replaced.items():
        rows.append({"curie": old, "disease_id": primary, "source": prefix_of(old).lower(),
                     "status": "replaced", "note": None})
    for old in identity.obsolete:
        rows.append({"curie": old, "disease_id": old, "source": prefix_of(old).lower(),
                     "status": "obsolete", "note": None})
    return rows


def _carry_forward(old_rows: PreviousIdentifiers | None, identity: Identity,
                   rows: list[dict[str, Any]]) -> int:
    """Keep every identifier the previous snapshot resolved, so no published URL breaks."""
    if not old_rows:
        return 0
    known = {row["curie"] for row in rows}
    old_members: dict[str, list[str]] = defaultdict(list)
    for curie, disease_id, _, _ in old_rows:
        old_members[disease_id].append(curie)
    carried = 0
    for curie, disease_id, status, name in old_rows:
        if curie in known:
            continue
        successor = next((identity.primary_of[c] for c in old_members[disease_id]
                          if c in identity.primary_of
                          and identity.primary_of[c] in identity.members), None)
        if successor is not None:
            rows.append({"curie": curie, "disease_id": successor, "source": "earlier build",
                         "status": "replaced", "note": None})
        else:
            rows.append({"curie": curie, "disease_id": curie, "source": "earlier build",
                         "status": "obsolete" if status == "obsolete" else "retired",
                         "note": name})
        known.add(curie)
        carried += 1
    return carried


def _stamp_facts(conn: Connection, identity: Identity) -> None:
    conn.execute(text("CREATE TEMP TABLE id_map (curie TEXT PRIMARY KEY, disease_id TEXT)"))
    pairs = [{"curie": c, "disease_id": p} for c, p in identity.primary_of.items()
             if p in identity.members]
    for start in range(0, len(pairs), 5000):
        conn.execute(text("INSERT INTO id_map VALUES (:curie, :disease_id)"),
                     pairs[start:start + 5000])
    for table in (t.name for t in stamped_tables()):
        # A join, not a correlated subquery: PostgreSQL hashes it (10x faster there);
        # SQLite >= 3.33 has UPDATE ... FROM as well. Facts start with no disease_id.
        conn.execute(text(
            f"UPDATE {table} SET disease_id = id_map.disease_id FROM id_map "
            f"WHERE id_map.curie = {table}.source_disease_id"))
    conn.execute(text("DROP TABLE id_map"))


def _links(conn: Connection, identity: Identity) -> list[dict[str, Any]]:
    m = schema.mapping
    page_of = {c: p for c, p in identity.primary_of.items() if p in identity.members}
    links: dict[tuple[str, str, str], dict[str, Any]] = {}

    def link(a: str, b: str, relation: str, source: str, detail: str | None) -> None:
        if a != b:
            links.setdefault((a, b, relation), {"disease_id": a, "other_id": b,
                                                "relation": relation, "source": source,
                                                "detail": detail})

    rows = conn.execute(select(m.c.source, m.c.subject, m.c.object, m.c.predicate,
                               m.c.relation).where(m.c.predicate.in_(("broader", "narrower"))))
    edges = []
    for row in rows:
        child, parent = (row.subject, row.object) if row.predicate == "broader" else (
            row.object, row.subject)
        if child in page_of and parent in page_of:
            edges.append(Edge(page_of[child], page_of[parent], row.source, row.relation))
    shown, disputed = judge(edges)  # contradicted edges are one source's view, not fact
    for e in shown:
        link(e.child, e.parent, "parent", e.source, e.relation)
        link(e.parent, e.child, "child", e.source, e.relation)
    for d in disputed:
        link(d.edge.child, d.edge.parent, DISPUTED_PARENT, d.edge.source,
             f"{d.edge.relation}; {d.reason}")
    for conflict in identity.conflicts:
        s = conflict.statement
        if s.subject in page_of and s.object in page_of:
            detail = f"{s.source}: {s.subject} = {s.object}; not merged: {conflict.reason}"
            link(page_of[s.subject], page_of[s.object], "same", s.source, detail)
            link(page_of[s.object], page_of[s.subject], "same", s.source, detail)
    return list(links.values())


def _insert(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), 5000):
        conn.execute(insert(table), rows[start:start + 5000])
