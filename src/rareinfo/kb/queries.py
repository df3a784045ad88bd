"""The read API over one knowledge-base snapshot: queries returning domain objects."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Engine, Row, create_engine, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from rareinfo import curie as curies
from rareinfo.kb import schema
from rareinfo.kb.models import (
    Disease,
    DiseaseWithFrequency,
    Gene,
    Identifier,
    Phenotype,
    PhenotypeSynonym,
    Reference,
    Release,
    SourcedTerm,
    Status,
    SymptomRow,
    TermRef,
)
from rareinfo.records import PhenotypeAnnotation, PhenotypeTerm, Synonym
from rareinfo.search.index import SearchEntry

ONSET_ROOT = "HP:0003674"
CLINICAL_COURSE_ROOT = "HP:0031797"
PAGE_CACHE = 2048


class KnowledgeBaseMissing(RuntimeError):
    """There is no built knowledge base at the configured location."""


class KnowledgeBase:
    """Read access to one snapshot. Cheap to query; results of pages are cached."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine: Engine = _read_engine(url)
        try:
            with self.engine.connect() as conn:
                conn.execute(select(schema.snapshot_info.c.key).limit(1)).all()
                self._onset_terms = _descendants(conn, ONSET_ROOT)
        except OperationalError as exc:
            self.engine.dispose()
            raise KnowledgeBaseMissing(
                f"no knowledge base at {url}; run `rareinfo build` first"
            ) from exc
        self.disease = lru_cache(maxsize=PAGE_CACHE)(self._disease)
        self.phenotype = lru_cache(maxsize=PAGE_CACHE)(self._phenotype)
        self.status = lru_cache(maxsize=1)(self._status)

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    # -- identity ---------------------------------------------------------------------

    def resolve_disease(self, identifier: str) -> str | None:
        """The primary id of the disease that an identifier (any accepted form) names."""
        candidates = curies.candidate_curies(identifier)
        if not candidates:
            return None
        ids = schema.disease_identifier
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(ids.c.curie, ids.c.disease_id).where(ids.c.curie.in_(candidates))
            ).all()
        found = {row.curie: row.disease_id for row in rows}
        return next((found[c] for c in candidates if c in found), None)

    def resolve_phenotype(self, identifier: str) -> str | None:
        """The current id of an HPO term, following alt_ids; None if unknown."""
        term_id = curies.normalize_curie(identifier)
        if term_id is None or not term_id.startswith("HP:"):
            return None
        p, alias = schema.phenotype, schema.phenotype_alias
        with self.engine.connect() as conn:
            if conn.execute(select(p.c.id).where(p.c.id == term_id)).first():
                return term_id
            row = conn.execute(
                select(alias.c.phenotype_id).where(alias.c.alias == term_id)
            ).first()
        return str(row.phenotype_id) if row else None

    # -- disease ----------------------------------------------------------------------

    def _disease(self, disease_id: str) -> Disease | None:
        d = schema.disease
        with self.engine.connect() as conn:
            row = conn.execute(select(d).where(d.c.id == disease_id)).first()
            if row is None:
                return None
            annotations = _annotation_rows(conn, disease_id)
            names = _names_of(conn, _term_ids(annotations))
            releases = _releases(conn)
            return Disease(
                id=row.id,
                name=row.name,
                definition=row.definition,
                definition_source=row.definition_source,
                identifiers=_disease_identifiers(conn, disease_id),
                synonyms=_disease_synonyms(conn, disease_id, row.name),
                inheritance=_sourced(annotations, names, lambda a: a.aspect == "I"),
                onset=_sourced(annotations, names, lambda a: a.aspect == "C"
                               and a.phenotype_id in self._onset_terms),
                clinical_course=_sourced(annotations, names, lambda a: a.aspect == "C"
                                         and a.phenotype_id not in self._onset_terms),
                modifiers=_sourced(annotations, names, lambda a: a.aspect == "M"),
                symptoms=_symptoms(conn, annotations, names, "P", negated=False),
                excluded=_symptoms(conn, annotations, names, None, negated=True),
                history=_symptoms(conn, annotations, names, "H", negated=False),
                genes=_genes(conn, disease_id),
                references=_references(annotations),
                releases=tuple(r for r in releases if r.source in _sources(annotations, row)),
                last_curated=max((a.curated_on for a in annotations if a.curated_on),
                                 default=None),
                links=_learn_more(row.id, row.name),
            )

    # -- phenotype --------------------------------------------------------------------

    def _phenotype(self, term_id: str) -> Phenotype | None:
        p = schema.phenotype
        with self.engine.connect() as conn:
            row = conn.execute(select(p).where(p.c.id == term_id)).first()
            if row is None:
                return None
            return Phenotype(
                id=row.id,
                name=row.name,
                definition=row.definition,
                comment=row.comment,
                obsolete=bool(row.obsolete),
                replaced_by=row.replaced_by,
                synonyms=_phenotype_synonyms(conn, term_id),
                xrefs=_phenotype_xrefs(conn, term_id),
                alt_ids=_alt_ids(conn, term_id),
                parents=_relatives(conn, term_id, parents=True),
                children=_relatives(conn, term_id, parents=False),
                diseases=_diseases_with(conn, term_id),
                disease_count=row.disease_count,
                release=next((r for r in _releases(conn) if r.source == row.source), None),
            )

    # -- whole snapshot ---------------------------------------------------------------

    def _status(self) -> Status:
        """Sources, releases and counts of this snapshot."""
        with self.engine.connect() as conn:
            info: dict[str, str] = {
                str(k): str(v) for k, v in conn.execute(select(schema.snapshot_info))
            }

            def count(table: Any) -> int:
                return int(conn.execute(select(func.count()).select_from(table)).scalar_one())

            return Status(
                database=make_url(self.url).render_as_string(hide_password=True),
                built_at=info.get("built_at"),
                releases=_releases(conn),
                diseases=count(schema.disease),
                phenotypes=count(schema.phenotype),
                annotations=count(schema.annotation),
                problems=count(schema.load_problem),
            )

    def releases(self) -> tuple[Release, ...]:
        """Every source release in this snapshot."""
        with self.engine.connect() as conn:
            return _releases(conn)

    def snapshot_built_at(self) -> str | None:
        """When this snapshot was built (ISO timestamp)."""
        with self.engine.connect() as conn:
            value = conn.execute(select(schema.snapshot_info.c.value).where(
                schema.snapshot_info.c.key == "built_at")).scalar()
        return str(value) if value is not None else None

    def search_entries(self) -> Iterator[SearchEntry]:
        """Every findable name, synonym and identifier, for the search index."""
        s = schema.search_entry
        with self.engine.connect() as conn:
            for row in conn.execute(select(s.c.kind, s.c.curie, s.c.label, s.c.text,
                                           s.c.field, s.c.weight)):
                yield SearchEntry(row.kind, row.curie, row.label, row.text, row.field,
                                  float(row.weight))

    def phenotype_terms(self) -> Iterator[PhenotypeTerm]:
        """All HPO terms as records, for the diagnosis engine."""
        p, parent, syn, alias = (schema.phenotype, schema.phenotype_parent,
                                 schema.phenotype_synonym, schema.phenotype_alias)
        with self.engine.connect() as conn:
            parents: dict[str, list[str]] = defaultdict(list)
            for link in conn.execute(select(parent.c.child, parent.c.parent)):
                parents[link.child].append(link.parent)
            synonyms: dict[str, list[Synonym]] = defaultdict(list)
            for syn_row in conn.execute(select(syn.c.phenotype_id, syn.c.text, syn.c.scope,
                                               syn.c.type)):
                synonyms[syn_row.phenotype_id].append(
                    Synonym(syn_row.text, syn_row.scope, syn_row.type))
            alt_ids: dict[str, list[str]] = defaultdict(list)
            for alias_row in conn.execute(select(alias.c.alias, alias.c.phenotype_id)):
                alt_ids[alias_row.phenotype_id].append(alias_row.alias)
            for row in conn.execute(select(p)):
                yield PhenotypeTerm(
                    source=row.source, id=row.id, name=row.name, definition=row.definition,
                    comment=row.comment, synonyms=tuple(synonyms[row.id]),
                    parents=tuple(parents[row.id]), alt_ids=tuple(alt_ids[row.id]),
                    obsolete=bool(row.obsolete), replaced_by=row.replaced_by,
                )

    def phenotype_annotations(self) -> Iterator[PhenotypeAnnotation]:
        """All disease-feature annotations as records, for the diagnosis engine."""
        from rareinfo.records import Frequency

        a = schema.annotation
        with self.engine.connect() as conn:
            for row in conn.execute(select(a)):
                frequency = None
                if row.frequency_raw is not None:
                    frequency = Frequency(row.frequency, row.frequency_label or "",
                                          row.frequency_raw, row.frequency_n, row.frequency_m)
                yield PhenotypeAnnotation(
                    source=row.source, disease_id=row.source_disease_id,
                    phenotype_id=row.phenotype_id, aspect=row.aspect,
                    negated=bool(row.negated), frequency=frequency, onset=row.onset,
                    evidence=row.evidence,
                    references=tuple((row.refs or "").split(";")) if row.refs else (),
                )

    def disease_names(self) -> dict[str, str]:
        """Primary id -> name of every disease."""
        d = schema.disease
        with self.engine.connect() as conn:
            return {row.id: row.name for row in conn.execute(select(d.c.id, d.c.name))}


def _read_engine(url: str) -> Engine:
    if url.startswith("sqlite:///"):
        path = url.removeprefix("sqlite:///")
        return create_engine(f"sqlite:///file:{path}?mode=ro&uri=true",
                             connect_args={"check_same_thread": False})
    return create_engine(url, pool_pre_ping=True)


def _descendants(conn: Connection, root: str) -> frozenset[str]:
    parent = schema.phenotype_parent
    found = {root}
    frontier = [root]
    while frontier:
        rows = conn.execute(select(parent.c.child).where(parent.c.parent.in_(frontier))).all()
        frontier = [r.child for r in rows if r.child not in found]
        found.update(frontier)
    return frozenset(found)


def _annotation_rows(conn: Connection, disease_id: str) -> list[Row[Any]]:
    a = schema.annotation
    return list(conn.execute(select(a).where(a.c.disease_id == disease_id)).all())


def _term_ids(annotations: Sequence[Row[Any]]) -> set[str]:
    ids: set[str] = set()
    for a in annotations:
        ids.add(a.phenotype_id)
        if a.onset:
            ids.add(a.onset)
        if a.modifiers:
            ids.update(a.modifiers.split(";"))
    return ids


def _names_of(conn: Connection, term_ids: set[str]) -> dict[str, str]:
    p = schema.phenotype
    rows = conn.execute(select(p.c.id, p.c.name).where(p.c.id.in_(term_ids))).all()
    return {row.id: row.name for row in rows}


def _sourced(
    annotations: Sequence[Row[Any]], names: dict[str, str], keep: Any
) -> tuple[SourcedTerm, ...]:
    out: dict[tuple[str, str], SourcedTerm] = {}
    for a in annotations:
        if keep(a) and not a.negated:
            refs = tuple(a.refs.split(";")) if a.refs else ()
            key = (a.phenotype_id, a.source)
            out.setdefault(key, SourcedTerm(a.phenotype_id, names.get(a.phenotype_id,
                                                                     a.phenotype_id),
                                            a.source, refs))
    return tuple(sorted(out.values(), key=lambda t: t.name.lower()))


def _symptoms(
    conn: Connection,
    annotations: Sequence[Row[Any]],
    names: dict[str, str],
    aspect: str | None,
    *,
    negated: bool,
) -> tuple[SymptomRow, ...]:
    chosen = [a for a in annotations
              if bool(a.negated) == negated and (aspect is None or a.aspect == aspect)]
    if not chosen:
        return ()
    synonyms = _synonyms_of(conn, {a.phenotype_id for a in chosen})
    definitions = _definitions_of(conn, {a.phenotype_id for a in chosen})
    rows = [_symptom_row(a, names, synonyms, definitions) for a in chosen]
    # Most frequent first; unknown frequency last; then alphabetical.
    rows.sort(key=lambda r: (r.frequency is None, -(r.frequency or 0.0), r.name.lower()))
    return tuple(rows)


def _symptom_row(
    a: Row[Any],
    names: dict[str, str],
    synonyms: dict[str, list[tuple[str, str | None]]],
    definitions: dict[str, str | None],
) -> SymptomRow:
    term_synonyms = synonyms.get(a.phenotype_id, [])
    return SymptomRow(
        id=a.phenotype_id,
        name=names.get(a.phenotype_id, a.phenotype_id),
        lay_names=tuple(t for t, kind in term_synonyms if kind == "layperson"),
        other_names=tuple(t for t, kind in term_synonyms if kind != "layperson"),
        definition=definitions.get(a.phenotype_id),
        frequency=a.frequency,
        frequency_label=a.frequency_label,
        frequency_n=a.frequency_n,
        frequency_m=a.frequency_m,
        onset=TermRef(a.onset, names.get(a.onset, a.onset)) if a.onset else None,
        sex=a.sex,
        modifiers=tuple(TermRef(m, names.get(m, m)) for m in a.modifiers.split(";"))
        if a.modifiers else (),
        evidence=a.evidence,
        references=tuple(a.refs.split(";")) if a.refs else (),
        curated_on=a.curated_on,
        source=a.source,
    )


def _synonyms_of(conn: Connection, ids: set[str]) -> dict[str, list[tuple[str, str | None]]]:
    s = schema.phenotype_synonym
    out: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    rows = conn.execute(select(s.c.phenotype_id, s.c.text, s.c.type).where(
        s.c.phenotype_id.in_(ids), s.c.scope == "EXACT")).all()
    for row in rows:
        if row.type not in ("obsolete_synonym", "abbreviation", "plural_form"):
            out[row.phenotype_id].append((row.text, row.type))
    return out


def _definitions_of(conn: Connection, ids: set[str]) -> dict[str, str | None]:
    p = schema.phenotype
    rows = conn.execute(select(p.c.id, p.c.definition).where(p.c.id.in_(ids))).all()
    return {row.id: row.definition for row in rows}


def _disease_identifiers(conn: Connection, disease_id: str) -> tuple[Identifier, ...]:
    ids = schema.disease_identifier
    rows = conn.execute(select(ids.c.curie, ids.c.source).where(
        ids.c.disease_id == disease_id)).all()
    ordered = sorted(rows, key=lambda r: (r.curie != disease_id, r.curie))
    return tuple(Identifier(r.curie, curies.external_url(r.curie), r.source) for r in ordered)


def _disease_synonyms(conn: Connection, disease_id: str, name: str) -> tuple[str, ...]:
    n = schema.disease_name
    rows = conn.execute(select(n.c.name).where(n.c.disease_id == disease_id)).all()
    seen = {name.casefold()}
    out = []
    for row in rows:
        if row.name.casefold() not in seen:
            seen.add(row.name.casefold())
            out.append(row.name)
    return tuple(out)


def _genes(conn: Connection, disease_id: str) -> tuple[Gene, ...]:
    g = schema.disease_gene
    rows = conn.execute(select(g).where(g.c.disease_id == disease_id)
                        .order_by(g.c.symbol)).all()
    return tuple(Gene(r.gene_id, r.symbol, curies.external_url(r.gene_id), r.association,
                      r.source) for r in rows)


def _references(annotations: Sequence[Row[Any]]) -> tuple[Reference, ...]:
    counts: Counter[str] = Counter()
    for a in annotations:
        if a.refs:
            counts.update(a.refs.split(";"))
    ordered = sorted(counts.items(), key=lambda kv: (not kv[0].startswith("PMID:"), -kv[1],
                                                     kv[0]))
    return tuple(Reference(c, curies.external_url(c), n) for c, n in ordered)


def _sources(annotations: Sequence[Row[Any]], disease_row: Row[Any]) -> set[str]:
    return {a.source for a in annotations} | {disease_row.source}


def _releases(conn: Connection) -> tuple[Release, ...]:
    r = schema.source_release
    rows = conn.execute(select(r).order_by(r.c.source)).all()
    return tuple(Release(
        source=row.source, title=row.title, version=row.version, released=row.released,
        homepage=row.homepage, licence=row.licence, attribution=row.attribution,
        loaded_at=row.loaded_at, counts=json.loads(row.counts), problems=row.problems,
        location=row.location,
    ) for row in rows)


def _learn_more(disease_id: str, name: str) -> tuple[tuple[str, str], ...]:
    from urllib.parse import quote_plus

    links: list[tuple[str, str]] = []
    own = curies.external_url(disease_id)
    prefix = disease_id.split(":", 1)[0]
    labels = {"OMIM": "OMIM", "ORPHA": "Orphanet", "DECIPHER": "DECIPHER", "MONDO": "Mondo"}
    if own and prefix in labels:
        links.append((labels[prefix], own))
    links.append(("Monarch Initiative", curies.monarch_url(disease_id)))
    links.append(("MedlinePlus", f"https://medlineplus.gov/search/?query={quote_plus(name)}"))
    links.append(("ClinicalTrials.gov",
                  f"https://clinicaltrials.gov/search?cond={quote_plus(name)}"))
    return tuple(links)


def _phenotype_synonyms(conn: Connection, term_id: str) -> tuple[PhenotypeSynonym, ...]:
    s = schema.phenotype_synonym
    rows = conn.execute(select(s.c.text, s.c.scope, s.c.type).where(
        s.c.phenotype_id == term_id)).all()
    kept = [r for r in rows if r.type != "obsolete_synonym"]
    kept.sort(key=lambda r: (r.type != "layperson", r.scope != "EXACT", r.text.lower()))
    return tuple(PhenotypeSynonym(r.text, r.scope, r.type == "layperson") for r in kept)


def _phenotype_xrefs(conn: Connection, term_id: str) -> tuple[Identifier, ...]:
    x = schema.phenotype_xref
    rows = conn.execute(select(x.c.xref).where(x.c.phenotype_id == term_id)).all()
    return tuple(Identifier(r.xref, curies.external_url(r.xref), "hpo") for r in rows)


def _alt_ids(conn: Connection, term_id: str) -> tuple[str, ...]:
    a = schema.phenotype_alias
    rows = conn.execute(select(a.c.alias).where(a.c.phenotype_id == term_id)).all()
    return tuple(sorted(r.alias for r in rows))


def _relatives(conn: Connection, term_id: str, *, parents: bool) -> tuple[TermRef, ...]:
    rel, p = schema.phenotype_parent, schema.phenotype
    mine, other = (rel.c.child, rel.c.parent) if parents else (rel.c.parent, rel.c.child)
    rows = conn.execute(select(p.c.id, p.c.name).join(rel, other == p.c.id)
                        .where(mine == term_id).order_by(p.c.name)).all()
    return tuple(TermRef(r.id, r.name) for r in rows)


def _diseases_with(conn: Connection, term_id: str) -> tuple[DiseaseWithFrequency, ...]:
    a, d = schema.annotation, schema.disease
    rows = conn.execute(
        select(d.c.id, d.c.name, a.c.frequency, a.c.frequency_label, a.c.source)
        .join(d, d.c.id == a.c.disease_id)
        .where(a.c.phenotype_id == term_id, a.c.negated.is_(False))
    ).all()
    out = [DiseaseWithFrequency(r.id, r.name, r.frequency, r.frequency_label, r.source)
           for r in rows]
    out.sort(key=lambda x: (x.frequency is None, -(x.frequency or 0.0), x.name.lower()))
    return tuple(out)
