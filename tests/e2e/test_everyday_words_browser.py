"""A parent's own words on the Check symptoms page, in a real browser."""

from __future__ import annotations

from playwright.sync_api import Page, expect

WILLIAMS = ("My daughter is 3. She was born small and had trouble feeding as a baby. She has "
            "puffy eyes, a wide mouth and small teeth with gaps between them. She is very "
            "friendly with strangers and chatty, was late to walk and hates loud noises. "
            "No fits. Her cousin had the same.")


def test_a_parents_description_is_understood_and_ranked(page: Page, server_url: str) -> None:
    # The first diagnosis of a server process builds the model (issue 15, item 1): allow it.
    page.set_default_timeout(120_000)
    page.goto(server_url + "/diagnose")
    page.locator("#text").fill(WILLIAMS)
    page.get_by_role("button", name="Rank diseases").click()
    page.wait_for_url("**/diagnose?**")
    understood = page.locator("#understood")
    for term in ("Periorbital fullness", "Widely spaced teeth", "Overfriendliness",
                 "Hyperacusis", "Delayed ability to walk"):
        expect(understood).to_contain_text(term)
    expect(understood.locator("li", has_text="Seizure")).to_contain_text("(absent)")
    expect(understood.locator("li.family")).to_contain_text("cousin had the same")
    ranking = page.locator("ol.ranking > li")
    names = [ranking.nth(n).inner_text() for n in range(10)]
    assert any("Williams" in name for name in names), names
