"""HEAD on every GET route, and CORS on the read API so pages of other sites can call it.

CORS covers /api/v1 and the OpenAPI document, except the questions people submit (a form
another site should not post on a person's behalf). Origins come from the setting
``cors_origins`` (RAREINFO_CORS_ORIGINS, default any); no cookies are honoured
cross-origin, so "any" exposes nothing a plain request would not.
"""

from __future__ import annotations

from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CORS_PATHS = ("/api/v1/", "/openapi.json")
NO_CORS_PATHS = ("/api/v1/questions",)
EXPOSED = ["Link", "X-Total-Count", "Location", "Content-Length"]


class HeadAsGet:
    """Answer HEAD as GET without the body: FastAPI routes declare GET only."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run HEAD as GET and drop the body it would have sent."""
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if not message.get("more_body", False):
                    await send({"type": "http.response.body", "body": b""})
                return
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


class ApiCors:
    """Starlette's CORS middleware, applied to the read API's paths only."""

    def __init__(self, app: ASGIApp, origins: list[str]) -> None:
        self.app = app
        self.cors = CORSMiddleware(app, allow_origins=origins,
                                   allow_methods=["GET", "HEAD", "POST", "OPTIONS"],
                                   allow_headers=["Accept", "Content-Type"],
                                   expose_headers=EXPOSED, max_age=86400)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """CORS headers and preflight answers on the API's paths; other paths untouched."""
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if path.startswith(CORS_PATHS) and not path.startswith(NO_CORS_PATHS):
            await self.cors(scope, receive, send)
        else:
            await self.app(scope, receive, send)
