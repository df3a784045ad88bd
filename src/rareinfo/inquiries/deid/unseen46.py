"""Round 46's shapes. Names: "I'm <Name>'s aunt", "<name>'s dad" after "again,", "<kin>,
<Name>." after "I'm <Name>'s mum", "it's <name> again", a name corrected after a dash ("Malcolm—
sorry, Marcus"), in Hindi ("... नहीं, <name>") and Yoruba ("... rárá, <Name>"), "<Name> is his
real name", "<Name> is our 2-year-old" at the head of a text, "<Given name> is now 14 months",
a given name between commas after a child ("Our 6-week-old, Ember, was"), an Akan honorific
opening a child's name ("My son Nana Kwame"), a Persian kin word and its name ("دختر من <name>"),
"ok <Name>, autocorrect"; every other mention of a name found here. Ages: "(almost 4)", a
number after "i'm <name>" ("i'm jinx (...) 22 w"), Tagalog "<number> na taon". Dates: a month
written in lower case with its day and year ("oct 3 2010"). Institutions: "<State> Scottish
Rite", "<Name> ... <Name>, a small charity". Places: a town in brackets after an institution
("(Rosewood Lodge, Malton)"), "the NSW one", a lower-case known town after "closer than", a
lower-case town and state after a correction ("wait no, logansport indiana"), a Latin-script
town after a Cyrillic preposition ("в Krakowie"), Amharic "የምንኖረው <town> ነው".

``clamp46`` keeps the words round 46 found lost: an ordinary verb after a kin word before
"it/them/testing" ("can his daughter carry it"), "Dear" before "colleague/Sir/Madam", "the VA"
before a verb, a Portuguese/Spanish modal verb at a question's head ("Posso engravidar?"), an
onset age "from age 6" after a medical word, an age limit "before they turn 18", "a Halloween
baby" (a holiday with no date)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.gazetteer import given_names, lower_cities
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.unseen44 import (
    CORRECTION_DOTS,
    NAME_WORD,
    NOT_A_NAME,
    STATE_CODES,
    STATE_NAMES,
)
from rareinfo.inquiries.deid.vocabulary import Lexicon, wordset

_S = r"[^\S\n]+"
_STATES_LOWER = STATE_NAMES.lower()
_LOWER_NAME = r"[a-z][a-z'-]{2,}"
_KIN = (
    r"mum|mom|mam|mother|dad|father|aunt|auntie|aunty|uncle|gran|grandma|granny|grandmother"
    r"|grandad|granddad|grandpa|grandfather|nan|nana|stepmum|stepmom|stepdad|godmother"
)
_NUMBER = (
    r"\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty"
)

# ---------------------------------------------------------------------------------- names

_KIN_OF = gated(
    rf"(?:\b(?:[Ii]['’]?m|[Ii]m|[Ii]\s+am|again,)\s+)({NAME_WORD}|{_LOWER_NAME})['’]s\s+(?:{_KIN})\b"
)
_KIN_THEN_NAME = gated(rf"['’]s\s+(?:{_KIN}),\s+({NAME_WORD})(?=[.!,]|\s+here\b)")
_AGAIN = gated(rf"\b(?:[Ii]t['’]?s|[Ii]ts|[Tt]his\s+is)\s+({NAME_WORD}|{_LOWER_NAME})\s+again\b")
_DASH_CORRECTED = gated(
    r"\b(?:son|daughter|child|baby|boy|girl|husband|wife|partner|brother|sister|grandson"
    r"|granddaughter|nephew|niece|[Ii]['’]m)\s+"
    rf"({NAME_WORD}){CORRECTION_DOTS}\s*(?:sorry|no|I\s+mean|oops),?\s+({NAME_WORD})\b"
)
_HINDI_CORRECTED = gated(
    r"(?:बेटी|बेटा|बेटे|पत्नी|पति|भाई|बहन|पोता|पोती|नाम)\s+"
    r"([\u0900-\u097f]+)\s*(?:\.\.\.|…)\s*(?:नहीं|नही),\s*([\u0900-\u097f]+)"
)
_YORUBA_CORRECTED = gated(
    rf"\b(?:[Ọọ]mọ(?:bìnrin|kùnrin)?\s+mi)\s+"
    rf"({NAME_WORD}[\u0300-\u036f]*)\s*(?:\.\.\.|…)\s*(?:rárá|Rárá|bẹ́ẹ̀kọ́),\s*"
    rf"({NAME_WORD}[\u0300-\u036f]*)"
)
_REAL_NAME = gated(rf"\b({NAME_WORD})\s+is\s+(?:his|her|my|their|our)\s+real\s+name\b")
_HEAD_AGE = gated(
    rf"^({NAME_WORD})\s+is\s+(?:our|my)\s+(?:{_NUMBER})-(?:year|month|week|day)-old\b"
)
_IS_NOW = gated(
    rf"(?:^|[.,;:!?]\s+)({NAME_WORD})\s+is\s+now\s+(?:{_NUMBER})\s+(?:months?|years?|weeks?)\b"
)
_CHILD_COMMA = gated(
    r"\b(?:\d{1,2}-(?:week|month|year|day)-old|starter|newborn|baby|pupil|toddler|little\s+one"
    rf"|grandson|granddaughter|nephew|niece),\s+({NAME_WORD}),\s+(?:is|was|has|had)\b"
)
_AKAN = gated(
    r"\b(?:son|daughter|grandson|granddaughter|nephew|niece|husband|brother|sister|boy|girl)\s+"
    rf"((?:Nana|Nii|Naa|Maame|Opanyin)\s+{NAME_WORD})\b"
)
_PERSIAN_KIN = gated(
    r"(?<![\u0600-\u06ff])(?:دختر|پسر|همسر|برادر|خواهر|نوه)\s+(?:من|ما)\s+([\u0600-\u06ff]{2,})"
    r"(?=\s+[۰-۹\d])"
)
_GERMAN_KIN = gated(
    r"\b(?:[Uu]nser|[Mm]ein|[Uu]nsere|[Mm]eine)\s+(?:Sohn|Tochter|Enkel|Enkelin|Mann|Frau"
    rf"|Bruder|Schwester)\s+({NAME_WORD})\s+(?:ist|hat|war|wurde|leidet|bekommt)\b"
)
_OK_AUTOCORRECT = gated(rf"\b(?:ok|okay|OK|Ok)\s+({NAME_WORD}),?\s+autocorrect")

# ----------------------------------------------------------------------------------- ages

_ALMOST = gated(
    r"\(\s*(?:almost|nearly|just|about|around|turning)\s+(\d{1,2}|one|two|three|four|five|six"
    r"|seven|eight|nine|ten|eleven|twelve)\s*\)"
)
_IM_AGE = gated(
    r"\bi['’]?m\s+[a-z]{3,}\b[^.?!\n\d]{0,40}?(?<!\bat)(?<!\bage)(?<!since)(?<!from)(?<!for)"
    r"(?<!\bin)(?<!\bof)(?<!\bby)\s(1[3-9]|[2-9]\d),?\s+(?=w\s|with\s|just\s|and\s|n\s|&\s)"
)
_TAGALOG_AGE = gated(
    r"\b((?:(?:isa|dalawa|tatlo|apat|lima|anim|pito|walo|siyam|sampu|labing-?[a-z]+|\d{1,2})"
    r"\s+na|isang|dalawang|tatlong|limang|pitong|walong|sampung)\s+taon(?:g\s+gulang)?)\b"
    r"(?!\s+na\s+ang\s+nakalipas|\s+ang\s+nakalipas|\s+nang\s+nakaraan)"
)

# ---------------------------------------------------------------------------------- dates

_LOWER_DATE = gated(
    r"\b((?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march"
    r"|april|june|july|august|september|october|november|december)\.?\s+\d{1,2}(?:st|nd|rd|th)?"
    r",?\s+(?:19|20)\d{2})\b"
)

# ---------------------------------------------------------------------------- institutions

_SCOTTISH_RITE = gated(
    rf"\b((?:{STATE_NAMES}|{NAME_WORD})\s+Scottish\s+Rite(?:\s+(?:Hospital|for\s+Children))*)"
)
_A_CHARITY = gated(
    rf"\b((?:{NAME_WORD}{_S}){{1,3}}{NAME_WORD}),\s+(?:a|an|our)\s+(?:(?:small|local|national"
    r"|registered|little|new|tiny|volunteer-run|parent-led)\s+)*(?:charity|nonprofit|non-profit"
    r"|foundation|support\s+group|organisation|organization|parent\s+group|patient\s+group)\b"
)

# --------------------------------------------------------------------------------- places

_AGE_AFTER_NAME = gated(
    r"(?:\s+is\s+(?:now\s+)?(\d{1,2})(?=\s+now\b|\s+(?:n|and|&)\s)|,?\s+\((\d{1,2})\))"
)
_BRACKET_TOWN = gated(rf",\s+({NAME_WORD}(?:\s+{NAME_WORD})?)\)")
_THE_CODE_ONE = gated(
    rf"\bthe\s+({STATE_CODES.upper()}|NSW|QLD|VIC|TAS|WA|SA|NT|ACT)\s+one\b"
)
_CLOSER_THAN = gated(r"\b(?:closer|nearer|further|farther)\s+(?:than|to)\s+([a-z]{4,})\b")
_CORRECTED_TOWN_STATE = gated(
    rf"\b(?:no|sorry|wait|mean),?\s+([a-z]{{4,}})\s+({_STATES_LOWER})\b"
)
_CYRILLIC_PREPOSITION = gated(rf"(?<![\w])(?:в|у|із|з|во)\s+({NAME_WORD})")
_AMHARIC_LIVE = gated(r"የም(?:ን)?ኖረው\s+(?:በ)?([\u1200-\u137f]{2,})\s+ነው")


def unseen46_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 46's ages, dates, institutions and places (the module's docstring)."""
    for pattern in (_ALMOST, _IM_AGE, _TAGALOG_AGE):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "age")  # "(almost 4)", "siyam na taon"
    for m in _LOWER_DATE.finditer(text):
        yield Span(m.start(1), m.end(1), "date")  # "oct 3 2010"
    for m in _SCOTTISH_RITE.finditer(text):
        if m.group(1).split()[0] not in NOT_A_NAME:
            yield Span(m.start(1), m.end(1), "institution")  # "Texas Scottish Rite"
    for m in _A_CHARITY.finditer(text):
        words = m.group(1).split()
        if words[0] in NOT_A_NAME or any(
            (w.lower() in lex.medical and w.lower() not in lex.ordinary_medical)
            or (w in lex.eponyms and w.lower() not in lex.medical)
            for w in words
        ):
            continue  # "the Cystic Fibrosis Trust": a charity named by its disease
        if all(lex.plain(w) for w in words):
            continue  # "Rare Together, a support group": ordinary words name no one
        yield Span(m.start(1), m.end(1), "institution")  # "Rare Roots Ohio, a small charity"
    for m in _THE_CODE_ONE.finditer(text):
        yield Span(m.start(1), m.end(1), "place")  # "not the NSW one"
    for m in _CYRILLIC_PREPOSITION.finditer(text):
        if not lex.plain(m.group(1)) and m.group(1) not in NOT_A_NAME:
            yield Span(m.start(1), m.end(1), "place")  # "в Krakowie"
    for m in _AMHARIC_LIVE.finditer(text):
        yield Span(m.start(1), m.end(1), "place")  # "የምንኖረው ሶዶ ነው"


def _named(lex: Lexicon, word: str) -> bool:
    return word not in NOT_A_NAME and (
        word.capitalize() in given_names() or not lex.plain(word)
    )


def surname46_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 46's names and lower-case places by their cue, past the protection of ordinary
    and medical words ("pax's dad", "Major is his real name", "closer than lexington")."""
    for pattern in (_KIN_OF, _AGAIN, _OK_AUTOCORRECT, _CHILD_COMMA):
        for m in pattern.finditer(text):
            if _named(lex, m.group(1)) and (
                pattern is not _CHILD_COMMA or m.group(1).lower() not in lex.medical
            ):
                yield Span(m.start(1), m.end(1), "name")  # "I'm Xiadani's aunt"
    for m in _GERMAN_KIN.finditer(text):
        if m.group(1) not in NOT_A_NAME:
            yield Span(m.start(1), m.end(1), "name")  # "unser Sohn Anton ist": past eponyms
    for pattern in (_KIN_THEN_NAME, _REAL_NAME, _HEAD_AGE, _IS_NOW, _AKAN):
        for m in pattern.finditer(text):
            word = m.group(1)
            first = word.split()[0]
            if first in NOT_A_NAME:
                continue
            if pattern is _IS_NOW and first not in given_names() and lex.plain(first) and not (
                m.group().startswith(",") and text.startswith(" old", m.end())
            ):
                continue  # "Treatment is now 2 months overdue"
            if pattern in (_KIN_THEN_NAME, _AKAN) and (
                word.lower() in lex.medical and first not in given_names()
            ):
                continue  # "his mum, Wilson."
            yield Span(m.start(1), m.end(1), "name")  # "Major is his real name"
    for pattern in (_DASH_CORRECTED, _YORUBA_CORRECTED):
        for m in pattern.finditer(text):
            if all(_named(lex, m.group(g)) for g in (1, 2)):
                for group in (1, 2):
                    yield Span(m.start(group), m.end(group), "name")  # "Malcolm— sorry, Marcus"
    for m in _HINDI_CORRECTED.finditer(text):
        for group in (1, 2):
            yield Span(m.start(group), m.end(group), "name")  # "स्वाति... नहीं, सुरभि"
    for m in _PERSIAN_KIN.finditer(text):
        yield Span(m.start(1), m.end(1), "name")  # "دختر من ترانه ۷ ساله"
    for m in _CLOSER_THAN.finditer(text):
        if m.group(1) in lower_cities() and not lex.plain(m.group(1)):
            yield Span(m.start(1), m.end(1), "place")  # "closer than lexington"
    for m in _CORRECTED_TOWN_STATE.finditer(text):
        town = m.group(1)
        if town in lower_cities() or not lex.plain(town):
            yield Span(m.start(1), m.end(1), "place")  # "wait no, logansport indiana"
            yield Span(m.start(2), m.end(2), "place")


def _every_mention(text: str, names: list[Span]) -> Iterator[Span]:
    """Every other mention of a name found by this round's cues ("Major ... Major")."""
    for word in {text[s.start : s.end] for s in names if s.end - s.start >= 3}:
        if " " in word:
            continue
        for m in re.finditer(rf"(?<![\w]){re.escape(word)}(?![\w])", text):
            yield Span(m.start(), m.end(), "name")


# ---------------------------------------------------------------------------------- clamp

_KIN_BEFORE = gated(
    r"\b(?:father|mother|dad|mum|mom|brothers?|sisters?|husband|wife|sons?|daughters?|uncle"
    r"|aunt|children|kids|grandchildren|siblings|parents|cousins?)\s+$"
)
_OBJECT_AFTER = gated(r"^\s+(?:it|them|this|that|testing|tested|screening|the\s+gene)\b")
_DEAR_AFTER = gated(r"^\s+(?:colleague|colleagues|Sir|sir|Madam|madam|Doctor|doctor|team|all)\b")
_THE_BEFORE = gated(r"\bthe\s+$")
_VERB_AFTER = gated(
    r"^\s+(?:says|said|say|told|tells|covers?|pays?|paid|denied|approved|won['’]t)\b"
)
_MODALS = wordset(
    "Posso Pode Podem Podemos Puedo Puede Pueden Devo Deve Debo Debe Preciso Necesito"
    " Quero Quiero"
)
_INFINITIVE_AFTER = gated(r"^\s+[a-zà-ú]+r(?:-(?:se|me|lo|la))?\b")
_NOTED_AT = gated(
    r"\b(?:noted|noticed|detected|first\s+seen|started|began|appeared)\s+at\s+(?:age\s+)?$"
)
_ONSET_FROM = gated(r"\b([a-z]+)\s+from\s+age\s+$")
_TURN_BEFORE = gated(
    r"\b(?:before|until|till|once|when)\s+(?:they|he|she|you|we|kids|children|the\s+kids)\s+"
    r"turns?\s+$"
)
_HOLIDAY = gated(r"^(?:Halloween|Christmas|Easter|Thanksgiving|Valentine['’]s|New\s+Year['’]s)$")
_A_BEFORE = gated(r"\ba\s+$")
_BABY_AFTER = gated(r"^\s+(?:baby|babies|birthday)\b")
_GENE_WORD = gated(r"^(?:[A-Z][A-Z0-9]{2,9}|and|or|&)$")
_GENE_AFTER = gated(
    r"^\s+(?:testing|test|tests|genes?|variants?|mutations?|panel|sequencing|analysis)\b"
)
_NO_BEFORE = gated(r"\bno\s+$")
_SPANISH_INFINITIVE = gated(r"^\s+[a-zá-úñ]+(?:r|rnos|rlo|rla|rle|rme|rte|rse|rles)\b")
_NEGATIONS = wordset("نہیں نہ नहीं नही")
_NEGATED_PLACES = gated(r"\s(?:نہیں|نہ|नहीं|नही)[،,]\s")


def clamp46(lex: Lexicon, text: str, spans: list[Span]) -> list[Span]:
    """``spans`` less the words round 46 keeps (the module's docstring), plus round 46's
    names and places read by their cue."""
    found = list(surname46_spans(lex, text))
    found += list(_every_mention(text, [s for s in found if s.kind == "name"]))
    for span in spans:  # "(Rosewood Lodge, Malton)": the town after the institution
        if span.kind == "institution":
            m = _BRACKET_TOWN.match(text, span.end)
            if m and "(" in text[max(0, span.start - 2) : span.start] and not lex.plain(
                m.group(1).split()[0]
            ):
                found.append(Span(m.start(1), m.end(1), "place"))
    for name in [s for s in found if s.kind == "name"]:
        m = _AGE_AFTER_NAME.match(text, name.end)
        if m:
            group = 1 if m.group(1) else 2
            found.append(Span(m.start(group), m.end(group), "age"))  # "pax is 3 now"
    found = [  # "in Leeds... sorry, Bradford": a corrected place stays a place
        f
        for f in found
        if not any(s.kind != f.kind and s.start <= f.start and f.end <= s.end for s in spans)
    ]
    kept: list[Span] = []
    for span in [*spans, *found]:
        piece = text[span.start : span.end]
        before = text[max(0, span.start - 60) : span.start]
        after = text[span.end : span.end + 60]
        if (
            span.kind == "name"
            and piece.islower()
            and piece.capitalize() not in given_names()
            and _KIN_BEFORE.search(before)
            and _OBJECT_AFTER.match(after)
        ):
            continue  # "can his daughter carry it"
        if piece == "Dear" and _DEAR_AFTER.match(after):
            continue  # "Dear colleague"
        if piece == "VA" and _THE_BEFORE.search(before) and _VERB_AFTER.match(after):
            continue  # "the VA says": the payer
        if span.kind in ("name", "place") and piece in _MODALS and _INFINITIVE_AFTER.match(
            after
        ):
            continue  # "Posso engravidar?"
        if span.kind == "age" and _NOTED_AT.search(before):
            continue  # "hypotonia was noted at 3 months": an onset age
        if span.kind == "age" and piece.isdigit():
            onset = _ONSET_FROM.search(before)
            if onset and onset.group(1) in lex.medical:
                continue  # "diabetes from age 6": an onset age
            if piece in ("16", "18", "21") and _TURN_BEFORE.search(before):
                continue  # "tested before they turn 18": an age limit
        if span.kind == "date" and _HOLIDAY.match(piece) and _A_BEFORE.search(before) and (
            _BABY_AFTER.match(after)
        ):
            continue  # "a Halloween baby"
        if span.kind != "date" and " " in piece and _GENE_AFTER.match(after) and all(
            _GENE_WORD.match(w) for w in piece.split()
        ):
            continue  # "samples for MPV17 and POLG testing"
        if span.kind == "name" and " " not in piece and sum(c.isupper() for c in piece) >= 3 and (
            not piece.isupper()
        ):
            continue  # "(also called SeSAME)": an acronym in mixed case
        if (
            span.kind == "place"
            and piece.islower()
            and " " not in piece
            and _NO_BEFORE.search(before)
            and _SPANISH_INFINITIVE.match(after)
        ):
            continue  # "no saben decirnos": a verb
        if span.kind == "age" and piece.startswith("ọmọ "):
            span = Span(span.start + 4, span.end, span.kind, span.strong)  # "ọmọ ọdún méje"
        if span.kind == "place" and piece in _NEGATIONS:
            continue  # "پشاور نہیں، مردان": the negation between two places
        negation = _NEGATED_PLACES.search(piece) if span.kind == "place" else None
        if negation:  # "پشاور نہیں، مردان": two places, the negation stays
            kept.append(Span(span.start, span.start + negation.start(), "place", span.strong))
            span = Span(span.start + negation.end(), span.end, "place", span.strong)
        kept.append(span)
    return kept
