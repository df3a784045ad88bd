"""Domain objects the read API returns; the HTML pages and the JSON API both render these."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


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


@dataclass(frozen=True, slots=True)
class TermRef:
    """A reference to an HPO term by id and name."""

    id: str
    name: str


@dataclass(frozen=True, slots=True)
class SourcedTerm:
    """An HPO term stated about a disease by a source (inheritance, onset, course)."""

    id: str
    name: str
    source: str
    references: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SymptomRow:
    """One row of a disease's symptom table."""

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
