"""The reviewer's safety net: words of a text proposed for publication that de-identification
could classify neither as medical nor as ordinary, so that a leak the rules missed is still
put in front of the person who publishes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from rareinfo.inquiries.deid.gazetteer import CONTINENTS, cities, given_names, surnames
from rareinfo.inquiries.deid.patterns import (
    EMAIL,
    INTRO,
    KIN_CUE,
    KIN_CUE_IBERIAN,
    PLACEHOLDER,
    PUBLIC_ID,
    TITLE,
    URL,
)
from rareinfo.inquiries.deid.tokens import Ranges, Span, Token, tokenize
from rareinfo.inquiries.deid.vocabulary import (
    DISEASE_HEADS,
    INSTITUTION_HEADS,
    MONTHS,
    Lexicon,
    MedicalVocabulary,
    common_words,
    default_vocabulary,
    eponym_words,
    lexicon,
)


@dataclass(frozen=True, slots=True)
class Flag:
    """A word the reviewer must look at: offsets into the text, the word, and why."""

    start: int
    end: int
    word: str
    reason: str


_WEEKDAYS = frozenset(
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Mon",
        "Tue",
        "Wed",
        "Thu",
        "Fri",
        "Sat",
        "Sun",
    ]
)
_LINK_TARGET = re.compile(r"\]\([^)\s]*\)")


def unclassified(text: str, vocabulary: MedicalVocabulary | None = None) -> tuple[Flag, ...]:
    """Words of ``text`` that are neither medical nor ordinary: capitalised words in no word
    list (a known name, town or surname at the start of a sentence too), and any unknown
    word right after a cue for a name ("my son", "Dr", "I'm")."""
    lex = lexicon(vocabulary if vocabulary is not None else default_vocabulary())
    skip = Ranges(
        (m.start(), m.end())
        for pattern in (PLACEHOLDER, PUBLIC_ID, URL, EMAIL, _LINK_TARGET)
        for m in pattern.finditer(text)
    )
    tokens = tokenize(text)
    after_cue = {
        m.end() for p in (KIN_CUE, KIN_CUE_IBERIAN, TITLE, INTRO) for m in p.finditer(text)
    }
    flags: list[Flag] = []
    for i, tok in enumerate(tokens):
        if skip.overlap(Span(tok.start, tok.end, "")):
            continue
        reason = _reason(lex, text, tokens, i, tok.start in after_cue)
        if reason:
            flags.append(Flag(tok.start, tok.core_end, tok.core, reason))
    return tuple(flags)


def _reason(lex: Lexicon, text: str, tokens: list[Token], i: int, cued: bool) -> str:
    tok = tokens[i]
    word, low = tok.core, tok.core.lower()
    if not word[:1].isalpha() or any(c.isdigit() for c in word) or len(word) < 2:
        return ""
    if _classified(lex, word):
        return ""
    if cued:
        return "after a word that introduces a name"
    if not tok.capitalised:
        return ""
    if word.isupper():
        # acronyms are mostly medical; one after "at" or "from" may be a hospital
        before = text[max(0, tok.start - 6) : tok.start].lower()
        at = before.endswith(("at ", "from ", "to "))
        return "an acronym where a hospital's name goes" if at and len(word) >= 3 else ""
    if _starts_sentence(text, tok.start):
        known = word in given_names() or word in surnames() or (word,) in cities().get(word, ())
        return "a known name or town" if known and low not in common_words() else ""
    if low in common_words():
        return ""
    return "a capitalised word in no word list"


def _classified(lex: Lexicon, word: str) -> bool:
    """Known as medical or ordinary (and not also a name or a town)."""
    low = word.lower()
    if word in lex.eponyms or word in eponym_words() or word in CONTINENTS:
        return True  # Wilson, Turner, Hunter: names, but far more often diseases here
    if word in lex.first_names or word in lex.ambiguous_names:
        return False
    return (
        low in lex.medical
        or low in DISEASE_HEADS
        or word in INSTITUTION_HEADS
        or word in MONTHS
        or word in _WEEKDAYS
        or (low in common_words() and not word[0].isupper())
    )


def _starts_sentence(text: str, pos: int) -> bool:
    before = text[max(0, pos - 6) : pos].rstrip(" \t\"'“(*-•")
    return not before or before[-1] in ".!?:\n>"


def flagged_words(flags: tuple[Flag, ...]) -> Iterator[str]:
    """Each flagged word once, in order of first appearance."""
    seen: set[str] = set()
    for flag in flags:
        if flag.word not in seen:
            seen.add(flag.word)
            yield flag.word
