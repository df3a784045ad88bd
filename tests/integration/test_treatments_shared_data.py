"""Orphan drugs on disease pages, with the shared 2026 FDA export in the full build."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import create_engine, func, select

from rareinfo.kb import schema
from rareinfo.kb.queries import KnowledgeBase
from rareinfo.kb.treatments import designation_links

pytestmark = pytest.mark.integration

ALL = "MONDO:0004967"
# Approved for ALL in the 2026-04 export: (trade name, generic name).
EXPECTED = {("Blincyto", "blinatumomab"), ("Besponsa", "inotuzumab ozogamicin"),
            ("Kymriah (tisagenlecleucel)", None), ("Erwinase", "Erwinia L-asparaginase"),
            ("Rylaze", None), ("Oncaspar; Asparlas", "Pegaspargase"), ("Iclusig", "ponatinib"),
            ("Arranon", "nelarabine"), ("Clolar", "clofarabine"), ("Marqibo", None)}
# Words of indications for other diseases only, never an ALL product's indication.
OTHER_DISEASES = ("acute myeloid leukemia", "chronic myeloid leukemia",
                  "chronic myelogenous leukemia", "chronic lymphocytic leukemia")


def test_all_page_lists_its_approved_orphan_products(shared_kb_url: str) -> None:
    page = KnowledgeBase(shared_kb_url).disease(ALL)
    assert page is not None
    approved = [t for p in page.treatments for t in p.events if t.approved]
    print(f"\nALL page: {len(approved)} approved orphan products")
    for t in approved:
        print(f"  {t.trade_name} | {t.generic_name[:50]} | {t.approval_date} | "
              f"{(t.approved_indication or '')[:70]}")
    trades = {t.trade_name for t in approved}
    for trade, generic in EXPECTED:
        assert trade in trades, trade
        if generic is not None:
            assert generic in {t.generic_name for t in approved if t.trade_name == trade}
    for t in approved:
        assert t.approved_indication and t.release == "2026-04"
        text = t.approved_indication.lower()
        # "(all)" for the export's own typo "acute lymphomblastic leukemia (ALL)" (Tecartus).
        assert any(word in text for word in ("lymphoblastic", "lymphocytic leukemia",
                                             "acute leukemia", "(all)", "ph+ all")), text
        assert not any(other in text for other in OTHER_DISEASES), t.approved_indication


def test_no_product_approved_only_for_aml_on_the_all_page(shared_kb_url: str) -> None:
    kb = KnowledgeBase(shared_kb_url)
    aml = kb.disease(kb.resolve_disease("ORPHA:519") or "")  # acute myeloid leukemia
    all_page = kb.disease(ALL)
    assert aml is not None and all_page is not None
    aml_only = {t.approved_indication for p in aml.treatments for t in p.events
                if t.approved} - {t.approved_indication for p in all_page.treatments
                                  for t in p.events}
    assert aml_only  # Rydapt, Vyxeos, ... are on the AML page, not on the ALL page
    assert any("acute myeloid leukemia" in (i or "").lower() for i in aml_only)


def test_linking_coverage_and_time(shared_kb_url: str) -> None:
    engine = create_engine(shared_kb_url)
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(
            schema.orphan_designation)).scalar_one()
    started = time.perf_counter()
    rows = designation_links(engine)
    seconds = time.perf_counter() - started
    linked = {r["designation_key"] for r in rows}
    print(f"\nfda_orphan: {len(linked):,} of {total:,} designations linked to a page "
          f"({len(linked) / total:.1%}), {len(rows):,} links, linking {seconds:.2f} s")
    assert total == 1406 and len(linked) > 0.75 * total
    assert seconds < 10
