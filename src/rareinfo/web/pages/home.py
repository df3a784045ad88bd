"""The front page and the about page (every source, its release and licence)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from rareinfo.web.deps import SnapshotDep
from rareinfo.web.pages.search import LETTERS
from rareinfo.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def home(request: Request, snapshot: SnapshotDep) -> HTMLResponse:
    """The front page: search, browse and what the knowledge base holds."""
    return HTMLResponse(render(request, "home.html", {
        "status": snapshot.kb.status(), "letters": LETTERS}))


@router.get("/about", response_class=HTMLResponse)
def about(request: Request, snapshot: SnapshotDep) -> HTMLResponse:
    """Every source with its release, licence and attribution."""
    return HTMLResponse(render(request, "about.html", {"status": snapshot.kb.status()}))

