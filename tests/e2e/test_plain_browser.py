"""A parent in a real browser reads NIH's plain-language texts on the full knowledge base."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import serving

pytestmark = pytest.mark.e2e

ALL, CLL = "MONDO:0004967", "MONDO:0004948"


@pytest.fixture(scope="module")
def shared_server_url(shared_kb_url: str) -> Iterator[str]:
    """The portal over the knowledge base built from every source in ../shared/data."""
    with serving({"RAREINFO_DATABASE_URL": shared_kb_url}, timeout=90) as url:
        yield url


def test_all_page_shows_nci_text_on_childhood_all(page: Page, shared_server_url: str) -> None:
    page.goto(f"{shared_server_url}/diseases/{ALL}")
    subtype = page.locator("section.plain-subtype[data-about='MONDO:0000870']")
    expect(subtype.locator("h2")).to_have_text(
        "About childhood acute lymphoblastic leukemia, a subtype")
    for heading in ("What is it?", "Symptoms", "Diagnosis and tests", "Outlook", "Treatment"):
        expect(subtype.locator("h3", has_text=heading)).to_have_count(1)
    expect(subtype).to_contain_text("Childhood acute lymphoblastic leukemia (ALL) is a type "
                                     "of cancer")
    expect(subtype.locator(".plain-source").first).to_contain_text(
        "National Cancer Institute (PDQ)")
    expect(subtype.locator(".plain-source").first).to_contain_text("captured around 2017")
    expect(subtype.locator(".plain-source a").first).to_have_attribute(
        "href", "https://www.cancer.gov/types/leukemia/patient/child-all-treatment-pdq")
    # Plain words come before the medical summary.
    plain_top = page.locator("section.plain").first.bounding_box()
    summary_top = page.locator("#summary").bounding_box()
    assert plain_top is not None and summary_top is not None
    assert plain_top["y"] < summary_top["y"]


@pytest.mark.parametrize(("disease", "words"), [
    ("MONDO:0007947", "Marfan syndrome is a disorder that affects the connective tissue"),
    ("MONDO:0009061", "Cystic fibrosis is an inherited disease"),
    ("MONDO:0007739", "Huntington disease is a progressive brain disorder"),
])
def test_genetics_pages_show_medlineplus_genetics(page: Page, shared_server_url: str,
                                                  disease: str, words: str) -> None:
    page.goto(f"{shared_server_url}/diseases/{disease}")
    own = page.locator("section.plain-own")
    expect(own.locator(".plain-GHR").first).to_contain_text(words)
    expect(own.locator(".plain-GHR .plain-source").first).to_contain_text(
        "MedlinePlus Genetics")


def test_cll_page_shows_none_of_all(page: Page, shared_server_url: str) -> None:
    page.goto(f"{shared_server_url}/diseases/{CLL}")
    plain = page.locator("section.plain")
    expect(plain.first).to_contain_text("chronic lymphocytic leukemia")
    text = page.locator("main").inner_text() if page.locator("main").count() else \
        page.content()
    for words in ("acute lymphoblastic leukemia (ALL) is a type of cancer",
                  "About childhood acute lymphoblastic leukemia"):
        assert words not in text
    expect(page.locator("section.plain[data-about='MONDO:0004967']")).to_have_count(0)
