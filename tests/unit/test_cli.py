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


def test_diagnose_unknown_or_malformed_term_ranks_nothing(mini_kb_url: str) -> None:
    for terms in (["HP:9999999"], ["HP:0002240", "HP:9999999"], ["not-a-term"],
                  ["HP:0002240", "--exclude", "HP:12"]):
        result = runner.invoke(app, ["diagnose", *terms, "--database", mini_kb_url])
        assert result.exit_code == 2, (terms, result.output)
        assert "unknown or malformed HPO term" in result.output
        assert "nothing was ranked" in result.output and "Traceback" not in result.output
    known = runner.invoke(app, ["diagnose", "HP:0002240", "--database", mini_kb_url])
    assert known.exit_code == 0, known.output


def test_status_in_80_columns_cuts_no_identifier_or_date(mini_kb_url: str) -> None:
    import os
    import subprocess
    import sys

    as_json = runner.invoke(app, ["status", "--json", "--database", mini_kb_url])
    releases = json.loads(as_json.output)["releases"]
    result = subprocess.run(
        [sys.executable, "-m", "rareinfo", "status", "--database", mini_kb_url],
        env={**os.environ, "COLUMNS": "80"}, capture_output=True, text=True, check=True)
    assert "…" not in result.stdout
    # The database URL is printed whole on its own line, however long; the rest fits.
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert max(len(line) for line in lines if not line.startswith("Database: ")) <= 80
    for release in releases:
        for value in (release["title"], release["source"], release["version"],
                      release["loaded_at"]):
            assert value in result.stdout, value


def test_show_prints_the_published_answers_of_the_page(mini_kb_url: str,
                                                       tmp_path: Path) -> None:
    from rareinfo.inquiries import db, store

    userdata = f"sqlite:///{tmp_path}/userdata.sqlite"
    db.upgrade(userdata)
    with db.engine(userdata).begin() as conn:
        asked = store.submit(conn, question="Is it inherited? Asked by Anna Smith.",
                             email="anna@example.org", asker_type="family",
                             disease_id="OMIM:613065", consent_publish=True)
        store.claim(conn, asked.id, "ann@staff")
        store.mark_answered(conn, asked.id, "ann@staff", "Dear Anna, it can be.")
        store.publish(conn, asked.id, "ann@staff", "Is it inherited?", "It can be.")
    try:
        result = runner.invoke(app, ["show", "OMIM:613065", "--database", mini_kb_url,
                                     "--userdata", userdata])
    finally:
        db.dispose(userdata)
    assert result.exit_code == 0, result.output
    assert "Questions and answers (1)" in result.output
    assert "Is it inherited?" in result.output and "A: It can be." in result.output
    assert "Anna" not in result.output  # only the published, de-identified texts
