"""A text proposed for publication, de-identified, with each redaction to highlight and
each word the tool could not classify marked for the reviewer to confirm."""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

from rareinfo.inquiries.deid import MedicalVocabulary, deidentify
from rareinfo.inquiries.deid.flags import Flag, flagged_words, unclassified


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
    flags: tuple[Flag, ...] = ()

    @property
    def redactions(self) -> int:
        """How many pieces were removed or generalised."""
        return sum(1 for s in self.segments if s.kind)

    @property
    def flagged(self) -> tuple[str, ...]:
        """Each word the reviewer must confirm (neither medical nor ordinary), once."""
        return tuple(flagged_words(self.flags))


def review_text(text: str, base_url: str = "",
                vocabulary: MedicalVocabulary | None = None) -> Review:
    """De-identify ``text`` for review, leaving links to the portal itself intact."""
    own = _own_link_spans(text, base_url)
    kept = [r for r in deidentify(text, vocabulary).redactions
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
    proposed = "".join(s.text for s in segments)
    return Review(proposed, tuple(segments), unclassified(proposed, vocabulary))


def _own_link_spans(text: str, base_url: str) -> list[tuple[int, int]]:
    prefixes = [re.escape(p) for p in (base_url.rstrip("/"),) if p] + [r"(?=/)"]
    pattern = re.compile(r"\]\((?:" + "|".join(prefixes) + r")/[^\s)]*\)")
    return [m.span() for m in pattern.finditer(text)]


def highlighted(review: Review) -> Markup:
    """The de-identified text as HTML with each replacement marked, and each word to
    confirm marked as well (escaped throughout)."""
    out: list[Markup] = []
    pos = 0  # offset in the proposed text, where the flags point
    for s in review.segments:
        if s.kind:
            out.append(Markup('<mark class="redaction" title="{} (was: {})">{}</mark>')
                       .format(s.kind, s.original, s.text))
        else:
            out.append(_with_flags(s.text, pos, review.flags))
        pos += len(s.text)
    return Markup("").join(out)


def _with_flags(text: str, offset: int, flags: tuple[Flag, ...]) -> Markup:
    out: list[Markup] = []
    pos = 0
    for flag in flags:
        start, end = flag.start - offset, flag.end - offset
        if start < pos or end > len(text):
            continue
        out.append(Markup("{}").format(text[pos:start]))
        out.append(Markup('<mark class="flag" title="{}: check it">{}</mark>')
                   .format(flag.reason, text[start:end]))
        pos = end
    out.append(Markup("{}").format(text[pos:]))
    return Markup("").join(out)
