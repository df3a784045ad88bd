"""The Atom feed of a disease page's trials and articles."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from rareinfo.kb.build import SourceRun
from rareinfo.records import Article, Record
from rareinfo.service.building import build_snapshot
from rareinfo.sources import clinicaltrials, hpo, mondo, pubmed
from rareinfo.web.app import create_app
from tests.unit.test_research import MARFAN, PMS, article_records, mondo_records, trial_records

ATOM = "{http://www.w3.org/2005/Atom}"
SCRIPT_TITLE = "<script>alert(1)</script> & sleep in Phelan-McDermid syndrome"


def articles() -> list[Record]:
    return [*article_records(), Article("pubmed", "444", SCRIPT_TITLE,
                                        published=date(2025, 2, 1))]


@pytest.fixture(scope="module")
def client(new_kb_url: Callable[[str], str], mini_release: Path
           ) -> Iterator[TestClient]:
    url = new_kb_url("feed")
    build_snapshot(url, [SourceRun(hpo.INFO, hpo.read(mini_release)),
                SourceRun(mondo.INFO, iter(mondo_records())),
                SourceRun(clinicaltrials.INFO, iter(trial_records())),
                SourceRun(pubmed.INFO, iter(articles()))], enforce_minimums=False)
    with TestClient(create_app(url)) as client:
        yield client


def test_feed_lists_trials_and_articles_newest_first(client: TestClient) -> None:
    response = client.get(f"/diseases/{PMS}/feed.atom")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}title") == (
        "Phelan-McDermid syndrome — new trials and research (rareinfo)")
    entries = root.findall(f"{ATOM}entry")
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    study, article = "https://clinicaltrials.gov/study/", "https://pubmed.ncbi.nlm.nih.gov/"
    assert ids == [f"{study}NCT00000004", f"{article}444/", f"{article}333/",
                   f"{study}NCT00000001", f"{article}222/", f"{study}NCT00000002",
                   f"{study}NCT00000003", f"{study}NCT00000006"]
    for entry in entries:
        for tag in ("title", "updated", "summary"):
            assert entry.findtext(f"{ATOM}{tag}"), tag
        link = entry.find(f"{ATOM}link")
        assert link is not None and link.get("href") == entry.findtext(f"{ATOM}id")
    assert entries[0].findtext(f"{ATOM}updated") == "2026-01-01T00:00:00Z"
    assert entries[-1].findtext(f"{ATOM}updated") == "2026-08-11T00:00:00Z"  # its release
    assert root.findtext(f"{ATOM}updated") == "2026-01-01T00:00:00Z"


def test_feed_escapes_titles(client: TestClient) -> None:
    body = client.get(f"/diseases/{PMS}/feed.atom").content
    assert b"<script>" not in body and b"&lt;script&gt;" in body
    titles = [e.findtext(f"{ATOM}title") for e in ET.fromstring(body).iter(f"{ATOM}entry")]
    assert SCRIPT_TITLE in titles


def test_feed_redirects_and_404(client: TestClient) -> None:
    moved = client.get("/diseases/ORPHA:48652/feed.atom", follow_redirects=False)
    assert moved.status_code == 301
    assert moved.headers["location"] == f"/diseases/{PMS}/feed.atom"
    missing = client.get("/diseases/MONDO:9999999/feed.atom")
    assert missing.status_code == 404 and "text/html" in missing.headers["content-type"]


def test_disease_page_links_its_feed_only_with_research(client: TestClient) -> None:
    feed_link = 'type="application/atom+xml" title="Phelan-McDermid syndrome: new trials'
    assert feed_link in client.get(f"/diseases/{PMS}").text
    assert "application/atom+xml" not in client.get(f"/diseases/{MARFAN}").text
