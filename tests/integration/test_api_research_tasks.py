"""The research tasks of the API issue, each in one or two calls, on the full shared build."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from rareinfo.web.app import create_app

pytestmark = pytest.mark.integration

SEIZURE, FOCAL_ONSET_SEIZURE = "HP:0001250", "HP:0007359"


@pytest.fixture(scope="module")
def client(shared_kb_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(shared_kb_url), follow_redirects=False) as client:
        yield client


def test_every_disease_with_seizures_including_descendants_with_frequencies(
        client: TestClient) -> None:
    direct = client.get(f"/api/v1/phenotypes/{SEIZURE}/diseases", params={"limit": 1}).json()
    every = client.get(f"/api/v1/phenotypes/{SEIZURE}/diseases",
                       params={"include_descendants": "true", "limit": 10_000}).json()
    assert every["next"] is None and len(every["results"]) == every["total"]
    pages = {r["disease_id"] for r in every["results"]}
    assert len(pages) == every["diseases"] > direct["diseases"]
    # the diseases annotated only to a child term (focal-onset seizures) are in
    only_child = {r["disease_id"] for r in every["results"]
                  if r["phenotype_id"] == FOCAL_ONSET_SEIZURE} - {
        r["disease_id"] for r in every["results"] if r["phenotype_id"] == SEIZURE}
    assert only_child
    for row in every["results"]:
        assert row["source_record"] and row["source"] and row["release"]
        assert not row["negated"]
    framed = [r["frequency"] for r in every["results"] if r["frequency"]]
    assert framed and all(f["id"] in {"HP:0040280", "HP:0040281", "HP:0040282",
                                      "HP:0040283", "HP:0040284", "HP:0040285"}
                          for f in framed if f["fraction"] is not None)
    assert any(f["n"] is not None and f["m"] is not None for f in framed)
    # one row per record: a page with an OMIM and an ORPHA record shows both, and says so
    records: dict[str, set[str]] = {}
    for r in every["results"]:
        records.setdefault(r["disease_id"], set()).add(r["source_record"])
    assert any(len({i.split(":")[0] for i in ids}) > 1 for ids in records.values())


def test_frequent_seizures_as_tsv(client: TestClient) -> None:
    response = client.get(f"/api/v1/phenotypes/{SEIZURE}/diseases", params={
        "include_descendants": "true", "min_frequency": 0.8, "format": "tsv",
        "limit": 10_000})
    header, *rows = response.text.splitlines()
    columns = header.split("\t")
    assert len(rows) == int(response.headers["x-total-count"]) > 0
    fraction = columns.index("frequency_fraction")
    assert all(float(row.split("\t")[fraction]) >= 0.8 for row in rows)


def _twenty_omim_ids(url: str) -> list[str]:
    engine = create_engine(url)
    with engine.connect() as conn:
        ids = conn.execute(text(
            "SELECT curie FROM disease_identifier WHERE curie LIKE 'OMIM:%' AND status = "
            "'current' ORDER BY curie LIMIT 20")).scalars().all()
    engine.dispose()
    return [str(i) for i in ids]


def test_map_twenty_omim_ids_in_one_call(client: TestClient, shared_kb_url: str) -> None:
    omim = _twenty_omim_ids(shared_kb_url)
    assert len(omim) == 20
    resolved = client.post("/api/v1/resolve", json={"ids": omim}).json()["results"]
    assert [r["input"] for r in resolved] == omim
    assert all(r["status"] == "current" and r["page_id"] for r in resolved)
    mapped = client.get("/api/v1/mappings", params=[("id", i) for i in omim]).json()
    assert {m["subject_id"] for m in mapped["results"]} <= set(omim)
    assert len({m["subject_id"] for m in mapped["results"]}) >= 15


def test_marfan_says_which_orphanet_mapping_is_exact(client: TestClient) -> None:
    rows = client.get("/api/v1/mappings", params={"id": "OMIM:154700"}).json()["results"]
    found = {(m["object_id"], m["predicate_id"], m["source_relation"]) for m in rows}
    assert ("ORPHA:284963", "skos:exactMatch", "E") in found
    assert ("ORPHA:558", "skos:broadMatch", "BTNT") in found
    assert {m["subject_page"] for m in rows} == {"MONDO:0007947"}


def test_the_gene_hgnc_3603(client: TestClient) -> None:
    gene = client.get("/api/v1/genes/HGNC:3603").json()
    assert gene["symbol"] == "FBN1"
    assert {"HGNC:3603", "NCBIGene:2200"} <= set(gene["identifiers"])
    assert "MONDO:0007947" in {d["disease_id"] for d in gene["diseases"]}
    moved = client.get("/api/v1/genes/NCBIGene:2200")
    assert moved.status_code == 301 and moved.headers["location"] == "/api/v1/genes/HGNC:3603"
    rows = client.get("/api/v1/genes/FBN1/diseases", params={"limit": 10_000}).json()
    assert rows["total"] == len(rows["results"]) > len(gene["diseases"])
    found = client.get("/api/v1/search", params={"q": "HGNC:3603"}).json()["results"]
    assert (found[0]["id"], found[0]["kind"]) == ("HGNC:3603", "gene")
    by_symbol = client.get("/api/v1/search", params={"q": "FBN1", "kind": "gene"}).json()
    assert by_symbol["results"][0]["id"] == "HGNC:3603"


def test_trials_and_treatments_of_cystic_fibrosis(client: TestClient) -> None:
    trials = client.get("/api/v1/diseases/MONDO:0009061/trials").json()
    assert trials["total"] == len(trials["results"]) > 0
    status = trials["results"][0]["status"]
    same = client.get("/api/v1/diseases/MONDO:0009061/trials", params={"status": status}).json()
    assert same["total"] >= 1 and all(t["status"] == status for t in same["results"])
    approved = client.get("/api/v1/diseases/ORPHA:586/treatments",
                          params={"approved": "true", "limit": 5}).json()
    assert approved["total"] > 5 and approved["next"]
    assert all(t["approval_status"] == "approved" for t in approved["results"])
