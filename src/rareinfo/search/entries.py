"""Search entries: the one place that decides what makes an entity findable.

After a build has loaded its facts, :func:`write_search_entries` derives one row per
findable text (a disease's names, synonyms and identifiers; a phenotype's name, synonyms,
layperson synonyms, the everyday words of ``rareinfo.lexicon`` and alternative ids; a
gene's symbol, name, HGNC, NCBI Gene and OMIM ids) into
the snapshot's ``search_entry`` table, with the normalised text both searchers match
against. :func:`read_entries` hands them to the
in-memory searcher.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, Engine, select

from rareinfo.kb import schema, snapshots
from rareinfo.lexicon import everyday_phrases
from rareinfo.search import pg
from rareinfo.search.base import SearchEntry
from rareinfo.search.plain_text import index_plain_texts
from rareinfo.search.ranking import normalized_entry

BATCH = 5000


def write_search_entries(engine: Engine) -> None:
    """Derive the search entries of a freshly loaded snapshot, PostgreSQL's indexes and the
    full-text index of the plain-language texts."""
    # Read everything before writing: SQLite allows no writer while a reader is open.
    rows = list(_search_rows(engine))
    for start in range(0, len(rows), BATCH):
        snapshots.copy_rows(engine, schema.search_entry, rows[start:start + BATCH])
    if engine.dialect.name == "postgresql":
        pg.create_search_indexes(engine)
    index_plain_texts(engine)


def read_entries(engine: Engine) -> Iterator[SearchEntry]:
    """Every findable name, synonym and identifier of a snapshot, for the in-memory index."""
    s = schema.search_entry
    with engine.connect() as conn:
        for row in conn.execute(select(s.c.kind, s.c.curie, s.c.label, s.c.text,
                                       s.c.field, s.c.weight)):
            yield SearchEntry(row.kind, row.curie, row.label, row.text, row.field,
                              float(row.weight))


def _search_rows(engine: Engine) -> Iterator[dict[str, Any]]:
    d, names, ids = schema.disease, schema.disease_name, schema.disease_identifier
    p, syn, alias = schema.phenotype, schema.phenotype_synonym, schema.phenotype_alias
    with engine.connect() as conn:
        diseases = {
            row.id: (row.name, math.log1p(row.annotation_count))
            for row in conn.execute(select(d.c.id, d.c.name, d.c.annotation_count))
        }
        for name in conn.execute(select(names.c.disease_id, names.c.name, names.c.kind)
                                 .where(names.c.disease_id.is_not(None))):
            label, weight = diseases[name.disease_id]
            field_ = "name" if name.kind == "name" else "synonym"
            text_ = name.name
            if name.kind == "es-page":  # "13227/sindrome-de-gilbert": its words find it
                text_ = " ".join(name.name.partition("/")[2].split("-"))
            yield _entry("disease", name.disease_id, label, text_, field_, weight)
        for ident in conn.execute(select(ids.c.curie, ids.c.disease_id)
                                  .where(ids.c.status.in_(("current", "replaced")))):
            if ident.disease_id in diseases:
                label, weight = diseases[ident.disease_id]
                yield _entry("disease", ident.disease_id, label, ident.curie, "identifier",
                             weight)
        phenotypes = {
            row.id: (row.name, math.log1p(row.disease_count))
            for row in conn.execute(
                select(p.c.id, p.c.name, p.c.disease_count).where(p.c.obsolete.is_(False))
            )
        }
        for term_id, (label, weight) in phenotypes.items():
            yield _entry("phenotype", term_id, label, label, "name", weight)
            yield _entry("phenotype", term_id, label, term_id, "identifier", weight)
        for synonym in conn.execute(select(syn.c.phenotype_id, syn.c.text, syn.c.type)):
            if synonym.phenotype_id in phenotypes and synonym.type != "obsolete_synonym":
                label, weight = phenotypes[synonym.phenotype_id]
                kind = "layperson" if synonym.type == "layperson" else "synonym"
                yield _entry("phenotype", synonym.phenotype_id, label, synonym.text, kind, weight)
        for old in conn.execute(select(alias.c.alias, alias.c.phenotype_id)):
            if old.phenotype_id in phenotypes:
                label, weight = phenotypes[old.phenotype_id]
                yield _entry("phenotype", old.phenotype_id, label, old.alias, "identifier", weight)
        yield from _everyday_rows(phenotypes)
        yield from _gene_rows(conn)


def _gene_rows(conn: Connection) -> Iterator[dict[str, Any]]:
    """A gene is found by its symbol, its name and every id a source gives it; it is named
    by its HGNC id where a source gives one (the gene resource's primary id)."""
    g = schema.disease_gene
    genes: dict[str, tuple[set[str], set[str], set[str]]] = {}
    for row in conn.execute(select(g.c.symbol, g.c.gene_id, g.c.xrefs, g.c.name,
                                   g.c.disease_id)):
        ids, names, pages = genes.setdefault(row.symbol, (set(), set(), set()))
        ids.add(row.gene_id)
        ids.update(row.xrefs.split(";") if row.xrefs else ())
        if row.name:
            names.add(row.name)
        if row.disease_id:
            pages.add(row.disease_id)
    for symbol, (ids, names, pages) in sorted(genes.items()):
        primary = min((i for i in ids if i.startswith("HGNC:")), default=min(ids))
        weight = math.log1p(len(pages))
        yield _entry("gene", primary, symbol, symbol, "name", weight)
        for name in sorted(names):
            yield _entry("gene", primary, symbol, name, "synonym", weight)
        for ident in sorted(ids):
            yield _entry("gene", primary, symbol, ident, "identifier", weight)


def _everyday_rows(phenotypes: dict[str, tuple[str, float]]) -> Iterator[dict[str, Any]]:
    """The curated everyday words ("fits", "floppy baby") as layperson entries, so phenotype
    search finds what the plain-words mapper of the diagnosis understands."""
    for phrase in everyday_phrases():
        if phrase.term_id in phenotypes:
            label, weight = phenotypes[phrase.term_id]
            yield _entry("phenotype", phrase.term_id, label, phrase.text, "layperson", weight)


def _entry(
    kind: str, curie: str, label: str, text_: str, field_: str, weight: float
) -> dict[str, Any]:
    norm, meaningful = normalized_entry(text_, field_)
    return {"kind": kind, "curie": curie, "label": label, "text": text_, "field": field_,
            "weight": weight, "norm": norm, "meaningful": meaningful}
