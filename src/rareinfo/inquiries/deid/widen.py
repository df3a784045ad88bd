"""A found name, place or institution widened over the words that are part of it: an
institution's closing word ("... General", "... Women's", "... Intermediate"), a
district's number or a compass word ("Dublin 4", "Gulberg III", "Glenelg North"), an area
word ("... Residential Area", "... Nagar"), and capitalised words in no word list on either
side ("Ansari ...", "... Reihana"). Each detector finds the core it knows; the parts it
does not know would otherwise be left standing beside the placeholder."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from rareinfo.inquiries.deid.classify import bare_word, starts_sentence, unknown_word
from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.tokens import Span, Token, token_at
from rareinfo.inquiries.deid.vocabulary import (
    INSTITUTION_HEADS,
    TITLES,
    Lexicon,
    common_words,
    wordset,
)

# Words that close an institution's name without being a head of it.
_INSTITUTION_TAILS = INSTITUTION_HEADS | wordset(
    "General Medical Women's Womens Women’s Children's Intermediate Memorial Royal House "
    "Lodge Hall Court Home Homes Care Foundation Group Partnership Centre Center Campus "
    "Specialist Regional District Base Community Private Public Polyclinic Dispensary "
    "Infirmary Hospital Clinic Trust Unit Surgery Practice Pharmacy Laboratory Lab Labs "
    "Diagnostics Imaging Institute Medicine Health NI International National Teaching City "
    "Metropolitan Municipal Provincial Military Mission Methodist Baptist Adventist Lutheran"
)
# Titles of other languages a name follows ("Seu João", "Sra. Pérez"): no part of it.
_TITLES_OF_ADDRESS = wordset("Seu Sr Sra Srta Senhor Senhora Señor Señora Don Doña Dona")
# Words after a town that make it a hospital's name.
_HOSPITAL_OF_PLACE = INSTITUTION_HEADS | wordset(
    "General Memorial Royal Infirmary Women's Children's Teaching Regional District Base "
    "Medical Community Specialist Private Polyclinic Dispensary"
)
# Words that open an institution's name before the found part.
_INSTITUTION_OPENERS = wordset("Royal St Saint Our Holy Sacred Mount Good")
# Parts of a place's name after the town: compass words and area words.
_PLACE_TAILS = wordset(
    "North South East West Central Upper Lower Heights Park Lakes Hills Beach Bay Nagar "
    "Colony Town Village Estate Estates Gardens Garden Extension Phase Sector Block Layout "
    "Cantonment Township Springs Valley Creek Point Harbour Harbor Vale Green Cross Quay "
    # a home or a residence named after its place: "Nazareth House"
    "House Lodge Manor Court Hall"
)
_AREA_TAILS = gated(r"\s(?:Residential|Industrial|Commercial)\s+Area\b")
_PLACE_OPENERS = wordset(
    "North South East West Upper Lower Central Greater New Port Mount Fort Lake"
)
# A district number closing a place ("Dublin 4,", "Gulberg III") before punctuation.
_DISTRICT = gated(r" (?:\d{1,2}|I{2,3}|IV|VI{0,3}|IX|X)(?=[\s]*[,.;)\n]|\s*$)")


# The words that make a feast a date: "last Eid", "Labor Day weekend", "Matariki last year".
_DATE_BEFORE = gated(r"(?i)\b(?:last|this|next|past)\s+$")
_DATE_AFTER = gated(
    r"(?i)\s+(?:weekend|holidays?|break|(?:of\s+)?(?:last|this|next)\s+year)\b"
)


def widen(lex: Lexicon, text: str, tokens: list[Token], spans: list[Span]) -> Iterator[Span]:
    """Each span of a name, place or institution grown over the words of its name; a date
    over the words that place it ("last", "weekend")."""
    for span in spans:
        if span.kind == "date":
            before = _DATE_BEFORE.search(text, max(0, span.start - 6), span.start)
            after = _DATE_AFTER.match(text, span.end)
            if before or after:
                yield Span(
                    before.start() if before else span.start,
                    after.end() if after else span.end,
                    "date",
                )
            continue
        if span.kind not in ("name", "place", "institution"):
            continue
        start, end = span.start, span.end
        for _ in range(3):
            grown = _right(lex, text, tokens, span.kind, end)
            if grown == end:
                break
            end = grown
        for _ in range(2):
            grown = _left(lex, text, tokens, span.kind, start)
            if grown == start:
                break
            start = grown
        if (start, end) != (span.start, span.end):
            yield Span(start, end, span.kind)


def _proper(lex: Lexicon, text: str, tok: Token) -> bool:
    """A capitalised word in no list, not opening a sentence: part of a proper name."""
    return (
        tok.capitalised
        and not tok.core.isupper()
        and len(tok.core) > 2
        and unknown_word(lex, tok)
        and bare_word(lex, tok)
        and tok.core.lower() not in lex.medical
        and tok.core.lower() not in TITLES
        and _plain(tok.core.lower()) not in common_words()  # "Mamá Lucy": a kin word
        and tok.core not in _TITLES_OF_ADDRESS
        and not starts_sentence(text, tok.start)
    )


def _plain(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _right(lex: Lexicon, text: str, tokens: list[Token], kind: str, end: int) -> int:
    if kind == "place":
        area = _AREA_TAILS.match(text, end)
        if area:
            return area.end()
        district = _DISTRICT.match(text, end)
        if district:
            return district.end()
    if text[end : end + 1] not in (" ", "-") or text[end - 1 : end] in ("]", ")"):
        return end
    i = token_at(tokens, end + 1)
    if i >= len(tokens) or tokens[i].start != end + 1:
        return end
    tok = tokens[i]
    if tok.core.lower() in lex.medical and tok.core not in _INSTITUTION_TAILS | _PLACE_TAILS:
        return end
    if kind == "institution" and (
        tok.core in _INSTITUTION_TAILS
        or tok.text in _INSTITUTION_TAILS
        or (tok.core.isupper() and 2 <= len(tok.core) <= 8 and tok.core.lower() not in lex.medical)
    ):
        return tok.end
    if kind == "place" and tok.core in _PLACE_TAILS:
        return tok.end
    if kind == "place" and (tok.core in _HOSPITAL_OF_PLACE or tok.text in _HOSPITAL_OF_PLACE):
        return tok.end  # "admitted to Sarawak General", "Texas Children's"
    if _proper(lex, text, tok):
        return tok.end
    return end


def _left(lex: Lexicon, text: str, tokens: list[Token], kind: str, start: int) -> int:
    if text[start - 1 : start] != " ":
        return start
    i = token_at(tokens, start) - 1
    if i < 0 or tokens[i].end != start - 1:
        return start
    tok = tokens[i]
    if kind == "institution" and tok.core in _INSTITUTION_OPENERS:
        return tok.start
    if kind == "place" and tok.core in _PLACE_OPENERS and tok.text == tok.core:
        return tok.start
    if tok.text == tok.core and _proper(lex, text, tok):
        return tok.start
    return start
