"""Round 45's shapes. Handles: a Reddit handle "u/<word characters>". Institutions: a department
"Clinical Genetics" after "seen by/referred to" before "at <Hospital>", a health system written
as one word after a state or town ("OhioHealth"), a lower-case hospital after "at" before "in
<town>" or a question mark ("at harborview in seattle"), a charity "the <Name> ...
Trust/Foundation" after for/with/from, Indonesian "RS <NAME> <Town>", Brazilian "HC de <Town>",
Romanian "Spitalul ... din <Town>", a German adjectival possessive before Kinderspital/Klinikum
("Dr. von Haunersche Kinderspital"), Israeli hospitals after "ב" or "בית החולים" ("במאיר",
"בזיו"). Places: a lower-case "<town> <st>" or "<town> <state>" after in/from/no ("brainerd mn",
"tupper lake new york"), a corrected state code ("ND, sorry NY not ND"), "<state> not <state>"
in lower case, a lower-case town after "drive from" or before a correction ("in wantage—no
sorry"), Spanish-prefixed lower-case towns after "is/in" ("del rio"), "<Name>, the town in",
Polish inflected cities after w/z ("w Gdyni"), Nepali and Hindi country names before a case
ending ("नेपालमा"), Chinese towns after 住在/来自 and before 附近的. Names: "i'm <name> n i'm 15",
"(real name <name>)", a lower-case name after "sorry autocorrect", Romanian "Fiica mea <Name>",
Indonesian "anak saya <Name>", a kin's name before a correction ("Mia figlia Violante...
scusate"), "We are <Name> and <Name> <Surname> from". Dates: a named day with its year ("Leap
Day 2024"). Ages: tens in brackets after a name ("Sheldon (thirty)"), "(39 btw)".

``clamp45`` keeps the words round 45 found lost: a specialty before "clinic" ("the Haematology
clinic"), a Chinese conjunction after a kin word ("我爸爸和我都有"), "the Top End", a name
before "'s curse/syndrome/disease" ("Ondine's curse"), an ordinary verb after a kin
word ("his father donate a kidney"), a form label after a line break ("County:"), a lower-case
"daycare/nursery" after a named one ("Little Acorns daycare")."""

from __future__ import annotations

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
from rareinfo.inquiries.deid.vocabulary import CAP_LATIN, Lexicon, wordset

_S = r"[^\S\n]+"
_HAN = "\u3400-\u4dbf\u4e00-\u9fff"
_STATES_LOWER = STATE_NAMES.lower()

# ------------------------------------------------------------------------------- handles

_REDDIT_USER = gated(r"(?<![\w/])(u/[A-Za-z0-9_-]{3,})")

# ---------------------------------------------------------------------------- institutions

_DEPARTMENT = gated(
    r"\b(?:seen\s+(?:by|in|at)|referred\s+(?:to|by)|under|reviewed\s+by|letter\s+from)\s+"
    r"(?:the\s+)?(Clinical\s+(?:Genetics|Immunology|Biochemistry|Pharmacology))"
    rf"(?=\s+(?:at|in){_S}{CAP_LATIN}|,{_S}{CAP_LATIN})"
)
_WORD_HEALTH = gated(rf"\b((?:{STATE_NAMES.replace(' ', '')}|{CAP_LATIN}[a-z]{{3,}})Health)\b")
_LOWER_AT = gated(r"\bat\s+([a-z]{5,})(?:\s+in\s+([a-z]+(?:\s[a-z]+)?)\b|(?=\s*\?\?))")
_CARE_BEFORE = gated(
    r"\b(?:icu|nicu|picu|does|do|did|seen|treated|admitted|infusions?|factor|clinic|doctors?"
    r"|surgery|operated|delivered|born)\b[^.?!\n]{0,30}$"
)
_CHARITY = gated(
    rf"\b(?:for|with|from|to|by|of)\s+the\s+((?:{NAME_WORD}{_S}){{1,3}}"
    r"(?:Trust|Foundation|Charity|Fund))\b"
)
_INDONESIAN_RS = gated(
    rf"\b((?:RS|RSU|RSUD|RSIA|RSAB)\s+(?:[A-Z]{{2,}}\s+)?{NAME_WORD})\b"
)
_BRAZIL_HC = gated(rf"\b(HC\s+d[eao]\s+{NAME_WORD})\b")
_ROMANIAN_DIN = gated(
    rf"\b(Spitalul(?:{_S}(?:Clinic|Județean|Universitar|Municipal|Orășenesc))?"
    rf"(?:{_S}de{_S}(?:Copii|Urgență|Pediatrie|Boli{_S}Infecțioase))?{_S}din{_S}{NAME_WORD})"
)
_GERMAN_POSSESSIVE = gated(
    rf"((?:Dr\.{_S})?(?:von{_S})?{CAP_LATIN}[a-zäöüß]+sche[ns]?{_S}"
    r"(?:Kinderspital|Kinderklinik|Klinikum|Klinik|Krankenhaus|Spital))"
)
_HEBREW_HOSPITAL = gated(
    r"(?:(?<![\u0590-\u05ff])ב|בית\s+החולים\s+|בבית\s+חולים\s+)"
    r"(מאיר|זיו|שיבא|איכילוב|הדסה|סורוקה|רמב\"ם|רמב״ם|בילינסון|שניידר|וולפסון|ברזילי|קפלן"
    r"|העמק|פוריה|לניאדו|שערי\s+צדק|הלל\s+יפה|בני\s+ציון|מעייני\s+הישועה|אסף\s+הרופא)"
    r"(?![\u0590-\u05ff])"
)

# --------------------------------------------------------------------------------- places

_LOWER_TOWN_CODE = gated(
    rf"\b(?:in|from|near|no|sorry|wait)\s+(?!(?:wait|no|sorry)\b)([a-z]{{3,}}(?:\s[a-z]{{3,}})?)\s+({STATE_CODES})\b"
    r"(?=[.,!?;]|$|\s)"
)
_LOWER_TOWN_STATE = gated(
    rf"\b(?:in|from|near)\s+([a-z]{{3,}}\s[a-z]{{3,}})\s+({_STATES_LOWER})\b"
)
_CORRECTED_CODE = gated(r",?\s*sorry,?\s+([A-Z]{2})\s+not\s+[A-Z]{2}\b")
_STATE_NOT_STATE = gated(rf"\b({_STATES_LOWER})\s+not\s+({_STATES_LOWER})\b")
_TRIP_FROM = gated(
    r"\b(?:drive|trip|move|moved|commute|flight|journey|bus|train)\s+from\s+([a-z]{4,})"
    r"(?=\s*[?!.,]|$)"
)
_CORRECTED_TOWN = gated(rf"\bin\s+([a-z]{{4,}})\s*{CORRECTION_DOTS}\s*(?:no|sorry)\b")
_SPANISH_TOWN = gated(r"\b(?:is|in|to|from|near)\s+((?:del|san|santa|las|los|el)\s[a-z]{3,})\b")
_THE_TOWN = gated(
    rf"\b(?:after|in|from|near)\s+({NAME_WORD}),\s+(?:the|a)\s+(?:town|city|village)\b"
)
_POLISH_CITY = gated(
    r"\b(?:[Ww]e?|[Zz]e?|[Oo]koło|[Kk]oło|[Pp]od)\s+(Gdyni|Gdańsku|Gdańska|Krakowie|Krakowa"
    r"|Warszawie|Warszawy|Wrocławiu|Wrocławia|Poznaniu|Poznania|Łodzi|Szczecinie|Szczecina"
    r"|Lublinie|Lublina|Katowicach|Katowic|Białymstoku|Białegostoku|Rzeszowie|Rzeszowa"
    r"|Toruniu|Torunia|Bydgoszczy|Olsztynie|Olsztyna|Kielcach|Kielc|Opolu|Opola|Sopocie"
    r"|Sopotu|Gliwicach|Gliwic|Częstochowie|Częstochowy|Radomiu|Radomia)\b"
)
_DEVANAGARI_COUNTRY = gated(
    r"(?<![\u0900-\u097f])(नेपाल|भारत|बांग्लादेश|पाकिस्तान|भूटान)"
    r"(?=मा|को|ले|बाट|में|से|का|की|के|[\s,.?।]|$)"
)
_CHINESE_TOWN = gated(
    rf"(?:住在|来自|來自|家在|老家在)([{_HAN}]{{2}})(?:附近的([{_HAN}]{{2}}))?(?=[，。,.！？?!]|附近|市|人|的)"
)
_CHINESE_NOT_TOWN = wordset(
    "医院 醫院 附近 这里 這裡 那里 那裡 国外 國外 农村 農村 城里 城裡 家里 家裡 北方 南方 乡下"
    " 鄉下 郊区 郊區 外地 本地 市区 市區 一起 这边 那边"
)

# ---------------------------------------------------------------------------------- names

_IM_NAME_AGE = gated(r"\bi['’]?m\s+([a-z]{3,})\s+(?:n|and|&)\s+i['’]?m\s+\d")
_REAL_NAME = gated(rf"\(real\s+name(?:\s+is)?\s+([a-z]{{3,}}|{NAME_WORD})\)")
_SORRY_AUTOCORRECT = gated(r"\bsorry,?\s+autocorrect(?:ed)?[!,]*\s+([a-z]{3,})\b")
_ROMANIAN_KIN = gated(
    r"\b(?:[Ff]iica|[Ff]iul|[Ff]ata|[Bb]ăiatul|[Ss]oția|[Ss]oțul|[Ff]ratele|[Ss]ora|[Nn]epotul"
    rf"|[Nn]epoata|[Mm]ama|[Tt]atăl)\s+(?:mea|meu|noastră|nostru)\s+({NAME_WORD})\b"
)
_INDONESIAN_KIN = gated(
    rf"\b(?:[Aa]nak|[Pp]utri|[Pp]utra|[Ss]uami|[Ii]stri|[Aa]dik|[Kk]akak|[Cc]ucu)\s+"
    rf"(?:saya|kami|perempuan\s+saya|laki-laki\s+saya)\s+({NAME_WORD})\b"
)
_KIN_CORRECTED = gated(
    r"\b(?:figlia|figlio|hija|hijo|filha|filho|fille|fils|Tochter|Sohn|daughter|son)\s+"
    rf"({NAME_WORD}){CORRECTION_DOTS}\s*(?:scusate|scusa|cioè|anzi|perdón|perdon|desculpa|désolé|pardon"
    rf"|sorry|no|nein|sorry),?\s+{NAME_WORD}"
)
_TITLES = wordset("Dr Mr Mrs Ms Miss Prof Rev Sir Dame")
_JOINING = wordset("not and or but the nor")
_WE_ARE = gated(
    rf"\b[Ww]e\s+are\s+({NAME_WORD})\s+and\s+({NAME_WORD}(?:{_S}{NAME_WORD})?)\s+from\b"
)

# ---------------------------------------------------------------------------------- dates

_DAY_YEAR = gated(
    r"\b((?:Leap\s+Day|Christmas\s+(?:Day|Eve)|New\s+Year['’]s\s+(?:Day|Eve)|Boxing\s+Day"
    r"|Valentine['’]s\s+Day|Halloween|Easter\s+(?:Sunday|Monday)|Thanksgiving(?:\s+Day)?"
    r"|Independence\s+Day|Bastille\s+Day)\s+(?:19|20)\d{2})\b"
)

# ----------------------------------------------------------------------------------- ages

_TENS_BRACKET = gated(
    rf"\b{NAME_WORD}\s+\(((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)\)"
)
_BTW_AGE = gated(r"\((?:i['’]?m\s+|im\s+)?(\d{1,2})\s+btw\)")


def unseen45_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 45's handles, institutions, places, dates and ages (the module's docstring)."""
    for m in _REDDIT_USER.finditer(text):
        yield Span(m.start(1), m.end(1), "id")  # "u/name_word_0000"
    for m in _WORD_HEALTH.finditer(text):
        head = m.group(1)[:-6]
        if head.lower() in lower_cities() or head in STATE_NAMES.replace(" ", "").split("|"):
            yield Span(m.start(1), m.end(1), "institution")  # "OhioHealth"
    for m in _LOWER_AT.finditer(text):
        word = m.group(1)
        known_town = m.group(2) is not None and m.group(2) in lower_cities()
        if not (known_town or _CARE_BEFORE.search(text[max(0, m.start() - 40) : m.start()])):
            continue  # "tired at playtime in school", "OK at bedtime??"
        if not lex.plain(word) and word.capitalize() not in given_names():
            yield Span(m.start(1), m.end(1), "institution")  # "at harborview in seattle"
    for pattern in (_DEPARTMENT, _CHARITY, _INDONESIAN_RS, _BRAZIL_HC, _ROMANIAN_DIN,
                    _GERMAN_POSSESSIVE, _HEBREW_HOSPITAL):
        for m in pattern.finditer(text):
            words = m.group(1).split()
            if words[0] in NOT_A_NAME:
                continue
            if pattern is _CHARITY and (
                any(w.lower() in lex.medical and w.lower() not in lex.ordinary_medical
                    for w in words[:-1])
                or any(w in lex.eponyms and w.lower() not in lex.medical for w in words[:-1])
            ):
                continue  # "the Cystic Fibrosis Trust": a charity named by its disease
            yield Span(m.start(1), m.end(1), "institution")  # "RS PMI Bogor", "HC de Ribeirão"
    for m in _DAY_YEAR.finditer(text):
        yield Span(m.start(1), m.end(1), "date")  # "Leap Day 2024"
    for pattern in (_TENS_BRACKET, _BTW_AGE):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "age")  # "Sheldon (thirty)", "(39 btw)"
    for pattern in (_THE_TOWN, _POLISH_CITY, _DEVANAGARI_COUNTRY):
        for m in pattern.finditer(text):
            if m.group(1) in NOT_A_NAME:
                continue
            yield Span(m.start(1), m.end(1), "place")  # "Salla, the town", "w Gdyni"
    for m in _CHINESE_TOWN.finditer(text):
        for group in (1, 2):
            town = m.group(group)
            if town and town not in _CHINESE_NOT_TOWN:
                yield Span(m.start(group), m.end(group), "place")  # "住在无锡附近的宜兴"


def surname45_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 45's names and lower-case places by their cue, past the protection of ordinary
    words ("brainerd mn", "i'm ellis n i'm 15")."""
    for pattern in (_LOWER_TOWN_CODE, _LOWER_TOWN_STATE):
        for m in pattern.finditer(text):
            town = m.group(1)
            if _JOINING & set(town.split()):
                continue  # "in ohio not new york": two states
            if lex.plain(town.split()[0]) and town not in lower_cities():
                continue
            yield Span(m.start(1), m.end(1), "place")  # "brainerd mn", "tupper lake new york"
            yield Span(m.start(2), m.end(2), "place")
    for m in _CORRECTED_CODE.finditer(text):
        yield Span(m.start(1), m.end(1), "place")  # "ND, sorry NY not ND"
    for m in _STATE_NOT_STATE.finditer(text):
        yield Span(m.start(1), m.end(1), "place")  # "nebraska not virginia"
        yield Span(m.start(2), m.end(2), "place")
    for pattern in (_TRIP_FROM, _CORRECTED_TOWN):
        for m in pattern.finditer(text):
            if not lex.plain(m.group(1)):
                yield Span(m.start(1), m.end(1), "place")  # "the drive from batesville"
    for m in _SPANISH_TOWN.finditer(text):
        if m.group(1).split()[1] not in lex.medical:
            yield Span(m.start(1), m.end(1), "place")  # "is del rio"
    for pattern in (_IM_NAME_AGE, _REAL_NAME, _SORRY_AUTOCORRECT):
        for m in pattern.finditer(text):
            word = m.group(1)
            if word.capitalize() in given_names() or (
                pattern is not _REAL_NAME and not lex.plain(word)
            ):
                yield Span(m.start(1), m.end(1), "name")  # "i'm ellis n i'm 15"
    for pattern in (_ROMANIAN_KIN, _INDONESIAN_KIN, _KIN_CORRECTED):
        for m in pattern.finditer(text):
            if m.group(1) not in NOT_A_NAME:
                yield Span(m.start(1), m.end(1), "name")  # "Fiica mea Anca"
    for m in _WE_ARE.finditer(text):
        if m.group(1) in _TITLES or m.group(2).split()[0] in _TITLES:
            continue  # "we are Dr and Mrs Boateng": the surname is found by its title
        for group in (1, 2):
            if m.group(group).split()[0] not in NOT_A_NAME:
                yield Span(m.start(group), m.end(group), "name")  # "We are Sefton and ..."


# ---------------------------------------------------------------------------------- clamp

_SPECIALTY = gated(r"^[A-Z][a-z]+(?:ology|iatrics|iatry|genetics|ics)$")
_CLINIC_AFTER = gated(r"^\s+(?:clinic|Clinic|department|Department|team|Team|ward|Ward)\b")
_HAN_CONJUNCTION = gated(r"^[和跟与與同及][我你他她妈媽爸哥姐弟妹都也]")
_TOP_END = gated(r"\bthe\s+$")
_EPONYM_AFTER = gated(
    r"^['’]s\s+(?:curse|syndrome|disease|disorder|sign|palsy|phenomenon|anomaly|tumou?r)\b"
)
_KIN_BEFORE = gated(
    r"\b(?:father|mother|dad|mum|mom|brother|sister|husband|wife|son|daughter|uncle|aunt)\s+$"
)
_DETERMINER_AFTER = gated(r"^\s+(?:a|an|the|his|her|my|our|their|some|one)\b")
_LABEL_AFTER = gated(r"^\s*:")
_TYPE_TAIL = gated(
    r"\s(?:daycare|nursery|preschool|kindergarten|playgroup|creche|crèche|childcare)$"
)


def clamp45(lex: Lexicon, text: str, spans: list[Span]) -> list[Span]:
    """``spans`` less the words round 45 keeps (the module's docstring), plus round 45's
    names and places read by their cue."""
    spans = [*spans, *surname45_spans(lex, text)]
    kept: list[Span] = []
    for span in spans:
        piece = text[span.start : span.end]
        before = text[max(0, span.start - 80) : span.start]
        after = text[span.end : span.end + 80]
        if span.kind == "institution" and _SPECIALTY.match(piece) and _CLINIC_AFTER.match(after):
            continue  # "the Haematology clinic"
        if span.kind == "name" and _HAN_CONJUNCTION.match(piece):
            continue  # "我爸爸和我都有"
        if piece == "Top End" and _TOP_END.search(before):
            continue  # "in the Top End": a region no set labels
        if span.kind in ("name", "place") and _EPONYM_AFTER.match(after):
            continue  # "Ondine's curse"
        if (
            span.kind == "name"
            and piece.islower()
            and piece.capitalize() not in given_names()
            and _KIN_BEFORE.search(before)
            and _DETERMINER_AFTER.match(after)
        ):
            continue  # "his father donate a kidney"
        if "\n" in piece:
            line_end = piece.rindex("\n")
            if _LABEL_AFTER.match(after) and span.kind == "place":
                span = Span(span.start, span.start + line_end, span.kind, span.strong)
                if not text[span.start : span.end].strip():
                    continue  # "County:" on the next line: a form label
        if span.kind == "institution" and piece[:1].isupper():
            tail = _TYPE_TAIL.search(piece)
            if tail:  # "Little Acorns daycare": the kind of place stays
                span = Span(span.start, span.start + tail.start(), span.kind, span.strong)
        kept.append(span)
    return kept
