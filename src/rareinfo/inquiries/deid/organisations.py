"""Institutions in shapes the head-word and cue rules miss: an acronym after an article of
another language ("bei der TK", "la MGEN", "no IMIP"), a hospital named for a person "and
Women's", a hospital in lower case head first ("hospital rosales"), a school or hospital in
lower case before its head ("westview high", "leicester royal"), an elided Italian or
French article ("all'Ospedale San Raffaele"), an insurer before "health cover" or
"benefits" ("EFU Life health cover"), and a name closed by "d'X" ("Vall d'Hebron")."""

from __future__ import annotations

from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.gazetteer import region_abbreviations
from rareinfo.inquiries.deid.patterns import RECORD_CUE
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.vocabulary import Lexicon, common_words, foreign_words, wordset

# An acronym after an article or preposition of German, French, Spanish or Portuguese, or
# after "seguro de": an insurer or a hospital ("bei der TK", "La MGEN", "no IMIP"); not
# after "do", an English verb too ("can we do PGT").
_ARTICLE_ACRONYM = gated(
    r"(?<![\w'’])(?i:bei\s+der|an\s+der|in\s+der|la|le|au|du|no|na|da|el|seguro\s+(?:de|con)"
    r"|plano\s+(?:da|do))\s+([A-Z]{2,6})\b(?![-'’]?\d|\s*[:=])"
)
# Public payers and health systems named by everyone: no one's own institution
_PUBLIC_SCHEMES = wordset(
    "SUS IMSS ISSSTE NHS EPS IPS ALS ELA AME EM TDAH TEA DNA ADN ARN RNA RM TAC IRM EEG ECG "
    "UCI UTI CTI SNC ORL VIH HIV SIDA PCR IRC IVIG EB TDC TOC UE EU USA EUA AC "
    # diseases by their initials in Italian, French and Spanish ("la SLA", "la SEP")
    "SLA SEP SM TSA LES AR FQ PCI"
)
_AND_WOMENS = gated(r"\b[A-Z][\w'’-]+\s+and\s+Women['’]s(?:\s+Hospital)?")
# "hospital rosales", "clínica santa maría": a head first, then words in no list
_LOWER_HEAD_FIRST = gated(
    r"\b(?:hospital|cl[ií]nica|sanatorio|policl[ií]nico|ospedale|h[oô]pital)\s+"
    r"((?:(?:san|santa|são|sao|st|saint|santo)\s+)?[a-zà-ÿ][a-zà-ÿ'’-]{2,})\b"
)
# "westview high", "leicester royal": a word in no list before a school's or hospital's head
_LOWER_HEAD_AFTER = gated(
    r"\b(?:at|to|from|attends?|attending)\s+([a-z][a-z'’-]{2,})\s+"
    r"(?:high|elementary|primary|academy|royal|infirmary)\b"
)
_ELIDED = gated(
    r"\b(?:all|dell|nell|dall|sull|l|d)['’]((?:Ospedale|Istituto|Policlinico|Azienda|Clinica"
    r"|Centro|Universit[àa]|H[ôo]pital|Institut|Universit[ée]|Unit[àa])"
    r"(?:\s+(?:[A-Z][\w'’-]*|di|de|del|della|du|des))*\s*[A-Z][\w'’-]*)"
)
_INSURER_BEFORE = gated(
    r"\b(?:have|has|had|with|through|from|our|my|his|her|their|by)\s+"
    r"([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,2})\s+"
    r"(?=(?:health\s+|medical\s+|private\s+)?(?:cover|insurance|benefits|policy|coverage)\b)"
)
_PUBLIC_PAYERS = wordset(
    "Medicare Medicaid NHS Medi-Cal MediCal CHIP Tricare TRICARE VA SUS PhilHealth Sécu "
    "Social Security Government State Private Travel Life Health"
)
# Insured with, in Dutch, German and French: "Verzekerd bij Zilveren Kruis", "versichert bei
# der Barmer", "assurée chez Harmonie Mutuelle", "ma mutuelle Alan"
_INSURED_WITH = gated(
    r"(?i:verzekerd\s+bij|versichert\s+bei(?:\s+der)?|assur[ée]e?s?\s+(?:chez|auprès\s+de)"
    r"|(?:ma|notre|sa|la)\s+mutuelle(?:\s+est)?|Krankenkasse(?:\s+ist)?|zorgverzekeraar(?:\s+is)?)"
    r"\s+((?:de\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})"
)
_OF_PLACE = gated(r"\s+d['’][A-Z][\w-]+")


def organisation_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Institutions by the shapes above; weak where a word list could be wrong."""
    for m in _ARTICLE_ACRONYM.finditer(text):
        word = m.group(1)
        if (
            word not in _PUBLIC_SCHEMES
            and not RECORD_CUE.fullmatch(word)  # "el DNI de ella es ...": an identity card
            and word.lower() not in lex.medical
            and word not in region_abbreviations()
        ):
            yield Span(m.start(1), m.end(1), "institution", False)
    for m in _AND_WOMENS.finditer(text):
        yield Span(m.start(), m.end(), "institution")
    for m in _LOWER_HEAD_FIRST.finditer(text):
        last = m.group(1).split()[-1]
        if _unlisted(lex, last):
            yield Span(m.start(), m.end(), "institution", False)
    for m in _LOWER_HEAD_AFTER.finditer(text):
        if _unlisted(lex, m.group(1)):
            yield Span(m.start(1), m.end(), "institution", False)
    for m in _ELIDED.finditer(text):
        yield Span(m.start(1), m.end(1), "institution")
    for m in _INSURED_WITH.finditer(text):
        yield Span(m.start(1), m.end(1), "institution")
    for m in _INSURER_BEFORE.finditer(text):
        words = m.group(1).split()
        if words[0] in _PUBLIC_PAYERS or all(w.lower() in lex.medical for w in words):
            continue
        yield Span(m.start(1), m.end(1), "institution", False)


def closed_by_place(text: str, spans: list[Span]) -> Iterator[Span]:
    """An institution's name closed by "d'X": "Vall d'Hebron", "Hospital d'Inca"."""
    for span in spans:
        if span.kind == "institution":
            m = _OF_PLACE.match(text, span.end)
            if m:
                yield Span(span.start, m.end(), "institution", span.strong)


def _unlisted(lex: Lexicon, word: str) -> bool:
    low = word.lower()
    return low not in common_words() and low not in foreign_words() and low not in lex.medical
