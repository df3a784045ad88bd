"""Domain objects the read API returns; the HTML pages and the JSON API both render these."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from rareinfo.kb.overview.models import Overview
from rareinfo.records import PlainBlock


@dataclass(frozen=True, slots=True)
class Release:
    """A source and the release of it that the snapshot holds."""

    source: str
    title: str
    version: str
    released: date | None
    homepage: str
    licence: str
    attribution: str
    loaded_at: str
    counts: dict[str, int]
    problems: int
    location: str


@dataclass(frozen=True, slots=True)
class Identifier:
    """An identifier of an entity, with a link to its issuing authority."""

    curie: str
    url: str | None
    source: str
    note: str | None = None  # e.g. "joined by name: Gilbert syndrome"


@dataclass(frozen=True, slots=True)
class TermRef:
    """A reference to an HPO term by id and name."""

    id: str
    name: str


@dataclass(frozen=True, slots=True)
class SourcedTerm:
    """An HPO term stated about a disease (inheritance, onset, course).

    One row per mode: ``source`` is the first source stating it, ``sources`` all of them.
    """

    id: str
    name: str
    source: str
    references: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SourcedFrequency:
    """How often one source says a feature occurs; ``via`` names the record it is stated for."""

    source: str
    via: str
    fraction: float | None
    label: str | None
    n: int | None
    m: int | None


@dataclass(frozen=True, slots=True)
class SymptomRow:
    """One row of a disease's symptom table: one HPO term, merged across sources.

    ``frequency`` and its label are the best-known (highest) of ``frequencies``, which
    keeps what each source says; ``sources`` are the badges.
    """

    id: str
    name: str
    lay_names: tuple[str, ...]
    other_names: tuple[str, ...]
    definition: str | None
    frequency: float | None
    frequency_label: str | None
    frequency_n: int | None
    frequency_m: int | None
    onset: TermRef | None
    sex: str | None
    modifiers: tuple[TermRef, ...]
    evidence: str | None
    references: tuple[str, ...]
    curated_on: date | None
    source: str
    frequencies: tuple[SourcedFrequency, ...] = ()
    sources: tuple[str, ...] = ()
    sources_disagree: bool = False  # the sources' figures fall in different HPO bands


@dataclass(frozen=True, slots=True)
class Gene:
    """A gene associated with a disease."""

    id: str
    symbol: str
    url: str | None
    association: str | None
    source: str


@dataclass(frozen=True, slots=True)
class Reference:
    """A publication or other reference cited by a disease's annotations."""

    curie: str
    url: str | None
    count: int  # how many annotations cite it


@dataclass(frozen=True, slots=True)
class DiseaseRef:
    """A link to another disease page, with why it is linked."""

    id: str
    name: str
    source: str
    detail: str | None = None


@dataclass(frozen=True, slots=True)
class Category:
    """A category a source puts the disease in (GARD categories, Orphanet heads)."""

    name: str
    source: str


@dataclass(frozen=True, slots=True)
class PrevalenceFact:
    """How common the disease is, as one source states it."""

    type: str
    qualification: str | None
    prevalence_class: str | None
    value: float | None
    region: str | None
    validation: str | None
    references: tuple[str, ...]
    source: str


@dataclass(frozen=True, slots=True)
class Treatment:
    """An FDA orphan designation about a disease, with its approval if it was approved.

    ``matched`` is the disease name found in the designation or approved indication;
    ``via`` the subtype page it named, when the product reaches this page as the parent.
    """

    generic_name: str
    trade_name: str | None
    sponsor: str | None
    designation: str
    designated: date | None
    approved: bool
    approved_indication: str | None
    approval_date: date | None
    matched: str
    how: str  # exact name | synonym | subtype
    via: str | None
    source: str
    release: str


@dataclass(frozen=True, slots=True)
class Product:
    """One orphan product for a page, its designations and approvals inside, by date."""

    generic_name: str
    trade_name: str | None
    sponsor: str | None
    approved: bool  # approved for this page's disease at least once
    events: tuple[Treatment, ...]  # oldest first
    source: str
    release: str


@dataclass(frozen=True, slots=True)
class Trial:
    """A clinical trial about a page, with the condition name that linked it."""

    nct_id: str
    title: str
    status: str | None
    study_type: str | None
    phases: tuple[str, ...]
    enrollment: int | None
    enrollment_type: str | None  # ACTUAL or ESTIMATED
    start_date: date | None
    url: str
    matched: str
    how: str  # exact name | synonym
    field: str  # condition | mesh
    source: str
    release: str


@dataclass(frozen=True, slots=True)
class ResearchArticle:
    """A PubMed article about a page: what it studied, on how many patients, and its finding."""

    pmid: str
    title: str
    journal: str | None
    published: date | None
    published_text: str | None
    treatment: str | None
    patients: int | None
    summary: str | None
    url: str
    matched: str
    how: str  # exact name | synonym
    field: str  # major mesh | mesh | title
    source: str
    release: str


@dataclass(frozen=True, slots=True)
class PlainPassage:
    """One source's plain-language text for one section of a page."""

    blocks: tuple[PlainBlock, ...]
    collection: str  # GARD, GHR, CancerGov, ...
    source_title: str
    url: str  # the original page
    captured: str  # when the text was taken from that page ("~2017", "2024-08-10")
    focus: str  # what the original page calls the disease
    credit: str | None = None


@dataclass(frozen=True, slots=True)
class PlainSection:
    """A "Condition 101" section (What is it?, Symptoms, ...) with its sources' texts."""

    heading: str
    anchor: str
    passages: tuple[PlainPassage, ...]


@dataclass(frozen=True, slots=True)
class PlainGroup:
    """Plain-language sections about this page, or about a form, subtype or parent of it.

    ``relation``: own | form | subtype | parent; ``heading`` names what the texts are about
    when it is not the page itself ("About childhood acute lymphoblastic leukemia, a
    subtype").
    """

    relation: str
    about_id: str
    about_name: str
    heading: str | None
    sections: tuple[PlainSection, ...]


@dataclass(frozen=True, slots=True)
class EverydaySymptom:
    """A frequent symptom in everyday words, with the medical term beside it."""

    everyday: str
    medical: str
    id: str
    frequency_label: str | None


# How many of the most frequent symptoms the everyday-words list shows.
EVERYDAY_SYMPTOMS = 10


@dataclass(frozen=True, slots=True)
class Disease:
    """Everything the knowledge base knows about one disease."""

    id: str
    name: str
    definition: str | None
    definition_source: str | None
    identifiers: tuple[Identifier, ...]
    synonyms: tuple[str, ...]
    inheritance: tuple[SourcedTerm, ...]
    onset: tuple[SourcedTerm, ...]
    clinical_course: tuple[SourcedTerm, ...]
    modifiers: tuple[SourcedTerm, ...]
    symptoms: tuple[SymptomRow, ...]
    excluded: tuple[SymptomRow, ...]
    history: tuple[SymptomRow, ...]
    genes: tuple[Gene, ...]
    references: tuple[Reference, ...]
    releases: tuple[Release, ...]
    last_curated: date | None
    links: tuple[tuple[str, str], ...] = field(default=())  # (label, url) learn-more links
    name_source: str = "hpo"
    kind: str | None = None
    spanish_name: str | None = None
    categories: tuple[Category, ...] = ()
    parents: tuple[DiseaseRef, ...] = ()
    children: tuple[DiseaseRef, ...] = ()
    same_as: tuple[DiseaseRef, ...] = ()
    prevalence: tuple[PrevalenceFact, ...] = ()
    xrefs: tuple[Identifier, ...] = ()
    treatments: tuple[Product, ...] = ()  # approved first, then designated only
    disputed_parents: tuple[DiseaseRef, ...] = ()  # one source's view, contradicted
    spanish_page: str | None = None  # GARD's page in Spanish
    trials: tuple[Trial, ...] = ()  # recruiting or active first, then newest start first
    articles: tuple[ResearchArticle, ...] = ()  # newest first
    plain: tuple[PlainGroup, ...] = ()  # own texts first, then forms, subtypes, parents
    everyday_symptoms: tuple[EverydaySymptom, ...] = ()  # see everyday_symptoms()
    sections: tuple[PageSection, ...] = ()  # added by declared facts (rareinfo.kb.facts)
    overview: Overview | None = None  # written from the facts above (kb.overview)


def everyday_symptoms(symptoms: tuple[SymptomRow, ...]) -> tuple[EverydaySymptom, ...]:
    """The most frequent symptoms, in layperson words where HPO has them."""
    return tuple(EverydaySymptom(row.lay_names[0] if row.lay_names else row.name,
                                 row.name, row.id, row.frequency_label)
                 for row in symptoms[:EVERYDAY_SYMPTOMS])


@dataclass(frozen=True, slots=True)
class PageSection:
    """A section that a declared fact adds to the page: a heading, its text, its origin.

    The page, the JSON API and ``rareinfo show`` render every such section the same way,
    so a new source's facts reach all three from their fact module alone.
    """

    key: str  # the section's anchor on the page
    title: str
    blocks: tuple[PlainBlock, ...]
    source: str  # the source name; its release is listed with the page's sources
    url: str | None = None  # the original the text comes from


@dataclass(frozen=True, slots=True)
class Resolution:
    """What an identifier names: a page (current or moved), or a retired identifier."""

    curie: str
    disease_id: str | None  # the page; None when the identifier is obsolete or retired
    status: str  # current | replaced | obsolete | retired
    note: str | None = None


@dataclass(frozen=True, slots=True)
class DiseaseWithFrequency:
    """A disease that has a given phenotype, with how often."""

    id: str
    name: str
    frequency: float | None
    frequency_label: str | None
    source: str


@dataclass(frozen=True, slots=True)
class PhenotypeSynonym:
    """A synonym of an HPO term; lay ones are marked."""

    text: str
    scope: str
    layperson: bool


@dataclass(frozen=True, slots=True)
class Phenotype:
    """Everything the knowledge base knows about one HPO term."""

    id: str
    name: str
    definition: str | None
    comment: str | None
    obsolete: bool
    replaced_by: str | None
    synonyms: tuple[PhenotypeSynonym, ...]
    xrefs: tuple[Identifier, ...]
    alt_ids: tuple[str, ...]
    parents: tuple[TermRef, ...]
    children: tuple[TermRef, ...]
    diseases: tuple[DiseaseWithFrequency, ...]
    disease_count: int
    release: Release | None


@dataclass(frozen=True, slots=True)
class Status:
    """What the knowledge base holds: the database, its sources, releases and counts."""

    database: str
    built_at: str | None
    releases: tuple[Release, ...]
    diseases: int
    phenotypes: int
    annotations: int
    problems: int
    coverage: dict[str, int] = field(default_factory=dict)
