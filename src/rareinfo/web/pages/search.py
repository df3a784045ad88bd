"""Search results and the A-to-Z browse pages."""

from __future__ import annotations

import string
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from rareinfo.search.base import EntityKind
from rareinfo.web.deps import SnapshotDep
from rareinfo.web.inputs import clean_query
from rareinfo.web.lookup import page_url, suggestions
from rareinfo.web.templating import render

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 25
LETTERS = [*list(string.ascii_uppercase), "0"]


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    snapshot: SnapshotDep,
    q: Annotated[str, Query(max_length=10_000)] = "",
    kind: EntityKind | None = None,
    page: Annotated[int, Query(ge=1, le=1000)] = 1,
) -> Response:
    """Search results for diseases and phenotypes, with "did you mean" when empty."""
    query = clean_query(q)
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
def browse(request: Request, snapshot: SnapshotDep, letter: str,
           kind: EntityKind = "disease") -> Response:
    """Diseases (or phenotypes) whose name starts with a letter."""
    letter = letter.upper()
    if letter not in LETTERS:
        raise HTTPException(404, f"“{letter[:10]}” is not a letter to browse; use A to Z or 0.")
    hits = snapshot.index.browse(letter, kind=kind)
    return HTMLResponse(render(request, "browse.html", {
        "letter": letter, "letters": LETTERS, "hits": hits, "kind": kind,
        "page_url": page_url}))
