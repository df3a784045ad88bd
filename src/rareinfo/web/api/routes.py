"""The JSON API under /api/v1: the same read API as the pages, as JSON."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, TypeAdapter
from starlette.concurrency import run_in_threadpool

from rareinfo.kb.models import Disease, Phenotype, Release, Status
from rareinfo.search.base import EntityKind
from rareinfo.service.live import Snapshot
from rareinfo.web.cache import RenderedPages
from rareinfo.web.errors import ErrorBody
from rareinfo.web.inputs import clean_query
from rareinfo.web.lookup import (
    Moved,
    find_disease,
    find_phenotype,
    hit_dict,
    snapshot_of,
    suggestions,
)

router = APIRouter(prefix="/api/v1", tags=["api"])
_rendered = RenderedPages(2048)
_DISEASE_JSON = TypeAdapter(Disease)
_PHENOTYPE_JSON = TypeAdapter(Phenotype)


class SearchResult(BaseModel):
    """One disease or phenotype found."""

    id: str
    label: str
    kind: str
    matched: str
    url: str


class SearchResponse(BaseModel):
    """A page of search results."""

    query: str
    total: int
    offset: int
    results: list[SearchResult]
    suggestions: list[SearchResult]


ERRORS: dict[int | str, dict[str, object]] = {
    400: {"model": ErrorBody, "description": "Malformed input"},
    404: {"model": ErrorBody, "description": "Not found; nearest matches suggested"},
    422: {"model": ErrorBody, "description": "Invalid parameter"},
}


@router.get("/diseases/{identifier:path}", response_model=Disease, responses={
    **ERRORS, 301: {"description": "Another identifier of the disease: moved to its primary id"}})
async def get_disease(request: Request, identifier: str) -> Response:
    """A disease by any of its identifiers (OMIM:613065, ORPHA:513, 613065, ...)."""
    return await _entity_json(request, "diseases", identifier, find_disease, _DISEASE_JSON)


@router.get("/phenotypes/{identifier:path}", response_model=Phenotype, responses={
    **ERRORS, 301: {"description": "An alternative id of the term: moved to its current id"}})
async def get_phenotype(request: Request, identifier: str) -> Response:
    """An HPO term by id (HP:0006721, hp_0006721, or an alt_id)."""
    return await _entity_json(request, "phenotypes", identifier, find_phenotype,
                              _PHENOTYPE_JSON)


async def _entity_json(request: Request, collection: str, identifier: str,
                       find: Callable[[Snapshot, str], Any], adapter: TypeAdapter[Any]
                       ) -> Response:
    # Cached bodies are answered on the event loop; only a miss goes to a worker thread.
    snapshot = snapshot_of(request)
    key = (snapshot.key, f"api-{collection}:{identifier}")
    if (cached := _rendered.get(key)) is not None:
        return Response(cached, media_type="application/json")

    def produce() -> Response:
        found = find(snapshot, identifier)
        if isinstance(found, Moved):
            return RedirectResponse(f"/api/v1/{collection}/{found.canonical}", status_code=301)
        body = adapter.dump_json(found)
        _rendered.put(key, body)
        return Response(body, media_type="application/json")

    return await run_in_threadpool(produce)


@router.get("/search", response_model=SearchResponse, responses=ERRORS)
async def search(
    request: Request,
    q: Annotated[str, Query(max_length=10_000, description="names, synonyms, identifiers")],
    kind: EntityKind | None = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
) -> SearchResponse:
    """Find diseases and phenotypes by any name, synonym or identifier, typos tolerated."""
    query = clean_query(q, required=True)
    snapshot = snapshot_of(request)
    hits = snapshot.index.search(query, kind=kind, limit=limit, offset=offset)
    nearest = suggestions(snapshot, query, kind) if not hits and offset == 0 else []
    return SearchResponse(
        query=query, total=snapshot.index.count(query, kind=kind), offset=offset,
        results=[SearchResult(**hit_dict(h)) for h in hits],
        suggestions=[SearchResult(**s) for s in nearest],
    )


@router.get("/autocomplete", response_model=list[SearchResult], responses=ERRORS)
async def autocomplete(
    request: Request,
    q: Annotated[str, Query(max_length=10_000)],
    kind: EntityKind | None = None,
    limit: Annotated[int, Query(ge=1, le=20)] = 8,
) -> list[SearchResult]:
    """Completions for what has been typed so far."""
    query = clean_query(q)
    if not query:
        return []
    hits = snapshot_of(request).index.autocomplete(query, kind=kind, limit=limit)
    return [SearchResult(**hit_dict(h)) for h in hits]


@router.get("/status", response_model=Status)
def status(request: Request) -> Status:
    """Sources, releases and counts of the live knowledge base."""
    return snapshot_of(request).kb.status()


@router.get("/sources", response_model=list[Release])
def sources(request: Request) -> list[Release]:
    """Every source with its release, licence and attribution."""
    return list(snapshot_of(request).kb.releases())
