"""Round 44's shapes. Handles: a social handle after "on Threads/Instagram/TikTok as" with dots
and digits, a national ID with spaces and a letter ("00-000000 A 00", the whole run).
Institutions: a lower-case "<town> regional" after "at", a church "<Name> Baptist/Methodist/
Church" after at/attend/from, a lower-case "<given name>'s ark" after "at", NHS trusts joined
by "and" ("Ashford and St Peter's"), "<Name> Eye and Ear", "<Name> <Name>" after "team at"
before "in <Town>", hospital acronyms (QEH, LAUTECH, ...), a university named by its town
after "my uni (", "Region 1 Medical Center", Dutch "in het <Name>" after "behandeling",
Romanian "Spitalul de Copii Sf. <Name>", Turkish "... Eğitim ve Araştırma Hastanesi", Marathi
"<name> हॉस्पिटल", Persian "بیمارستان <name>" with a zero-width non-joiner inside. Dates: a
named day dating an event ("on Groundhog Day this year"). Names: a name next to
"autocorrect", a name corrected by "sorry, his name is", "<Name> for short", a nickname in
quotes after a given name, "name is <Name>", Dutch "Mijn dochter <Name>". Ages: "almost six",
"<name>, sorry, seven,", "our daughters r 30 and 27", "a member of our church (39)". Places:
"Fort/Port/Mount <Name>" after in/near/from, a corrected place ("near Baird... no, Anson"),
a lower-case corrected "town st" ("dayton... sorry kettering oh"), a lower-case US state after
a town, a town signed after an e-mail address, a US state after "<Town>, ", Haitian "nan Sid",
Urdu, Arabic and Marathi towns by name.

``clamp44`` keeps the words round 44 found lost: "the Four Corners", "the Navy/Army", a
pronoun phrase taken as a place ("tell me"), a Spanish verb after "Mis hijos", Tagalog
pronouns ("siyang"), a plural of a nationality ("Armenians"), eponyms in a corrected syndrome
("it's Cohen... no, Heimler syndrome"), an age "noted at age 6", "US I" (the "I"), Hindi
function words at an institution's head, Tamil "மாவட்ட" (district) after a town, "the VA" as
a benefit payer."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.gazetteer import given_names, lower_cities
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.vocabulary import CAP_LATIN, CAP_WIDE, FUNCTION_WORDS, Lexicon, wordset

_S = r"[^\S\n]+"
NAME_WORD = rf"{CAP_LATIN}[^\W\d_]+(?:[-'’]{CAP_LATIN}?[^\W\d_]+)?"
CORRECTION_DOTS = r"(?:\.\.\.|…|—|--)"
_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    "|fifteen|sixteen|seventeen|eighteen|nineteen|twenty"
)
NOT_A_NAME = wordset(
    "The A An My Our I Is He She It They Sorry Hi Hello Dr No Yes We You This That There"
    " Mine Ours His Hers Which Who What Everyone Nobody Someone Each Both Mum Dad Mom Not"
    " And Or But So In On At To From"
)
STATE_CODES = (
    r"ok|ar|al|az|ca|co|ct|fl|ga|ia|il|ks|ky|md|mi|mn|mo|ms|mt|nc|nd|ne|nj|nm|nv|ny|oh|pa|sc"
    r"|sd|tn|tx|ut|va|vt|wa|wi|wv|wy"
)
STATE_NAMES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia"
    "|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland"
    "|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada"
    "|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma"
    "|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah"
    "|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming"
)

# ------------------------------------------------------------------------------- handles

_SOCIAL_AS = gated(
    r"\bon\s+(?:Threads|Instagram|insta|Insta|TikTok|Tiktok|tiktok|Twitter|Snapchat|snapchat"
    r"|Bluesky|YouTube|Reddit|Discord|X)\s+(?:as|under)\s+@?([A-Za-z0-9](?:[\w.]*[A-Za-z0-9_])?)"
)
_SPACED_ID = gated(r"(?<![\w-])(\d{2}-\d{6,7}\s?[A-Z]\s?\d{2})(?![\w-])")

# ---------------------------------------------------------------------------- institutions

_LOWER_REGIONAL = gated(r"\bat\s+([a-z]{4,}\s+regional)\b(?!\s+(?:level|centre|center|office))")
_CHURCH = gated(
    rf"\b(?:at|attend|attends|attended|from|to|of|join|joined){_S}"
    rf"((?:{NAME_WORD}{_S}){{1,3}}(?:Baptist|Methodist|Pentecostal|Lutheran|Presbyterian|Episcopal"
    r"|Church|Chapel|Tabernacle|Fellowship)(?:\s+Church)?)\b"
)
_LOWER_ARK = gated(r"\bat\s+([a-z]{3,}['’]s\s+ark)\b")
_TRUST_AND = gated(rf"\b({NAME_WORD}\s+and\s+St\.?\s+{NAME_WORD}['’]s?)(?![\w])")
_EYE_AND_EAR = gated(
    rf"\b((?:{NAME_WORD}{_S}){{1,3}}Eye\s+and\s+Ear(?:\s+(?:Hospital|Infirmary|Institute|Clinic))?)"
)
_TEAM_AT = gated(
    rf"\b(?:team|doctors?|staff|nurses?|consultants?|specialists?|surgeons?)\s+at\s+"
    rf"((?:{NAME_WORD}{_S})?{NAME_WORD})(?={_S}in{_S}{CAP_LATIN})"
)
_ACRONYM = gated(
    r"(?<![\w-])(QEH|QEUH|QMC|JCUH|UCLH|LAUTECH|LAUTECHTH|LUTH|UCH|OAUTHC|UITH|KATH|KBTH)(?![\w-])"
)
_MY_UNI = gated(rf"\bmy\s+(?:uni|university|college)\s*\(({NAME_WORD})\)")
_REGION_NUMBER = gated(
    rf"\b((?:Region|District|Zone){_S}\d{{1,2}}{_S}(?:Medical{_S}Cent(?:er|re)|Hospital"
    rf"|General{_S}Hospital|Regional{_S}Hospital))\b"
)
_DUTCH_HET = gated(
    rf"\b(?:behandeling|opgenomen|geopereerd|gezien|controle|bevallen)\s+(?:in|bij)\s+het\s+"
    rf"({NAME_WORD})\b"
)
_ROMANIAN_SAINT = gated(
    rf"\b(Spitalul(?:{_S}(?:Clinic|Județean|Universitar))?(?:{_S}de{_S}(?:Copii|Urgență))?"
    rf"{_S}(?:Sf\.|Sfântul|Sfânta|Sf){_S}?{NAME_WORD}(?:{_S}{NAME_WORD})?)"
)
_TURKISH_TRAINING = gated(
    rf"((?:{CAP_WIDE}[a-zçğıöşü]+\s+){{1,3}}Eğitim\s+ve\s+Araştırma\s+Hastanesi)"
)
_TURKISH_HEAD = gated(r"^(?:(?:Oğlum|Kızım|Annem|Babam|Eşim|Ben|Biz|Bu|Ve|Ama)\s+)+")
_MARATHI_HOSPITAL = gated(
    r"(?<![\u0900-\u097f])([\u0900-\u097f]{2,}\s+(?:हॉस्पिटल|रुग्णालय|इस्पितळ))"
)
_DEVANAGARI_COMMON = wordset("में है हैं और का की के को से या एक आहे आणि ला मध्ये व हे ही")
_PERSIAN_ZWNJ = gated(r"(بیمارستان\s+[\u0621-\u06cc]+\u200c[\u0621-\u06cc]+)")

# --------------------------------------------------------------------------------- dates

_NAMED_DAY = gated(
    r"\bon\s+((?:Groundhog|Valentine['’]s|Mother['’]s|Father['’]s|Boxing|Thanksgiving"
    r"|Independence|Memorial|Labor|Labour|Canada|Australia|Anzac|Christmas|New\s+Year['’]s)"
    r"\s+(?:Day|Eve)|Halloween|Thanksgiving|Easter\s+Sunday)\s+(?:this|last)\s+year\b"
)

# --------------------------------------------------------------------------------- names

_AUTOCORRECT = gated(
    rf"(?:{CORRECTION_DOTS}\s*(?:no|sorry|i\s+mean),?\s+([a-z]{{3,}}),?\s+autocorrect"
    rf"|autocorrect(?:ed)?[!,]*\s+({NAME_WORD}),)"
)
_NAME_BEFORE_CORRECTION = gated(
    rf"({NAME_WORD}){CORRECTION_DOTS}\s*(?:sorry|no|I\s+mean),?\s+(?:his|her|their|my)\s+name\s+is\b"
)
_INTERJECTIONS = FUNCTION_WORDS | wordset("wait again oops sorry lol ugh argh damn stupid")
_FOR_SHORT = gated(rf",\s+({NAME_WORD})\s+for\s+short\b")
_QUOTED_NICK = gated(rf"\b({NAME_WORD})(?:,\s*|\s*\()[\"“]({NAME_WORD})[\"”]")
_NAME_IS = gated(rf"\b(?:[Nn]ame\s+is|[Nn]ame['’]s)\s+({NAME_WORD})\b")
_DUTCH_KIN = gated(
    rf"\b(?:[Mm]ijn|[Oo]nze)\s+(?:dochter|zoon|zoontje|dochtertje|kleinzoon|kleindochter"
    rf"|broer|zus|man|vrouw)\s+({NAME_WORD})(?=\s+(?:is|heeft|was|had|van|\(|,))"
)

# ---------------------------------------------------------------------------------- ages

_ALMOST = gated(
    rf"\b(?:is|now|he['’]s|she['’]s|they['’]re|turns?|turning)\s+(?:now\s+)?"
    rf"(almost\s+(?:\d{{1,2}}|{_NUMBER_WORDS}))\b"
    r"(?!\s*(?:%|percent|times|hours?|days?|weeks?|kg|lbs?|pounds|cm|inches|feet|ft|mg|ml))"
)
_SORRY_AGE = gated(
    rf",\s*sorry,?\s+({_NUMBER_WORDS}|\d{{1,2}}),\s+(?:has|had|is|was|with)\b"
)
_PLURAL_AGES = gated(
    r"\b(?:daughters|sons|kids|children|boys|girls|twins|grandkids)\s+(?:r|are|were)\s+"
    r"(\d{1,2})\s+(?:and|&|n)\s+(\d{1,2})\b"
    r"(?=\s*(?:[.,;!?)]|$)|\s+(?:and|n|but|so|now|both|years?|yrs?|yo|should|are|were)\b)"
)
_MEMBER_AGE = gated(
    r"\b(?:member|friend|colleague|neighbou?r|student|pupil|client|parishioner|congregant)"
    r"(?:\s+of\s+(?:(?:our|my|the)\s+[a-z]+|ours|mine))?\s+\((\d{1,2})\)"
)

# -------------------------------------------------------------------------------- places

_PREFIX_TOWN = gated(
    rf"\b(?:in|near|from|to|outside)\s+((?:Fort|Port|Mount|Glen|Lake)\s+{NAME_WORD})\b(?!['’]s)"
)
_CORRECTED_PLACE = gated(
    rf"\b(?:near|in|from|outside)\s+({NAME_WORD}){CORRECTION_DOTS}\s*(?:no|sorry|I\s+mean),?\s+{NAME_WORD}"
)
_CORRECTED_LOWER = gated(
    rf"\bin\s+[a-z]+{CORRECTION_DOTS}\s*(?:sorry|no|i\s+mean),?\s+([a-z]{{3,}}(?:\s[a-z]+)?)\s+"
    rf"({STATE_CODES})\b(?=[.,!?]|$|\s)"
)
_LOWER_STATE = gated(
    rf"\bin\s+(?:{NAME_WORD}\s+|[a-z]{{3,}},?\s+)({STATE_NAMES.lower()})\b"
)
_SIGNED_PLACE = gated(
    rf"[\w.+-]+@[\w-]+(?:\.[\w-]+)+,{_S}((?:{NAME_WORD}{_S}){{0,2}}{NAME_WORD})(?=\.?\s*$)"
)
_TOWN_STATE = gated(rf"\b{NAME_WORD},\s+({STATE_NAMES})\b")
_HAITIAN_REGION = gated(r"\bnan\s+(Sid|Nò|Nòdwès|Nòdès|Sidès|Lwès|Grandans|Nip|Latibonit)\b")
_URDU_TOWN = gated(
    r"(?<![\u0600-\u06ff])(لاہور|کراچی|اسلام\s+آباد|راولپنڈی|پشاور|ملتان|فیصل\s+آباد|کوئٹہ"
    r"|گوجرانوالہ|سیالکوٹ)(?![\u0600-\u06ff])"
)
_ARABIC_TOWN = gated(
    r"(?<![\u0600-\u06ff])(?:من\s+|في\s+)(رام\s+الله|نابلس|الخليل|غزة|بيت\s+لحم|جنين|طولكرم"
    r"|أريحا|إربد|الزرقاء)(?![\u0600-\u06ff])"
)
_MARATHI_TOWN = gated(
    r"(?<![\u0900-\u097f])(कोल्हापूर|पुणे|नाशिक|सातारा|सांगली|सोलापूर|औरंगाबाद|नागपूर|ठाणे"
    r"|अमरावती|अहमदनगर|जळगाव|लातूर|नांदेड)(?=ला|मध्ये|हून|त\b|च|\s|$|[,.?।])"
)


def unseen44_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 44's handles, institutions, dates, ages and places (the module's docstring)."""
    for m in _SOCIAL_AS.finditer(text):
        handle = m.group(1)
        if re.search(r"[\d._]", handle):
            yield Span(m.start(1), m.end(1), "id")  # "on Threads as teo.vs.fop0073"
    for m in _SPACED_ID.finditer(text):
        yield Span(m.start(1), m.end(1), "id")  # "00-000072 A 00"
    for pattern in (_CHURCH, _TRUST_AND, _EYE_AND_EAR, _TEAM_AT, _ACRONYM, _MY_UNI,
                    _REGION_NUMBER, _DUTCH_HET, _ROMANIAN_SAINT, _PERSIAN_ZWNJ):
        for m in pattern.finditer(text):
            first = m.group(1).split()[0]
            if first in NOT_A_NAME:
                continue
            if pattern is _DUTCH_HET and lex.plain(first):
                continue
            yield Span(m.start(1), m.end(1), "institution")  # "Greater Hope Baptist"
    for m in _LOWER_REGIONAL.finditer(text):
        first = m.group(1).split()[0]
        if not lex.plain(first) and first not in FUNCTION_WORDS:
            yield Span(m.start(1), m.end(1), "institution")  # "at thibodaux regional"
    for m in _LOWER_ARK.finditer(text):
        if m.group(1)[:-6].rstrip("'’").capitalize() in given_names():
            yield Span(m.start(1), m.end(1), "institution")  # "at noah's ark"
    for m in _TURKISH_TRAINING.finditer(text):
        head = _TURKISH_HEAD.match(m.group(1))
        start = m.start(1) + (head.end() if head else 0)
        yield Span(start, m.end(1), "institution")  # "Kanuni Eğitim ve Araştırma Hastanesi"
    for m in _MARATHI_HOSPITAL.finditer(text):
        if m.group(1).split()[0] not in _DEVANAGARI_COMMON:
            yield Span(m.start(1), m.end(1), "institution")  # "सीपीआर हॉस्पिटल"
    for m in _NAMED_DAY.finditer(text):
        yield Span(m.start(1), m.end(1), "date")  # "on Groundhog Day this year"
    for m in _ALMOST.finditer(text):
        yield Span(m.start(1), m.end(1), "age")  # "is now almost six"
    for m in _SORRY_AGE.finditer(text):
        yield Span(m.start(1), m.end(1), "age")  # "Hayden, sorry, seven, has"
    for m in _PLURAL_AGES.finditer(text):
        yield Span(m.start(1), m.end(1), "age")  # "our daughters r 30 and 27"
        yield Span(m.start(2), m.end(2), "age")
    for m in _MEMBER_AGE.finditer(text):
        yield Span(m.start(1), m.end(1), "age")  # "a member of our church (39)"
    for pattern in (_PREFIX_TOWN, _CORRECTED_PLACE, _SIGNED_PLACE, _HAITIAN_REGION,
                    _URDU_TOWN, _ARABIC_TOWN, _MARATHI_TOWN):
        for m in pattern.finditer(text):
            if m.group(1).split()[0] in NOT_A_NAME:
                continue
            if pattern is _PREFIX_TOWN and m.group(1).endswith("Sinai"):
                continue  # "Mount Sinai": a hospital
            yield Span(m.start(1), m.end(1), "place")  # "in Fort Collins", "nan Sid"


def surname44_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 44's names and places by their cue, past the protection of ordinary words
    ("Mijn dochter Floor", "sorry kettering oh")."""
    for m in _AUTOCORRECT.finditer(text):
        group = 1 if m.group(1) else 2
        word = m.group(group)
        if word not in NOT_A_NAME and word.lower() not in _INTERJECTIONS:
            yield Span(m.start(group), m.end(group), "name")  # "no jayce, autocorrect"
    for m in _NAME_BEFORE_CORRECTION.finditer(text):
        if m.group(1) not in NOT_A_NAME:
            yield Span(m.start(1), m.end(1), "name")  # "Iqbal... sorry, his name is"
    for m in _FOR_SHORT.finditer(text):
        if m.group(1) not in NOT_A_NAME and m.group(1).lower() not in lex.medical:
            yield Span(m.start(1), m.end(1), "name")  # "Olayinka, Ola for short"
    for m in _QUOTED_NICK.finditer(text):
        full, nick = m.group(1), m.group(2)
        if full in given_names() and nick not in NOT_A_NAME and (
            nick[:2] == full[:2] or nick in given_names()
        ):
            yield Span(m.start(2), m.end(2), "name")  # 'Maximilian, "Max",'
    for m in _NAME_IS.finditer(text):
        word = m.group(1)
        if word not in NOT_A_NAME and (word in given_names() or not lex.plain(word)):
            yield Span(m.start(1), m.end(1), "name")  # "name is Tavish"
    for m in _DUTCH_KIN.finditer(text):
        if m.group(1) not in NOT_A_NAME:
            yield Span(m.start(1), m.end(1), "name")  # "Mijn dochter Floor is"
    for m in _CORRECTED_LOWER.finditer(text):
        if m.group(1).lower() in lower_cities():
            yield Span(m.start(1), m.end(1), "place")  # "dayton... sorry kettering oh"
            yield Span(m.start(2), m.end(2), "place")
    for pattern in (_LOWER_STATE, _TOWN_STATE):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "place")  # "in Sandpoint idaho", "Portland, Oregon"


# -------------------------------------------------------------------------------- clamp

_WORD_TAIL = re.compile(r"\w*")  # the letters that end a truncated eponym ("Heimle|r")
_MILITARY = wordset("Navy Army Marines RAF Military Guard")
_TELL_WORDS = "tell told ask asked give show help call let"
_OBJECT_WORDS = "me him her us them"
_TELL, _OBJECT = wordset(_TELL_WORDS), wordset(_OBJECT_WORDS)
_TELL_BEFORE = gated(rf"\b(?:{'|'.join(_TELL_WORDS.split())})\s+$")
_OBJECT_AFTER = gated(rf"^\s+(?:{'|'.join(_OBJECT_WORDS.split())})\b")
_SPANISH_KIN_BEFORE = gated(
    r"\b(?:[Mm]is|[Ss]us|[Nn]uestros|[Nn]uestras)\s+(?:hijos|hijas|hermanos)\s+(?:[a-záéíóúñ]+\s+)?$"
)
_TAGALOG = wordset("siya siyang sila silang kami kaming niya nila ako akong ito itong iyon")
_DEMONYM = gated(rf"^{CAP_LATIN}[a-z]+(?:ians|eans|ans|ese)$")
# "... no, sorry, it's": a correction before the word it corrects
_CORRECTION = rf"\s*{CORRECTION_DOTS}\s*(?:no|sorry|I\s+mean)[,\s]+(?:sorry,?\s+)?(?:it['’]s\s+)?"
_CORRECTED_EPONYM_AFTER = gated(
    rf"^(?:{_CORRECTION}{NAME_WORD})*(?:{_CORRECTION})?\s+(?:syndrome|disease|disorder)\b"
)
_NOTED_AT = gated(r"\b(?:noted|noticed|first\s+seen|detected|spotted)\s+at\s+(?:age\s+)?$")
_HINDI_HEAD = gated(r"^((?:(?:है|हैं|और|में|का|की|के|को|से|या)\s+)+)")
_TAMIL_DISTRICT_WORD = "மாவட்ட"
_TAMIL_DISTRICT = gated(r"\s+மாவட்ட$")
_BENEFIT_VA = gated(r"\b(?:[Dd]oes|[Ww]ill|[Cc]an|[Ww]ould|[Ss]hould)\s+the\s+$")


def clamp44(lex: Lexicon, text: str, spans: list[Span]) -> list[Span]:
    """``spans`` less the words round 44 keeps (the module's docstring), plus round 44's
    names and places read by their cue."""
    spans = [*spans, *surname44_spans(lex, text)]
    kept: list[Span] = []
    for span in spans:
        piece = text[span.start : span.end]
        before = text[max(0, span.start - 80) : span.start]
        after = text[span.end : span.end + 80]
        if piece == "Four Corners" or (
            piece in _MILITARY and before.endswith("the ") and span.kind != "name"
        ):
            continue  # "in the Four Corners", "in the Navy"
        if span.kind == "place" and (
            (piece in _TELL and _OBJECT_AFTER.match(after))
            or (piece in _OBJECT and _TELL_BEFORE.search(before))
        ):
            continue  # "forgot to tell me": the verb and the pronoun
        if (piece.islower() and span.kind == "name" and _SPANISH_KIN_BEFORE.search(before)) or (
            piece.lower() in _TAGALOG and (piece.islower() or after.startswith(" ay "))
        ):
            continue  # "¿Mis hijos pueden", "siyang"
        if span.kind == "place" and _DEMONYM.match(piece) and piece.lower() not in lower_cities():
            continue  # "common in Armenians"
        tail = _WORD_TAIL.match(after)
        word = piece + (tail.group() if tail else "")
        if (
            span.kind in ("name", "place")
            and word in lex.eponyms
            and _CORRECTED_EPONYM_AFTER.match(text[span.start + len(word) : span.end + 80])
        ):
            continue  # "it's Cohen... no, Heimler syndrome"
        if span.kind == "age" and _NOTED_AT.search(before) and piece.isdigit():
            continue  # "noted at age 6": an onset age
        if span.kind == "institution" and piece.endswith(" I") and len(piece) > 2:
            span = Span(span.start, span.end - 2, span.kind, span.strong)
            piece = piece[:-2]  # "the US I can join": the "I" stays
        if span.kind == "institution":
            head = _HINDI_HEAD.match(piece)
            if head:
                span = Span(span.start + head.end(1), span.end, span.kind, span.strong)
        if span.kind == "place":
            tail = _TAMIL_DISTRICT.search(piece)
            if tail:
                span = Span(span.start, span.start + tail.start(), span.kind, span.strong)
            if piece == _TAMIL_DISTRICT_WORD:
                continue  # "ஈரோடு மாவட்டத்தில்": "district" stays
        if piece == "VA" and _BENEFIT_VA.search(before):
            continue  # "Does the VA cover"
        kept.append(span)
    return kept
