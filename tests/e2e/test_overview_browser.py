"""A parent reads the plain-words overview and its pictures in a real browser, desktop and phone."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import serving

pytestmark = pytest.mark.e2e

MARFAN = "MONDO:0007947"  # NIH texts, then "At a glance"; prevalence, genes, many symptoms
DESKTOP, PHONE = {"width": 1280, "height": 900}, {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def shared_server_url(shared_kb_url: str) -> Iterator[str]:
    """The portal over the knowledge base built from every source in ../shared/data."""
    with serving({"RAREINFO_DATABASE_URL": shared_kb_url}, timeout=90) as url:
        yield url


def open_page(browser: Browser, viewport: dict[str, int], url: str,
              violations: list[str]) -> Page:
    context = browser.new_context(viewport=viewport)  # type: ignore[arg-type]
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.on("console", lambda m: violations.append(m.text)
            if "Content Security Policy" in m.text else None)
    page.goto(url)
    return page


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_overview_charts_and_their_text_alternatives(browser: Browser, shared_server_url: str,
                                                     viewport: dict[str, int]) -> None:
    violations: list[str] = []
    page = open_page(browser, viewport, f"{shared_server_url}/diseases/{MARFAN}", violations)
    overview = page.locator("#overview")
    expect(overview.locator("h2")).to_have_text("At a glance")
    # NIH's own words come first, the overview follows them
    plain_box = page.locator("section.plain-own").bounding_box()
    overview_box = overview.bounding_box()
    assert plain_box is not None and overview_box is not None
    assert plain_box["y"] < overview_box["y"]
    expect(overview).to_contain_text("Changes in the FBN1 gene cause it.")
    # what it is a type of opens the overview; an eponym keeps its capital
    expect(overview.locator("li[data-topic='parent']")).to_contain_text(
        "It is one of the Marfan syndrome and Marfan-related disorders")
    expect(overview).to_contain_text("It is passed down in a dominant pattern.")
    expect(overview.locator(".glossary").first).to_contain_text("One changed copy")
    # each sentence leads to the facts behind it, with source and release
    first_ref = overview.locator("li[data-topic='symptoms'] .ov-ref a").first
    expect(first_ref).to_have_attribute("title", re.compile("release"))
    note = first_ref.get_attribute("href")
    assert note is not None and note.startswith("#ov-fact-")
    first_ref.click()
    expect(page.locator(note)).to_contain_text("Human Phenotype Ontology")
    expect(page.locator(note)).to_contain_text("release")
    # pictures: SVG with a title and a description a screen reader reads
    body = overview.locator(".body-chart svg[role='img']")
    expect(body.locator("title")).to_have_text("Parts of the body with the most recorded signs")
    expect(body.locator("desc")).to_contain_text("bones, joints and muscles: 36 of 105 signs")
    scale = overview.locator(".prevalence-chart svg[role='img']")
    expect(scale.locator("desc")).to_contain_text("about 1 to 5 in 10,000 people")
    expect(overview.locator(".prevalence-chart figcaption")).to_contain_text(
        "About 1 to 5 in 10,000 people")
    expect(page.locator("table.symptoms svg.bar").first).to_be_visible()
    expect(page.locator("table.symptoms .freq-word").first).to_have_text("most")
    for chart in (body, scale):
        box = chart.bounding_box()
        assert box is not None and 200 <= box["width"] <= viewport["width"]
    label = overview.locator(".body-chart text.chart-label").first.bounding_box()
    assert label is not None and label["height"] >= 9  # readable, not shrunk to specks
    # the overview fits the screen: nothing to scroll sideways
    assert page.evaluate("""() => { const s = document.querySelector('#overview');
        return s.scrollWidth <= s.clientWidth + 1; }""")
    # the strict CSP holds: no inline style anywhere, no violation reported
    assert page.locator("[style]").count() == 0
    assert violations == []
    page.context.close()
