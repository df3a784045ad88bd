"""The front page, the about page (every source, its release and licence) and the icon."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from rareinfo.web.deps import SnapshotDep
from rareinfo.web.httpcache import not_modified
from rareinfo.web.pages.search import LETTERS
from rareinfo.web.templating import render

router = APIRouter(include_in_schema=False)
# The icon changes with a release at most: browsers keep it a week, then revalidate (ETag).
ICON_CACHE = "public, max-age=604800"
ICON_TYPES = {"favicon.ico": "image/x-icon", "favicon.svg": "image/svg+xml"}


@router.get("/", response_class=HTMLResponse)
def home(request: Request, snapshot: SnapshotDep) -> HTMLResponse:
    """The front page: search, browse and what the knowledge base holds."""
    return HTMLResponse(render(request, "home.html", {
        "status": snapshot.kb.status(), "letters": LETTERS}))


@router.get("/about", response_class=HTMLResponse)
def about(request: Request, snapshot: SnapshotDep) -> HTMLResponse:
    """Every source with its release, licence and attribution."""
    return HTMLResponse(render(request, "about.html", {"status": snapshot.kb.status()}))


@cache
def _icon(name: str) -> tuple[bytes, str]:
    """The icon's bytes and their strong validator."""
    body = (resources.files("rareinfo.web") / "static" / name).read_bytes()
    return body, '"' + hashlib.sha256(body).hexdigest()[:24] + '"'


@router.get("/favicon.ico")
@router.get("/favicon.svg")
def favicon(request: Request) -> Response:
    """The site's icon: an SVG for browsers that take one, an ICO (16-48 px) for the rest."""
    name = request.url.path.rsplit("/", 1)[-1]
    body, etag = _icon(name)
    headers = {"Cache-Control": ICON_CACHE, "ETag": etag}
    if not_modified(request.headers, etag, None):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=ICON_TYPES[name], headers=headers)
