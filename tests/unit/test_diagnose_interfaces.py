"""The diagnosis through the CLI, the JSON API and the page, over the tiny knowledge base."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from rareinfo.cli import app
from rareinfo.config import Settings
from rareinfo.web.app import create_app

runner = CliRunner()


@pytest.fixture(scope="module")
def client(mini_kb_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(mini_kb_url)) as client:
        yield client


def test_cli_ranks_with_reasons(mini_kb_url: str) -> None:
    result = runner.invoke(app, ["diagnose", "HP:0002240", "HP:0001250", "--top", "3",
                                 "--database", mini_kb_url])
    assert result.exit_code == 0, result.output
    assert "does not replace one" in result.output
    assert "1. Test syndrome OMIM:100001" in result.output
    assert "Hepatomegaly -> Hepatomegaly" in result.output


def test_cli_plain_words_and_json(mini_kb_url: str) -> None:
    result = runner.invoke(app, ["diagnose", "--text", "enlarged liver, epilepsy", "--json",
                                 "--database", mini_kb_url])
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert [m["term_id"] for m in body["text"]["matches"]] == ["HP:0002240", "HP:0001250"]
    assert body["results"][0]["disease_id"] == "OMIM:100001"


def test_cli_batch(mini_kb_url: str, tmp_path: Path) -> None:
    cases = tmp_path / "cases.jsonl"
    cases.write_text('{"id": "a", "present": ["HP:0002240"], "excluded": ["HP:0006721"]}\n'
                     "not json\n"
                     '{"id": "b", "present": ["HP:0006721"]}\n')
    out = tmp_path / "ranks.jsonl"
    result = runner.invoke(app, ["diagnose", "--cases", str(cases), "--out", str(out),
                                 "--top", "2", "--database", mini_kb_url])
    assert result.exit_code == 0, result.output
    assert "2 of 3 cases ranked" in result.output and "cases.jsonl:2" in result.output
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line["id"] for line in lines] == ["a", "b"]
    assert len(lines[0]["ranking"]) == 2
    assert set(lines[0]["ranking"][0]) == {"disease", "score"}


def test_cli_bad_input_is_one_line(mini_kb_url: str, tmp_path: Path) -> None:
    packet = tmp_path / "case.json"
    packet.write_text('{"phenotypicFeatures": "oops"}')
    result = runner.invoke(app, ["diagnose", "--phenopacket", str(packet),
                                 "--database", mini_kb_url])
    assert result.exit_code == 2 and "phenotypicFeatures" in result.output
    none = runner.invoke(app, ["diagnose", "--database", mini_kb_url])
    assert none.exit_code == 2 and "at least one present symptom" in none.output
    method = runner.invoke(app, ["diagnose", "HP:0002240", "--method", "magic",
                                 "--database", mini_kb_url])
    assert method.exit_code == 2


def test_api_terms_text_and_phenopacket(client: TestClient) -> None:
    body = client.post("/api/v1/diagnose", json={"present": ["HP:0002240"], "top": 2}).json()
    first = body["results"][0]  # a page, its ranked source records inside
    assert first["records"][0]["disease_id"] == "OMIM:100001"  # very frequent there
    assert first["page_id"] == "OMIM:100001" and first["rank"] == 1
    assert first["url"] == "http://testserver/api/v1/diseases/OMIM:100001"
    assert first["records"][0]["matches"][0]["patient_term"]["id"] == "HP:0002240"
    assert first["records"][0]["url"] == "http://testserver/diseases/OMIM:100001"
    assert "does not replace" in body["disclaimer"]
    text = client.post("/api/v1/diagnose", json={"text": "large liver"}).json()
    assert text["text"]["matches"][0]["term_id"] == "HP:0002240"
    packet = {"phenotypicFeatures": [{"type": {"id": "HP:0001250"}},
                                     {"type": {"id": "HP:0002240"}, "excluded": True}]}
    ranked = client.post("/api/v1/diagnose", json={"phenopacket": packet}).json()
    assert [t["id"] for t in ranked["excluded"]] == ["HP:0002240"]
    unknown = client.post("/api/v1/diagnose", json={"present": ["HP:0002240", "HP:9999999"]})
    assert unknown.json()["unknown_terms"] == ["HP:9999999"]


def test_api_phenopacket_body_and_batch(mini_kb_url: str) -> None:
    # Rate limits off: this test sends more diagnoses than one person's burst.
    unlimited = create_app(mini_kb_url, settings=Settings(rate_limit_diagnose_per_minute=0))
    with TestClient(unlimited) as client:
        _phenopacket_body_and_batch(client)


def _phenopacket_body_and_batch(client: TestClient) -> None:
    packet = {"phenotypicFeatures": [{"type": {"id": "HP:0001250"}}]}
    # the phenopacket itself as the body, its sex and onset said to be unused
    raw = client.post("/api/v1/diagnose", json={
        **packet, "id": "p1", "subject": {"id": "s1", "sex": "FEMALE"},
        "phenotypicFeatures": [{"type": {"id": "HP:0001250"},
                                "onset": {"age": {"iso8601duration": "P2Y"}}}]})
    assert raw.status_code == 200, raw.text
    assert [t["id"] for t in raw.json()["present"]] == ["HP:0001250"]
    assert {(u["field"], u["value"]) for u in raw.json()["unused"]} == {
        ("subject.sex", "FEMALE"), ("onset", "HP:0011463")}
    batch = client.post("/api/v1/diagnose/batch", json={"cases": [
        {"id": "p1", "phenotypicFeatures": [{"type": {"id": "HP:0001250"}}]},
        {"present": ["HP:0002240"]}, {"present": []}], "top": 2}).json()
    assert [(r["case"], r["id"], r["error"] is None) for r in batch["results"]] == [
        (0, "p1", True), (1, None, True), (2, None, False)]
    assert batch["results"][1]["diagnosis"] == client.post(
        "/api/v1/diagnose", json={"present": ["HP:0002240"], "top": 20}).json()


@pytest.mark.parametrize("payload", [
    {"present": []},
    {"phenopacket": {"phenotypicFeatures": 3}},
    {"present": ["HP:0002240"], "top": 0},
    {"present": ["HP:0002240"], "method": "magic"},
    {"text": "x" * 5000},
])
def test_api_bad_input(client: TestClient, payload: dict[str, object]) -> None:
    response = client.post("/api/v1/diagnose", json=payload)
    assert response.status_code == 422
    assert response.json()["error"]["message"]


def test_check_symptoms_page(client: TestClient) -> None:
    empty = client.get("/diagnose")
    assert empty.status_code == 200 and "does not replace it" in empty.text
    page = client.get("/diagnose", params={"present": "HP:0002240", "text": "epilepsy"}).text
    assert "Test syndrome" in page and "Why this rank" in page
    assert "“epilepsy” →" in page
    assert 'data-id="HP:0002240"' in page  # the chip survives the round trip


@pytest.fixture(scope="module")
def unlimited(mini_kb_url: str) -> Iterator[TestClient]:
    """A client beyond the diagnosis rate limit's burst (the module's client spent it)."""
    settings = Settings(rate_limit_diagnose_per_minute=0)
    with TestClient(create_app(mini_kb_url, settings=settings)) as client:
        yield client


def test_surfaces_say_what_was_ranked_and_how_sure(mini_kb_url: str,
                                                   unlimited: TestClient) -> None:
    client = unlimited
    cli = runner.invoke(app, ["diagnose", "HP:0002240", "--database", mini_kb_url])
    assert cli.exit_code == 0, cli.output
    assert "confidence" not in cli.output
    assert "Ranked: the 4 disease entries (OMIM, Orphanet, DECIPHER)" in cli.output
    assert "disease pages" in cli.output and "How sure:" in cli.output
    api = client.post("/api/v1/diagnose", json={"present": ["HP:0002240"]}).json()
    assert api["mode"] == "clinician" and api["ranked"].startswith("Ranked: the 4 disease")
    assert api["certainty"]["cases"] > 0 and 0 <= api["certainty"]["first"] <= 1
    assert api["certainty_text"].startswith("How sure:")
    assert api["certainty_text"] in cli.output.replace("\n", " ")
    page = client.get("/diagnose", params={"present": "HP:0002240"}).text
    assert "relative confidence" not in page
    assert api["ranked"] in page
    assert 'class="certainty"' in page


def test_modes_weigh_absent_symptoms_differently(unlimited: TestClient) -> None:
    client = unlimited
    asked = {"present": ["HP:0001250"], "excluded": ["HP:0002240"], "top": 5}
    clinician = client.post("/api/v1/diagnose", json=asked).json()
    lay = client.post("/api/v1/diagnose", json={**asked, "mode": "lay"}).json()
    assert lay["mode"] == "lay"
    scores = {r["page_id"]: r["score"] for r in clinician["results"]}
    # the same absence counts less for the disease that shows hepatomegaly in a lay account
    assert any(r["score"] != scores[r["page_id"]] for r in lay["results"])
    bad = client.post("/api/v1/diagnose", json={**asked, "mode": "parent"})
    assert bad.status_code == 422
