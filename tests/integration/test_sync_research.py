"""`rareinfo sync clinicaltrials` end to end against the replayed Phelan-McDermid search."""

from __future__ import annotations

import dataclasses
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rareinfo.cli import app
from rareinfo.kb.build import SourceRun
from rareinfo.kb.queries import KnowledgeBase
from rareinfo.service.building import build_snapshot
from rareinfo.sources import clinicaltrials, hpo, pubmed
from rareinfo.sources.replay import Politeness
from tests.replay_server import ReplayServer

pytestmark = pytest.mark.integration

CAPTURES = (Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "clinicaltrials"
            / "ctgov_v2_biomcp_captures_2026-08-11")
PAGE1 = CAPTURES / "search_phelan_limit5_20260811.json"
PAGE2 = CAPTURES / "search_phelan_next_20260811.json"
TOKEN = "ZVt07cGHkvI2wRk2CJf6_LLq14bEL8swd7KrgP4dnDeTsPkw"  # page 1's nextPageToken
PMS = "OMIM:606232"
FAST = Politeness(rate=1000.0, burst=10, retries=2, backoff=0.0, max_wait=0.0, timeout=0.3)
PMS_LINE = ("OMIM:606232\tPhelan-McDermid syndrome\t\tHP:0006721\tOMIM:606232\tTAS\t\t\t\t\tP"
            "\tHPO:test[2026-01-01]\n")

runner = CliRunner()


@pytest.fixture()
def server() -> Iterator[ReplayServer]:
    if not PAGE1.is_file():
        pytest.fail("../shared/data/clinicaltrials captures are missing: the integration "
                    "tests need ../shared/data")
    with ReplayServer() as replay:
        replay.add_file("/api/v2/studies", PAGE1)
        # The capture stops after two of five pages: page two is served as the last one.
        last = json.loads(PAGE2.read_text(encoding="utf-8"))
        last.pop("nextPageToken", None)
        replay.add("/api/v2/studies", json.dumps(last), query={"pageToken": TOKEN})
        yield replay


@pytest.fixture()
def kb_url(tmp_path: Path, mini_release: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A tiny knowledge base with a Phelan-McDermid syndrome page, and a private cache."""
    release = tmp_path / "hpo"
    shutil.copytree(mini_release, release)
    with (release / "phenotype.hpoa").open("a", encoding="utf-8") as annotations:
        annotations.write(PMS_LINE)
    url = f"sqlite:///{tmp_path / 'kb.sqlite'}"
    build_snapshot(url, [SourceRun(hpo.INFO, hpo.read(release))], enforce_minimums=False)
    monkeypatch.setenv("RAREINFO_CACHE_DIR", str(tmp_path / "cache"))
    # The tiny HPO release is far below the real minimum counts; the rebuild must accept it.
    monkeypatch.setattr(hpo, "INFO", dataclasses.replace(hpo.INFO, minimum_counts=()))
    monkeypatch.setattr(clinicaltrials, "POLITENESS", FAST)
    return url


def _sync(server: ReplayServer, url: str) -> list[str]:
    return ["sync", "clinicaltrials", "--disease", PMS, "--base-url",
            f"{server.url}/api/v2", "--database", url]


def test_sync_needs_diseases(kb_url: str) -> None:
    result = runner.invoke(app, ["sync", "clinicaltrials", "--database", kb_url])
    assert result.exit_code == 2 and "--disease" in result.output


@pytest.mark.parametrize("fault", ["500", "429", "timeout", "truncated"])
def test_sync_fails_then_resumes(server: ReplayServer, kb_url: str, tmp_path: Path,
                                 fault: str) -> None:
    server.fail(fault, times=FAST.retries + 1, query={"pageToken": TOKEN}, delay=1.0)
    failed = runner.invoke(app, _sync(server, kb_url))
    assert failed.exit_code == 4, failed.output
    message = failed.output.strip()
    assert message.startswith("error:") and "\n" not in message and "resume" in message
    assert "Traceback" not in failed.output
    saved = sorted(p.name for p in (tmp_path / "cache" / "clinicaltrials").rglob("page-*"))
    assert saved == ["page-0001.json"]
    before = len(server.requests)

    done = runner.invoke(app, _sync(server, kb_url))
    assert done.exit_code == 0, done.output
    assert [q.get("pageToken") for _, q in server.requests[before:]] == [TOKEN]
    first = server.requests[0][1]["query.cond"]
    assert '"Phelan-McDermid syndrome"' in first
    page = KnowledgeBase(kb_url).disease(PMS)
    assert page is not None
    trials = {t.nct_id for t in page.trials}
    assert len(trials) >= 8 and "NCT02710084" in trials, trials
    assert {r.source for r in page.releases} >= {"clinicaltrials", "hpo"}


def test_sync_pubmed(kb_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    mini = Path(__file__).resolve().parents[1] / "fixtures" / "pubmed_mini"
    monkeypatch.setattr(pubmed, "politeness_for", lambda api_key=None: FAST)
    with ReplayServer() as replay:
        replay.add_file("/eutils/esearch.fcgi", mini / "esearch.json")
        replay.add_file("/eutils/efetch.fcgi", mini / "efetch_batch2.xml")
        replay.fail("500", times=FAST.retries + 1, path="/eutils/efetch.fcgi")
        args = ["sync", "pubmed", "--disease", PMS, "--base-url", f"{replay.url}/eutils",
                "--database", kb_url]
        failed = runner.invoke(app, args)
        assert failed.exit_code == 4 and "resume" in failed.output
        done = runner.invoke(app, args)
        assert done.exit_code == 0, done.output
        assert [path for path, _ in replay.requests].count("/eutils/esearch.fcgi") == 1
    page = KnowledgeBase(kb_url).disease(PMS)
    assert page is not None
    assert any("Phelan-McDermid" in a.title for a in page.articles)
