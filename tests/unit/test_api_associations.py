"""Association lists, mappings, web conventions and the OpenAPI document, on the tiny KB."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from openapi_spec_validator import validate

from rareinfo.config import Settings
from rareinfo.kb.associations import frequency_term
from rareinfo.web.app import create_app


@pytest.fixture(scope="module")
def client(mini_kb_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    where: Path = tmp_path_factory.mktemp("assoc")
    app = create_app(mini_kb_url, userdata_url=f"sqlite:///{where / 'userdata.sqlite'}")
    with TestClient(app, follow_redirects=False) as client:
        yield client


def test_frequency_terms_from_fractions_ids_and_counts() -> None:
    assert frequency_term("3/7", 3 / 7, 3, 7) is not None
    counted = frequency_term("3/7", 3 / 7, 3, 7)
    assert counted is not None and (counted.id, counted.n, counted.m) == ("HP:0040282", 3, 7)
    stated = frequency_term("HP:0040281", 0.895, None, None)
    assert stated is not None and (stated.id, stated.label) == ("HP:0040281", "Very frequent")
    percent = frequency_term("35%", 0.35, None, None)
    assert percent is not None and percent.id == "HP:0040282"
    assert frequency_term(None, None, None, None) is None


def test_a_terms_diseases_with_descendants_one_row_per_record(client: TestClient) -> None:
    direct = client.get("/api/v1/phenotypes/HP:0002488/diseases").json()
    assert direct["total"] == 0  # only a NOT annotation: negated rows are left out
    below = client.get("/api/v1/phenotypes/HP:0002488/diseases",
                       params={"include_descendants": "true"}).json()
    records = {(r["source_record"], r["phenotype_id"]) for r in below["results"]}
    assert records == {("OMIM:613065", "HP:0006721"), ("OMIM:100001", "HP:0006721"),
                       ("ORPHA:513", "HP:0006721")}
    assert below["diseases"] == len({r["disease_id"] for r in below["results"]})


def test_paging_next_link_and_min_frequency(client: TestClient) -> None:
    first = client.get("/api/v1/phenotypes/HP:0001250/diseases", params={"limit": 1}).json()
    assert first["total"] >= 2 and len(first["results"]) == 1
    assert first["next"].startswith("http://testserver/api/v1/phenotypes/HP:0001250/diseases?")
    second = client.get(first["next"]).json()
    assert second["offset"] == 1 and second["results"] != first["results"]
    frequent = client.get("/api/v1/phenotypes/HP:0001250/diseases",
                          params={"min_frequency": 0.5}).json()
    assert all(r["frequency"]["fraction"] >= 0.5 for r in frequent["results"])
    assert frequent["total"] < first["total"]
    counted = next(r for r in client.get("/api/v1/phenotypes/HP:0001250/diseases").json()[
        "results"] if r["source_record"] == "OMIM:100001")
    assert counted["frequency"]["n"] == 3 and counted["frequency"]["m"] == 7
    assert counted["evidence"] == "PCS" and counted["references"] == ["PMID:111"]
    assert counted["release"] == "2099-01-01"


def test_tsv_by_parameter_and_by_accept_header(client: TestClient) -> None:
    by_param = client.get("/api/v1/diseases/OMIM:100001/phenotypes", params={"format": "tsv"})
    by_header = client.get("/api/v1/diseases/OMIM:100001/phenotypes",
                           headers={"Accept": "text/tab-separated-values"})
    assert by_param.text == by_header.text
    assert by_param.headers["content-type"].startswith("text/tab-separated-values")
    header, *rows = by_param.text.splitlines()
    assert header.split("\t")[:3] == ["disease_id", "disease_name", "source_record"]
    assert "frequency_id" in header.split("\t")
    assert len(rows) == int(by_param.headers["x-total-count"])


def test_sub_resources_route_and_unknown_ids_are_404(client: TestClient) -> None:
    assert client.get("/api/v1/phenotypes/HP:0001250").status_code == 200
    assert client.get("/api/v1/phenotypes/HP:0001250/diseases").status_code == 200
    assert client.get("/api/v1/diseases/OMIM:404404/genes").status_code == 404
    assert client.get("/api/v1/phenotypes/HP:9999999/diseases").status_code == 404
    assert client.get("/api/v1/diseases/OMIM:613065/trials").json()["total"] == 0


def test_mappings_resolve_and_genes(client: TestClient) -> None:
    resolved = client.post("/api/v1/resolve", json={"ids": ["613065", "OMIM:404404", "?"]})
    statuses = [r["status"] for r in resolved.json()["results"]]
    assert statuses == ["current", "unknown", "malformed"]
    assert resolved.json()["results"][0]["url"].startswith("http://testserver/api/v1/diseases/")
    assert client.post("/api/v1/resolve", json={"ids": []}).status_code == 422
    mapped = client.get("/api/v1/mappings", params={"id": "OMIM:613065", "format": "tsv"})
    assert mapped.text.splitlines()[0].split("\t")[:5] == [
        "subject_id", "predicate_id", "object_id", "mapping_justification", "source"]
    assert client.get("/api/v1/genes/NOSUCHGENE").status_code == 404


def test_cors_preflight_head_and_no_server_paths(client: TestClient, mini_kb_url: str) -> None:
    preflight = client.options("/api/v1/search", headers={
        "Origin": "http://localhost:9", "Access-Control-Request-Method": "GET"})
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "*"
    plain = client.get("/api/v1/status", headers={"Origin": "http://localhost:9"})
    assert plain.headers["access-control-allow-origin"] == "*"
    page = client.get("/", headers={"Origin": "http://localhost:9"})
    assert "access-control-allow-origin" not in page.headers  # the read API only
    head = client.head("/api/v1/status")
    assert head.status_code == 200 and head.content == b""
    status = plain.json()
    assert status["database"] == mini_kb_url.split(":")[0].split("+")[0]  # the kind only
    assert all(r["location"] is None or r["location"].startswith("http")
               for r in status["releases"])
    # The tiny KB was read from tests/fixtures/hpo_mini: that path stays on the server.
    assert "hpo_mini" not in client.get("/api/v1/sources").text
    for word in ("hpo_mini", "sqlite:", "@", "127.0.0.1", "localhost"):
        assert word not in plain.text


def test_cors_origins_setting(mini_kb_url: str, tmp_path: Path) -> None:
    app = create_app(mini_kb_url, settings=Settings(cors_origins=["https://portal.example"]),
                     userdata_url=f"sqlite:///{tmp_path / 'u.sqlite'}")
    with TestClient(app) as client:
        other = client.get("/api/v1/status", headers={"Origin": "https://else.example"})
        allowed = client.get("/api/v1/status", headers={"Origin": "https://portal.example"})
    assert "access-control-allow-origin" not in other.headers
    assert allowed.headers["access-control-allow-origin"] == "https://portal.example"


def test_openapi_document_reads_well_and_validates(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    assert document == client.get("/api/v1/openapi.json").json()
    validate(document)
    assert document["info"]["license"]["name"] == "Apache-2.0"
    assert document["servers"] and document["info"]["contact"]
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            assert "_" not in operation["operationId"], (method, path)
            assert operation["tags"] != ["api"], (method, path)
            assert operation.get("x-example"), (method, path)
            for parameter in operation.get("parameters", []):
                if parameter["name"] == "identifier":
                    assert parameter.get("description"), (method, path)


def test_genes_are_found_by_symbol_and_id(client: TestClient) -> None:
    by_symbol = client.get("/api/v1/search", params={"q": "ETV6", "kind": "gene"}).json()
    assert [(r["id"], r["kind"]) for r in by_symbol["results"]] == [("NCBIGene:2120", "gene")]
    by_id = client.get("/api/v1/search", params={"q": "NCBIGene:2120"}).json()
    assert by_id["results"][0]["url"] == "/api/v1/genes/NCBIGene:2120"
    gene = client.get("/api/v1/genes/etv6", follow_redirects=True)
    assert gene.json()["id"] == "NCBIGene:2120" and gene.json()["diseases"]
