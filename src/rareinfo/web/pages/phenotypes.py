"""Phenotype pages: one HPO term with its hierarchy and the diseases that have it."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from rareinfo.service.live import Snapshot
from rareinfo.web.cache import HTML, Body, pages
from rareinfo.web.deps import SnapshotDep
from rareinfo.web.lookup import Moved, find_phenotype
from rareinfo.web.prerender import prerendered
from rareinfo.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/phenotypes/{identifier:path}", response_class=HTMLResponse)
async def phenotype_page(request: Request, snapshot: SnapshotDep, identifier: str) -> Response:
    """One HPO term: definition, synonyms, hierarchy and the diseases that have it."""
    key = (snapshot.key, f"/phenotypes/{identifier}")
    if (cached := pages.get(key)) is not None:
        return cached.response(request)
    found = await run_in_threadpool(_render_phenotype, snapshot, key, identifier)
    return found.response(request) if isinstance(found, Body) else found


def _render_phenotype(snapshot: Snapshot, key: tuple[str, str],
                      identifier: str) -> Body | Response:
    if (pre := prerendered.get(snapshot.kb, key[1])) is not None:
        return pages.put(key, pre)
    found = find_phenotype(snapshot, identifier)
    if isinstance(found, Moved):
        return RedirectResponse(f"/phenotypes/{found.canonical}", status_code=301)
    html = render(None, "phenotype.html", {"term": found}).encode()
    return pages.put(key, Body.of(HTML, html))
