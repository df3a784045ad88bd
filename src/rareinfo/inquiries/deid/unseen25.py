"""Round 25's shapes. Institutions: a New York public school by its number ("P.S. 306", "I.S.
131"), an acronym and "Health"/"Healthcare" after "at" ("at SSM Health"), a practice's head
word after a name found ("[Pathways Pediatric] Therapy"), a care home named whole after "on
behalf of" ("Tarka View Care Home"), a lower-case hospital after "she's at" before a place
("at pinderfields in [place]"), a hospital named after a person with "de"/"da"/"do" ("Hospital
Bettina Ferro de Souza"). Dates: a bare month of an event after "said", "it was", "since",
"diagnosed in" ("I said March for the diagnosis, it was April"; the modal "may" stays). Names:
lower-case chat corrections after "im", "typo,", "ok its" ("im barrett... lol typo,
bartlett"), a lower-case name after a kin word with a bracket saying it is a name ("my son
pepper (yes that's his real name)"), "SURNAME, Given" after "Re:" with accents, "Jr."/"Sr."
after a name, an appositive after "one of our fourth graders," (plural roles), Urdu "میں X
ہوں", a Chinese full name after a kin word (媽媽林秀琴), Vietnamese "bé Tường Vy". Ages: a bare
number after a name and a full stop ("bart. 20,", "[name]., 8,"), Romanian "am 52 de ani",
Gujarati number words before વર્ષ. Places: US city abbreviations after "in" ("in phx"), a known
place in a "not X" contrast near a place ("(not CA lol)", "not chile haha"), lower-case state
codes after "anywhere in" or after a town ending a sentence ("in [lawton] ok"), Hebrew "עילית"
after a town and a town corrected after "סליחה," with its prefix, Arabic "في X" after an
institution.

``kept25`` takes back: a hyphenated medical compound after "it's" ("it's CADASIL-like"), a
lower-case word after "it's" ("it's expensive"), a world region ("Asia Tenggara"), an adjective
read as an institution ("provincial plans"), a Swahili verb before a town ("Tunaishi Tanga"),
a title read into an institution ("a carer for Mr Frobisher": the name alone), and a Chinese
medical word after a kin word read as a name ("我媽媽高血壓": high blood pressure)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.gazetteer import (
    countries,
    region_abbreviations,
    regions,
    surnames,
)
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.vocabulary import (
    CAP_LATIN,
    Lexicon,
    common_words,
    eponym_words,
    foreign_words,
    wordset,
)

_S = r"[^\S\n]+"
_W = r"[^\S\n]*"
_CAPW = rf"{CAP_LATIN}[\w'’-]+"

# ---------------------------------------------------------------------------- institutions

# a New York school by its number: "P.S. 306", "I.S. 131", "J.H.S. 189", "M.S. 51"
_NY_SCHOOL = gated(r"\b((?:P\.?S\.?|I\.?S\.?|M\.?S\.?|J\.?H\.?S\.?)[^\S\n]?\d{1,3})\b")
_NY_SCHOOL_CUE = gated(r"\b(?:school|nurse|teacher|class|grade|attends|kindergarten)\b", re.I)
# an acronym and "Health": "at SSM Health", "at HCA Healthcare", "CHI Health"
_ACRONYM_HEALTH = gated(
    rf"\b(?:at|to|from|with|by){_S}((?:[A-Z]{{2,5}}|{_CAPW}){_S}(?:Health|Healthcare|Health{_S}"
    rf"System|Medical|Medicine))(?![\w-])"
)
_NOT_HEALTH_OPENERS = wordset(
    "The A An Our My Your Their His Her Public Mental Global Women's Child Children's Family"
    " Community Home Occupational Sexual Reproductive Oral Dental Primary Men's Student"
    " Population Environmental Behavioral Behavioural Digital Internal Nuclear Sports Sleep"
    " Travel Tropical Veterinary Emergency Integrative Alternative General Functional"
)
# a practice's head word after an institution found: "[Pathways Pediatric] Therapy"
_PRACTICE_HEAD = gated(
    rf"{_S}(?:Therapy|Therapies|Rehab|Rehabilitation|Physio|Physiotherapy|Home{_S}Care"
    rf"|Services|Care)\b"
)
_PRACTICE_ENDS = wordset("Therapy Rehab Services Care Physio Physiotherapy")
# a care home named whole: "on behalf of Tarka View Care Home"
_CARE_HOME = gated(
    rf"\b((?:{_CAPW}{_S}){{1,3}}(?:Care{_S}Home|Nursing{_S}Home|Residential{_S}Home"
    rf"|Care{_S}Centre|Care{_S}Center|Lodge|Hospice|Manor))(?![\w-])"
)
_CARE_OPENERS = wordset("The A An Our My Their His Her On Of At In To From For Behalf")
# a lower-case hospital before a place found: "she's at pinderfields in [place]"
_LOWER_AT = gated(
    rf"\b(?:is|['’]s|was|been|be|are|were|stays?|staying|admitted|seen){_S}at{_S}"
    rf"([a-z][a-z'’-]{{5,}}){_S}(?:in|near){_S}"
)
# a hospital named after a person: "Hospital Bettina Ferro de Souza"
_HOSPITAL_PERSON = gated(
    rf"\b((?:Hospital|Hospitais|Clínica|Instituto|Centro){_S}{_CAPW}(?:{_S}(?:{_CAPW}"
    rf"|(?:de|da|do|dos|das)(?={_S}{CAP_LATIN}))){{1,5}})"
)

# ---------------------------------------------------------------------------- dates

_MONTHS = (
    "January|February|March|April|June|July|August|September|October|November|December"
)
# "I said March for the diagnosis, it was April", "since March", "diagnosed in April"
_BARE_MONTH = gated(
    rf"\b(?:said|[Ii]t{_S}was|[Ii]t['’]s|was{_S}in|[Ss]ince|diagnosed{_S}in|back{_S}in|(?:early|late)"
    rf"{_S}in|not){_S}({_MONTHS}|May(?={_W}[,.;]|{_S}(?:for|and|not|when|but|last|this)\b))"
    r"(?![\w-]|[^\S\n]+\d)"
)

# ---------------------------------------------------------------------------- names, ages

# lower-case chat corrections: "im barrett... lol typo, bartlett... ok its bart."
_LOWER_CORRECTION = gated(
    rf"(?:^|(?<=[\s,.]))(?:im|typo(?:{_S}(?:lol|haha|sorry))?{_W}[,:]?|ok(?:ay)?{_S}its|i{_S}mean){_S}"
    rf"([a-z][a-z'’-]{{2,}})(?=\.|{_W},|{_W}\.\.\.|…)"
)
_LOWER_CORRECTION_CUE = gated(r"\b(?:typo|sorry|i mean|oops|lol|ok its)\b")
# a lower-case name after a kin word, with a bracket saying it is a name
_KIN_LOWER_NAME = gated(
    rf"\b(?:son|daughter|kid|child|baby|boy|girl|brother|sister|wife|husband|partner|mom|mum"
    rf"|dad|niece|nephew|grandson|granddaughter){_S}([a-z][a-z'’-]{{2,}}){_W}\("
    rf"[^)\n]{{0,40}}\b(?:name|named|called)\b"
)
# "Re: BEAUCHESNE, Léandre"
_RE_SURNAME = gated(
    rf"\bRe{_W}:{_W}([A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’-]+(?:{_S}[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’-]+)?,{_W}"
    rf"{_CAPW}(?:{_S}{_CAPW})?)"
)
# "Jr."/"Sr." after a name found, and a bare age after it: "[Lysander] Jr., 8,"
_SUFFIX = gated(rf"{_S}(?:Jr|Sr|Jnr|Snr)\b")
# a bare number after a name and a full stop: "bart. 20, got", "[name]., 8, has"
_NAME_STOP_AGE = gated(rf"\.{_W},?{_W}(\d{{1,2}})(?={_W},)")
# plural roles: "One of our fourth graders, Cassius, has"
_ONE_OF_ROLE = gated(
    rf"\b(?:[Oo]ne{_S}of{_S}(?:our|my|the){_S}(?:[\w-]+{_S}){{0,2}}(?:graders|students|pupils"
    rf"|residents|patients|clients|campers|players|kids|children|learners|members)){_W},{_W}"
    rf"({CAP_LATIN}[\w'’-]+)(?=[^\S\n]*,)"
)
# Urdu "میں شگفتہ ہوں" (I am X)
_URDU_I_AM = gated(r"میں[^\S\n]+([\u0600-\u06ff]{2,})[^\S\n]+ہوں")
_URDU_NOT_NAMES = frozenset(
    [
        "ٹھیک", "بیمار", "پریشان", "یہاں", "وہاں", "خوش", "تھکا", "تھکی", "ماں", "باپ", "مریض",
        "ڈاکٹر", "نرس", "استاد", "طالب",
    ]
)
# a Chinese full name after a kin word: 我媽媽林秀琴, 我爸爸陳建國
_CHINESE_SURNAMES = (
    "林陳陈王李張张劉刘黃吳吴周徐孫孙馬马朱胡郭何羅罗鄭郑梁謝谢宋唐許许韓韩馮冯鄧邓曹彭曾蕭萧田董袁潘蔡"
    "蔣蒋余杜葉叶程魏蘇苏呂吕丁任沈姚盧卢姜崔鍾钟譚谭陸陆汪范石廖賈贾夏韋韦傅方鄒邹孟熊秦邱江尹薛閻阎段"
    "雷侯龍龙史陶黎賀贺顧顾毛郝龔龚邵萬万錢钱嚴严覃戴莫孔湯汤"
)
_CHINESE_KIN_NAME = gated(
    rf"(?:媽媽|妈妈|爸爸|女兒|女儿|兒子|儿子|母親|母亲|父親|父亲|老公|老婆|太太|先生|奶奶|爺爺|爷爷|外婆)"
    rf"([{_CHINESE_SURNAMES}][\u4e00-\u9fff]{{2}})(?=[\d０-９一二三四五六七八九十，,、（(。在是])"
)
CHINESE_NOT_NAME = gated(r"[病症炎癌血壓压痛瘤疸藥药醫医診诊歲岁說说得有在是的了被]")
# Vietnamese "bé Tường Vy", "cháu Minh Anh"
_VIETNAMESE_CHILD = gated(
    rf"\b(?:bé|cháu|em{_S}bé){_S}({CAP_LATIN}[\w]+(?:{_S}{CAP_LATIN}[\w]+){{0,2}})"
)
# Romanian "am 52 de ani"
_ROMANIAN_AGE = gated(r"\b(?:am|are|avem)[^\S\n]+(\d{1,3}[^\S\n]+de[^\S\n]+ani)\b")
# Gujarati number words before વર્ષ: "ચાર વર્ષનો"
_GUJARATI_AGE = gated(
    r"(?<![\u0a80-\u0aff])((?:એક|બે|ત્રણ|ચાર|પાંચ|છ|સાત|આઠ|નવ|દસ|અગિયાર|બાર|તેર|ચૌદ|પંદર|સોળ"
    r"|સત્તર|અઢાર|ઓગણીસ|વીસ)[^\S\n]+વર્ષ)"
)

# ---------------------------------------------------------------------------- places

# US city abbreviations after "in": "in phx", "in nyc"
_CITY_ABBREVIATION = gated(
    rf"\b(?:in|from|near|to|around){_S}(phx|nyc|pdx|slc|dfw|okc|stl|atl|sfo|philly|nola|chitown"
    rf"|bmore|abq|kc|socal|norcal)\b(?![\w-])"
)

# a contrast after a place: "[place] (not CA lol)", "[place] not chile haha", ", not Washington)"
_NOT_PLACE = gated(
    rf"\bnot{_S}(?:in{_S})?([A-Za-z][a-z]+(?:{_S}[A-Z][a-z]+)?|[A-Z]{{2}})"
    rf"(?={_W}(?:lol|haha|hah|lmao|\)|[.,!?;]|$))"
)
# a lower-case state code after "anywhere in", "live in": "anywhere in mn"
_LOWER_STATE = gated(
    rf"\b(?:anywhere|somewhere|live|living|lives|based|moved|im|i['’]m){_S}(?:in|to){_S}"
    rf"([a-z]{{2}})\b(?![\w'’-])"
)
# a lower-case state code after a town, ending the sentence: "[lawton] ok"
_TRAILING_STATE = gated(rf"{_S}([a-z]{{2}})(?={_W}(?:[.!?]|\n|$))")
_NOT_STATE_CODES = wordset("in me or hi oh up on id as at to so no do go is it be we us an am")

# Hebrew: "Upper/Lower" after a town ("[נצרת] עילית"), a town corrected after "סליחה," with its
# prefix ("סליחה, מנוף הגליל"); Arabic: a town after an institution and "في" ("[مستشفى ...] في
# إربد")
_HEBREW_PART = gated(r"[^\S\n]+(עילית|תחתית|החדשה|העתיקה)(?![\u0590-\u05ff])")
_HEBREW_CORRECTION = gated(
    r"(?:סליחה|כלומר|טעות|לא)[^\S\n]*,?[^\S\n]*[מבל]([\u05d0-\u05ea]{2,}(?:[^\S\n]+ה?"
    r"[\u05d0-\u05ea]{2,})?)(?=[^\S\n]*[.,!?]|\.\.\.|…)"
)
_ARABIC_IN_TOWN = gated(r"[^\S\n]+في[^\S\n]+([\u0621-\u064a]{3,})(?=[^\S\n]*[.,،؟?!]|$)")
_ARABIC_NOT_TOWNS = frozenset(
    ["المستشفى", "البيت", "المنزل", "العيادة", "الصباح", "المساء", "الليل", "المدرسة", "البداية"]
)

# ---------------------------------------------------------------------------- kept

_COMPOUND_AFTER_ITS = gated(
    rf"\bit['’]s{_S}((?:[A-Z0-9]{{2,}}|[a-z]+)-(?:like|type|related|associated|linked))\b"
)
_AFTER_ITS = gated(rf"\b(?:it|that|this|which)['’]s{_S}$|\bit{_S}is{_S}$")
_REGION_WORDS = wordset(
    "Tenggara Timur Selatan Utara Barat Tengah Eropa Afrika Amerika Asia Oseania Australasia"
)
_NOT_INSTITUTION_ALONE = wordset(
    "provincial regional national federal municipal county state local public private"
    " territorial general district"
)
_SWAHILI_VERB = gated(
    r"(?:Tu|Ni|Wa|A|M|Mna|Na|Tuna|Nina|Wana|Ana|Tuli|Nili|Tume|Nime)"
    r"(?:na|li|me|ta)?(?:ishi|kaa|toka|patikana)[^\S\n]+"
)
_CHINESE_MEDICAL = gated(r"[病症炎癌血壓压痛瘤疸藥药]")
_TITLE_INSTITUTION = gated(r"(?:Mr|Mrs|Ms|Miss|Mx)\.?[^\S\n]+([A-Z][\w'’-]+)")


def _plain_but_eponym(lex: Lexicon, word: str) -> bool:
    """Whether ``word`` is plain for another reason than being an eponym: an ordinary word
    ("fine") or a medical word that is no eponym ("barrett" is a name here)."""
    low = word.lower()
    eponym = word.capitalize() in lex.eponyms or word.capitalize() in eponym_words()
    return (
        low in common_words() or low in foreign_words() or (low in lex.medical and not eponym)
    )


def unseen25_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 25's institutions, dates, names, ages and places (the module's docstring)."""
    if _NY_SCHOOL_CUE.search(text):
        for m in _NY_SCHOOL.finditer(text):
            yield Span(m.start(1), m.end(1), "institution")
    for m in _ACRONYM_HEALTH.finditer(text):
        first = m.group(1).split()[0]
        if first not in _NOT_HEALTH_OPENERS and (first.isupper() or not lex.plain(first)):
            yield Span(m.start(1), m.end(1), "institution")
    for m in _CARE_HOME.finditer(text):
        found = list(re.finditer(r"\S+", m.group(1)))
        while found and found[0].group() in _CARE_OPENERS:
            found = found[1:]
        if len(found) >= 2 and not all(lex.plain(w.group()) for w in found[:-2]):
            yield Span(m.start(1) + found[0].start(), m.end(1), "institution")
    for m in _HOSPITAL_PERSON.finditer(text):
        words = [w for w in m.group(1).split()[1:] if w[:1].isupper()]
        if len(words) >= 2 and not all(lex.plain(w) for w in words):
            yield Span(m.start(1), m.end(1), "institution")
    for m in _BARE_MONTH.finditer(text):
        yield Span(m.start(1), m.end(1), "date")
    if _LOWER_CORRECTION_CUE.search(text):
        for m in _LOWER_CORRECTION.finditer(text):
            if not _plain_but_eponym(lex, m.group(1)):
                yield Span(m.start(1), m.end(1), "name")
                after = _NAME_STOP_AGE.match(text, m.end(1))
                if after:
                    yield Span(after.start(1), after.end(1), "age")
    for m in _KIN_LOWER_NAME.finditer(text):
        yield Span(m.start(1), m.end(1), "name")
    for m in _RE_SURNAME.finditer(text):
        yield Span(m.start(1), m.end(1), "name")
    for m in _ONE_OF_ROLE.finditer(text):
        if not lex.plain(m.group(1)):
            yield Span(m.start(1), m.end(1), "name")
    for m in _URDU_I_AM.finditer(text):
        if m.group(1) not in _URDU_NOT_NAMES:
            yield Span(m.start(1), m.end(1), "name")
    for m in _CHINESE_KIN_NAME.finditer(text):
        if not CHINESE_NOT_NAME.search(m.group(1)):
            yield Span(m.start(1), m.end(1), "name")
    for m in _VIETNAMESE_CHILD.finditer(text):
        yield Span(m.start(1), m.end(1), "name")
    for pattern in (_ROMANIAN_AGE, _GUJARATI_AGE):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "age")
    for m in _CITY_ABBREVIATION.finditer(text):
        yield Span(m.start(1), m.end(1), "place")


def after25_spans(lex: Lexicon, text: str, spans: list[Span]) -> Iterator[Span]:
    """What round 25 finds next to the spans found (the module's docstring)."""
    place_ends = [s.end for s in spans if s.kind == "place"]
    place_starts = {s.start for s in spans if s.kind == "place"}
    for m in _LOWER_AT.finditer(text):
        if m.end() in place_starts and not lex.plain(m.group(1)):
            yield Span(m.start(1), m.end(1), "institution")
    for m in _NOT_PLACE.finditer(text):
        word = m.group(1)
        known = (
            word[:1].upper() + word[1:] in countries()
            or word in regions()
            or (word.isupper() and word in region_abbreviations())
        )
        if known and any(0 <= m.start() - end <= 60 for end in place_ends):
            yield Span(m.start(1), m.end(1), "place")
    for m in _LOWER_STATE.finditer(text):
        code = m.group(1)
        if code not in _NOT_STATE_CODES and code.upper() in region_abbreviations():
            yield Span(m.start(1), m.end(1), "place")
    for span in spans:
        yield from _next_to(text, span)


def _next_to(text: str, span: Span) -> Iterator[Span]:
    if span.kind == "place":
        part = _HEBREW_PART.match(text, span.end)
        if part and re.search(r"[\u0590-\u05ff]", text[span.start : span.end]):
            yield Span(span.start, part.end(1), "place", span.strong)
        fix = _HEBREW_CORRECTION.search(text, span.end, span.end + 40)
        if fix and re.search(r"[\u0590-\u05ff]", text[span.start : span.end]):
            yield Span(fix.start(1), fix.end(1), "place")
        m = _TRAILING_STATE.match(text, span.end)
        if m and m.group(1) not in _NOT_STATE_CODES and m.group(1).upper() in (
            region_abbreviations()
        ):
            yield Span(m.start(1), m.end(1), "place")
    if span.kind == "institution":
        town = _ARABIC_IN_TOWN.match(text, span.end)
        if town and town.group(1) not in _ARABIC_NOT_TOWNS:
            yield Span(town.start(1), town.end(1), "place")
        m = _PRACTICE_HEAD.match(text, span.end)
        if m and text[span.start : span.end].split()[-1] not in _PRACTICE_ENDS:
            yield Span(span.start, m.end(), "institution", span.strong)
    if span.kind == "name":
        end = span.end
        suffix = _SUFFIX.match(text, end)
        if suffix:
            end = suffix.end()
            dot = 1 if text[end : end + 1] == "." else 0
            yield Span(span.start, end + dot, "name", span.strong)
        age = _NAME_STOP_AGE.match(text, end)
        if age:
            yield Span(age.start(1), age.end(1), "age")


def kept25(lex: Lexicon, text: str, spans: list[Span]) -> list[Span]:
    """``spans`` less what round 25 takes back (the module's docstring)."""
    kept: list[Span] = []
    compounds = [(m.start(1), m.end(1)) for m in _COMPOUND_AFTER_ITS.finditer(text)]
    for span in spans:
        original = text[span.start : span.end]
        if span.kind == "name" and any(a <= span.start < b for a, b in compounds):
            continue  # "it's CADASIL-like": a medical compound
        if (
            span.kind == "name"
            and original[:1].islower()
            and _AFTER_ITS.search(text[max(0, span.start - 12) : span.start])
        ):
            continue  # "it's expensive": an adjective
        if span.kind == "place" and all(w in _REGION_WORDS for w in original.split()) and (
            "Tenggara" in original or re.search(r"\bAsia[^\S\n]+$", text[: span.start])
        ):
            continue  # "Asia Tenggara": a world region
        if span.kind == "name" and _CHINESE_MEDICAL.search(original):
            continue  # "我媽媽高血壓": high blood pressure after a kin word
        if span.kind == "institution" and original in _NOT_INSTITUTION_ALONE:
            continue  # "provincial plans": an adjective
        if span.kind in ("name", "place"):
            m = _SWAHILI_VERB.match(original)
            if m:
                if m.end() >= len(original):
                    continue  # "Tunaishi": we live
                span = Span(span.start + m.end(), span.end, span.kind, span.strong)
        if span.kind == "institution":
            m = _TITLE_INSTITUTION.fullmatch(original)
            if m:
                span = Span(span.start + m.start(1), span.end, "name", span.strong)
        kept.append(span)
    return _person_hospitals(text, kept)


def _person_hospitals(text: str, spans: list[Span]) -> list[Span]:
    """A hospital named after a person keeps its "de Surname" ("Hospital Bettina Ferro de
    Souza"), where round 23 read the surname as a town: the name has two names found in it
    and the "town" is a surname too ("Hôpital Albert Royer de Dakar" stays apart)."""
    places = {s.start: s for s in spans if s.kind == "place"}
    names = [s for s in spans if s.kind == "name"]
    joined: list[Span] = []
    dropped: set[Span] = set()
    for span in spans:
        if span.kind != "institution":
            continue
        m = re.compile(r"[^\S\n]+(?:de|da|do)[^\S\n]+").match(text, span.end)
        place = places.get(m.end()) if m else None
        inside = [n for n in names if span.start < n.start and n.end <= span.end]
        surname = place is not None and text[place.start : place.end] in surnames()
        if place is not None and surname and len(inside) >= 2:
            joined.append(Span(span.start, place.end, "institution", span.strong))
            dropped |= {span, place}
    return [s for s in spans if s not in dropped] + joined
