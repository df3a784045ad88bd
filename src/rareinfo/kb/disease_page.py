"""Assemble everything the knowledge base knows about one disease page, merged across sources.

A page gathers the facts of every identifier in its cluster. Facts stated for a disease
that some source calls the same but identity resolution kept apart (a "same" link, e.g.
Orphanet's ORPHA:513 = OMIM:613065, which Mondo keeps apart) are shown too, each marked
with the record it was stated for, so a reader sees exactly where every row comes from.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import quote_plus

from sqlalchemy import Connection, Row, select

from rareinfo import curie as curies
from rareinfo.kb import schema
from rareinfo.kb.facts import page_sections
from rareinfo.kb.hierarchy import DISPUTED_PARENT
from rareinfo.kb.models import (
    Category,
    Disease,
    DiseaseRef,
    Gene,
    Identifier,
    PrevalenceFact,
    Reference,
    Release,
    SourcedFrequency,
    SourcedTerm,
    SymptomRow,
    TermRef,
    everyday_symptoms,
)
from rareinfo.kb.names import SourceName, fold_name, other_names
from rareinfo.kb.plain_page import page_plain
from rareinfo.kb.research import page_articles, page_trials
from rareinfo.kb.treatments import page_treatments

GARD_SPANISH = "https://rarediseases.info.nih.gov/espanol/"
EMPTY_MODES = frozenset({"not applicable", "unknown"})
_OPEN_ENDED = re.compile(r"\s(in|of)$")
XREF_PREFIXES = ("ICD10", "ICD10CM", "ICD11", "UMLS", "MESH", "DOID", "NCIT", "SCTID",
                 "SNOMEDCT_US", "MEDGEN", "EFO")


def load_disease(conn: Connection, disease_id: str, onset_terms: frozenset[str],
                 releases: tuple[Release, ...]) -> Disease | None:
    """The whole page of one disease, or None if there is no such page."""
    d = schema.disease
    row = conn.execute(select(d).where(d.c.id == disease_id)).first()
    if row is None:
        return None
    links = _links(conn, disease_id)
    same_ids = [link.id for link in links["same"]]
    annotations = _annotation_rows(conn, [disease_id, *same_ids])
    terms = _TermFacts(conn, _term_ids(annotations))
    names = terms.names
    attributes = _attribute_rows(conn, disease_id)
    members = _member_rows(conn, disease_id)
    genes = _genes(conn, disease_id, row.name)
    prevalence = _prevalence(conn, disease_id)
    synonyms, name_sources = _synonyms(conn, disease_id, row.name, links["parent"])
    categories = _categories(conn, disease_id)
    treatments = page_treatments(conn, disease_id, releases)
    trials = page_trials(conn, disease_id, releases)
    articles = page_articles(conn, disease_id, releases)
    plain = page_plain(conn, disease_id, row.name)
    sections = page_sections(conn, disease_id)

    def aspect(a: str) -> Callable[[Row[Any]], bool]:
        return lambda r: r.aspect == a

    used = ({a.source for a in annotations} | set(row.source.split(";")) | name_sources
            | {g.source for g in genes} | {p.source for p in prevalence}
            | {c.source for c in categories} | {a.source for a in attributes}
            | {t.source for t in treatments} | {t.source for t in trials}
            | {a.source for a in articles} | ({"medlineplus"} if plain else set())
            | {s.source for s in sections})
    identifiers = _identifiers(members, disease_id)
    symptoms = _symptoms(terms, annotations, "P", disease_id, negated=False)
    return Disease(
        id=row.id,
        name=row.name,
        name_source=row.name_source,
        definition=row.definition,
        definition_source=row.definition_source,
        kind=row.kind,
        spanish_name=row.spanish_name,
        spanish_page=_spanish_page(conn, disease_id),
        identifiers=identifiers,
        xrefs=_xrefs(members, identifiers),
        synonyms=synonyms,
        categories=categories,
        parents=tuple(links["parent"]),
        children=tuple(links["child"]),
        same_as=tuple(links["same"]),
        disputed_parents=tuple(links[DISPUTED_PARENT]),
        inheritance=one_row_per_mode(_sourced(annotations, names, aspect("I"), disease_id)
                                     + _attributes(attributes, "inheritance")),
        onset=one_row_per_mode(_sourced(annotations, names, lambda r: r.aspect == "C"
                                        and r.phenotype_id in onset_terms, disease_id)
                               + _attributes(attributes, "onset")),
        clinical_course=_sourced(annotations, names, lambda r: r.aspect == "C"
                                 and r.phenotype_id not in onset_terms, disease_id),
        modifiers=_sourced(annotations, names, aspect("M"), disease_id),
        symptoms=symptoms,
        everyday_symptoms=everyday_symptoms(symptoms),
        excluded=_symptoms(terms, annotations, None, disease_id, negated=True),
        history=_symptoms(terms, annotations, "H", disease_id, negated=False),
        genes=genes,
        prevalence=prevalence,
        references=_references(annotations),
        releases=tuple(r for r in releases if r.source in used),
        last_curated=max((a.curated_on for a in annotations if a.curated_on), default=None),
        links=_learn_more(members, row.id, row.name),
        treatments=treatments,
        trials=trials,
        articles=articles,
        plain=plain,
        sections=sections,
    )


# HPO's frequency bands (HP:0040280-HP:0040285), obligate counted as very frequent: two
# sources' figures in different bands disagree; within a band they say the same.
_BANDS = ((0.8, "very frequent"), (0.3, "frequent"), (0.05, "occasional"), (1e-9, "very rare"))


def frequency_band(fraction: float) -> str:
    """The HPO frequency band a fraction falls in ("excluded" for zero)."""
    return next((band for floor, band in _BANDS if fraction >= floor), "excluded")


def _annotation_rows(conn: Connection, disease_ids: list[str]) -> list[Row[Any]]:
    a = schema.annotation
    return list(conn.execute(select(a).where(a.c.disease_id.in_(disease_ids))
                             .order_by(a.c.id)).all())


def _term_ids(annotations: Sequence[Row[Any]]) -> set[str]:
    ids: set[str] = set()
    for a in annotations:
        ids.add(a.phenotype_id)
        if a.onset:
            ids.add(a.onset)
        if a.modifiers:
            ids.update(m for m in a.modifiers.split(";") if m.startswith("HP:"))
    return ids


class _TermFacts:
    """Names, definitions and exact synonyms of the HPO terms a page mentions (2 queries)."""

    def __init__(self, conn: Connection, term_ids: set[str]) -> None:
        p, syn = schema.phenotype, schema.phenotype_synonym
        rows = conn.execute(select(p.c.id, p.c.name, p.c.definition)
                            .where(p.c.id.in_(term_ids))).all()
        self.names: dict[str, str] = {r.id: r.name for r in rows}
        self.definitions: dict[str, str | None] = {r.id: r.definition for r in rows}
        self.synonyms: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
        for r in conn.execute(select(syn.c.phenotype_id, syn.c.text, syn.c.type).where(
                syn.c.phenotype_id.in_(term_ids), syn.c.scope == "EXACT").order_by(syn.c.id)):
            if r.type not in ("obsolete_synonym", "abbreviation", "plural_form"):
                self.synonyms[r.phenotype_id].append((r.text, r.type))


def _via(a: Row[Any], disease_id: str) -> str:
    """The record a fact is stated for, when it is not the page's own identifier."""
    return str(a.source_disease_id)


def _sourced(annotations: Sequence[Row[Any]], names: dict[str, str],
             keep: Callable[[Row[Any]], bool], disease_id: str) -> tuple[SourcedTerm, ...]:
    out: dict[tuple[str, str], SourcedTerm] = {}
    for a in annotations:
        if keep(a) and not a.negated:
            refs = tuple(a.refs.split(";")) if a.refs else ()
            if a.disease_id != disease_id:
                refs = (f"via {a.source_disease_id}", *refs)
            out.setdefault((a.phenotype_id, a.source), SourcedTerm(
                a.phenotype_id, names.get(a.phenotype_id, a.phenotype_id), a.source, refs))
    return tuple(sorted(out.values(), key=lambda t: t.name.lower()))


def _attribute_rows(conn: Connection, disease_id: str) -> list[Row[Any]]:
    t = schema.disease_attribute
    return list(conn.execute(select(t).where(t.c.disease_id == disease_id)
                             .order_by(t.c.id)).all())


def mode_key(term: SourcedTerm) -> str:
    """What mode a row states: its HPO term, else its folded name without 'inheritance'."""
    return term.id or fold_name(term.name).removesuffix(" inheritance")


def one_row_per_mode(terms: Sequence[SourcedTerm]) -> tuple[SourcedTerm, ...]:
    """One row per mode with every source's badge; "Not applicable"/"Unknown" only alone.

    HPO's "Autosomal dominant inheritance" and Orphanet's "Autosomal dominant" are one
    mode (the same HPO term); the HPO name is shown. Orphanet's "Not applicable" and
    "Unknown" say nothing where another statement gives a mode.
    """
    stated = [t for t in terms if t.name.casefold() not in EMPTY_MODES] or list(terms)
    rows: dict[str, list[SourcedTerm]] = {}
    for t in stated:
        rows.setdefault(mode_key(t), []).append(t)
    out = []
    for group in rows.values():
        shown = next((t for t in group if t.source == "hpo"), group[0])
        sources = tuple(dict.fromkeys(t.source for t in group))
        references = tuple(dict.fromkeys(r for t in group for r in t.references))
        out.append(SourcedTerm(shown.id, shown.name, shown.source, references, sources))
    return tuple(sorted(out, key=lambda t: t.name.lower()))


def _attributes(rows: Sequence[Row[Any]], attribute: str) -> tuple[SourcedTerm, ...]:
    seen: dict[tuple[str, str], SourcedTerm] = {}
    for r in rows:
        if r.attribute == attribute:
            seen.setdefault((r.value, r.source),
                            SourcedTerm(r.term or "", r.value, r.source, ()))
    return tuple(sorted(seen.values(), key=lambda t: t.name.lower()))


def _symptoms(terms: _TermFacts, annotations: Sequence[Row[Any]], aspect: str | None,
              disease_id: str, *, negated: bool) -> tuple[SymptomRow, ...]:
    chosen = [a for a in annotations
              if bool(a.negated) == negated and (aspect is None or a.aspect == aspect)]
    if not chosen:
        return ()
    by_term: dict[str, list[Row[Any]]] = defaultdict(list)
    for a in chosen:
        by_term[a.phenotype_id].append(a)
    rows = [_symptom_row(term, rows, terms.names, terms.synonyms, terms.definitions, disease_id)
            for term, rows in by_term.items()]
    # Most frequent first; unknown frequency last; then alphabetical.
    rows.sort(key=lambda r: (r.frequency is None, -(r.frequency or 0.0), r.name.lower()))
    return tuple(rows)


def _symptom_row(term: str, statements: list[Row[Any]], names: dict[str, str],
                 synonyms: dict[str, list[tuple[str, str | None]]],
                 definitions: dict[str, str | None], disease_id: str) -> SymptomRow:
    own = [a for a in statements if a.disease_id == disease_id] or statements
    best = max(own, key=lambda a: (a.frequency is not None, a.frequency or 0.0))
    frequencies = tuple(SourcedFrequency(a.source, _via(a, disease_id), a.frequency,
                                         a.frequency_label, a.frequency_n, a.frequency_m)
                        for a in statements)
    term_synonyms = synonyms.get(term, [])
    refs = tuple(dict.fromkeys(r for a in statements if a.refs for r in a.refs.split(";")))
    modifiers = dict.fromkeys(m for a in statements if a.modifiers for m in a.modifiers.split(";"))
    return SymptomRow(
        id=term,
        name=names.get(term, term),
        lay_names=tuple(t for t, kind in term_synonyms if kind == "layperson"),
        other_names=tuple(t for t, kind in term_synonyms if kind != "layperson"),
        definition=definitions.get(term),
        frequency=best.frequency,
        frequency_label=best.frequency_label,
        frequency_n=best.frequency_n,
        frequency_m=best.frequency_m,
        onset=TermRef(best.onset, names.get(best.onset, best.onset)) if best.onset else None,
        sex=best.sex,
        modifiers=tuple(TermRef(m, names.get(m, m)) for m in modifiers),
        evidence=best.evidence,
        references=refs,
        curated_on=max((a.curated_on for a in statements if a.curated_on), default=None),
        source=best.source,
        frequencies=frequencies,
        sources=tuple(sorted({a.source for a in statements})),
        sources_disagree=len({frequency_band(f.fraction) for f in frequencies
                              if f.fraction is not None}) > 1,
    )


def _member_rows(conn: Connection, disease_id: str) -> list[Row[Any]]:
    ids = schema.disease_identifier
    rows: list[Row[Any]] = []
    rows.extend(conn.execute(select(ids.c.curie, ids.c.source, ids.c.note).where(
        ids.c.disease_id == disease_id, ids.c.status == "current").order_by(ids.c.curie)))
    return rows


def _identifiers(members: Sequence[Row[Any]], disease_id: str) -> tuple[Identifier, ...]:
    pages = [r for r in members if curies.canonical_prefix(r.curie.split(":")[0]) is not None
             and r.curie.split(":")[0] not in XREF_PREFIXES]
    ordered = sorted(pages, key=lambda r: (r.curie != disease_id, r.curie))
    return tuple(Identifier(r.curie, curies.external_url(r.curie), r.source, r.note)
                 for r in ordered)


def _xrefs(members: Sequence[Row[Any]],
           identifiers: tuple[Identifier, ...]) -> tuple[Identifier, ...]:
    known = {i.curie for i in identifiers}
    return tuple(Identifier(r.curie, curies.external_url(r.curie), r.source)
                 for r in sorted(members, key=lambda r: r.curie) if r.curie not in known)


def _synonyms(conn: Connection, disease_id: str, name: str,
              parents: Sequence[DiseaseRef]) -> tuple[tuple[str, ...], set[str]]:
    """The other names to list (rareinfo.kb.names) and the sources that gave names."""
    n = schema.disease_name
    rows = conn.execute(select(n.c.name, n.c.source).where(
        n.c.disease_id == disease_id, n.c.kind.in_(("name", "synonym"))).order_by(n.c.id)).all()
    listed = other_names(name, [SourceName(r.name, r.source) for r in rows],
                         other_pages={fold_name(p.name) for p in parents})
    return listed, {r.source for r in rows}


def _spanish_page(conn: Connection, disease_id: str) -> str | None:
    """GARD's page in Spanish, from its address (``ID/slug``) as the GARD list gives it."""
    n = schema.disease_name
    path = conn.execute(select(n.c.name).where(n.c.disease_id == disease_id,
                                               n.c.kind == "es-page").order_by(n.c.id)).scalar()
    return f"{GARD_SPANISH}{path}" if path else None


def _categories(conn: Connection, disease_id: str) -> tuple[Category, ...]:
    c = schema.disease_category
    rows = conn.execute(select(c.c.category, c.c.source).where(c.c.disease_id == disease_id)
                        .distinct()).all()
    return tuple(Category(r.category, r.source)
                 for r in sorted(rows, key=lambda r: (r.source != "gard", r.category)))


def _links(conn: Connection, disease_id: str) -> dict[str, list[DiseaseRef]]:
    link, d = schema.disease_link, schema.disease
    rows = conn.execute(select(link.c.other_id, link.c.relation, link.c.source, link.c.detail,
                               d.c.name).join(d, d.c.id == link.c.other_id)
                        .where(link.c.disease_id == disease_id).order_by(link.c.id)).all()
    out: dict[str, list[DiseaseRef]] = {"parent": [], "child": [], "same": [],
                                        DISPUTED_PARENT: []}
    seen: set[tuple[str, str]] = set()
    for r in sorted(rows, key=lambda r: r.name.lower()):
        if r.relation in out and (r.relation, r.other_id) not in seen:
            seen.add((r.relation, r.other_id))
            out[r.relation].append(DiseaseRef(r.other_id, r.name, r.source, r.detail))
    shown = {ref.id for ref in out["parent"]}  # another source may state it as fact
    out[DISPUTED_PARENT] = [ref for ref in out[DISPUTED_PARENT] if ref.id not in shown]
    return out


def gene_phrase(association: str | None, disease_name: str) -> str | None:
    """Orphanet's association reads "<gene> <association> <disease>": complete the phrase.

    >>> gene_phrase("Disease-causing germline mutation(s) in", "Marfan syndrome")
    'Disease-causing germline mutation(s) in Marfan syndrome'
    """
    if association and _OPEN_ENDED.search(association):
        return f"{association} {disease_name}"
    return association


def _genes(conn: Connection, disease_id: str, disease_name: str) -> tuple[Gene, ...]:
    g = schema.disease_gene
    rows = conn.execute(select(g).where(g.c.disease_id == disease_id)
                        .order_by(g.c.symbol, g.c.id)).all()
    merged: dict[str, Gene] = {}
    for r in rows:
        key = r.symbol
        if key in merged and (merged[key].association or not r.association):
            continue
        merged[key] = Gene(r.gene_id, r.symbol, curies.external_url(r.gene_id),
                           gene_phrase(r.association, disease_name), r.source)
    return tuple(merged.values())


def _prevalence(conn: Connection, disease_id: str) -> tuple[PrevalenceFact, ...]:
    p = schema.prevalence
    rows = conn.execute(select(p).where(p.c.disease_id == disease_id).order_by(p.c.id)).all()
    facts = [PrevalenceFact(r.type, r.qualification, r.prevalence_class, r.value, r.region,
                            r.validation, tuple(r.refs.split(";")) if r.refs else (), r.source)
             for r in rows]
    facts.sort(key=lambda f: (f.region != "Worldwide", f.type, f.region or ""))
    return tuple(facts)


def _references(annotations: Sequence[Row[Any]]) -> tuple[Reference, ...]:
    counts: Counter[str] = Counter()
    for a in annotations:
        if a.refs:
            counts.update(a.refs.split(";"))
    ordered = sorted(counts.items(), key=lambda kv: (not kv[0].startswith("PMID:"), -kv[1],
                                                     kv[0]))
    return tuple(Reference(c, curies.external_url(c), n) for c, n in ordered)


def _learn_more(member_rows: Sequence[Row[Any]], disease_id: str,
                name: str) -> tuple[tuple[str, str], ...]:
    members = [r.curie for r in member_rows]
    labels = {"OMIM": "OMIM", "ORPHA": "Orphanet", "DECIPHER": "DECIPHER",
              "GARD": "GARD (NIH Genetic and Rare Diseases Information Center)"}
    links: list[tuple[str, str]] = []
    for prefix, label in labels.items():
        for member in sorted(m for m in members if m.startswith(prefix + ":"))[:3]:
            url = curies.external_url(member)
            if url:
                links.append((f"{label}: {member}", url))
    links.append(("Monarch Initiative", curies.monarch_url(disease_id)))
    links.append(("MedlinePlus", f"https://medlineplus.gov/search/?query={quote_plus(name)}"))
    links.append(("ClinicalTrials.gov",
                  f"https://clinicaltrials.gov/search?cond={quote_plus(name)}"))
    return tuple(links)
