"""A name that opens a sentence and is followed by its age ("Brooklynn just turned two",
"Paisley is 3"): no cue before it, and the name may be a spelling no list holds or a word
that is also a town; the age after it is what says it is a person."""

from __future__ import annotations

from collections.abc import Iterator

from rareinfo.inquiries.deid.classify import starts_sentence
from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.tokens import Span, Token
from rareinfo.inquiries.deid.vocabulary import (
    DISEASE_HEADS,
    INSTITUTION_HEADS,
    KIN,
    MONTHS,
    TITLES,
    Lexicon,
    common_words,
    eponym_words,
    foreign_words,
)

_NUMBER = (
    r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)"
)
_AGE_AFTER = gated(
    r"\s+(?:is|was|just\s+turned|turned|turns|will\s+be|has\s+just\s+turned|is\s+turning)\s+"
    rf"(?:now\s+|only\s+|almost\s+|nearly\s+|just\s+)?{_NUMBER}\b"
    r"(?!\s*(?:%|mg|kg|cm|mm|ml|g\b|times|hours|minutes|percent|out\s+of|of\s+\d|doses?|tablets?"
    r"|pills?|injections?|infusions?|sessions?|cycles?|units?|years?\s+ago|days?\s+ago))"
    r"(?!\s*(?:and\s+a\s+half\s+)?(?:miles|km|points))"
)


def subject_names(lex: Lexicon, text: str, tokens: list[Token]) -> Iterator[Span]:
    """Capitalised words opening a sentence before "is 3", "just turned two"."""
    for tok in tokens:
        if not (tok.capitalised and len(tok.core) >= 3 and tok.text == tok.core):
            continue
        if tok.core.isupper() or not starts_sentence(text, tok.start):
            continue
        low = tok.core.lower()
        if (
            low in common_words()
            or low in foreign_words()
            or (low in lex.medical and not _given(lex, tok.core))  # a drug, unless a name
            or low in KIN
            or low in TITLES
            or low in DISEASE_HEADS
            or tok.core in eponym_words()
            or tok.core in MONTHS
            or tok.core in INSTITUTION_HEADS
        ):
            continue
        if _AGE_AFTER.match(text, tok.end):
            yield Span(tok.start, tok.end, "name")


def _given(lex: Lexicon, word: str) -> bool:
    return word in lex.first_names or word in lex.ambiguous_names
