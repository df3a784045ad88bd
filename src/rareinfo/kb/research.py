"""Clinical trials and PubMed articles: their rows, their links to pages, and page lists.

A trial is about the pages its registered conditions (then its condition MeSH terms)
name; an article the pages its MeSH headings (major topics first, then the others) or
its title name. Names are found with the orphan-designation matcher
(:class:`rareinfo.kb.treatments.NameIndex`): whole canonical words, longest name first,
ambiguous names linking nothing. A page keeps the first field that named it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from sqlalchemy import Connection, Engine, Row, Select, func, insert, select

from rareinfo.kb import schema
from rareinfo.kb.models import Release, ResearchArticle, Trial
from rareinfo.kb.treatments import NameIndex, canonical_tokens, page_name_index

PUBMED_URL = "https://pubmed.ncbi.nlm.nih.gov/"
# Open studies first, in the order a reader can act on them.
STATUS_ORDER = ("RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION",
                "ACTIVE_NOT_RECRUITING")

# MEDLINE check tags: who was studied, never what the article is about.
CHECK_TAGS = frozenset({
    "humans", "animals", "male", "female", "child", "child, preschool", "infant",
    "infant, newborn", "adolescent", "adult", "young adult", "middle aged", "aged",
    "aged, 80 and over", "pregnancy", "mice", "rats"})

TableRow = tuple[str, dict[str, Any]]


def link_research(engine: Engine) -> tuple[int, int]:
    """Fill ``trial_link`` and ``article_link``; returns the rows written to each."""
    with engine.connect() as conn:
        trials = _texts(conn, select(schema.trial_condition), "nct_id", _trial_field)
        articles = _article_texts(conn)
        if not trials and not articles:
            return 0, 0
        index = page_name_index(conn)
    trial_links = [{"nct_id": key, **row} for key, texts in trials.items()
                   for row in link_texts(index, texts)]
    article_links = [{"pmid": key, **row} for key, texts in articles.items()
                     for row in link_texts(index, texts)]
    with engine.begin() as conn:
        for table, rows in ((schema.trial_link, trial_links),
                            (schema.article_link, article_links)):
            if rows:
                conn.execute(insert(table), rows)
    return len(trial_links), len(article_links)


def link_texts(index: NameIndex, texts: Iterable[tuple[str, str]]) -> list[dict[str, Any]]:
    """Link rows (disease_id, field, how, matched) for (field, text) pairs, best field first."""
    linked: dict[str, dict[str, Any]] = {}
    for field_, text in texts:
        whole = " ".join(canonical_tokens(text))
        for match in index.find(text):
            # A bare acronym inside a longer text is too often something else ("Stage
            # IVA", "MAP Kinase", "Autism (ASD)"): it counts only as the whole text.
            if _is_acronym(match.matched) and match.matched != whole:
                continue
            linked.setdefault(match.disease_id, {
                "disease_id": match.disease_id, "field": field_, "how": match.how,
                "matched": match.matched})
    return list(linked.values())


def _is_acronym(matched: str) -> bool:
    return " " not in matched and len(matched) <= 4


def _trial_field(row: Row[Any]) -> tuple[int, str]:
    return (0, "condition") if row.kind == "condition" else (1, "mesh")


def _texts(conn: Connection, query: Select[Any], key: str,
           rank: Callable[[Row[Any]], tuple[int, str]]) -> dict[str, list[tuple[str, str]]]:
    """Per record, its (field, text) pairs ordered by the field's rank."""
    out: dict[str, list[tuple[int, str, str]]] = {}
    for row in conn.execute(query):
        order, field_ = rank(row)
        out.setdefault(getattr(row, key), []).append((order, field_, row.term))
    return {k: [(f, t) for _, f, t in sorted(v, key=lambda x: x[0])] for k, v in out.items()}


def _article_texts(conn: Connection) -> dict[str, list[tuple[str, str]]]:
    """Per article: major MeSH headings, then the other headings, then the title."""
    m = schema.article_mesh
    headings = select(m).where(func.lower(m.c.term).not_in(CHECK_TAGS))
    texts = _texts(conn, headings, "pmid",
                   lambda r: (0, "major mesh") if r.major else (1, "mesh"))
    for row in conn.execute(select(schema.article.c.pmid, schema.article.c.title)):
        texts.setdefault(row.pmid, []).append(("title", row.title))
    return texts


def page_trials(conn: Connection, disease_id: str,
                releases: tuple[Release, ...]) -> tuple[Trial, ...]:
    """The trials about a page: recruiting, then other open studies, then the rest."""
    t, link = schema.trial, schema.trial_link
    rows = conn.execute(select(t, link.c.field, link.c.how, link.c.matched)
                        .join(link, link.c.nct_id == t.c.nct_id)
                        .where(link.c.disease_id == disease_id)).all()
    version = {r.source: r.version for r in releases}
    trials = [Trial(
        nct_id=r.nct_id, title=r.title, status=r.status, study_type=r.study_type,
        phases=tuple(r.phases.split(";")) if r.phases else (), enrollment=r.enrollment,
        enrollment_type=r.enrollment_type, start_date=r.start_date, url=r.url,
        matched=r.matched, how=r.how, field=r.field, source=r.source,
        release=version.get(r.source, "unknown")) for r in rows]
    return tuple(sorted(trials, key=_trial_order))


def _trial_order(trial: Trial) -> tuple[int, int, str]:
    rank = STATUS_ORDER.index(trial.status) if trial.status in STATUS_ORDER else len(
        STATUS_ORDER)
    return rank, -(trial.start_date or date.min).toordinal(), trial.nct_id


def page_articles(conn: Connection, disease_id: str,
                  releases: tuple[Release, ...]) -> tuple[ResearchArticle, ...]:
    """The PubMed articles about a page, newest first."""
    a, link = schema.article, schema.article_link
    rows = conn.execute(select(a, link.c.field, link.c.how, link.c.matched)
                        .join(link, link.c.pmid == a.c.pmid)
                        .where(link.c.disease_id == disease_id)).all()
    version = {r.source: r.version for r in releases}
    articles = [ResearchArticle(
        pmid=r.pmid, title=r.title, journal=r.journal, published=r.published,
        published_text=r.published_text, treatment=r.treatment, patients=r.patients,
        summary=r.summary, url=f"{PUBMED_URL}{r.pmid}/", matched=r.matched, how=r.how,
        field=r.field, source=r.source, release=version.get(r.source, "unknown"))
        for r in rows]
    return tuple(sorted(articles, key=lambda x: (-(x.published or date.min).toordinal(),
                                                 x.pmid)))
