"""GET /api/v1/search and /api/v1/autocomplete: diseases and phenotypes by any name."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from rareinfo.search.base import EntityKind
from rareinfo.web.api.models.search import SearchResponse, SearchResult, search_result_of
from rareinfo.web.api.responses import ERRORS
from rareinfo.web.deps import SnapshotDep
from rareinfo.web.inputs import clean_query
from rareinfo.web.lookup import hit_dict, suggestions

router = APIRouter(prefix="/api/v1", tags=["search"])


@router.get("/search", response_model=SearchResponse, responses=ERRORS)
async def search(
    snapshot: SnapshotDep,
    q: Annotated[str, Query(max_length=10_000, description="names, synonyms, identifiers")],
    kind: EntityKind | None = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
) -> SearchResponse:
    """Find diseases and phenotypes by any name, synonym or identifier, typos tolerated."""
    query = clean_query(q, required=True)
    hits = snapshot.index.search(query, kind=kind, limit=limit, offset=offset)
    nearest = suggestions(snapshot, query, kind) if not hits and offset == 0 else []
    return SearchResponse(
        query=query, total=snapshot.index.count(query, kind=kind), offset=offset,
        results=[search_result_of(hit_dict(h)) for h in hits],
        suggestions=[search_result_of(s) for s in nearest],
    )


@router.get("/autocomplete", response_model=list[SearchResult], responses=ERRORS)
async def autocomplete(
    snapshot: SnapshotDep,
    q: Annotated[str, Query(max_length=10_000)],
    kind: EntityKind | None = None,
    limit: Annotated[int, Query(ge=1, le=20)] = 8,
) -> list[SearchResult]:
    """Completions for what has been typed so far."""
    query = clean_query(q)
    if not query:
        return []
    hits = snapshot.index.autocomplete(query, kind=kind, limit=limit)
    return [search_result_of(hit_dict(h)) for h in hits]
