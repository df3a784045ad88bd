"""The ClinicalTrials.gov API v2 client against the local replay server, and the reader."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from rareinfo.records import ClinicalTrial, MeshTerm, Problem, SourceRelease, TrialIntervention
from rareinfo.sources import clinicaltrials as ct
from rareinfo.sources.replay import ApiClient, ApiError, Politeness, TokenBucket, retry_after
from tests.replay_server import ReplayServer

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "ctgov_mini"
PAGE1, PAGE2 = MINI / "search_phelan_page1.json", MINI / "search_phelan_page2.json"
# Fast and impatient: no waiting between tries, a short timeout for the injected stall.
FAST = Politeness(rate=1000.0, burst=10, retries=3, backoff=0.0, max_wait=0.0, timeout=0.2)
TERMS = ["Phelan-McDermid syndrome", "22q13 deletion syndrome"]


@pytest.fixture()
def server() -> Iterator[ReplayServer]:
    with ReplayServer() as replay:
        replay.add_file("/api/v2/studies", PAGE1)
        replay.add_file("/api/v2/studies", PAGE2, query={"pageToken": "tok-2"})
        yield replay


def _sync(server: ReplayServer, cache: Path, **options: object) -> ct.SearchSync:
    return ct.fetch_condition(TERMS, cache, base_url=f"{server.url}/api/v2",
                              politeness=FAST, **options)  # type: ignore[arg-type]


def test_condition_query_quotes_each_name() -> None:
    assert ct.condition_query(TERMS) == '"Phelan-McDermid syndrome" OR "22q13 deletion syndrome"'
    assert ct.condition_query('Sézary "syndrome"') == '"Sézary syndrome"'
    with pytest.raises(ValueError):
        ct.condition_query(["  "])


def test_incremental_search_filters_on_last_update_posted() -> None:
    params = ct.search_params('"x"', since=date(2026, 8, 1), page_size=50)
    assert params["filter.advanced"] == "AREA[LastUpdatePostDate]RANGE[2026-08-01,MAX]"
    assert params["pageSize"] == 50 and params["query.cond"] == '"x"'


def test_fetch_pages_through_and_saves_every_page(server: ReplayServer, tmp_path: Path) -> None:
    seen: list[tuple[int, int | None]] = []
    sync = _sync(server, tmp_path, progress=lambda done, total: seen.append((done, total)))
    assert (sync.pages_fetched, sync.pages_replayed, sync.studies, sync.total) == (2, 0, 4, 4)
    assert sync.complete and seen == [(2, 4), (4, 4)]
    assert sorted(p.name for p in sync.path.iterdir()) == ["page-0001.json", "page-0002.json"]
    assert (sync.path / "page-0002.json").read_bytes() == PAGE2.read_bytes()
    first, second = server.requests
    assert first[1]["query.cond"] == ct.condition_query(TERMS) and "pageToken" not in first[1]
    assert second[1]["pageToken"] == "tok-2" and first[1]["countTotal"] == "true"
    manifest = json.loads((sync.path.parent / "search.json").read_text())
    assert manifest["terms"] == TERMS and manifest["runs"]["full"]["finished"]


@pytest.mark.parametrize("fault", ["429", "500", "timeout", "truncated", "cut"])
def test_faults_are_retried(server: ReplayServer, tmp_path: Path, fault: str) -> None:
    server.fail(fault, query={"pageToken": "tok-2"}, delay=0.4)
    sync = _sync(server, tmp_path)
    assert sync.complete and sync.studies == 4
    assert len(server.requests) == 3 and server.pending_faults() == 0
    saved = json.loads((sync.path / "page-0002.json").read_text())
    assert [s["protocolSection"]["identificationModule"].get("nctId")
            for s in saved["studies"]] == ["NCT01525901", None]


def test_retry_after_is_honoured(server: ReplayServer) -> None:
    waits: list[float] = []
    server.fail("429", retry_after="7")
    polite = Politeness(rate=1000.0, burst=10, retries=2, backoff=0.0, max_wait=60.0,
                        timeout=1.0)
    with ApiClient(f"{server.url}/api/v2", polite, sleep=waits.append) as api:
        _, body = api.get_json("studies", {"query.cond": "x"})
    assert waits == [7.0] and body["nextPageToken"] == "tok-2"


def test_a_failed_sync_resumes_without_refetching_saved_pages(server: ReplayServer,
                                                              tmp_path: Path) -> None:
    server.fail("500", times=FAST.retries + 1, query={"pageToken": "tok-2"})
    with pytest.raises(ApiError, match="HTTP 500"):
        _sync(server, tmp_path)
    run = tmp_path / "clinicaltrials"
    assert [p.name for p in run.rglob("page-*.json")] == ["page-0001.json"]
    before = len(server.requests)
    sync = _sync(server, tmp_path)
    assert sync.pages_replayed == 1 and sync.pages_fetched == 1 and sync.complete
    assert [q.get("pageToken") for _, q in server.requests[before:]] == ["tok-2"]
    again = _sync(server, tmp_path)  # a finished run asks for nothing more
    assert again.pages_fetched == 0 and len(server.requests) == before + 1


def test_a_damaged_saved_page_is_fetched_again(server: ReplayServer, tmp_path: Path) -> None:
    sync = _sync(server, tmp_path)
    (sync.path / "page-0002.json").write_text('{"studies": [')
    again = _sync(server, tmp_path)
    assert again.pages_replayed == 1 and again.pages_fetched == 1


def test_client_errors_are_not_retried(tmp_path: Path) -> None:
    with ReplayServer() as server, pytest.raises(ApiError, match="HTTP 404"):
        _sync(server, tmp_path)
    assert len(server.requests) == 1


def test_incremental_refresh_uses_its_own_run(server: ReplayServer, tmp_path: Path) -> None:
    _sync(server, tmp_path)
    search_dir = next((tmp_path / "clinicaltrials").iterdir())
    since = ct.refresh_since(search_dir)
    assert since is not None and since <= datetime.now(UTC).date()
    root = ct.fetch(tmp_path, base_url=f"{server.url}/api/v2", politeness=FAST)
    assert (search_dir / f"since-{since.isoformat()}" / "page-0001.json").is_file()
    assert server.requests[-1][1]["filter.advanced"].startswith("AREA[LastUpdatePostDate]")
    assert root == tmp_path / "clinicaltrials"


def test_fetch_without_saved_searches_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(ApiError, match="fetch_condition"):
        ct.fetch(tmp_path)


def test_read_parses_pages_and_single_records() -> None:
    items = list(ct.read(MINI))
    assert isinstance(items[0], SourceRelease) and items[0].released == date(2026, 8, 10)
    trials = {t.nct_id: t for t in items if isinstance(t, ClinicalTrial)}
    assert set(trials) == {"NCT02710084", "NCT05105685", "NCT01525901"}
    pilot = trials["NCT02710084"]  # the fresher single record wins over the search copy
    assert pilot.last_update == date(2024, 6, 30) and pilot.enrollment_type == "ACTUAL"
    assert pilot.official_title and pilot.condition_mesh == (
        MeshTerm("D058674", "Chromosome Disorders"),)
    igf = trials["NCT01525901"]
    assert igf.phases == ("PHASE1", "PHASE2") and igf.enrollment == 9
    assert igf.status == "ACTIVE_NOT_RECRUITING" and igf.start_date == date(2016, 4, 1)
    assert igf.completion_date == date(2020, 7, 29)
    assert igf.interventions == (TrialIntervention(None, "Oxytocin", ("Syntocinon",)),)
    assert igf.url == "https://clinicaltrials.gov/study/NCT01525901"
    recruiting = trials["NCT05105685"]
    assert recruiting.locations == 3 and recruiting.countries == ("United States", "Canada")
    assert recruiting.conditions == ("Phelan-McDermid Syndrome", "22q13 Deletion Syndrome")
    assert pilot.locations is None


def test_read_reports_bad_files_and_records() -> None:
    problems = {p.location: p.message for p in ct.read(MINI) if isinstance(p, Problem)}
    assert "truncated" in problems["search_truncated.json"]
    assert "API v1" in problems["legacy_v1_search.json"]
    assert "NCT id" in problems["search_phelan_page2.json#2"]


def test_markdown_escapes_are_removed_from_summaries() -> None:
    study = json.loads(PAGE1.read_text())["studies"][0]
    trial = ct.parse_study(study, "x")
    assert isinstance(trial, ClinicalTrial) and trial.summary is not None
    assert trial.summary.endswith("syndrome [PMS].")


def test_read_a_saved_sync(server: ReplayServer, tmp_path: Path) -> None:
    _sync(server, tmp_path)
    assert ct.locate(tmp_path) == tmp_path / "clinicaltrials"
    items = list(ct.read(tmp_path / "clinicaltrials"))
    assert len([t for t in items if isinstance(t, ClinicalTrial)]) == 3
    release = items[0]
    assert isinstance(release, SourceRelease) and release.released is not None


def test_locate_finds_responses_at_the_top(tmp_path: Path) -> None:
    shutil.copy(PAGE1, tmp_path / "anything.json")
    (tmp_path / "other.json").write_text('{"hello": 1}')
    assert ct.locate(tmp_path) == tmp_path
    assert ct.locate(tmp_path / "missing") is None


def test_token_bucket_spaces_requests() -> None:
    now = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    bucket = TokenBucket(2.0, burst=2, clock=lambda: now[0], sleep=sleep)
    for _ in range(4):
        bucket.acquire()
    assert slept == [0.5, 0.5]  # two at once, then one every half second


def test_retry_after_forms() -> None:
    assert retry_after("12") == 12.0
    assert retry_after(None) is None and retry_after("soon") is None
    now = datetime(2026, 8, 11, 12, 0, 0, tzinfo=UTC)
    assert retry_after("Tue, 11 Aug 2026 12:00:30 GMT", now=now) == 30.0
