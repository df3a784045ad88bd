"""ClinicalTrials.gov: studies per condition from the API v2, saved page by page.

``fetch_condition`` searches ``/studies`` by condition terms (``query.cond``) and saves
every page exactly as the API sent it under ``CACHE/clinicaltrials/<search>/<run>/``:

- ``page-0001.json``, ``page-0002.json``, ...: each holds the ``nextPageToken`` of the
  page after it, so an interrupted sync resumes from the last saved page and never asks
  for a saved page again;
- ``<search>/search.json``: the terms, the query and, per run, when it started and
  whether it finished. A run is ``full``, or ``since-YYYY-MM-DD`` for an incremental
  refresh that asks only for studies whose last update was posted on or after that day.

``read`` takes such a cache, or any directory of API v2 responses (search pages with a
``studies`` list, single study records), and yields one ``ClinicalTrial`` per NCT id: a
trial appears in the search of every condition it lists, and the copy with the latest
last-update date wins.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx

from rareinfo.records import (
    ClinicalTrial,
    MeshTerm,
    Problem,
    Record,
    SourceRelease,
    TrialIntervention,
)
from rareinfo.sources import tabular
from rareinfo.sources.base import ProgressCallback, SourceInfo
from rareinfo.sources.replay import (
    ApiClient,
    ApiError,
    Politeness,
    query_slug,
    save_atomic,
    utc_now,
)

NAME = "clinicaltrials"
API_URL = "https://clinicaltrials.gov/api/v2"
STUDY_URL = "https://clinicaltrials.gov/study/"
# ClinicalTrials.gov asks API users to stay near 50 requests a minute.
POLITENESS = Politeness(rate=50 / 60, burst=2, retries=6, backoff=2.0, timeout=60.0)
PAGE_SIZE = 100  # the API allows up to 1,000; smaller pages lose less to a failure
MANIFEST = "search.json"

INFO = SourceInfo(
    name=NAME,
    title="ClinicalTrials.gov",
    homepage="https://clinicaltrials.gov/",
    licence=("Public domain (US government work); terms at "
             "clinicaltrials.gov/about-site/terms-conditions"),
    attribution=(
        "Clinical trial records from ClinicalTrials.gov, U.S. National Library of Medicine "
        "(data API v2)."
    ),
    downloads=(f"{API_URL}/studies",),
    minimum_counts=(),  # how many trials a sync brings depends on the diseases searched
    build_order=60,
)

_NCT = re.compile(r"^NCT\d{8}$")
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")
_MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~])")
_PAGE = re.compile(r"^page-(\d{4,})\.json$")


@dataclass(frozen=True, slots=True)
class SearchSync:
    """What one ``fetch_condition`` call did."""

    path: Path  # the run directory holding the saved pages
    pages_fetched: int
    pages_replayed: int  # already in the cache: not asked for again
    studies: int
    total: int | None  # the API's count of matching studies, when it gave one
    complete: bool


def condition_query(terms: str | Sequence[str]) -> str:
    """The ``query.cond`` expression for a condition's names: quoted phrases joined by OR."""
    names = [terms] if isinstance(terms, str) else list(terms)
    quoted = ['"' + " ".join(name.replace('"', " ").split()) + '"'
              for name in names if name.strip()]
    if not quoted:
        raise ValueError("no condition terms to search for")
    return " OR ".join(dict.fromkeys(quoted))


def search_params(query: str, *, since: date | None = None,
                  page_size: int = PAGE_SIZE) -> dict[str, str | int]:
    """The fixed parameters of a search (the page token is added per page)."""
    params: dict[str, str | int] = {"query.cond": query, "pageSize": page_size,
                                    "format": "json", "countTotal": "true"}
    if since is not None:
        # Essie syntax for "last update posted on or after since", as documented by the API.
        params["filter.advanced"] = f"AREA[LastUpdatePostDate]RANGE[{since.isoformat()},MAX]"
    return params


def fetch_condition(
    terms: str | Sequence[str],
    cache_dir: Path,
    *,
    base_url: str | None = None,
    since: date | None = None,
    progress: ProgressCallback | None = None,
    page_size: int = PAGE_SIZE,
    politeness: Politeness | None = None,
    client: httpx.Client | None = None,
    max_pages: int | None = None,
) -> SearchSync:
    """Save every page of the studies matching ``terms`` (updated since ``since``).

    A finished run is not asked for again: pass ``since`` (``refresh_since`` gives the
    day after the last run) or call ``fetch`` to bring in what changed.
    """
    query = condition_query(terms)
    search_dir = cache_dir / NAME / query_slug(query)
    run = f"since-{since.isoformat()}" if since else "full"
    run_dir = search_dir / run
    names = [terms] if isinstance(terms, str) else list(terms)
    _note_run(search_dir, names, query, run, since, finished=False)
    params = search_params(query, since=since, page_size=page_size)
    state = _replay(run_dir)
    replayed = state.pages
    with ApiClient(base_url or API_URL, politeness or POLITENESS, client=client) as api:
        state = _page_through(api, run_dir, params, state, progress, max_pages)
    if state.complete:
        _note_run(search_dir, names, query, run, since, finished=True)
    return SearchSync(run_dir, state.fetched, replayed, state.studies, state.total,
                      state.complete)


@dataclass(slots=True)
class _PageState:
    """Where paging stands: pages saved so far and the token of the next one."""

    pages: int = 0
    fetched: int = 0
    studies: int = 0
    total: int | None = None
    token: str | None = None
    complete: bool = False


def _replay(run_dir: Path) -> _PageState:
    """Account for the pages already saved; drop any that cannot be read (and those after)."""
    state = _PageState()
    saved = sorted((int(m.group(1)), p) for p in run_dir.glob("page-*.json")
                   if (m := _PAGE.match(p.name)))
    for expected, (number, page) in enumerate(saved, start=1):
        body = _load_page(page) if number == expected else None
        if body is None:  # a gap or a damaged file: fetch again from here
            for _, later in saved[expected - 1:]:
                later.unlink(missing_ok=True)
            break
        state.pages, state.studies = number, state.studies + len(body.get("studies") or [])
        if number == 1 and isinstance(body.get("totalCount"), int):
            state.total = body["totalCount"]
        state.token = body.get("nextPageToken") or None
        state.complete = state.token is None
    return state


def _load_page(path: Path) -> dict[str, Any] | None:
    try:
        body = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return body if isinstance(body, dict) and isinstance(body.get("studies"), list) else None


def _page_through(api: ApiClient, run_dir: Path, params: dict[str, str | int],
                  state: _PageState, progress: ProgressCallback | None,
                  max_pages: int | None) -> _PageState:
    seen_tokens: set[str] = set()
    if progress is not None and state.pages:
        progress(state.studies, state.total)
    while not state.complete and (max_pages is None or state.pages < max_pages):
        page_params = dict(params)
        if state.token is not None:
            if state.token in seen_tokens:
                raise ApiError(f"the API repeated page token {state.token!r}; stopping")
            seen_tokens.add(state.token)
            page_params["pageToken"] = state.token
        text, body = api.get_json("studies", page_params)
        if not isinstance(body, dict) or not isinstance(body.get("studies"), list):
            raise ApiError("the API answered without a list of studies")
        state.pages += 1
        state.fetched += 1
        save_atomic(run_dir / f"page-{state.pages:04d}.json", text)
        state.studies += len(body["studies"])
        if isinstance(body.get("totalCount"), int):
            state.total = body["totalCount"]
        state.token = body.get("nextPageToken") or None
        state.complete = state.token is None
        if progress is not None:
            progress(state.studies, state.total)
    return state


def _note_run(search_dir: Path, terms: list[str], query: str, run: str, since: date | None,
              *, finished: bool) -> None:
    manifest_path = search_dir / MANIFEST
    manifest = _manifest(manifest_path) or {"terms": terms, "query": query, "runs": {}}
    entry = manifest["runs"].setdefault(run, {"since": since.isoformat() if since else None})
    if finished:
        entry["finished"] = utc_now()
    else:
        entry.setdefault("started", utc_now())
    save_atomic(manifest_path, json.dumps(manifest, indent=1))


def _manifest(path: Path) -> dict[str, Any] | None:
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return value if isinstance(value, dict) and isinstance(value.get("runs"), dict) else None


def refresh_since(search_dir: Path) -> date | None:
    """The day to refresh a saved search from: a day before its last finished run began."""
    manifest = _manifest(search_dir / MANIFEST)
    starts = [run.get("started", "")[:10] for run in (manifest or {}).get("runs", {}).values()
              if run.get("finished")]
    if not starts:
        return None
    # A day of overlap: LastUpdatePostDate is a calendar day in US Eastern time.
    return date.fromisoformat(max(starts)) - timedelta(days=1)


def fetch(cache_dir: Path, *, base_url: str | None = None,
          progress: ProgressCallback | None = None,
          politeness: Politeness | None = None) -> Path:
    """Refresh every search saved in the cache with the studies updated since its last run."""
    root = cache_dir / NAME
    searches = sorted(p.parent for p in root.glob(f"*/{MANIFEST}")) if root.is_dir() else []
    if not searches:
        raise ApiError(f"no saved ClinicalTrials.gov searches in {root}: sync a disease's "
                       "trials first (fetch_condition)")
    for search_dir in searches:
        manifest = _manifest(search_dir / MANIFEST) or {}
        terms = manifest.get("terms") or []
        if terms:
            fetch_condition(terms, cache_dir, base_url=base_url, since=refresh_since(search_dir),
                            progress=progress, politeness=politeness)
    return root


def response_form(path: Path) -> str | None:
    """What a saved file holds: "page", "study", "legacy" (API v1), or None if not ours."""
    if path.name == MANIFEST or not path.name.endswith((".json", ".json.gz")):
        return None
    head = tabular.sniff(path, 4096)
    if '"FullStudiesResponse"' in head:
        return "legacy"
    if '"studies"' in head and ('"protocolSection"' in head or head.count("{") <= 3):
        return "page"
    if '"protocolSection"' in head:
        return "study"
    return None


def locate(directory: Path) -> Path | None:
    """The saved API responses in a data directory: ``DIR/clinicaltrials`` or ``DIR``."""
    return tabular.locate(directory, NAME,
                          lambda p: response_form(p) in ("page", "study"))


def read(path: Path) -> Iterator[Record]:
    """Yield the release, problems, then one ClinicalTrial per NCT id (freshest copy)."""
    files = [(p, form) for p in tabular.source_files(path)
             if (form := response_form(p)) is not None]
    if not files:
        raise FileNotFoundError(
            f"no ClinicalTrials.gov API v2 responses in {path}; sync a disease's trials or "
            "point --from at saved responses")
    best: dict[str, ClinicalTrial] = {}
    problems: list[Problem] = []
    versions: list[date] = []
    for file, form in files:
        for item in _file_records(file, form, versions):
            if isinstance(item, Problem):
                problems.append(item)
            elif item.nct_id not in best or _fresher(item, best[item.nct_id]):
                best[item.nct_id] = item
    yield _release(path, versions)
    yield from problems
    yield from best.values()


def _file_records(path: Path, form: str, versions: list[date]
                  ) -> Iterator[ClinicalTrial | Problem]:
    if form == "legacy":
        yield Problem(NAME, path.name, "a response of the retired API v1 (FullStudiesResponse);"
                                       " not read: fetch it again from API v2")
        return
    try:
        body = json.loads(tabular.load_text(path).text)
    except (OSError, EOFError, zlib.error, ValueError) as exc:
        yield Problem(NAME, path.name, f"not a whole JSON document (truncated?): {exc}")
        return
    except RecursionError:
        yield Problem(NAME, path.name, "JSON nested too deeply to be an API response")
        return
    studies = body.get("studies") if isinstance(body, dict) and form == "page" else [body]
    if not isinstance(studies, list):
        yield Problem(NAME, path.name, "no list of studies")
        return
    for index, study in enumerate(studies, start=1):
        where = f"{path.name}#{index}" if form == "page" else path.name
        holder = _get(study, "derivedSection", "miscInfoModule", "versionHolder")
        if (version := parse_partial_date(holder)) is not None:
            versions.append(version)
        yield parse_study(study, where)


def _fresher(new: ClinicalTrial, old: ClinicalTrial) -> bool:
    if (new.last_update or date.min) != (old.last_update or date.min):
        return (new.last_update or date.min) > (old.last_update or date.min)
    return _filled(new) > _filled(old)  # same update: the fuller record (all fields asked)


def _filled(trial: ClinicalTrial) -> int:
    return sum(1 for f in fields(trial) if getattr(trial, f.name) not in (None, (), ""))


def _release(path: Path, versions: list[date]) -> SourceRelease:
    """The newest data version: API versionHolder dates, sync dates, or dates in file names."""
    dates = list(versions)
    root = path if path.is_dir() else path.parent
    for manifest_path in sorted(root.rglob(MANIFEST)) if path.is_dir() else []:
        for run in ((_manifest(manifest_path) or {}).get("runs") or {}).values():
            finished = run.get("finished") if isinstance(run, dict) else None
            if (day := parse_partial_date(str(finished or "")[:10])) is not None:
                dates.append(day)
    for item in tabular.source_files(path):
        if (found := tabular.find_date(str(item.relative_to(root)))) is not None:
            dates.append(found[1])
    newest = max(dates, default=None)
    return SourceRelease(NAME, newest.isoformat() if newest else "unknown", newest, str(path))


def parse_study(study: Any, where: str) -> ClinicalTrial | Problem:
    """One API v2 study record as a ClinicalTrial, or the Problem that prevents it."""
    if not isinstance(study, dict) or not isinstance(study.get("protocolSection"), dict):
        return Problem(NAME, where, "study without a protocolSection")
    protocol = study["protocolSection"]
    ident = _object(protocol.get("identificationModule"))
    nct = str(ident.get("nctId") or "").strip().upper()
    if not _NCT.match(nct):
        return Problem(NAME, where, f"missing or malformed NCT id {ident.get('nctId')!r}")
    title = _clean(ident.get("briefTitle")) or _clean(ident.get("officialTitle"))
    if not title:
        return Problem(NAME, where, f"{nct} has no title")
    status = _object(protocol.get("statusModule"))
    design = _object(protocol.get("designModule"))
    enrollment = _object(design.get("enrollmentInfo"))
    count = enrollment.get("count")
    return ClinicalTrial(
        source=NAME, nct_id=nct, title=title,
        official_title=_clean(ident.get("officialTitle")),
        status=_clean(status.get("overallStatus")),
        study_type=_clean(design.get("studyType")),
        phases=_strings(design.get("phases")),
        enrollment=count if isinstance(count, int) and count >= 0 else None,
        enrollment_type=_clean(enrollment.get("type")),
        start_date=parse_partial_date(_get(status, "startDateStruct", "date")),
        completion_date=parse_partial_date(_get(status, "completionDateStruct", "date")),
        last_update=parse_partial_date(_get(status, "lastUpdatePostDateStruct", "date")),
        conditions=_strings(_get(protocol, "conditionsModule", "conditions")),
        condition_mesh=_mesh(_get(study, "derivedSection", "conditionBrowseModule", "meshes")),
        keywords=_strings(_get(protocol, "conditionsModule", "keywords")),
        interventions=_interventions(_get(protocol, "armsInterventionsModule", "interventions")),
        sponsor=_clean(_get(protocol, "sponsorCollaboratorsModule", "leadSponsor", "name")),
        **_locations(protocol.get("contactsLocationsModule")),
        summary=_clean(_get(protocol, "descriptionModule", "briefSummary"), markdown=True),
        url=STUDY_URL + nct,
    )


def _object(value: Any) -> dict[str, Any]:
    """A JSON object, or {} for anything else (a module that came as a list or a string)."""
    return value if isinstance(value, dict) else {}


def _get(value: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def _clean(value: Any, *, markdown: bool = False) -> str | None:
    if not isinstance(value, str):
        return None
    if markdown:  # the API's default markup escapes brackets: "\\[rHGG\\]"
        value = _MARKDOWN_ESCAPE.sub(r"\1", value)
        return value.strip() or None
    return " ".join(value.split()) or None


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(dict.fromkeys(text for item in value if (text := _clean(item))))


def _mesh(value: Any) -> tuple[MeshTerm, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(MeshTerm(_clean(item.get("id")), term) for item in value
                 if isinstance(item, dict) and (term := _clean(item.get("term"))))


def _interventions(value: Any) -> tuple[TrialIntervention, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(
        TrialIntervention(_clean(item.get("type")), name, _strings(item.get("otherNames")))
        for item in value if isinstance(item, dict) and (name := _clean(item.get("name"))))


def _locations(module: Any) -> dict[str, Any]:
    if not isinstance(module, dict) or not isinstance(module.get("locations"), list):
        return {"locations": None, "countries": ()}
    places = [p for p in module["locations"] if isinstance(p, dict)]
    return {"locations": len(places), "countries": _strings([p.get("country") for p in places])}


def parse_partial_date(value: Any) -> date | None:
    """"2016-07-29", "2016-07" (first of the month) or "2016" (1 January) as a date."""
    if not isinstance(value, str) or not (match := _PARTIAL_DATE.match(value.strip())):
        return None
    year, month, day = match.groups()
    try:
        return date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
