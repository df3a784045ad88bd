"""A build from a directory holding a damaged file: counted, reported, old snapshot kept.

The tiny HPO release (tests/fixtures/hpo_mini) is far below HPO's minimum counts, so a
``rareinfo build`` over it always refuses to swap: these tests check that the refusal says
which source fell short, exits non-zero with no traceback, and leaves the previous
snapshot byte for byte as it was; the builds through the API (minimums off) check that the
damaged file is counted as a Problem that names it.
"""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import tarfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rareinfo.cli import app
from rareinfo.kb.build import SourceRun
from rareinfo.service.building import build_snapshot
from rareinfo.sources import hpo, orphanet

pytestmark = pytest.mark.fuzz

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PACKETS = ("58", "166024", "251", "93419", "98053")  # the well-formed mini packets
runner = CliRunner()


def _cut_archive(path: Path, keep: float) -> Path:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for code in PACKETS:
            packet = FIXTURES / "orphanet_mini" / "packets" / "json" / f"ORPHApacket_{code}.json"
            info = tarfile.TarInfo(f"orphapacket-master/json/{packet.name}")
            info.size = packet.stat().st_size
            tar.addfile(info, io.BytesIO(packet.read_bytes()))
    whole = buffer.getvalue()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(whole[: int(len(whole) * keep)])
    return path


def _release_dir(tmp_path: Path) -> Path:
    release = tmp_path / "release"
    shutil.copytree(FIXTURES / "hpo_mini", release / "hpo")
    return release


def _old_snapshot(tmp_path: Path) -> tuple[str, Path, str]:
    path = tmp_path / "kb.sqlite"
    url = f"sqlite:///{path}"
    build_snapshot(url, [SourceRun(hpo.INFO, hpo.read(FIXTURES / "hpo_mini"))],
                   enforce_minimums=False)
    return url, path, hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(autouse=True)
def _no_user_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Only the --from directory may supply sources, not a cache left by `rareinfo sync`.
    monkeypatch.setenv("RAREINFO_CACHE_DIR", str(tmp_path / "empty-cache"))


def test_cut_archive_is_counted_and_the_rest_is_loaded(tmp_path: Path) -> None:
    archive = _cut_archive(tmp_path / "orphapackets.tar.gz", 0.8)
    summary = build_snapshot(f"sqlite:///{tmp_path}/kb.sqlite", [
        SourceRun(hpo.INFO, hpo.read(FIXTURES / "hpo_mini")),
        SourceRun(orphanet.INFO, orphanet.read(archive)),
    ], enforce_minimums=False)
    source = next(s for s in summary.sources if s.source == "orphanet")
    assert source.counts["diseases"] >= 1  # the packets before the cut
    assert source.problems == 1
    assert source.first_problems[0].location == "orphapackets.tar.gz"


def test_cli_build_with_a_cut_archive_keeps_the_old_snapshot(tmp_path: Path) -> None:
    url, path, before = _old_snapshot(tmp_path)
    release = _release_dir(tmp_path)
    _cut_archive(release / "orphanet" / "orphapackets.tar.gz", 0.8)
    result = runner.invoke(app, ["build", "--from", str(release), "--database", url])
    assert result.exit_code == 4, result.output
    output = " ".join(result.output.split())
    assert "the previous one stays live" in output
    assert re.search(r"orphanet: \d diseases, expected at least 9,000", output)
    assert "Traceback" not in result.output
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    # no staging file left behind, and no model or index beside the live snapshot's
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("kb.")) == \
        ["kb.sqlite", "kb.sqlite.diagnosis", "kb.sqlite.search"]
    assert len(list((tmp_path / "kb.sqlite.diagnosis").iterdir())) == 1
    assert len(list((tmp_path / "kb.sqlite.search").iterdir())) == 1


def test_garbage_ontology_is_reported_and_refused(tmp_path: Path) -> None:
    url, path, before = _old_snapshot(tmp_path)
    release = _release_dir(tmp_path)
    (release / "hpo" / "hp.obo").write_bytes(bytes(range(256)) * 40)
    summary = build_snapshot(f"sqlite:///{tmp_path}/other.sqlite",
                    [SourceRun(hpo.INFO, hpo.read(release / "hpo"))], enforce_minimums=False)
    problems = summary.sources[0].first_problems
    assert problems[0].location == "hp.obo:3"  # lines 1-2 hold only ASCII control bytes
    assert problems[0].message.startswith("40 line(s) not UTF-8")
    assert (problems[1].location, problems[1].message) == (
        "hp.obo:1", "no [Term] stanza: not an OBO ontology (damaged or wrong file?)")
    result = runner.invoke(app, ["build", "--from", str(release), "--database", url])
    assert result.exit_code == 4, result.output
    assert "hpo: 0 phenotype terms, expected at least 15,000" in " ".join(result.output.split())
    assert "Traceback" not in result.output
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_truncated_annotation_file_is_reported_and_refused(tmp_path: Path) -> None:
    url, path, before = _old_snapshot(tmp_path)
    release = _release_dir(tmp_path)
    annotations = release / "hpo" / "phenotype.hpoa"
    data = annotations.read_bytes()
    cut = data[: data.index(b"\t", len(data) * 2 // 3) + 1]  # in the middle of a row
    annotations.write_bytes(cut)
    summary = build_snapshot(f"sqlite:///{tmp_path}/cut.sqlite",
                    [SourceRun(hpo.INFO, hpo.read(release / "hpo"))], enforce_minimums=False)
    last = f"phenotype.hpoa:{len(cut.splitlines())}"
    assert [p.message for p in summary.sources[0].first_problems if p.location == last] == [
        "expected 12 tab-separated columns, found 2"]
    result = runner.invoke(app, ["build", "--from", str(release), "--database", url])
    assert result.exit_code == 4, result.output
    assert "Traceback" not in result.output
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
