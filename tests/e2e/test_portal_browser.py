"""A person in a real browser: type in the search box, pick a suggestion, read the page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e


def test_search_by_typing_pick_autocomplete_and_read_symptoms(page: Page,
                                                              server_url: str) -> None:
    page.goto(server_url + "/")
    box = page.locator("header input[name=q]")
    box.press_sequentially("lymphocytic leukemia suscep", delay=30)
    option = page.locator("header .suggestions li[data-id='OMIM:613065']")
    expect(option).to_be_visible()
    option.click()
    page.wait_for_url("**/diseases/OMIM:613065")
    expect(page.locator("h1")).to_have_text("Leukemia, acute lymphocytic, susceptibility to, 1")
    row = page.locator("table.symptoms tbody tr[data-hpo='HP:0006721']")
    expect(row.locator("td.term")).to_contain_text("Acute lymphoblastic leukemia")
    expect(row.locator("td.hpo")).to_have_text("HP:0006721")
    expect(page.locator("#summary")).to_contain_text("Polygenic inheritance")
    expect(page.locator("#summary")).to_contain_text("HP:0010982")
    expect(page.locator("#sources")).to_contain_text("release 2025-01-16")


def test_keyboard_choice_of_a_symptom_in_plain_words(page: Page, server_url: str) -> None:
    page.goto(server_url + "/")
    box = page.locator("header input[name=q]")
    box.press_sequentially("enlarged liv", delay=30)
    expect(page.locator("header .suggestions li[data-id='HP:0002240']")).to_be_visible()
    for _ in range(8):
        box.press("ArrowDown")
        selected = page.locator("header .suggestions li[aria-selected='true']")
        if selected.get_attribute("data-id") == "HP:0002240":
            break
    box.press("Enter")
    page.wait_for_url("**/phenotypes/HP:0002240")
    expect(page.locator("h1")).to_have_text("Hepatomegaly")
    expect(page.locator(".lay-names")).to_contain_text("Enlarged liver")
    rows = page.locator("table.diseases tbody tr")
    assert rows.count() > 100


def test_symptom_table_is_sorted_by_frequency(page: Page, server_url: str) -> None:
    page.goto(server_url + "/diseases/OMIM:154700")  # Marfan syndrome
    cells = page.locator("table.symptoms tbody td.freq").all_inner_texts()
    assert len(cells) > 20
    known = [c for c in cells if "Not known" not in c]
    assert known and cells[: len(known)] == known  # unknown frequencies last
    expect(page.locator("h1")).to_have_text("Marfan syndrome")


def test_typo_search_and_not_found_suggestions(page: Page, server_url: str) -> None:
    page.goto(server_url + "/search?q=lymphoblastc+leukemia")
    expect(page.locator("ol.results li").first).to_contain_text("lymphoblastic leukemia",
                                                                ignore_case=True)
    response = page.goto(server_url + "/diseases/OMIM:0000001")
    assert response is not None and response.status == 404
    expect(page.locator("h1")).to_have_text("Page not found")


def test_check_symptoms_with_chips_and_explanations(page: Page, server_url: str) -> None:
    page.goto(server_url + "/diagnose")
    expect(page.locator(".note")).to_contain_text("does not replace it")
    box = page.locator("#symptom")
    for typed, term in (("seizu", "HP:0001250"), ("global developmental del", "HP:0001263"),
                        ("hearing impair", "HP:0000365")):
        box.press_sequentially(typed, delay=20)
        option = page.locator(f"#symptom-suggestions li[data-id='{term}']")
        expect(option).to_be_visible()
        option.click()
        expect(page.locator(f"#chips li[data-id='{term}']")).to_be_visible()
    page.locator("#chips li[data-id='HP:0000365'] .chip-toggle").click()
    expect(page.locator("#chips li[data-id='HP:0000365']")).to_have_attribute("data-state",
                                                                             "absent")
    page.locator("#text").fill("night sweats")
    page.get_by_role("button", name="Rank diseases").click()
    page.wait_for_url("**/diagnose?**")
    assert "absent=HP%3A0000365" in page.url
    first = page.locator("ol.ranking > li").first
    expect(first.locator("details")).to_have_attribute("open", "")
    expect(first.locator(".why")).to_contain_text("Seizure")
    expect(page.locator("#understood")).to_contain_text("Night sweats")
    first.locator("a").first.click()
    expect(page.locator("h1")).to_be_visible()
    assert "/diseases/" in page.url


# A published KBG syndrome case (PMID 36446582, Alves 2019), independent of HPO's
# annotations of the disease: OMIM's entry ranks it because it borrows features that
# Orphanet lists for KBG syndrome (same gene, ANKRD11), and the page says so.
KBG_PRESENT = ("HP:0001572", "HP:0001155", "HP:0004322", "HP:0002353", "HP:0002197",
               "HP:0000405", "HP:0000403", "HP:0011968", "HP:0000303")
KBG_ABSENT = ("HP:0007359", "HP:0000308")


def test_a_borrowed_feature_names_its_orphanet_source(page: Page, server_url: str) -> None:
    query = "&".join([*(f"present={t}" for t in KBG_PRESENT),
                      *(f"absent={t}" for t in KBG_ABSENT)])
    page.goto(f"{server_url}/diagnose?{query}")
    kbg = page.locator("ol.ranking > li[data-disease='OMIM:148050']")
    expect(kbg).to_be_visible()
    kbg.locator("summary").click()
    lent = kbg.locator(".why a.lent").first
    expect(lent).to_be_visible()
    expect(kbg.locator(".why")).to_contain_text("same gene, ANKRD11")
    expect(kbg.locator(".why")).to_contain_text("listed by Orphanet for")
    href = lent.get_attribute("href") or ""
    assert href.startswith("/diseases/ORPHA:")
    lent.click()
    expect(page.locator("h1")).not_to_be_empty()  # the lending disorder's own page
    assert "/diseases/" in page.url and page.url.rstrip("/") != f"{server_url}/diagnose"


def test_the_site_icon_loads_in_the_browser(page: Page, server_url: str) -> None:
    page.goto(server_url + "/")
    hrefs = page.locator("link[rel=icon]").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))")
    assert hrefs == ["/favicon.ico", "/favicon.svg"]
    # Each decodes as an image under the page's own CSP (img-src 'self').
    sizes = page.evaluate("""hrefs => Promise.all(hrefs.map(href => new Promise(done => {
        const image = new Image();
        image.onload = () => done([image.naturalWidth, image.naturalHeight]);
        image.onerror = () => done(null);
        image.src = href;
    })))""", hrefs)
    assert sizes[0] in ([16, 16], [32, 32], [48, 48]), sizes
    assert sizes[1] is not None and sizes[1][0] > 0, sizes
