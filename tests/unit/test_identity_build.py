"""A build merging four sources: one page per disease, every identifier resolving to it."""

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
    DiseaseMapping,
    DiseaseRecord,
    Prevalence,
    Record,
    SourceRelease,
    Synonym,
)
from rareinfo.service.building import build_snapshot
from rareinfo.sources import gard, hpo, mondo, orphanet
from rareinfo.web.app import create_app


def orphanet_records() -> list[Record]:
    return [
        SourceRelease("orphanet", "1.0", date(2025, 12, 9), "test"),
        DiseaseRecord("orphanet", "ORPHA:513", "Acute lymphoblastic leukemia",
                      synonyms=(Synonym("ALL"), Synonym("Acute lymphocytic leukemia")),
                      definition="A malignant proliferation of lymphoid cells.",
                      parents=("ORPHA:547",), categories=("Rare hematologic disease",),
                      kind="Clinical group"),
        DiseaseRecord("orphanet", "ORPHA:547", "Non-Hodgkin lymphoma"),
        DiseaseRecord("orphanet", "ORPHA:357", "Gilbert syndrome"),
        DiseaseRecord("orphanet", "ORPHA:67038", "B-cell chronic lymphocytic leukemia",
                      parents=("ORPHA:98",)),
        DiseaseRecord("orphanet", "ORPHA:98", "Chronic lymphoid leukemia"),
        DiseaseMapping("orphanet", "ORPHA:513", "OMIM:613065", "exact", "E"),
        Prevalence("orphanet", "ORPHA:513", "Annual incidence", "Class only",
                   "1-9 / 100 000", None, "Europe", "Validated"),
    ]


def mondo_records() -> list[Record]:
    return [
        SourceRelease("mondo", "2026-08-04", None, "test"),
        DiseaseMapping("mondo", "MONDO:0004967", "ORPHA:513", "exact", "skos:exactMatch"),
        DiseaseMapping("mondo", "MONDO:0013108", "OMIM:613065", "exact", "skos:exactMatch"),
        DiseaseMapping("mondo", "MONDO:0004967", "GARD:0000522", "xref", "oboInOwl:hasDbXref"),
        DiseaseMapping("mondo", "MONDO:0007745", "ORPHA:357", "exact", "skos:exactMatch"),
        DiseaseMapping("mondo", "MONDO:0004948", "ORPHA:67038", "exact", "skos:exactMatch"),
        # Mondo's rare-subset edge file puts B-cell CLL under ALL; Orphanet classifies it
        # elsewhere, so the page does not show it as a subtype.
        DiseaseMapping("mondo", "MONDO:0004948", "MONDO:0004967", "broader", "rdfs:subClassOf"),
        DiseaseRecord("mondo", "MONDO:0000001", "obsolete leukemia", obsolete=True,
                      replaced_by="MONDO:0004967"),
        DiseaseRecord("mondo", "MONDO:0000002", "obsolete thing", obsolete=True),
    ]


def gard_records(*, with_gone: bool) -> list[Record]:
    records: list[Record] = [
        SourceRelease("gard", "2025-10-31", None, "test"),
        DiseaseRecord("gard", "GARD:0000522", "Acute lymphoid leukemia",
                      synonyms=(Synonym("acute lymphocytic leukemia"),),
                      categories=("Cancer",), translations=(("es", "Leucemia linfoide"),)),
        # Mondo cross-references no GARD entry of this name: it joins the page by name.
        DiseaseRecord("gard", "GARD:0006507", "Gilbert syndrome", categories=("Digestive",),
                      translations=(("es-page", "13227/sindrome-de-gilbert"),)),
    ]
    if with_gone:
        records.append(DiseaseRecord("gard", "GARD:0009999", "Gone disease"))
    return records


def runs(mini_release: Path, *, with_gone: bool) -> list[SourceRun]:
    return [SourceRun(hpo.INFO, hpo.read(mini_release)),
            SourceRun(orphanet.INFO, iter(orphanet_records())),
            SourceRun(mondo.INFO, iter(mondo_records())),
            SourceRun(gard.INFO, iter(gard_records(with_gone=with_gone)))]


@pytest.fixture(scope="module")
def merged_url(new_kb_url: Callable[[str], str], mini_release: Path) -> str:
    url = new_kb_url("merged")
    build_snapshot(url, runs(mini_release, with_gone=True), enforce_minimums=False)
    build_snapshot(url, runs(mini_release, with_gone=False), enforce_minimums=False)
    return url


@pytest.fixture(scope="module")
def client(merged_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(merged_url), follow_redirects=False) as client:
        yield client


def test_every_identifier_reaches_one_page(merged_url: str) -> None:
    kb = KnowledgeBase(merged_url)
    for identifier in ("ORPHA:513", "Orphanet_513", "GARD:0000522", "522", "MONDO:0004967"):
        assert kb.resolve_disease(identifier) == "MONDO:0004967", identifier
    assert kb.resolve_disease("OMIM:613065") == "MONDO:0013108"  # Mondo keeps it apart


def test_merged_page(merged_url: str) -> None:
    page = KnowledgeBase(merged_url).disease("MONDO:0004967")
    assert page is not None
    assert page.name == "Acute lymphoblastic leukemia" and page.name_source == "orphanet"
    assert {"ALL", "Acute lymphocytic leukemia", "Acute lymphoid leukemia"} <= set(page.synonyms)
    assert "acute lymphocytic leukemia" not in page.synonyms  # case-insensitive duplicate
    assert page.definition_source == "orphanet"
    assert {(c.name, c.source) for c in page.categories} == {
        ("Cancer", "gard"), ("Rare hematologic disease", "orphanet")}
    assert [p.name for p in page.parents] == ["Non-Hodgkin lymphoma"]
    assert page.spanish_name == "Leucemia linfoide"
    assert page.prevalence[0].prevalence_class == "1-9 / 100 000"
    assert [s.id for s in page.same_as] == ["MONDO:0013108"]
    # The GARD example rows come from OMIM:613065, shown with where they come from.
    rows = {row.id: row for row in page.symptoms}
    assert sorted((f.via, f.label) for f in rows["HP:0006721"].frequencies) == [
        ("OMIM:613065", None), ("ORPHA:513", "Always (100%)")]
    assert rows["HP:0006721"].frequency_label == "Always (100%)"  # the page's own statement
    assert [(t.id, t.references[0]) for t in page.inheritance] == [
        ("HP:0010982", "via OMIM:613065")]
    assert {r.source for r in page.releases} == {"hpo", "orphanet", "gard"}


def test_pages_of_reads_identifiers_of_backwards(merged_url: str) -> None:
    kb = KnowledgeBase(merged_url)
    with kb.engine.connect() as conn:
        pages = list(conn.execute(select(schema.disease.c.id)).scalars())
    assert "MONDO:0004967" in pages
    for filed in ({"ORPHA:513"}, {"GARD:0000522", "OMIM:613065"}, {"MONDO:0000001"},
                  {"MONDO:0000002", "NOPE:1"}, {"MONDO:0004948"}, set()):
        expected = {page for page in pages if set(kb.identifiers_of(page)) & filed}
        assert kb.pages_of(filed) & set(pages) == expected, filed
    assert "MONDO:0004967" in kb.pages_of({"ORPHA:513", "MONDO:0000001"})
    kb.close()


def test_parent_group_lists_its_subtype(merged_url: str) -> None:
    kb = KnowledgeBase(merged_url)
    group = kb.disease(kb.resolve_disease("ORPHA:547") or "")
    assert group is not None and [c.id for c in group.children] == ["MONDO:0004967"]


def test_redirects_and_retired_identifiers(client: TestClient) -> None:
    for form in ("ORPHA:513", "GARD:0000522", "522", "MONDO:0000001"):
        response = client.get(f"/diseases/{form}")
        assert response.status_code == 301, form
        assert response.headers["location"] == "/diseases/MONDO:0004967"
    obsolete = client.get("/diseases/MONDO:0000002")
    assert obsolete.status_code == 410 and "obsolete" in obsolete.text
    gone = client.get("/api/v1/diseases/GARD:0009999")  # served by the first build only
    assert gone.status_code == 410
    assert "Gone disease" in gone.json()["error"]["message"]


def test_page_sections(client: TestClient) -> None:
    html = client.get("/diseases/MONDO:0004967").text
    for text in ("Categories:", "Cancer", "Non-Hodgkin lymphoma", "Leucemia linfoide",
                 "via OMIM:613065", "1-9 / 100 000", "Definition from ORPHANET",
                 "Closely related entries"):
        assert text in html, text


def test_search_all_ranks_the_merged_page_first(client: TestClient) -> None:
    body = client.get("/api/v1/search", params={"q": "ALL", "kind": "disease"}).json()
    assert body["results"][0]["id"] == "MONDO:0004967"


def test_gard_entry_joins_the_page_of_its_name(merged_url: str, client: TestClient) -> None:
    kb = KnowledgeBase(merged_url)
    assert kb.resolve_disease("GARD:0006507") == "MONDO:0007745"
    page = kb.disease("MONDO:0007745")
    assert page is not None and "Digestive" in {c.name for c in page.categories}
    (gard_id,) = [i for i in page.identifiers if i.curie == "GARD:0006507"]
    assert gard_id.note == "joined by name: Gilbert syndrome"
    # The GARD page's address redirects: identifiers never break.
    response = client.get("/diseases/GARD:0006507")
    assert response.status_code == 301
    assert response.headers["location"] == "/diseases/MONDO:0007745"
    html = client.get("/diseases/MONDO:0007745").text
    assert "joined by name: Gilbert syndrome" in html
    # No Spanish name rebuilt from the address: a link to GARD's Spanish page instead.
    assert page.spanish_name is None
    assert page.spanish_page == (
        "https://rarediseases.info.nih.gov/espanol/13227/sindrome-de-gilbert")
    assert 'href="https://rarediseases.info.nih.gov/espanol/13227/sindrome-de-gilbert"' in html
    found = client.get("/api/v1/search", params={"q": "síndrome de Gilbert"}).json()
    assert found["results"][0]["id"] == "MONDO:0007745"  # the address's words find it


def test_contradicted_parent_is_one_source_view_not_a_subtype(merged_url: str) -> None:
    kb = KnowledgeBase(merged_url)
    all_page, cll = kb.disease("MONDO:0004967"), kb.disease("MONDO:0004948")
    assert all_page is not None and cll is not None
    assert "MONDO:0004948" not in {c.id for c in all_page.children}
    assert [p.id for p in cll.parents] == ["ORPHA:98"]
    (disputed,) = cll.disputed_parents
    assert disputed.id == "MONDO:0004967" and disputed.source == "mondo"
    assert disputed.detail and "orphanet classifies it elsewhere" in disputed.detail
