"""One entity by identifier as JSON: redirects for other identifiers, bodies cached."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from fastapi import Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from rareinfo.service.live import Snapshot
from rareinfo.web.cache import JSON, Body, pages
from rareinfo.web.lookup import Moved
from rareinfo.web.prerender import prerendered

T = TypeVar("T")


async def entity_json(request: Request, snapshot: Snapshot, collection: str, identifier: str,
                      find: Callable[[Snapshot, str], T | Moved],
                      public: Callable[[T], BaseModel]) -> Response:
    """The entity ``find`` names as its public model, or a 301 to its primary identifier."""
    # Cached bodies are answered on the event loop; only a miss goes to a worker thread.
    key = (snapshot.key, f"/api/v1/{collection}/{identifier}")
    if (cached := pages.get(key)) is not None:
        return cached.response(request)

    def produce() -> Body | Response:
        if (pre := prerendered.get(snapshot.kb, key[1])):
            return pages.put(key, pre)
        found = find(snapshot, identifier)
        if isinstance(found, Moved):
            return RedirectResponse(f"/api/v1/{collection}/{found.canonical}", status_code=301)
        return pages.put(key, Body.of(JSON, public(found).model_dump_json().encode()))

    made = await run_in_threadpool(produce)
    return made.response(request) if isinstance(made, Body) else made
