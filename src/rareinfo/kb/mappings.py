"""Identifier mappings in SSSOM's terms, bulk resolution to pages, and genes by any id.

The mapping table keeps every statement as its source made it (Orphanet's E, BTNT, NTBT;
Mondo's skos matches with their justification); the identity clusters say which page each
identifier belongs to. Both are answered here, so a client maps many identifiers in one
call and sees which mappings are exact.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Engine, func, or_, select

from rareinfo import curie as curies
from rareinfo.kb import schema
from rareinfo.kb.associations import releases

# The table's predicate -> SSSOM's predicate_id (subject <predicate> object).
PREDICATES = {
    "exact": "skos:exactMatch", "broader": "skos:broadMatch", "narrower": "skos:narrowMatch",
    "close": "skos:closeMatch", "related": "skos:relatedMatch", "xref": "oboInOwl:hasDbXref",
}
INVERSE = {"skos:broadMatch": "skos:narrowMatch", "skos:narrowMatch": "skos:broadMatch"}
# Hierarchy, not mapping: the classification is the pages' parents, not a cross-reference.
HIERARCHY = ("classification parent", "rdfs:subClassOf")
MANUAL = "semapv:ManualMappingCuration"


@dataclass(frozen=True, slots=True)
class Mapping:
    """One mapping statement, oriented so that the identifier asked about is the subject."""

    subject_id: str
    predicate_id: str
    object_id: str
    mapping_justification: str
    source: str
    source_release: str | None
    source_relation: str  # as the source states it (E, BTNT, skos:exactMatch, ...)
    subject_page: str | None
    object_page: str | None


@dataclass(frozen=True, slots=True)
class Resolved:
    """What one identifier names: its page (if any), the page's name, and why not if none."""

    input: str
    curie: str | None
    page_id: str | None
    name: str | None
    status: str  # current | replaced | obsolete | retired | unknown | malformed


@dataclass(frozen=True, slots=True)
class GeneDisease:
    """A page a gene is linked to, with the source records that say so."""

    disease_id: str
    disease_name: str
    source_records: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GeneEntity:
    """A gene: its HGNC id (or NCBI Gene id), symbol, name, other ids and its diseases."""

    id: str
    symbol: str
    name: str | None
    identifiers: tuple[str, ...]
    diseases: tuple[GeneDisease, ...]


def mappings(engine: Engine, identifiers: Iterable[str]) -> tuple[Mapping, ...]:
    """Every mapping statement about the identifiers, asked identifier first."""
    asked = {c: raw for raw in identifiers if (c := curies.normalize_curie(raw)) is not None}
    m, ids = schema.mapping, schema.disease_identifier
    with engine.connect() as conn:
        rows = conn.execute(select(m).where(
            or_(m.c.subject.in_(asked), m.c.object.in_(asked)),
            m.c.relation.not_in(HIERARCHY))).all()
        named = {r.subject for r in rows} | {r.object for r in rows}
        pages = {r.curie: r.disease_id for r in conn.execute(
            select(ids.c.curie, ids.c.disease_id).where(
                ids.c.curie.in_(named), ids.c.status.in_(("current", "replaced"))))}
        versions = releases(conn)
    out: list[Mapping] = []
    for row in rows:
        predicate = row.relation if row.relation.startswith(("skos:", "oboInOwl:")) \
            else PREDICATES.get(row.predicate, "skos:relatedMatch")
        subject, obj = row.subject, row.object
        if subject not in asked:  # turn the statement round so the asked id leads
            subject, obj = obj, subject
            predicate = INVERSE.get(predicate, predicate)
        out.append(Mapping(subject, predicate, obj, row.justification or MANUAL, row.source,
                           versions.get(row.source), row.relation, pages.get(subject),
                           pages.get(obj)))
    order = {c: i for i, c in enumerate(asked)}
    out.sort(key=lambda x: (order[x.subject_id], x.predicate_id != "skos:exactMatch",
                            x.object_id, x.source))
    return tuple(out)


def resolve(engine: Engine, identifiers: Iterable[str]) -> tuple[Resolved, ...]:
    """The page of each identifier, in the order given (one query for all of them)."""
    given = list(identifiers)
    candidates = {raw: curies.candidate_curies(raw) for raw in given}
    ids, d = schema.disease_identifier, schema.disease
    wanted = {c for cs in candidates.values() for c in cs}
    with engine.connect() as conn:
        found = {r.curie: r for r in conn.execute(
            select(ids.c.curie, ids.c.disease_id, ids.c.status, d.c.name)
            .join(d, d.c.id == ids.c.disease_id, isouter=True)
            .where(ids.c.curie.in_(wanted)))}
    out: list[Resolved] = []
    for raw in given:
        if not candidates[raw]:
            out.append(Resolved(raw, None, None, None, "malformed"))
            continue
        row = next((found[c] for c in candidates[raw] if c in found), None)
        if row is None:
            out.append(Resolved(raw, curies.normalize_curie(raw), None, None, "unknown"))
            continue
        live = row.status in ("current", "replaced")
        out.append(Resolved(raw, row.curie, row.disease_id if live else None,
                            row.name if live else None, row.status))
    return tuple(out)


GENE_PREFIXES = {"hgnc": "HGNC", "ncbigene": "NCBIGene", "omim": "OMIM", "mim": "OMIM",
                 "ensembl": "Ensembl"}


def gene_curie(text: str) -> str | None:
    """A gene identifier in the spelling the sources use (hgnc:3603 -> HGNC:3603)."""
    prefix, sep, local = text.partition(":")
    canonical = GENE_PREFIXES.get(prefix.strip().lower())
    return f"{canonical}:{local.strip()}" if sep and canonical and local.strip() else None


def gene_symbol(engine: Engine, identifier: str) -> str | None:
    """The symbol of the gene an HGNC, NCBI Gene or OMIM gene id or a symbol names."""
    g = schema.disease_gene
    text = identifier.strip()
    curie = gene_curie(text)
    with engine.connect() as conn:
        if curie is not None:
            row = conn.execute(select(g.c.symbol).where(g.c.gene_id == curie).limit(1)).first()
            if row is None:  # an id only the other source's xrefs carry (OMIM gene ids)
                row = conn.execute(select(g.c.symbol).where(or_(
                    g.c.xrefs == curie, g.c.xrefs.like(f"{curie};%"),
                    g.c.xrefs.like(f"%;{curie}"), g.c.xrefs.like(f"%;{curie};%"))).limit(1)
                ).first()
            return str(row.symbol) if row else None
        row = conn.execute(select(g.c.symbol).where(
            func.upper(g.c.symbol) == text.upper()).limit(1)).first()
    return str(row.symbol) if row else None


def gene(engine: Engine, symbol: str) -> GeneEntity | None:
    """The gene with this symbol, from every source's links to it."""
    g, d = schema.disease_gene, schema.disease
    with engine.connect() as conn:
        rows = conn.execute(select(g, d.c.name.label("disease_name"))
                            .join(d, d.c.id == g.c.disease_id)
                            .where(g.c.symbol == symbol).order_by(d.c.name, g.c.id)).all()
    if not rows:
        return None
    identifiers = sorted({r.gene_id for r in rows} | {
        x for r in rows if r.xrefs for x in r.xrefs.split(";")})
    primary = next((i for i in identifiers if i.startswith("HGNC:")), identifiers[0])
    name = next((r.name for r in rows if r.name), None)
    by_page: dict[str, list[tuple[str, str, str]]] = {}
    for r in rows:
        by_page.setdefault(r.disease_id, []).append((r.disease_name, r.source_disease_id,
                                                     r.source))
    diseases = tuple(GeneDisease(page, found[0][0], tuple(sorted({f[1] for f in found})),
                                 tuple(sorted({f[2] for f in found})))
                     for page, found in by_page.items())
    return GeneEntity(primary, symbol, name, tuple(identifiers), diseases)
