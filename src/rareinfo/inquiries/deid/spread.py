"""Names found once, found again: every other mention of a name a cue or a list found,
not where the word names a disease ("Hunter syndrome") or is used as an eponym."""

from __future__ import annotations

from collections.abc import Iterator

from rareinfo.inquiries.deid.tokens import Span, Token
from rareinfo.inquiries.deid.vocabulary import DISEASE_HEADS, Lexicon, common_words, wordset


def _starts_sentence(text: str, pos: int) -> bool:
    """Is ``pos`` the first word of the text, a line or a sentence?"""
    before = text[max(0, pos - 6) : pos].rstrip(" \t\"'“(")
    return not before or before[-1] in ".!?:\n>"


# A sentence starting "Autumn is losing ...": the name, not the season.
_VERBS_AFTER_NAME = wordset(
    "is was has had gets got goes went needs loves started starts seems can't doesn't "
    "didn't isn't wasn't"
)


def propagate(lex: Lexicon, text: str, tokens: list[Token], names: list[Span]) -> Iterator[Span]:
    """Every other occurrence of a word already found as a name, possessives included; a
    name that is also a word (April, Will) only where it is capitalised mid-sentence."""
    found = {text[s.start : s.end] for s in names if s.end - s.start >= 3}
    cued = {w for w in found if w.lower() in common_words() and w[0].isupper()}
    cued &= {text[s.start : s.end] for s in names if s.strong}
    found = {w for w in found if w.lower() not in common_words()}
    strong = {text[s.start : s.end] for s in names if s.strong}
    for i, tok in enumerate(tokens):
        if (
            tok.core in cued
            and not _names_disease(tokens, i)
            and not _before_medical_word(lex, tokens, i)
            and (
                not _starts_sentence(text, tok.start)
                or tok.core != tok.text  # "Rocky's oncologist"
                or (i + 1 < len(tokens) and tokens[i + 1].text in _VERBS_AFTER_NAME)
            )
        ):
            yield Span(tok.start, tok.core_end, "name", False)
    if not found:
        return
    for i, tok in enumerate(tokens):
        if tok.core in found and not _names_disease(tokens, i):
            # a name a cue found outweighs an eponym ("Hunter's")
            yield Span(tok.start, tok.core_end, "name", tok.core in strong)


def _before_medical_word(lex: Lexicon, tokens: list[Token], i: int) -> bool:
    """Is a word that is also a name used as an eponym, a medical word after it ("Dr. Best"
    but "Best vitelliform macular dystrophy")?"""
    if i + 1 >= len(tokens) or not tokens[i + 1].text.islower() or tokens[i].core != tokens[i].text:
        return False  # "Will's brain MRI": a possessive is a person's
    low = tokens[i + 1].core
    return low in lex.medical and low not in common_words()


def _names_disease(tokens: list[Token], i: int) -> bool:
    """Is the token at ``i`` the eponym of a disease ("alexander disease", "Hunter
    syndrome", "enfermedad de Huntington"), whatever a person of that name is called?"""
    nxt = tokens[i + 1].text.lower() if i + 1 < len(tokens) else ""
    before = " ".join(t.text.lower() for t in tokens[max(0, i - 2) : i])
    return nxt in DISEASE_HEADS or before.endswith(
        ("enfermedad de", "síndrome de", "sindrome de", "doença de", "maladie de", "syndrome de")
    )
