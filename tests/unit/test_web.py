"""Pages and JSON API over the tiny knowledge base (FastAPI's in-process client)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from rareinfo.web.app import create_app


@pytest.fixture(scope="module")
def client(mini_kb_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(mini_kb_url), follow_redirects=False) as client:
        yield client


def test_disease_page_plain_words_first(client: TestClient) -> None:
    page = client.get("/diseases/OMIM:100001")
    assert page.status_code == 200
    html = page.text
    assert "<h1>Test syndrome</h1>" in html
    assert html.index("Enlarged liver") < html.index("HP:0002240</a>")
    assert "Very frequent (80-99%)" in html
    assert "43% <small>(3 of 7 people)</small>" in html
    assert "Features not seen in this disease" in html and "Acute leukemia" in html
    assert "Autosomal dominant inheritance" in html
    assert "Congenital onset" in html
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/111/"' in html
    assert "release 2099-01-01" in html
    assert "January 2, 2022" in html


def test_example_page_rows(client: TestClient) -> None:
    html = client.get("/diseases/OMIM:613065").text
    assert 'data-hpo="HP:0006721"' in html
    assert "Polygenic inheritance" in html and "HP:0010982" in html
    assert "How many people have these symptoms is not recorded" in html


def test_other_identifier_forms_redirect_permanently(client: TestClient) -> None:
    for form in ("613065", "omim:613065", "MIM:613065"):
        response = client.get(f"/diseases/{form}")
        assert response.status_code == 301, form
        assert response.headers["location"] == "/diseases/OMIM:613065"
    assert client.get("/diseases/Orphanet_513").headers["location"] == "/diseases/ORPHA:513"
    alt = client.get("/phenotypes/HP:0001405")
    assert alt.status_code == 301 and alt.headers["location"] == "/phenotypes/HP:0002240"


def test_unknown_disease_is_a_404_page_with_suggestions(client: TestClient) -> None:
    response = client.get("/diseases/test_syndrom")
    assert response.status_code == 404
    assert "Page not found" in response.text
    assert "/diseases/OMIM:100001" in response.text


def test_phenotype_page(client: TestClient) -> None:
    html = client.get("/phenotypes/HP:0002240").text
    assert "Enlarged liver" in html and "plain words" in html
    assert "/diseases/OMIM:100001" in html and "/diseases/ORPHA:513" in html
    assert "Phenotypic abnormality" in html  # parent
    obsolete = client.get("/phenotypes/HP:0000009").text
    assert "obsolete" in obsolete and "/phenotypes/HP:0000118" in obsolete


def test_search_page_and_empty_result(client: TestClient) -> None:
    html = client.get("/search", params={"q": "enlarged liver"}).text
    assert "/phenotypes/HP:0002240" in html
    empty = client.get("/search", params={"q": "zzzz qqqq"})
    assert empty.status_code == 200
    assert "No disease or symptom matches" in empty.text


def test_browse(client: TestClient) -> None:
    html = client.get("/browse/T").text
    assert "Test syndrome" in html
    assert client.get("/browse/%C3%A9%C3%A9").status_code == 404


def test_api_disease_and_redirect(client: TestClient) -> None:
    body = client.get("/api/v1/diseases/OMIM:100001").json()
    assert body["name"] == "Test syndrome"
    assert body["symptoms"][0]["id"] == "HP:0002240"
    assert body["releases"][0]["version"] == "2099-01-01"
    moved = client.get("/api/v1/diseases/100001")
    assert moved.status_code == 301
    assert moved.headers["location"] == "/api/v1/diseases/OMIM:100001"


def test_api_search_and_autocomplete(client: TestClient) -> None:
    found = client.get("/api/v1/search", params={"q": "hepatomegally"}).json()
    assert found["results"][0]["id"] == "HP:0002240"
    completions = client.get("/api/v1/autocomplete", params={"q": "hepato"}).json()
    assert completions[0]["id"] == "HP:0002240"
    assert completions[0]["url"] == "/phenotypes/HP:0002240"


@pytest.mark.parametrize(("path", "params", "status"), [
    ("/api/v1/diseases/OMIM:1", None, 404),
    ("/api/v1/diseases/" + "9" * 300, None, 400),
    ("/api/v1/search", {"q": "x" * 5000}, 400),
    ("/api/v1/search", {"q": "a\x00b"}, 400),
    ("/api/v1/search", {"q": ""}, 400),
    ("/api/v1/search", None, 422),
    ("/api/v1/search", {"q": "liver", "limit": "many"}, 422),
    ("/api/v1/phenotypes/HP:9999999", None, 404),
])
def test_api_errors_have_one_shape(client: TestClient, path: str,
                                   params: dict[str, str] | None, status: int) -> None:
    response = client.get(path, params=params)
    assert response.status_code == status
    error = response.json()["error"]
    assert error["status"] == status and error["message"]
    assert "Traceback" not in response.text


def test_bad_input_on_pages_is_a_clean_4xx(client: TestClient) -> None:
    assert client.get("/search", params={"q": "\x01\x02"}).status_code == 400
    assert client.get("/search", params={"q": "y" * 1000}).status_code == 400
    assert client.get("/no/such/page").status_code == 404
    response = client.get("/search", params={"q": "x", "page": "-3"})
    assert response.status_code == 422 and "<html" in response.text


def test_openapi_documents_the_api(client: TestClient) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/diseases/{identifier}", "/api/v1/search",
            "/api/v1/autocomplete"} <= set(spec["paths"])
    assert client.get("/docs").status_code == 200


def test_about_lists_sources(client: TestClient) -> None:
    html = client.get("/about").text
    assert "Human Phenotype Ontology" in html and "2099-01-01" in html
