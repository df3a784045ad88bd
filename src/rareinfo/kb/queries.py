"""The read API over one knowledge-base snapshot: queries returning domain objects."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Engine, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from rareinfo import curie as curies
from rareinfo.kb import schema, snapshots
from rareinfo.kb.disease_page import load_disease
from rareinfo.kb.facts import disease_phenotypes, genes, phenotypes
from rareinfo.kb.models import (
    Disease,
    DiseaseWithFrequency,
    Identifier,
    Phenotype,
    PhenotypeSynonym,
    Release,
    Resolution,
    Status,
    TermRef,
)
from rareinfo.kb.overview.page import NameWords, OrganSystems, page_overview
from rareinfo.kb.snapshot_info import PAGE_COUNTS_SQL
from rareinfo.records import GeneAssociation, PhenotypeAnnotation, PhenotypeTerm

ONSET_ROOT = "HP:0003674"
CLINICAL_COURSE_ROOT = "HP:0031797"
PAGE_CACHE = 2048


class KnowledgeBaseMissing(RuntimeError):
    """There is no built knowledge base at the configured location."""


class KnowledgeBaseUnavailable(KnowledgeBaseMissing):
    """The database server of the knowledge base does not answer right now."""


class KnowledgeBaseOutdated(KnowledgeBaseMissing):
    """The knowledge base was built by another version of rareinfo."""


class DiagnosisFacts:
    """What the diagnosis model is built from, read from any snapshot's engine.

    Usable on a snapshot still being built (the build derives the model from it).
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def phenotype_terms(self) -> Iterator[PhenotypeTerm]:
        """All HPO terms as records, for the diagnosis engine."""
        with self.engine.connect() as conn:
            yield from phenotypes.read_terms(conn)

    def phenotype_annotations(
        self, sources: tuple[str, ...] = ("hpo",)
    ) -> Iterator[PhenotypeAnnotation]:
        """Disease-feature annotations of the given sources as records (diagnosis engine).

        Identifiers are the annotated source records' (OMIM:..., ORPHA:...), so rankings
        can be scored against published diagnoses.
        """
        a = schema.annotation
        with self.engine.connect() as conn:
            for row in conn.execute(select(a).where(a.c.source.in_(sources))):
                yield disease_phenotypes.record_of(row)

    def disease_genes(self, sources: tuple[str, ...] = ("hpo",)) -> Iterator[GeneAssociation]:
        """Gene links of the given sources by source record id (diagnosis engine)."""
        g = schema.disease_gene
        with self.engine.connect() as conn:
            rows = conn.execute(select(g).where(g.c.source.in_(sources))
                                .order_by(g.c.source_disease_id, g.c.gene_id)).all()
        for row in rows:
            yield genes.record_of(row)

    def source_disease_names(self) -> dict[str, str]:
        """Every source record's identifier -> its name (HPO's name where several)."""
        sd = schema.source_disease
        with self.engine.connect() as conn:
            rows = conn.execute(select(sd.c.id, sd.c.name, sd.c.source)
                                .where(sd.c.obsolete.is_(False))).all()
        names: dict[str, str] = {}
        for row in sorted(rows, key=lambda r: r.source != "hpo", reverse=True):
            names[row.id] = row.name  # HPO rows come last, so HPO's name wins
        return names


class KnowledgeBase(DiagnosisFacts):
    """Read access to one snapshot. Cheap to query; results of pages are cached."""

    def __init__(self, url: str, key: str | None = None) -> None:
        self.url = url
        try:
            self.key = key or snapshots.live_key(url)
        except snapshots.NoSnapshot as exc:
            raise KnowledgeBaseMissing(str(exc)) from exc
        except snapshots.SnapshotError as exc:
            raise KnowledgeBaseMissing(str(exc)) from exc
        except OperationalError as exc:
            raise KnowledgeBaseUnavailable(
                f"the knowledge base at {_safe(url)} cannot be reached; try again shortly"
            ) from exc
        self.engine: Engine = snapshots.read_engine(url, self.key)
        try:
            with self.engine.connect() as conn:
                version = conn.execute(select(schema.snapshot_info.c.value).where(
                    schema.snapshot_info.c.key == "schema_version")).scalar()
                if version != schema.SCHEMA_VERSION:
                    raise KnowledgeBaseOutdated(
                        f"the knowledge base at {url} was built by another version of "
                        f"rareinfo (schema {version}, this one reads {schema.SCHEMA_VERSION});"
                        " run `rareinfo build` to rebuild it")
                self._onset_terms = _descendants(conn, ONSET_ROOT)
        except KnowledgeBaseOutdated:
            self.engine.dispose()
            raise
        except OperationalError as exc:
            self.engine.dispose()
            if snapshots.backend_of(url) == "postgresql":
                raise KnowledgeBaseUnavailable(
                    f"the knowledge base at {_safe(url)} cannot be reached; try again shortly"
                ) from exc
            raise KnowledgeBaseMissing(
                f"no knowledge base at {url}; run `rareinfo build` first"
            ) from exc
        self._caches()

    @classmethod
    def over(cls, engine: Engine, key: str) -> KnowledgeBase:
        """Read access through an open engine: a snapshot being built, before it is checked
        (the layers above derive their tables from it with the same queries as the pages)."""
        kb = cls.__new__(cls)
        kb.url, kb.key, kb.engine = str(engine.url), key, engine
        with engine.connect() as conn:
            kb._onset_terms = _descendants(conn, ONSET_ROOT)
        kb._caches()
        return kb

    def _caches(self) -> None:
        self.disease = lru_cache(maxsize=PAGE_CACHE)(self._disease)
        self.phenotype = lru_cache(maxsize=PAGE_CACHE)(self._phenotype)
        self.status = lru_cache(maxsize=1)(self._status)
        self.page_counts = lru_cache(maxsize=1)(self._page_counts)
        self.organ_systems = lru_cache(maxsize=1)(self._organ_systems)
        self.name_words = lru_cache(maxsize=1)(self._name_words)

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    # -- identity ---------------------------------------------------------------------

    def resolve_identifier(self, identifier: str) -> Resolution | None:
        """What a disease identifier (any accepted form) names, or None if nothing."""
        candidates = curies.candidate_curies(identifier)
        if not candidates:
            return None
        ids = schema.disease_identifier
        with self.engine.connect() as conn:
            rows = conn.execute(select(ids).where(ids.c.curie.in_(candidates))).all()
        found = {row.curie: row for row in rows}
        for candidate in candidates:
            if (row := found.get(candidate)) is not None:
                live = row.status in ("current", "replaced")
                return Resolution(row.curie, row.disease_id if live else None, row.status,
                                  row.note)
        return None

    def identifiers_of(self, disease_id: str) -> list[str]:
        """Every identifier that leads to this page (its own, members, replaced ones)."""
        ids = schema.disease_identifier
        with self.engine.connect() as conn:
            rows = conn.execute(select(ids.c.curie).where(
                ids.c.disease_id == disease_id,
                ids.c.status.in_(("current", "replaced")))).scalars().all()
        return sorted({disease_id, *rows})

    def pages_of(self, identifiers: Iterable[str]) -> frozenset[str]:
        """The disease pages that list any of these identifiers in ``identifiers_of``
        (the same relation read backwards: one query for many identifiers)."""
        wanted = sorted(set(identifiers))
        found = set(wanted)  # a page's own identifier is among its identifiers
        ids = schema.disease_identifier
        with self.engine.connect() as conn:
            for start in range(0, len(wanted), 500):  # bound the number of parameters
                found.update(conn.execute(select(ids.c.disease_id).where(
                    ids.c.curie.in_(wanted[start:start + 500]),
                    ids.c.status.in_(("current", "replaced")))).scalars())
        return frozenset(found)

    def resolve_disease(self, identifier: str) -> str | None:
        """The page of the disease an identifier names; None if none (or retired)."""
        resolution = self.resolve_identifier(identifier)
        return resolution.disease_id if resolution else None

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
        with self.engine.connect() as conn:
            disease = load_disease(conn, disease_id, self._onset_terms, _releases(conn))
            if disease is None:
                return None
        return replace(disease, overview=page_overview(disease, self.organ_systems(),
                                                       self.name_words()))

    def _organ_systems(self) -> OrganSystems:
        with self.engine.connect() as conn:
            return OrganSystems.load(conn)

    def _name_words(self) -> NameWords:
        with self.engine.connect() as conn:
            return NameWords.load(conn)

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
                database=_safe(self.url) + (
                    "" if self.url.startswith("sqlite") else f" (schema {self.key})"),
                built_at=info.get("built_at"),
                releases=_releases(conn),
                diseases=count(schema.disease),
                phenotypes=count(schema.phenotype),
                annotations=count(schema.annotation),
                problems=count(schema.load_problem),
                coverage=_coverage(conn),
            )

    def _page_counts(self) -> dict[str, int]:
        """Pages, and pages with symptoms: stored by the build, counted for older snapshots."""
        with self.engine.connect() as conn:
            stored = {str(k): str(v) for k, v in conn.execute(
                select(schema.snapshot_info.c.key, schema.snapshot_info.c.value).where(
                    schema.snapshot_info.c.key.in_(PAGE_COUNTS_SQL)))}
            return {key: int(stored[key]) if key in stored
                    else int(conn.execute(text(sql)).scalar_one())
                    for key, sql in PAGE_COUNTS_SQL.items()}

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

    def medical_names(self) -> Iterator[tuple[str, str]]:
        """(kind, text) of every phenotype name and synonym, disease name and synonym
        (Spanish ones left out), gene symbol and drug name, generic and trade: the words
        that de-identification must keep."""
        p, syn, n = schema.phenotype, schema.phenotype_synonym, schema.disease_name
        g, od = schema.disease_gene, schema.orphan_designation
        with self.engine.connect() as conn:
            for text in conn.execute(select(p.c.name)).scalars():
                yield "phenotype", text
            for text in conn.execute(select(syn.c.text)).scalars():
                yield "phenotype", text
            for text in conn.execute(select(n.c.name).where(n.c.kind != "es").distinct()):
                yield "disease", text[0]
            for text in conn.execute(select(g.c.symbol).distinct()).scalars():
                yield "gene", text
            for row in conn.execute(select(od.c.generic_name, od.c.trade_name).distinct()):
                yield "drug", row.generic_name
                if row.trade_name:
                    yield "drug", row.trade_name

    def disease_names(self) -> dict[str, str]:
        """Primary id -> name of every disease."""
        d = schema.disease
        with self.engine.connect() as conn:
            return {row.id: row.name for row in conn.execute(select(d.c.id, d.c.name))}


# Stored in snapshot_info by the build too (one key each), so the front page and `rareinfo
# status` of a snapshot read them instead of scanning the annotations (seconds).
COVERAGE_SQL = {
    "pages": PAGE_COUNTS_SQL["pages"],
    "pages with a definition": "SELECT count(*) FROM disease WHERE definition IS NOT NULL",
    "pages with symptoms": PAGE_COUNTS_SQL["pages with symptoms"],
    "pages with a plain-language summary": "SELECT count(DISTINCT disease_id) FROM plain_link",
    "pages with symptoms in everyday words": (
        "SELECT count(DISTINCT a.disease_id) FROM annotation a JOIN phenotype_synonym s "
        "ON s.phenotype_id = a.phenotype_id AND s.type = 'layperson' WHERE a.aspect = 'P' "
        "AND NOT a.negated AND a.disease_id IS NOT NULL"),
    "pages with genes": "SELECT count(DISTINCT disease_id) FROM disease_gene "
                        "WHERE disease_id IS NOT NULL",
    "pages with prevalence": "SELECT count(DISTINCT disease_id) FROM prevalence "
                             "WHERE disease_id IS NOT NULL",
    "pages from more than one source": "SELECT count(*) FROM disease WHERE source LIKE '%;%'",
    "GARD entries": "SELECT count(*) FROM source_disease WHERE source = 'gard' "
                    "AND NOT obsolete",
    "GARD entries on a page": "SELECT count(*) FROM source_disease s JOIN disease_identifier i "
                              "ON i.curie = s.id AND i.status = 'current' "
                              "WHERE s.source = 'gard' AND NOT s.obsolete",
    "GARD entries merged with another source": (
        "SELECT count(*) FROM source_disease s JOIN disease_identifier i ON i.curie = s.id "
        "JOIN disease d ON d.id = i.disease_id WHERE s.source = 'gard' AND NOT s.obsolete "
        "AND d.source LIKE '%;%'"),
}


def _coverage(conn: Connection) -> dict[str, int]:
    """How much of the knowledge base each kind of fact covers (counted if not stored)."""
    info = schema.snapshot_info
    stored = {str(k): str(v) for k, v in conn.execute(
        select(info.c.key, info.c.value).where(info.c.key.in_(COVERAGE_SQL)))}
    return {what: int(stored[what]) if what in stored else int(conn.execute(text(sql))
                                                               .scalar_one())
            for what, sql in COVERAGE_SQL.items()}


def _safe(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def _descendants(conn: Connection, root: str) -> frozenset[str]:
    parent = schema.phenotype_parent
    found = {root}
    frontier = [root]
    while frontier:
        rows = conn.execute(select(parent.c.child).where(parent.c.parent.in_(frontier))).all()
        frontier = [r.child for r in rows if r.child not in found]
        found.update(frontier)
    return frozenset(found)


def _releases(conn: Connection) -> tuple[Release, ...]:
    r = schema.source_release
    rows = conn.execute(select(r).order_by(r.c.source)).all()
    return tuple(Release(
        source=row.source, title=row.title, version=row.version, released=row.released,
        homepage=row.homepage, licence=row.licence, attribution=row.attribution,
        loaded_at=row.loaded_at, counts=json.loads(row.counts), problems=row.problems,
        location=row.location,
    ) for row in rows)


def _phenotype_synonyms(conn: Connection, term_id: str) -> tuple[PhenotypeSynonym, ...]:
    s = schema.phenotype_synonym
    rows = conn.execute(select(s.c.text, s.c.scope, s.c.type).where(
        s.c.phenotype_id == term_id).order_by(s.c.id)).all()
    kept = [r for r in rows if r.type != "obsolete_synonym"]
    kept.sort(key=lambda r: (r.type != "layperson", r.scope != "EXACT", r.text.lower()))
    return tuple(PhenotypeSynonym(r.text, r.scope, r.type == "layperson") for r in kept)


def _phenotype_xrefs(conn: Connection, term_id: str) -> tuple[Identifier, ...]:
    x = schema.phenotype_xref
    rows = conn.execute(select(x.c.xref).where(x.c.phenotype_id == term_id)
                        .order_by(x.c.id)).all()
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
    out.sort(key=lambda x: (x.frequency is None, -(x.frequency or 0.0), x.name.lower(),
                            x.id, x.source))
    return tuple(out)
