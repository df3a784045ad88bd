"""Institutions named by what a person does with them, where no head word says what they
are: the place someone "goes to" or "is seen at" (also in lower case), the insurer or fund
someone "is with", an organisation named with its region after "at" ("at Genetic Health
Queensland"), and Spanish and Portuguese heads written in lower case ("fundación ...")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.gazetteer import region_abbreviations, regions
from rareinfo.inquiries.deid.tokens import Span, Token, gap_between, token_at
from rareinfo.inquiries.deid.vocabulary import (
    FUNCTION_WORDS,
    KIN,
    MONTHS,
    TITLES,
    Lexicon,
    common_words,
    eponym_words,
    foreign_words,
    wordset,
)

# Where a patient is cared for: "she goes to james cook", "seen at the royal", "under X".
_CARE_CUE = gated(
    r"(?i)\b(?:goes|go|going|went|gone|taken|transferred|admitted|referred)\s+to\s+(?:the\s+)?"
    r"|\b(?:seen|treated|followed|managed|looked\s+after)\s+(?:at|in|by)\s+(?:the\s+)?"
    r"|\bunder\s+(?:the\s+care\s+of\s+)?(?:the\s+)?"
)
# Someone "is with" an insurer or a fund: "she's with Vhi", "we're with Southern Cross".
_WITH_PAYER = gated(
    r"(?i)\b(?:we['’]re|we\s+are|she['’]s|he['’]s|i['’]m|i\s+am|they['’]re|(?:she|he|they)\s+"
    r"(?:is|are)|insured|covered|cover|coverage|policy|plan|membership|member)\s+(?:is\s+)?"
    r"(?:with|through|via)\s+(?=(?-i:[A-Z]))"
    # "tenemos seguro con GNP", "plano de saúde com a Amil"
    r"|\b(?:seguro(?:\s+(?:privado|m[ée]dico|de\s+salud))?|plano(?:\s+de\s+sa[úu]de)?)\s+co[nm]"
    r"\s+(?:(?:la|el|a|o)\s+)?(?=(?-i:[A-Z]))"
)
# What may follow the name: the end of the clause or a word that opens the next one.
_CLAUSE_END = gated(
    r"[^\S\n]*(?:[.,;:!?)]|\n|$|(?:and|but|if|so|for|since|every|which|who|now|hospital"
    r"|clinic|policy|plan|in|at|on|with|to|pero|mas|y|e|que|porque|no)\b)",
    re.I,
)
_NOT_PAYERS = wordset("Dr Mrs Mr Ms Miss Prof Doctor Nurse Mum Mom Dad The My Our His Her")
_SPANISH_HEADS = gated(
    r"\b(?:fundaci[óo]n|funda[çc][ãa]o|cl[íi]nica|instituto|sanatorio|policl[íi]nica)\s+((?:(?:de|del|la|los|do|da|dos|das|san|santa|são)\s+)?[a-záéíóúñçãõ]+"
    r"(?:\s+(?:(?:de|del|la|do|da)\s+)?[a-záéíóúñçãõ]+){0,2})"
)


def provider_spans(lex: Lexicon, text: str, tokens: list[Token]) -> Iterator[Span]:
    """Institutions after care and insurance cues, named with their region, or after a
    lower-case Spanish or Portuguese head."""
    for m in _CARE_CUE.finditer(text):
        i = token_at(tokens, m.end())
        run = _lower_run(lex, text, tokens, i) or _cared_at(lex, text, tokens, i)
        if run:
            yield Span(run[0].start, run[-1].core_end, "institution", False)
    for m in _WITH_PAYER.finditer(text):
        run = _capitalised_run(lex, text, tokens, token_at(tokens, m.end()))
        if run and _CLAUSE_END.match(text, run[-1].end):
            yield Span(run[0].start, run[-1].end, "institution", False)
    yield from _with_region(lex, text, tokens)
    for m in _SPANISH_HEADS.finditer(text):
        words = m.group(1).split()
        if any(_unlisted(lex, w) for w in words):
            yield Span(m.start(), m.end(), "institution", False)


def _unlisted(lex: Lexicon, low: str) -> bool:
    return (
        len(low) >= 3
        and low not in common_words()
        and low not in foreign_words()
        and low not in lex.ordinary_medical
        and low not in FUNCTION_WORDS
    )


def _lower_run(lex: Lexicon, text: str, tokens: list[Token], i: int) -> list[Token]:
    """Two or three lower-case words in no list, ending a clause: "goes to james cook"."""
    if i >= len(tokens) or not tokens[i].text.islower():
        return []
    first = tokens[i]
    if not _unlisted(lex, first.core) or first.core in KIN or first.core in TITLES:
        return []
    run = [first]
    while len(run) < 3 and i + len(run) < len(tokens):
        nxt = tokens[i + len(run)]
        if (
            gap_between(text, run[-1], nxt) != " "
            or not nxt.text.isalpha()
            or not nxt.text.islower()
            or nxt.core in FUNCTION_WORDS
            or nxt.core in lex.ordinary_medical
        ):
            break
        run.append(nxt)
    # two words at least, each in no list ("goes to physio", "under investigation" stay)
    if len(run) < 2 or not all(_unlisted(lex, t.core) for t in run):
        return []
    if not _CLAUSE_END.match(text, run[-1].end):
        return []
    return run


def _cared_at(lex: Lexicon, text: str, tokens: list[Token], i: int) -> list[Token]:
    """One or two capitalised words in no list where care is given: "is under Crumlin"."""
    run: list[Token] = []
    while i < len(tokens) and len(run) < 2:
        tok = tokens[i]
        if run and gap_between(text, run[-1], tok) != " ":
            break
        low = tok.core.lower()
        if (
            not tok.capitalised
            or tok.core.isupper()
            or tok.core in MONTHS
            or tok.core in _NOT_PAYERS
            or tok.core in lex.eponyms
            or not _unlisted(lex, low)
            or low in lex.medical
            or low in KIN
            or low in TITLES
        ):
            break
        run.append(tok)
        i += 1
    if run and _CLAUSE_END.match(text, run[-1].end):
        return run
    return []


def _capitalised_run(lex: Lexicon, text: str, tokens: list[Token], i: int) -> list[Token]:
    """One to three capitalised words naming an insurer (not a person or a month)."""
    run: list[Token] = []
    while i < len(tokens) and len(run) < 3:
        tok = tokens[i]
        if run and gap_between(text, run[-1], tok) != " ":
            break
        if not tok.capitalised or tok.core in MONTHS:
            break
        run.append(tok)
        i += 1
    if (
        not run
        or run[0].core in _NOT_PAYERS
        or run[0].core in lex.first_names
        or run[0].core.lower() in lex.ordinary_medical
    ):
        return []
    return run


_AT_NAMED = gated(r"\b(?:at|with|for)\s+(?=[A-Z])")


def _with_region(lex: Lexicon, text: str, tokens: list[Token]) -> Iterator[Span]:
    """ "at Ability WA", "with Genetic Health Queensland": capitalised words closed by a
    state or its code are one organisation's name."""
    for m in _AT_NAMED.finditer(text):
        i = token_at(tokens, m.end())
        run: list[Token] = []
        while i < len(tokens) and len(run) < 4:
            tok = tokens[i]
            if run and gap_between(text, run[-1], tok) != " ":
                break
            if not tok.capitalised or tok.core in MONTHS or tok.core in _NOT_PAYERS:
                break
            run.append(tok)
            i += 1
        if (
            len(run) < 2
            or run[0].core in eponym_words()
            or any(t.core.isupper() for t in run[:-1])  # "with MPS VI": a disease's type
        ):
            continue
        last = run[-1].core
        if last in region_abbreviations() or (
            (last,) in regions().get(last, ()) and last.lower() not in common_words()
        ):  # strong: "Genetic Health" alone would be protected as medical words
            yield Span(run[0].start, run[-1].core_end, "institution")
