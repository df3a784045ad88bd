"""Search results and completions, as clients receive them."""

from __future__ import annotations

from pydantic import BaseModel


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


def search_result_of(found: dict[str, str]) -> SearchResult:
    """A search hit or "did you mean" suggestion (``lookup.hit_dict``) for clients."""
    return SearchResult(id=found["id"], label=found["label"], kind=found["kind"],
                        matched=found["matched"], url=found["url"])
