"""A reader in a real browser: other names without duplicates, the rest on request."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from rareinfo.kb.build import SourceRun
from rareinfo.records import DiseaseRecord, Record, SourceRelease, Synonym
from rareinfo.service.building import build_snapshot
from rareinfo.sources import gard, hpo, orphanet
from tests.e2e.conftest import serving

pytestmark = pytest.mark.e2e

SPELLINGS = ["acute lymphoblastic leukaemia (disease)", "ALL - acute lymphoblastic leukemia",
             "acute lymphoblasic leukemia", "Precursor lymphoid neoplasm"]
OTHERS = [f"Other name {n}" for n in range(1, 12)]


@pytest.fixture(scope="module")
def trust_url(tmp_path_factory: pytest.TempPathFactory, mini_release: Path) -> Iterator[str]:
    path = tmp_path_factory.mktemp("trust-kb") / "rareinfo.sqlite"
    orpha: list[Record] = [
        SourceRelease("orphanet", "1.0", date(2025, 12, 9), "test"),
        DiseaseRecord("orphanet", "ORPHA:513", "Acute lymphoblastic leukemia",
                      synonyms=(Synonym("ALL"),))]
    gard_records: list[Record] = [
        SourceRelease("gard", "2025-10-31", None, "test"),
        DiseaseRecord("gard", "GARD:0000522", "Acute lymphoblastic leukemia",
                      synonyms=tuple(Synonym(s) for s in SPELLINGS + OTHERS))]
    build_snapshot(f"sqlite:///{path}", [SourceRun(hpo.INFO, hpo.read(mini_release)),
                                         SourceRun(orphanet.INFO, iter(orpha)),
                                         SourceRun(gard.INFO, iter(gard_records))],
                   enforce_minimums=False)
    with serving({"RAREINFO_DATABASE_URL": f"sqlite:///{path}"}, timeout=60) as url:
        yield url


def test_other_names_once_each_and_the_rest_on_request(page: Page, trust_url: str) -> None:
    page.goto(trust_url + "/diseases/GARD:0000522")
    page.wait_for_url("**/diseases/ORPHA:513")  # one page, joined by name
    first = page.locator("p.other-names")
    expect(first).to_contain_text("ALL; Other name 1")
    for spelling in SPELLINGS:  # spellings of the name, a typo and a broader term
        expect(page.locator("article")).not_to_contain_text(spelling)
    more = page.locator("details.more-names")
    expect(more.locator("p")).not_to_be_visible()
    more.locator("summary").click()  # no script: the browser's own disclosure
    expect(more.locator("p")).to_be_visible()
    expect(more.locator("p")).to_contain_text("Other name 11")
    expect(page.locator("ul.identifiers li", has_text="GARD:0000522")).to_contain_text(
        "joined by name: Acute lymphoblastic leukemia")
