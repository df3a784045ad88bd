"""Phenotype terms of the Human Phenotype Ontology: names, synonyms, xrefs, parents, ids."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Integer,
    String,
    Table,
    Text,
    select,
)

from rareinfo.kb.facts.base import Fact, FactRows, declare
from rareinfo.kb.metadata import metadata
from rareinfo.records import PhenotypeTerm, Synonym

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


def rows(term: PhenotypeTerm) -> FactRows:
    """The term's row and the rows of its synonyms, xrefs, parents and alternative ids."""
    yield phenotype, {
        "id": term.id, "name": term.name, "definition": term.definition,
        "comment": term.comment, "obsolete": term.obsolete,
        "replaced_by": term.replaced_by, "disease_count": 0, "source": term.source,
    }
    for synonym in term.synonyms:
        yield phenotype_synonym, {"phenotype_id": term.id, "text": synonym.text,
                                  "scope": synonym.scope, "type": synonym.type}
    for xref in term.xrefs:
        yield phenotype_xref, {"phenotype_id": term.id, "xref": xref}
    for parent in term.parents:
        yield phenotype_parent, {"child": term.id, "parent": parent}
    for alias in term.alt_ids:
        yield phenotype_alias, {"alias": alias, "phenotype_id": term.id, "relation": "alt_id"}


def read_terms(conn: Connection) -> Iterator[PhenotypeTerm]:
    """Every term of a snapshot as the record it was loaded from."""
    parents: dict[str, list[str]] = defaultdict(list)
    for link in conn.execute(select(phenotype_parent.c.child, phenotype_parent.c.parent)):
        parents[link.child].append(link.parent)
    synonyms: dict[str, list[Synonym]] = defaultdict(list)
    syn = phenotype_synonym
    for name in conn.execute(select(syn.c.phenotype_id, syn.c.text, syn.c.scope, syn.c.type)):
        synonyms[name.phenotype_id].append(Synonym(name.text, name.scope, name.type))
    xrefs: dict[str, list[str]] = defaultdict(list)
    for xref in conn.execute(select(phenotype_xref.c.phenotype_id, phenotype_xref.c.xref)):
        xrefs[xref.phenotype_id].append(xref.xref)
    alt_ids: dict[str, list[str]] = defaultdict(list)
    alias = phenotype_alias
    for alt in conn.execute(select(alias.c.alias, alias.c.phenotype_id)
                            .where(alias.c.relation == "alt_id")):
        alt_ids[alt.phenotype_id].append(alt.alias)
    for row in conn.execute(select(phenotype)):
        yield PhenotypeTerm(
            source=row.source, id=row.id, name=row.name, definition=row.definition,
            comment=row.comment, synonyms=tuple(synonyms[row.id]), xrefs=tuple(xrefs[row.id]),
            parents=tuple(parents[row.id]), alt_ids=tuple(alt_ids[row.id]),
            obsolete=bool(row.obsolete), replaced_by=row.replaced_by,
        )


declare(Fact(PhenotypeTerm, (phenotype, phenotype_synonym, phenotype_xref, phenotype_parent,
                             phenotype_alias), rows, lambda _: "phenotype terms"))
