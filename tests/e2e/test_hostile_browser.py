"""Script-injection payloads in source text and in addresses stay text in a real browser.

A knowledge base is built from tests/fixtures/xss_mini (HPO, Mondo and PubMed files whose
names, synonyms, definitions, titles and abstracts carry payloads that would set
``window.__xss`` or open a dialog), served by the real ``rareinfo serve``, and visited
page by page: no payload may run, none may trip the Content-Security-Policy (which would
mean markup got through), and each must be shown literally.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import quote

import pytest
from playwright.sync_api import ConsoleMessage, Dialog, Page, expect

from rareinfo.service import plan as pipeline
from rareinfo.service.building import build_snapshot
from tests.conftest import FIXTURES
from tests.e2e.conftest import serving

pytestmark = pytest.mark.e2e

SCRIPT = "<script>window.__xss=1</script>"
IMG = '<img src=x onerror="window.__xss=1">'
SVG = '"><svg onload=window.__xss=1>'


@pytest.fixture(scope="module")
def xss_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The portal over a knowledge base built from the payload-laden release."""
    directory = tmp_path_factory.mktemp("xss-kb")
    url = f"sqlite:///{directory / 'rareinfo.sqlite'}"
    planned = pipeline.plan(FIXTURES / "xss_mini", directory / "empty-cache")
    assert {p.name for p in planned} >= {"hpo", "mondo", "pubmed"}
    assert all(p.origin == "--from" for p in planned)
    build_snapshot(url, pipeline.runs(planned), enforce_minimums=False)
    with serving({"RAREINFO_DATABASE_URL": url}, timeout=60) as base:
        yield base


@dataclass
class Watch:
    """What a tab saw happen: dialogs opened and Content-Security-Policy violations."""

    dialogs: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)

    def dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def console(self, message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in (
                message.text):
            self.violations.append(message.text)


@pytest.fixture()
def watched(page: Page) -> tuple[Page, Watch]:
    watch = Watch()
    page.on("dialog", watch.dialog)
    page.on("console", watch.console)
    return page, watch


def _assert_nothing_ran(page: Page, watch: Watch, where: str) -> None:
    page.wait_for_load_state("load")
    page.wait_for_timeout(150)  # let any onerror/onload handlers fire
    assert page.evaluate("typeof window.__xss") == "undefined", where
    assert watch.dialogs == [], where
    assert watch.violations == [], where
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    assert not [h for h in hrefs if h.lower().startswith("javascript:")], where
    # Injected elements would be real nodes with these attributes.
    # The page's own charts are SVG drawn by the server (classes chart and bar); any other
    # SVG element came from source text.
    assert page.locator("[onerror], [onload], svg:not(.chart):not(.bar), iframe").count() == 0, \
        where
    assert page.locator("script:not([src^='/static/'])").count() == 0, where


@pytest.mark.parametrize(("path", "literals"), [
    ("/diseases/MONDO:0999001", ["Xss syndrome <svg onload=window.__xss=1>", SCRIPT,
                                 '<img src=x onerror="window.__xss=1">',
                                 '"><script>window.__xss=1</script>',
                                 "Outcomes in Xss syndrome " + IMG]),
    ("/diseases/OMIM:100002", ['Xss disease "><img src=x onerror="window.__xss=1">']),
    ("/diseases/ORPHA:999001", ["javascript:window.__xss=1 xss anomaly"]),
    ("/phenotypes/HP:0002240", ["Hepatomegaly " + SCRIPT, IMG,
                                "Xsslarge liver <svg onload=window.__xss=1>"]),
    ("/phenotypes/HP:0001250", ["Seizure " + SVG, SCRIPT]),
    ("/search?q=xss", ["Xss syndrome", "<svg onload=window.__xss=1>"]),
    ("/browse/X", ["Xss syndrome <svg onload=window.__xss=1>"]),
])
def test_source_text_is_shown_escaped(watched: tuple[Page, Watch], xss_server: str,
                                      path: str, literals: list[str]) -> None:
    page, watch = watched
    response = page.goto(xss_server + path)
    assert response is not None and response.status == 200, path
    _assert_nothing_ran(page, watch, path)
    text = page.inner_text("body")
    for literal in literals:
        assert literal in text, (path, literal)


@pytest.mark.parametrize("payload", [SCRIPT, IMG, SVG, "javascript:window.__xss=1",
                                     "'-alert(1)-'", "</title><script>alert(1)</script>"])
def test_payloads_in_addresses_are_escaped(watched: tuple[Page, Watch], xss_server: str,
                                           payload: str) -> None:
    page, watch = watched
    encoded = quote(payload, safe="")
    for path in (f"/search?q={encoded}", f"/diseases/{encoded}", f"/phenotypes/{encoded}",
                 f"/diagnose?text={encoded}", f"/diagnose?present={encoded}",
                 f"/browse/{encoded}", f"/no/such/{encoded}"):
        response = page.goto(xss_server + path)
        assert response is not None and response.status < 500, path
        _assert_nothing_ran(page, watch, path)
    # The search box carries the query back as its value, not as markup.
    page.goto(f"{xss_server}/search?q={encoded}")
    assert page.input_value("header input[name=q]") == payload


def test_error_page_echoes_the_identifier_as_text(watched: tuple[Page, Watch],
                                                  xss_server: str) -> None:
    page, watch = watched
    response = page.goto(f"{xss_server}/diseases/{quote(SVG, safe='')}")
    assert response is not None and response.status == 404
    _assert_nothing_ran(page, watch, "404 page")
    expect(page.locator(".error-message")).to_contain_text(SVG)


def test_autocomplete_suggestions_are_text(watched: tuple[Page, Watch],
                                           xss_server: str) -> None:
    page, watch = watched
    page.goto(xss_server + "/")
    page.locator("header input[name=q]").press_sequentially("xss", delay=30)
    options = page.locator("header .suggestions li")
    expect(options.first).to_be_visible()
    labels = options.all_inner_texts()
    assert any("<svg onload=window.__xss=1>" in label or SCRIPT in label
               for label in labels), labels
    _assert_nothing_ran(page, watch, "autocomplete")


def test_diagnosis_results_are_text(watched: tuple[Page, Watch], xss_server: str) -> None:
    page, watch = watched
    response = page.goto(f"{xss_server}/diagnose?present=HP:0002240&present=HP:0001250"
                         f"&text={quote('seizures and ' + SCRIPT, safe='')}")
    assert response is not None and response.status == 200
    _assert_nothing_ran(page, watch, "diagnose")
    text = page.inner_text("main")
    assert "Xss syndrome <svg onload=window.__xss=1>" in text or "Xss syndrome" in text
    assert "Seizure " + SVG in text  # the chip's name
    assert page.input_value("#text") == "seizures and " + SCRIPT


def test_a_policy_violation_would_be_seen(watched: tuple[Page, Watch],
                                          xss_server: str) -> None:
    # The watch is not blind: an inline script added to one of our pages is blocked by
    # the Content-Security-Policy and reported on the console.
    page, watch = watched
    page.goto(xss_server + "/about")
    page.evaluate("""() => { const s = document.createElement('div');
        s.innerHTML = '<img src=x onerror="window.__xss=1">';
        document.body.appendChild(s); }""")
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert watch.violations, "the CSP did not report the blocked inline handler"

