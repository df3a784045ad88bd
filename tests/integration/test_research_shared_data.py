"""Clinical trials and PubMed articles from ../shared/data, linked to pages in the full build."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import create_engine, func, select

from rareinfo.kb import schema
from rareinfo.kb.queries import KnowledgeBase

pytestmark = pytest.mark.integration

PMS = "MONDO:0011652"
# Every saved trial listing Phelan-McDermid syndrome (or 22q13 deletion) as a condition.
PMS_TRIALS = {"NCT02710084", "NCT05105685", "NCT01525901", "NCT03493607", "NCT05187377",
              "NCT03836300", "NCT07014020", "NCT05025241", "NCT07281079"}
ASTHMA_ARTICLE = "29768149"


def test_all_trials_and_articles_load(shared_kb_url: str) -> None:
    with create_engine(shared_kb_url).connect() as conn:
        trials = conn.scalar(select(func.count()).select_from(schema.trial))
        articles = conn.scalar(select(func.count()).select_from(schema.article))
        linked = conn.scalar(select(func.count(func.distinct(schema.trial_link.c.nct_id))))
        counts = {r.source: json.loads(r.counts) for r in conn.execute(
            select(schema.source_release))}
    print(f"\n{trials} trials ({linked} linked), {articles} articles")
    assert trials == 26 and counts["clinicaltrials"]["trials"] == 26
    assert articles == 2 and counts["pubmed"]["articles"] == 2


def test_phelan_mcdermid_page_lists_its_trials(shared_kb_url: str) -> None:
    page = KnowledgeBase(shared_kb_url).disease(PMS)
    assert page is not None
    assert {t.nct_id for t in page.trials} == PMS_TRIALS
    assert page.trials[0].status == "RECRUITING" and page.trials[0].nct_id == "NCT07281079"
    assert {t.release for t in page.trials} == {"2026-08-11"}


def test_no_trial_links_by_a_name_inside_non(shared_kb_url: str) -> None:
    link = schema.trial_link
    with create_engine(shared_kb_url).connect() as conn:
        nsclc = conn.execute(select(link).where(link.c.nct_id.in_(
            ("NCT06382129", "NCT06604689", "NCT05431270")))).all()
    assert nsclc == []  # non-small cell lung cancer is not small cell lung cancer


def test_article_shows_its_patients_and_treatment(shared_kb_url: str) -> None:
    link = schema.article_link
    with create_engine(shared_kb_url).connect() as conn:
        pages = conn.scalars(select(link.c.disease_id).where(link.c.pmid == ASTHMA_ARTICLE))
        page_ids = list(pages)
    assert page_ids, "the asthma trial article links to an asthma page"
    page = KnowledgeBase(shared_kb_url).disease(page_ids[0])
    assert page is not None
    article = next(a for a in page.articles if a.pmid == ASTHMA_ARTICLE)
    assert article.patients == 3849 and article.treatment == "budesonide-formoterol"
    assert article.summary is not None and article.summary.startswith("In patients with mild")
