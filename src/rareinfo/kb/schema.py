"""The knowledge-base tables (SQLAlchemy Core). One snapshot = one set of these tables.

Source facts are declared with their records in ``rareinfo.kb.facts`` and re-exported
here; this module defines the tables the build derives (pages, identifiers, links,
search entries) and its bookkeeping. Every fact row names the ``source`` it came from;
``source_release`` says which release of that source the snapshot holds, so any fact can
show its source and release.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    Float,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
)

from rareinfo.kb.facts.designations import orphan_designation
from rareinfo.kb.facts.disease_phenotypes import annotation
from rareinfo.kb.facts.diseases import disease_category, disease_name, mapping, source_disease
from rareinfo.kb.facts.epidemiology import disease_attribute, prevalence
from rareinfo.kb.facts.genes import disease_gene
from rareinfo.kb.facts.phenotypes import (
    phenotype,
    phenotype_alias,
    phenotype_parent,
    phenotype_synonym,
    phenotype_xref,
)
from rareinfo.kb.facts.plain import plain_section
from rareinfo.kb.facts.research import (
    article,
    article_mesh,
    trial,
    trial_condition,
    trial_intervention,
)
from rareinfo.kb.metadata import SCHEMA_VERSION, metadata

__all__ = [
    "SCHEMA_VERSION", "annotation", "article", "article_link", "article_mesh", "designation_link",
    "diagnosis_model", "disease", "disease_attribute", "disease_category", "disease_gene",
    "disease_identifier", "disease_link", "disease_name", "load_problem", "mapping", "metadata",
    "orphan_designation", "phenotype", "phenotype_alias", "phenotype_parent", "phenotype_synonym",
    "phenotype_xref", "plain_link", "plain_section", "prevalence", "search_entry",
    "snapshot_info", "source_disease", "source_release", "trial", "trial_condition",
    "trial_intervention", "trial_link",
]

snapshot_info = Table(
    "snapshot_info",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

# The diagnosis model of a PostgreSQL snapshot, in parts of at most 64 MB
# (rareinfo.service.model_store); an SQLite snapshot keeps it in a file beside its own.
diagnosis_model = Table(
    "diagnosis_model",
    metadata,
    Column("part", Integer, primary_key=True),
    Column("data", LargeBinary, nullable=False),
)

source_release = Table(
    "source_release",
    metadata,
    Column("source", String(32), primary_key=True),
    Column("title", Text, nullable=False),
    Column("version", String(64), nullable=False),
    Column("released", Date),
    Column("location", Text, nullable=False),
    Column("homepage", Text, nullable=False),
    Column("licence", Text, nullable=False),
    Column("attribution", Text, nullable=False),
    Column("loaded_at", String(32), nullable=False),
    Column("counts", Text, nullable=False),  # JSON: {"annotations": 271702, ...}
    Column("problems", Integer, nullable=False),
)

load_problem = Table(
    "load_problem",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source", String(32), nullable=False),
    Column("location", Text, nullable=False),
    Column("message", Text, nullable=False),
)

# A disease page: one cluster of equivalent identifiers (see rareinfo.link).
disease = Table(
    "disease",
    metadata,
    Column("id", String(64), primary_key=True),  # primary CURIE
    Column("name", Text, nullable=False),
    Column("name_source", String(32), nullable=False),
    Column("definition", Text),
    Column("definition_source", String(32)),
    Column("kind", String(64)),
    Column("spanish_name", Text),
    Column("annotation_count", Integer, nullable=False, default=0),
    Column("source", String(32), nullable=False),  # the sources describing it, ";"-joined
)

# Every identifier that names a disease, the primary one included: the URL resolver.
# status: current (a member), replaced (obsolete, redirect to its replacement),
# obsolete (retired by its source, no replacement), retired (served by an earlier build).
disease_identifier = Table(
    "disease_identifier",
    metadata,
    Column("curie", String(64), primary_key=True),
    Column("disease_id", String(64), nullable=False, index=True),
    Column("source", String(32), nullable=False),
    Column("status", String(16), nullable=False, default="current"),
    Column("note", Text),
)

# Links between pages: parent groups, subtypes, and exact statements that were not merged.
disease_link = Table(
    "disease_link",
    metadata,
    Column("id", Integer, primary_key=True),  # insertion order: stable display order
    Column("disease_id", String(64), nullable=False, index=True),
    Column("other_id", String(64), nullable=False),
    Column("relation", String(16), nullable=False),  # parent | child | same | related
    Column("source", String(32), nullable=False),
    Column("detail", Text),
)

# Which disease pages a designation is about, found by name in its designation text or
# approved indication (rareinfo.kb.treatments); "how" says how, "matched" what matched.
designation_link = Table(
    "designation_link",
    metadata,
    Column("designation_key", String(64), nullable=False, index=True),
    Column("disease_id", String(64), nullable=False, index=True),
    Column("field", String(16), nullable=False),  # designation | indication
    Column("how", String(16), nullable=False),  # exact name | synonym | subtype
    Column("matched", Text, nullable=False),
    Column("via", String(64)),  # for "subtype": the subtype page the name matched
)

# Which pages a trial or article is about, found by the designation name matcher
# (rareinfo.kb.research): "field" the text that matched, "how" exact name | synonym.
trial_link = Table(
    "trial_link",
    metadata,
    Column("nct_id", String(16), nullable=False, index=True),
    Column("disease_id", String(64), nullable=False, index=True),
    Column("field", String(16), nullable=False),  # condition | mesh
    Column("how", String(16), nullable=False),
    Column("matched", Text, nullable=False),
)

article_link = Table(
    "article_link",
    metadata,
    Column("pmid", String(16), nullable=False, index=True),
    Column("disease_id", String(64), nullable=False, index=True),
    Column("field", String(16), nullable=False),  # major mesh | mesh | title
    Column("how", String(16), nullable=False),
    Column("matched", Text, nullable=False),
)

# Which page each plain-language document is about (rareinfo.kb.plain_links): "rule" how
# it was placed, "about" the form of the disease the text is about, when not the page.
plain_link = Table(
    "plain_link",
    metadata,
    Column("document_id", String(64), nullable=False, index=True),
    Column("disease_id", String(64), nullable=False, index=True),
    Column("rule", String(16), nullable=False),
    Column("about", Text),
)

search_entry = Table(
    "search_entry",
    metadata,
    Column("kind", String(16), nullable=False),
    Column("curie", String(64), nullable=False),
    Column("label", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("field", String(16), nullable=False),
    Column("weight", Float, nullable=False),
    # rareinfo.normalize.normalize(text) (identifiers: the canonical CURIE), computed once
    # in Python so that PostgreSQL's search (rareinfo.search.pg) and the in-memory index
    # agree on every spelling; and how many distinct non-stopwords it holds.
    Column("norm", Text, nullable=False, server_default=""),
    Column("meaningful", Integer, nullable=False, server_default="0"),
)
