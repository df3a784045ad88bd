"""Orphan designations linked to disease pages by name, shown on the page and in the API."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from rareinfo.kb import schema
from rareinfo.kb.build import SourceRun
from rareinfo.kb.models import Treatment
from rareinfo.kb.queries import KnowledgeBase
from rareinfo.kb.treatments import NameIndex, canonical_tokens, group_products
from rareinfo.records import (
    DiseaseMapping,
    DiseaseRecord,
    OrphanDesignation,
    Record,
    SourceRelease,
    Synonym,
)
from rareinfo.service.building import build_snapshot
from rareinfo.sources import fda_orphan, hpo, mondo
from rareinfo.web.app import create_app

ALL, AML, TALL, PHALL, LEUK = ("MONDO:0004967", "MONDO:0018874", "MONDO:0004963",
                               "MONDO:0000871", "MONDO:0005059")


def mondo_records() -> list[Record]:
    return [
        SourceRelease("mondo", "2026-08-04", None, "test"),
        DiseaseMapping("mondo", ALL, "ORPHA:513", "exact", "skos:exactMatch"),
        DiseaseRecord("mondo", LEUK, "leukemia", parents=()),
        DiseaseRecord("mondo", ALL, "acute lymphoblastic leukemia",
                      synonyms=(Synonym("ALL"), Synonym("acute lymphocytic leukaemia")),
                      parents=(LEUK,)),
        DiseaseRecord("mondo", AML, "acute myeloid leukemia", synonyms=(Synonym("AML"),),
                      parents=(LEUK,)),
        DiseaseRecord("mondo", TALL, "T-cell acute lymphoblastic leukemia", parents=(ALL,)),
        DiseaseRecord("mondo", PHALL,
                      "Philadelphia chromosome-positive acute lymphoblastic leukemia",
                      synonyms=(Synonym("Ph+ ALL"),), parents=(ALL,)),
        # A classification edge that does not make CLL a kind of ALL for drugs.
        DiseaseRecord("mondo", "MONDO:0004948", "B-cell chronic lymphocytic leukemia",
                      parents=(ALL,)),
        DiseaseRecord("mondo", "MONDO:0007947", "Marfan syndrome"),
    ]


def designation(key: str, name: str, text: str, indication: str | None = None,
                approved: date | None = None, trade: str | None = None) -> OrphanDesignation:
    return OrphanDesignation(
        "fda_orphan", key, name, text, trade_name=trade, sponsor="Acme Pharma",
        designated=date(2010, 1, 5), approval_status="approved" if approved else "designated",
        approved_indication=indication, approved=approved)


def fda_records() -> list[Record]:
    return [
        SourceRelease("fda_orphan", "2026-04", date(2026, 4, 1), "test"),
        designation("k1", "blinatumomab", "Treatment of acute lymphocytic leukemia",
                    "Treatment of B-cell precursor acute lymphoblastic leukemia (ALL)",
                    date(2014, 12, 3), "Blincyto"),
        designation("k2", "midostaurin", "Treatment of acute myeloid leukemia",
                    "Treatment of adult patients with newly diagnosed acute myeloid leukemia "
                    "(AML) that is FLT3 mutation-positive", date(2017, 4, 28), "Rydapt"),
        designation("k3", "nelarabine", "Treatment of T-cell acute lymphoblastic leukemias",
                    "T-cell acute lymphoblastic leukemia", date(2005, 10, 28), "Arranon"),
        designation("k4", "ponatinib", "Treatment of Ph+ ALL"),
        designation("k5", "ibrutinib", "Treatment of B-cell chronic lymphocytic leukemia",
                    "B-cell chronic lymphocytic leukemia", date(2014, 2, 12), "Imbruvica"),
        # Designated for ALL, approved only for AML: never shown as approved for ALL.
        designation("k6", "switchamab", "Treatment of acute lymphoblastic leukemia",
                    "Treatment of acute myeloid leukemia", date(2020, 1, 1), "Switcho"),
        designation("k7", "allotide", "For all patients with a rare syndrome"),
    ]


@pytest.fixture(scope="module")
def kb_url(new_kb_url: Callable[[str], str], mini_release: Path) -> str:
    url = new_kb_url("treatments")
    build_snapshot(url, [SourceRun(hpo.INFO, hpo.read(mini_release)),
                SourceRun(mondo.INFO, iter(mondo_records())),
                SourceRun(fda_orphan.INFO, iter(fda_records()))], enforce_minimums=False)
    return url


@pytest.fixture(scope="module")
def client(kb_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(kb_url)) as client:
        yield client


def links(kb_url: str) -> dict[str, set[tuple[str, str]]]:
    """Per designation key: (disease_id, how) of every link."""
    link = schema.designation_link
    out: dict[str, set[tuple[str, str]]] = {}
    with KnowledgeBase(kb_url).engine.connect() as conn:
        for row in conn.execute(select(link)):
            out.setdefault(row.designation_key, set()).add((row.disease_id, row.how))
    return out


def test_canonical_words_fold_spelling_plurals_and_signs() -> None:
    assert canonical_tokens("Acute Lymphoblastic Leukaemias") == (
        "acute", "lymphoblastic", "leukemia")
    assert canonical_tokens("Ph+ ALL") == ("ph", "positive", "all")
    assert canonical_tokens("Ph- ALL") == ("ph", "negative", "all")


def test_longest_name_wins_and_no_substring_luck() -> None:
    index = NameIndex([(ALL, "acute lymphoblastic leukemia", "name"),
                       (AML, "acute myeloid leukemia", "name"),
                       (LEUK, "leukemia", "name"), (ALL, "ALL", "synonym")])
    assert {m.disease_id for m in index.find("acute myeloid leukemia")} == {AML}
    assert {m.disease_id for m in index.find("relapsed ALL")} == {ALL}
    assert index.find("for all patients") == []  # an acronym counts in capitals only
    assert index.find("leukemiaform") == []


def test_linking_positive_and_negative_cases(kb_url: str) -> None:
    found = links(kb_url)
    assert found["k1"] == {(ALL, "synonym"), (ALL, "exact name"), (LEUK, "subtype")}
    assert found["k2"] == {(AML, "exact name"), (LEUK, "subtype")}  # never ALL
    assert (TALL, "exact name") in found["k3"] and (ALL, "subtype") in found["k3"]
    assert (PHALL, "synonym") in found["k4"] and (ALL, "subtype") in found["k4"]
    assert found["k5"] == {("MONDO:0004948", "exact name")}  # its name does not name ALL
    assert "k7" not in found


def test_page_lists_approved_then_designated(kb_url: str) -> None:
    page = KnowledgeBase(kb_url).disease(ALL)
    assert page is not None
    approved = [t.trade_name for t in page.treatments if t.approved]
    designated = [t.generic_name for t in page.treatments if not t.approved]
    assert approved == ["Blincyto", "Arranon"]  # not Rydapt, Imbruvica or Switcho
    assert designated == ["ponatinib"]
    (event,) = page.treatments[1].events
    assert event.via == TALL and event.how == "subtype"
    assert {t.release for t in page.treatments} == {"2026-04"}
    assert "fda_orphan" in {r.source for r in page.releases}
    aml = KnowledgeBase(kb_url).disease(AML)
    assert aml is not None and {t.trade_name for t in aml.treatments} == {"Rydapt", "Switcho"}


def test_page_section_present_or_absent(client: TestClient) -> None:
    html = client.get(f"/diseases/{ALL}").text
    for text in ('id="treatments"', "FDA-approved orphan products", "Blincyto",
                 "Treatment of B-cell precursor acute lymphoblastic leukemia (ALL)",
                 "not yet approved", "export of 2026-04", "Acme Pharma"):
        assert text in html, text
    assert "Rydapt" not in html
    assert 'id="treatments"' not in client.get("/diseases/MONDO:0007947").text


def test_api_has_treatments(client: TestClient) -> None:
    body = client.get(f"/api/v1/diseases/{ALL}").json()
    first = body["treatments"][0]
    assert first["generic_name"] == "blinatumomab" and first["approved"] is True
    (event,) = first["events"]
    assert event["approved_indication"].startswith("Treatment of B-cell precursor")
    assert event["approval_date"] == "2014-12-03" and first["source"] == "fda_orphan"


def event(generic: str, trade: str | None, on: date, *, approved: bool) -> Treatment:
    return Treatment(generic, trade, "Amgen", f"Treatment of ALL ({on.year})",
                     None if approved else on, approved, "ALL" if approved else None,
                     on if approved else None, "all", "exact name", None, "fda_orphan", "2026-04")


def test_one_entry_per_product_with_its_history_by_date() -> None:
    rows = [event("blinatumomab", "Blincyto", date(2017, 7, 11), approved=True),
            event("Blinatumomab", None, date(2008, 11, 24), approved=False),
            event("blinatumomab", "BLINCYTO", date(2014, 12, 3), approved=True),
            event("dasatinib", "Sprycel", date(2006, 6, 28), approved=True),
            event("dasatinib", "Phyrago", date(2023, 1, 1), approved=True),
            event("dasatinib", None, date(2005, 1, 1), approved=False),
            event("ponatinib", None, date(2010, 1, 1), approved=False)]
    products = group_products(rows)
    assert [(p.generic_name, p.trade_name, p.approved) for p in products] == [
        ("blinatumomab", "Blincyto", True), ("dasatinib", "Phyrago", True),
        ("dasatinib", "Sprycel", True), ("dasatinib", None, False),
        ("ponatinib", None, False)]
    blincyto = products[0]
    assert [e.approval_date or e.designated for e in blincyto.events] == [
        date(2008, 11, 24), date(2014, 12, 3), date(2017, 7, 11)]  # oldest first


def test_show_prints_the_treatments_the_page_lists(kb_url: str, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from rareinfo.cli import app

    result = CliRunner().invoke(app, ["show", ALL, "--database", kb_url,
                                      "--userdata", f"sqlite:///{tmp_path}/none.sqlite"])
    assert result.exit_code == 0, result.output
    assert "Treatments (" in result.output
    assert "blinatumomab (Blincyto): approved 2014-12-03" in result.output
    assert "Approved indication: Treatment of B-cell precursor acute lymphoblastic" in (
        result.output)
    assert "sponsor: Acme Pharma" in result.output
    assert "Source: FDA" in result.output
    # Reading a user database that does not exist leaves none behind.
    assert not (tmp_path / "none.sqlite").exists()
