"""Round 37's shapes. URLs: a link to a group, profile or personal page goes even when its
path holds a public identifier ("…/groups/1p36-friends": "1p36" is a band, not the page).
Institutions: well-known hospitals and university systems written short and in lower case
("at le bonheur", "at osf", "ut southwestern"), a lower-case care home by its ending ("at
willow brook care home"), a school named after "his/her school" ("her school maple grove
elementary"), a food shelf/bank/pantry ("Lakeside Food Pantry"), a firm "X & Y <trade>"
("Ashby & Crane Surveyors"). Places: an Irish county "co X" and the lower-case town before it
("in ballina co mayo"), a lower-case town before a state code ("in tempe az") or after "trip
to", a lower-case state code after "[place]," ("[place], al."), a county or country after
"[place]," ("[place], West Yorkshire", "[place], Молдова"), a two-word town whose first word
is Old/New/Port/Fort... after "we live in". Ages: a word age ("a year and a half", "a year and
two months"), an age at diagnosis in words ("diagnosed at three weeks"), a short unit after
"[name] is" ("is 6 wks", "is 1½"), a corrected age ("not 14 weeks like I typed"), a bare
age in brackets after a member word ("one of our members (52)"), a German age in brackets
("(acht Jahre)"). Names: a lower-case name after a kin word before an age in brackets or
"is/has" ("my grandad bert is"), a name after "in our group," and after "autocorrect —", a
surname in capitals with Mc/Mac before a given name ("McDONALD, Fiona"), a Vietnamese name
after "là". Dates: a lower-case month abbreviation after "moving … in" ("moving in feb").

``clamp37`` takes back an onset age after "started/began … when I was" (policy), the second
word of an eponym pair read as a name ("Treacher Collins"), a large informal region read as a
place ("the Leeward Islands", "the Guianas"), a state health programme read as an institution
("KanCare", "TennCare") and an adjective after "is" read as a lower-case name ("the nurse is
lovely").

What stays: "his seizures started when he was 10", "Treacher Collins syndrome", "across the
Balkans", "covered by MassHealth", "the doctor is lovely", "she is 14 weeks pregnant", "at the
care home", "a trip to the hospital"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.patterns import NUMBER_WORD
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.unseen36 import town_word
from rareinfo.inquiries.deid.vocabulary import CAP_LATIN, CAP_WIDE, Lexicon, common_words, wordset

_S = r"[^\S\n]+"
_W = r"[^\S\n]*"
_END = (
    rf"(?={_W}(?:[.,;:!?)]|$)|{_S}(?:in|and|or|but|so|is|was|since|now|where|for|to|wont"
    rf"|won['’]t|doesn['’]t|didn['’]t|does|did|has|had|said|says|will|can|cant|can['’]t)\b)"
)

# ---------------------------------------------------------------------------- urls

_PERSONAL_PATH = gated(
    r"(?i)/(?:groups?|profiles?|users?|u|people|members?|pages?|channel|c|in|pg)/[^/\s]+"
    r"|/@[\w.-]+|[?&]id=\d"
)


def personal_url(piece: str) -> bool:
    """Whether a URL leads to a group, profile or personal page (it goes, whatever its path
    holds)."""
    return (piece.lower().startswith(("http", "www.")) or "/" in piece) and bool(
        _PERSONAL_PATH.search(piece)
    )


# ---------------------------------------------------------------------------- institutions

_SHORT_LOWER = gated(
    rf"(?i)\b(?:at|to|from|does|do|did|with|see|sees|seeing|saw){_S}(?:the{_S})?("
    rf"saint{_S}francis|st\.?{_S}francis|le{_S}bonheur|osf(?:{_S}saint{_S}francis)?"
    rf"|ut{_S}(?:southwestern|health|physicians|md{_S}anderson|austin|tyler|san{_S}antonio)"
    rf"|banner(?:{_S}[a-z'’]+){{0,2}}{_S}children['’]?s|cardon{_S}children['’]?s"
    rf"|st\.?{_S}jude|scottish{_S}rite|shriners|kosair|rainbow{_S}babies|golisano"
    rf")(?![\w'’-])"
)
_CARE_HOME_LOWER = gated(
    rf"\b(?:at|in|to|from){_S}((?:[a-z][a-z'’-]+{_S}){{1,3}}"
    rf"(?:care{_S}home|nursing{_S}home|rest{_S}home|retirement{_S}home|care{_S}centre"
    rf"|care{_S}center|house|lodge|manor|court))(?![\w'’-])"
)
_NOT_HOME_WORDS = wordset(
    "the a an my his her our their your this that local new same different private public"
    " state good nice small big old nearby council county city residential dementia elderly"
    " care nursing a the full open family group foster halfway white green court of in at"
    " to from with for and or food supreme high low respite hospice stroke palliative memory"
    " specialist residential rehab rehabilitation mental health his her its their"
    " wont won't doesn't didn't"
)
_SCHOOL_AFTER = gated(
    rf"\b(?:his|her|their|my|our){_S}school,?{_S}((?:[a-z][a-z'’-]+{_S}){{1,3}}"
    rf"(?:elementary|primary|high|middle|academy)(?:{_S}school)?){_END}"
)
_FOOD_BANK = gated(
    rf"((?:{CAP_LATIN}[a-z'’]+{_S}){{1,3}}Food{_S}(?:Shelf|Bank|Pantry|Shelter|Cupboard))\b"
)
_FIRM_AMPERSAND = gated(
    rf"\b({CAP_LATIN}[a-z]+{_W}&{_W}{CAP_LATIN}[a-z]+{_S}(?:Engineering|Solicitors|Associates"
    rf"|Partners|Builders|Plumbing|Accountants|Construction|Consulting|Consultants|Electrical"
    rf"|Architects|Surveyors|Logistics|Haulage|Motors|Roofing|Landscaping|Joinery|Design"
    rf"|Law|Legal|Insurance|Bakery|Dental|Opticians|Estate{_S}Agents))\b"
)

# ---------------------------------------------------------------------------- places

_IRISH_COUNTIES = (
    r"antrim|armagh|carlow|cavan|clare|cork|derry|donegal|down|dublin|fermanagh|galway|kerry"
    r"|kildare|kilkenny|laois|leitrim|limerick|longford|louth|mayo|meath|monaghan|offaly"
    r"|roscommon|sligo|tipperary|tyrone|waterford|westmeath|wexford|wicklow"
)
_IRISH_COUNTY = gated(rf"(?i)\b(?:([a-z]{{3,}}),?{_S})?(co\.?{_S}(?:{_IRISH_COUNTIES}))\b")
_STATE_CODES = (
    r"ak|az|ar|ca|co|fl|ga|ia|il|ks|ky|la|ma|mn|mo|mt|nc|nd|ne|nh|nj|nm|nv|ny|pa|ri|sd|tn|tx"
    r"|ut|va|vt|wa|wi|wv|wy|al|ms|md|mi|ct|sc|or|ok|id|hi|de|me|in"
)
_TOWN_STATE = gated(
    rf"\b(?:in|from|near|to|live|living){_S}([a-z]{{3,}})(?:,{_W}|{_S})({_STATE_CODES})"
    rf"(?={_W}(?:[.,;!?]|$))"
)
_TRIP_TO = gated(rf"\b(?:trip|vacation|holiday|drive){_S}to{_S}([a-z]{{4,}})\b")
_STATE_CODE_AFTER = gated(rf",{_W}({_STATE_CODES})(?={_W}[.!?]|{_W}$)")
_REGION_AFTER = gated(
    rf",{_S}((?:North|South|East|West|Greater){_S}{CAP_LATIN}[a-z]+|{CAP_WIDE}[^\W\d_]{{3,}})"
    rf"(?={_W}(?:[.;!?\n]|$))"
)
_LIVE_TWO_WORD = gated(
    rf"\b(?:[Ww]e|I){_S}(?:live|lived|moved|reside){_S}(?:in|to){_S}("
    rf"(?:Old|New|North|South|East|West|Upper|Lower|Great|Little|Port|Fort|Mount|Saint|St\.?)"
    rf"{_S}{CAP_LATIN}[a-z]{{3,}})\b"
)
_NEAR_TOWN = gated(rf"\bnear{_S}({CAP_LATIN}[a-z]{{3,}})(?={_S}in\b|{_W},)")

# ---------------------------------------------------------------------------- ages

_MONTHS_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})"
_WORD_AGE = gated(
    rf"(?:\b(?:is|was|aged|turned|turns|at|(?:he|she|who)['’]s){_S}|\({_W})"
    rf"(a{_S}year{_S}and{_S}(?:a{_S}half|{_MONTHS_WORD}{_S}months?)(?:{_S}old)?)\b"
)
_DIAGNOSED_AT = gated(
    rf"\bdiagnosed{_S}at{_S}((?:{NUMBER_WORD.pattern}){_S}(?:days?|weeks?|months?|years?)"
    rf"(?:{_S}old)?)\b",
    re.I,
)
_IS_SHORT = gated(
    rf"{_S}(?:is|was){_S}(\d{{1,2}}{_W}(?:wks?|weeks?|mos?|months?)(?:{_S}old)?|\d?½)"
    rf"(?!{_S}(?:pregnant|along|gestation|post|after|since|ago))(?![\w'’-])"
)
_NOT_LIKE_TYPED = gated(
    rf"\bnot{_S}(\d{{1,2}}{_S}(?:days?|weeks?|months?|years?)(?:{_S}old)?){_S}(?:like|as)"
    rf"{_S}I{_S}(?:typed|wrote|said|put)\b"
)
_MEMBER_AGE = gated(
    rf"\b(?:members?|regulars?|residents?|volunteers?|parishioners?|colleagues?|coworkers?"
    rf"|co-workers?|employees?|neighbou?rs?|friends?|tenants?|clients?){_W}\((\d{{1,2}})\)"
)
_GERMAN_NUMBERS = (
    r"(?:ein|eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|dreizehn"
    r"|vierzehn|fünfzehn|sechzehn|siebzehn|achtzehn|neunzehn|zwanzig|\d{1,2})"
)
_GERMAN_AGE_PAREN = gated(rf"\(({_GERMAN_NUMBERS}{_S}(?:Jahre|Monate|Wochen)(?:{_S}alt)?)\)")

# ---------------------------------------------------------------------------- names

_KIN = (
    r"(?:son|daughter|grandad|granddad|grandpa|grandma|granny|nan|nana|gran|grandson"
    r"|granddaughter|nephew|niece|husband|wife|brother|sister|mum|mom|dad|uncle|aunt|auntie"
    r"|cousin|partner|boyfriend|girlfriend|stepson|stepdaughter)"
)
_KIN_LOWER = gated(
    rf"\b(?:my|our){_S}{_KIN}{_S}([a-z]{{3,}})(?={_W}\({_W}\d|{_S}(?:is|has|was)\b)"
)
_STRONG_AFTER = gated(rf"{_W}\({_W}\d|{_S}(?:is|was){_S}\d")
_NOT_KIN_NAMES = wordset(
    "who is has was also too just now still here being got had and who's that which the"
    " currently only already recently"
)
_GROUP_NAME = gated(
    rf"\bin{_S}(?:our|my|the){_S}(?:youth{_S})?(?:group|class|team|choir|club|church|troop"
    rf"|program|programme){_W},{_S}({CAP_LATIN}[a-z]{{2,}}){_W},"
)
_AUTOCORRECT = gated(rf"\bautocorrect{_W}[—–:,-]+{_W}({CAP_LATIN}[a-z]{{2,}}){_W}\)")
_MC_CAPITALS = gated(rf"\b((?:Mc|Mac)[A-Z]{{3,}},{_S}{CAP_LATIN}[a-z]+)\b")
_VIETNAMESE_NAME = gated(
    rf"\b(?:[Cc]on{_S}trai|[Cc]on{_S}gái|[Cc]hồng|[Vv]ợ|[Bb]ố|[Mm]ẹ|[Cc]háu){_S}tôi{_S}là"
    rf"{_S}({CAP_LATIN}[^\W\d_]+)"
)

_THAI_AGE = gated(
    r"อายุ\s*((?:หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ|ยี่|เอ็ด)+\s*(?:ปี|เดือน|ขวบ))"
)
_TAGALOG_TENS = gated(
    r"(?i)\b((?:dalawampu|tatlumpu|apatnapu|limampu|animnapu|pitumpu|walumpu|siyamnapu)"
    r"['’]t[^\S\n]+)$"
)
_ARABIC_KIN_NAME = gated(
    r"(?:ابني|ابنتي|بنتي|زوجي|زوجتي|أخي|أختي|أبي|أمي)\s+([\u0621-\u064a]{3,})"
    r"(?=\s+(?:عمره|عمرها|يبلغ|تبلغ))"
)
_POLISH_INSTITUTION = gated(
    r"\b((?:Uniwersyteck|Wojewódzk|Miejsk|Powiatow|Specjalistyczn|Dziecięc|Kliniczn)[a-ząęóśłżźćń]*"
    r"[^\S\n]+(?:Szpital|Centrum|Instytut|Ośrod|Klinik)[a-ząęóśłżźćń]*"
    r"(?:[^\S\n]+(?:Kliniczn|Zdrowia|Onkologi|Pediatri)[a-ząęóśłżźćń]*)?)"
)
_CHINESE_HOSPITAL_SHORT = gated(
    r"((?:[\u4e00-\u9fff]{2})?(?:長庚|长庚|榮總|荣总|馬偕|马偕|慈濟|慈济|國泰|国泰|彰基|成大|北醫|北医))"
    r"(?=的|[醫医]院|看|就[診诊]|治[療疗]|[，。,.\s])"
)
_GREEK_OF_TOWN = gated(r"[^\S\n]+(?:της|του)[^\S\n]+([Α-ΩΆ-Ώ][α-ωά-ώϊϋΐΰ]{3,})")
_INSTITUTION_TAIL = gated(rf"{_S}({CAP_LATIN}[a-z]{{2,}})(?={_S}[a-z]|{_W}[.,;:!?]|$)")

# ---------------------------------------------------------------------------- dates

_MOVING_IN_MONTH = gated(
    rf"\b(?:moving|move|moved|moves|starting|starts|start|due)\b[^.!?\n]{{0,40}}?\bin{_S}"
    rf"(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b(?![\w.'’-]*\w)"
)


def unseen37_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 37's institutions, places, ages, names and dates (the module's docstring)."""
    for m in _SHORT_LOWER.finditer(text):
        yield Span(m.start(1), m.end(1), "institution")  # "at le bonheur"
    for m in _CARE_HOME_LOWER.finditer(text):
        words = m.group(1).split()
        head = len(words) - (2 if words[-1] == "home" or words[-1].startswith("cent") else 1)
        if head >= 1 and not any(w in _NOT_HOME_WORDS for w in words[:head]):
            yield Span(m.start(1), m.end(1), "institution")  # "at willow brook care home"
    for m in _SCHOOL_AFTER.finditer(text):
        if not any(w in _NOT_HOME_WORDS for w in m.group(1).split()[:-1]):
            yield Span(m.start(1), m.end(1), "institution")  # "her school X elementary"
    for pattern in (_FOOD_BANK, _FIRM_AMPERSAND):
        for m in pattern.finditer(text):
            first = m.group(1).split()[0]
            if first not in ("The", "A", "Our", "My", "Local", "Your", "This"):
                yield Span(m.start(1), m.end(1), "institution")  # "X Food Pantry"
    for m in _IRISH_COUNTY.finditer(text):
        yield Span(m.start(2), m.end(2), "place")  # "co mayo"
        if m.group(1) and town_word(lex, m.group(1).lower()) and m.group(1) != "in":
            yield Span(m.start(1), m.end(1), "place")  # "ballina co mayo"
    for m in _TOWN_STATE.finditer(text):
        if town_word(lex, m.group(1), town=False):
            yield Span(m.start(1), m.end(1), "place")  # "in tempe az"
            yield Span(m.start(2), m.end(2), "place")
    for m in _TRIP_TO.finditer(text):
        if town_word(lex, m.group(1)):
            yield Span(m.start(1), m.end(1), "place")  # "trip to gatlinburg"
    for m in _LIVE_TWO_WORD.finditer(text):
        yield Span(m.start(1), m.end(1), "place")  # "we live in Old X"
    for m in _NEAR_TOWN.finditer(text):
        if town_word(lex, m.group(1).lower()):
            yield Span(m.start(1), m.end(1), "place")  # "near X in [place]"
    for pattern in (_WORD_AGE, _DIAGNOSED_AT, _NOT_LIKE_TYPED, _MEMBER_AGE, _GERMAN_AGE_PAREN):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "age")  # "a year and a half"
    for m in _KIN_LOWER.finditer(text):
        word = m.group(1)
        strong = _STRONG_AFTER.match(text, m.end(1))  # an age in brackets, "is 81"
        if (strong and word not in lex.medical and word not in _NOT_KIN_NAMES) or town_word(
            lex, word, town=False
        ):
            yield Span(m.start(1), m.end(1), "name")  # "my grandad bert is"
    for pattern in (_GROUP_NAME, _AUTOCORRECT, _VIETNAMESE_NAME):
        for m in pattern.finditer(text):
            if not lex.plain(m.group(1)):
                yield Span(m.start(1), m.end(1), "name")  # "in our group, X,"
    for m in _MC_CAPITALS.finditer(text):
        yield Span(m.start(1), m.end(1), "name")  # "McDONALD, Fiona"
    for m in _THAI_AGE.finditer(text):
        yield Span(m.start(1), m.end(1), "age")  # "อายุสิบเอ็ดปี"
    for m in _ARABIC_KIN_NAME.finditer(text):
        yield Span(m.start(1), m.end(1), "name")  # "ابني X عمره"
    for pattern in (_POLISH_INSTITUTION, _CHINESE_HOSPITAL_SHORT):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "institution")  # "w Uniwersyteckim Centrum ..."
    for m in _MOVING_IN_MONTH.finditer(text):
        yield Span(m.start(1), m.end(1), "date")  # "moving in feb"


def after37_spans(lex: Lexicon, text: str, spans: list[Span]) -> Iterator[Span]:
    """A short age after "[name] is" ("is 6 wks", "is 1½"), a lower-case state code and a
    county or country after "[place],"."""
    for span in spans:
        if span.kind == "name":
            m = _IS_SHORT.match(text, span.end)
            if m:
                yield Span(m.start(1), m.end(1), "age")  # "[name] is 6 wks"
            if text[span.start : span.end].islower():
                m = _IS_BARE.match(text, span.end)
                if m:
                    yield Span(m.start(1), m.end(1), "age")  # "my grandad bert is 81"
        elif span.kind == "age":
            m = _TAGALOG_TENS.search(text, 0, span.start)
            if m:
                yield Span(m.start(1), span.end, "age")  # "apatnapu't walong taong gulang"
        elif span.kind == "institution":
            m = _GREEK_OF_TOWN.match(text, span.end)
            if m:
                yield Span(m.start(1), m.end(1), "place")  # "[institution] της X"
            piece = text[span.start : span.end]
            m = _INSTITUTION_TAIL.match(text, span.end)
            if (
                m
                and piece.split()[-1][:1].isupper()
                and not lex.plain(m.group(1))
                and m.group(1).lower() not in lex.medical
            ):
                yield Span(span.start, m.end(1), "institution")  # "... Oginga Odinga"
        elif span.kind == "place":
            m = _STATE_CODE_AFTER.match(text, span.end)
            if m:
                yield Span(m.start(1), m.end(1), "place")  # "[place], al."
            m = _REGION_AFTER.match(text, span.end)
            if m and not lex.plain(m.group(1).split()[-1]) and m.group(1) not in common_words():
                yield Span(m.start(1), m.end(1), "place")  # "[place], West Yorkshire"


_IS_BARE = gated(rf"{_S}(?:is|was){_S}(\d{{1,3}})(?={_S}(?:n|and|&)\b|{_W}[,.])")

# ---------------------------------------------------------------------------- taken back

_ONSET_BEFORE = gated(
    rf"(?i)\b(?:started|began|begun|start|starts|begin|appeared|showed{_S}up|first{_S}noticed"
    rf"|noticed{_S}it|came{_S}on|onset(?:{_S}was)?|developed{_S}it|symptoms{_S}(?:at|from))"
    rf"{_S}(?:when{_S}(?:i|he|she|they|we){_S}(?:was|were){_S}|at{_S}(?:age{_S})?)$"
)
_REGIONS = wordset(
    "Leeward_Islands Windward_Islands Guianas Balkans Baltics Nordics Benelux Maghreb Levant"
    " Antilles Caucasus Sahel Scandinavia Gulf_States Pacific_Islands Lesser_Antilles"
    " Greater_Antilles"
)
_STATE_PROGRAMMES = wordset(
    "KanCare TennCare SoonerCare BadgerCare MaineCare MassHealth Medi-Cal HUSKY AHCCCS"
    " NJ_FamilyCare Apple_Health HealthChoice PeachCare MO_HealthNet Medicaid Medicare CHIP"
)
_NAMED_BEFORE = gated(rf"(?i)\b(?:name{_S}is|name['’]s|named|called){_S}$")
_IS_BEFORE = gated(rf"(?:\bis|\bwas|['’]s|\bseems|\bseemed){_S}$")


def clamp37(lex: Lexicon, text: str, spans: list[Span]) -> list[Span]:
    """``spans`` less what round 37 takes back (the module's docstring)."""
    kept: list[Span] = []
    for span in spans:
        piece = text[span.start : span.end]
        key = piece.replace(" ", "_")
        before = text[max(0, span.start - 40) : span.start]
        if span.kind == "age" and _ONSET_BEFORE.search(before):
            continue  # "it started when he was 10": an onset age (policy)
        if span.kind == "name" and piece in lex.eponyms:
            prev = re.search(r"(\w+) $", before)
            if (
                prev
                and prev.group(1) in lex.eponyms
                and prev.group(1) not in lex.first_names
                and prev.group(1) not in lex.ambiguous_names
                and prev.group(1) not in ("Dr", "Doctor")
                and prev.group(1).lower() not in common_words()
            ):
                continue  # "Treacher Collins"
        if span.kind == "place" and key in _REGIONS:
            continue  # "the Leeward Islands"
        if span.kind == "institution" and key in _STATE_PROGRAMMES:
            continue  # "covered by KanCare"
        if (
            span.kind == "name"
            and piece.islower()
            and (lex.plain(piece) or (piece.endswith("ly") and lex.plain(piece[:-2])))
            and piece not in lex.first_names
            and _IS_BEFORE.search(before)
            and not _NAMED_BEFORE.search(before)
        ):
            continue  # "the nurse is lovely"
        kept.append(span)
    return kept
