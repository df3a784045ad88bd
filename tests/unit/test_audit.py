"""`rareinfo audit` on tiny snapshots: clean pages pass, each planted defect is counted."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy import Engine, create_engine, insert
from typer.testing import CliRunner

from rareinfo.cli import app
from rareinfo.kb import schema, snapshots
from rareinfo.kb.audit import ALLOWANCES, run_audit
from rareinfo.kb.audit.content import damage
from rareinfo.kb.audit.types import CLASSES
from rareinfo.kb.build import SourceRun, build
from rareinfo.kb.queries import KnowledgeBase
from rareinfo.records import DiseaseRecord, Record, SourceRelease, Synonym
from rareinfo.sources import gard, hpo, orphanet

runner = CliRunner()


def records() -> tuple[list[Record], list[Record]]:
    return ([
        SourceRelease("orphanet", "1.0", date(2025, 12, 9), "test"),
        DiseaseRecord("orphanet", "ORPHA:513", "Acute lymphoblastic leukemia",
                      synonyms=(Synonym("ALL"),), parents=("ORPHA:547",)),
        DiseaseRecord("orphanet", "ORPHA:547", "Non-Hodgkin lymphoma"),
    ], [
        SourceRelease("gard", "2025-10-31", None, "test"),
        DiseaseRecord("gard", "GARD:0000522", "Acute lymphoblastic leukemia",
                      synonyms=(Synonym("acute lymphoblastic leukaemia (disease)"),
                                Synonym("ALL - acute lymphoblastic leukemia"))),
    ])


def writable(url: str, key: str) -> Engine:
    """A writing engine over a built snapshot, to plant a defect an older build made."""
    if snapshots.backend_of(url) == "sqlite":
        return create_engine(f"sqlite:///{snapshots.sqlite_file(url)}")
    return create_engine(snapshots.postgres_url(url),
                         connect_args={"options": f"-c search_path={key},public"})


def make(new_kb_url: Callable[[str], str], mini_release: Path) -> str:
    url = new_kb_url("audit")
    orpha, gard_records = records()
    build(url, [SourceRun(hpo.INFO, hpo.read(mini_release)),
                SourceRun(orphanet.INFO, iter(orpha)),
                SourceRun(gard.INFO, iter(gard_records))], enforce_minimums=False)
    return url


def test_clean_snapshot_passes_and_planted_defects_are_counted(
        new_kb_url: Callable[[str], str], mini_release: Path) -> None:
    url = make(new_kb_url, mini_release)
    kb = KnowledgeBase(url)
    report = run_audit(kb)
    assert [c.name for c in report.classes] == list(CLASSES)
    assert report.over() == [] and all(c.count == 0 for c in report.classes)
    result = runner.invoke(app, ["audit", "--json", "--database", url])
    assert result.exit_code == 0 and json.loads(result.output)["over"] == []
    # A snapshot of an older build: two pages each other's parent.
    with writable(url, kb.key).begin() as conn:
        conn.execute(insert(schema.disease_link), [
            {"disease_id": "ORPHA:547", "other_id": "ORPHA:513", "relation": "parent",
             "source": "test", "detail": None}])
    kb = KnowledgeBase(url)
    counts = {c.name: c.count for c in run_audit(kb).classes}
    assert counts["parent and child"] == 1
    result = runner.invoke(app, ["audit", "--database", url])
    assert result.exit_code == 1
    assert "parent and child: 1 (allowed 0) OVER" in result.output
    assert "Non-Hodgkin lymphoma (ORPHA:547)" in result.output or "ORPHA:513" in result.output


def test_every_allowance_names_a_class_and_says_why() -> None:
    for name, allowance in ALLOWANCES.items():
        assert name in CLASSES and allowance.count > 0 and len(allowance.reason) > 40


def test_damage_kinds() -> None:
    assert damage("Beh\u7974s disease", "treatment", set()) == "broken encoding '祴'"
    assert damage("Ã©clair", "definition", set()) is not None
    assert damage("oral ulcers with Behçets Disease", "treatment", {"behçets"}) == (
        "lost apostrophe in 'behçets'")
    assert damage("Disease-causing germline mutation(s) in", "gene FBN1", set()) == (
        "dangling fragment")
    assert damage("Treatment of Hemophilia A.", "treatment", set()) is None
    assert damage("Sindrome de Marfan", "Spanish name", set()) is not None
    assert damage("Síndrome de Marfan", "Spanish name", set()) is None
    assert damage("Farmers lung", "name", {"farmers"}) is None  # a source's own spelling
