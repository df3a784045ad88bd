"""Every page fits a 390-pixel phone, and /docs works with no network, in chromium."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest
from playwright.sync_api import Browser, Error, Page, ViewportSize, expect

from tests.e2e.conftest import CHROMIUM, _free_port, serving

pytestmark = pytest.mark.e2e

PHONE: ViewportSize = {"width": 390, "height": 844}
MARFAN, ALL, CF = "MONDO:0007947", "MONDO:0004967", "MONDO:0009061"
STAFF_EMAIL, STAFF_PASSWORD = "phone@rareinfo.test", "a specialist on a small screen"


@dataclass(frozen=True)
class Portal:
    """The served portal and one question waiting in its staff queue."""

    url: str
    reference: str


@pytest.fixture(scope="module")
def portal(shared_kb_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Portal]:
    """The portal over every source in ../shared/data, with a specialist and a question."""
    port = _free_port()
    userdata = f"sqlite:///{tmp_path_factory.mktemp('phone-userdata') / 'userdata.sqlite'}"
    env = {**os.environ, "RAREINFO_DATABASE_URL": shared_kb_url,
           "RAREINFO_USERDATA_URL": userdata}
    added = subprocess.run(
        [sys.executable, "-m", "rareinfo", "staff", "add", STAFF_EMAIL, "--name",
         "Pat Phone", "--password-stdin"],
        input=STAFF_PASSWORD + "\n", env=env, capture_output=True, text=True, timeout=60)
    assert added.returncode == 0, added.stderr
    with serving(env, port=port, timeout=120) as url:
        asked = httpx.post(f"{url}/api/v1/questions", json={
            "question": "Can a child with Marfan syndrome play football at school? "
                        "Our cardiologist mentioned the aortic root measurements.",
            "email": "parent@example.org", "asker_type": "family", "disease": MARFAN,
            "consent_publish": True}, timeout=30)
        assert asked.status_code == 201, asked.text
        yield Portal(url, asked.json()["reference"])


@pytest.fixture()
def phone(browser: Browser) -> Iterator[Page]:
    """A tab the size of a common phone, with touch, as a phone browser reports itself."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield page
    context.close()


def _assert_fits(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    wide = page.evaluate(
        "() => [...document.querySelectorAll('body *')]"
        ".filter(e => e.getBoundingClientRect().right > 391)"
        ".slice(0, 5).map(e => e.tagName + '.' + e.className)")
    assert width <= PHONE["width"], f"{page.url}: {width} px wide; too wide: {wide}"


@pytest.mark.parametrize("disease", [MARFAN, ALL, CF])
def test_big_disease_pages_fit_a_phone_with_labelled_symptom_cards(
        phone: Page, portal: Portal, disease: str) -> None:
    phone.goto(f"{portal.url}/diseases/{disease}")
    _assert_fits(phone)
    rows = phone.locator("table.symptoms tbody tr")
    assert rows.count() >= 1  # ALL lists one symptom; Marfan and CF dozens
    first = rows.first
    # Every cell, plain names included, is shown and led by its own column's name.
    for label in ("Medical term", "Other names", "HPO ID", "How often"):
        cell = first.locator(f"td[data-label='{label}']")
        expect(cell).to_be_visible()
        before = cell.evaluate("e => getComputedStyle(e, '::before').content")
        assert before == f'"{label}"'
    expect(first.locator("td[data-label='HPO ID']")).to_contain_text("HP:")
    # One card per symptom: the HPO ID sits below the term, not beside another heading.
    term_box = first.locator("td[data-label='Medical term']").bounding_box()
    hpo_box = first.locator("td[data-label='HPO ID']").bounding_box()
    assert term_box is not None and hpo_box is not None
    assert hpo_box["y"] > term_box["y"] and abs(hpo_box["x"] - term_box["x"]) < 2
    # The header row is there for screen readers only (visually hidden, 1 px).
    head = phone.locator("table.symptoms thead").bounding_box()
    assert head is not None and head["height"] <= 1 and head["width"] <= 1


def test_marfan_plain_names_are_visible_on_a_phone(phone: Page, portal: Portal) -> None:
    phone.goto(f"{portal.url}/diseases/{MARFAN}")
    lay = phone.locator("table.symptoms td[data-label='Other names'] strong.lay").first
    expect(lay).to_be_visible()


@pytest.mark.parametrize("path", [
    "/", "/search?q=marfan", "/search?q=HP:0001166", "/diagnose",
    "/diagnose?present=HP:0001166&present=HP:0001519&present=HP:0001083",
    "/diagnose?text=very+tall%2C+long+fingers%2C+dislocated+lens", "/ask",
    f"/ask?disease={MARFAN}", f"/diseases/{CF}/trials", "/phenotypes/HP:0001166",
    "/about", "/browse/M", "/staff/sign-in",
])
def test_public_pages_fit_a_phone(phone: Page, portal: Portal, path: str) -> None:
    response = phone.goto(f"{portal.url}{path}")
    assert response is not None and response.status == 200, path
    _assert_fits(phone)


def test_staff_pages_fit_a_phone(phone: Page, portal: Portal) -> None:
    phone.goto(f"{portal.url}/staff")
    phone.fill("#email", STAFF_EMAIL)
    phone.fill("#password", STAFF_PASSWORD)
    phone.click("button:has-text('Sign in')")
    expect(phone).to_have_url(f"{portal.url}/staff")
    _assert_fits(phone)
    expect(phone.locator("table.queue td[data-label='Question']").first).to_be_visible()
    phone.click(f"text={portal.reference}")
    expect(phone.locator("#question-text")).to_contain_text("Marfan syndrome")
    _assert_fits(phone)
    phone.goto(f"{portal.url}/staff/audit")
    expect(phone.locator("table.audit td[data-label='Who']").first).to_be_visible()
    _assert_fits(phone)


@pytest.fixture(scope="module")
def offline_browser(browser: Browser) -> Iterator[Browser]:
    """Chromium with no route out: every address but loopback goes to a dead proxy."""
    # Chromium never sends loopback addresses to a proxy, so only the portal answers.
    offline = browser.browser_type.launch(
        executable_path=CHROMIUM, headless=True,
        args=["--no-sandbox", "--disable-gpu", "--no-first-run",
              "--disable-background-networking", "--disable-component-update",
              "--proxy-server=http://127.0.0.1:9"])
    yield offline
    offline.close()


def test_docs_render_every_operation_with_no_network(offline_browser: Browser,
                                                     server_url: str) -> None:
    context = offline_browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(60_000)
    requested: list[str] = []
    refused: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.on("console", lambda message: refused.append(message.text)
            if "Content Security Policy" in message.text else None)
    try:
        # The browser really has no network: a public address does not load (in a tab of
        # its own, so its error page cannot interrupt the next navigation).
        probe = context.new_page()
        with pytest.raises(Error):
            probe.goto("https://cdn.jsdelivr.net/", timeout=15_000)
        probe.close()
        requested.clear()
        page.goto(f"{server_url}/docs")
        operations = httpx.get(f"{server_url}/api/v1/openapi.json", timeout=30).json()["paths"]
        expected = sum(len([m for m in methods if m in ("get", "post", "put", "delete")])
                       for methods in operations.values())
        expect(page.locator(".opblock")).to_have_count(expected)
        expect(page.locator(".opblock-summary-path").first).to_contain_text("/api/v1/")
        expect(page.locator(".info .title")).to_contain_text("rareinfo")
        assert not refused, refused
        assert all(url.startswith(server_url) for url in requested), requested
    finally:
        context.close()
