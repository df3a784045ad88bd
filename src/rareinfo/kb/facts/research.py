"""Clinical trials and research articles, as their sources describe them."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Date, Integer, String, Table, Text

from rareinfo.kb.facts.base import Fact, FactRows, declare
from rareinfo.kb.metadata import metadata
from rareinfo.records import Article, ClinicalTrial

# A ClinicalTrials.gov study; phases and countries ";"-joined.
trial = Table(
    "trial",
    metadata,
    Column("nct_id", String(16), primary_key=True),
    Column("title", Text, nullable=False),
    Column("official_title", Text),
    Column("status", String(32)),
    Column("study_type", String(32)),
    Column("phases", Text),
    Column("enrollment", Integer),
    Column("enrollment_type", String(16)),
    Column("start_date", Date),
    Column("completion_date", Date),
    Column("last_update", Date),
    Column("sponsor", Text),
    Column("summary", Text),
    Column("url", Text, nullable=False),
    Column("source", String(32), nullable=False),
)

# The conditions a trial studies: as registered ("condition") or MeSH-indexed ("mesh").
trial_condition = Table(
    "trial_condition",
    metadata,
    Column("nct_id", String(16), nullable=False, index=True),
    Column("kind", String(16), nullable=False),  # condition | mesh
    Column("term", Text, nullable=False),
    Column("mesh_id", String(16)),
)

trial_intervention = Table(
    "trial_intervention",
    metadata,
    Column("nct_id", String(16), nullable=False, index=True),
    Column("type", String(32)),
    Column("name", Text, nullable=False),
)

# A PubMed article with what its abstract states (rareinfo.sources.abstracts).
article = Table(
    "article",
    metadata,
    Column("pmid", String(16), primary_key=True),
    Column("title", Text, nullable=False),
    Column("journal", Text),
    Column("published", Date),
    Column("published_text", String(64)),
    Column("doi", Text),
    Column("treatment", Text),
    Column("patients", Integer),
    Column("summary", Text),  # first sentence of the conclusions, else of the abstract
    Column("source", String(32), nullable=False),
)

article_mesh = Table(
    "article_mesh",
    metadata,
    Column("pmid", String(16), nullable=False, index=True),
    Column("term", Text, nullable=False),
    Column("mesh_id", String(16)),
    Column("major", Boolean, nullable=False),
)


def trial_rows(record: ClinicalTrial) -> FactRows:
    """The study, its conditions and MeSH terms, its interventions."""
    yield trial, {
        "nct_id": record.nct_id, "title": record.title, "official_title": record.official_title,
        "status": record.status, "study_type": record.study_type,
        "phases": ";".join(record.phases) or None, "enrollment": record.enrollment,
        "enrollment_type": record.enrollment_type, "start_date": record.start_date,
        "completion_date": record.completion_date, "last_update": record.last_update,
        "sponsor": record.sponsor, "summary": record.summary, "url": record.url,
        "source": record.source}
    for condition in record.conditions:
        yield trial_condition, {"nct_id": record.nct_id, "kind": "condition",
                                "term": condition, "mesh_id": None}
    for mesh in record.condition_mesh:
        yield trial_condition, {"nct_id": record.nct_id, "kind": "mesh",
                                "term": mesh.term, "mesh_id": mesh.id}
    for intervention in record.interventions:
        yield trial_intervention, {"nct_id": record.nct_id, "type": intervention.type,
                                   "name": intervention.name}


def article_rows(record: Article) -> FactRows:
    """The article with its one-sentence summary, and its MeSH terms."""
    yield article, {
        "pmid": record.pmid, "title": record.title, "journal": record.journal,
        "published": record.published, "published_text": record.published_text,
        "doi": record.doi, "treatment": record.treatment, "patients": record.patients,
        "summary": record.summary, "source": record.source}
    for mesh in record.mesh:
        yield article_mesh, {"pmid": record.pmid, "term": mesh.term, "mesh_id": mesh.id,
                             "major": mesh.major}


declare(Fact(ClinicalTrial, (trial, trial_condition, trial_intervention), trial_rows,
             lambda _: "trials"))
declare(Fact(Article, (article, article_mesh), article_rows, lambda _: "articles"))
