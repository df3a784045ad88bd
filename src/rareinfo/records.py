"""Typed records that sources yield: the only thing the source modules share.

Every record carries the name of the source it came from; the release travels once per
read as a :class:`SourceRelease` record at the head of the stream, and the knowledge base
stamps it on every fact it loads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

SynonymScope = Literal["EXACT", "BROAD", "NARROW", "RELATED"]
Aspect = Literal["P", "I", "C", "M", "H"]


@dataclass(frozen=True, slots=True)
class SourceRelease:
    """Which release of a source a stream of records comes from."""

    source: str
    version: str
    released: date | None
    location: str  # file, directory or URL the records were read from


@dataclass(frozen=True, slots=True)
class Problem:
    """A malformed record: counted and reported, never fatal."""

    source: str
    location: str  # "file:line" or "file#record"
    message: str


@dataclass(frozen=True, slots=True)
class Synonym:
    """An alternative name with its scope (EXACT, BROAD, ...) and type (layperson, ...)."""

    text: str
    scope: SynonymScope = "EXACT"
    type: str | None = None

    @property
    def is_layperson(self) -> bool:
        """True for synonyms curated as plain words for patients."""
        return self.type == "layperson"


@dataclass(frozen=True, slots=True)
class PhenotypeTerm:
    """One term of the Human Phenotype Ontology."""

    source: str
    id: str
    name: str
    definition: str | None = None
    comment: str | None = None
    synonyms: tuple[Synonym, ...] = ()
    xrefs: tuple[str, ...] = ()
    parents: tuple[str, ...] = ()
    alt_ids: tuple[str, ...] = ()
    obsolete: bool = False
    replaced_by: str | None = None
    consider: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Frequency:
    """How often a feature is seen, normalised to a fraction with a readable label.

    ``n``/``m`` keep the counts when the source gave them ("3/7"); ``term`` keeps the
    HPO frequency class (HP:0040281 ...) when the source gave one.
    """

    fraction: float | None
    label: str
    raw: str
    n: int | None = None
    m: int | None = None
    term: str | None = None


@dataclass(frozen=True, slots=True)
class Curation:
    """Who curated an annotation, and on which day."""

    curator: str
    on: date | None


@dataclass(frozen=True, slots=True)
class DiseaseRecord:
    """A disease as one source names it.

    ``parents`` are the source's classification parents (broader groups); ``categories``
    the source's own categories (GARD categories, Orphanet classification heads);
    ``translations`` are (language, name) pairs such as ("es", "Leucemia ...").
    """

    source: str
    id: str
    name: str
    synonyms: tuple[Synonym, ...] = ()
    definition: str | None = None
    xrefs: tuple[str, ...] = ()
    parents: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    translations: tuple[tuple[str, str], ...] = ()
    kind: str | None = None  # e.g. Orphanet "Disease", "Group of disorders", "Clinical subtype"
    obsolete: bool = False
    replaced_by: str | None = None


MappingPredicate = Literal["exact", "broader", "narrower", "close", "related", "xref"]


@dataclass(frozen=True, slots=True)
class DiseaseMapping:
    """A source's statement that one disease identifier relates to another.

    ``predicate`` is normalised: Orphanet E -> exact, NTBT (narrower term maps to broader
    term: the subject is narrower) -> broader, BTNT -> narrower; Mondo/SSSOM
    skos:exactMatch -> exact, oboInOwl:hasDbXref -> xref. ``relation`` keeps the source's
    own wording.
    """

    source: str
    subject_id: str
    object_id: str
    predicate: MappingPredicate
    relation: str
    justification: str | None = None


@dataclass(frozen=True, slots=True)
class Prevalence:
    """How common a disease is, as a source states it (Orphanet product 9)."""

    source: str
    disease_id: str
    type: str  # Point prevalence, Birth prevalence, Annual incidence, Cases/families, ...
    qualification: str | None = None  # Value and class, Only class, Case, Family
    prevalence_class: str | None = None  # e.g. "1-9 / 100 000"
    value: float | None = None  # mean value per 100 000 where given
    region: str | None = None  # Worldwide, Europe, ...
    validation: str | None = None  # Validated, Not yet validated
    references: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DiseaseAttribute:
    """A categorical fact about a disease from a source: age of onset, inheritance."""

    source: str
    disease_id: str
    attribute: Literal["onset", "inheritance"]
    value: str  # the source's label, e.g. "Childhood", "Autosomal recessive"
    term: str | None = None  # the equivalent HPO term where known


@dataclass(frozen=True, slots=True)
class PhenotypeAnnotation:
    """One disease-feature statement (a row of phenotype.hpoa, or its equal elsewhere)."""

    source: str
    disease_id: str
    phenotype_id: str
    aspect: Aspect = "P"
    negated: bool = False
    frequency: Frequency | None = None
    onset: str | None = None
    sex: Literal["male", "female"] | None = None
    modifiers: tuple[str, ...] = ()
    evidence: str | None = None
    references: tuple[str, ...] = ()
    curation: tuple[Curation, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class GeneAssociation:
    """A gene associated with a disease."""

    source: str
    disease_id: str
    gene_id: str  # NCBIGene:1234, or HGNC:1234 when the source gives no NCBI id
    symbol: str
    association: str | None = None  # e.g. "Disease-causing germline mutation(s) in"
    name: str | None = None
    xrefs: tuple[str, ...] = ()  # HGNC:..., OMIM:..., Ensembl:...


@dataclass(frozen=True, slots=True)
class MeshTerm:
    """A Medical Subject Heading or supplementary concept: its id (D001249, C560077) and name."""

    id: str | None
    term: str
    major: bool = False  # MEDLINE's "major topic" flag; False where the source has none


ApprovalStatus = Literal["approved", "designated"]
DesignationStatus = Literal["designated", "withdrawn"]


@dataclass(frozen=True, slots=True)
class OrphanDesignation:
    """One row of the FDA orphan drug export: a designation, and its approval if any.

    A designation approved several times (new indications, new ages) gives one record per
    approval, sharing ``designation_id``; ``key`` tells the rows apart and stays the same
    across releases of the export.
    """

    source: str
    key: str
    generic_name: str
    designation: str
    trade_name: str | None = None
    sponsor: str | None = None
    sponsor_country: str | None = None
    designated: date | None = None
    designation_status: DesignationStatus = "designated"
    withdrawn: date | None = None
    approval_status: ApprovalStatus = "designated"
    approved_indication: str | None = None
    approved: date | None = None
    exclusivity_end: date | None = None
    exclusive_indication: str | None = None
    designation_id: str | None = None  # the export's "CF Grid Key"


@dataclass(frozen=True, slots=True)
class TrialIntervention:
    """What a clinical trial gives its participants: type (DRUG, BIOLOGICAL, ...) and name."""

    type: str | None
    name: str
    other_names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ClinicalTrial:
    """A study registered at ClinicalTrials.gov (API v2 record).

    Enumerations keep the API's spelling (RECRUITING, INTERVENTIONAL, PHASE2); dates given
    as a month only ("2016-07") fall on the first of the month.
    """

    source: str
    nct_id: str
    title: str
    official_title: str | None = None
    status: str | None = None
    study_type: str | None = None
    phases: tuple[str, ...] = ()
    enrollment: int | None = None
    enrollment_type: str | None = None  # ACTUAL or ESTIMATED
    start_date: date | None = None
    completion_date: date | None = None
    last_update: date | None = None
    conditions: tuple[str, ...] = ()
    condition_mesh: tuple[MeshTerm, ...] = ()  # derivedSection.conditionBrowseModule
    keywords: tuple[str, ...] = ()
    interventions: tuple[TrialIntervention, ...] = ()
    sponsor: str | None = None
    locations: int | None = None  # None when the record carried no location module
    countries: tuple[str, ...] = ()
    summary: str | None = None
    url: str = ""


@dataclass(frozen=True, slots=True)
class Article:
    """A PubMed article, with what its abstract says about treatment and patients.

    ``abstract`` keeps the structured sections as (label, text) pairs; an unstructured
    abstract is one pair with an empty label. ``treatment`` and ``patients`` are extracted
    from the abstract, and are None when it does not state them clearly.
    """

    source: str
    pmid: str
    title: str
    journal: str | None = None
    journal_abbreviation: str | None = None
    published: date | None = None
    published_text: str | None = None  # the citation's own form: "2012 Jul 12", "1998 Dec-1999 Jan"
    abstract: tuple[tuple[str, str], ...] = ()
    mesh: tuple[MeshTerm, ...] = ()
    chemicals: tuple[MeshTerm, ...] = ()  # ChemicalList and drug supplementary concepts
    publication_types: tuple[str, ...] = ()
    doi: str | None = None
    treatment: str | None = None
    patients: int | None = None
    summary: str | None = None  # one sentence of the abstract, its conclusion where it has one


PlainCollection = Literal["GARD", "GHR", "MPlusHealthTopics", "CancerGov", "NINDS", "NIDDK",
                          "NHLBI", "CDC", "NIHSeniorHealth"]
PlainBlockKind = Literal["paragraph", "list", "heading"]


@dataclass(frozen=True, slots=True)
class PlainBlock:
    """A piece of plain-language text: a paragraph, a bulleted list or a sub-heading."""

    kind: PlainBlockKind
    text: str = ""  # the paragraph or heading; empty for a list
    items: tuple[str, ...] = ()  # the list's items; empty otherwise


@dataclass(frozen=True, slots=True)
class PlainText:
    """One section of an NIH plain-language page about one disease (one question answered).

    ``collection`` is the site the page came from (GARD, GHR, CancerGov, ...);
    ``section`` the question type (information, symptoms, causes, inheritance, ...);
    ``position`` the section's order on its page. ``credit`` keeps the institute a
    MedlinePlus summary names as its own source ("NIH: National Cancer Institute").
    """

    source: str
    collection: PlainCollection
    document_id: str
    url: str
    focus: str
    section: str
    blocks: tuple[PlainBlock, ...]
    question: str = ""
    position: int = 0
    cuis: tuple[str, ...] = ()
    gard_id: str | None = None  # GARD:0000335, from a GARD page's address
    synonyms: tuple[str, ...] = ()
    credit: str | None = None
    captured: str = ""  # when the text was taken from its site: "~2017", "2024-08-10"


Record = (
    SourceRelease
    | Problem
    | PhenotypeTerm
    | DiseaseRecord
    | PhenotypeAnnotation
    | GeneAssociation
    | DiseaseMapping
    | Prevalence
    | DiseaseAttribute
    | OrphanDesignation
    | ClinicalTrial
    | Article
    | PlainText
)
