"""Disease and phenotype pages and their API JSON, answered before routing when at hand.

A page kept by this worker, or stored in an SQLite snapshot (web/prerender.py; one
indexed read on the event loop), is sent from here as its route would send it: inside the
caching and security middleware, so with the same headers, but without FastAPI's routing,
dependency injection and exception middleware, and without a hop to a worker thread. Those
were most of the CPU of such a page (bench/page_cost.py). Anything else (a page not at
hand, a redirect, a disease with published questions not yet known, a query string, a
PostgreSQL snapshot's stored page) goes on to the routes, which answer as before.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from rareinfo.service.live import LiveSnapshot
from rareinfo.web.cache import Body, pages
from rareinfo.web.pages.diseases import disease_key
from rareinfo.web.prerender import prerendered
from rareinfo.web.userdata import UserData

DISEASE = "/diseases/"
PAGES = (DISEASE, "/phenotypes/", "/api/v1/diseases/", "/api/v1/phenotypes/")


class PageFastPath:
    """Sends a page's body when this worker has it at hand; passes everything else on."""

    def __init__(self, app: ASGIApp, live: LiveSnapshot, userdata: UserData | None) -> None:
        self.app = app
        self.live = live
        self.userdata = userdata

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (scope["type"] == "http" and scope["method"] == "GET"
                and not scope.get("query_string") and not scope.get("root_path")
                and scope["path"].startswith(PAGES)):
            body = self.at_hand(scope["path"])
            if body is not None:
                await body.response(Request(scope))(scope, receive, send)
                return
        await self.app(scope, receive, send)

    def at_hand(self, address: str) -> Body | None:
        """The body the route at ``address`` would send, if it costs no waiting; or None."""
        try:
            snapshot = self.live.get()
        except Exception:  # no knowledge base: the route answers with the error
            return None
        if address.startswith(DISEASE):
            identifier = address.removeprefix(DISEASE)
            key = disease_key(snapshot, identifier, self.userdata)
            if (kept := pages.get(key)) is not None:
                return kept
            # A stored disease page has no questions: right only for a disease without
            # published ones, which the route learns once per publication version.
            if self.userdata is None:
                return None
            shown = self.userdata.known_question_pages(snapshot.kb)
            if shown is None or identifier in shown:
                return None
        else:
            key = (snapshot.key, address)
            if (kept := pages.get(key)) is not None:
                return kept
        stored = prerendered.nearby(snapshot.kb, address)
        return pages.put(key, stored) if stored is not None else None
