"""Checks on what people type, shared by pages and API: clear 4xx, never a 500."""

from __future__ import annotations

import unicodedata

from fastapi import HTTPException

MAX_QUERY = 200
MAX_IDENTIFIER = 80


def clean_query(text: str | None, *, required: bool = False) -> str:
    """A search text, stripped; over-long or binary text is a 400 with a message."""
    value = (text or "").strip()
    if required and not value:
        raise HTTPException(400, "q: type something to search for")
    if len(value) > MAX_QUERY:
        raise HTTPException(400, f"q: a search is at most {MAX_QUERY} characters long")
    if any(unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") for ch in value):
        raise HTTPException(400, "q: the search text contains control or binary characters")
    return value


def clean_identifier(text: str) -> str:
    """An identifier from a URL path; over-long or binary values are a 400."""
    value = text.strip()
    if len(value) > MAX_IDENTIFIER:
        raise HTTPException(400, f"identifier: at most {MAX_IDENTIFIER} characters")
    if any(unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") for ch in value):
        raise HTTPException(400, "identifier: contains control or binary characters")
    return value
