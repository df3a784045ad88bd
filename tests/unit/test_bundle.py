"""The embedded bundle: every file as its manifest says, licensed, found by the plan."""

from __future__ import annotations

from pathlib import Path

from rareinfo.service import plan
from rareinfo.sources import bundle, registry


def test_the_bundle_is_intact_and_every_file_names_its_licence_and_source() -> None:
    manifest = bundle.manifest()
    assert manifest["files"], "the package carries no bundle: run scripts/make_bundle.py"
    assert bundle.damaged_files() == []
    for entry in manifest["files"]:
        assert entry["licence"] and entry["attribution"] and entry["release"]
        assert entry["source"] in registry.names()
    assert manifest["bytes"] <= 25 * 2**20


def test_a_build_without_from_takes_each_source_from_the_bundle(tmp_path: Path) -> None:
    planned = {p.name: p for p in plan.plan(None, tmp_path)}
    for name in ("orphanet", "mondo", "gard", "fda_orphan"):
        assert planned[name].origin == "bundle"
    assert planned["hpo"].origin == "embedded"


def test_from_and_the_cache_come_before_the_bundle(tmp_path: Path) -> None:
    release = Path(__file__).resolve().parents[1] / "fixtures" / "gard_mini"
    planned = {p.name: p for p in plan.plan(None, tmp_path)}
    assert planned["gard"].origin == "bundle"
    (tmp_path / "gard").symlink_to(release)
    assert {p.name: p for p in plan.plan(None, tmp_path)}["gard"].origin == "cache"
    # --from means "these releases": nothing is taken from the bundle then.
    only = {p.name for p in plan.plan(release.parent / "gard_mini", tmp_path / "none")}
    assert "orphanet" not in only
