"""One error body for the JSON API and one error page for people; never a traceback."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from rareinfo.kb.queries import KnowledgeBaseMissing
from rareinfo.web.templating import render

log = logging.getLogger("rareinfo.web")

_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed",
          414: "uri_too_long", 422: "invalid_input", 500: "internal_error",
          503: "unavailable", 410: "gone"}


class NotFoundWithSuggestions(StarletteHTTPException):
    """A 404 that offers the nearest matches."""

    def __init__(self, detail: str, suggestions: list[dict[str, str]]) -> None:
        super().__init__(404, detail)
        self.suggestions = suggestions


def wants_json(request: Request) -> bool:
    """API paths answer JSON; pages answer HTML."""
    return request.url.path.startswith("/api/")


def error_response(request: Request, status: int, message: str,
                   suggestions: list[dict[str, str]] | None = None) -> Response:
    """The error as JSON for the API or as a page for people."""
    if wants_json(request):
        body: dict[str, Any] = {"status": status, "code": _CODES.get(status, "error"),
                                "message": message}
        if suggestions is not None:
            body["suggestions"] = suggestions
        return JSONResponse({"error": body}, status_code=status)
    html = render(request, "error.html", {"status": status, "message": message,
                                          "suggestions": suggestions or []})
    return HTMLResponse(html, status_code=status)


async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
    """HTTP errors raised by routes (404 and friends)."""
    suggestions = exc.suggestions if isinstance(exc, NotFoundWithSuggestions) else None
    message = str(exc.detail) if exc.detail else "Something went wrong."
    if exc.status_code == 404 and exc.detail == "Not Found":
        message = "There is no page at this address."
    return error_response(request, exc.status_code, message, suggestions)


async def validation_error(request: Request, exc: RequestValidationError) -> Response:
    """Bad query parameters or bodies: say which one and why, in one line."""
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "body"))
        parts.append(f"{where}: {err.get('msg', 'invalid')}" if where else err.get("msg", ""))
    return error_response(request, 422, "; ".join(parts) or "invalid input")


async def missing_kb(request: Request, exc: KnowledgeBaseMissing) -> Response:
    """No knowledge base has been built yet."""
    return error_response(request, 503, str(exc))


async def unexpected_error(request: Request, exc: Exception) -> Response:
    """Anything else: log it for us, show a calm message to the person."""
    log.exception("unexpected error on %s", request.url.path, exc_info=exc)
    return error_response(request, 500, "Something went wrong on our side; please try again.")
