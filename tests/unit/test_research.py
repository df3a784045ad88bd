"""Clinical trials and PubMed articles linked to disease pages, on the page and in the API."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from rareinfo.kb import schema
from rareinfo.kb.build import SourceRun
from rareinfo.kb.queries import KnowledgeBase
from rareinfo.records import (
    Article,
    ClinicalTrial,
    DiseaseMapping,
    DiseaseRecord,
    MeshTerm,
    Record,
    SourceRelease,
    Synonym,
)
from rareinfo.service.building import build_snapshot
from rareinfo.sources import clinicaltrials, hpo, mondo, pubmed
from rareinfo.sources.abstracts import summary_sentence
from rareinfo.web.app import create_app

PMS, SCLC, MARFAN, ASTHMA = ("MONDO:0011652", "MONDO:0008433", "MONDO:0007947",
                             "MONDO:0004979")


def mondo_records() -> list[Record]:
    return [
        SourceRelease("mondo", "2026-08-04", None, "test"),
        DiseaseMapping("mondo", PMS, "ORPHA:48652", "exact", "skos:exactMatch"),
        DiseaseRecord("mondo", PMS, "Phelan-McDermid syndrome",
                      synonyms=(Synonym("22q13 deletion syndrome"), Synonym("PMS"))),
        DiseaseRecord("mondo", SCLC, "small cell lung cancer"),
        DiseaseRecord("mondo", MARFAN, "Marfan syndrome"),
        DiseaseRecord("mondo", ASTHMA, "asthma"),
    ]


def trial(nct: str, status: str, start: date | None, *conditions: str,
          mesh: tuple[MeshTerm, ...] = ()) -> ClinicalTrial:
    return ClinicalTrial(
        "clinicaltrials", nct, f"Study {nct}", status=status, study_type="INTERVENTIONAL",
        phases=("PHASE2",), enrollment=40, enrollment_type="ESTIMATED", start_date=start,
        conditions=conditions, condition_mesh=mesh, url=f"https://clinicaltrials.gov/study/{nct}")


def trial_records() -> list[Record]:
    return [
        SourceRelease("clinicaltrials", "2026-08-11", date(2026, 8, 11), "test"),
        trial("NCT00000001", "COMPLETED", date(2024, 1, 1), "Phelan-McDermid Syndrome"),
        trial("NCT00000002", "RECRUITING", date(2020, 5, 1), "22q13 Deletion Syndrome"),
        trial("NCT00000003", "COMPLETED", date(2019, 1, 1), "Autism",
              mesh=(MeshTerm("D000001", "Phelan-McDermid Syndrome"),)),
        trial("NCT00000004", "NOT_YET_RECRUITING", date(2026, 1, 1), "Phelan-McDermid Syndrome"),
        trial("NCT00000005", "RECRUITING", date(2025, 1, 1), "Non-Small Cell Lung Cancer",
              "Stage IVA Melanoma"),
        trial("NCT00000006", "COMPLETED", None, "Genetic Disease", "PMS"),
    ]


def article_records() -> list[Record]:
    abstract = (("BACKGROUND", "Asthma is common. It is treated."),
                ("METHODS", "We enrolled 120 patients."),
                ("CONCLUSIONS", "Drug X helped. More work is needed."))
    return [
        SourceRelease("pubmed", "2026-08-01", date(2026, 8, 1), "test"),
        Article("pubmed", "111", "Drug X in mild asthma.", journal="Lancet",
                published=date(2020, 3, 1), abstract=abstract,
                mesh=(MeshTerm("D1", "Child"), MeshTerm("D2", "Asthma", major=True)),
                treatment="drug X", patients=120, summary="Drug X helped."),
        Article("pubmed", "222", "Sleep in Phelan-McDermid syndrome.", journal="JAMA",
                published=date(2023, 6, 1), abstract=(("", "Sleep was poor. Very poor."),),
                mesh=(MeshTerm("D3", "MAP Kinase Kinase 1", major=True),),
                summary="Sleep was poor."),
        Article("pubmed", "333", "A later note on Phelan-McDermid syndrome.",
                published=date(2024, 6, 1)),
    ]


@pytest.fixture(scope="module")
def kb_url(new_kb_url: Callable[[str], str], mini_release: Path) -> str:
    url = new_kb_url("research")
    build_snapshot(url, [SourceRun(hpo.INFO, hpo.read(mini_release)),
                SourceRun(mondo.INFO, iter(mondo_records())),
                SourceRun(clinicaltrials.INFO, iter(trial_records())),
                SourceRun(pubmed.INFO, iter(article_records()))], enforce_minimums=False)
    return url


@pytest.fixture(scope="module")
def client(kb_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(kb_url)) as client:
        yield client


def links(kb_url: str, table: str, key: str) -> dict[str, set[tuple[str, str, str]]]:
    """Per trial or article: (disease_id, field, how) of every link."""
    out: dict[str, set[tuple[str, str, str]]] = {}
    with KnowledgeBase(kb_url).engine.connect() as conn:
        for row in conn.execute(select(schema.metadata.tables[table])):
            out.setdefault(getattr(row, key), set()).add((row.disease_id, row.field, row.how))
    return out


def test_summary_is_first_sentence_of_conclusions_else_abstract() -> None:
    assert summary_sentence((("BACKGROUND", "A. B."), ("CONCLUSIONS", "C is so. D."))) == (
        "C is so.")
    assert summary_sentence((("", "One thing. Two things."),)) == "One thing."
    assert summary_sentence(()) is None


def test_trials_link_by_condition_or_mesh(kb_url: str) -> None:
    found = links(kb_url, "trial_link", "nct_id")
    assert found["NCT00000001"] == {(PMS, "condition", "exact name")}
    assert found["NCT00000002"] == {(PMS, "condition", "synonym")}
    assert found["NCT00000003"] == {(PMS, "mesh", "exact name")}
    assert "NCT00000005" not in found  # non-small cell is not small cell; "IVA" no acronym
    assert found["NCT00000006"] == {(PMS, "condition", "synonym")}  # the whole text "PMS"


def test_articles_link_by_mesh_or_title(kb_url: str) -> None:
    found = links(kb_url, "article_link", "pmid")
    assert found["111"] == {(ASTHMA, "major mesh", "exact name")}  # "Child" is a check tag
    assert found["222"] == {(PMS, "title", "exact name")}  # "MAP Kinase" is no acronym


def test_page_orders_trials_and_articles(kb_url: str) -> None:
    page = KnowledgeBase(kb_url).disease(PMS)
    assert page is not None
    assert [t.nct_id for t in page.trials] == [
        "NCT00000002", "NCT00000004", "NCT00000001", "NCT00000003", "NCT00000006"]
    assert [a.pmid for a in page.articles] == ["333", "222"]
    assert page.articles[1].summary == "Sleep was poor."
    assert {t.release for t in page.trials} == {"2026-08-11"}
    assert {"clinicaltrials", "pubmed"} <= {r.source for r in page.releases}


def test_page_sections_present_or_absent(client: TestClient) -> None:
    html = client.get(f"/diseases/{PMS}").text
    for text in ('id="trials"', "Clinical trials", "Study NCT00000002", "Recruiting",
                 "Phase 2", "40 participants", "https://clinicaltrials.gov/study/NCT00000002",
                 'id="research"', "Latest research", "https://pubmed.ncbi.nlm.nih.gov/222/",
                 "JAMA", "release 2026-08-11", "release 2026-08-01"):
        assert text in html, text
    assert html.index("NCT00000002") < html.index("NCT00000001")
    asthma = client.get(f"/diseases/{ASTHMA}").text
    for text in ("Drug X helped.", "drug X", "120 patients", "Lancet"):
        assert text in asthma, text
    marfan = client.get(f"/diseases/{MARFAN}").text
    assert 'id="trials"' not in marfan and 'id="research"' not in marfan


def test_trials_page_filters_by_status(client: TestClient) -> None:
    html = client.get(f"/diseases/{PMS}/trials").text
    assert "All (5)" in html and "Recruiting (1)" in html and "Completed (3)" in html
    recruiting = client.get(f"/diseases/{PMS}/trials?status=RECRUITING").text
    assert "NCT00000002" in recruiting and "NCT00000001" not in recruiting
    assert "No clinical trials" in client.get(f"/diseases/{PMS}/trials?status=WITHDRAWN").text


def test_trials_page_redirects_and_404(client: TestClient) -> None:
    moved = client.get("/diseases/ORPHA:48652/trials?status=RECRUITING",
                       follow_redirects=False)
    assert moved.status_code == 301
    assert moved.headers["location"] == f"/diseases/{PMS}/trials?status=RECRUITING"
    assert client.get("/diseases/MONDO:9999999/trials").status_code == 404


def test_api_has_trials_and_articles(client: TestClient) -> None:
    body = client.get(f"/api/v1/diseases/{PMS}").json()
    first = body["trials"][0]
    assert first["nct_id"] == "NCT00000002" and first["status"] == "RECRUITING"
    assert first["start_date"] == "2020-05-01" and first["source"] == "clinicaltrials"
    assert [a["pmid"] for a in body["articles"]] == ["333", "222"]
    assert client.get(f"/api/v1/diseases/{MARFAN}").json()["trials"] == []


def test_show_prints_the_trials_and_articles_the_page_lists(kb_url: str,
                                                            tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from rareinfo.cli import app

    result = CliRunner().invoke(app, ["show", PMS, "--database", kb_url,
                                      "--userdata", f"sqlite:///{tmp_path}/none.sqlite"])
    assert result.exit_code == 0, result.output
    assert "Clinical trials (" in result.output and "Latest research (" in result.output
    assert "NCT00000002 Study NCT00000002" in result.output
    assert "RECRUITING; INTERVENTIONAL; PHASE2; 40 participants; start 2020-05-01" in (
        result.output)
    assert "PMID:222 Sleep in Phelan-McDermid syndrome." in result.output
    assert "JAMA; 2023-06-01" in result.output
    assert "Source: ClinicalTrials.gov" in result.output
