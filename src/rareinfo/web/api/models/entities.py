"""Diseases, phenotypes and the knowledge base's status, as clients receive them.

Each model is built field by field from its ``kb.models`` dataclass by one function below
(``disease_of``, ``phenotype_of``, ``status_of``, ...).
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from rareinfo.kb import models as kb
from rareinfo.records import PlainBlockKind
from rareinfo.web.api.models.overview import Overview, overview_of


class Release(BaseModel):
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
    location: str | None = Field(description="the public address the release was read from;"
                                             " null when read from a local copy")


class Identifier(BaseModel):
    """An identifier of an entity, with a link to its issuing authority."""

    curie: str
    url: str | None
    source: str
    note: str | None = None  # e.g. "joined by name: Gilbert syndrome"


class TermRef(BaseModel):
    """A reference to an HPO term by id and name."""

    id: str
    name: str


class SourcedTerm(BaseModel):
    """An HPO term stated about a disease (inheritance, onset, course).

    One row per mode: ``source`` is the first source stating it, ``sources`` all of them.
    """

    id: str
    name: str
    source: str
    references: list[str] = []
    sources: list[str] = []


class SourcedFrequency(BaseModel):
    """How often one source says a feature occurs; ``via`` names the record it is stated for."""

    source: str
    via: str
    fraction: float | None
    label: str | None
    n: int | None
    m: int | None


class SymptomRow(BaseModel):
    """One row of a disease's symptom table: one HPO term, merged across sources.

    ``frequency`` and its label are the best-known (highest) of ``frequencies``, which
    keeps what each source says; ``sources`` are the badges.
    """

    id: str
    name: str
    lay_names: list[str]
    other_names: list[str]
    definition: str | None
    frequency: float | None
    frequency_label: str | None
    frequency_n: int | None
    frequency_m: int | None
    onset: TermRef | None
    sex: str | None
    modifiers: list[TermRef]
    evidence: str | None
    references: list[str]
    curated_on: date | None
    source: str
    frequencies: list[SourcedFrequency] = []
    sources: list[str] = []
    sources_disagree: bool = False  # the sources' figures fall in different HPO bands


class Gene(BaseModel):
    """A gene associated with a disease."""

    id: str
    symbol: str
    url: str | None
    association: str | None
    source: str


class Reference(BaseModel):
    """A publication or other reference cited by a disease's annotations."""

    curie: str
    url: str | None
    count: int


class DiseaseRef(BaseModel):
    """A link to another disease page, with why it is linked."""

    id: str
    name: str
    source: str
    detail: str | None = None


class Category(BaseModel):
    """A category a source puts the disease in (GARD categories, Orphanet heads)."""

    name: str
    source: str


class PrevalenceFact(BaseModel):
    """How common the disease is, as one source states it."""

    type: str
    qualification: str | None
    prevalence_class: str | None
    value: float | None
    region: str | None
    validation: str | None
    references: list[str]
    source: str


class Treatment(BaseModel):
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
    how: str
    via: str | None
    source: str
    release: str


class Product(BaseModel):
    """One orphan product for a page, its designations and approvals inside, by date."""

    generic_name: str
    trade_name: str | None
    sponsor: str | None
    approved: bool  # approved for this page's disease at least once
    events: list[Treatment]  # oldest first
    source: str
    release: str


class Trial(BaseModel):
    """A clinical trial about a page, with the condition name that linked it."""

    nct_id: str
    title: str
    status: str | None
    study_type: str | None
    phases: list[str]
    enrollment: int | None
    enrollment_type: str | None
    start_date: date | None
    url: str
    matched: str
    how: str
    field: str
    source: str
    release: str


class ResearchArticle(BaseModel):
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
    how: str
    field: str
    source: str
    release: str


class PlainBlock(BaseModel):
    """A piece of plain-language text: a paragraph, a bulleted list or a sub-heading."""

    kind: PlainBlockKind
    text: str = ""
    items: list[str] = []


class PlainPassage(BaseModel):
    """One source's plain-language text for one section of a page."""

    blocks: list[PlainBlock]
    collection: str
    source_title: str
    url: str
    captured: str
    focus: str
    credit: str | None = None


class PlainSection(BaseModel):
    """A "Condition 101" section (What is it?, Symptoms, ...) with its sources' texts."""

    heading: str
    anchor: str
    passages: list[PlainPassage]


class PageSection(BaseModel):
    """A section a source's facts add to the page: heading, text and where it came from."""

    key: str
    title: str
    blocks: list[PlainBlock]
    source: str
    url: str | None = None


class PlainGroup(BaseModel):
    """Plain-language sections about this page, or about a form, subtype or parent of it.

    ``relation``: own | form | subtype | parent; ``heading`` names what the texts are about
    when it is not the page itself ("About childhood acute lymphoblastic leukemia, a
    subtype").
    """

    relation: str
    about_id: str
    about_name: str
    heading: str | None
    sections: list[PlainSection]


class EverydaySymptom(BaseModel):
    """A frequent symptom in everyday words, with the medical term beside it."""

    everyday: str
    medical: str
    id: str
    frequency_label: str | None


class Disease(BaseModel):
    """Everything the knowledge base knows about one disease."""

    id: str
    name: str
    definition: str | None
    definition_source: str | None
    identifiers: list[Identifier]
    synonyms: list[str]
    inheritance: list[SourcedTerm]
    onset: list[SourcedTerm]
    clinical_course: list[SourcedTerm]
    modifiers: list[SourcedTerm]
    symptoms: list[SymptomRow]
    excluded: list[SymptomRow]
    history: list[SymptomRow]
    genes: list[Gene]
    references: list[Reference]
    releases: list[Release]
    last_curated: date | None
    links: list[tuple[str, str]] = []  # (label, url) learn-more links
    name_source: str = "hpo"
    kind: str | None = None
    spanish_name: str | None = None
    categories: list[Category] = []
    parents: list[DiseaseRef] = []
    children: list[DiseaseRef] = []
    same_as: list[DiseaseRef] = []
    prevalence: list[PrevalenceFact] = []
    xrefs: list[Identifier] = []
    treatments: list[Product] = []  # approved first, then designated only
    disputed_parents: list[DiseaseRef] = []  # one source's view, contradicted
    spanish_page: str | None = None  # GARD's page in Spanish
    trials: list[Trial] = []  # recruiting or active first, then newest start first
    articles: list[ResearchArticle] = []  # newest first
    plain: list[PlainGroup] = []  # own texts first, then forms, subtypes, parents
    everyday_symptoms: list[EverydaySymptom] = []
    sections: list[PageSection] = []  # added by sources' facts; same shape for every source
    overview: Overview | None = None  # written from the facts above, each with its facts


class DiseaseWithFrequency(BaseModel):
    """A disease that has a given phenotype, with how often."""

    id: str
    name: str
    frequency: float | None
    frequency_label: str | None
    source: str


class PhenotypeSynonym(BaseModel):
    """A synonym of an HPO term; lay ones are marked."""

    text: str
    scope: str
    layperson: bool


class Phenotype(BaseModel):
    """Everything the knowledge base knows about one HPO term."""

    id: str
    name: str
    definition: str | None
    comment: str | None
    obsolete: bool
    replaced_by: str | None
    synonyms: list[PhenotypeSynonym]
    xrefs: list[Identifier]
    alt_ids: list[str]
    parents: list[TermRef]
    children: list[TermRef]
    diseases: list[DiseaseWithFrequency]
    disease_count: int
    release: Release | None


class Status(BaseModel):
    """What the knowledge base holds: the database, its sources, releases and counts."""

    database: str = Field(description="the kind of database: sqlite or postgresql")
    built_at: str | None
    releases: list[Release]
    diseases: int
    phenotypes: int
    annotations: int
    problems: int
    coverage: dict[str, int] = Field(default_factory=dict)


# -- conversions from the knowledge base's domain objects --

def release_of(r: kb.Release) -> Release:
    """A source release for clients."""
    return Release(source=r.source, title=r.title, version=r.version, released=r.released,
                   homepage=r.homepage, licence=r.licence, attribution=r.attribution,
                   loaded_at=r.loaded_at, counts=dict(r.counts), problems=r.problems,
                   location=public_location(r.location))


def public_location(location: str) -> str | None:
    """Where a release was read from, when that is a public address; a file path on the
    server says nothing useful to a client and tells an attacker the layout, so it is None."""
    return location if location.startswith(("https://", "http://", "ftp://")) else None


def public_database(database: str) -> str:
    """The kind of database only ("sqlite", "postgresql"): never its host, path or user."""
    return database.split(":", 1)[0].split("+", 1)[0]


def identifier_of(i: kb.Identifier) -> Identifier:
    """An identifier with its link."""
    return Identifier(curie=i.curie, url=i.url, source=i.source, note=i.note)


def term_ref_of(t: kb.TermRef) -> TermRef:
    """A reference to an HPO term."""
    return TermRef(id=t.id, name=t.name)


def sourced_term_of(t: kb.SourcedTerm) -> SourcedTerm:
    """An HPO term a source states about a disease."""
    return SourcedTerm(id=t.id, name=t.name, source=t.source, references=list(t.references),
                       sources=list(t.sources))


def sourced_frequency_of(f: kb.SourcedFrequency) -> SourcedFrequency:
    """One source's frequency of a feature."""
    return SourcedFrequency(source=f.source, via=f.via, fraction=f.fraction, label=f.label,
                            n=f.n, m=f.m)


def symptom_row_of(s: kb.SymptomRow) -> SymptomRow:
    """One row of the symptom table."""
    return SymptomRow(
        id=s.id, name=s.name, lay_names=list(s.lay_names), other_names=list(s.other_names),
        definition=s.definition, frequency=s.frequency, frequency_label=s.frequency_label,
        frequency_n=s.frequency_n, frequency_m=s.frequency_m,
        onset=term_ref_of(s.onset) if s.onset is not None else None, sex=s.sex,
        modifiers=[term_ref_of(m) for m in s.modifiers], evidence=s.evidence,
        references=list(s.references), curated_on=s.curated_on, source=s.source,
        frequencies=[sourced_frequency_of(f) for f in s.frequencies],
        sources=list(s.sources), sources_disagree=s.sources_disagree)


def gene_of(g: kb.Gene) -> Gene:
    """A gene of a disease."""
    return Gene(id=g.id, symbol=g.symbol, url=g.url, association=g.association,
                source=g.source)


def reference_of(r: kb.Reference) -> Reference:
    """A cited reference."""
    return Reference(curie=r.curie, url=r.url, count=r.count)


def disease_ref_of(d: kb.DiseaseRef) -> DiseaseRef:
    """A link to another disease."""
    return DiseaseRef(id=d.id, name=d.name, source=d.source, detail=d.detail)


def category_of(c: kb.Category) -> Category:
    """A category of a disease."""
    return Category(name=c.name, source=c.source)


def prevalence_of(p: kb.PrevalenceFact) -> PrevalenceFact:
    """How common a disease is, per one source."""
    return PrevalenceFact(type=p.type, qualification=p.qualification,
                          prevalence_class=p.prevalence_class, value=p.value,
                          region=p.region, validation=p.validation,
                          references=list(p.references), source=p.source)


def treatment_of(t: kb.Treatment) -> Treatment:
    """An orphan designation (and approval) for a disease."""
    return Treatment(generic_name=t.generic_name, trade_name=t.trade_name, sponsor=t.sponsor,
                     designation=t.designation, designated=t.designated,
                     approved=t.approved, approved_indication=t.approved_indication,
                     approval_date=t.approval_date, matched=t.matched, how=t.how,
                     via=t.via, source=t.source, release=t.release)


def product_of(p: kb.Product) -> Product:
    """One orphan product with its designations and approvals by date."""
    return Product(generic_name=p.generic_name, trade_name=p.trade_name, sponsor=p.sponsor,
                   approved=p.approved, events=[treatment_of(t) for t in p.events],
                   source=p.source, release=p.release)


def trial_of(t: kb.Trial) -> Trial:
    """A clinical trial of a disease."""
    return Trial(nct_id=t.nct_id, title=t.title, status=t.status, study_type=t.study_type,
                 phases=list(t.phases), enrollment=t.enrollment,
                 enrollment_type=t.enrollment_type, start_date=t.start_date, url=t.url,
                 matched=t.matched, how=t.how, field=t.field, source=t.source,
                 release=t.release)


def article_of(a: kb.ResearchArticle) -> ResearchArticle:
    """A research article about a disease."""
    return ResearchArticle(pmid=a.pmid, title=a.title, journal=a.journal,
                           published=a.published, published_text=a.published_text,
                           treatment=a.treatment, patients=a.patients, summary=a.summary,
                           url=a.url, matched=a.matched, how=a.how, field=a.field,
                           source=a.source, release=a.release)


def page_section_of(s: kb.PageSection) -> PageSection:
    """A section a fact adds to the page."""
    return PageSection(key=s.key, title=s.title, source=s.source, url=s.url,
                       blocks=[PlainBlock(kind=b.kind, text=b.text, items=list(b.items))
                               for b in s.blocks])


def plain_group_of(g: kb.PlainGroup) -> PlainGroup:
    """Plain-language sections about a page or a relative of it."""
    return PlainGroup(
        relation=g.relation, about_id=g.about_id, about_name=g.about_name, heading=g.heading,
        sections=[PlainSection(
            heading=s.heading, anchor=s.anchor,
            passages=[PlainPassage(
                blocks=[PlainBlock(kind=b.kind, text=b.text, items=list(b.items))
                        for b in p.blocks],
                collection=p.collection, source_title=p.source_title, url=p.url,
                captured=p.captured, focus=p.focus, credit=p.credit)
                for p in s.passages])
            for s in g.sections])


def everyday_symptom_of(e: kb.EverydaySymptom) -> EverydaySymptom:
    """A frequent symptom in everyday words."""
    return EverydaySymptom(everyday=e.everyday, medical=e.medical, id=e.id,
                           frequency_label=e.frequency_label)


def disease_of(d: kb.Disease) -> Disease:
    """Everything about a disease, as clients receive it."""
    return Disease(
        id=d.id, name=d.name, definition=d.definition, definition_source=d.definition_source,
        identifiers=[identifier_of(i) for i in d.identifiers], synonyms=list(d.synonyms),
        inheritance=[sourced_term_of(t) for t in d.inheritance],
        onset=[sourced_term_of(t) for t in d.onset],
        clinical_course=[sourced_term_of(t) for t in d.clinical_course],
        modifiers=[sourced_term_of(t) for t in d.modifiers],
        symptoms=[symptom_row_of(s) for s in d.symptoms],
        excluded=[symptom_row_of(s) for s in d.excluded],
        history=[symptom_row_of(s) for s in d.history],
        genes=[gene_of(g) for g in d.genes], references=[reference_of(r) for r in d.references],
        releases=[release_of(r) for r in d.releases], last_curated=d.last_curated,
        links=[(label, url) for label, url in d.links], name_source=d.name_source,
        kind=d.kind, spanish_name=d.spanish_name,
        categories=[category_of(c) for c in d.categories],
        parents=[disease_ref_of(r) for r in d.parents],
        children=[disease_ref_of(r) for r in d.children],
        same_as=[disease_ref_of(r) for r in d.same_as],
        prevalence=[prevalence_of(p) for p in d.prevalence],
        xrefs=[identifier_of(i) for i in d.xrefs],
        treatments=[product_of(p) for p in d.treatments],
        disputed_parents=[disease_ref_of(r) for r in d.disputed_parents],
        spanish_page=d.spanish_page,
        trials=[trial_of(t) for t in d.trials], articles=[article_of(a) for a in d.articles],
        plain=[plain_group_of(g) for g in d.plain],
        everyday_symptoms=[everyday_symptom_of(e) for e in d.everyday_symptoms],
        sections=[page_section_of(s) for s in d.sections],
        overview=overview_of(d.overview) if d.overview else None)


def phenotype_of(p: kb.Phenotype) -> Phenotype:
    """Everything about an HPO term, as clients receive it."""
    return Phenotype(
        id=p.id, name=p.name, definition=p.definition, comment=p.comment,
        obsolete=p.obsolete, replaced_by=p.replaced_by,
        synonyms=[PhenotypeSynonym(text=s.text, scope=s.scope, layperson=s.layperson)
                  for s in p.synonyms],
        xrefs=[identifier_of(i) for i in p.xrefs], alt_ids=list(p.alt_ids),
        parents=[term_ref_of(t) for t in p.parents],
        children=[term_ref_of(t) for t in p.children],
        diseases=[DiseaseWithFrequency(id=d.id, name=d.name, frequency=d.frequency,
                                       frequency_label=d.frequency_label, source=d.source)
                  for d in p.diseases],
        disease_count=p.disease_count,
        release=release_of(p.release) if p.release is not None else None)


def status_of(s: kb.Status) -> Status:
    """What the knowledge base holds, as clients receive it."""
    return Status(database=public_database(s.database), built_at=s.built_at,
                  releases=[release_of(r) for r in s.releases], diseases=s.diseases,
                  phenotypes=s.phenotypes, annotations=s.annotations, problems=s.problems,
                  coverage=dict(s.coverage))

