"""Disease pages: the page itself, its full list of trials, and its Atom feed."""

from __future__ import annotations

from collections import Counter
from typing import Annotated
from urllib.parse import quote_plus

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from rareinfo.kb.research import STATUS_ORDER
from rareinfo.service.live import Snapshot
from rareinfo.web.cache import HTML, Body, pages
from rareinfo.web.deps import MaybeUserDataDep, SnapshotDep
from rareinfo.web.lookup import Moved, find_disease
from rareinfo.web.pages.answers import PublicAnswer
from rareinfo.web.pages.feed import MEDIA_TYPE as ATOM_MEDIA_TYPE
from rareinfo.web.pages.feed import disease_feed as atom_feed
from rareinfo.web.prerender import prerendered
from rareinfo.web.templating import render
from rareinfo.web.userdata import UserData

# Sub-paths of /diseases/{identifier:path}: registered before its catch-all.
disease_subpaths = APIRouter(include_in_schema=False)
# The catch-all /diseases/{identifier:path}: registered after every sub-path.
catch_all = APIRouter(include_in_schema=False)


@disease_subpaths.get("/diseases/{identifier:path}/trials", response_class=HTMLResponse)
def trials_page(request: Request, snapshot: SnapshotDep, identifier: str,
                status: Annotated[str | None, Query(max_length=40)] = None) -> Response:
    """Every clinical trial of a disease, filtered by recruitment status."""
    found = find_disease(snapshot, identifier)
    if isinstance(found, Moved):
        query = f"?status={quote_plus(status)}" if status else ""
        return RedirectResponse(f"/diseases/{found.canonical}/trials{query}", status_code=301)
    status = status.upper() if status else None
    counts = Counter(t.status or "UNKNOWN" for t in found.trials)
    trials = [t for t in found.trials if status is None or (t.status or "UNKNOWN") == status]
    ordered = sorted(counts.items(), key=lambda item: _status_rank(item[0]))
    return HTMLResponse(render(request, "trials.html", {
        "disease": found, "trials": trials, "status": status, "counts": ordered}))


@disease_subpaths.get("/diseases/{identifier:path}/feed.atom")
def disease_feed(request: Request, snapshot: SnapshotDep, identifier: str) -> Response:
    """An Atom feed of the disease's clinical trials and articles, newest first."""
    found = find_disease(snapshot, identifier)
    if isinstance(found, Moved):
        return RedirectResponse(f"/diseases/{found.canonical}/feed.atom", status_code=301)
    page_url = str(request.url_for("disease_page", identifier=found.id))
    return Response(atom_feed(found, str(request.url), page_url), media_type=ATOM_MEDIA_TYPE)


def disease_key(snapshot: Snapshot, identifier: str, userdata: UserData | None) -> tuple[str, str]:
    """The key of a disease page among a worker's pages: published questions are part of
    the page, so their version is part of the key."""
    published = userdata.cache_tag() if userdata is not None else "-"
    return snapshot.key, f"/diseases/{identifier}#qa{published}"


def _has_questions(snapshot: Snapshot, userdata: UserData, identifier: str) -> bool:
    """Whether a question is published for the page (under any of its identifiers)."""
    shown = userdata.question_pages(snapshot.kb)
    if shown is not None:
        return identifier in shown
    return bool(userdata.published_for(snapshot.kb.identifiers_of(identifier)))


def _status_rank(status: str) -> tuple[int, str]:
    return (STATUS_ORDER.index(status) if status in STATUS_ORDER else len(STATUS_ORDER),
            status)


@catch_all.get("/diseases/{identifier:path}", response_class=HTMLResponse)
async def disease_page(request: Request, snapshot: SnapshotDep,
                       userdata: MaybeUserDataDep, identifier: str) -> Response:
    """One disease: plain words first, identifiers and sources after."""
    # Cached pages are answered on the event loop (most before routing: web/fastpath.py);
    # only a miss goes to a worker thread.
    key = disease_key(snapshot, identifier, userdata)
    if (cached := pages.get(key)) is not None:
        return cached.response(request)
    found = await run_in_threadpool(_render_disease, snapshot, key, identifier, userdata)
    return found.response(request) if isinstance(found, Body) else found


def _render_disease(snapshot: Snapshot, key: tuple[str, str], identifier: str,
                    userdata: UserData | None = None) -> Body | Response:
    if userdata is not None:
        # Pre-rendered at build time without questions: right for every disease that
        # has none published (one indexed read instead of rendering the page).
        pre = prerendered.get(snapshot.kb, f"/diseases/{identifier}")
        if pre is not None and not _has_questions(snapshot, userdata, identifier):
            return pages.put(key, pre)
    found = find_disease(snapshot, identifier)
    if isinstance(found, Moved):
        return RedirectResponse(f"/diseases/{found.canonical}", status_code=301)
    questions = ([PublicAnswer.of(p) for p in
                  userdata.published_for(snapshot.kb.identifiers_of(found.id))]
                 if userdata is not None else [])
    html = render(None, "disease.html", {"disease": found, "questions": questions,
                                         "asking": userdata is not None}).encode()
    return pages.put(key, Body.of(HTML, html))
