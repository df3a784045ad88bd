"""Association rows, mappings, resolutions and genes, as clients receive them.

Each model is built field by field from its ``kb.associations`` or ``kb.mappings``
dataclass by one function below; a page of rows carries ``total``, ``offset``, ``limit``
and the absolute ``next`` link (null on the last page).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from rareinfo.kb import associations as kb
from rareinfo.kb import mappings as kbm

Aspect = Literal["P", "I", "C", "M", "H"]
FrequencyTermId = Literal["HP:0040280", "HP:0040281", "HP:0040282", "HP:0040283",
                          "HP:0040284", "HP:0040285"]


class FrequencyTerm(BaseModel):
    """A frequency as HPO's frequency term (HP:0040279's children), with n of m if counted."""

    id: FrequencyTermId | None = Field(description="HPO frequency term the fraction falls in")
    label: str | None
    n: int | None = Field(description="patients with the feature, when the source counted")
    m: int | None = Field(description="patients examined, when the source counted")
    fraction: float | None = Field(description="0..1; the middle of the term's range if given"
                                               " as a term")
    as_stated: str = Field(description="the source's own value: an HPO id, n/m, a percentage"
                                       " or an Orphanet label")


class PhenotypeAssociation(BaseModel):
    """One source record's statement that a disease has (or, if negated, lacks) a feature."""

    disease_id: str = Field(description="the page (primary id) the record belongs to")
    disease_name: str
    source_record: str = Field(description="the record that states it (OMIM:..., ORPHA:...)")
    phenotype_id: str
    phenotype_name: str
    aspect: Aspect = Field(
        description="P phenotype, I inheritance, C onset/course, M modifier, H past history")
    negated: bool
    frequency: FrequencyTerm | None
    onset: str | None = Field(description="HPO onset term, when the record states one")
    sex: str | None
    evidence: str | None = Field(description="HPO evidence code: IEA, PCS or TAS")
    evidence_label: str | None
    references: list[str]
    source: str
    release: str | None


class GeneAssociation(BaseModel):
    """One source record's statement linking a disease and a gene."""

    disease_id: str
    disease_name: str
    source_record: str
    gene_id: str = Field(description="as the source states it: NCBIGene (HPO) or HGNC "
                                     "(Orphanet)")
    symbol: str
    gene_name: str | None
    gene_xrefs: list[str]
    association: str | None = Field(description="Orphanet's association type, when given")
    source: str
    release: str | None


TrialStatus = Literal["ACTIVE_NOT_RECRUITING", "COMPLETED", "ENROLLING_BY_INVITATION",
                      "NOT_YET_RECRUITING", "RECRUITING", "SUSPENDED", "TERMINATED",
                      "WITHDRAWN", "AVAILABLE", "NO_LONGER_AVAILABLE",
                      "TEMPORARILY_NOT_AVAILABLE", "APPROVED_FOR_MARKETING", "WITHHELD",
                      "UNKNOWN"]
TrialPhase = Literal["EARLY_PHASE1", "PHASE1", "PHASE2", "PHASE3", "PHASE4", "NA"]


class TrialAssociation(BaseModel):
    """A ClinicalTrials.gov study linked to the page, and the condition name that linked it."""

    disease_id: str
    nct_id: str
    title: str
    status: str | None = Field(description="ClinicalTrials.gov overall status")
    study_type: str | None
    phases: list[str]
    enrollment: int | None
    start_date: date | None
    url: str
    matched: str
    how: str
    source: str
    release: str | None


class TreatmentAssociation(BaseModel):
    """An FDA orphan designation linked to the page, with its approval if approved."""

    disease_id: str
    generic_name: str
    trade_name: str | None
    sponsor: str | None
    designation: str
    designated: date | None
    designation_status: Literal["designated", "withdrawn"]
    approval_status: Literal["approved", "designated"]
    approved_indication: str | None
    approved: date | None
    matched: str
    how: str
    source: str
    release: str | None


class PageOf(BaseModel):
    """Paging fields shared by every list."""

    total: int = Field(description="rows matching in all")
    offset: int
    limit: int
    next: str | None = Field(description="absolute URL of the next page; null on the last")


class PhenotypeAssociations(PageOf):
    """A page of disease-phenotype rows."""

    diseases: int | None = Field(None, description="distinct pages among all matching rows "
                                                   "(phenotype listings only)")
    results: list[PhenotypeAssociation]


class GeneAssociations(PageOf):
    """A page of disease-gene rows."""

    results: list[GeneAssociation]


class TrialAssociations(PageOf):
    """A page of trials."""

    results: list[TrialAssociation]


class TreatmentAssociations(PageOf):
    """A page of orphan designations."""

    results: list[TreatmentAssociation]


class Mapping(BaseModel):
    """One mapping in SSSOM's fields, with the page of each side."""

    subject_id: str
    predicate_id: Literal["skos:exactMatch", "skos:broadMatch", "skos:narrowMatch",
                          "skos:closeMatch", "skos:relatedMatch", "oboInOwl:hasDbXref",
                          "oboInOwl:consider"]
    object_id: str
    mapping_justification: str = Field(description="a SEMAPV term")
    source: str
    source_release: str | None
    source_relation: str = Field(description="as the source states it (Orphanet E, BTNT, "
                                             "NTBT; Mondo skos:exactMatch ...)")
    subject_page: str | None
    object_page: str | None


class Mappings(BaseModel):
    """The mappings of the identifiers asked about."""

    results: list[Mapping]


class ResolveRequest(BaseModel):
    """Identifiers to resolve to pages, in any accepted form."""

    ids: list[str] = Field(min_length=1, max_length=1000,
                           examples=[["OMIM:154700", "ORPHA:558", "GARD:0000522"]])


class Resolved(BaseModel):
    """What one identifier names."""

    input: str
    curie: str | None
    page_id: str | None
    name: str | None
    status: Literal["current", "replaced", "obsolete", "retired", "unknown", "malformed"]
    url: str | None = Field(description="absolute URL of the page's JSON, when it has one")


class ResolveResponse(BaseModel):
    """One answer per identifier, in the order given."""

    results: list[Resolved]


class GeneDisease(BaseModel):
    """A page the gene is linked to, with the records that say so."""

    disease_id: str
    disease_name: str
    source_records: list[str]
    sources: list[str]


class GeneResource(BaseModel):
    """A gene: its HGNC id (NCBI Gene id when HGNC is unknown), symbol and diseases."""

    id: str
    symbol: str
    name: str | None
    identifiers: list[str]
    diseases: list[GeneDisease]


def frequency_term_of(f: kb.FrequencyTerm) -> FrequencyTerm:
    """A frequency for clients."""
    return FrequencyTerm(id=f.id, label=f.label, n=f.n, m=f.m,  # type: ignore[arg-type]
                         fraction=f.fraction, as_stated=f.as_stated)


def phenotype_association_of(a: kb.PhenotypeAssociation) -> PhenotypeAssociation:
    """An annotation row for clients."""
    return PhenotypeAssociation(
        disease_id=a.disease_id, disease_name=a.disease_name, source_record=a.source_record,
        phenotype_id=a.phenotype_id, phenotype_name=a.phenotype_name,
        aspect=a.aspect, negated=a.negated,  # type: ignore[arg-type]
        frequency=frequency_term_of(a.frequency) if a.frequency else None, onset=a.onset,
        sex=a.sex, evidence=a.evidence, evidence_label=a.evidence_label,
        references=list(a.references), source=a.source, release=a.release)


def gene_association_of(a: kb.GeneAssociation) -> GeneAssociation:
    """A disease-gene row for clients."""
    return GeneAssociation(
        disease_id=a.disease_id, disease_name=a.disease_name, source_record=a.source_record,
        gene_id=a.gene_id, symbol=a.symbol, gene_name=a.gene_name,
        gene_xrefs=list(a.gene_xrefs), association=a.association, source=a.source,
        release=a.release)


def trial_association_of(t: kb.TrialAssociation) -> TrialAssociation:
    """A trial row for clients."""
    return TrialAssociation(
        disease_id=t.disease_id, nct_id=t.nct_id, title=t.title, status=t.status,
        study_type=t.study_type, phases=list(t.phases), enrollment=t.enrollment,
        start_date=t.start_date, url=t.url, matched=t.matched, how=t.how, source=t.source,
        release=t.release)


def treatment_association_of(t: kb.TreatmentAssociation) -> TreatmentAssociation:
    """An orphan designation row for clients."""
    return TreatmentAssociation(
        disease_id=t.disease_id, generic_name=t.generic_name, trade_name=t.trade_name,
        sponsor=t.sponsor, designation=t.designation, designated=t.designated,
        designation_status=t.designation_status,  # type: ignore[arg-type]
        approval_status=t.approval_status,  # type: ignore[arg-type]
        approved_indication=t.approved_indication, approved=t.approved, matched=t.matched,
        how=t.how, source=t.source, release=t.release)


def mapping_of(m: kbm.Mapping) -> Mapping:
    """A mapping for clients."""
    return Mapping(subject_id=m.subject_id,
                   predicate_id=m.predicate_id,  # type: ignore[arg-type]
                   object_id=m.object_id, mapping_justification=m.mapping_justification,
                   source=m.source, source_release=m.source_release,
                   source_relation=m.source_relation, subject_page=m.subject_page,
                   object_page=m.object_page)


def resolved_of(r: kbm.Resolved, base_url: str) -> Resolved:
    """A resolution for clients, with the absolute URL of the page."""
    return Resolved(input=r.input, curie=r.curie, page_id=r.page_id, name=r.name,
                    status=r.status,  # type: ignore[arg-type]
                    url=f"{base_url}api/v1/diseases/{r.page_id}" if r.page_id else None)


def gene_of(g: kbm.GeneEntity) -> GeneResource:
    """A gene for clients."""
    return GeneResource(id=g.id, symbol=g.symbol, name=g.name, identifiers=list(g.identifiers),
                diseases=[GeneDisease(disease_id=d.disease_id, disease_name=d.disease_name,
                                      source_records=list(d.source_records),
                                      sources=list(d.sources)) for d in g.diseases])
