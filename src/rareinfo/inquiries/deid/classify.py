"""What kind of word a token is, for the detectors of places and institutions: a word in
no list, a word that may start a place's or a hospital's name, the start of a sentence."""

from __future__ import annotations

from rareinfo.inquiries.deid.gazetteer import languages
from rareinfo.inquiries.deid.tokens import Token, is_region
from rareinfo.inquiries.deid.vocabulary import (
    DISEASE_HEADS,
    FUNCTION_WORDS,
    INSTITUTION_HEADS,
    MONTHS,
    Lexicon,
    common_words,
    eponym_words,
    foreign_words,
)

# Words before a place in lower case that are no part of it: "rural saskatchewan".
PLACE_ADJECTIVES = frozenset(
    [
        "rural",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "upstate",
        "downstate",
        "outback",
        "regional",
        "outer",
        "inner",
        "greater",
        "north",
        "south",
        "east",
        "west",
    ]
)


def starts_sentence(text: str, pos: int) -> bool:
    """Is ``pos`` the first word of the text, a line or a sentence?"""
    before = text[max(0, pos - 4) : pos].rstrip(" \t\"'“(¿¡")
    return not before or before[-1] in ".!?:\n>"


def bare_word(lex: Lexicon, tok: Token) -> bool:
    """A capitalised word that is no ordinary word, language, eponym or name either."""
    low = tok.core.lower()
    return not (
        low in common_words()
        or low in foreign_words()
        or tok.core in languages()
        or tok.core in eponym_words()
        or tok.core in lex.ambiguous_names
        or tok.core in INSTITUTION_HEADS
        or low in DISEASE_HEADS
        or tok.core in MONTHS
        or is_region(tok.core)
        or any(c.isdigit() for c in tok.text)
    )


def unknown_word(lex: Lexicon, tok: Token) -> bool:
    """A capitalised word in no word list (no name, medical word, eponym or acronym)."""
    return (
        tok.core not in languages()
        and tok.core.lower() not in lex.medical
        and tok.core not in lex.first_names
        and tok.core not in lex.eponyms
        and not tok.core.isupper()
    )


def lower_unknown(lex: Lexicon, tok: Token) -> bool:
    """A lower-case word in no list (after "vivo en": a place)."""
    low = tok.core
    return (
        len(low) >= 4
        and low not in common_words()
        and low not in foreign_words()
        and low not in lex.medical
        and low not in FUNCTION_WORDS
        and low not in PLACE_ADJECTIVES
        and not low.endswith(("ing", "ed", "ly"))
        and not any(c.isdigit() for c in low)
    )
