"""Round 35's shapes. Dates: a year of the Ethiopian calendar ("2016 ዓ.ም."). Institutions: a
lower-case children's hospital after "at/to" ("at dell children's"), a charity or a support
group by its ending after "run/volunteer at/member of" ("help run X Families"). Places: a town
after "we are from" in Arabic ("نحن من X"), an island after "from [place] on" ("from [place] on
X Y"). Ages: an age in brackets after a friend's lower-case name ("my bff X (16)"), a Tagalog
number + "taon" between commas ("si X, tatlong taon,"). Names: a friend's lower-case name
("my bff X"; with an age in brackets even a plain word, "My bestie X (17)"), two names after a
plural kin word ("my cousins X and Y").

``clamp35`` applies the date policy of round 35: a date's span takes in "the" before an ordinal
day that opens it ("on the 3rd of January", "on the 28th") and a weekday directly before it
("Wed, 3 Jan 2024"). It takes back a place-named infection ("Ross River virus", "Ross River
arthritis", "Barmah Forest virus vs Ross River"), a disease's abbreviation read as an
institution before "genetic/hereditary/..." ("Is AMC genetic?"), a mountain range read as a
place ("en los Andes", "the Alps"), a language's "-speaking" read as a name ("an
English-speaking family"), a contraction written without its apostrophe at the end of a name
("my aunt X doesnt speak"), and splits "[place], Region and X Hospital" into the region and
the hospital.

What stays: "the 3rd dose", "the 1st of the month" (no date), "seizure at 6 months", "the
Toronto protocol", "at my children's school", "a member of the Patient Support Group", "my
friend has", "tatlong taon na ang nakalipas"."""

from __future__ import annotations

from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.patterns import WEEKDAY_RE
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.unseen34 import NOT_CLINIC_WORDS
from rareinfo.inquiries.deid.vocabulary import CAP_LATIN, Lexicon, wordset

_S = r"[^\S\n]+"
_W = r"[^\S\n]*"

# ---------------------------------------------------------------------------- dates

_ETHIOPIAN_YEAR = gated(r"(?<!\d)((?:19|20)\d{2}[^\S\n]*ዓ\.[^\S\n]?ም\.?)")

# ---------------------------------------------------------------------------- institutions

_LOWER_CHILDRENS = gated(
    rf"\b(?:at|to){_S}((?:[a-z]+{_S}){{1,2}}children['’]s(?:{_S}hospital)?)"
    rf"(?={_W}(?:[.,;:!?)]|$)|{_S}(?:in|at|for|and|or|but|with|on|near|since|last|this|now"
    r"|where|because|so|who|they|he|she|we|until|till)\b)"
)
_NOT_CHILDRENS_WORDS = wordset(
    "both all some many few two three four five six older younger little grown kids"
    " other others whose whom which sick young foster adopted"
)
_CHARITY = gated(
    rf"\b(?:run|runs|running|ran|volunteer{_S}(?:at|for|with)|volunteers{_S}(?:at|for|with)"
    rf"|member{_S}of|members{_S}of|founded|co-founded|chair{_S}of|trustee{_S}of)"
    rf"{_S}((?:{CAP_LATIN}[a-z'’]+|of|for|and|the|&){_S})*?"
    rf"(?:{CAP_LATIN}[a-z'’]+{_S})"
    r"(?:Families|Foundation|Trust|Network|Society|Alliance|Support Group|Parents Group)\b"
)
_CHARITY_START = gated(
    rf"\b(?:run|runs|running|ran|volunteers?{_S}(?:at|for|with)|members?{_S}of|founded"
    rf"|co-founded|chair{_S}of|trustee{_S}of){_S}"
)
_NOT_CHARITY_FIRST = wordset("The A An My Our His Her Their Your This That Patient Parent")

# ---------------------------------------------------------------------------- places, ages, names

_ARABIC_FROM = gated(
    r"(?:نحن|انا|أنا|إحنا|احنا)\s+من\s+([\u0621-\u064a]{3,})(?=\s*(?:في\b|[،,.؟?!]|$))"
)
_NOT_ARABIC_TOWN = frozenset(
    ["عائلة", "العائلة", "أسرة", "الأسرة", "هنا", "هناك", "قبل", "بعد", "سكان", "أهل", "مدينة",
     "قرية", "منطقة", "الريف", "المدينة", "القرية", "أصل", "عرب", "الذين", "الناس", "مرضى",
     "المرضى", "مصابي", "عائلات", "أسر", "اسر", "أهالي", "الأطفال"]
)
_ON_ISLAND = gated(rf"{_S}on{_S}({CAP_LATIN}[a-z]+{_S}{CAP_LATIN}[a-z]+)\b")
_NOT_ISLAND_WORDS = wordset(
    "The A An My Our Monday Tuesday Wednesday Thursday Friday Saturday Sunday Christmas Easter"
    " New Year Day Eve Facebook Instagram Twitter Reddit Google Medicaid Medicare"
)
_FRIEND_NAME = gated(
    rf"\b[Mm]y{_S}(?:bff|bestie|best{_S}friend|bestfriend|friend|cousin|buddy|pal|mate)"
    rf"{_S}([a-z]{{3,}})\b(?:{_W}\((\d{{1,2}})\))?"
)
_VERB_ENDINGS = ("ed", "ing", "es")  # "my cousin survived it", "my friend keeps"
_OBJECT_AFTER = gated(
    rf"{_S}(?:she|he|it|they|we|i|you|that|the|a|an|this|her|him|them|me|my|his|our|your"
    r"|their|to|so|what|how|if|about)\b"
)
_KIN_PAIR = gated(
    rf"\b[Mm]y{_S}(?:cousins|sisters|brothers|nieces|nephews|friends|grandkids|grandchildren"
    rf"|twins|kids|sons|daughters|siblings){_S}({CAP_LATIN}[a-z]+){_S}and{_S}"
    rf"({CAP_LATIN}[a-z]+)\b"
)
_TAGALOG_AGE = gated(
    r"(?i)(?<=,)[^\S\n]*((?:isang|dalawang|tatlong|apat[^\S\n]+na|limang|anim[^\S\n]+na|pitong"
    r"|walong|siyam[^\S\n]+na|sampung|labing-?(?:isang|dalawang|tatlong|apat[^\S\n]+na|limang"
    r"|anim[^\S\n]+na|pitong|walong|siyam[^\S\n]+na))[^\S\n]+(?:taon|taong[^\S\n]+gulang|buwan"
    r"|buwang[^\S\n]+gulang))(?=[^\S\n]*(?:,|ay\b|na[^\S\n]+po\b))"
)


def unseen35_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 35's dates, institutions, places, ages and names (the module's docstring)."""
    for m in _ETHIOPIAN_YEAR.finditer(text):
        yield Span(m.start(1), m.end(1), "date")  # "በ2016 ዓ.ም."
    for m in _LOWER_CHILDRENS.finditer(text):
        words = m.group(1).split()[:-1]
        if not any(
            w in NOT_CLINIC_WORDS or w in _NOT_CHILDRENS_WORDS or w in lex.ordinary_medical
            for w in words
        ):
            yield Span(m.start(1), m.end(1), "institution")  # "at dell children's"
    for m in _CHARITY.finditer(text):
        start = _CHARITY_START.match(text, m.start())
        if start is None:
            continue
        name = text[start.end() : m.end()]
        if name.split()[0] not in _NOT_CHARITY_FIRST and name.split()[0][0].isupper():
            yield Span(start.end(), m.end(), "institution")  # "help run X Families"
    for m in _ARABIC_FROM.finditer(text):
        if m.group(1) not in _NOT_ARABIC_TOWN:
            yield Span(m.start(1), m.end(1), "place")  # "نحن من X"
    for m in _FRIEND_NAME.finditer(text):
        word = m.group(1)
        verb = len(word) > 4 and (word.endswith(_VERB_ENDINGS) or lex.plain(word[:-1]))
        verb = verb or bool(_OBJECT_AFTER.match(text, m.end(1)))  # "my friend thinks she"
        if word not in lex.medical and (m.group(2) or not (verb or lex.plain(word))):
            yield Span(m.start(1), m.end(1), "name")  # "my bff X"
            if m.group(2):
                yield Span(m.start(2), m.end(2), "age")  # "my bff X (16)"
    for m in _KIN_PAIR.finditer(text):
        if not any(lex.plain(w) for w in (m.group(1), m.group(2))):
            yield Span(m.start(1), m.end(1), "name")  # "my cousins X and Y"
            yield Span(m.start(2), m.end(2), "name")
    for m in _TAGALOG_AGE.finditer(text):
        yield Span(m.start(1), m.end(1), "age")  # "si X, tatlong taon,"


def _island_after(lex: Lexicon, text: str, spans: list[Span]) -> Iterator[Span]:
    """An island after "from [place] on" ("from [place] on X Y")."""
    for span in spans:
        if span.kind != "place" or not text[: span.start].rstrip().endswith("from"):
            continue
        island = _ON_ISLAND.match(text, span.end)
        if island and not any(
            w in _NOT_ISLAND_WORDS or lex.plain(w) for w in island.group(1).split()
        ):
            yield Span(island.start(1), island.end(1), "place")


# ---------------------------------------------------------------------------- date edges

_ORDINAL_OPENING = gated(
    r"(?i)(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b|(?:twenty|thirty)?-?(?:first|second|third"
    r"|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth"
    r"|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)\b"
)
_THE_BEFORE = gated(rf"(?i)\bthe{_S}$")
_WEEKDAY_BEFORE = gated(rf"(?i)\b{WEEKDAY_RE}{_W},?{_S}$")

# ---------------------------------------------------------------------------- taken back

_PLACE_INFECTIONS = gated(
    rf"\b(?:Ross{_S}River|Barmah{_S}Forest|West{_S}Nile|Rift{_S}Valley|Murray{_S}Valley"
    rf"|Semliki{_S}Forest|Kyasanur{_S}Forest|Rocky{_S}Mountain|La{_S}Crosse|Sin{_S}Nombre"
    r"|Crimean-Congo|Chikungunya)\b"
    rf"(?!{_S}(?:province|region|county|district|area|state|road|street|town)\b)"
)
# one word of these is a town too ("in Marburg", "Marburg virus": ``clamp34`` reads those)
_PLACE_CUE_BEFORE = gated(rf"(?i)\b(?:in|from|near|at|to|en|em|de|nach){_S}$")
_INFECTION_TEXT = gated(
    r"(?i)\b(?:virus|viruses|viral|fever|infection|infections|arbovirus|mosquito|mosquitoes"
    r"|tick|ticks|outbreak|encephalitis|arthritis|rash)\b"
)
_INFECTION_AFTER = gated(
    rf"{_S}(?:River|Forest|Valley|Mountain|Lake|Creek){_S}(?:virus|viruses|fever|disease"
    r"|arthritis|polyarthritis|encephalitis|infection)\b"
)
_HEREDITY_AFTER = gated(
    rf"{_S}(?:genetic|hereditary|inherited|curable|contagious|treatable|progressive|dominant"
    r"|recessive|fatal|degenerative)\b"
)
_HEREDITY_BEFORE = gated(rf"(?i)\b(?:is|does|can|was|are){_S}(?:it{_S})?$")
_RANGES = wordset(
    "Andes Alps Himalayas Himalaya Rockies Pyrenees Pirineos Appalachians Urals Carpathians"
    " Caucasus Dolomites Apennines Balkans Sahara Sahel"
)
_SPEAKING = gated(rf"{CAP_LATIN}[a-z]+-(?:speaking|speakers?)")
_CONTRACTIONS = wordset(
    "doesnt dont didnt cant wont isnt wasnt arent werent hasnt havent hadnt couldnt wouldnt"
    " shouldnt aint shes hes theyre youre ive im thats whats"
)
_AND_SPLIT = gated(rf"({CAP_LATIN}[a-z]+){_S}and{_S}(?={CAP_LATIN}[a-z]+(?![’'])\b)")


def _dated(text: str, span: Span) -> Span:
    """A date with "the" before its ordinal day and the weekday before it (round 35)."""
    start = span.start
    if _ORDINAL_OPENING.match(text, start):
        the = _THE_BEFORE.search(text, max(0, start - 6), start)
        if the:
            start = the.start()
    weekday = _WEEKDAY_BEFORE.search(text, max(0, start - 14), start)
    if weekday:
        start = weekday.start()
    return Span(start, span.end, span.kind, span.strong)


def clamp35(lex: Lexicon, text: str, spans: list[Span]) -> list[Span]:
    """``spans`` less what round 35 takes back, with its date edges (the module's docstring)."""
    infections = (
        {
            (m.start(), m.end())
            for m in _PLACE_INFECTIONS.finditer(text)
            if not _PLACE_CUE_BEFORE.search(text, max(0, m.start() - 8), m.start())
        }
        if _INFECTION_TEXT.search(text)
        else set()
    )
    places = {s.end for s in spans if s.kind == "place"}
    kept: list[Span] = []
    for span in spans:
        piece = text[span.start : span.end]
        if span.kind == "date":
            kept.append(_dated(text, span))
            continue
        if span.kind in ("name", "place", "institution") and (
            any(i_start <= span.start and span.end <= i_end for i_start, i_end in infections)
            or (" " not in piece and _INFECTION_AFTER.match(text, span.end))
        ):
            continue  # "Ross River virus", "vs Ross River"
        if (
            span.kind == "institution"
            and piece.isupper()
            and 2 <= len(piece) <= 6
            and _HEREDITY_AFTER.match(text, span.end)
            and (piece.lower() in lex.medical
                 or _HEREDITY_BEFORE.search(text, max(0, span.start - 12), span.start))
        ):
            continue  # "Is AMC genetic?"
        if span.kind in ("name", "place") and piece in _RANGES:
            continue  # "en los Andes"
        if span.kind in ("name", "place") and _SPEAKING.fullmatch(piece):
            continue  # "an English-speaking family"
        if span.kind == "name" and piece.lower() in _CONTRACTIONS:
            continue  # "my aunt X doesnt speak": a contraction without its apostrophe
        if span.kind == "name" and " " in piece and piece.rsplit(None, 1)[1] in _CONTRACTIONS:
            kept.append(Span(span.start, span.start + len(piece.rsplit(None, 1)[0]), "name"))
            continue  # "my aunt X doesnt speak"
        if span.kind == "institution" and text[: span.start].endswith(", "):
            split = _AND_SPLIT.match(text, span.start)
            if split and (span.start - 2) in places and split.end() < span.end:
                kept.append(Span(split.start(1), split.end(1), "place"))
                kept.append(Span(split.end(), span.end, "institution", span.strong))
                continue  # "[place], Shetland and X Hospital"
        kept.append(span)
    return kept + list(_island_after(lex, text, kept))
