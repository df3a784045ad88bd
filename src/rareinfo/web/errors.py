"""One error body for the JSON API and one error page for people; never a traceback."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

import psycopg
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from rareinfo.kb.queries import KnowledgeBaseMissing
from rareinfo.web.templating import render

log = logging.getLogger("rareinfo.web")

_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed",
          413: "payload_too_large", 414: "uri_too_long", 422: "invalid_input",
          429: "rate_limited", 500: "internal_error", 503: "unavailable", 410: "gone"}
DATABASE_RETRY_AFTER = 5  # seconds; the engine's pre-ping reconnects once it is back


class ErrorDetail(BaseModel):
    """What went wrong."""

    status: int
    code: str
    message: str
    suggestions: list[dict[str, str]] | None = None


class ErrorBody(BaseModel):
    """The body of every error response."""

    error: ErrorDetail


class NotFoundWithSuggestions(StarletteHTTPException):
    """A 404 that offers the nearest matches."""

    def __init__(self, detail: str, suggestions: list[dict[str, str]]) -> None:
        super().__init__(404, detail)
        self.suggestions = suggestions


def wants_json(request: Request) -> bool:
    """API paths answer JSON; pages answer HTML."""
    return request.url.path.startswith("/api/")


def error_response(request: Request, status: int, message: str,
                   suggestions: list[dict[str, str]] | None = None,
                   headers: Mapping[str, str] | None = None) -> Response:
    """The error as JSON for the API or as a page for people."""
    if wants_json(request):
        body: dict[str, Any] = {"status": status, "code": _CODES.get(status, "error"),
                                "message": message}
        if suggestions is not None:
            body["suggestions"] = suggestions
        return JSONResponse({"error": body}, status_code=status, headers=headers)
    html = render(request, "error.html", {"status": status, "message": message,
                                          "suggestions": suggestions or []})
    return HTMLResponse(html, status_code=status, headers=headers)


async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
    """HTTP errors raised by routes (404 and friends)."""
    suggestions = exc.suggestions if isinstance(exc, NotFoundWithSuggestions) else None
    message = str(exc.detail) if exc.detail else "Something went wrong."
    if exc.status_code == 404 and exc.detail == "Not Found":
        message = "There is no page at this address."
    return error_response(request, exc.status_code, message, suggestions, exc.headers)


async def validation_error(request: Request, exc: RequestValidationError) -> Response:
    """Bad query parameters or bodies: say which one and why, in one line."""
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "body"))
        parts.append(f"{where}: {err.get('msg', 'invalid')}" if where else err.get("msg", ""))
    return error_response(request, 422, "; ".join(parts) or "invalid input")


async def missing_kb(request: Request, exc: KnowledgeBaseMissing) -> Response:
    """No knowledge base has been built yet, or its database server does not answer."""
    if isinstance(exc.__cause__, Exception) and is_connection_error(exc.__cause__):
        return await database_error(request, exc.__cause__)
    return error_response(request, 503, str(exc))


def is_connection_error(exc: BaseException) -> bool:
    """Whether a database error means the database cannot be reached right now."""
    if isinstance(exc, OperationalError | InterfaceError | psycopg.OperationalError
                  | psycopg.InterfaceError):
        return True
    return isinstance(exc, DBAPIError) and exc.connection_invalidated


async def database_error(request: Request, exc: Exception) -> Response:
    """The database is down or restarting: a calm 503 that asks to come back shortly."""
    if not is_connection_error(exc):
        return await unexpected_error(request, exc)
    log.warning("database unavailable on %s: %s", request.url.path,
                str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
    return error_response(
        request, 503, "The knowledge base is briefly unavailable; please try again in a "
        "few seconds.", headers={"Retry-After": str(DATABASE_RETRY_AFTER)})


async def unexpected_error(request: Request, exc: Exception) -> Response:
    """Anything else: log it for us, show a calm message to the person."""
    log.exception("unexpected error on %s", request.url.path, exc_info=exc)
    return error_response(request, 500, "Something went wrong on our side; please try again.")


_RETRY_AFTER = {"Retry-After": {"description": "Whole seconds to wait before trying again",
                                "schema": {"type": "integer"}}}
_ANY_OPERATION = {
    "413": "The request body is larger than the limit",
    "414": "The address is too long or has too many query parameters",
    "429": "Too many requests from this client; try again after Retry-After seconds",
    "503": "The knowledge base is missing or briefly unavailable",
}
_WITH_INPUT = {"400": "Malformed input", "422": "Invalid parameter or body"}
_ERROR_REF = {"$ref": "#/components/schemas/ErrorBody"}


def document_errors(app: FastAPI) -> None:
    """Declare in OpenAPI every error an API operation can answer, all in the one shape."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            _add_error_responses(generate())
        return app.openapi_schema or generate()

    app.openapi = openapi  # type: ignore[method-assign]


def _add_error_responses(spec: dict[str, Any]) -> None:
    schemas = spec.setdefault("components", {}).setdefault("schemas", {})
    if "ErrorBody" not in schemas:
        model = ErrorBody.model_json_schema(ref_template="#/components/schemas/{model}")
        schemas.update(model.pop("$defs", {}))
        schemas["ErrorBody"] = model
    for path, item in spec.get("paths", {}).items():
        if not path.startswith("/api/"):
            continue
        for operation in item.values():
            declared: dict[str, str] = dict(_ANY_OPERATION)
            if operation.get("parameters") or operation.get("requestBody"):
                declared.update(_WITH_INPUT)
            if "{" in path:
                declared["404"] = "Not found; nearest matches suggested"
            if path.startswith("/api/v1/diseases/{"):
                declared["410"] = "A retired identifier; the message says why"
            responses = operation.setdefault("responses", {})
            for status, description in declared.items():
                known = responses.get(status)
                # FastAPI's own 422 body is replaced by our handler's: document ours.
                if known is None or "HTTPValidationError" in str(known):
                    responses[status] = {"description": description, "content": {
                        "application/json": {"schema": _ERROR_REF}}}
                if status in ("429", "503"):
                    responses[status].setdefault("headers", _RETRY_AFTER)
