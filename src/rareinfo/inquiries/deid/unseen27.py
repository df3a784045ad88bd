"""Round 27's shapes. Institutions: initials without dots before a name of the "duPont" kind
("AI duPont"), a campus after an acronym and "Health" found ("[IU Health] Arnett"), an Arabic
hospital named after a king or prince over its name and its kind ("مستشفى الملك فيصل
التخصصي"), a school by its short form after "goes to" ("goes to Cass Tech"), an insurer after
"insurance ... with" ("our insurance ID is [id] with Wellmark"), a hospital named "Dr X's" ("at
Dr Gray's in"). Ages: "one of our 8-year-olds", a bare number in apposition after "a child in
our care", a number and the years word after "has" in Albanian and South Slavic ("ka 5 vjeç",
"ima 6 godina"). Places: a lower-case two-letter state code after a town found ("[Bozeman]
mt."). Names: a Hindi name between नाम and है, an Amharic name between ስም and ነው, a Japanese
given name after 娘/息子 before は/が, a South Slavic name after a possessive and a kin word
("moja kći Lucija").

``kept27`` takes back the Amharic word ስም ('name') read as a name, and gives back a lower-case
state code after a town found, which round 17 drops as an ordinary word.

What stays: "one of our patients", "a child in our care has", "goes to High School" without a
name, "insurance with the hospital", lower-case "in"/"or"/"me"/"ok" after a town, "息子は"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.vocabulary import CAP_LATIN, Lexicon, wordset

_S = r"[^\S\n]+"
_W = r"[^\S\n]*"

# ---------------------------------------------------------------------------- institutions

# "AI duPont", "JK vanHolt": initials without dots, a name with a lower-case particle
_INITIALS_PARTICLE = gated(
    rf"(?<![\w.])([A-Z]{{2,3}}{_S}(?:du|van|von|de|di|da|la|le|mc|mac)[A-Z][a-z]+)\b"
)
# "[IU Health] Arnett": an acronym and "Health" found, then a campus
_ACRONYM_HEALTH_END = gated(r"\b[A-Z]{2,5}[^\S\n]+Health$")
_CAMPUS = gated(rf"{_S}({CAP_LATIN}[a-z]+(?:{_S}{CAP_LATIN}[a-z]+){{0,2}})\b")
# an Arabic hospital named after a king or prince: "مستشفى الملك فيصل التخصصي"
_ARABIC_ROYAL_HOSPITAL = gated(
    r"((?:ال)?(?:مستشفى|مستشفي)[^\S\n]+(?:الملك|الملكة|الأمير|الأميرة|الامير|الاميرة)"
    r"[^\S\n]+(?!(?:في|من|على|الى|إلى|عن)(?![\u0621-\u064a]))[\u0621-\u064a]{2,}"
    r"(?:[^\S\n]+بن[^\S\n]+[\u0621-\u064a]{2,})?(?:[^\S\n]+(?:التخصصي|الجامعي|العام|التعليمي|العسكري|المركزي))?)"
    r"(?![\u0621-\u064a])"
)
# "goes to Cass Tech": a school by its short form
_SCHOOL_SHORT = gated(
    rf"\b(?:goes|go|went|going|attends|attend){_S}(?:to{_S})?"
    rf"((?:{CAP_LATIN}[\w'’-]+{_S}){{1,3}}(?:Tech|Prep|High|Academy|Elementary|Middle))\b"
)
# "our insurance ID is [id] with Wellmark"
_INSURER = gated(
    rf"\binsurance\b[^.!?\n]{{0,60}}?\bwith{_S}({CAP_LATIN}[\w&'’-]+(?:{_S}{CAP_LATIN}[\w&'’-]+)"
    rf"{{0,3}})"
)
# "at Dr Gray's in Elgin": a hospital named after a doctor
_DOCTOR_HOSPITAL = gated(
    rf"\b(?:at|to|from){_S}(Dr\.?{_S}{CAP_LATIN}[a-z]+['’]s)(?={_S}(?:in|hospital|Hospital)\b"
    rf"|{_W}[.,;])"
)

# ---------------------------------------------------------------------------- ages

# "One of our 8-year-olds has"
_ONE_OF_OUR = gated(rf"\b[Oo]ne{_S}of{_S}(?:our|my|the)({_S})(\d{{1,2}}-year-old)s\b")
# "A child in our care, 7, has"
_IN_OUR_CARE = gated(
    rf"\b[Aa]{_S}(?:child|kid|young{_S}person|resident|pupil|student|boy|girl){_S}in{_S}"
    rf"(?:our|my){_S}(?:care|class|home|unit|group|service){_W},{_W}(\d{{1,2}})(?={_W},)"
)
# Albanian and South Slavic: "ka 5 vjeç", "ima 6 godina", "ima 6 let"
_YEARS_AFTER_HAS = gated(
    rf"\b(?:ka|ima){_S}(\d{{1,2}}{_S}(?:vjeç|vjeçe|vjet|godina|godine|godinu|let|leta))"
    rf"(?![\w])"
)

# ---------------------------------------------------------------------------- places

# lower-case state codes that are no everyday word ("in", "or", "me", "ok", "pa" are left)
_STATE_CODES = wordset(
    "ak az ar ca ct dc fl ga ia il ks ky mi mn ms mt nc nd ne nh nj nm nv ny ri sc sd tn tx ut"
    " vt wi wv wy"
)
_LOWER_STATE = gated(rf"{_W},?{_S}([a-z]{{2}})(?={_W}(?:[.,;!?)]|$))", re.M)

# ---------------------------------------------------------------------------- names

_HINDI_NAME = gated(r"नाम[^\S\n]+([\u0900-\u097f]{2,})[^\S\n]+है")
_HINDI_NOT_NAMES = frozenset(["क्या", "कुछ", "यह", "वह", "यही", "नहीं", "भी", "तो"])
_AMHARIC_NAME = gated(r"(?<![\u1200-\u137f])ስም[^\S\n]+([\u1200-\u137f]{2,})[^\S\n]+ነው")
_JAPANESE_GIVEN = gated(
    r"(?:娘|息子)(?:の)?([\u4e00-\u9fff]{1,3}|[\u30a1-\u30fa\u30fc]{2,5})(?=は|が)"
)
_JAPANESE_NOT_GIVEN = gated(r"[病症達等自身本人今年前後]")
_SLAVIC_KIN_NAME = gated(
    r"\b(?:[Mm]oja|[Mm]oj|[Mm]oje|[Nn]aša|[Nn]aš|[Mm]ojoj|[Mm]og)[^\S\n]+(?:kći|kćer|kćerka"
    r"|ćerka|sin|sinko|majka|mama|otac|tata|brat|sestra|supruga|suprug|muž|žena|unuk|unuka"
    r"|hči|mati|oče)[^\S\n]+([A-ZČĆŠŽĐ][a-zčćšžđ]+)"
)


def unseen27_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 27's institutions, ages and names (the module's docstring)."""
    for m in _INITIALS_PARTICLE.finditer(text):
        yield Span(m.start(1), m.end(1), "institution")
    for pattern in (_ARABIC_ROYAL_HOSPITAL, _SCHOOL_SHORT, _DOCTOR_HOSPITAL):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "institution")
    for m in _INSURER.finditer(text):
        if not all(lex.plain(w) for w in m.group(1).split()):
            yield Span(m.start(1), m.end(1), "institution")
    for pattern in (_IN_OUR_CARE, _YEARS_AFTER_HAS):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "age")
    for m in _ONE_OF_OUR.finditer(text):
        yield Span(m.start(2), m.end(2), "age")
    for pattern in (_HINDI_NAME, _AMHARIC_NAME):
        for m in pattern.finditer(text):
            if m.group(1) not in _HINDI_NOT_NAMES:
                yield Span(m.start(1), m.end(1), "name")
    for m in _JAPANESE_GIVEN.finditer(text):
        if not _JAPANESE_NOT_GIVEN.search(m.group(1)):
            yield Span(m.start(1), m.end(1), "name")
    for m in _SLAVIC_KIN_NAME.finditer(text):
        if not lex.plain(m.group(1)):
            yield Span(m.start(1), m.end(1), "name")


def after27_spans(lex: Lexicon, text: str, spans: list[Span]) -> Iterator[Span]:
    """What round 27 finds next to the spans found (the module's docstring)."""
    for span in spans:
        if span.kind == "institution" and _ACRONYM_HEALTH_END.search(
            text[span.start : span.end]
        ):
            campus = _CAMPUS.match(text, span.end)
            if campus and not lex.plain(campus.group(1).split()[0]):
                yield Span(span.start, campus.end(1), "institution", span.strong)


def kept27(lex: Lexicon, text: str, spans: list[Span]) -> list[Span]:
    """``spans`` less what round 27 takes back (the module's docstring), and with a lower-case
    state code after a town found, which round 17 takes back as an ordinary word after a
    capitalised town ("[Bozeman] mt.")."""
    kept = [s for s in spans if not (s.kind == "name" and text[s.start : s.end] == "ስም")]
    for span in list(kept):
        if span.kind == "place":
            state = _LOWER_STATE.match(text, span.end)
            if state and state.group(1) in _STATE_CODES:
                kept.append(Span(state.start(1), state.end(1), "place"))
    return kept
