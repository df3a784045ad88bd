"""Round 9's shapes: English institutions with no cue but a certain head or tail (care and
service settings, "... Senior Living", "... Early Learning", "... Fertility", churches
"... Assembly"; sports teams, "... U18", after "plays ... for"; broadcasters by their call
sign or channel; firms "X & Y"; health systems "... Health ..."; "Health Sciences North"),
names written surname first with an initial ("Arriaga, Marisela R."), an initial before a
family name after a clinical cue ("Referring T. ..."), ages written "62F" or after "turn",
lower-case months after a cue and a year after another language's "in"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.vocabulary import (
    CAP_LATIN,
    Lexicon,
    wordset,
)

_S = r"[^\S\n]+"
_CAP = CAP_LATIN
_NAME = rf"{_CAP}[^\W_]+(?:[-'’][^\W_]+)*"
# words that open a sentence or a clause, never a name
_OPENERS = wordset(
    "The A An Our My Your His Her Their This That These Those At In On To From For With And Or "
    "But So If When We I He She They It Is Was Are Were Its Local New"
)
# bodies whose name ends in a head word that does not make them private ("General Assembly")
_PUBLIC = wordset(
    "General National Legislative World Health Parliamentary Welsh Scottish Northern United "
    "Nations European Constituent Citizens Regional State Provincial Annual Student School "
    "Morning Full Graduation Youth Church"
)

# ---------------------------------------------------------------------------- institutions

# a care or service setting by its tail: "Magnolia Crest Senior Living", "Little Acorns
# Early Learning", "Harbourside Fertility", "Living Waters Assembly", "Red Deer Rebels U18"
_SETTING = gated(
    rf"((?:{_NAME}{_S}){{1,4}})(?:Senior{_S}Living|Assisted{_S}Living|Retirement{_S}(?:Village"
    rf"|Community|Home)|Early{_S}(?:Learning|Years)(?:{_S}(?:Centre|Center|Academy))?"
    rf"|Child{_S}?[Cc]are(?:{_S}(?:Centre|Center))?|Day{_S}?care|Montessori|Preschool"
    rf"|Fertility(?:{_S}(?:Clinic|Centre|Center|Associates|Group))?|IVF{_S}(?:Clinic|Centre)"
    rf"|(?P<church>Assembly|Ministries|Tabernacle)"
    rf"|(?P<team>U-?1\d|U-?2[0-3]|Under-?1\d'?s?|Juniors|Youth{_S}Academy))(?![\w])"
)
# a team after "plays (rugby) for (the)": "plays hockey for the Lacombe Lightning"
_TEAM = gated(
    rf"\bplay(?:s|ed|ing)?(?:{_S}[a-z]+){{0,2}}{_S}(?:for|with|on){_S}(?:the{_S})?"
    rf"((?:{_NAME}{_S}){{0,3}}{_NAME})"
)
# a broadcaster by its call sign or channel: "WKRT Channel 7", "KXLY-TV", "Channel 9 News"
_STATION = gated(
    rf"\b[KWC][A-Z]{{2,3}}(?:-(?:TV|FM|AM|DT))(?:{_S}(?:Channel{_S}\d{{1,2}}|News))?"
    rf"|\b[KWC][A-Z]{{2,3}}{_S}(?:Channel{_S}\d{{1,2}}(?:{_S}News)?|News{_S}\d{{1,2}}|TV|Radio|FM)\b"
    rf"|\b(?:{_NAME}{_S}){{1,2}}Channel{_S}\d{{1,2}}(?:{_S}News)?\b|\bChannel{_S}\d{{1,2}}{_S}News\b"
)
# a firm by its partners: "at Penhallow & Greer", "with Hartwell & Quayle LLP"
_FIRM = gated(
    rf"\b(?:at|with|from|of|for|by|to){_S}({_NAME}(?:{_S}{_NAME})?{_S}(?:&|and){_S}{_NAME}"
    rf"(?:{_S}(?:LLP|Ltd|Solicitors|Associates|Partners|Accountants|Law|CPA|PC))?)"
)
# a health system and its hospital: "Atrium Health Wake Forest Baptist", "Health Sciences
# North", "Providence Sacred Heart"
_SYSTEM = gated(
    rf"\b({_NAME}){_S}Health((?:{_S}{_NAME}){{1,4}})"
    rf"|\b(?:{_NAME}{_S})?Health{_S}Sciences{_S}(?:North|South|East|West|Centre|Center)\b"
    rf"|\bProvidence((?:{_S}(?:St\.?|Saint|Sacred|Holy|Mount|Regional|Medical|Little)(?:{_S}{_NAME})?)+)"
)

# heads that open a name in German, French and Vietnamese: "Primarschule Wiesental",
# "Klinikum Großhadern", "Centre Médical La Grâce", "Bệnh viện Nhi Trung ương"; a Dutch
# medical centre's tail: "Máxima MC"
_HEAD_OPEN = gated(
    rf"\b(?:Primarschule|Grundschule|Realschule|Gesamtschule|Sekundarschule|Gymnasium|Kita"
    rf"|Kinderspital|Kinderklinik|Klinikum|Universitätsklinikum|Kantonsspital"
    rf"|Clinique|Trường|(?P<sure>Centre{_S}(?:Médical|Hospitalier|de{_S}Santé)|Bệnh{_S}viện))"
    rf"(?P<after>(?:{_S}(?:(?:La|Le|Les|de|du|des|Saint|Sainte|Trung{_S}ương)(?![\w])|{_NAME})){{1,4}})"
    rf"|\b(?P<before>(?:{_NAME}{_S}){{1,2}})(?:U?MC|Medisch{_S}Centrum|Ziekenhuis)\b"
)
# a date of Chinese and Japanese: "2024年8月2日", "8月2日"
_CJK_DATE = gated(
    r"(?<![\d])\d{4}[^\S\n]*年[^\S\n]*\d{1,2}[^\S\n]*月(?:[^\S\n]*\d{1,2}[^\S\n]*[日号])?"
    r"|(?<![\d年])\d{1,2}[^\S\n]*月[^\S\n]*\d{1,2}[^\S\n]*[日号]"
)
# a name after a Vietnamese or Hindi kin word: "con gái tôi Lê Thị ...", "मेरी बेटी ..."
_KIN_NAME = gated(
    rf"\b(?:[Cc]on{_S}(?:gái|trai)|[Cc]háu|[Cc]hồng|[Vv]ợ|[Mm]ẹ|[Bb]ố|[Ee]m{_S}(?:gái|trai))"
    rf"{_S}(?:tôi|mình|của{_S}tôi|em),?{_S}({_CAP}[^\W\d_]*(?:{_S}{_CAP}[^\W\d_]*){{0,3}})"
    r"|(?:मेरी|मेरा|मेरे)[^\S\n]+(?:बेटी|बेटा|बेटे|पत्नी|पति|भाई|बहन|माँ|पिता|पोती|पोता)[^\S\n]+"
    r"(?!को|का|की|के|ने|है|हैं|भी|से|में|पर|और|अब|जो|बहुत|सिर्फ)([\u0900-\u097f]+)"
)
# a place one lives in or comes from, Chinese and Hindi: "我们住在苏州。", "हम भोपाल से हैं"
_HOME = gated(
    r"(?:住在|来自|來自|住於)([\u4e00-\u9fff]{2,4}?)(?=[。，,.！!？?\s]|$)"
    r"|(?:हम|मैं)[^\S\n]+([\u0900-\u097f]+)[^\S\n]+से[^\S\n]+(?:हैं|हूँ|हूं|है)"
)
# a Russian centre or institute by its adjective: "в Научном центре здоровья детей"
_CENTRE_RU = gated(
    r"(?<![\w])[А-ЯЁ][а-яё]+(?:ом|ый|ий|ой|ая|ем)[^\S\n]+(?:центр[еау]?|институт[еау]?)"
    r"(?:[^\S\n]+(?!в|на|с|и|по|для|от|из|к)[а-яё]+){1,3}"
)
# "I am" and a given and family name, Arabic: "أنا سلمى الحسيني،"
_SELF_AR = gated(r"(?<![\w])أنا\s+([\u0621-\u064a]{2,}\s+ال[\u0621-\u064a]{2,})(?=\s*[،,.])")
# a forum's community or user, a handle with hyphens: "r/HAEsupport", "@Help-Dash-Heal"
_HANDLE = gated(
    r"(?<![\w/])[ru]/[A-Za-z0-9_]{3,21}(?![\w/])|(?<![\w@])@[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)+"
)
# a place before a Hindi postposition in a question in romanised Hindi: "Punjab mein?"
_HINGLISH = gated(r"\b(?:hai|hain|hoon|hu|kya|kahan|mera|meri|mere|aur|nahi)\b", re.I)
_BEFORE_MEIN = gated(r"\b([A-Z][a-z]+)[^\S\n]+(?:mein|mei|me|se)\b")  # not "SMA mein"
_AT = gated(r"\b(?:at|in|from|to|with)[^\S\n]+$")

# ---------------------------------------------------------------------------- names, ages, dates

# a family name, a comma, a given name and an initial: "Arriaga, Marisela R."
_SURNAME_INITIAL = gated(rf"\b({_NAME}),{_S}({_NAME}){_S}[A-Z]\.")
# an initial and a family name after a clinical cue: "Referring T. Villanueva"
_INITIAL = gated(
    rf"\b(?:[Rr]eferring|[Rr]eferred{_S}by|Pt\.?:?|Patient:|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Mx\.?)"
    rf"{_S}([A-Z]\.{_S}?(?:[A-Z]\.{_S}?)?({_NAME}))"
)
# an age written with the sex after a list's dash or comma: "- 62F -", ", 17 F,"
_AGE_SEX = gated(r"(?:(?<=[-–,|/:])|(?<=[-–,|/:][^\S\n]))(\d{1,3})[^\S\n]?[FM](?![\w])")
# an age one turns: "i turn 13 on", "he turned 40"
_TURN = gated(
    r"\bturn(?:s|ed|ing)?[^\S\n]+(\d{1,3})(?![\d.,%°])(?![^\S\n]*(?:degrees|times|percent|%))"
)
# a month in lower case after a cue: "since august", "in october"
_MONTH_LOWER = gated(
    r"\b(?:since|in|last|until|till|from|before|after|by|early|late|mid|this|next)[^\S\n-]+"
    r"(january|february|march|april|june|july|august|september|october|november|december)\b"
)
# a year after another language's "in": "en 2017", "em 2019", "nel 2020", "im Jahr 2018"
_YEAR_IN = gated(
    r"(?<![\w])(?:en|em|nel|nell'anno|im|im[^\S\n]+Jahr|sinds|desde|depuis|seit|dal)"
    r"[^\S\n]+((?:19|20)\d\d)(?![\d])"
)


def _name_start(lex: Lexicon, text: str, start: int, name: str) -> int | None:
    """Where the name's own words begin, its opening ordinary words left out; None when no
    word is left or all are medical words ("Reduced Fertility")."""
    offset = 0
    words = name.split()
    while words and words[0] in _OPENERS:
        offset = name.index(words[0], offset) + len(words[0])
        words = words[1:]
    if not words or all(w.lower() in lex.medical for w in words):
        return None
    return start + len(name) - len(name[offset:].lstrip())


def setting_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 9's institutions, names, ages and dates (the module's docstring)."""
    for m in _SETTING.finditer(text):
        start = _name_start(lex, text, m.start(1), m.group(1))
        if start is None:
            continue
        words = text[start : m.end(1)].split()
        if m.group("church") and words[-1] in _PUBLIC:
            continue
        yield Span(start, m.end(), "institution")
    for m in _TEAM.finditer(text):
        if not all(lex.plain(w) for w in m.group(1).split()):
            yield Span(m.start(1), m.end(1), "institution")
    for m in _STATION.finditer(text):
        yield Span(m.start(), m.end(), "institution")
    for m in _FIRM.finditer(text):
        words = [w for w in re.findall(r"[^\W\d_]+", m.group(1)) if w != "and"]
        medical = any(w.lower() in lex.medical for w in words)
        if not medical and not all(lex.plain(w) for w in words):
            yield Span(m.start(1), m.end(1), "institution")
    for m in _SYSTEM.finditer(text):
        # "at Atrium Health Wake Forest ...": a system's name may be a medical word after a
        # preposition, two words after it and one of them of no medical meaning
        after = m.group(2).split() if m.group(2) else []
        named = len(after) >= 2 and any(w.lower() not in lex.medical for w in after) and bool(
            _AT.search(text, 0, m.start())
        )
        if m.group(1) and (m.group(1) in _OPENERS or (lex.plain(m.group(1)) and not named)):
            continue
        yield Span(m.start(), m.end(), "institution")
    for m in _HEAD_OPEN.finditer(text):
        words = (m.group("after") or m.group("before")).split()
        plain = all(lex.plain(w) or w in _OPENERS or len(w) < 3 for w in words)
        if m.group("sure") or not plain:
            yield Span(m.start(), m.end(), "institution")
    for m in _SURNAME_INITIAL.finditer(text):
        if not lex.plain(m.group(1)) and not lex.plain(m.group(2)):
            yield Span(m.start(), m.end(), "name")
    for m in _INITIAL.finditer(text):
        if not lex.plain(m.group(2)):
            yield Span(m.start(1), m.end(1), "name")
    for m in _KIN_NAME.finditer(text):
        group = 1 if m.group(1) else 2
        yield Span(m.start(group), m.end(group), "name")
    for m in _CENTRE_RU.finditer(text):
        yield Span(m.start(), m.end(), "institution")
    for m in _SELF_AR.finditer(text):
        yield Span(m.start(1), m.end(1), "name")
    for m in _HANDLE.finditer(text):
        yield Span(m.start(), m.end(), "id")
    if len(_HINGLISH.findall(text)) >= 2:
        for m in _BEFORE_MEIN.finditer(text):
            if not lex.plain(m.group(1)) and m.group(1) not in _OPENERS:
                yield Span(m.start(1), m.end(1), "place")
    for m in _HOME.finditer(text):
        group = 1 if m.group(1) else 2
        yield Span(m.start(group), m.end(group), "place")
    for m in _AGE_SEX.finditer(text):
        yield Span(m.start(1), m.end(), "age")
    for m in _TURN.finditer(text):
        yield Span(m.start(1), m.end(1), "age")
    for m in _CJK_DATE.finditer(text):
        yield Span(m.start(), m.end(), "date")
    for pattern in (_MONTH_LOWER, _YEAR_IN):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "date")
