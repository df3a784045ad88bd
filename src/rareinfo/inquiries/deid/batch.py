"""Many texts in one process: JSON Lines in, JSON Lines out (`rareinfo deidentify --jsonl`)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from typing import TextIO

from rareinfo.inquiries.deid.redact import deidentify
from rareinfo.inquiries.deid.vocabulary import MedicalVocabulary


def deidentify_lines(
    lines: Iterable[bytes], out: TextIO, vocabulary: MedicalVocabulary | None = None
) -> int:
    """De-identify each line ({"id": ..., "text": ...} or a JSON string) to one JSON object
    (id, text, redactions); a line that cannot be read is answered with {"line", "error"}
    and counted, and the rest go on. Returns how many lines could not be read."""
    bad = 0
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        try:
            item = json.loads(raw.decode("utf-8"))
            key, text = (
                (item.get("id"), item.get("text"))
                if isinstance(item, dict)
                else (
                    None,
                    item,
                )
            )
            if not isinstance(text, str):
                raise ValueError('expected a JSON string or an object with a "text" string')
        except (UnicodeDecodeError, ValueError) as exc:
            bad += 1
            message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            out.write(json.dumps({"line": number, "error": message}) + "\n")
            continue
        result = deidentify(text, vocabulary)
        redactions = [dataclasses.asdict(r) for r in result.redactions]
        out.write(
            json.dumps(
                {"id": key, "text": result.text, "redactions": redactions}, ensure_ascii=False
            )
            + "\n"
        )
    out.flush()
    return bad


def deidentified(text: str, vocabulary: MedicalVocabulary | None, *, as_json: bool) -> str:
    """One text de-identified: the text, or JSON with every redaction."""
    result = deidentify(text, vocabulary)
    if not as_json:
        return result.text
    redactions = [dataclasses.asdict(r) for r in result.redactions]
    return json.dumps({"text": result.text, "redactions": redactions}, ensure_ascii=False) + "\n"
