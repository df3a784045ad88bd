"""`rareinfo audit` on the full build from ../shared/data: every class within its allowance."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from rareinfo.cli import app
from rareinfo.kb.audit.types import CLASSES
from rareinfo.kb.queries import KnowledgeBase

pytestmark = pytest.mark.integration


def test_audit_every_class_within_its_allowance(shared_kb_url: str) -> None:
    result = CliRunner().invoke(app, ["audit", "--json", "--database", shared_kb_url])
    report = json.loads(result.output)
    counts = {c["name"]: (c["count"], c["allowed"]) for c in report["classes"]}
    print("\n" + "\n".join(f"  {name}: {n} (allowed {allowed})"
                           for name, (n, allowed) in counts.items()))
    assert len(counts) == len(CLASSES) and report["pages"] > 15_000
    assert report["over"] == [], counts
    assert result.exit_code == 0
    for name in ("duplicate page names", "parent and child", "hierarchy cycles",
                 "contradicted parents", "repeated products", "folded duplicate names",
                 "repeated modes", "silent frequency disagreement", "damaged text"):
        assert counts[name][0] == 0, name


def test_issue_must_show_on_the_full_build(shared_kb_url: str) -> None:
    kb = KnowledgeBase(shared_kb_url)
    all_page = kb.disease("MONDO:0004967")
    assert all_page is not None
    subtypes = {c.name for c in all_page.children}
    assert "B-cell chronic lymphocytic leukemia" not in subtypes
    assert "Plasma cell leukemia" not in subtypes
    blincyto = [p for p in all_page.treatments if p.trade_name == "Blincyto"]
    assert len(blincyto) == 1 and len(blincyto[0].events) > 1
    assert "Precursor lymphoid neoplasm" not in all_page.synonyms
    assert not any("leukaemia (disease)" in s or "lymphoblasic" in s
                   for s in all_page.synonyms)
    assert kb.resolve_disease("GARD:0006507") == kb.resolve_disease("MONDO:0007745") == (
        "MONDO:0007745")
    marfan = kb.disease("MONDO:0007947")
    assert marfan is not None
    assert [t.sources for t in marfan.inheritance if t.id == "HP:0000006"] == [
        ("hpo", "orphanet")]
    assert {p.id for p in marfan.parents}.isdisjoint({c.id for c in marfan.children})
    fbn1 = [g for g in marfan.genes if g.symbol == "FBN1"]
    assert fbn1 and (fbn1[0].association or "").endswith("Marfan syndrome")
    assert marfan.spanish_name is None  # no name rebuilt from an address
