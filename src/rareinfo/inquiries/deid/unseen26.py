"""Round 26's shapes. Ages: a bare number in apposition after a role noun ("Our placement, 3,
has", "a client with [syndrome], 4."), a bare number after a comma ending a self-description
("i have [syndrome], 22."), a bare number after a name and a chat filler ("[name] lol, 20,"),
an age after a dash-enclosed aside ("[name] — full name [name] — is twelve"), Indonesian
number words and "tahun" in apposition ("Ibu saya, enam puluh tahun,"), Gujarati tens before
વર્ષ ("એંસી વર્ષના"), Amharic number words before ዓመት ("ሰባ ዓመት"). Dates: a month corrected
after "no,"/"sorry," ("in [May] — no, June —"). Names: a possessive name after a kin word ("my
son Brock's school": an eponym too before an everyday noun), a Gujarati name with the honorific
બેન/ભાઈ after a kin word ("દાદી કાશીબેન"), a Chinese given name of two characters after 我 and a
kin word before an age (我女兒芷晴7歲). Places: "Nieuw" before a town found ("Nieuw
[Nickerie]"), a lower-case town of two words (or a word in no vocabulary) after "we're in", a
Greek town after "στα/στην/στο", a Chinese city between 在 and 被, a Gujarati town with માં
before a doctor, a Hindi town in "X या [place]". Institutions: a named "House" in apposition
after "the care home,", a practice's specialty after an institution found ("[Prisma
Pediatric] Neurology"), an institution corrected in chat ("at [institution] no wait it was
Touro").

``kept26`` takes back: a form label before a colon ("Follow-up:"), a national ID scheme read as
a name ("Our Aadhaar is"), an ordinary scheme read as an institution ("the hospital scheme"),
and splits a town after "di"/"din" off its institution ("[RSUP Prof. Kandou] di [Manado]"),
or after a second "de" when the first joins names ("[Hospital Regional de Lambayeque] de
[Chiclayo]"; "Hospital de Clínicas de Porto Alegre" stays whole).

What stays: onset ages ("spasms began at 4 months"), a number after a comma that is no age
("type 2, 3", "2, 3 times a day"), "we're in pain", "στο Νοσοκομείο", "在医院被诊断"."""

from __future__ import annotations

from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.gazetteer import cities, lower_cities
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.vocabulary import CAP_LATIN, Lexicon, wordset

_S = r"[^\S\n]+"
_W = r"[^\S\n]*"
_NUMBER_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety)"
)

# ---------------------------------------------------------------------------- ages

_ROLE = (
    r"(?:placement|client|patient|student|pupil|foster(?:[^\S\n]+(?:child|kid|son|daughter))?"
    r"|resident|camper|grandchild|grandson|granddaughter|son|daughter|kid|child|toddler|baby"
    r"|nephew|niece|ward)"
)
# "Our placement, 3, has": a role noun, a bare number in apposition
_ROLE_APPOSITION = gated(
    rf"\b(?:[Oo]ur|[Mm]y|[Tt]his|[Tt]he|[Aa]){_S}(?:(?:new|current|youngest|oldest|little)"
    rf"{_S})?{_ROLE}{_W},{_W}(\d{{1,2}})(?={_W},)"
)
# "I have a client with [syndrome], 4." / "i have [syndrome], 22.": a clause about a client or
# oneself ending in a bare number
_CLAUSE_AGE = gated(
    rf"(?:^|(?<=[.!?\n])){_W}(?:[Ii]{_S}(?:have|was{_S}diagnosed{_S}with|got)"
    rf"(?:{_S}a{_S}{_ROLE}{_S}with)?|[Mm]y{_S}{_ROLE}{_S}has)"
    rf"{_S}[^.!?\n,]{{2,80}}[A-Za-z)],{_W}(\d{{1,2}})(?={_W}[.!?](?!\d))"
)
# "[name] lol, 20, just got told": a name, a chat filler, a bare number in apposition
_FILLER_AGE = gated(rf"{_S}(?:lol|haha|lmao|here){_W},{_W}(\d{{1,2}})(?={_W},)")
# "[name] — full name [name] — is twelve", "[name], autocorrect — is 3"
_ASIDE_AGE = gated(
    rf"[—–]{_S}(?:is|was|turned|turns|just{_S}turned){_S}(\d{{1,2}}|{_NUMBER_WORD})"
    rf"(?={_S}(?:and|now|but|yrs?|years?|y/?o)\b|{_W}[.,;!?])"
)
_ASIDE_OPEN = gated(r"[—–,]")
# Indonesian "Ibu saya, enam puluh tahun,"
ID_UNIT = r"(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)"
_INDONESIAN_AGE = gated(
    rf",{_W}((?:(?:{ID_UNIT}|se)(?:{_S}puluh|{_W}belas)(?:{_S}{ID_UNIT})?|{ID_UNIT}|sepuluh)"
    rf"{_S}tahun)(?={_W},)"
)
# Gujarati tens before વર્ષ: "એંસી વર્ષના" (round 25 took the units)
_GUJARATI_TENS = gated(
    r"(?<![\u0a80-\u0aff])((?:ત્રીસ|ચાળીસ|ચાલીસ|પચાસ|સાઠ|સિત્તેર|એંસી|એંશી|નેવું|પચ્ચીસ)"
    r"[^\S\n]+વર્ષ)"
)
# Amharic number words before ዓመት/አመት: "ሰባ ዓመት ሆኗታል"
_AMHARIC_AGE = gated(
    r"(?<![\u1200-\u137f])((?:አንድ|ሁለት|ሶስት|ሦስት|አራት|አምስት|ስድስት|ሰባት|ስምንት|ዘጠኝ|አስር|አሥር"
    r"|ሃያ|ሀያ|ሰላሳ|ሠላሳ|አርባ|ሃምሳ|ሀምሳ|ስልሳ|ስድሳ|ሰባ|ሰማንያ|ዘጠና)[^\S\n]+[ዓአ]መት)"
)

# ---------------------------------------------------------------------------- dates

# a month corrected after "no,": "diagnosed in [May] — no, June — at"
_MONTH_FIX = gated(
    rf"(?:[—–,(]|\.\.\.){_W}(?:no|sorry|I{_S}mean|actually){_W},?{_W}((?:January|February|March"
    rf"|April|June|July|August|September|October|November|December))(?={_W}[—–,.;)])"
)

# ---------------------------------------------------------------------------- names

_KIN = (
    r"(?:son|daughter|boy|girl|kid|child|baby|brother|sister|husband|wife|partner|mom|mum"
    r"|dad|nephew|niece|grandson|granddaughter|stepson|stepdaughter)"
)
# "My son Brock's school": a possessive name after a kin word; an eponym too ("Brock" names a
# syndrome) when an everyday noun follows ("my son Crohn's flares" stays)
_KIN_POSSESSIVE = gated(
    rf"\b(?:[Mm]y|[Oo]ur){_S}(?:(?:little|youngest|oldest|eldest){_S})?{_KIN}{_S}"
    rf"({CAP_LATIN}[a-z]+)(?=['’]s{_S}(\w+))"
)
_EVERYDAY_AFTER = wordset(
    "school teacher teachers class classroom birthday friend friends room bedroom team coach"
    " daycare nursery bus aide mom mum dad father mother grandma grandpa sister brother"
    " party phone iep bike toys"
)
# Gujarati kin word + a name with the honorific suffix: "મારી દાદી કાશીબેન"
_GUJARATI_KIN_NAME = gated(
    r"(?:દાદી|દાદા|બા|બાપુજી|મમ્મી|પપ્પા|દીકરી|દીકરા|દીકરો|પત્ની|પતિ|બહેન|ભાઈ|માસી|ફઈ|કાકી"
    r"|કાકા|નાની|નાના)[^\S\n]+([\u0a80-\u0aff]{2,}(?:બેન|ભાઈ|બહેન))(?![\u0a80-\u0aff])"
)

# a Chinese given name of two characters after 我 and a kin word, before an age: 我女兒芷晴7歲
_CHINESE_GIVEN = gated(
    r"我(?:女兒|女儿|兒子|儿子|孫子|孙子|孫女|孙女|妹妹|弟弟|姐姐|哥哥)([\u4e00-\u9fff]{2})"
    r"(?=[\d０-９]{1,2}[歲岁]|[一二三四五六七八九十]{1,3}[歲岁])"
)
_CHINESE_NOT_GIVEN = gated(r"[病症炎癌血壓压痛瘤疸藥药醫医診诊今已才剛刚快現现也都在是的了]")

# ---------------------------------------------------------------------------- places, institutions

# Gujarati: a town with the locative માં before a doctor or hospital ("ભુજમાં ડોક્ટરે")
_GUJARATI_TOWN = gated(
    r"(?<![\u0a80-\u0aff])([\u0a80-\u0aff]{2,})માં[^\S\n]+(?:ડોક્ટર|ડૉક્ટર|હોસ્પિટલ|દવાખાન)"
)
_GUJARATI_NOT_TOWNS = frozenset(["હોસ્પિટલ", "ઘર", "શહેર", "ગામ", "દવાખાના", "ક્લિનિક", "અહીં", "ત્યાં"])
# Hindi: a town in "X या [place]" (X or [place])
_HINDI_OR = gated(r"(?<![\u0900-\u097f])([\u0900-\u097f]{3,})[^\S\n]+या[^\S\n]+")

_NIEUW = gated(rf"\bNieuw{_S}$")
# "the care home, Willowbrae House, says"
_CARE_HOME_HOUSE = gated(
    rf"\b(?:care{_S}home|nursing{_S}home|group{_S}home|hospice|residential{_S}home){_W},{_W}"
    rf"((?:{CAP_LATIN}[\w'’-]+{_S}){{1,3}}(?:House|Lodge|Court|Manor|Grange|Hall))(?={_W},)"
)

# Greek: a town after the article "στα"/"στην"/"στο" ("στα Χανιά", "στην Κρήτη")
_GREEK_IN = gated(
    r"(?<![\w])στ(?:α|ην|ον|ο|η)[^\S\n]+([Α-ΩΆΈΉΊΌΎΏ][α-ωάέήίόύώϊϋΐΰς]{2,})(?![\w])"
)
_GREEK_NOT_TOWNS = frozenset(
    ["Νοσοκομείο", "Κέντρο", "Ιατρείο", "Κλινική", "Πανεπιστήμιο", "Σχολείο", "Ινστιτούτο"]
)
# Chinese: a city after 在 before 被 ("在贵阳被诊断")
_CHINESE_IN_CITY = gated(r"在([\u4e00-\u9fff]{2})被(?:诊断|診斷|确诊|確診|查出)")
_CHINESE_NOT_CITY = gated(r"[医醫院家里裡这這那外地校所科]")
# a lower-case town after "we're in": "we're in fort collins."
_LOWER_TOWN = gated(
    rf"\b(?:we['’]?re|we{_S}are|we{_S}live|i{_S}live|i['’]?m|i{_S}am|based|living|live){_S}in{_S}"
    rf"([a-z]+(?:{_S}[a-z]+){{0,2}}?)(?={_W}(?:[.,;!?]|{_S}(?:and|but|so|area)\b|$))"
)

# ---------------------------------------------------------------------------- kept

# a form label before a colon read as a name: "Thanks. Follow-up: my son ..."
_FORM_LABELS = wordset(
    "follow-up followup update addendum question background context summary history"
)
# a national ID scheme read as a name: "Our Aadhaar is 0000 ..."
_ID_SCHEMES = frozenset(["Aadhaar", "Aadhar", "PhilHealth", "Medicaid", "Medicare"])
# an ordinary scheme read as an institution: "for the hospital scheme"
_LOWER_SCHEME = gated(r"(?:[a-z]+[^\S\n]+)+(?:scheme|schemes|plan|programme|program|fund)")
# "[RSUP Prof. Kandou] di [Manado]", "[Clinica Pediatrie II] din [Cluj-Napoca]": a town after
# "di"/"din" (and after a second "de" when the first joins names, not the head word to a
# common noun: "Hospital Regional de Lambayeque de Chiclayo", not "Hospital de Clínicas de
# Porto Alegre") is a place apart
_TOWN_TAIL = gated(rf"{_S}(di|din|de){_S}({CAP_LATIN}[\w'’-]+(?:{_S}{CAP_LATIN}[\w'’-]+)?)$")
_FIRST_DE = gated(rf"{_S}de{_S}({CAP_LATIN}[\w'’-]+)")

# a practice's specialty after an institution found: "[Prisma Pediatric] Neurology"
_SPECIALTY_HEAD = gated(
    rf"{_S}(?:Neurology|Cardiology|Genetics|Dermatology|Endocrinology|Gastroenterology"
    rf"|Nephrology|Pulmonology|Rheumatology|Hematology|Haematology|Oncology|Ophthalmology"
    rf"|Urology|Orthopedics|Orthopaedics|Associates)\b"
)

# an institution corrected in chat: "at [institution] no wait it was Touro"
_INSTITUTION_FIX = gated(
    rf"{_W}[,.]?{_W}(?:no{_W},?{_S}wait|no{_W},|sorry{_W},?|actually{_W},?){_S}(?:it{_S}was|it['’]s)"
    rf"{_S}({CAP_LATIN}[\w'’-]+(?:{_S}{CAP_LATIN}[\w'’-]+){{0,3}})"
)


def _city(phrase: str) -> bool:
    words = tuple(phrase.split())
    return words in cities().get(words[0], [])


def unseen26_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 26's ages, names and institutions (the module's docstring)."""
    for pattern in (_ROLE_APPOSITION, _CLAUSE_AGE, _INDONESIAN_AGE, _GUJARATI_TENS, _AMHARIC_AGE):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "age")
    for m in _MONTH_FIX.finditer(text):
        yield Span(m.start(1), m.end(1), "date")
    for m in _ASIDE_AGE.finditer(text):
        before = text[max(0, m.start() - 80) : m.start()]
        if _ASIDE_OPEN.search(before):
            yield Span(m.start(1), m.end(1), "age")
    for m in _CHINESE_GIVEN.finditer(text):
        if not _CHINESE_NOT_GIVEN.search(m.group(1)):
            yield Span(m.start(1), m.end(1), "name")
    for m in _GUJARATI_TOWN.finditer(text):
        if m.group(1) not in _GUJARATI_NOT_TOWNS:
            yield Span(m.start(1), m.end(1), "place")
    for m in _GUJARATI_KIN_NAME.finditer(text):
        yield Span(m.start(1), m.end(1), "name")
    for m in _CARE_HOME_HOUSE.finditer(text):
        yield Span(m.start(1), m.end(1), "institution")
    for m in _GREEK_IN.finditer(text):
        if m.group(1) not in _GREEK_NOT_TOWNS and not lex.plain(m.group(1)):
            yield Span(m.start(1), m.end(1), "place")
    for m in _CHINESE_IN_CITY.finditer(text):
        if not _CHINESE_NOT_CITY.search(m.group(1)):
            yield Span(m.start(1), m.end(1), "place")
    for m in _LOWER_TOWN.finditer(text):
        town = m.group(1)
        if town in lower_cities() and (" " in town or not lex.plain(town)):
            yield Span(m.start(1), m.end(1), "place")


def possessive26_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """A possessive name after a kin word ("my son Brock's school"), read past protection: an
    eponym before an everyday noun is a child's name."""
    for m in _KIN_POSSESSIVE.finditer(text):
        if not lex.plain(m.group(1)) or m.group(2).lower() in _EVERYDAY_AFTER:
            yield Span(m.start(1), m.end(1), "name")


def after26_spans(lex: Lexicon, text: str, spans: list[Span]) -> Iterator[Span]:
    """What round 26 finds next to the spans found (the module's docstring)."""
    place_starts = {s.start for s in spans if s.kind == "place"}
    for m in _HINDI_OR.finditer(text):
        if m.end() in place_starts and not lex.plain(m.group(1)):
            yield Span(m.start(1), m.end(1), "place")
    for span in spans:
        if span.kind == "institution":
            fix = _INSTITUTION_FIX.match(text, span.end)
            if fix and not all(lex.plain(w) for w in fix.group(1).split()):
                yield Span(fix.start(1), fix.end(1), "institution")
            head = _SPECIALTY_HEAD.match(text, span.end)
            if head:
                yield Span(span.start, head.end(), "institution", span.strong)
        if span.kind == "name":
            filler = _FILLER_AGE.match(text, span.end)
            if filler:
                yield Span(filler.start(1), filler.end(1), "age")
        if span.kind == "place":
            start = max(0, span.start - 12)
            nieuw = _NIEUW.search(text[start : span.start])
            if nieuw:
                yield Span(start + nieuw.start(), span.end, "place", span.strong)


def kept26(lex: Lexicon, text: str, spans: list[Span]) -> list[Span]:
    """``spans`` less what round 26 takes back (the module's docstring)."""
    kept: list[Span] = []
    towns: list[tuple[int, int]] = []
    for span in spans:
        original = text[span.start : span.end]
        if (
            span.kind == "name"
            and original.lower() in _FORM_LABELS
            and text[span.end : span.end + 1] == ":"
        ):
            continue  # "Follow-up:": a form label
        if span.kind == "name" and original in _ID_SCHEMES:
            continue  # "Our Aadhaar is ...": an ID scheme
        if span.kind == "institution" and _LOWER_SCHEME.fullmatch(original):
            continue  # "the hospital scheme"
        if span.kind == "institution":
            tail = _TOWN_TAIL.search(original)
            head = original[: tail.start()] if tail else ""
            first = _FIRST_DE.search(head)
            if tail and _city(tail.group(2)) and (
                tail.group(1) != "de"
                or (first is not None and len(head[: first.start()].split()) >= 2)
            ):
                kept.append(Span(span.start, span.start + len(head), "institution", span.strong))
                kept.append(Span(span.start + tail.start(2), span.end, "place"))
                towns.append((span.start + tail.start(2), span.end))
                continue
        kept.append(span)
    # a name read over the town goes with it ("di Manado")
    return [
        s for s in kept if s.kind != "name" or not any(s.start < b and a < s.end for a, b in towns)
    ]
