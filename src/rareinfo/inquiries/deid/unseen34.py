"""Round 34's shapes. Institutions: a lower-case clinic by its ending after "seen at/at"
("at rainbow kids clinic"), a state's university after "at/go to/student at" ("at utah
state"), a children's hospital known by one short name after "at/to/from/in" ("at rady",
"to lurie", "at sick kids"), a sports club by its ending after "plays for/at" ("X FC",
"X Rovers"), an employer after "drives for/works for/job at" ("drives for FedEx"). Places:
a form field "Town:/City:/Suburb:/County:/Country:" ("Town: X"), a lower-case US state
code right after a place found and before the end ("in [place] or", "in [place] hi").
Dates: a Portuguese or Spanish month alone after "em/en" ("em abril"). Ages: an age
corrected ("sorry, I wrote 6 before"). A short children's hospital after 在 ("在X儿院").
Names: a Chinese given name between a kin word and an age ("我媽媽X 78歲"), a surname
after "surname/last name/family name is", even when it is a syndrome's ("our surname is
Edwards").

``clamp34`` takes back a single word found before an infection's or a disease's word or
abbreviation ("Fukuyama CMD", "Coxsackie myocarditis", "Hendra virus"), adds a town after
"in" and before ", [place]" even when a virus bears its name ("in Hendra, [place]"), and
reads "MS." after a place and a comma as a state, not the title "Ms." ("[place], MS. She
was ...") and "MS" after "with/has" as the disease ("diagnosed with MS"); "chop" as a
verb and "sick kids" as children who are ill are no hospital.

What stays: "at the clinic", "at our local eye clinic", "at walk in clinic", "plays for the
school team", "works for the council", "in or out", "hi everyone"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.unseen23 import US_STATE_NAMES
from rareinfo.inquiries.deid.unseen25 import CHINESE_NOT_NAME
from rareinfo.inquiries.deid.vocabulary import (
    CAP_LATIN,
    US_STATES,
    Lexicon,
    common_words,
    wordset,
)

_S = r"[^\S\n]+"
_W = r"[^\S\n]*"

# ---------------------------------------------------------------------------- institutions

_LOWER_CLINIC = gated(
    rf"\b(?:seen|treated|followed|goes|go|went)?{_W}\bat{_S}((?:[a-z][a-z'’]+{_S}){{2,3}}"
    r"(?:clinic|center|centre|hospital))\b"
)
NOT_CLINIC_WORDS = wordset(
    "the a an our my his her their your this that its it is was and or but of for with on in"
    " to at local walk urgent care private public same other another new old big small main"
    " general family day night eye ear community county city state"
    " university specialist specialty regional district rural nearest nearby closest"
    " different usual regular free sliding scale emergency outpatient inpatient student health"
    " genetics genetic metabolic neurology neuromuscular rehab rehabilitation therapy dental"
)
_STATE_SCHOOL = gated(
    rf"\b(?:at|go{_S}to|goes{_S}to|going{_S}to|student{_S}at|attend|attends|attending"
    rf"|studying{_S}at){_S}([a-z]+{_S}state)\b(?!{_S}(?:of|law|laws|line|lines|park|parks"
    r"|fair|police|troopers?|capitol|house|senate|prison|benefits?|insurance|medicaid))"
)
_SHORT_HOSPITALS = (
    rf"rady|lurie|nemours|mott|riley|lucile{_S}packard|alder{_S}hey|westmead|randwick|cchmc"
    rf"|(?:cincinnati|boston|texas|seattle|cook){_S}children['’]?s|starship|evelina|crumlin"
    rf"|temple{_S}street|great{_S}ormond{_S}street"
)
_SHORT_HOSPITAL = gated(
    rf"(?i)\b(?:at|to|from|in){_S}(?:the{_S})?({_SHORT_HOSPITALS})(?![\w'’-])"
)
# "sick kids", "chop" and "gosh" are everyday words in lower case ("given to sick kids")
_SHORT_HOSPITAL_CASED = gated(
    rf"\b(?:at|to|from|in){_S}(SickKids|Sick{_S}Kids|CHOP|GOSH)(?![\w'’-])"
    rf"|\bat{_S}(sick{_S}kids|gosh)\b"
)
_CLUB = gated(
    rf"\b(?:plays?|playing|played)\b[^.!?\n]{{0,30}}?\b(?:for|at){_S}"
    rf"((?:{CAP_LATIN}[a-z]+{_S}){{1,3}}(?:FC|AFC|SC|Rovers|Athletic|United))\b"
)
_EMPLOYER = gated(
    rf"\b(?:drives|drove|driving|works|worked|working|work){_S}(?:[a-z-]+{_S})?for{_S}"
    rf"({CAP_LATIN}[A-Za-z]+(?:{_S}{CAP_LATIN}[A-Za-z]+)?)\b"
    rf"|\bjob{_S}(?:at|with){_S}({CAP_LATIN}[A-Za-z]+(?:{_S}{CAP_LATIN}[A-Za-z]+)?)\b"
)
_NOT_EMPLOYERS = wordset(
    "The A An My Our His Her Their Your This That NHS Council State County City Army Navy"
    " Air Force Marines God Jesus Me Him Her Them Us Dad Mom Mum Free Years Months Weeks"
)

# ---------------------------------------------------------------------------- places, names

_FORM_TOWN = gated(
    rf"\b(?:Town|City|Suburb|County|Country){_W}:{_W}"
    rf"({CAP_LATIN}[\w\u00e0-\u024f'’-]+(?:{_S}{CAP_LATIN}[\w\u00e0-\u024f'’-]+){{0,2}})"
    r"(?=[^\S\n]*(?:\||\n|,|;|$))"
)
_LOWER_CODE = gated(rf"{_S}([a-z]{{2}})(?={_W}(?:[.!?]|$))", re.MULTILINE)
_MONTH_ALONE = gated(
    rf"\b(?:em|en|desde|no{_S}mês{_S}de|el{_S}mes{_S}de){_S}(janeiro|fevereiro|março|abril|maio"
    r"|junho|julho|agosto|setembro|outubro|novembro|dezembro|enero|febrero|marzo|mayo|junio"
    r"|julio|septiembre|setiembre|octubre|noviembre|diciembre)\b"
)
_CHILDRENS_HOSPITAL_SHORT = gated(r"在([\u4e00-\u9fff]{1,3}儿院)")
_IN_TOWN_COMMA = gated(rf"\bin{_S}({CAP_LATIN}[a-z]{{3,}}),{_S}$")
_AGE_CORRECTED = gated(
    rf"\b(?:sorry|oops|oh){_W},?{_S}I{_S}(?:wrote|said|put|typed|meant){_S}(\d{{1,2}})"
    rf"{_S}(?:before|earlier|above|by{_S}mistake)\b"
)
_CHINESE_KIN_GIVEN = gated(
    r"我(?:媽媽|妈妈|爸爸|女兒|女儿|兒子|儿子|母親|母亲|父親|父亲|老公|老婆|太太|先生|奶奶|爺爺|爷爷|外婆)"
    r"([\u4e00-\u9fff]{2})(?=[\d０-９]|[一二三四五六七八九十]+[歲岁])"
)
_CHINESE_NOT_GIVEN = wordset(
    "今年 去年 現在 现在 已經 已经 最近 一直 也是 快要 剛滿 刚满 才剛 才刚 大概 差不多"
)
_SURNAME = gated(
    rf"\b(?:surname|last{_S}name|family{_S}name|maiden{_S}name){_S}(?:is|was){_S}"
    rf"({CAP_LATIN}[a-z\u00e0-\u024f'’]+(?:-{CAP_LATIN}[a-z\u00e0-\u024f]+)?)\b"
)


def unseen34_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 34's institutions and places (the module's docstring)."""
    for m in _LOWER_CLINIC.finditer(text):
        words = m.group(1).split()[:-1]
        if words[-1] not in lex.medical and not any(
            w in NOT_CLINIC_WORDS or w in lex.ordinary_medical for w in words
        ):  # a rare word of a disease's name may open a clinic's ("maple leaf kids clinic")
            yield Span(m.start(1), m.end(1), "institution")  # "at rainbow kids clinic"
    for m in _STATE_SCHOOL.finditer(text):
        if m.group(1).split()[0] in US_STATE_NAMES:
            yield Span(m.start(1), m.end(1), "institution")  # "at utah state"
    for pattern in (_SHORT_HOSPITAL, _SHORT_HOSPITAL_CASED):
        for m in pattern.finditer(text):
            group = 1 if m.group(1) else 2
            yield Span(m.start(group), m.end(group), "institution")  # "at rady", "to SickKids"
    for m in _CLUB.finditer(text):
        if m.group(1).split()[0] not in _NOT_EMPLOYERS:
            yield Span(m.start(1), m.end(1), "institution")  # "plays for X FC"
    for m in _EMPLOYER.finditer(text):
        group = 1 if m.group(1) else 2
        first = m.group(group).split()[0]
        if first not in _NOT_EMPLOYERS and not lex.plain(first) and first not in lex.medical:
            yield Span(m.start(group), m.end(group), "institution")  # "drives for FedEx"
    for m in _AGE_CORRECTED.finditer(text):
        yield Span(m.start(1), m.end(1), "age")  # "she is 5, sorry, I wrote 6 before"
    for m in _MONTH_ALONE.finditer(text):
        yield Span(m.start(1), m.end(1), "date")  # "em abril", "en julio"
    for m in _CHILDRENS_HOSPITAL_SHORT.finditer(text):
        yield Span(m.start(1), m.end(1), "institution")  # "在X大儿院"
    for m in _CHINESE_KIN_GIVEN.finditer(text):
        if m.group(1) not in _CHINESE_NOT_GIVEN and not CHINESE_NOT_NAME.search(m.group(1)):
            yield Span(m.start(1), m.end(1), "name")  # "我媽媽X 78歲": a given name, then the age
    for m in _FORM_TOWN.finditer(text):
        if m.group(1) not in lex.medical:
            yield Span(m.start(1), m.end(1), "place")  # "Town: X"


def surname34_spans(text: str) -> Iterator[Span]:
    """A surname after "our surname is": it reads its own cue past protection, as a syndrome's
    eponym is also a family's name ("our surname is Edwards")."""
    for m in _SURNAME.finditer(text):
        if m.group(1).lower() not in ("the", "a", "an", "not", "also", "still", "on"):
            yield Span(m.start(1), m.end(1), "name")


def _codes_after(text: str, spans: list[Span]) -> Iterator[Span]:
    """A lower-case US state code right after a place found, before the end of a sentence
    ("in [place] or", "in [place] hi"); "or" and "hi" stay everywhere else. Earlier rounds
    take every lower-case "or"/"hi" back, so ``clamp34`` adds these after them."""
    for span in spans:
        if span.kind != "place":
            continue
        code = _LOWER_CODE.match(text, span.end)
        if code and code.group(1).upper() in US_STATES:
            yield Span(code.start(1), code.end(1), "place")


def _town_before_state(text: str, spans: list[Span]) -> Iterator[Span]:
    """A town after "in" and before ", [place]", even when a virus is named after it ("in
    Hendra, [place]"; "Hendra virus" stays): no ordinary word ("In addition, [place]")."""
    for span in spans:
        if span.kind != "place":
            continue
        town = _IN_TOWN_COMMA.search(text, max(0, span.start - 30), span.start)
        if (
            town
            and town.group(1).lower() not in common_words()
            and not _INFECTION_WORD.match(text, town.end(1))
        ):
            yield Span(town.start(1), town.end(1), "place")


# ---------------------------------------------------------------------------- taken back

_INFECTION_WORD = gated(
    rf"{_S}(?:virus|viruses|fever|myocarditis|encephalitis|meningitis|infection|vaccine"
    r"|CMD|MD|CMS|[a-z]+itis)\b"
)
_CHOP_VERB = gated(
    rf"{_S}(?:up|it|them|his|her|their|my|our|the|a|into|food|vegetables|meat)\b"
)
_DISEASE_CODE_BEFORE = gated(rf"\b(?:with|has|have|had|of|for|about|from){_S}$")
_MS_TITLE = gated(rf",{_W}MS\.{_S}$")


def clamp34(lex: Lexicon, text: str, spans: list[Span]) -> list[Span]:
    """``spans`` less what round 34 takes back (the module's docstring)."""
    kept: list[Span] = []
    for span in spans:
        piece = text[span.start : span.end]
        if (
            span.kind in ("name", "place", "institution")
            and " " not in piece
            and _INFECTION_WORD.match(text, span.end)
        ):
            continue  # "Fukuyama CMD", "Coxsackie myocarditis"
        if (
            span.kind == "name"
            and lex.plain(piece)
            and _MS_TITLE.search(text, max(0, span.start - 8), span.start)
            and any(s.kind == "place" and text[s.start : s.end] == "MS" for s in spans)
        ):
            continue  # "[place], MS. She was told": the state, not the title "Ms."
        if (
            span.kind == "place"
            and piece in ("MS", "MD")
            and _DISEASE_CODE_BEFORE.search(text, max(0, span.start - 8), span.start)
            and not _INFECTION_WORD.match(text, span.end)
            and text[span.end : span.end + 1] not in (",",)
        ):
            continue  # "diagnosed with MS last year": the disease, not the state
        if span.kind == "institution" and (
            (piece == "chop" and _CHOP_VERB.match(text, span.end))
            or (piece == "sick kids" and not text[: span.start].endswith(("at ", "from ")))
        ):
            continue  # "had to chop his food", "given to sick kids"
        kept.append(span)
    return kept + list(_codes_after(text, kept)) + list(_town_before_state(text, kept))
