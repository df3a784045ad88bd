"""Ranges no guessing detector may take: public identifiers, placeholders, eponyms before
a disease word ("Wilson disease", "tetralogy of Fallot")."""

from __future__ import annotations

from rareinfo.inquiries.deid.patterns import NUMBER_WORD, PLACEHOLDER, PUBLIC_ID
from rareinfo.inquiries.deid.tokens import Token, gap_between
from rareinfo.inquiries.deid.vocabulary import (
    DISEASE_HEADS,
    KIN,
    Lexicon,
    common_words,
    eponym_words,
    wordset,
)

# ---------------------------------------------------------------------------- protection


def protected_ranges(
    lex: Lexicon, text: str, tokens: list[Token]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(hard, eponym) protected ranges: hard ones block every detector that guesses from
    words; eponym ones (bare "Duchenne", "Crohn's") yield to explicit name cues."""
    hard = [(m.start(), m.end()) for m in PUBLIC_ID.finditer(text)]
    hard += [(m.start(), m.end()) for m in PLACEHOLDER.finditer(text)]
    soft: list[tuple[int, int]] = []
    disease_caps, eponyms = lex.eponyms, eponym_words()
    for i, tok in enumerate(tokens):
        low = tok.core.lower()
        if low in DISEASE_HEADS or _medical_word(lex, tok):
            hard += _eponyms_before(lex, text, tokens, i)
        if low == "of" and 0 < i < len(tokens) - 1:
            # "tetralogy of Fallot", "circle of Willis" (not "University of Toronto")
            before, after = tokens[i - 1], tokens[i + 1]
            if (
                _medical_word(lex, before)
                and after.capitalised
                and (after.core in disease_caps or after.core in eponyms)
            ):
                hard.append((after.start, after.end))
        if tok.text.islower() and len(low) <= 3:
            continue  # the particles of names: "Feira de Santana", "van der Merwe"
        if (
            tok.core in eponyms
            or tok.text in eponyms
            or (
                tok.text.islower()
                and len(low) > 3  # not the particles "de", "van", "la"
                and tok.core.capitalize() in eponyms
                and low not in common_words()
            )
        ):
            soft.append((tok.start, tok.end))
    return hard, soft


def _medical_word(lex: Lexicon, tok: Token) -> bool:
    """An ordinary medical word in lower case ("muscular", "tetralogy", "progeria")."""
    low = tok.core.lower()
    return (
        tok.text.islower()
        and len(low) >= 5
        and low in lex.ordinary_medical
        and low not in common_words()
        and low not in _PREPOSITIONS
        and not NUMBER_WORD.fullmatch(low)
    )


# Prepositions that some phenotype names hold ("outside"): "clinics in South Africa outside
# Cape Town" names no disease.
_PREPOSITIONS = wordset(
    "outside inside within without between through across around behind beyond during "
    "before after under above below among along against despite toward towards throughout"
)


# Heads that are someone's own after a kin word, not a disease's name.
_POSSESSED = wordset("gene genes test tests procedure operation protein")


def _kin_possessive(tokens: list[Token], j: int, i: int) -> bool:
    """Is token ``j`` a possessive name after a kin word, before a head at ``i`` that is
    no disease ("my son Jasper's gene therapy", "our daughter Wren's operation")?"""
    return (
        tokens[j].text.endswith(("'s", "’s"))
        and j > 0
        and tokens[j - 1].core.lower() in KIN
        and tokens[i].core.lower() in _POSSESSED
    )


def _eponyms_before(lex: Lexicon, text: str, tokens: list[Token], i: int) -> list[tuple[int, int]]:
    """Capitalised words just before the disease word at ``i``: "Wolf-Hirschhorn
    syndrome", "Cornelia de Lange syndrome", "Duchenne muscular dystrophy"."""
    head = tokens[i].core.lower() in DISEASE_HEADS
    found: list[tuple[int, int]] = []
    j = i - 1
    while j >= 0 and i - j <= 4:
        prev = tokens[j]
        if gap_between(text, prev, tokens[j + 1]) not in (" ", "-"):
            break
        if prev.text in ("de", "van", "von", "la", "le", "type", "Type"):
            j -= 1
            continue
        if not prev.text[0].isupper() or prev.core.lower() in common_words():
            break
        if _kin_possessive(tokens, j, i):
            break  # "my son Jasper's gene therapy": a name, not "Jasper gene"
        known = prev.core in lex.eponyms or prev.core in eponym_words()
        if not known and (not head or prev.core in lex.first_names):
            break
        found.append((prev.start, prev.end))
        j -= 1
    return found
