"""Shared by the de-identification tests: whether a part of a text was redacted."""

from __future__ import annotations

from rareinfo.inquiries.deid import deidentify


def covered(text: str, part: str) -> bool:
    """Is every character of ``part`` (its first occurrence) inside a redaction?"""
    start = text.index(part)
    spans = [(r.start, r.end) for r in deidentify(text).redactions]
    return all(any(s <= i < e for s, e in spans) for i in range(start, start + len(part)))
