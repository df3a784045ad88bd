"""Associations as rows, one per source record, paged and filtered in SQL.

What researchers list and download: disease-phenotype annotations (optionally over every
descendant of a term), disease-gene links, the trials and orphan products linked to a
page. Each row names the page it belongs to and the source record it came from, so three
rows for one disease are three records, and say which.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

from sqlalchemy import Connection, Engine, Select, func, or_, select

from rareinfo.kb import schema

T = TypeVar("T")

# HPO's frequency subontology (HP:0040279): the terms and the fractions they span.
FREQUENCY_TERMS: tuple[tuple[str, str, float, float], ...] = (
    ("HP:0040280", "Obligate", 1.0, 1.0),
    ("HP:0040281", "Very frequent", 0.80, 0.99),
    ("HP:0040282", "Frequent", 0.30, 0.79),
    ("HP:0040283", "Occasional", 0.05, 0.29),
    ("HP:0040284", "Very rare", 0.01, 0.04),
    ("HP:0040285", "Excluded", 0.0, 0.0),
)
EVIDENCE = {
    "IEA": "inferred from electronic annotation",
    "PCS": "published clinical study",
    "TAS": "traceable author statement",
}


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of rows and how many rows match in all."""

    total: int
    offset: int
    limit: int
    rows: tuple[T, ...]


@dataclass(frozen=True, slots=True)
class FrequencyTerm:
    """A frequency as HPO's frequency term, with n of m when the source counted patients."""

    id: str | None
    label: str | None
    n: int | None
    m: int | None
    fraction: float | None
    as_stated: str  # the source's own value (an HPO id, "3/7", "40%", an Orphanet label)


@dataclass(frozen=True, slots=True)
class PhenotypeAssociation:
    """One source record's statement that a disease has (or lacks) a phenotype."""

    disease_id: str
    disease_name: str
    source_record: str
    phenotype_id: str
    phenotype_name: str
    aspect: str
    negated: bool
    frequency: FrequencyTerm | None
    onset: str | None
    sex: str | None
    evidence: str | None
    evidence_label: str | None
    references: tuple[str, ...]
    source: str
    release: str | None


@dataclass(frozen=True, slots=True)
class GeneAssociation:
    """One source record's statement linking a disease and a gene."""

    disease_id: str
    disease_name: str
    source_record: str
    gene_id: str
    symbol: str
    gene_name: str | None
    gene_xrefs: tuple[str, ...]
    association: str | None
    source: str
    release: str | None


@dataclass(frozen=True, slots=True)
class TrialAssociation:
    """A ClinicalTrials.gov study linked to a page, and the name that linked it."""

    disease_id: str
    nct_id: str
    title: str
    status: str | None
    study_type: str | None
    phases: tuple[str, ...]
    enrollment: int | None
    start_date: date | None
    url: str
    matched: str
    how: str
    source: str
    release: str | None


@dataclass(frozen=True, slots=True)
class TreatmentAssociation:
    """An FDA orphan designation linked to a page, approved or not."""

    disease_id: str
    generic_name: str
    trade_name: str | None
    sponsor: str | None
    designation: str
    designated: date | None
    designation_status: str
    approval_status: str
    approved_indication: str | None
    approved: date | None
    matched: str
    how: str
    source: str
    release: str | None


def frequency_term(raw: str | None, fraction: float | None, n: int | None,
                   m: int | None) -> FrequencyTerm | None:
    """A stored frequency in HPO's terms: the frequency term its fraction falls in."""
    if raw is None and fraction is None:
        return None
    term = None
    if raw is not None and raw.startswith("HP:"):
        term = next((t for t in FREQUENCY_TERMS if t[0] == raw), None)
    if term is None and fraction is not None:
        percent = round(fraction * 100)
        term = next((t for t in FREQUENCY_TERMS
                     if round(t[2] * 100) <= percent <= round(t[3] * 100)), None)
        if term is None and 0 < percent < 1:
            term = FREQUENCY_TERMS[4]
    return FrequencyTerm(term[0] if term else None, term[1] if term else None, n, m,
                         fraction, raw or "")


def descendants(conn: Connection, root: str) -> list[str]:
    """The term and every term below it in the HPO graph."""
    parent = schema.phenotype_parent
    found = {root}
    frontier = [root]
    while frontier:
        rows = conn.execute(select(parent.c.child).where(parent.c.parent.in_(frontier))).all()
        frontier = [r.child for r in rows if r.child not in found]
        found.update(frontier)
    return sorted(found)


def releases(conn: Connection) -> dict[str, str]:
    """Source -> the release of it this snapshot holds."""
    r = schema.source_release
    return {row.source: row.version for row in conn.execute(select(r.c.source, r.c.version))}


def _paged(conn: Connection, query: Select[Any], order: Sequence[Any], offset: int,
           limit: int) -> tuple[int, Sequence[Any]]:
    total = int(conn.execute(select(func.count()).select_from(query.subquery())).scalar_one())
    rows = conn.execute(query.order_by(*order).offset(offset).limit(limit)).all()
    return total, rows


def phenotype_associations(
    engine: Engine, *, phenotype_id: str | None = None, disease_id: str | None = None,
    include_descendants: bool = False, min_frequency: float | None = None,
    source: str | None = None, aspect: str | None = None, include_negated: bool = False,
    offset: int = 0, limit: int = 50,
) -> Page[PhenotypeAssociation]:
    """Annotations of a term (and its descendants) or of a page, one row per record."""
    a, d, p = schema.annotation, schema.disease, schema.phenotype
    with engine.connect() as conn:
        query = (select(a, d.c.name.label("disease_name"), p.c.name.label("phenotype_name"))
                 .join(d, d.c.id == a.c.disease_id).join(p, p.c.id == a.c.phenotype_id))
        if phenotype_id is not None:
            terms = descendants(conn, phenotype_id) if include_descendants else [phenotype_id]
            query = query.where(a.c.phenotype_id.in_(terms))
        if disease_id is not None:
            query = query.where(a.c.disease_id == disease_id)
        if not include_negated:
            query = query.where(a.c.negated.is_(False))
        if min_frequency is not None:
            query = query.where(a.c.frequency >= min_frequency)
        if source is not None:
            query = query.where(a.c.source == source)
        if aspect is not None:
            query = query.where(a.c.aspect == aspect)
        order = ((d.c.name, a.c.disease_id, a.c.source_disease_id, a.c.phenotype_id, a.c.id)
                 if disease_id is None else (a.c.aspect, p.c.name, a.c.source_disease_id, a.c.id))
        total, rows = _paged(conn, query, order, offset, limit)
        versions = releases(conn)
    return Page(total, offset, limit, tuple(PhenotypeAssociation(
        disease_id=row.disease_id, disease_name=row.disease_name,
        source_record=row.source_disease_id, phenotype_id=row.phenotype_id,
        phenotype_name=row.phenotype_name, aspect=row.aspect, negated=bool(row.negated),
        frequency=frequency_term(row.frequency_raw, row.frequency, row.frequency_n,
                                 row.frequency_m),
        onset=row.onset or None, sex=row.sex, evidence=row.evidence,
        evidence_label=EVIDENCE.get(row.evidence or ""),
        references=tuple(row.refs.split(";")) if row.refs else (), source=row.source,
        release=versions.get(row.source)) for row in rows))


def gene_associations(
    engine: Engine, *, disease_id: str | None = None, symbol: str | None = None,
    source: str | None = None, offset: int = 0, limit: int = 50,
) -> Page[GeneAssociation]:
    """Disease-gene links of a page or of a gene (by symbol), one row per record."""
    g, d = schema.disease_gene, schema.disease
    with engine.connect() as conn:
        query = select(g, d.c.name.label("disease_name")).join(d, d.c.id == g.c.disease_id)
        if disease_id is not None:
            query = query.where(g.c.disease_id == disease_id)
        if symbol is not None:
            query = query.where(g.c.symbol == symbol)
        if source is not None:
            query = query.where(g.c.source == source)
        order = ((g.c.symbol, g.c.source_disease_id, g.c.id) if disease_id is not None
                 else (d.c.name, g.c.disease_id, g.c.source_disease_id, g.c.id))
        total, rows = _paged(conn, query, order, offset, limit)
        versions = releases(conn)
    return Page(total, offset, limit, tuple(GeneAssociation(
        disease_id=row.disease_id, disease_name=row.disease_name,
        source_record=row.source_disease_id, gene_id=row.gene_id, symbol=row.symbol,
        gene_name=row.name, gene_xrefs=tuple(row.xrefs.split(";")) if row.xrefs else (),
        association=row.association, source=row.source, release=versions.get(row.source))
        for row in rows))


def trial_associations(
    engine: Engine, disease_id: str, *, status: str | None = None, phase: str | None = None,
    offset: int = 0, limit: int = 50,
) -> Page[TrialAssociation]:
    """The trials linked to a page, newest start first; by status and phase if asked."""
    t, link = schema.trial, schema.trial_link
    with engine.connect() as conn:
        query = (select(t, link.c.matched, link.c.how).join(link, link.c.nct_id == t.c.nct_id)
                 .where(link.c.disease_id == disease_id))
        if status is not None:
            query = query.where(t.c.status == status)
        if phase is not None:
            # phases are ";"-joined: match the whole value, never PHASE1 inside EARLY_PHASE1
            query = query.where(or_(t.c.phases == phase, t.c.phases.like(f"{phase};%"),
                                    t.c.phases.like(f"%;{phase}")))
        total, rows = _paged(conn, query, (t.c.start_date.desc(), t.c.nct_id, link.c.matched),
                             offset, limit)
        versions = releases(conn)
    return Page(total, offset, limit, tuple(TrialAssociation(
        disease_id=disease_id, nct_id=row.nct_id, title=row.title, status=row.status,
        study_type=row.study_type, phases=tuple(row.phases.split(";")) if row.phases else (),
        enrollment=row.enrollment, start_date=row.start_date, url=row.url,
        matched=row.matched, how=row.how, source=row.source,
        release=versions.get(row.source)) for row in rows))


def treatment_associations(
    engine: Engine, disease_id: str, *, approved: bool | None = None, offset: int = 0,
    limit: int = 50,
) -> Page[TreatmentAssociation]:
    """The orphan designations linked to a page (once each), approved ones first."""
    od, link = schema.orphan_designation, schema.designation_link
    with engine.connect() as conn:
        linked = (select(link.c.designation_key, func.min(link.c.matched).label("matched"),
                         func.min(link.c.how).label("how"))
                  .where(link.c.disease_id == disease_id)
                  .group_by(link.c.designation_key).subquery())
        query = select(od, linked.c.matched, linked.c.how).join(
            linked, linked.c.designation_key == od.c.key)
        if approved is not None:
            query = query.where((od.c.approval_status == "approved") == approved)
        total, rows = _paged(conn, query, (od.c.approval_status, od.c.approved.desc(),
                                           od.c.designated.desc(), od.c.key), offset, limit)
        versions = releases(conn)
    return Page(total, offset, limit, tuple(TreatmentAssociation(
        disease_id=disease_id, generic_name=row.generic_name, trade_name=row.trade_name,
        sponsor=row.sponsor, designation=row.designation, designated=row.designated,
        designation_status=row.designation_status, approval_status=row.approval_status,
        approved_indication=row.approved_indication, approved=row.approved,
        matched=row.matched, how=row.how, source=row.source,
        release=versions.get(row.source)) for row in rows))


def distinct_diseases(engine: Engine, phenotype_id: str, include_descendants: bool) -> int:
    """How many pages carry the term (or a descendant): the number of diseases, not rows."""
    a = schema.annotation
    with engine.connect() as conn:
        terms = descendants(conn, phenotype_id) if include_descendants else [phenotype_id]
        return int(conn.execute(select(func.count(func.distinct(a.c.disease_id))).where(
            a.c.phenotype_id.in_(terms), a.c.negated.is_(False))).scalar_one())

