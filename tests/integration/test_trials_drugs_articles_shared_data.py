"""FDA orphan drugs, trials and articles from the real files in ../shared/data.

The ClinicalTrials.gov and PubMed clients run end to end against the local replay server
serving the real captured responses, with faults injected along the way.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from rareinfo.records import (
    Article,
    ClinicalTrial,
    OrphanDesignation,
    Problem,
    Record,
    SourceRelease,
)
from rareinfo.sources import clinicaltrials as ct
from rareinfo.sources import fda_orphan, pubmed
from rareinfo.sources.replay import ApiError, Politeness
from tests.replay_server import ReplayServer

pytestmark = pytest.mark.integration

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
CAPTURES = DATA / "clinicaltrials" / "ctgov_v2_biomcp_captures_2026-08-11"
PAGE1 = CAPTURES / "search_phelan_limit5_20260811.json"
PAGE2 = CAPTURES / "search_phelan_next_20260811.json"
# Quick to give up on the injected stall, patient enough to outlast five faults in a row.
FAST = Politeness(rate=1000.0, burst=10, retries=5, backoff=0.0, max_wait=0.0, timeout=0.3)


def _timed(label: str, records: Iterator[Record]) -> list[Record]:
    start = time.perf_counter()
    items = list(records)
    kinds = Counter(type(item).__name__ for item in items)
    print(f"\n{label}: {time.perf_counter() - start:.2f} s, {dict(kinds)}")
    return items


# FDA orphan drug designations and approvals.

@pytest.fixture(scope="module")
def designations() -> list[Record]:
    assert fda_orphan.locate(DATA) == DATA / "fda"
    return _timed("fda_orphan 2026 xlsx", fda_orphan.read(DATA / "fda"))


def test_the_2026_export_is_read_in_full(designations: list[Record]) -> None:
    release = designations[0]
    assert isinstance(release, SourceRelease) and release.version == "2026-04"
    assert release.location.endswith("oopd_designated_approved_ca2026-04.xlsx")
    rows = [r for r in designations if isinstance(r, OrphanDesignation)]
    minimum = dict(fda_orphan.INFO.minimum_counts)["orphan designations"]
    assert 1_400 <= len(rows) <= 1_409 and len(rows) >= minimum
    assert all(r.designated and r.approved for r in rows)
    assert max(r.approved for r in rows if r.approved) == date(2026, 3, 17)
    assert len({r.key for r in rows}) == len(rows)
    problems = [r for r in designations if isinstance(r, Problem)]
    assert len(problems) <= 10


def test_acute_lymphoblastic_leukemia_approvals(designations: list[Record]) -> None:
    rows = [r for r in designations if isinstance(r, OrphanDesignation)]
    all_rows = [r for r in rows if "acute lymphoblastic leukemia" in
                (r.approved_indication or "").lower()]
    names = " ".join(r.trade_name or "" for r in all_rows)
    assert all(name in names for name in ("Kymriah", "Blincyto", "Besponsa", "Iclusig"))
    assert len(all_rows) >= 25


def test_damaged_names_are_repaired(designations: list[Record]) -> None:
    texts = " ".join(r.approved_indication or "" for r in designations
                     if isinstance(r, OrphanDesignation))
    assert "Sézary syndrome" in texts and "Behçet’s" in texts  # the apostrophe kept too
    assert "\u9ea1" not in texts


def test_the_2022_csv_keeps_the_keys_of_the_2026_export(designations: list[Record]) -> None:
    old = _timed("fda_orphan 2022 csv",
                 fda_orphan.read(DATA / "fda" / "oopd_designated_approved_2022-07.csv"))
    old_rows = [r for r in old if isinstance(r, OrphanDesignation)]
    assert len(old_rows) >= 1_000
    new_keys = {r.key for r in designations if isinstance(r, OrphanDesignation)}
    kept = sum(r.key in new_keys for r in old_rows)
    print(f"2022 rows whose key is in the 2026 export: {kept} of {len(old_rows)}")
    assert kept / len(old_rows) > 0.9


# ClinicalTrials.gov.

def test_read_every_saved_response() -> None:
    assert ct.locate(DATA) == DATA / "clinicaltrials"
    items = _timed("clinicaltrials shared data", ct.read(DATA / "clinicaltrials"))
    trials = {t.nct_id: t for t in items if isinstance(t, ClinicalTrial)}
    assert len(trials) == 26
    full = trials["NCT04267848"]
    assert full.condition_mesh[0].term == "Carcinoma, Non-Small-Cell Lung"
    assert full.enrollment == 1210 and full.enrollment_type == "ESTIMATED"
    assert full.last_update == date(2025, 9, 10) and full.locations and full.locations > 1000
    problems = [p for p in items if isinstance(p, Problem)]
    assert [p.location for p in problems] == ["covid-19-search.json.gz"]


@pytest.fixture()
def trials_server() -> Iterator[ReplayServer]:
    """The real paged Phelan-McDermid search; the capture stops after two pages, so the
    token of the third answers with an empty last page."""
    first, second = (json.loads(p.read_text()) for p in (PAGE1, PAGE2))
    with ReplayServer() as server:
        server.add_file("/api/v2/studies", PAGE1)
        server.add_file("/api/v2/studies", PAGE2, query={"pageToken": first["nextPageToken"]})
        server.add("/api/v2/studies", '{"studies": []}',
                   query={"pageToken": second["nextPageToken"]})
        yield server


def _sync_trials(server: ReplayServer, cache: Path) -> ct.SearchSync:
    return ct.fetch_condition(["Phelan-McDermid syndrome"], cache, page_size=5,
                              base_url=f"{server.url}/api/v2", politeness=FAST)


def _capture_ids() -> set[str]:
    return {s["protocolSection"]["identificationModule"]["nctId"]
            for page in (PAGE1, PAGE2) for s in json.loads(page.read_text())["studies"]}


def test_paged_search_end_to_end_through_faults(trials_server: ReplayServer,
                                                tmp_path: Path) -> None:
    token = json.loads(PAGE1.read_text())["nextPageToken"]
    for fault in ("429", "500", "timeout", "truncated", "cut"):
        trials_server.fail(fault, query={"pageToken": token}, delay=0.6)
    sync = _sync_trials(trials_server, tmp_path)
    assert sync.complete and sync.pages_fetched == 3 and sync.total == 21
    assert (sync.path / "page-0002.json").read_bytes() == PAGE2.read_bytes()
    trials = {t.nct_id for t in ct.read(tmp_path / "clinicaltrials")
              if isinstance(t, ClinicalTrial)}
    assert trials == _capture_ids() and len(trials) == 10


def test_an_interrupted_sync_resumes_and_loses_nothing(trials_server: ReplayServer,
                                                       tmp_path: Path) -> None:
    token = json.loads(PAGE1.read_text())["nextPageToken"]
    trials_server.fail("500", times=FAST.retries + 1, query={"pageToken": token})
    with pytest.raises(ApiError):
        _sync_trials(trials_server, tmp_path)
    saved = {t.nct_id for t in ct.read(tmp_path / "clinicaltrials")
             if isinstance(t, ClinicalTrial)}
    assert len(saved) == 5  # page one survived the failure
    before = len(trials_server.requests)
    sync = _sync_trials(trials_server, tmp_path)
    assert (sync.pages_replayed, sync.pages_fetched, sync.complete) == (1, 2, True)
    asked = [q.get("pageToken") for _, q in trials_server.requests[before:]]
    assert None not in asked and asked[0] == token  # the saved page was not asked again
    trials = {t.nct_id for t in ct.read(tmp_path / "clinicaltrials")
              if isinstance(t, ClinicalTrial)}
    assert trials == _capture_ids()


# PubMed.

EFETCH = {"29768149": DATA / "pubmed" / "pubmed-29768149_efetch.xml",
          "22663011": DATA / "pubmed" / "biomcp_efetch_citation_22663011.xml"}


def test_real_abstracts_yield_treatment_and_patients() -> None:
    assert pubmed.locate(DATA) == DATA / "pubmed"
    items = _timed("pubmed shared data", pubmed.read(DATA / "pubmed"))
    articles = {a.pmid: a for a in items if isinstance(a, Article)}
    asthma, melanoma = articles["29768149"], articles["22663011"]
    print({pmid: (a.treatment, a.patients) for pmid, a in articles.items()})
    assert (asthma.patients, asthma.treatment) == (3849, "budesonide-formoterol")
    assert (melanoma.patients, melanoma.treatment) == (322, "trametinib")
    assert [label for label, _ in melanoma.abstract] == [
        "BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"]
    assert melanoma.published == date(2012, 6, 4) and melanoma.published_text == "2012 Jul 12"
    assert "Melanoma" in {m.term for m in melanoma.mesh}
    assert "Randomized Controlled Trial" in melanoma.publication_types
    assert asthma.doi == "10.1056/NEJMoa1715274" and asthma.journal_abbreviation == "N Engl J Med"
    assert not [p for p in items if isinstance(p, Problem)]


def test_article_sync_end_to_end_through_faults(tmp_path: Path) -> None:
    # The shared esearch capture lists made-up ids; this answer lists the real articles.
    search = {"esearchresult": {"count": "2", "idlist": list(EFETCH)}}
    with ReplayServer() as server:
        server.add("/eutils/esearch.fcgi", json.dumps(search))
        for pmid, path in EFETCH.items():
            server.add_file("/eutils/efetch.fcgi", path, query={"id": pmid})
        server.fail("cut", path="/eutils/esearch.fcgi")
        for fault in ("429", "timeout", "truncated", "500"):
            server.fail(fault, path="/eutils/efetch.fcgi", delay=0.6)
        sync = pubmed.fetch_articles(["BRAF melanoma"], tmp_path, batch_size=1,
                                     base_url=f"{server.url}/eutils", politeness=FAST)
    assert (sync.ids, sync.batches_fetched, sync.complete) == (2, 2, True)
    articles = {a.pmid for a in pubmed.read(tmp_path / "pubmed") if isinstance(a, Article)}
    assert articles == set(EFETCH)
