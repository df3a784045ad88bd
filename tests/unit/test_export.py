"""`rareinfo export` in each format over the tiny knowledge base."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from rareinfo.cli import app
from rareinfo.cli.export import HPOA_COLUMNS, SSSOM_COLUMNS
from rareinfo.web.api.models.entities import Disease
from rareinfo.web.site import relative_links

runner = CliRunner()


def _export(url: str, fmt: str, out: Path) -> None:
    result = runner.invoke(app, ["export", "--format", fmt, "--out", str(out),
                                 "--database", url])
    assert result.exit_code == 0, result.output


def test_jsonl_is_one_api_disease_a_line(mini_kb_url: str, tmp_path: Path) -> None:
    out = tmp_path / "diseases.jsonl"
    _export(mini_kb_url, "jsonl", out)
    lines = out.read_text().splitlines()
    diseases = [Disease.model_validate_json(line) for line in lines]
    assert "OMIM:613065" in {d.id for d in diseases}
    assert len({d.id for d in diseases}) == len(lines)
    assert not list(tmp_path.glob("*.partial"))


def test_sssom_declares_every_prefix(mini_kb_url: str, tmp_path: Path) -> None:
    out = tmp_path / "clusters.sssom.tsv"
    _export(mini_kb_url, "sssom", out)
    text = out.read_text()
    meta = [line for line in text.splitlines() if line.startswith("#")]
    rows = [line.split("\t") for line in text.splitlines() if not line.startswith("#")]
    assert tuple(rows[0]) == SSSOM_COLUMNS
    declared = {m[1] for line in meta if (m := re.match(r"#   (\w+): ", line))}
    for row in rows[1:]:
        assert len(row) == len(SSSOM_COLUMNS)
        assert row[2] == "skos:exactMatch" and row[4] == "semapv:ManualMappingCuration"
        assert row[0] != row[3] and row[5].startswith("joined by ")
        assert {row[0].split(":")[0], row[3].split(":")[0]} <= declared
    assert any(line.startswith("# mapping_set_id: ") for line in meta)
    assert any(line.startswith("# license: ") for line in meta)


def test_hpoa_has_the_hpoa_columns(mini_kb_url: str, tmp_path: Path) -> None:
    out = tmp_path / "merged.hpoa"
    _export(mini_kb_url, "hpoa", out)
    rows = [line.split("\t") for line in out.read_text().splitlines()
            if not line.startswith("#")]
    assert tuple(rows[0]) == HPOA_COLUMNS
    assert all(len(row) == 12 for row in rows)
    liver = [r for r in rows if r[0] == "OMIM:100001" and r[3] == "HP:0002240"]
    assert liver and liver[0][4].startswith("OMIM:100001")
    assert any(r[2] == "NOT" for r in rows)  # excluded features keep their qualifier


def test_site_links_resolve(mini_kb_url: str, tmp_path: Path) -> None:
    out = tmp_path / "site"
    _export(mini_kb_url, "site", out)
    page = out / "diseases" / "OMIM_613065.html"
    html = page.read_text()
    assert 'href="../static/style.css"' in html
    for target in re.findall(r'href="(\.\./(?:diseases|phenotypes|static)/[^"#]+)', html):
        assert (page.parent / target).resolve().is_file(), target
    assert json.loads((out / "api/v1/diseases/OMIM_613065.json").read_text())["id"] == (
        "OMIM:613065")
    assert "diseases/OMIM_613065.html" in (out / "index.html").read_text()
    assert "Human Phenotype Ontology" in (out / "about.html").read_text()
    refused = runner.invoke(app, ["export", "--format", "site", "--out", str(out),
                                  "--database", mini_kb_url])
    assert refused.exit_code == 2 and "empty folder" in refused.output


def test_relative_links() -> None:
    body = ('<a href="/diseases/OMIM:1">x</a><a href="/phenotypes/HP:0000001#t">y</a>'
            '<a href="/diseases/OMIM:1/ask">ask</a><link href="/static/s.css"><a href="/">h</a>'
            '<link rel="icon" href="/favicon.svg">')
    assert relative_links(body, 1) == (
        '<a href="../diseases/OMIM_1.html">x</a><a href="../phenotypes/HP_0000001.html#t">y'
        '</a><a href="/diseases/OMIM:1/ask">ask</a><link href="../static/s.css">'
        '<a href="../index.html">h</a><link rel="icon" href="../static/favicon.svg">')
