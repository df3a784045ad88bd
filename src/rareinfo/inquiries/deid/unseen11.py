"""Round 11's shapes, for what was neither removed nor flagged: a chat speaker's handle
joined by an underscore after a timestamp ("[10:01] river_mum: ...", and every time it
comes back); an age one gives of oneself ("i'm 27f", "ich bin 45 und", "... here (19)"), of
one's kin in Spanish ("mi hermana de 34 tiene"), with its unit before a diagnosis or after
an operation ("at 3 weeks was diagnosed", "had a Kasai procedure at 7 weeks"; onset ages
stay), before Tamil "age" or Amharic "years" ("70 வயது", "6 ዓመቷ"); institutions by a
certain shape: a government department ("Free State Department of Health"), a church named
with "the" ("Christ the King Catholic Church"), a hospital's wing ("at Rosie Wing"), a care home in
brackets or after "called" ("a care home (Larkfield Court, ...)"), a home-care agency by its
tail ("Sunrise Valley Homecare"); a name
or an age after a cue in other languages ("Mio figlio Marco,", "میرا نام ... ہے", "عمرها ...",
Hausa "shekaru ...", "... 사는 NAME입니다", "...に住んでいるNAMEです")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.vocabulary import Lexicon, common_words, foreign_words

_S = r"[^\S\n]+"
_NAME = r"[A-Z][a-z]+(?:[-'’][A-Za-z]+)*"

# a chat speaker's handle with an underscore after a timestamp: "[14:02] river_mum: hi"
_SPEAKER = gated(
    r"^[^\S\n]*\[\d{1,2}:\d{2}(?::\d{2})?\][^\S\n]*([A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+):",
    re.MULTILINE,
)
# an age one gives of oneself or one's kin, or with its unit before a diagnosis or operation
_AGE = gated(
    r"\b(?:[Ii]'?m|[Ii][^\S\n]+am)[^\S\n]+(\d{1,2})(?=[fFmM]\b|[^\S\n]*(?:yo|y/o)\b)"
    r"|\b[Ii]ch[^\S\n]+bin[^\S\n]+(\d{1,2})(?=[^\S\n]*(?:und\b|Jahre\b|[,.;!?]))"
    rf"|\bhere{_S}?\((\d{{1,2}})\)"
    r"|\b(?:mi|Mi|su|Su)[^\S\n]+(?:tío|tía|hijo|hija|padre|madre|abuelo|abuela|hermano|hermana"
    r"|sobrino|sobrina|esposo|esposa|marido|primo|prima)[^\S\n]+de[^\S\n]+(\d{1,2})"
    r"(?=[^\S\n]+(?:años\b|tiene\b|y\b|está\b|es\b)|[,.;])"
    r"|\bat[^\S\n]+(\d{1,2}[^\S\n]+(?:days?|weeks?|months?|years?))(?:[^\S\n]+old)?"
    r"(?=[^\S\n]+(?:(?:he|she|they|I)[^\S\n]+)?(?:was|were|got)[^\S\n]+diagnosed\b)"
    r"|\b(?:had|underwent)[^\S\n]+(?:a|an|his|her|their)(?:[^\S\n]+[A-Za-z-]+){0,2}"
    r"[^\S\n]+(?:[a-z]+(?:tomy|plasty)|surgery|operation|procedure|transplant|repair)"
    r"[^\S\n]+at[^\S\n]+(\d{1,2}[^\S\n]+(?:days|weeks|months))\b"
    r"|(?<![\d.,])(\d{1,3}[^\S\n]*வயது)"
    r"|(?<![\d.,])(\d{1,3}[^\S\n]*ዓመ[\u1200-\u137f]*)"
)
# a name or an age after a cue in other languages: "Mio figlio Marco,", "मेरी बेटी ... 5",
# Urdu "میرا نام ... ہے" and "عمر ... سال", Arabic "عمرها ...", Hausa "shekaru ...", Korean
# "... 사는 NAME입니다", Japanese "...に住んでいるNAMEです"
_KIN = gated(
    rf"\b(?:[Mm]io{_S}(?:figlio|nipote|fratello|marito)|[Mm]ia{_S}(?:figlia|nipote|sorella|moglie)"
    rf"|[Mm]i{_S}(?:hijo|hija|nieto|nieta)|[Mm]eu{_S}(?:filho|neto)|[Mm]inha{_S}(?:filha|neta))"
    rf"{_S}({_NAME})(?=[,;]|{_S}(?:di|de|tiene|ha|tem|\d))"
)
_CUE = gated(
    r"(?:मेरी[^\S\n]+(?:बेटी|बहन|पोती)|मेरा[^\S\n]+(?:बेटा|भाई|पोता))[^\S\n]+([\u0900-\u097f]+)"
    r"(?=[^\S\n]*(?:\d|,))"
    r"|میرا\s+نام\s+([\u0621-\u06ff]+(?:\s+[\u0621-\u06ff]+)?)\s+ہے"
    r"|(?<![\u0600-\u06ff])عمر\s+([\u0621-\u06ff\d]+\s+سال)"
    r"|(?:عمره|عمرها)\s+([\u0621-\u064a\d]+(?:\s+(?:سنة|سنوات|أشهر|شهور|أعوام))?)"
    r"|\bshekaru[^\S\n]+((?:daya|biyu|uku|hu[dɗ]u|biyar|shida|bakwai|takwas|tara|goma|\d+))\b"
    r"|사는[^\S\n]+([가-힣]{2,4})입니다"
    r"|住んでいる([\u4e00-\u9fff]{2,4})です"
)
_CUE_KINDS = ("name", "name", "age", "age", "age", "name", "name")
# institutions by a certain shape
_DEPARTMENT = gated(
    rf"\b((?:{_NAME}{_S}){{1,3}})Department{_S}of(?:{_S}(?:and{_S})?{_NAME}){{1,4}}"
)
_CHURCH = gated(
    rf"\b{_NAME}{_S}the{_S}(?:{_NAME}{_S}){{1,3}}(?:Church|Chapel|Cathedral|Parish)\b"
)
# a care home's name in brackets or after "called", a home-care agency by its tail
_CARE = gated(
    rf"\bcare{_S}home(?:[^\S\n]*\(|,?{_S}called{_S})"
    rf"({_NAME}(?:{_S}{_NAME})?{_S}(?:House|Lodge|Court|Manor|Grange|Hall|Gardens))\b"
    rf"|\b((?:{_NAME}{_S}){{1,3}}(?:Homecare|Home{_S}Care))\b"
)
_WING = gated(rf"\bat{_S}({_NAME}{_S}Wing)\b")


def unseen11_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 11's handles, ages and institutions (the module's docstring)."""
    handles = {m.group(1) for m in _SPEAKER.finditer(text)}
    for handle in handles:
        for m in re.finditer(rf"(?<![\w@]){re.escape(handle)}(?!\w)", text):
            yield Span(m.start(), m.end(), "id")
    for m in _AGE.finditer(text):
        group = next(i for i in range(1, 9) if m.group(i))
        yield Span(m.start(group), m.end(group), "age")
    for m in _KIN.finditer(text):
        low = m.group(1).lower()
        if low not in common_words() and low not in foreign_words() and low not in lex.medical:
            yield Span(m.start(1), m.end(1), "name")
    for m in _CUE.finditer(text):
        group = next(i for i in range(1, 8) if m.group(i))
        yield Span(m.start(group), m.end(group), _CUE_KINDS[group - 1])
    for m in _DEPARTMENT.finditer(text):
        words = m.group(1).split()
        # "the Health Department of ...": one ordinary or medical word alone opens none
        low = words[0].lower()
        if len(words) == 1 and (low in common_words() or low in lex.medical):
            continue
        yield Span(m.start(), m.end(), "institution")
    for m in _CHURCH.finditer(text):
        yield Span(m.start(), m.end(), "institution")
    for m in _CARE.finditer(text):
        group = 1 if m.group(1) else 2
        words = m.group(group).split()
        if words[0] in ("The", "Our", "My", "Your", "A", "In", "At", "From", "With"):
            continue
        yield Span(m.start(group), m.end(group), "institution")
    for m in _WING.finditer(text):
        first = m.group(1).split()[0]
        if first.lower() in common_words() or first.lower() in lex.medical:
            continue
        yield Span(m.start(1), m.end(1), "institution")
