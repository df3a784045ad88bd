"""A text proposed for publication, de-identified, with each redaction to highlight."""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

from rareinfo.inquiries.deid import deidentify


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of de-identified text: unchanged, or a replacement with what it replaced."""

    text: str
    kind: str = ""
    original: str = ""


@dataclass(frozen=True, slots=True)
class Review:
    """A text as proposed for publication, with the redactions to highlight."""

    text: str
    segments: tuple[Segment, ...]

    @property
    def redactions(self) -> int:
        """How many pieces were removed or generalised."""
        return sum(1 for s in self.segments if s.kind)


def review_text(text: str, base_url: str = "") -> Review:
    """De-identify ``text`` for review, leaving links to the portal itself intact."""
    own = _own_link_spans(text, base_url)
    kept = [r for r in deidentify(text).redactions
            if not any(r.start < end and start < r.end for start, end in own)]
    segments: list[Segment] = []
    pos = 0
    for r in sorted(kept, key=lambda r: r.start):
        if r.start < pos:
            continue
        if r.start > pos:
            segments.append(Segment(text[pos:r.start]))
        segments.append(Segment(r.replacement, r.kind, r.original))
        pos = r.end
    if pos < len(text):
        segments.append(Segment(text[pos:]))
    return Review("".join(s.text for s in segments), tuple(segments))


def _own_link_spans(text: str, base_url: str) -> list[tuple[int, int]]:
    prefixes = [re.escape(p) for p in (base_url.rstrip("/"),) if p] + [r"(?=/)"]
    pattern = re.compile(r"\]\((?:" + "|".join(prefixes) + r")/[^\s)]*\)")
    return [m.span() for m in pattern.finditer(text)]




def highlighted(review: Review) -> Markup:
    """The de-identified text as HTML with each replacement marked (escaped throughout)."""
    out: list[Markup] = []
    for s in review.segments:
        if s.kind:
            out.append(Markup('<mark class="redaction" title="{} (was: {})">{}</mark>')
                       .format(s.kind, s.original, s.text))
        else:
            out.append(Markup("{}").format(s.text))
    return Markup("").join(out)
