"""The one reader of HTML form bodies, shared by the ask form and the staff console."""

from __future__ import annotations

from urllib.parse import parse_qs

from fastapi import Request
from starlette.exceptions import HTTPException as StarletteHTTPException

FORM_TYPE = "application/x-www-form-urlencoded"
MAX_FIELDS = 20


class FormUnreadable(StarletteHTTPException):
    """The body is not a form this site sent: wrong type, too large or undecodable."""


async def read_form(request: Request, max_bytes: int, too_large: str | None = None, *,
                    max_fields: int = MAX_FIELDS,
                    multi: frozenset[str] = frozenset()) -> dict[str, str]:
    """The url-encoded form body (first value of each field), at most ``max_bytes`` long.

    Fields named in ``multi`` (checkboxes sharing one name) keep every value, joined by
    newlines.

    Raises ``FormUnreadable`` with 415 (another content type), 413 (``too_large`` or a
    message naming the limit) or 400 (not UTF-8, too many fields). An empty form (a button
    alone) is an empty dict: the caller's own checks then refuse it.
    """
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > max_bytes:
            raise FormUnreadable(413, too_large or f"The form is larger than {max_bytes} bytes.")
    if not body:
        return {}
    if kind != FORM_TYPE:
        raise FormUnreadable(415, f"Send the form as {FORM_TYPE}.")
    try:
        parsed = parse_qs(body.decode("utf-8"), keep_blank_values=True,
                          max_num_fields=max_fields)
    except (UnicodeDecodeError, ValueError) as exc:
        raise FormUnreadable(400, "The form could not be read.") from exc
    return {key: "\n".join(values) if key in multi else values[0]
            for key, values in parsed.items() if values}
