"""Round 31's shapes. Dates: a part of a month before a month ("mid-July 2023", "early
March", "end of May 2024"), a lower-case month abbreviation and a day after "born/on" ("born
sept 9"), the year a correction takes back ("born in 2016, not 2017"). Ages: "two and a
bit/half/quarter", the ages in brackets after a list of names ("Ada, [Fitz] and [Rose] (9, 7
and 4)", the names too), a child's age in brackets after a group word ("One of our toddlers (20
months)", "A second grader (7)"), an age in brackets after a corrected name ("[Florin], (15)")
or after an age ("[an adult] (39)"), the age a correction takes back ("is 9, not 8"), "At 8,
he ...", Persian "ده ساله", Punjabi "ਅੱਠ ਸਾਲ", Amharic "[የ]ስድስት ዓመት". Institutions: "St. X
hospital/Parish/Church", "Health/Medical City X", Indonesian "RSUP Prof. Dr. R. D. X", Yoruba
"Ilé-ìwòsàn X", a Chinese branch after an institution ("[醫院]新竹分院"), an acronym after "told
by/seen at" ("told by UHWI"). Names: after a correction or a typo ("sorry, autocorrect - X
is", "the site says X, typo"), "my mum is X,", a role between commas ("His coach, X Y,"), "my
bub x... sorry wrong name", "my name is"/"my daughter" in Yoruba, Hebrew and Punjabi. Places:
"State: OK" in a form, a country or region of two words in lower case after a place or "in"
("timaru new zealand"), a lower-case town and a US state code ("in pueblo west co."), "Grand
X" after a place and a comma, a Chinese county after a place ("[省]克山县").

``clamp31`` takes back an Arabic-script institution's run over a verb or a medical word
("بیمارستان نمازی [گفتند سندرم ...]"), a cut-off eponym a correction replaces ("has Holt...
sorry, TAR syndrome"), a question word of another language read as a place ("Cât timp", "Kuna
dawa"); it keeps "Trẻ em" (children) inside a Vietnamese hospital's name and parts "[X] and
[University Hospital Y]" in two.

"The" stays out of "on the 2nd of May" (25 labelled dates leave it out, 2 take it in).

What stays: "seizure at 6 months", "Holt-Oram syndrome", "Is OK to", "a toddler group", "in the
middle of", "is 9 mg, not 8 mg", "diagnosed by MRI", "Guy's and St Thomas'"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.gazetteer import regions
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.vocabulary import CAP_LATIN, CAP_WIDE, Lexicon, wordset

_S = r"[^\S\n]+"
_W = r"[^\S\n]*"

# ---------------------------------------------------------------------------- dates

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b"
)
_PART_BEFORE = gated(
    rf"(?:\b(?:[Mm]id|[Ee]arly|[Ll]ate)(?:-|{_S})|\b(?:the{_S})?(?:[Ee]nd|[Bb]eginning|[Ss]tart"
    rf"|[Mm]iddle){_S}of{_S})$"
)
_LOWER_MONTH_DAY = gated(
    rf"\b(?:born|on){_S}((?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?{_S}"
    r"\d{1,2}(?:st|nd|rd|th)?)\b(?![.,]?\d|[^\S\n]*(?:mg|ml|kg|%))"
)
_CORRECTED_YEAR = gated(rf"\bborn{_S}in{_S}(?:19|20)\d\d{_W},?{_S}not{_S}((?:19|20)\d\d)\b")

# ---------------------------------------------------------------------------- ages

_AND_A_BIT = gated(rf"{_S}and{_S}a{_S}(?:bit|half|quarter)\b")
_NAME_LIST_AGES = gated(
    rf"((?:{_W},{_S}{CAP_LATIN}[a-z]+)*){_W},?{_S}and{_S}({CAP_LATIN}[a-z]+){_W}"
    rf"\({_W}(\d{{1,2}}(?:{_W},{_W}\d{{1,2}})*{_W},?{_S}and{_S}\d{{1,2}}){_W}\)"
)
_LIST_NAME = gated(rf"{CAP_LATIN}[a-z]+")
_NUMBER = gated(r"\d{1,2}")
_GROUP_BRACKET = gated(
    rf"\b(?:toddlers?|grader|kids|children|pupils?|students?|babies|infants?|little{_S}ones)"
    rf"\b(?:{_S}[a-z]+){{0,2}}{_W}\({_W}(\d{{1,2}}(?:{_S}(?:months?|weeks?|years?))?)"
    rf"(?:{_W},?{_S}and{_S}(\d{{1,2}}(?:{_S}(?:months?|weeks?|years?))?))?{_W}\)"
)
_BRACKET_AFTER = gated(rf"{_W},?{_W}\({_W}(\d{{1,2}}){_W}\)")
_NOT_AGE = gated(
    rf"\bis{_S}\d{{1,2}}{_W},{_S}not{_S}(\d{{1,2}})\b"
    rf"(?!{_W},?{_W}(?:mg|ml|kg|cm|%|kilo|pound|stone|units?|mmol|iu|IU|hours?|days?|times))"
)
_AT_AGE_PRONOUN = gated(rf"\bAt{_S}(\d{{1,2}}),{_S}(?:he|she|they)\b")
_FA_NUMBER = (
    r"(?:یک|دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده|یازده|دوازده|سیزده|چهارده|پانزده|شانزده|هفده"
    r"|هجده|هیجده|نوزده|بیست|سی|چهل|پنجاه|شصت|هفتاد|هشتاد|نود)"
)
_PERSIAN_AGE = gated(
    rf"(?<![\u0600-\u06ff])({_FA_NUMBER}(?:{_S}و{_S}{_FA_NUMBER})?{_S}(?:ساله|سالشه|ماهه|(?:سال|ماه)(?={_S}(?:دارد|داره|است))))"
    r"(?![\u0600-\u06ff])"
)
_PUNJABI_AGE = gated(
    r"(?<!\S)((?:ਇੱਕ|ਦੋ|ਤਿੰਨ|ਚਾਰ|ਪੰਜ|ਛੇ|ਸੱਤ|ਅੱਠ|ਨੌਂ|ਨੌ|ਦਸ|ਗਿਆਰਾਂ|ਬਾਰਾਂ|ਤੇਰਾਂ|ਚੌਦਾਂ|ਪੰਦਰਾਂ"
    r"|ਸੋਲਾਂ|ਸਤਾਰਾਂ|ਅਠਾਰਾਂ|ਵੀਹ|ਤੀਹ|ਚਾਲੀ|ਪੰਜਾਹ|ਸੱਠ|ਸੱਤਰ|ਅੱਸੀ)[^\S\n]+(?:ਸਾਲ|ਮਹੀਨੇ))(?!\S)"
)
_AMHARIC_AGE = gated(
    r"(?<![\u1200-\u137f])የ?((?:አንድ|ሁለት|ሶስት|ሦስት|አራት|አምስት|ስድስት|ሰባት|ስምንት|ዘጠኝ|አስር|አሥር"
    r"|አስራ[^\S\n]+\S+)[^\S\n]+(?:ዓመት|አመት|ወር))"
)

# ---------------------------------------------------------------------------- institutions

_SAINT_HOUSE = gated(
    rf"\b(St\.?{_S}{CAP_LATIN}[\w'’]+{_S}(?:hospital|Hospital|Parish|parish|Church|church"
    rf"|Cathedral))\b"
)
_HEALTH_CITY = gated(rf"\b((?:Health|Medical){_S}City(?:{_S}{CAP_LATIN}[a-z]+){{1,2}})\b")
# "Bệnh viện Trẻ em Hải Phòng": "Trẻ em" (children) is one word of the name
_VIETNAMESE_CHILDREN = gated(rf"{_S}em(?:{_S}{CAP_WIDE}[^\s,.;:!?()]*)+")
_INDONESIAN_HOSPITAL = gated(
    rf"\b((?:RSUP|RSUD|RSAB|RSIA|RSU|RS)(?:{_S}(?:Prof|Dr|dr|drs|H|Hj|Ir)\.)*"
    rf"(?:{_S}[A-Z]\.)*(?:{_S}{CAP_LATIN}[a-z]+)+)\b"
)
_TOLD_BY = gated(
    rf"\b(?:told|seen|diagnosed|treated|followed){_S}(?:by|at){_S}([A-Z]{{3,5}})\b(?![-'’])"
)
_TESTS_AND_WARDS = wordset(
    "MRI CT EEG ECG EKG DNA RNA PCR WES WGS CMA FISH ICU NICU PICU HDU CCU SCBU ITU NHS GP ENT"
    " OT PT SLT SALT EMG NCS ABR OAE PET DEXA DXA VEP ERG OCT NGS MLPA CGH SNP IVIG ERT HSCT BMT"
    " TPN PEG CPAP BIPAP CSF ECHO"
)
_YORUBA_HOSPITAL = gated(rf"(Ilé-ìwòsàn(?:{_S}{CAP_WIDE}[^\s,.;:!?()]*)+)")
_CHINESE_BRANCH = gated(r"[\u4e00-\u9fff]{1,4}分院")

# ---------------------------------------------------------------------------- places

_PART_OF_ISLANDS = gated(
    rf",{_S}((?:Grand|Greater|Upper|Lower|Little){_S}{CAP_LATIN}[a-z]+)\b"
)
_CHINESE_COUNTY = gated(r"[\u4e00-\u9fff]{1,3}?[县縣]")
_FORM_STATE = gated(rf"\bState{_W}:{_W}([A-Z]{{2}})\b")
_TWO_WORDS = gated(rf",?{_S}([a-z]{{3,}}{_S}[a-z]{{3,}})\b")
_IN_TWO_WORDS = gated(rf"\b(?:in|from|of|near){_S}(?=([a-z]{{3,}}{_S}[a-z]{{3,}})\b)")
_STATE_CODES = wordset(
    "al ak az ar ca co ct de fl ga hi id il ia ks ky la me md ma mi mn ms mo mt ne nv nh nj nm"
    " ny nc nd oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy"
)
_WORD_CODES = wordset("me or in hi ok oh pa ma la id de co al")
_LOWER_TOWN_CODE = gated(
    rf"\b(?:in|from|near){_S}([a-z]{{4,}}(?:{_S}(?:west|east|north|south|city|springs|beach"
    rf"|falls|park|heights|valley))?){_S}([a-z]{{2}})(?=[^\S\n]*[.,;!?]|$)"
)

# ---------------------------------------------------------------------------- names

_NAME = rf"{CAP_WIDE}[a-z\u00e0-\u024f]+"
_CORRECTED_NAME = gated(
    rf"\b(?:sorry|autocorrect|typo)\b{_W}[,-]?(?:{_W}(?:autocorrect|typo){_W}[,-]?)?{_S}[-–]?"
    rf"{_W}({_NAME}){_S}is\b"
)
_NAME_THEN_TYPO = gated(rf"\b({_NAME}){_W},?{_S}(?:typo|autocorrect)\b")
_KIN_IS_NAME = gated(
    rf"\b(?:[Mm]y|[Oo]ur){_S}(?:mum|mom|mother|dad|father|son|daughter|husband|wife|partner"
    rf"|brother|sister|grandson|granddaughter|nan|gran){_S}is{_S}({_NAME}){_W},"
)
_ROLE_NAME = gated(
    rf"\b(?:coach|teacher|neighbou?r|friend|boss|nanny|carer|caregiver|tutor|pastor|priest"
    rf"|babysitter|childminder|headteacher|principal){_W},{_S}({_NAME}(?:{_S}{_NAME})?){_W},"
)
_WRONG_NAME = gated(
    rf"\b(?:bub|son|daughter|baby|boy|girl|kid){_S}([a-z]{{3,}})(?:\.{{2,}}|…){_W}"
    rf"(?:sorry|oops)\b,?{_S}wrong{_S}name\b"
)
# "my name is" and "my daughter" in other languages
_SCRIPT_SELF = gated(
    r"(?:Orúkọ[^\S\n]+mi[^\S\n]+ni|שמי|קוראים[^\S\n]+לי|ਮੇਰਾ[^\S\n]+ਨਾਮ|ਮੇਰੀ[^\S\n]+ਧੀ"
    r"|ਮੇਰਾ[^\S\n]+ਪੁੱਤਰ|ਮੇਰਾ[^\S\n]+ਬੇਟਾ|ਮੇਰੀ[^\S\n]+ਬੇਟੀ)[^\S\n]+([^\s,.;:!?()]+)"
)
_NOT_NAMES = wordset(
    "is was has had the a an my our his her this that she he not just still also only so very"
    " ਨੂੰ ਦੀ ਦਾ ਦੇ ਹੈ ਨੇ ਵਿੱਚ ਜੋ ਅਤੇ ਦੀਆਂ ਹਨ ਸਿਰਫ਼ ਬਹੁਤ ਵੀ ਕੋਲ ਲਈ ਹੁਣ ਇੱਕ ਦੋ ਤਿੰਨ ਚਾਰ ਪੰਜ ਛੇ ਸੱਤ ਅੱਠ ਨੌਂ"
    " ਦਸ הוא היא"
)

# ---------------------------------------------------------------------------- the clamp

_SCRIPT_STOP = gated(
    r"[^\S\n]+(?:گفتند|گفت|گفته|گفتن|تشخیص|هستند|است|بود|سندرم|سندروم|بیماری|قالوا|قال"
    r"|متلازمة|مرض|نے|کہا|سنڈروم|بیماری)(?![\u0600-\u06ff])"
)
_ARABIC_SCRIPT = gated(r"[\u0600-\u06ff]")
_CUT_EPONYM = gated(
    rf"(?:\.{{3}}|…){_W},?{_W}(?:sorry|no|I{_S}mean|I{_S}meant|oops)\b[,:]?"
    rf"(?:{_S}\S+){{1,4}}?{_S}(?:syndrome|disease)\b"
)
# "[Crumlin] and [University Hospital Kerry]": two institutions
_TWO_HOSPITALS = gated(rf"{_S}and{_S}(?=University(?:{_S}Hospital\b|$))")
_QUESTION_WORDS = wordset("Cât Câte Câți Când Unde Kuna Nini Wapi Lini Je Ni Ngapi Jinsi")


def _age(m: re.Match[str]) -> Span:
    return Span(m.start(1), m.end(1), "age")


def _lower_country(text: str) -> bool:
    """Whether ``text`` is a country or region of two words in lower case ("new zealand")."""
    words = tuple(w.capitalize() for w in text.split())
    return text.islower() and words in regions().get(words[0], ())


def unseen31_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 31's dates, ages, institutions and places (the module's docstring)."""
    for pattern in (_LOWER_MONTH_DAY, _CORRECTED_YEAR):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "date")
    for m in _GROUP_BRACKET.finditer(text):
        yield _age(m)
        if m.group(2):
            yield Span(m.start(2), m.end(2), "age")  # "Our toddlers (2 and 3)"
    for pattern in (_NOT_AGE, _AT_AGE_PRONOUN, _PERSIAN_AGE, _PUNJABI_AGE,
                    _AMHARIC_AGE):
        for m in pattern.finditer(text):
            yield _age(m)
    for pattern in (_SAINT_HOUSE, _HEALTH_CITY, _INDONESIAN_HOSPITAL,
                    _YORUBA_HOSPITAL):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "institution")
    for pattern in (_CORRECTED_NAME, _NAME_THEN_TYPO, _KIN_IS_NAME, _ROLE_NAME, _WRONG_NAME,
                    _SCRIPT_SELF):
        for m in pattern.finditer(text):
            word = m.group(1)
            if word not in _NOT_NAMES and word not in lex.medical and (
                pattern in (_ROLE_NAME, _SCRIPT_SELF, _WRONG_NAME) or not lex.plain(word)
            ):
                yield Span(m.start(1), m.end(1), "name")
    for m in _TOLD_BY.finditer(text):
        if m.group(1) not in _TESTS_AND_WARDS and m.group(1) not in lex.medical:
            yield Span(m.start(1), m.end(1), "institution")  # "told by UHWI"
    for m in _FORM_STATE.finditer(text):
        yield Span(m.start(1), m.end(1), "place")
    for m in _IN_TWO_WORDS.finditer(text):
        if _lower_country(m.group(1)):
            yield Span(m.start(1), m.end(1), "place")
    for m in _LOWER_TOWN_CODE.finditer(text):
        town = m.group(1).split()
        if m.group(2) in _STATE_CODES and (
            len(town) == 2 or (m.group(2) not in _WORD_CODES and not lex.plain(town[0].title()))
        ):
            yield Span(m.start(1), m.end(1), "place")
            yield Span(m.start(2), m.end(2), "place")


def after31_spans(lex: Lexicon, text: str, spans: list[Span]) -> Iterator[Span]:
    """What round 31 finds next to the spans found (the module's docstring)."""
    for span in spans:
        before = text[max(0, span.start - 30) : span.start]
        if span.kind == "date":
            part = _PART_BEFORE.search(before)
            if part and re.match(_MONTH, text[span.start : span.end]):
                yield Span(span.start - len(part.group()), span.end, "date")
        if span.kind == "age":
            bit = _AND_A_BIT.match(text, span.end)
            if bit:
                yield Span(span.start, bit.end(), "age")
            bracket = _BRACKET_AFTER.match(text, span.end)
            if bracket and not text[span.end : bracket.start(1)].startswith(","):
                yield _age(bracket)  # "[an adult] (39)"
        if span.kind == "name":
            listed = _NAME_LIST_AGES.match(text, span.end)
            if listed:
                names = [*_LIST_NAME.finditer(listed.group(1)), None]
                for n in names[:-1]:
                    assert n is not None
                    start = listed.start(1) + n.start()
                    if n.group() not in lex.medical:
                        yield Span(start, start + len(n.group()), "name")
                if listed.group(2) not in lex.medical:
                    yield Span(listed.start(2), listed.end(2), "name")
                for n in _NUMBER.finditer(listed.group(3)):
                    yield Span(listed.start(3) + n.start(), listed.start(3) + n.end(), "age")
            bracket = _BRACKET_AFTER.match(text, span.end)
            if bracket and text[span.end : bracket.start(1)].startswith(","):
                yield _age(bracket)  # "[Florin], (15)"
        if span.kind in ("place", "institution"):
            country = _TWO_WORDS.match(text, span.end)
            if country and _lower_country(country.group(1)):
                yield Span(country.start(1), country.end(1), "place")
        if span.kind == "place":
            part = _PART_OF_ISLANDS.match(text, span.end)
            if part:
                yield Span(part.start(1), part.end(1), "place")
            county = _CHINESE_COUNTY.match(text, span.end)
            if county:
                yield Span(county.start(), county.end(), "place")
        if span.kind == "institution":
            branch = _CHINESE_BRANCH.match(text, span.end)
            if branch:
                yield Span(span.start, branch.end(), "institution")


def clamp31(lex: Lexicon, text: str, spans: list[Span]) -> list[Span]:
    """``spans`` less what round 31 takes back (the module's docstring)."""
    kept: list[Span] = []
    for span in spans:
        piece = text[span.start : span.end]
        if span.kind == "institution" and _ARABIC_SCRIPT.search(piece):
            stop = _SCRIPT_STOP.search(piece)
            if stop:
                if stop.start() == 0:
                    continue
                span = Span(span.start, span.start + stop.start(), span.kind, span.strong)
                piece = text[span.start : span.end]
        if span.kind == "institution" and piece.lower().startswith("bệnh viện") and piece.endswith(
            "Trẻ"
        ):
            children = _VIETNAMESE_CHILDREN.match(text, span.end)
            if children:
                span = Span(span.start, children.end(), span.kind, span.strong)
        two = _TWO_HOSPITALS.search(piece) if span.kind == "institution" else None
        if two and two.start() > 0:
            kept.append(Span(span.start, span.start + two.start(), span.kind, span.strong))
            span = Span(span.start + two.end(), span.end, span.kind, span.strong)
            piece = text[span.start : span.end]
        if span.kind in ("place", "name") and " " not in piece and _CUT_EPONYM.match(
            text, span.end
        ):
            continue  # "has Holt... sorry, TAR syndrome"
        if span.kind == "place" and not span.strong and piece in _QUESTION_WORDS:
            continue  # "Cât timp", "Kuna dawa gani?"
        kept.append(span)
    return kept
