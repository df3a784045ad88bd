"""Round 42's shapes. Institutions: "Regional West" and its kin after at/from/the, "the VA"
(the veterans' health system) after at/the/my, a UK hospital's acronym after the/at ("the
QMC"), a school district "<Town> Unified", a Hebrew clinic after "treated at" ("ומטופלים
ב..."). Names: a lower-case name after a relation before a verb or a correction ("my sister
ginger has", "my boy tripp..."), "hi im <name>" before an age or "real name" ("hi im honey
(real name!) 19"), a name given as a middle/first name even when it is an eponym ("His middle
name is Hunter"), "He's Lewis, 12," (a name and an age in apposition), "my daughter is
Nettie", a name in a quoted reply ("about Josie's CMT") and its other mentions, "RE: SURNAME,
Given", a name signed after "Thanking you,", "we adopted Sunday from", a Hawaiian "keiki",
a Chinese given name after 我的兒子 before an age. Dates: a named day with its year
("Bastille Day 2025", "Easter 2023"). Places: a lower-case "town st" (US state code after a
known town: "eugene or", "lafayette la"; "green river wy" after "im in"), a lower-case "town,
region" ("galt, ontario"), a lower-case town after "we r in" at a clause's end, "X, near Y",
two-part countries ("St Vincent and the Grenadines"), a Ukrainian town after
"з", a Hebrew town after "גרים ב", a Korean city before "까지/로 가야".
Later in the round: a name after "fundraiser for"/"raising", "confirm <Name>'s age", "<Name>
(nine) has", "<Name> is 12 now", Marathi "माझा मुलगा <name>"; Tamil, Malayalam, Chinese and
Vietnamese towns after their cue, Hawaiian islands without the ʻokina, a town signed after a
group of names ("Meredith and Rollo Tregaskis, Yelverton").
Ages: "("Nick", 12)", "a grandmother of 72", "hi im petra 19 w/", Marathi, Tamil and bracketed
Hindi ages.

``clamp42`` keeps the words round 42 found lost: a French institution cut before "pour une
maladie ...", a Hindi institution's postposition ("एम्स में": "में" stays), a town joined to
an institution by "and" ("Yakima and Seattle Children's": two spans), an age a child has not
reached ("before she is one"), a licensing age ("licensed from age 12"); and it adds the names
and places read by their cue past the protection of medical words, a word corrected with
"... sorry," taking the kind of its correction ("Tubbercurry... sorry, Strandhill"), a town
between an institution or street and a region or postcode ("..., Ilkley, West Yorkshire")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.gazetteer import given_names, lower_cities, regions
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.vocabulary import (
    CAP_LATIN,
    FUNCTION_WORDS,
    MONTHS,
    Lexicon,
    wordset,
)

_S = r"[^\S\n]+"
_W = r"[^\S\n]*"
_NAME_WORD = rf"{CAP_LATIN}[^\W\d_]+(?:[-'’]{CAP_LATIN}?[^\W\d_]+)?"
_DOTS = r"(?:\.\.\.|…)"
_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    "|fifteen|sixteen|seventeen|eighteen|nineteen|twenty"
)
_NOT_NAME = wordset(
    "The A An My Our I Is He She It They Sorry Hi Hello Dr No Yes We You This That There"
)
_HEAD_NOT = wordset("Mine Ours Hers His Theirs Everyone Nobody Someone Each Both Which Who Mum Dad")
_WEEKDAYS = wordset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")

# ---------------------------------------------------------------------------- institutions

_REGIONAL = gated(
    rf"\b(?:at|from|to|the|with|in){_S}(Regional{_S}(?:West|East|North|South|One)"
    rf"(?:{_S}(?:Medical{_S}Cent(?:er|re)|Health|Hospital))?)\b"
)
_THE_VA = gated(
    r"\b(?:the|at|my|his|her|our|their|local)\s+(VA)\b(?!\s+(?:loans?|benefits?|rating|claim))"
)
_UK_ACRONYM = gated(r"\b(?:the|at|to|in|from)\s+(QMC|RVI|QEUH|QEHB|LGI|UHW|QEQM|RLUH)\b")
_UNIFIED = gated(
    rf"\b((?:{CAP_LATIN}[a-z]+{_S}){{1,2}}Unified)\b(?!{_S}(?:theory|field|model|command))"
)
_HEBREW_TREATED = gated(
    r"(?:ומטופלים|מטופלים|מטופל|מטופלת|ומטופל|ומטופלת|מאושפז|מאושפזת|מאושפזים)\s+ב"
    r"([\u05d0-\u05ea]{3,})(?![\u05d0-\u05ea])"
)
_HEBREW_GENERIC = wordset("בית בבית חולים מרפאה קופת קופה בית-חולים")

# -------------------------------------------------------------------------------- names

_KIN_LOWER = gated(
    r"\b(?:[Mm]y|[Oo]ur)\s+(?:little\s+|big\s+|baby\s+|older\s+|younger\s+)?"
    r"(?:sister|brother|boy|girl|son|daughter|cousin|dad|mum|mom|niece|nephew|gf|bf|wife"
    r"|husband|partner|kid)\s+([a-z]{3,})(?=\s+(?:has|had|is|was|keeps|just|got|n|and)\b"
    r"|\s*\(\d{1,2}\)"
    rf"|{_DOTS})"
)
_KIN_LOWER_NOT = wordset(
    "also just really still now then too always never often sometimes usually recently"
    " finally actually currently already only even suddenly first who which that had has"
    " was is does did gets keeps got says said thinks and has too who's who is sister brother"
    " cousin son daughter boy girl kid wife husband partner dad mum mom"
)
_IM_AGE_NAME = gated(
    r"(?i)\b(?:hi|hey|hello)[,\s]+i['’]?m\s+([a-z]{3,})\b"
    r"(?:\s*\([^)]{0,30}\))?(?:\s*,|\.\.\.|…|!+)?\s*(?:(?:n|and|&)\s+i['’]?m\s+)?(\d{1,2})\b"
    r"(?!\s*(?:%|mg|kg|lbs?|weeks?|days?|hours?|months?|times|x\b))"
)
_IM_REAL_NAME = gated(
    r"(?i)\b(?:hi|hey|hello)[,\s]+i['’]?m\s+([a-z]{3,})\b(?=[^.\n]{0,30}real\s+name)"
)
_IM_NOT = wordset(
    "so not just really here new worried scared wondering writing looking asking trying from"
    " the a an sorry desperate confused lost tired sick back home done out off okay fine good"
    " better"
)
_GIVEN_AS = gated(
    rf"\b(?:middle|first|given|real|full|nick)[\s-]?name\s+is\s+({_NAME_WORD})\b"
    rf"|\b({_NAME_WORD}){_S}is{_S}(?:also{_S})?(?:his|her|their|my){_S}(?:middle|first|given)"
    rf"{_S}name\b"
)
_KIN_CUED = gated(
    rf"\b(?:[Mm]y|[Oo]ur)(?:{_S}(?:neighbour['’]s|neighbor['’]s|best|little|other|adopted"
    rf"|foster))?{_S}(?:daughter|son|friend|boy|girl|grandson|granddaughter|niece|nephew)"
    rf"{_S}({_NAME_WORD})(?={_S}was{_S}(?:born|diagnosed)\b|{_W}\({_W}(?:yes|same{_S}name)\b"
    rf"|{_S}is{_S}\d{{1,2}}\b)"
)
_CONFIRM_NAME = gated(
    rf"\b(?:confirm|tell{_S}us|check){_S}({_NAME_WORD})['’]s{_S}"
    rf"(?:age|date{_S}of{_S}birth|birthday|diagnosis|school|hospital|weight)\b"
)
_HEAD_AGE = gated(
    rf"(?:^|[.!?]{_S})({_NAME_WORD}){_W}\((\d{{1,2}}|{_NUMBER_WORDS})\){_S}(?:has|is|was|had)\b"
    rf"|(?:^|[.!?—–]{_S})({_NAME_WORD}){_S}is{_S}(\d{{1,2}}|{_NUMBER_WORDS}){_S}now\b",
    re.M,
)
_IN_THE_TOWN = gated(
    rf"\bin{_S}({_NAME_WORD}){_W}\({_W}(?:the{_S})?(?:town|city|village|one{_S}in)\b"
)
_APPOSITION = gated(
    rf"\b(?:He|She)(?:['’]s|{_S}is){_S}({_NAME_WORD}),{_S}(\d{{1,2}}|{_NUMBER_WORDS}),"
)
_KIN_IS = gated(
    rf"\bmy{_S}(?:daughter|son|child|boy|girl|grandson|granddaughter){_S}is{_S}"
    rf"({_NAME_WORD})(?={_DOTS}|{_W},)"
)
_ABOUT_NAME = gated(
    rf"\b(?:question|message|email|e-mail|enquiry|inquiry|note|letter|writing|asking|hear)"
    rf"{_S}about{_S}({_NAME_WORD})['’]s\b"
)
_EPONYM_HEAD = gated(
    r"\s+(?:disease|syndrome|disorder|signs?|test|phenomenon|law|triad|anomaly|palsy|ataxia"
    r"|dystrophy|an(?:a)?emia|tumou?r|lymphoma|sarcoma|sign|nodes?|lesions?|cells?|type)\b"
)
_WORD_NEXT = gated(r"[^\S\n]+[A-Za-z]")
_RE_SURNAME = gated(
    rf"(?m)^(?:RE|Re|Patient|Name){_W}:{_W}([A-Z]{{2,}}(?:[-'’][A-Z]+)?),{_W}({_NAME_WORD})"
)
_SIGNED_SAME_LINE = gated(
    rf"(?:Thanking{_S}you|Regards|Sincerely|Best{_S}wishes|Many{_S}thanks){_W}[,.]{_W}"
    rf"({_NAME_WORD}{_S}{_NAME_WORD}){_W}\.?{_W}$"
)
_ADOPTED = gated(rf"\b(?:[Ww]e|I|[Tt]hey){_S}adopted{_S}({_NAME_WORD}){_S}(?:from|when|at|in)\b")
_KEIKI = gated(rf"\b(?:[Mm]y|[Oo]ur){_S}(?:keiki|moopuna|mo['ʻ’]opuna){_S}({_NAME_WORD})\b")
_CHINESE_CHILD = gated(
    r"我(?:的)?(?:兒子|儿子|女兒|女儿|孫子|孙子|孫女|孙女|先生|太太|老公|老婆|婆婆|公公)"
    r"([\u4e00-\u9fff]{2,3}?)(?=[一二三四五六七八九十兩两0-9]+(?:歲|岁|個月|个月)"
    r"|[（(][0-9一二三四五六七八九十]+(?:歲|岁)|今年)"
)
_MARATHI_CHILD = gated(r"(?:माझा|माझी|आमचा|आमची)\s+(?:मुलगा|मुलगी)\s+([\u0900-\u097F]+)")
_MARATHI_AGE = gated(
    r"((?:एक|दोन|तीन|चार|पाच|सहा|सात|आठ|नऊ|दहा|अकरा|बारा|[०-९0-9]{1,2})\s+वर्षां(?:चा|ची|चे))"
)
_TAMIL_AGE = gated(
    r"வயது\s+((?:ஒன்று|இரண்டு|மூன்று|நான்கு|ஐந்து|ஆறு|ஏழு|எட்டு|ஒன்பது|பத்து|[0-9]{1,2}))"
)
_HINDI_BRACKET_AGE = gated(r"[(（]((?:[\u0900-\u097F]+|[0-9]{1,2})\s+(?:साल|वर्ष))[)）]")
_FUNDRAISER = gated(
    rf"\b(?:fundraiser|donation{_S}page|gofundme|go{_S}fund{_S}me|blog|page){_S}(?:for|about)"
    rf"{_S}({_NAME_WORD})['’]s\b|\braising{_S}({_NAME_WORD}){_S}with\b"
)
_CHINESE_NOT_FIRST = set("一二三四五六七八九十兩两今現现也從从在有被患得是剛刚才已")

# -------------------------------------------------------------------------------- dates

_HOLIDAY_YEAR = gated(
    r"\b((?:(?:Bastille|Canada|Australia|Anzac|ANZAC|Independence|Memorial|Labou?r|Boxing"
    r"|Thanksgiving|New\s+Year['’]?s|Valentine['’]?s|St\.?\s+Patrick['’]?s"
    r"|Saint\s+Patrick['’]?s|Mother['’]?s|Father['’]?s|Victoria|Waitangi|Remembrance"
    r"|Veterans['’]?|Columbus|Presidents['’]?|Martin\s+Luther\s+King|MLK|Groundhog"
    r"|St\.?\s+David['’]?s|St\.?\s+Andrew['’]?s|St\.?\s+George['’]?s|Guy\s+Fawkes|Burns"
    r"|Halloween|Easter|Christmas|Pentecost|Ascension|Armistice)"
    r"\s+(?:Day|Eve|Night|Sunday|Monday|weekend)"
    r"|Easter|Halloween|Diwali|Eid(?:\s+al-(?:Fitr|Adha))?|Hanukkah|Chanukah|Passover"
    r"|Ramadan|Juneteenth|Thanksgiving|Lunar\s+New\s+Year|Chinese\s+New\s+Year)"
    r"\s+(?:of\s+)?(?:19|20)\d{2})\b"
)

# ------------------------------------------------------------------------------- places

_LOWER_STATE = gated(
    r"\b(?:in|from|near|outside|at|to)\s+([a-z]+(?:\s[a-z]+){0,2})\s+"
    r"(al|ak|az|ar|ca|co|ct|de|fl|ga|hi|id|il|in|ia|ks|ky|la|me|md|ma|mi|mn|ms|mo|mt|ne|nv"
    r"|nh|nj|nm|ny|nc|nd|oh|ok|or|pa|ri|sc|sd|tn|tx|ut|vt|va|wa|wv|wi|wy)\b"
    r"(?=\s*[,.;!?)]|\s+(?:and|n|&|but|think|thinks|said|says|who|where|which)\b|\s*$)"
)
# Codes that are also English words or titles: only after a known town.
_WORD_CODES = wordset("al co de hi id in la me ma ok or pa md")
_RESIDENCE = gated(
    r"(?i)\b(?:i['’]?m|we['’]?re|we\s+r|we\s+are|i\s+live|we\s+live|living|lives|live)\s+in\s+$"
)
_LOWER_TOWN_REGION = gated(r"\b([a-z]{3,}(?:\s[a-z]+)?),\s([a-z]{4,}(?:\s[a-z]+)?)\b")
_LOWER_TOWN_END = gated(
    r"(?i:\b(?:we\s+r|we['’]?re|were|we\s+are|i['’]?m|im|i\s+am|we\s+live|i\s+live)\s+in)\s+"
    r"([a-z]{4,})(?=\s*[.,;!?]|\s*$)"
)
_NEAR = gated(rf"\b(?:in|live\s+in|from){_S}({CAP_LATIN}[a-z]+),{_S}near{_S}{CAP_LATIN}")
_FEELINGS = wordset("bits pieces tears limbo shock agony bed hospital denial awe")
_TWO_PART_COUNTRY = gated(
    r"\b((?:Saint|St\.?)\s+Vincent\s+and\s+the\s+Grenadines|Trinidad\s+and\s+Tobago"
    r"|Antigua\s+and\s+Barbuda|(?:Saint|St\.?)\s+Kitts\s+and\s+Nevis"
    r"|Bosnia\s+and\s+Herzegovina|S[ãa]o\s+Tom[ée]\s+and\s+Pr[íi]ncipe"
    r"|Turks\s+and\s+Caicos(?:\s+Islands)?)\b"
)
_UKRAINIAN_FROM = gated(
    r"\b(?:Ми|Я|Ми\s+родом|Я\s+родом|Ми\s+приїхали|Ми\s+переїхали)\s+(?:з|із|зі)\s+"
    r"([А-ЯІЇЄҐ][а-яіїєґ'’]+(?:-[А-ЯІЇЄҐ][а-яіїєґ'’]+)?)"
)
_HEBREW_LIVE = gated(
    r"(?:גרים|גר|גרה|גרות|מתגוררים|מתגורר|מתגוררת)\s+ב"
    r"([\u05d0-\u05ea]{3,}(?:\s[\u05d0-\u05ea]{2,}(?=[.,?!]))?)(?![\u05d0-\u05ea])"
)
_TAMIL_TOWN = gated(r"நாங்கள்\s+(\S+)\s+(?:நகரில்|ஊரில்|மாவட்டத்தில்)")
_MALAYALAM_TOWN = gated(r"ഞങ്ങൾ\s+(\S+)\s+ആണ്")
_CHINESE_FROM = gated(
    r"我是([\u4e00-\u9fff]{2,3})的(?:護理師|护理师|醫生|医生|华人|華人|老師|老师|藥師|药师|居民)"
)
_VIETNAMESE_LIVE = gated(
    rf"\b[Cc]húng{_S}tôi{_S}(?:ở|sống{_S}ở|sống{_S}tại){_S}"
    rf"({CAP_LATIN}[^\W\d_]*(?:{_S}{CAP_LATIN}[^\W\d_]*){{0,2}})"
)
_HAWAII_PLAIN = gated(r"\b(?:on|from)\s+(Kauai|Lanai|Oahu|Molokai|Niihau|Kahoolawe)\b")
_SIGNED_GROUP = gated(
    rf"(?m)^(?:{_NAME_WORD})(?:{_S}(?:{_NAME_WORD}|and|&)){{1,4}},{_S}"
    rf"({CAP_LATIN}[a-z]{{3,}}(?:{_S}{CAP_LATIN}[a-z]+)?){_W}$"
)
_KOREAN_GO = gated(
    r"(?<![가-힣])([가-힣]{2,4})(?:까지|으로|로)[^\S\n]*(?:가야|가서|가는|가요|갑니다|다녀|다니)"
)
_KOREAN_NOT = wordset(
    "여기 거기 저기 어디 멀리 시골 근처 도시 외국 해외 지방 동네 병원 학교 대학 대학병원 집 끝 다음"
    " 어느 그쪽 이쪽 저쪽 응급실 센터"
)

# --------------------------------------------------------------------------------- ages

_NICK_AGE = gated(r"\(\s*[\"“'‘][^\"”'’]{2,20}[\"”'’]\s*,\s*(\d{1,2})\s*\)")
_ELDER_OF = gated(
    r"\b(?:grandmother|grandfather|grandma|grandpa|granny|nan|widow|widower|man|woman|lady"
    r"|gentleman|pensioner|retiree)\s+of\s+(\d{2})\b(?=\s*[,.;)]|\s+(?:and|with|who|in)\b)"
)


def unseen42_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 42's institutions, dates, places and ages (the module's docstring)."""
    for pattern in (_REGIONAL, _THE_VA, _UK_ACRONYM, _UNIFIED):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "institution")  # "the VA", "Eastside Unified"
    for m in _HEBREW_TREATED.finditer(text):
        if m.group(1) not in _HEBREW_GENERIC:
            yield Span(m.start(1), m.end(1), "institution")  # "ומטופלים ביוספטל"
    for m in _HOLIDAY_YEAR.finditer(text):
        yield Span(m.start(1), m.end(1), "date")  # "Bastille Day 2025"
    for pattern in (_TWO_PART_COUNTRY, _UKRAINIAN_FROM):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "place")  # "St Vincent and the Grenadines"
    for pattern in (_TAMIL_TOWN, _MALAYALAM_TOWN, _CHINESE_FROM, _VIETNAMESE_LIVE,
                    _HAWAII_PLAIN):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "place")  # "Chúng tôi ở Đà Lạt", "我是台中的"
    for m in _SIGNED_GROUP.finditer(text):
        if not any(lex.plain(w) for w in m.group(1).split()) and m.group(1) not in _NOT_NAME:
            yield Span(m.start(1), m.end(1), "place")  # "Meredith and Rollo Tregaskis, Yelverton"
    for pattern in (_HEBREW_LIVE, _KOREAN_GO):
        for m in pattern.finditer(text):
            if m.group(1) not in _KOREAN_NOT and m.group(1) not in _HEBREW_GENERIC:
                yield Span(m.start(1), m.end(1), "place")  # "גרים בשדרות", "부산까지 가야"
    for pattern in (_MARATHI_AGE, _TAMIL_AGE, _HINDI_BRACKET_AGE):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "age")  # "दहा वर्षांचा", "வயது பத்து"
    for pattern in (_NICK_AGE, _ELDER_OF):
        for m in pattern.finditer(text):
            if pattern is _ELDER_OF and int(m.group(1)) < 20:
                continue  # "a mother of 3": children, not an age
            yield Span(m.start(1), m.end(1), "age")  # '("Fitz", 12)', "a grandmother of 72"


def surname42_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 42's names and places by their cue: they read their own cue, past the
    protection of medical and ordinary words ("my sister ginger", "middle name is Hunter")."""
    cities = lower_cities()
    for m in _KIN_LOWER.finditer(text):
        word = m.group(1)
        if word not in _KIN_LOWER_NOT and word not in FUNCTION_WORDS and (
            not word.endswith("ly")
        ) and not (word.endswith("ed") and len(word) > 4 and word.title() not in given_names()):
            yield Span(m.start(1), m.end(1), "name")  # "my sister ginger has"
    for m in _IM_AGE_NAME.finditer(text):
        if m.group(1).lower() not in _IM_NOT and m.group(1).lower() not in FUNCTION_WORDS:
            yield Span(m.start(1), m.end(1), "name")  # "hi im brooks n im 19"
            yield Span(m.start(2), m.end(2), "age")
    for m in _IM_REAL_NAME.finditer(text):
        if m.group(1).lower() not in _IM_NOT and m.group(1).lower() not in FUNCTION_WORDS:
            yield Span(m.start(1), m.end(1), "name")  # "hi im marsh lol yes thats my real name"
    for m in _GIVEN_AS.finditer(text):
        group = 1 if m.group(1) else 2
        if m.group(group) not in _NOT_NAME:
            yield Span(m.start(group), m.end(group), "name")  # "His middle name is Hunter"
    for m in _KIN_CUED.finditer(text):
        word = m.group(1)
        if word not in _NOT_NAME and word not in _WEEKDAYS and (
            text.startswith("(", m.end(1) + 1) or text.startswith("(", m.end(1))
            or _plain_name(lex, word)
        ):  # "(yes, same name": even an eponym; "was born": no eponym or medical word
            yield Span(m.start(1), m.end(1), "name")  # "son Hunter (yes, same name"
    for m in _CONFIRM_NAME.finditer(text):
        word = m.group(1)
        if _plain_name(lex, word) or word in lex.first_names:
            for other in re.finditer(rf"(?<![\w'’-]){re.escape(word)}(?![\w-])", text):
                yield Span(other.start(), other.end(), "name")  # "confirm Rosalind's age"
    for m in _HEAD_AGE.finditer(text):
        name, age = (1, 2) if m.group(1) else (3, 4)
        if m.group(name) not in _NOT_NAME and m.group(name) not in _HEAD_NOT and _plain_name(
            lex, m.group(name)
        ):
            yield Span(m.start(name), m.end(name), "name")  # "Sunny (nine) has", "Levi is 12 now"
            yield Span(m.start(age), m.end(age), "age")
    for m in _IN_THE_TOWN.finditer(text):
        if m.group(1) not in _NOT_NAME:
            yield Span(m.start(1), m.end(1), "place")  # "in Reading (the town"
    for m in _APPOSITION.finditer(text):
        if m.group(1) not in _NOT_NAME and _plain_name(lex, m.group(1)):
            yield Span(m.start(1), m.end(1), "name")  # "He's Lewis, 12,"
            yield Span(m.start(2), m.end(2), "age")
    for pattern in (_KIN_IS, _ABOUT_NAME, _SIGNED_SAME_LINE, _KEIKI):
        for m in pattern.finditer(text):
            word = m.group(1)
            if pattern is _ABOUT_NAME and (
                _EPONYM_HEAD.match(text, m.end())
                or (not _plain_name(lex, word) and _medical_next(lex, text, m.end()))
            ):
                continue  # "about Wilson's disease", "about Fabry's nephropathy": the disease
            if " " in word or _plain_name(lex, word) or (
                pattern is _ABOUT_NAME and word not in _NOT_NAME
                and _WORD_NEXT.match(text, m.end()) is not None
            ):  # "about Pascoe's diagnosis" (not "a question about Behçet's.")
                yield Span(m.start(1), m.end(1), "name")  # "about Josie's CMT"
                if pattern is _ABOUT_NAME:
                    for other in re.finditer(rf"(?<![\w'’-]){re.escape(word)}(?![\w-])", text):
                        yield Span(other.start(), other.end(), "name")  # its other mentions
    for m in _RE_SURNAME.finditer(text):
        yield Span(m.start(1), m.end(1), "name")  # "RE: SUMMERHAYES, Willa"
        yield Span(m.start(2), m.end(2), "name")
        for other in re.finditer(rf"(?<![\w'’-]){re.escape(m.group(2))}(?![\w-])", text):
            yield Span(other.start(), other.end(), "name")
    for m in _ADOPTED.finditer(text):
        word = m.group(1)
        if word in _WEEKDAYS or word in MONTHS or (
            word not in _NOT_NAME and not lex.plain(word)
        ):
            yield Span(m.start(1), m.end(1), "name")  # "We adopted Sunday from Haiti"
    for m in _MARATHI_CHILD.finditer(text):
        yield Span(m.start(1), m.end(1), "name")  # "माझा मुलगा ओंकार"
    for m in _FUNDRAISER.finditer(text):
        group = 1 if m.group(1) else 2
        if _plain_name(lex, m.group(group)) and not _EPONYM_HEAD.match(text, m.end()):
            yield Span(m.start(group), m.end(group), "name")  # "fundraiser for Thatcher's"
    for m in _CHINESE_CHILD.finditer(text):
        if m.group(1)[0] not in _CHINESE_NOT_FIRST:
            yield Span(m.start(1), m.end(1), "name")  # "我的兒子冠宇九歲"
    for m in _LOWER_STATE.finditer(text):
        town, code = m.group(1), m.group(2)
        words = town.split()
        known = next(
            (i for i in range(len(words)) if " ".join(words[i:]) in cities), None
        )
        if known is not None:
            start = m.end(1) - len(" ".join(words[known:]))
        elif code not in _WORD_CODES and _RESIDENCE.search(text[max(0, m.start() - 20) :
                                                              m.start() + 3]):
            if any(w in FUNCTION_WORDS for w in words):
                continue
            start = m.start(1)
        else:
            continue  # "in pain ok": a code that is a word needs a known town before it
        yield Span(start, m.end(1), "place")  # "lafayette la", "green river wy"
        yield Span(m.start(2), m.end(2), "place")
    for m in _LOWER_TOWN_REGION.finditer(text):
        town = m.group(1) if m.group(1) in cities else m.group(1).split()[-1]
        if town in cities and m.group(2) in _lower_regions() and town not in FUNCTION_WORDS:
            yield Span(m.end(1) - len(town), m.end(1), "place")  # "sorry galt, ontario"
            yield Span(m.start(2), m.end(2), "place")
    for m in _LOWER_TOWN_END.finditer(text):
        word = m.group(1)
        if not lex.plain(word) and not lex.plain(word.removesuffix("s")) and (
            word not in FUNCTION_WORDS and word not in _FEELINGS
        ):
            yield Span(m.start(1), m.end(1), "place")  # "we r in stornoway."
    for m in _NEAR.finditer(text):
        if m.group(1) not in _NOT_NAME:
            yield Span(m.start(1), m.end(1), "place")  # "We live in Eye, near Diss"


# ------------------------------------------------------------------------------ clamp42

_FRENCH_CUT = gated(
    r"\s+(?:pour|avec|depuis|parce|car)\s+(?:une?|des|le|la|les|l['’]|son|sa|ses|mon|ma|mes"
    r"|sa|qu)\b"
)
_HINDI_POSTPOSITION = gated(r"\s+(?:में|से|को|पर|के|की|का|तक)$")
_IN_BEFORE = gated(r"\b(?:in|near|from|outside)\s+$")
_AND_INSTITUTION = gated(r"^([a-z]+|[A-Z][a-z]+)\s+and\s+(.+)$")
_NOT_REACHED = gated(
    r"(?i)\b(?:before|until|till|til|by\s+the\s+time|once)\s+(?:she|he|they|the\s+baby|baby)"
    r"\s+(?:is|turns|reaches|gets\s+to)\s+$"
)
_LICENSED_AGE = gated(
    r"(?i)\b(?:licensed|licenced|approved|indicated|authori[sz]ed|recommended|available)"
    r"\s+(?:from|for|at|over|above|under)\s+(?:the\s+)?(?:age|ages)\s+(?:of\s+)?$"
)
_CORRECTED_AFTER = gated(
    rf"{_DOTS}{_W},?{_W}(?:no|sorry|oops|wait)(?:{_S}(?:sorry|no))?,?{_S}"
    rf"(?:I{_S}mean{_S}|I{_S}meant{_S}to{_S}(?:write|type|say){_S})?"
    rf"(?:for{_S}|in{_S}|at{_S})?({_NAME_WORD})"
)
_CORRECTED_BEFORE = gated(
    rf"(?<![\w'’-])({_NAME_WORD}){_DOTS}{_W},?{_W}(?:no|sorry|oops|wait)(?:{_S}(?:sorry|no))?"
    rf",?{_S}(?:I{_S}mean{_S})?(?:for{_S}|in{_S}|at{_S})?$"
)
_BETWEEN = gated(rf"^,{_S}({CAP_LATIN}[a-z]{{2,}}(?:{_S}{CAP_LATIN}[a-z]+)?),{_S}$")


def clamp42(lex: Lexicon, text: str, spans: list[Span]) -> list[Span]:
    """``spans`` less the words round 42 keeps (the module's docstring), plus round 42's
    names and places read by their cue."""
    spans = [*spans, *surname42_spans(lex, text)]
    cities = lower_cities()
    kept: list[Span] = []
    for span in spans:
        piece = text[span.start : span.end]
        before = text[max(0, span.start - 30) : span.start]
        if span.kind == "institution":
            cut = _FRENCH_CUT.search(piece)
            if cut:
                span = Span(span.start, span.start + cut.start(), span.kind, span.strong)
                piece = text[span.start : span.end]  # "Hôpital Necker pour une maladie ..."
            tail = _HINDI_POSTPOSITION.search(piece)
            if tail and tail.start() > 0:
                span = Span(span.start, span.start + tail.start(), span.kind, span.strong)
                piece = text[span.start : span.end]  # "एम्स में": "में" stays
            joined = _AND_INSTITUTION.match(piece)
            if joined and _IN_BEFORE.search(before) and joined.group(1).lower() in cities and (
                joined.group(1) not in _NOT_NAME and " " in joined.group(2)
            ):
                kept.append(Span(span.start, span.start + len(joined.group(1)), "place"))
                span = Span(span.end - len(joined.group(2)), span.end, span.kind, span.strong)
                # "Yakima and Seattle Children's": a town, then the hospital
        if span.kind == "age" and (_NOT_REACHED.search(before) or _LICENSED_AGE.search(before)):
            continue  # "before she is one", "licensed from age 12"
        kept.append(span)
    # a word corrected with "... sorry," takes the kind of its correction and the other way
    # (both patterns need "..." or "…": a text with neither is not scanned span by span)
    dotted = "..." in text or "…" in text
    by_start = {s.start: s for s in kept if s.kind in ("name", "place")}
    by_end = {s.end: s for s in kept if s.kind in ("name", "place")} if dotted else {}
    extra: list[Span] = []
    for span in list(by_start.values()) if dotted else []:
        m = _CORRECTED_BEFORE.search(text[max(0, span.start - 60) : span.start])
        if m:
            start = max(0, span.start - 60) + m.start(1)
            word = m.group(1)
            if start not in by_start and _plain_name(lex, word):
                extra.append(Span(start, start + len(word), span.kind))  # "Gage... sorry, for"
    for span in list(by_end.values()):
        m = _CORRECTED_AFTER.match(text, span.end)
        if m and m.start(1) not in by_start and _plain_name(lex, m.group(1)):
            extra.append(Span(m.start(1), m.end(1), span.kind))  # "Nettie... sorry, Neve,"
    kept += extra
    # a town between an institution or a street and a region or a postcode
    for left in [s for s in kept if s.kind in ("institution", "place")]:
        for right in kept:
            if right.kind == "place" and 4 < right.start - left.end < 40:
                m = _BETWEEN.match(text[left.end : right.start])
                if m and m.group(1).lower() not in lex.medical and m.group(1) not in _NOT_NAME:
                    kept.append(Span(left.end + m.start(1), left.end + m.end(1), "place"))
                    break  # "Ilkley Moor Medical Practice, Ilkley, West Yorkshire"
    return kept


@cache
def _lower_regions() -> frozenset[str]:
    """Lower-cased names of states, provinces and counties ("ontario", "cornwall")."""
    return frozenset(" ".join(p).lower() for v in regions().values() for p in v if len(p) <= 3)


def _medical_next(lex: Lexicon, text: str, end: int) -> bool:
    """Whether the word after ``end`` is a medical word ("Fabry's nephropathy")."""
    m = _WORD_NEXT.match(text, end)
    if m is None:
        return False
    word = re.match(r"[A-Za-z]+", text[m.end() - 1 :])
    return word is not None and word.group().lower() in lex.medical


def _plain_name(lex: Lexicon, word: str) -> bool:
    """A capitalised word that may be a corrected name or town: a given name, or no eponym
    or medical word."""
    return (
        word not in _NOT_NAME
        and word.lower() not in FUNCTION_WORDS
        and (word in given_names() or (word not in lex.eponyms and word.lower() not in lex.medical))
    )
