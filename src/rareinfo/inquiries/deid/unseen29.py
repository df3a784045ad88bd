"""Round 29's shapes. Dates: a day written as an ordinal before "of" and a month, with "the"
when no preposition comes before it ("born the 3rd of March", "the twenty-first of June";
"on the 2nd of May" keeps its "the" out, as the labels do), and a month before "the" and an
ordinal ("March the 3rd"). Ages: a corrected age after an approximate one ("40-something... ok
44"), "N and a quarter/half" in brackets or after "is/aged" ("(3 and a quarter)"), the age in
"I'm <name> N from" (the name too, even a weekday: "im sunday 20 from"), "<name> here (N,", a
form's "Age: N", the age at a diagnosis with the disease between ("diagnosed with X at 4
weeks"), and Indonesian tens after a kin word with no comma ("Ibu saya lima puluh tahun").

``kept29`` takes back: an approximate age ("40-something": the labels leave it), a pregnancy's
weeks after "pregnant" ("pregnant (20 weeks)"; round 24 took "20 weeks pregnant"), a state of
the writer read as a name after "I'm" ("I'm pregnant"), a compass word before a continent
("Eastern Europe"), a lower-case English word read as a town with no place cue before it
("worth it"), the scheme that issued a number read as an institution ("número del SIS es ...")
and a disease's abbreviation after "works for" read as an employer ("works for FA").

What stays: "seizure at 6 months", "pregnant (20 weeks)", "the 3rd dose", "Northern Ireland"
(a place), "worth it", "in Eastern Europe", "my son is 40-something"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.gazetteer import lower_cities, region_abbreviations
from rareinfo.inquiries.deid.patterns import MONTH_RE
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.unseen26 import ID_UNIT
from rareinfo.inquiries.deid.vocabulary import CAP_LATIN, CAP_WIDE, Lexicon, wordset

_S = r"[^\S\n]+"
_W = r"[^\S\n]*"

# ---------------------------------------------------------------------------- dates

_UNIT_ORDINAL = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
_WORD_ORDINAL = (
    rf"(?:(?:twenty|thirty)[-‐]?{_UNIT_ORDINAL}|{_UNIT_ORDINAL}|tenth|eleventh|twelfth"
    r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
    r"|thirtieth)"
)
_ORDINAL = rf"(?:(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)|{_WORD_ORDINAL})"
_YEAR = r"(?:19\d{2}|20\d{2})"
_ORDINAL_OF = gated(
    rf"(?i)(?:\b(the){_S})?\b{_ORDINAL}{_S}of{_S}(?-i:{MONTH_RE})(?:,?{_S}{_YEAR})?\b"
)
_MONTH_THE = gated(rf"\b(?-i:{MONTH_RE}){_S}the{_S}{_ORDINAL}(?:,?{_S}{_YEAR})?\b")
# "on the 2nd of May", "Monday the 12th of May": the labels leave "the" out after a
# preposition or a weekday
_PREPOSITION_BEFORE = gated(
    r"(?i)\b(?:on|since|until|till|by|from|before|after|of|to|between|and|around|about|for"
    r"|at|in|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\s+$"
)

# ---------------------------------------------------------------------------- ages

_CORRECTED_ROUGH = gated(
    rf"\b\d{{1,2}}(?:[-‐]?(?:something|ish)|s){_W}(?:\.\.\.|…|,){_W}(?:(?:ok(?:ay)?|no|well"
    rf"|actually|sorry|oops|fine|really){_W},?{_W})?(\d{{1,2}})\b(?!{_W}(?:mg|kg|%|cm|mm|weeks?"
    rf"|months?|days?|lbs?)\b)"
)
_FRACTION_AGE = gated(
    rf"(?:\({_W}|\b(?:is|aged?|turned|turns){_S})(\d{{1,2}}{_S}and{_S}(?:a|three){_S}"
    rf"(?:quarters?|half))(?={_W}(?:\)|,|\.|{_S}(?:and|now|but|years?|yrs?)\b))"
)
_SELF_AGE = gated(
    rf"\b(?:[Ii]['’]?m|[Ii]{_S}am){_S}([A-Za-z][a-z]+),?{_S}(\d{{1,2}}){_W},?{_W}"
    rf"(?=(?:from|in|frm|and|yo|y/o)\b)"
)
# weekdays given as names ("Sunday", "Monday", "Friday" in West Africa)
_DAY_NAMES = wordset("sunday monday tuesday wednesday thursday friday saturday")
_AGE_ADVERBS = wordset("only just now still nearly almost barely also turning")
_HERE_AGE = gated(rf"\bhere{_W}\({_W}(\d{{1,2}}){_W}[,)]")
_FORM_AGE = gated(rf"\bAge{_W}:{_W}(\d{{1,3}})\b(?!{_W}(?:weeks?|months?|days?)\b)")
# the disease's own words: no clause between "with" and "at" ("after the spasms started at")
_NAME_WORD = r"[\w'’-]+"
_DISEASE_STOP = (
    r"(?:after|when|while|since|because|that|which|who|and|but|then|started|began|begun"
    r"|the|his|her|their|was|were|is|has|had)\b"
)
_DIAGNOSED_AT = gated(
    rf"\bdiagnosed{_S}with{_S}(?:(?!{_DISEASE_STOP}){_NAME_WORD}{_S}){{1,4}}at{_S}"
    rf"(\d{{1,2}}{_S}(?:weeks?|months?"
    rf"|days?))\b(?!{_S}(?:of{_S}(?:gestation|pregnancy)|gestation|pregnant))"
)
_INDONESIAN_KIN_AGE = gated(
    rf"\b(?:[Ii]bu|[Aa]yah|[Aa]nak|[Ss]uami|[Ii]stri|[Kk]akak|[Aa]dik|[Nn]enek|[Kk]akek)"
    rf"{_S}saya{_S}((?:{ID_UNIT}|se)(?:{_S}puluh|{_W}belas)(?:{_S}{ID_UNIT})?{_S}tahun)\b"
)

# ---------------------------------------------------------------------------- institutions

_AMPERSAND_CENTER = gated(
    rf"\b((?:{CAP_LATIN}[a-z]+{_S}){{0,2}}{CAP_LATIN}[a-z]+{_W}&{_W}(?:{CAP_LATIN}[a-z]+{_S}){{1,2}}"
    rf"(?:Center|Centre|Clinic|Institute|Program|Programme)(?:{_S}(?:at|of){_S}{CAP_LATIN}[a-z]+"
    rf"(?:{_S}{CAP_LATIN}[a-z]+)?)?)\b"
)
_FRENCH_HOSPITAL = gated(
    rf"\b((?:H[ôo]pital|Clinique|Centre{_S}hospitalier)(?:{_S}(?:d['’]enfants|pour{_S}enfants"
    rf"|mère[-{_S}]enfant|universitaire|régional|national|de{_S}la{_S}mère{_S}et{_S}de{_S}"
    rf"l['’]enfant))?{_S}{CAP_WIDE}[a-zà-ÿ-]+(?:{_S}{CAP_WIDE}[a-zà-ÿ-]+){{0,2}})"
)
_RS_TITLE = gated(
    rf"\b((?:RS|RSUD|RSUP|RSIA|RSAB|RSU){_S}(?:Dr|dr|Prof|prof)\.?{_W}(?:[A-Z]\.{_W})*"
    rf"{CAP_LATIN}[a-z]+(?:{_S}{CAP_LATIN}[a-z]+){{0,2}})\b"
)

# ---------------------------------------------------------------------------- places

_LOWER_TOWN_REGION = gated(
    r"\b(?:in|from|near)[^\S\n]+([a-z]{3,}(?:[^\S\n]+[a-z]{3,})?)[^\S\n]+([a-z]{4,})\b"
)
_HYPHEN_REGION = gated(rf",{_W}({CAP_LATIN}[a-z]+[A-Z][a-z]+-{CAP_LATIN}[a-z]+|"
                            rf"{CAP_LATIN}[a-z]+-{CAP_LATIN}[a-z]+){_W}(?=[,.;]|{_S}(?:has|is)\b)")
_YORUBA_STATE = gated(r"\bìpínlẹ̀[^\S\n]+(\w[\w\u0300-\u036f]*)")
_ARABIC_WE_LIVE = gated(
    r"(?:نحن|نعيش|نسكن|أسكن|أعيش|اسكن|اعيش)[^\S\n]+(?:في|ب)[^\S\n]*([\u0621-\u064a]{2,})"
    r"(?![\u0621-\u064a])"
)
_ARABIC_NOT_TOWNS = frozenset(
    ["المستشفى", "البيت", "المنزل", "حيرة", "انتظار", "الخارج", "حاجة", "بداية"]
)

# ---------------------------------------------------------------------------- names

_ROMANIAN_SELF = gated(
    rf"\b(?:[Ss]unt|[Mm]ă{_S}numesc|[Mm]a{_S}numesc|[Nn]umele{_S}meu{_S}(?:este|e))"
    rf"{_S}({CAP_WIDE}[a-zà-ÿăâîșțşţ]+)(?={_W}[,.;])"
)
_URDU_NAME_END = gated(
    r"[^\S\n]+(نور|بی[^\S\n]?بی|بیگم|الدین|النساء|فاطمہ)(?![\u0621-\u06ff])"
)

# ---------------------------------------------------------------------------- taken back

_ARABIC_LETTER = gated(r"[\u0621-\u06ff]")
# "[place] al." : a US state code written in lower case after a town
_STATE_CODE = gated(rf"{_S}([a-z]{{2}})(?={_W}(?:[.,;!?]|$))")
_CODE_WORDS = wordset("in or me hi so as is it to oh")
# "we're [name] & Kit, parents of": the second parent
_PARTNER = gated(rf"{_S}&{_S}({CAP_LATIN}[a-z]+)(?={_W},)")
_ROUGH_AFTER = gated(r"[-‐]?(?:something|odd)\b")
_PREGNANT_BEFORE = gated(rf"\bpregnant{_W}(?:\(|,|[-–—]|at|with){_W}$")
_STATES = wordset(
    "pregnant expecting breastfeeding nursing tired exhausted worried scared sick confused"
    " desperate new lost stuck sorry sure married single divorced widowed retired disabled"
)
_COMPASS = wordset("Eastern Western Northern Southern Central")
_CONTINENT_AFTER = gated(rf"{_S}(?:Europe|Asia|Africa|America|Canada|Australia)\b")
_PLACE_CUE_BEFORE = gated(
    r"(?i)\b(?:in|from|near|to|at|of|around|outside|live|lives|living|moved|visit|visiting"
    r"|im|i'm|here)[\s,]+$"
)
# "worth it", "worth a try": the word runs on as English
_ENGLISH_AFTER = gated(rf"{_S}(?:it|a|the|doing|trying|asking|checking)\b")
_NUMBER_ISSUER = gated(
    rf"(?:\b(?i:n[úu]mero|number|card|tarjeta|carnet|nomor)|\bNo\.|nº|n°|#)"
    rf"(?:{_S}(?i:del|de|de{_S}la|of|the|from))?{_S}$"
)
_WORKS_FOR = gated(rf"\bworks?{_S}(?:well{_S})?(?:for|in|on){_S}$")
_PERSON_BEFORE = gated(
    r"(?i)\b(?:I|he|she|husband|wife|dad|mum|mom|father|mother|brother|sister|son|daughter"
    r"|who|partner)\s+works?\s+"
)


def _age_span(start: int, end: int) -> Span:
    return Span(start, end, "age")


def unseen29_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 29's dates, ages and names (the module's docstring)."""
    for m in _ORDINAL_OF.finditer(text):
        start = m.start()
        if m.group(1) and _PREPOSITION_BEFORE.search(text, 0, m.start()):
            start = m.start() + len(m.group(1)) + 1
            while text[start].isspace():
                start += 1
        yield Span(start, m.end(), "date")
    for m in _MONTH_THE.finditer(text):
        yield Span(m.start(), m.end(), "date")
    for pattern in (_CORRECTED_ROUGH, _FRACTION_AGE, _HERE_AGE, _FORM_AGE, _DIAGNOSED_AT,
                    _INDONESIAN_KIN_AGE):
        for m in pattern.finditer(text):
            yield _age_span(m.start(1), m.end(1))
    for pattern in (_AMPERSAND_CENTER, _FRENCH_HOSPITAL, _RS_TITLE):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "institution")
    for m in _HYPHEN_REGION.finditer(text):
        if not all(lex.plain(w) for w in m.group(1).split("-")):
            yield Span(m.start(1), m.end(1), "place")
    for m in _YORUBA_STATE.finditer(text):
        yield Span(m.start(1), m.end(1), "place")
    for m in _ARABIC_WE_LIVE.finditer(text):
        if m.group(1) not in _ARABIC_NOT_TOWNS:
            yield Span(m.start(1), m.end(1), "place")
    for m in _ROMANIAN_SELF.finditer(text):
        if not lex.plain(m.group(1)):
            yield Span(m.start(1), m.end(1), "name")
    for m in _SELF_AGE.finditer(text):
        word = m.group(1).lower()
        if word in _DAY_NAMES or not lex.plain(m.group(1)):
            yield Span(m.start(1), m.end(1), "name")
            yield _age_span(m.start(2), m.end(2))
        elif word in _AGE_ADVERBS:
            yield _age_span(m.start(2), m.end(2))


def region29_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """A lower-case town and its region after "in/from/near" ("in flin flon manitoba"); it
    reads its own cue, past protection."""
    for m in _LOWER_TOWN_REGION.finditer(text):
        if m.group(2) in lower_cities() and not any(lex.plain(w) for w in m.group(1).split()):
            yield Span(m.start(1), m.end(1), "place")
            yield Span(m.start(2), m.end(2), "place")


def after29_spans(lex: Lexicon, text: str, spans: list[Span]) -> Iterator[Span]:
    """What round 29 finds next to the spans found (the module's docstring); each rule reads
    its own cue, past protection ("al" after a town)."""
    places = {s.end for s in spans if s.kind == "place"}
    for span in spans:
        if span.kind == "name" and _ARABIC_LETTER.match(text, span.end - 1):
            end = _URDU_NAME_END.match(text, span.end)
            if end:
                yield Span(span.start, end.end(), "name", span.strong)
    for place_end in places:
        code = _STATE_CODE.match(text, place_end)
        if (
            code
            and code.group(1).upper() in region_abbreviations()
            and code.group(1) not in _CODE_WORDS
        ):
            yield Span(code.start(1), code.end(1), "place")
    names = {s.end for s in spans if s.kind == "name"}
    for name_end in names:
        partner = _PARTNER.match(text, name_end)
        if partner:
            yield Span(partner.start(1), partner.end(1), "name")


def kept29(lex: Lexicon, text: str, spans: list[Span]) -> list[Span]:
    """``spans`` less what round 29 takes back (the module's docstring)."""
    kept: list[Span] = []
    for span in spans:
        piece = text[span.start : span.end]
        before = text[max(0, span.start - 40) : span.start]
        if span.kind == "age" and piece.isdigit() and _ROUGH_AFTER.match(text, span.end):
            continue  # "40-something": an approximate age
        if span.kind == "age" and _PREGNANT_BEFORE.search(before) and re.search(
            r"(?:weeks?|wks?|days?|months?)$", piece
        ):
            continue  # "pregnant (20 weeks)": the pregnancy's age
        if span.kind == "name" and piece.lower() in _STATES and piece.islower():
            continue  # "I'm pregnant"
        if span.kind == "place" and piece in _COMPASS and _CONTINENT_AFTER.match(text, span.end):
            continue  # "Eastern Europe": a region
        if (
            span.kind == "place"
            and piece.islower()
            and _ENGLISH_AFTER.match(text, span.end)
            and not _PLACE_CUE_BEFORE.search(before)
        ):
            continue  # "worth it": an English word
        if (
            span.kind == "institution"
            and piece.isupper()
            and len(piece) <= 5
            and _NUMBER_ISSUER.search(before)
        ):
            continue  # "número del SIS": the scheme that issued a number
        if (
            span.kind == "institution"
            and piece.isupper()
            and len(piece) <= 4
            and _WORKS_FOR.search(before)
            and not _PERSON_BEFORE.search(before)
        ):
            continue  # "Skyclarys works for FA": a disease
        kept.append(span)
    return kept
