"""The knowledge-base tables (SQLAlchemy Core). One snapshot = one set of these tables.

Every fact row names the ``source`` it came from; ``source_release`` says which release
of that source the snapshot holds, so any fact can show its source and release.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

# Bumped whenever the tables change; a snapshot of another version must be rebuilt.
SCHEMA_VERSION = "6"

metadata = MetaData()

snapshot_info = Table(
    "snapshot_info",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
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

phenotype = Table(
    "phenotype",
    metadata,
    Column("id", String(16), primary_key=True),
    Column("name", Text, nullable=False),
    Column("definition", Text),
    Column("comment", Text),
    Column("obsolete", Boolean, nullable=False),
    Column("replaced_by", String(16)),
    Column("disease_count", Integer, nullable=False, default=0),
    Column("source", String(32), nullable=False),
)

phenotype_synonym = Table(
    "phenotype_synonym",
    metadata,
    Column("id", Integer, primary_key=True),  # insertion order: stable display order
    Column("phenotype_id", String(16), nullable=False, index=True),
    Column("text", Text, nullable=False),
    Column("scope", String(8), nullable=False),
    Column("type", String(32)),
)

phenotype_xref = Table(
    "phenotype_xref",
    metadata,
    Column("id", Integer, primary_key=True),  # insertion order: stable display order
    Column("phenotype_id", String(16), nullable=False, index=True),
    Column("xref", Text, nullable=False),
)

phenotype_parent = Table(
    "phenotype_parent",
    metadata,
    Column("child", String(16), nullable=False, index=True),
    Column("parent", String(16), nullable=False, index=True),
)

# alt_ids and "consider" pointers of obsolete terms: old id -> current id.
phenotype_alias = Table(
    "phenotype_alias",
    metadata,
    Column("alias", String(16), nullable=False, index=True),
    Column("phenotype_id", String(16), nullable=False),
    Column("relation", String(16), nullable=False),  # alt_id | consider
)

# One row per disease record of each source, before identity resolution.
source_disease = Table(
    "source_disease",
    metadata,
    Column("source", String(32), nullable=False),
    Column("id", String(64), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("definition", Text),
    Column("kind", String(64)),
    Column("obsolete", Boolean, nullable=False),
    Column("replaced_by", String(64)),
)

# Every mapping statement of every source (exact, broader, narrower, xref, ...).
mapping = Table(
    "mapping",
    metadata,
    Column("source", String(32), nullable=False),
    Column("subject", String(64), nullable=False, index=True),
    Column("object", String(64), nullable=False, index=True),
    Column("predicate", String(16), nullable=False),
    Column("relation", String(64), nullable=False),
    Column("justification", Text),
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

disease_name = Table(
    "disease_name",
    metadata,
    Column("id", Integer, primary_key=True),  # insertion order: stable display order
    Column("disease_id", String(64), index=True),
    Column("source_disease_id", String(64), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("kind", String(16), nullable=False),  # name | synonym | es
    Column("source", String(32), nullable=False),
)

disease_category = Table(
    "disease_category",
    metadata,
    Column("id", Integer, primary_key=True),  # insertion order: stable display order
    Column("disease_id", String(64), index=True),
    Column("source_disease_id", String(64), nullable=False, index=True),
    Column("category", Text, nullable=False),
    Column("source", String(32), nullable=False),
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

prevalence = Table(
    "prevalence",
    metadata,
    Column("id", Integer, primary_key=True),  # insertion order: stable display order
    Column("disease_id", String(64), index=True),
    Column("source_disease_id", String(64), nullable=False, index=True),
    Column("type", Text, nullable=False),
    Column("qualification", Text),
    Column("prevalence_class", Text),
    Column("value", Float),
    Column("region", Text),
    Column("validation", Text),
    Column("refs", Text),
    Column("source", String(32), nullable=False),
)

disease_attribute = Table(
    "disease_attribute",
    metadata,
    Column("id", Integer, primary_key=True),  # insertion order: stable display order
    Column("disease_id", String(64), index=True),
    Column("source_disease_id", String(64), nullable=False, index=True),
    Column("attribute", String(16), nullable=False),
    Column("value", Text, nullable=False),
    Column("term", String(16)),
    Column("source", String(32), nullable=False),
)

annotation = Table(
    "annotation",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("disease_id", String(64)),
    Column("source_disease_id", String(64), nullable=False, index=True),
    Column("phenotype_id", String(16), nullable=False, index=True),
    Column("aspect", String(1), nullable=False),
    Column("negated", Boolean, nullable=False),
    Column("frequency", Float),
    Column("frequency_label", Text),
    Column("frequency_raw", String(32)),
    Column("frequency_n", Integer),
    Column("frequency_m", Integer),
    Column("onset", String(16)),
    Column("sex", String(8)),
    Column("modifiers", Text),  # ";"-joined HPO ids
    Column("evidence", String(8)),
    Column("refs", Text),  # ";"-joined CURIEs
    Column("curated_on", Date),
    Column("curators", Text),
    Column("source", String(32), nullable=False),
    Index("ix_annotation_disease", "disease_id", "aspect"),
)

disease_gene = Table(
    "disease_gene",
    metadata,
    Column("id", Integer, primary_key=True),  # insertion order: stable display order
    Column("disease_id", String(64), index=True),
    Column("source_disease_id", String(64), nullable=False, index=True),
    Column("gene_id", String(32), nullable=False),
    Column("symbol", String(32), nullable=False),
    Column("name", Text),
    Column("xrefs", Text),
    Column("association", Text),
    Column("source", String(32), nullable=False),
)

# One row of the FDA orphan drug export: a designation, and its approval if any.
orphan_designation = Table(
    "orphan_designation",
    metadata,
    Column("key", String(64), nullable=False, index=True),
    Column("generic_name", Text, nullable=False),
    Column("designation", Text, nullable=False),
    Column("trade_name", Text),
    Column("sponsor", Text),
    Column("sponsor_country", Text),
    Column("designated", Date),
    Column("designation_status", String(16), nullable=False),
    Column("withdrawn", Date),
    Column("approval_status", String(16), nullable=False),
    Column("approved_indication", Text),
    Column("approved", Date),
    Column("exclusivity_end", Date),
    Column("exclusive_indication", Text),
    Column("designation_id", String(64)),
    Column("source", String(32), nullable=False),
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
