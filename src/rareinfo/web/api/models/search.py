"""Search results and completions, as clients receive them."""

from __future__ import annotations

from pydantic import BaseModel, Field

from rareinfo.search.base import EntityKind


class SearchResult(BaseModel):
    """One disease or phenotype found."""

    id: str
    label: str
    kind: EntityKind
    matched: str = Field(description="the name, synonym or identifier that matched")
    url: str = Field(description="the page (a gene's JSON: genes have no page yet)")


class SearchResponse(BaseModel):
    """A page of search results."""

    query: str
    total: int
    offset: int
    results: list[SearchResult]
    suggestions: list[SearchResult]


def search_result_of(found: dict[str, str]) -> SearchResult:
    """A search hit or "did you mean" suggestion (``lookup.hit_dict``) for clients."""
    return SearchResult(id=found["id"], label=found["label"],
                        kind=found["kind"],  # type: ignore[arg-type]
                        matched=found["matched"], url=found["url"])
