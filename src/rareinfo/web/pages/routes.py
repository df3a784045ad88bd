"""HTML pages: thin routes that fetch from the read API and render a template."""

from __future__ import annotations

import string
from collections import Counter
from typing import Annotated
from urllib.parse import quote_plus

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from rareinfo.kb.research import STATUS_ORDER
from rareinfo.search.base import EntityKind
from rareinfo.service.live import Snapshot
from rareinfo.web.cache import RenderedPages
from rareinfo.web.feed import MEDIA_TYPE as ATOM_MEDIA_TYPE
from rareinfo.web.feed import disease_feed as atom_feed
from rareinfo.web.inputs import clean_query
from rareinfo.web.inquiries import UserData, userdata_of
from rareinfo.web.lookup import (
    Moved,
    find_disease,
    find_phenotype,
    page_url,
    snapshot_of,
    suggestions,
)
from rareinfo.web.templating import render

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 25
LETTERS = [*list(string.ascii_uppercase), "0"]


_rendered = RenderedPages()


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    """The front page: search, browse and what the knowledge base holds."""
    snapshot = snapshot_of(request)
    return HTMLResponse(render(request, "home.html", {
        "status": snapshot.kb.status(), "letters": LETTERS}))


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    q: Annotated[str, Query(max_length=10_000)] = "",
    kind: EntityKind | None = None,
    page: Annotated[int, Query(ge=1, le=1000)] = 1,
) -> Response:
    """Search results for diseases and phenotypes, with "did you mean" when empty."""
    query = clean_query(q)
    snapshot = snapshot_of(request)
    hits = snapshot.index.search(query, kind=kind, limit=PAGE_SIZE,
                                 offset=(page - 1) * PAGE_SIZE) if query else []
    total = snapshot.index.count(query, kind=kind) if query else 0
    nearest = suggestions(snapshot, query, kind) if query and not hits else []
    return HTMLResponse(render(request, "search.html", {
        "query": query, "kind": kind, "hits": hits, "total": total, "page": page,
        "pages": max(1, -(-total // PAGE_SIZE)), "nearest": nearest, "page_url": page_url,
    }))


@router.get("/browse")
def browse_root() -> RedirectResponse:
    """Browse starts at A."""
    return RedirectResponse("/browse/A", status_code=302)


@router.get("/browse/{letter}", response_class=HTMLResponse)
def browse(request: Request, letter: str, kind: EntityKind = "disease") -> Response:
    """Diseases (or phenotypes) whose name starts with a letter."""
    letter = letter.upper()
    if letter not in LETTERS:
        raise HTTPException(404, f"“{letter[:10]}” is not a letter to browse; use A to Z or 0.")
    snapshot = snapshot_of(request)
    hits = snapshot.index.browse(letter, kind=kind)
    return HTMLResponse(render(request, "browse.html", {
        "letter": letter, "letters": LETTERS, "hits": hits, "kind": kind,
        "page_url": page_url}))


# Declared before the disease page: its {identifier:path} would take ".../trials" too.
@router.get("/diseases/{identifier:path}/trials", response_class=HTMLResponse)
def trials_page(request: Request, identifier: str,
                status: Annotated[str | None, Query(max_length=40)] = None) -> Response:
    """Every clinical trial of a disease, filtered by recruitment status."""
    found = find_disease(snapshot_of(request), identifier)
    if isinstance(found, Moved):
        query = f"?status={quote_plus(status)}" if status else ""
        return RedirectResponse(f"/diseases/{found.canonical}/trials{query}", status_code=301)
    status = status.upper() if status else None
    counts = Counter(t.status or "UNKNOWN" for t in found.trials)
    trials = [t for t in found.trials if status is None or (t.status or "UNKNOWN") == status]
    ordered = sorted(counts.items(), key=lambda item: _status_rank(item[0]))
    return HTMLResponse(render(request, "trials.html", {
        "disease": found, "trials": trials, "status": status, "counts": ordered}))


# Declared before the disease page, like the trials page.
@router.get("/diseases/{identifier:path}/feed.atom")
def disease_feed(request: Request, identifier: str) -> Response:
    """An Atom feed of the disease's clinical trials and articles, newest first."""
    found = find_disease(snapshot_of(request), identifier)
    if isinstance(found, Moved):
        return RedirectResponse(f"/diseases/{found.canonical}/feed.atom", status_code=301)
    page_url = str(request.url_for("disease_page", identifier=found.id))
    return Response(atom_feed(found, str(request.url), page_url), media_type=ATOM_MEDIA_TYPE)


def _status_rank(status: str) -> tuple[int, str]:
    return (STATUS_ORDER.index(status) if status in STATUS_ORDER else len(STATUS_ORDER),
            status)


@router.get("/diseases/{identifier:path}", response_class=HTMLResponse)
async def disease_page(request: Request, identifier: str) -> Response:
    """One disease: plain words first, identifiers and sources after."""
    # Cached pages are answered on the event loop; only a miss goes to a worker thread.
    snapshot = snapshot_of(request)
    # Published questions are part of the page: their version is part of the key.
    userdata = userdata_of(request)
    published = userdata.cache_tag() if userdata is not None else "-"
    key = (snapshot.key, f"d:{identifier}#qa{published}")
    if (cached := _rendered.get(key)) is not None:
        return HTMLResponse(cached)
    return await run_in_threadpool(_render_disease, snapshot, key, identifier, userdata)


def _render_disease(snapshot: Snapshot, key: tuple[str, str], identifier: str,
                    userdata: UserData | None = None) -> Response:
    found = find_disease(snapshot, identifier)
    if isinstance(found, Moved):
        return RedirectResponse(f"/diseases/{found.canonical}", status_code=301)
    questions = (userdata.published_for(snapshot.kb.identifiers_of(found.id))
                 if userdata is not None else [])
    html = render(None, "disease.html", {"disease": found, "questions": questions,
                                         "asking": userdata is not None}).encode()
    _rendered.put(key, html)
    return HTMLResponse(html)


@router.get("/phenotypes/{identifier:path}", response_class=HTMLResponse)
async def phenotype_page(request: Request, identifier: str) -> Response:
    """One HPO term: definition, synonyms, hierarchy and the diseases that have it."""
    snapshot = snapshot_of(request)
    key = (snapshot.key, "p:" + identifier)
    if (cached := _rendered.get(key)) is not None:
        return HTMLResponse(cached)
    return await run_in_threadpool(_render_phenotype, snapshot, key, identifier)


def _render_phenotype(snapshot: Snapshot, key: tuple[str, str], identifier: str) -> Response:
    found = find_phenotype(snapshot, identifier)
    if isinstance(found, Moved):
        return RedirectResponse(f"/phenotypes/{found.canonical}", status_code=301)
    html = render(None, "phenotype.html", {"term": found}).encode()
    _rendered.put(key, html)
    return HTMLResponse(html)


@router.get("/about", response_class=HTMLResponse)
def about(request: Request) -> HTMLResponse:
    """Every source with its release, licence and attribution."""
    snapshot = snapshot_of(request)
    return HTMLResponse(render(request, "about.html", {"status": snapshot.kb.status()}))
