"""The knowledge base built with `rareinfo build --from ../shared/data`: the issue's must-show."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from rareinfo.cli import app
from rareinfo.kb.queries import KnowledgeBase
from rareinfo.web.app import create_app

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def client(shared_kb_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(shared_kb_url), follow_redirects=True) as client:
        yield client


def test_all_sources_loaded(shared_kb_url: str) -> None:
    releases = {r.source: r for r in KnowledgeBase(shared_kb_url).releases()}
    assert set(releases) == {"hpo", "orphanet", "mondo", "gard", "fda_orphan", "clinicaltrials",
                             "pubmed", "medlineplus"}
    assert releases["fda_orphan"].version == "2026-04"  # the newest export in the directory
    assert releases["orphanet"].counts["diseases"] == 9960


@pytest.mark.parametrize("address", ["/diseases/ORPHA:513", "/diseases/GARD:0000522",
                                     "/diseases/MONDO:0004967", "/diseases/522",
                                     "/diseases/Orphanet_513"])
def test_one_page_for_acute_lymphoblastic_leukemia(client: TestClient, address: str) -> None:
    response = client.get(address)
    assert response.status_code == 200
    assert str(response.url).endswith("/diseases/MONDO:0004967")
    html = response.text
    assert "<h1>Acute lymphoblastic leukemia</h1>" in html


def test_all_page_content(shared_kb_url: str) -> None:
    page = KnowledgeBase(shared_kb_url).disease("MONDO:0004967")
    assert page is not None
    assert {"Acute lymphocytic leukemia", "ALL"} <= set(page.synonyms)
    assert "Cancer" in {c.name for c in page.categories}
    assert "Non-Hodgkin lymphoma" in {p.name for p in page.parents}
    assert page.definition and page.definition_source == "orphanet"
    rows = {row.id: row for row in page.symptoms}
    assert {f.via for f in rows["HP:0006721"].frequencies} == {"OMIM:613065"}
    assert [(t.id, t.source) for t in page.inheritance if t.id == "HP:0010982"] == [
        ("HP:0010982", "hpo")]
    lower = {s.casefold() for s in page.synonyms}
    assert len(lower) == len(page.synonyms)  # case-insensitive duplicates removed


def test_search_all_first_and_any_synonym(client: TestClient) -> None:
    first = client.get("/api/v1/search", params={"q": "ALL", "kind": "disease"}).json()
    assert first["results"][0]["id"] == "MONDO:0004967"
    page = KnowledgeBase(client.app.state.live.url).disease("MONDO:0004967")  # type: ignore[attr-defined]
    assert page is not None
    for synonym in page.synonyms[:12]:
        found = client.get("/api/v1/search", params={"q": synonym, "kind": "disease",
                                                     "limit": 5}).json()
        assert "MONDO:0004967" in [r["id"] for r in found["results"]], synonym


def test_status_prints_coverage(shared_kb_url: str) -> None:
    result = CliRunner().invoke(app, ["status", "--database", shared_kb_url])
    assert result.exit_code == 0
    for text in ("pages with a definition", "pages with symptoms", "pages with genes",
                 "pages with prevalence", "GARD entries on a page"):
        assert text in result.output
    coverage = KnowledgeBase(shared_kb_url).status().coverage
    assert coverage["pages"] > 15_000
    assert coverage["GARD entries merged with another source"] > 5_000


def test_sampled_pages_render(shared_kb_url: str, client: TestClient) -> None:
    ids = sorted(KnowledgeBase(shared_kb_url).disease_names())
    for disease_id in ids[::400]:
        assert client.get(f"/diseases/{disease_id}").status_code == 200, disease_id
