"""A parent's words through the API, the page, the CLI and phenotype search, over a
knowledge base built from the tiny release in tests/fixtures/hpo_words."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, select
from typer.testing import CliRunner

from rareinfo.cli import app
from rareinfo.kb import schema
from rareinfo.kb.build import SourceRun
from rareinfo.service.building import build_snapshot
from rareinfo.sources import hpo
from rareinfo.web.app import create_app

RELEASE = Path(__file__).resolve().parent.parent / "fixtures" / "hpo_words"
# Plain words only: before the everyday vocabulary none of these phrases mapped to a term
# and the API answered 422.
WILLIAMS = ("She is overly friendly and chatty, has puffy eyes, gappy teeth and a husky "
            "voice, and she hates loud noises.")


@pytest.fixture(scope="module")
def words_kb_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('words-kb') / 'rareinfo.sqlite'}"
    build_snapshot(url, [SourceRun(hpo.INFO, hpo.read(RELEASE))], enforce_minimums=False)
    return url


@pytest.fixture(scope="module")
def client(words_kb_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(words_kb_url)) as client:
        yield client


def test_a_parents_description_of_williams_syndrome_is_ranked(client: TestClient) -> None:
    response = client.post("/api/v1/diagnose", json={"text": WILLIAMS, "top": 3})
    assert response.status_code == 200, response.text
    body = response.json()
    assert {m["term_id"] for m in body["text"]["matches"]} == {
        "HP:0100025", "HP:0000629", "HP:0000687", "HP:0001609", "HP:0010780"}
    assert body["results"][0]["records"][0]["disease_id"] == "OMIM:194050"


def test_negation_and_family_history_reach_the_api_and_the_page(client: TestClient) -> None:
    body = client.post("/api/v1/diagnose", json={
        "text": "swollen glands in her neck, losing weight, no fever; his father had fits"}
    ).json()
    assert [t["id"] for t in body["present"]] == ["HP:0025289", "HP:0001824"]
    assert [t["id"] for t in body["excluded"]] == ["HP:0001945"]
    assert body["text"]["family"][0]["terms"] == ["HP:0001250"]
    page = client.get("/diagnose", params={"text": "pale, his father had fits"}).text
    assert "Pallor" in page and "was read as family history" in page


def test_cli_says_what_it_read_as_family_history(words_kb_url: str) -> None:
    result = CliRunner().invoke(app, ["diagnose", "--text", "fits, runs in the family",
                                      "--json", "--database", words_kb_url])
    assert result.exit_code == 0, result.output
    text = json.loads(result.output)["text"]
    assert [m["term_id"] for m in text["matches"]] == ["HP:0001250"]
    assert text["family"][0]["text"] == "runs in the family"


def test_phenotype_search_entries_include_the_everyday_words(words_kb_url: str) -> None:
    entry = schema.search_entry
    with create_engine(words_kb_url).connect() as conn:
        rows = set(conn.execute(
            select(entry.c.text, entry.c.curie).where(entry.c.field == "layperson")))
    assert ("floppy baby", "HP:0001252") in rows
    assert ("enlarged spleen", "HP:0001744") in rows
    assert not any(curie == "HP:0012828" for _, curie in rows)  # no vocabulary for modifiers
