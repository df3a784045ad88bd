"""Shapes of the other Latin-script languages questions come in (Polish, Turkish, Dutch and
Afrikaans, Swahili, Tagalog, Vietnamese, Indonesian): ages with their units, dates with
their months, hospitals and schools by their head word, places by their case endings,
Indian addresses' sectors and short given names ("Ma.", "Md."); and the bare ages an aside
leaves ("..., DOB 3/4/1941, 84,", "about 8,")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.gazetteer import cities
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.vocabulary import (
    CAP_WIDE,
    Lexicon,
    wordset,
)

# capital letters of the Latin, Greek and Cyrillic scripts and of Vietnamese ("Đ", "Ồ")
_CAP = CAP_WIDE
_WORD = r"[^\W_]+(?:['’-][^\W_]+)*"
_NAME = rf"{_CAP}[^\W_]*(?:[-.][^\W_]+)*"

# ---------------------------------------------------------------------------- ages

_AGE_UNIT = gated(
    r"(?i)(?<![\w.,])(?<!od )(?<!przez )(?<!za )\d{1,3}\s*(?:miesięcy|miesiące|miesiąc|miesiecy"
    r"|tygodni|yaşında(?:ki|yım|dır)?|yaşımda|aylık|tháng\s+tuổi|tuổi"
    r"|(?:na\s+)?(?:taon|buwan)g?\s+gulang)(?!\w)(?!\s+temu)"
)
_SW_NUMBER = (
    r"(?:\d{1,3}|mmoja|miwili|mitatu|minne|mitano|sita|saba|minane|tisa|kumi|ishirini|thelathini"
    r"|arobaini|hamsini|sitini|sabini|themanini|tisini)"
)
# Swahili "ana miaka mitano", "umri wa miaka 7" (not "kwa miaka", for years; not "iliyopita")
_AGE_SW = gated(
    rf"(?i)(?<!kwa )\bmiaka\s+{_SW_NUMBER}(?:\s+na\s+{_SW_NUMBER})?\b(?!\s+iliyopita)"
)
_TL_NUMBER = r"(?:isa|dalawa|tatlo|apat|lima|anim|pito|walo|siyam|sampu)"
# Tagalog "apat na taong gulang", "dalawang buwang gulang"
_AGE_TL = gated(rf"(?i)\b{_TL_NUMBER}(?:ng\s+|\s+na\s+)(?:taon|buwan)g?\s+gulang\b")
# A bare age after a date of birth: "my mother, Ann Lee, DOB 3/4/1941, 84, Medicare".
_AGE_AFTER_DOB = gated(
    r"(?i)\b(?:DOB|D\.O\.B\.?|born|date\s+of\s+birth)[:\s]+[^,;()\n]{4,30}?,\s*(\d{1,3})\s*(?=[,;.)])"
)
# "about 8," after a name: "one of our girls, Ama, about 8, has ..."
_AGE_ABOUT = gated(
    r",\s*(?:about|around|approx\.?|approximately|roughly|nearly|almost)\s+(\d{1,3})\s*(?=[,;)])"
)
# German, Dutch: the age at a diagnosis, "mit 31 die Diagnose", "met 40 gediagnosticeerd"
_AGE_DIAGNOSIS = gated(
    r"(?i)\b(?:mit|met)\s+(\d{1,2})(?:\s+(?:Jahren|jaar))?\s+(?:die\s+Diagnose|de\s+diagnose"
    r"|diagnostiziert|gediagnosticeerd)"
)
# A kin word, an aside, then the age: "my nephew back home (3)", "my sister-in-law here (52)"
_AGE_KIN_ASIDE = gated(
    r"(?i)\b(?:my|our|his|her|their)\s+(\w+)\s+(?:back\s+home|back\s+in\s+\w+|abroad|here"
    r"|there|too|also|at\s+home)\s*\(\s*(\d{1,3})\s*\)"
)
# "(turns 6 in May)": the age a child will reach
_AGE_TURNS = gated(r"(?i)\(\s*(?:turns|will\s+be)\s+(\d{1,2})\b")

# ---------------------------------------------------------------------------- dates

_MONTHS = (
    r"januari|februari|maart|mei|augustus|oktober|stycznia|lutego|marca|kwietnia|maja"
    r"|czerwca|lipca|sierpnia|września|października|listopada|grudnia|styczniu|lutym|marcu"
    r"|kwietniu|maju|czerwcu|lipcu|sierpniu|wrześniu|październiku|listopadzie|grudniu|ocak"
    r"|şubat|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık|januari|februari"
    r"|machi|aprili|juni|julai|agosti|septemba|oktoba|novemba|desemba|enero|pebrero|marso"
    r"|abril|mayo|hunyo|hulyo|agosto|setyembre|oktubre|nobyembre|disyembre"
)
_DATE = gated(
    rf"(?i)\b(?:\d{{1,2}}\.?\s+)?(?:{_MONTHS})\s+(?:19|20)\d\d\b(?:\s+r\.)?"
    rf"|\b\d{{1,2}}\.?\s+(?:{_MONTHS})\b"
    # Vietnamese "ngày 2 tháng 3 năm 2021", "tháng 5/2024"
    r"|\b(?:ngày\s+\d{1,2}\s+)?tháng\s+\d{1,2}(?:\s+năm\s+|/)(?:19|20)\d\d\b"
)
# the year of an event in the other languages: "nel 2019", "sinds 2020", "w 2018 r.", "2019'da"
_YEAR = gated(
    r"(?i)\b(?:nel|nell['’]anno|sinds|seit|depuis|desde|w|we|od|im\s+Jahr|noong|năm|tahun"
    r"|mwaka\s+wa|mwaka)\s+((?:19|20)\d\d)\b(?:\s+r\.)?"
    r"|\b((?:19|20)\d\d)(?:['’](?:de|da|te|ta|den|dan)|\s+yılında)\b"
)

# ---------------------------------------------------------------------------- institutions

# heads that close a name: "Wilhelmina Kinderziekenhuis", "Tygerberg Hospitaal",
# "Dokuz Eylül Üniversitesi Hastanesi'nde", "Barwell & Finch Solicitors"
_HEAD_LAST = (
    r"(?:Kinder)?[Zz]iekenhuis|Hospitaal|Krankenhaus|Kinderklinik|Kinderspital|Spital"
    r"|Hastanesi|Hastanesinde|Üniversitesi|Kliniği|Solicitors|Attorneys|Barristers"
    r"|Accountants|Home\s+for\s+(?:the\s+)?(?:Children|Aged|Elderly|Girls|Boys)"
)
_HEAD_LAST_RE = gated(
    rf"((?:{_NAME}(?:\s+&)?\s+){{1,5}})(?:{_HEAD_LAST})(?=['’\s.,;:!?)]|$)"
    # German: the name after the head, "Kinderklinik am Rosenhang"
    rf"|\b(?:Kinderklinik|Klinik|Krankenhaus|Klinikum|Spital)\s+(?:am|an\s+der|im|der|des)"
    rf"\s+{_NAME}(?:\s+{_NAME})?"
)
# heads that open one: "Szpitalu Uniwersyteckim w Krakowie", "Bệnh viện Nhi Đồng 1",
# "Shule ya Msingi Kilimani", "Rumah Sakit Harapan Kita", "Ospital ng Maynila"
_HEAD_FIRST = gated(
    r"\b(?:Szpital(?:u|a|em)?|Klinik[ai]|Klinice|Instytut(?:u|cie)?|Uniwersytet(?:u|cie)?"
    r"|[Bb]ệnh\s+[Vv]iện|Trường|Đại\s+[Hh]ọc|Trung\s+[Tt]âm|Shule|Hospitali|Zahanati"
    r"|Chuo\s+Kikuu|Rumah\s+Sakit|RSUP|RSUD|RSIA|Puskesmas|Ospital|Pagamutan)"
    rf"(?:\s+(?:ya|ng|im\.|dr\.|Dr\.|w|we))?(?:\s+(?:{_NAME}|\d{{1,3}}))+"
    rf"(?:\s+(?:w|we|ya|ng|im\.)\s+{_NAME}(?:\s+{_NAME})?)?"
)
# "I run Holy Rosary Home": a home, a hostel or a shelter someone runs or lives in
# Italian: a hospital by its founder's name, "al Besta di Milano", "al Gaslini di Genova"
_AL_X_DI = gated(rf"\b(?:al|allo|presso\s+il)\s+({_NAME})\s+di\s+(?={_CAP})")
# an acronym before its town: "im LKH Graz", "no HC Campinas", "at UHW Cardiff"
_ACRONYM_TOWN = gated(rf"\b(?:im|am|ins|no|na|al|at|in\s+the)\s+([A-Z]{{2,5}})\s+({_NAME})")

# ---------------------------------------------------------------------------- places

_COUNTRY_SUFFIX = gated(
    rf"({_NAME})['’](?:de|da|te|ta|den|dan|ten|tan|deki|daki|teki|taki)\b"
)
_TURKISH = gated(r"[ğşıİ]|\b(?:ve|bir|için|değil|yok|musunuz|mısınız)\b")
_POLISH_PLACE = gated(
    rf"\b(?:w|we|z|ze|do)\s+({_CAP}[^\W_]*(?:ie|iu|u|y|a|ach|owie|icach|cach|ce))\b"
)
_POLISH = gated(r"(?i)[ąęłśżźćń]|\b(?:jest|się|nie|mój|moja|mamy|czy)\b")
_TL_PLACE = gated(rf"\b[Tt]aga[- ]({_NAME}(?:\s+{_NAME})?)")
_VI_PLACE = gated(
    rf"\bTP(?:\.\s?|\s)(?:HCM\b|{_NAME}(?:\s+{_NAME}){{0,3}})|\b(?:[Tt]ỉnh|[Tt]hành\s+phố|[Qq]uận"
    rf"|[Hh]uyện)\s+{_NAME}(?:\s+{_NAME}){{0,2}}|\b(?:Hà\s+Nội|Sài\s+Gòn|Đà\s+Nẵng|Huế)\b"
)


_SPACE = gated(r"\s+")


def _opens_sentence(text: str, pos: int) -> bool:
    before = text[max(0, pos - 4) : pos].rstrip(" \t\"'“(")
    return not before or before[-1] in ".!?:\n"

# Indian addresses: "Sector 19", with the house before it ("B-42, Sector 19", "H.No. 22, ...")
_SECTOR = gated(
    r"(?:\b(?:[A-Z]{1,2}-\d{1,4}[A-Z]?|H\.\s?No\.\s?\d{1,4}[A-Z]?),\s*)?\bSector[- ]\d{1,3}[A-Z]?\b"
)
# Given names written short before the rest of the name: "Ma. Luisa Reyes", "Md. Rafiqul"
_SHORT_GIVEN = gated(rf"\b(?:Ma\.|Mª|Md\.|Mohd\.?|Muhd\.?)\s+{_NAME}")


def abroad_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Ages, dates, institutions and places of the other languages' shapes."""
    for pattern in (_AGE_UNIT, _AGE_SW, _AGE_TL, _DATE):
        kind = "date" if pattern is _DATE else "age"
        for m in pattern.finditer(text):
            yield Span(m.start(), m.end(), kind)
    for pattern in (_AGE_AFTER_DOB, _AGE_DIAGNOSIS, _AGE_TURNS):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "age")
    for m in _AGE_ABOUT.finditer(text):
        before = re.search(r"([^\W_]+)\W*$", text[max(0, m.start() - 30) : m.start()])
        word = before.group(1) if before else ""
        if word[:1].isupper() or word.lower() in _KIN_WORDS:  # a name or a kin word
            yield Span(m.start(1), m.end(1), "age")
    for m in _AGE_KIN_ASIDE.finditer(text):
        if m.group(1).lower() in _KIN_WORDS:
            yield Span(m.start(2), m.end(2), "age")
    for m in _YEAR.finditer(text):
        group = 1 if m.group(1) else 2
        yield Span(m.start(group), m.end(group), "date")
    for m in _SHORT_GIVEN.finditer(text):
        yield Span(m.start(), m.end(), "name")
    yield from _institutions(lex, text)
    yield from _places(lex, text)


_KIN_WORDS = wordset(
    "son daughter nephew niece brother sister mother father mum mom dad cousin aunt uncle "
    "grandson granddaughter grandmother grandfather grandma grandpa husband wife"
)


def _institutions(lex: Lexicon, text: str) -> Iterator[Span]:
    for m in _HEAD_LAST_RE.finditer(text):
        start = m.start()
        if m.group(1):
            first = re.match(_WORD, m.group(1))
            # a sentence's first word that is an ordinary word opens no name ("Die", "In")
            if first and _opens_sentence(text, start) and lex.plain(first.group()):
                start = _SPACE.search(text, start + first.end()).end()  # type: ignore[union-attr]
            if start >= m.start() + len(m.group(1)):
                continue
        yield Span(start, m.end(), "institution")
    for m in _HEAD_FIRST.finditer(text):
        yield Span(m.start(), m.end(), "institution")
    for m in _AL_X_DI.finditer(text):
        if not lex.plain(m.group(1)):
            yield Span(m.start(1), m.end(1), "institution")
    for m in _ACRONYM_TOWN.finditer(text):
        if m.group(1).lower() not in lex.medical and cities().get(m.group(2)):
            yield Span(m.start(1), m.end(2), "institution")


def _places(lex: Lexicon, text: str) -> Iterator[Span]:
    if _TURKISH.search(text):
        for m in _COUNTRY_SUFFIX.finditer(text):
            if not lex.plain(m.group(1)):
                yield Span(m.start(1), m.end(1), "place")
    if _POLISH.search(text):
        for m in _POLISH_PLACE.finditer(text):
            if not lex.plain(m.group(1)):
                yield Span(m.start(1), m.end(1), "place")
    for pattern in (_TL_PLACE, _VI_PLACE, _SECTOR):
        for m in pattern.finditer(text):
            group = 1 if pattern.groups else 0
            yield Span(m.start(group), m.end(group), "place")
