"""The command line: exit codes, one-line errors, JSON output."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from rareinfo.cli import app

runner = CliRunner()


def test_show_disease_as_text_and_json(mini_kb_url: str) -> None:
    result = runner.invoke(app, ["show", "OMIM:613065", "--database", mini_kb_url])
    assert result.exit_code == 0, result.output
    assert "HP:0006721" in result.output and "Acute lymphoblastic leukemia" in result.output
    assert "HP:0010982" in result.output and "Polygenic inheritance" in result.output
    as_json = runner.invoke(app, ["show", "613065", "--json", "--database", mini_kb_url])
    body = json.loads(as_json.output)
    assert body["id"] == "OMIM:613065"
    assert body["symptoms"][0]["source"] == "hpo"


def test_show_phenotype(mini_kb_url: str) -> None:
    result = runner.invoke(app, ["show", "hp_0002240", "--database", mini_kb_url])
    assert result.exit_code == 0 and "Enlarged liver" in result.output


def test_show_unknown_is_exit_1_with_one_line(mini_kb_url: str) -> None:
    result = runner.invoke(app, ["show", "OMIM:1", "--database", mini_kb_url])
    assert result.exit_code == 1
    assert "no disease or phenotype" in result.output
    assert "Traceback" not in result.output


def test_search(mini_kb_url: str) -> None:
    result = runner.invoke(app, ["search", "enlarged liver", "--json",
                                 "--database", mini_kb_url])
    assert result.exit_code == 0
    body = json.loads(result.output)
    assert body["results"][0]["id"] == "HP:0002240"
    # The same shape as GET /api/v1/search: one JSON shape for the same thing.
    assert set(body) == {"query", "total", "offset", "results", "suggestions"}
    assert set(body["results"][0]) == {"id", "label", "kind", "matched", "url"}
    missing = runner.invoke(app, ["search", "qqqqqq", "--database", mini_kb_url])
    assert missing.exit_code == 1
    missing_json = runner.invoke(app, ["search", "zzzqqq", "--json", "--database",
                                       mini_kb_url])
    assert missing_json.exit_code == 1 and json.loads(missing_json.output)["results"] == []


def test_a_batch_that_ranked_nothing_exits_not_found(mini_kb_url: str, tmp_path: Path) -> None:
    cases = tmp_path / "cases.jsonl"
    cases.write_text('{"id": "a", "phenotypes": ["HP:9999999"]}\nnot json\n')
    result = runner.invoke(app, ["diagnose", "--cases", str(cases), "--out",
                                 str(tmp_path / "out.jsonl"), "--database", mini_kb_url])
    assert result.exit_code == 1 and "could be ranked" in result.output


def test_status(mini_kb_url: str) -> None:
    result = runner.invoke(app, ["status", "--json", "--database", mini_kb_url])
    assert result.exit_code == 0
    body = json.loads(result.output)
    assert body["releases"][0]["version"] == "2099-01-01"


def test_no_knowledge_base_says_build(tmp_path: Path) -> None:
    result = runner.invoke(app, ["status", "--database", f"sqlite:///{tmp_path}/x.sqlite"])
    assert result.exit_code == 3 and "rareinfo build" in result.output


def test_build_from_directory(tmp_path: Path, mini_release: Path) -> None:
    url = f"sqlite:///{tmp_path}/kb.sqlite"
    result = runner.invoke(app, ["build", "--from", str(mini_release), "--database", url])
    # The tiny release is far below the HPO minimum counts: the build refuses to swap it in.
    assert result.exit_code == 4
    assert "expected at least" in result.output
    assert not (tmp_path / "kb.sqlite").exists()


def test_build_from_missing_directory(tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", "--from", str(tmp_path / "nope"),
                                 "--database", f"sqlite:///{tmp_path}/kb.sqlite"])
    assert result.exit_code == 2 and "no such directory" in result.output
