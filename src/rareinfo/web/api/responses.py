"""Error responses the API routes declare in the OpenAPI document, beside their own."""

from __future__ import annotations

from rareinfo.web.errors import ErrorBody

ERRORS: dict[int | str, dict[str, object]] = {
    400: {"model": ErrorBody, "description": "Malformed input"},
    404: {"model": ErrorBody, "description": "Not found; nearest matches suggested"},
    422: {"model": ErrorBody, "description": "Invalid parameter"},
}
UNAVAILABLE_USERDATA: dict[str, object] = {
    "model": ErrorBody, "description": "The user database is unavailable"}
