"""Round 30's shapes. A span built from a head word outward stops at a sentence's end (". ",
"।", "。", "؟", "!", "?") and takes no generic "any/which hospital" phrase ("বাংলাদেশ-এর কোনো
হাসপাতালে", "எந்த மருத்துவமனை"), in every script (``clamp30``). Institutions: a bare acronym
after a clinician "at" ("the haematologist is at CRH"), an eponym before a clinic ("the Mott
CHARGE clinic"), "Queen's"/"King's" on their own after "at/in/to/Is", "X Regional" ("just
Shasta Regional"), a county's service after the county ("[Hennepin County] Child Protection"), a
department after "under ... at" ("under Paediatric Nephrology at"). Ages: a child's age in
brackets a few words after the child ("a girl in our youth group (15)"), the age first said
("I said 6 but"), Spanish "de un año", Portuguese tens after a kin word ("filho de vinte"),
Vietnamese tens with "mươi", Indonesian "umur tujuh tahun", Amharic tens before an age
("ሃምሳ [አምስት ዓመት]"). Places: a country or province in lower case after "in/of/from" ("capital
of peru", "in newfoundland"), a region after an en dash ("[Saguenay]–Lac-Saint-Jean"), a town
before a comma and a region in Urdu and Gujarati ("وہ کوئٹہ، [place] میں"). Names: "im birdie
im 16".

``clamp30`` also takes back the service's own name ("Rare Disease Info") and a plain word before
"families/people" read as a place ("Several Plain families").

What stays: "any hospital in Bangladesh", "at ICU", "the Marfan clinic", "King's College
Hospital" (one name), "seizure at 6 months", "it's me again", "I'm tired I'm 16"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.gazetteer import countries, regions
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.unseen26 import ID_UNIT
from rareinfo.inquiries.deid.vocabulary import CAP_LATIN, CAP_WIDE, Lexicon, wordset

_S = r"[^\S\n]+"
_W = r"[^\S\n]*"

# ---------------------------------------------------------------------------- the clamp

# a sentence's end: a full stop after a word of three letters or more (no initial, no "Dr."),
# or the stops of other scripts
_SENTENCE_END = gated(
    r"(?<=[^\s.\d]{3})"
    + "".join(f"(?<!{a})" for a in ("Mrs", "Hosp", "Univ", "Inst", "Dept", "Ctr", "Med", "Gen"))
    + r"\.[^\S\n]+"
    r"|[।॥。؟!?۔][^\S\n]*"
)
# a generic determiner before a head word: "any/which/a hospital" is no institution
_GENERIC = wordset(
    "any which another every "
    "কোনো কোন একটি একটা যেকোনো অন্য "
    "எந்த ஏதாவது ஒரு வேறு "
    "किसी कोई कौन कौनसे कौनसा एक "
    "کسی کوئی کون کونسے کونسا ایک "
    "કોઈ કયા કઈ કયું એક "
    "أي أيّ"
)
_SERVICE_NAME = gated(rf"\bRare{_S}Disease{_S}$")
# communities known by a word of their faith or way of life: "Plain families", "Amish people"
_PEOPLES = wordset("Plain Amish Mennonite Hutterite Anabaptist Traveller Traveler Romani Roma")
_PEOPLE_AFTER = gated(rf"{_S}(?:families|family|people|folk|communities|community)\b")

# ---------------------------------------------------------------------------- institutions

_CLINICIAN_AT = gated(
    rf"\b(?:[a-z]*olog(?:ist|y)|specialist|doctors?|consultant|paediatrician|pediatrician"
    rf"|clinic|team|surgeon|nurse){_S}(?:(?:is|are|was|were|works|based|only|now){_S}){{1,2}}"
    rf"at{_S}([A-Z]{{3,5}})\b(?![-'’])"
)
_WARD_ACRONYMS = wordset("ICU NICU PICU HDU CCU SCBU ITU NHS GMT UTC EST PST CET AM PM")
_EPONYM_CLINIC = gated(
    rf"\b(?:the|at){_S}({CAP_LATIN}[a-z]+){_S}(?:[A-Z0-9][A-Z0-9-]+{_S})?(?:clinic|Clinic)\b"
)
_ROYAL_SHORT = gated(
    rf"\b(?:at|in|to|from|Is|is){_S}((?:Queen|King)['’]s)(?!{_S}(?:{CAP_LATIN}|of\b))"
)
_REGIONAL = gated(
    rf"\b({CAP_LATIN}[a-z]+(?:{_S}{CAP_LATIN}[a-z]+)?{_S}Regional)\b(?!{_S}{CAP_LATIN})"
)
_COUNTY_SERVICE = gated(
    rf"{_S}(?:Child(?:ren['’]s)?{_S}(?:Protection|Protective{_S}Services|Services)"
    rf"|Social{_S}Services|Public{_S}Health|Health{_S}Department|Human{_S}Services"
    rf"|Family{_S}Services|Sheriff['’]s{_S}Office|Sheriff)\b"
)
_UNDER_DEPARTMENT = gated(
    rf"\bunder{_S}(?:the{_S})?((?:Paediatric|Pediatric|Adult|Neonatal){_S}[A-Z][a-z]+"
    rf"(?:ology|ics|ery|ine))(?={_S}at\b)"
)

# ---------------------------------------------------------------------------- ages

_CHILD_BRACKET = gated(
    rf"\b(?:girl|boy|son|daughter|child|kid|teen|teenager|baby|toddler)\b(?:{_S}[a-z]+){{1,4}}"
    rf"{_W}\({_W}(\d{{1,2}}){_W}\)"
)
_SAID_AGE = gated(rf"\b[Ii]{_S}said{_S}(\d{{1,2}}){_W},?{_S}but\b")
_SPANISH_ONE = gated(
    rf"\b(?:hij[oa]|niñ[oa]|beb[ée]|nieto|nieta|herman[oa])(?:{_S}{CAP_WIDE}\w+)?{_S}de{_S}"
    rf"(un{_S}año|una?{_S}mes|un{_S}año{_S}y{_S}medio)\b"
)
_PT_TENS = r"(?:vinte|trinta|quarenta|cinquenta|sessenta|setenta|oitenta|noventa)"
_PORTUGUESE_TENS = gated(
    rf"\b(?:filh[oa]|pai|mãe|irm[ãa]o?|net[oa]|marido|esposa|mulher){_S}de{_S}"
    rf"({_PT_TENS}(?:{_S}e{_S}(?:um|uma|dois|duas|três|quatro|cinco|seis|sete|oito|nove))?"
    rf"(?:{_S}anos)?)\b"
)
_VI_UNIT = r"(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín)"
_VIETNAMESE_TENS = gated(
    rf"(?<!\w)({_VI_UNIT}{_S}mươi(?:{_S}(?:mốt|một|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín))?"
    rf"{_S}tuổi)(?!\w)"
)
_INDONESIAN_UMUR = gated(
    rf"\b(?:umur|usia|berumur|berusia){_S}((?:(?:{ID_UNIT}|se)(?:{_S}puluh|{_W}belas)"
    rf"(?:{_S}{ID_UNIT})?|{ID_UNIT}|sepuluh){_S}(?:tahun|bulan))\b"
)
_AMHARIC_TENS = gated(r"(?:ሃያ|ሀያ|ሠላሳ|ሰላሳ|አርባ|ሃምሳ|ሀምሳ|ስልሳ|ስድሳ|ሰባ|ሰማንያ|ዘጠና)[^\S\n]+$")

# ---------------------------------------------------------------------------- places

_LOWER_PLACE = gated(r"\b(?:in|of|from|near|to)[^\S\n]+([a-z]{4,})\b")
_LOWER_AFTER = gated(r",?[^\S\n]+([a-z]{4,})\b")
_COMPASS_WORDS = wordset("southern northern eastern western central")
_DASH_REGION = gated(rf"–({CAP_WIDE}[\w]+(?:-{CAP_WIDE}?[\w]+)+)")
_SCRIPT_TOWN = gated(
    r"(?:وہ|ہم|میں|اور|અમે|હું|અને)[^\S\n]+([\u0621-\u06ff]{2,}|[\u0a80-\u0aff]{2,})[^\S\n]*[،,][^\S\n]*$"
)

# ---------------------------------------------------------------------------- names

_SELF_THEN_AGE = gated(
    rf"\b[Ii]['’]?m{_S}([a-z]{{3,}}){_W},?{_W}(?:and{_S})?[Ii]['’]?m{_S}\d{{1,2}}\b"
)
_NOT_NAMES = wordset(
    "me him her them us you this that just only still really so very not also back here there"
    " tired sick new sorry scared worried pregnant desperate confused lost stuck done sure"
    " happening going getting about late early fine okay alright good bad"
)


def _inst(m: re.Match[str]) -> Span:
    return Span(m.start(1), m.end(1), "institution")


def _lower_place(lex: Lexicon, word: str, after_place: bool = False) -> bool:
    """Whether ``word`` is a country or a region written in lower case ("peru"); after a town
    a long one may be a word too ("st. john's newfoundland")."""
    cased = word.capitalize()
    known = cased in countries() or (cased,) in regions().get(cased, ())
    if not word.islower() or not known or word in _COMPASS_WORDS:
        return False
    return (after_place and len(word) >= 8) or not lex.plain(cased)


def unseen30_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 30's institutions, ages, places and names (the module's docstring)."""
    for m in _CLINICIAN_AT.finditer(text):
        if m.group(1) not in _WARD_ACRONYMS:  # "is at CRH": a place, not the hormone
            yield _inst(m)
    for m in _EPONYM_CLINIC.finditer(text):
        if not lex.plain(m.group(1)) and m.group(1) not in lex.medical:
            yield _inst(m)
    for pattern in (_ROYAL_SHORT, _REGIONAL, _UNDER_DEPARTMENT):
        for m in pattern.finditer(text):
            yield _inst(m)
    for pattern in (_CHILD_BRACKET, _SAID_AGE, _SPANISH_ONE, _PORTUGUESE_TENS,
                    _VIETNAMESE_TENS, _INDONESIAN_UMUR):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "age")
    for m in _LOWER_PLACE.finditer(text):
        if _lower_place(lex, m.group(1)):
            yield Span(m.start(1), m.end(1), "place")
    for m in _SELF_THEN_AGE.finditer(text):
        if m.group(1) not in _NOT_NAMES and not lex.plain(m.group(1)):
            yield Span(m.start(1), m.end(1), "name")


def after30_spans(lex: Lexicon, text: str, spans: list[Span]) -> Iterator[Span]:
    """What round 30 finds next to the spans found (the module's docstring); each rule reads
    its own cue."""
    for span in spans:
        if span.kind in ("institution", "place") and text[span.start : span.end].endswith(
            "County"
        ):
            service = _COUNTY_SERVICE.match(text, span.end)
            if service:
                yield Span(span.start, service.end(), "institution")
        if span.kind in ("place", "institution"):
            region = _LOWER_AFTER.match(text, span.end)
            if region and _lower_place(lex, region.group(1), after_place=True):
                yield Span(region.start(1), region.end(1), "place")  # "st. john's newfoundland"
        if span.kind == "place":
            dash = _DASH_REGION.match(text, span.end)
            if dash:
                yield Span(span.start, dash.end(), "place")
            town = _SCRIPT_TOWN.search(text, max(0, span.start - 40), span.start)
            if town:
                yield Span(town.start(1), town.end(1), "place")
        if span.kind == "age" and _AMHARIC_TENS.search(text, max(0, span.start - 12), span.start):
            tens = _AMHARIC_TENS.search(text, max(0, span.start - 12), span.start)
            assert tens is not None
            yield Span(tens.start(), span.end, "age")


def _sentence_ends(piece: str) -> list[re.Match[str]]:
    """The sentences' ends in ``piece``; a full stop after a capitalised word ends no sentence
    ("Mass. General", "Hosp. Univ. La Paz")."""
    ends = []
    for m in _SENTENCE_END.finditer(piece):
        if m.group().startswith("."):
            word = "".join(piece[: m.start()].split()[-1:]).lstrip("\"'“„«‚‘(")
            if len(word) < 3 or word[:1].isupper():
                continue
        ends.append(m)
    return ends


def _clamped(text: str, span: Span) -> Span | None:
    """``span`` cut at a sentence's end inside it (the piece with its head word: the last for
    a head at the end, the first otherwise), less a generic phrase before its head."""
    piece = text[span.start : span.end]
    stops = _sentence_ends(piece)
    start, end = span.start, span.end
    if stops:
        first, last = piece[: stops[0].start()], piece[stops[-1].end() :]
        if len(last.split()) >= len(first.split()):
            start = span.start + stops[-1].end()
        else:
            end = span.start + stops[0].start()
    words = list(re.finditer(r"\S+", text[start:end]))
    for i, word in enumerate(words[:-1]):
        if word.group().strip(",;:") in _GENERIC:  # "A Coruña" keeps its "A"
            if i + 2 >= len(words):
                return None  # "any hospital", "কোনো হাসপাতালে": no name left
            start = start + words[i + 1].start()
    if start > span.start and text[start - 1 : start] == "-":
        return None  # "বাংলাদেশ-এর": a suffix of a word, no name
    if (start, end) == (span.start, span.end):
        return span
    return Span(start, end, span.kind, span.strong) if end > start else None


def clamp30(lex: Lexicon, text: str, spans: list[Span]) -> list[Span]:
    """``spans`` clamped to their sentence and less what round 30 takes back (the module's
    docstring)."""
    kept: list[Span] = []
    for span in spans:
        piece = text[span.start : span.end]
        if span.kind in ("institution", "place", "name") and (
            span.kind == "institution" or _sentence_ends(piece)
        ):
            clamped = _clamped(text, span)
            if clamped is None:
                continue
            span = clamped
            piece = text[span.start : span.end]
        if span.kind == "name" and _SERVICE_NAME.search(text, 0, span.start) and piece == "Info":
            continue  # "Rare Disease Info": the service's own name
        if (
            span.kind == "place"
            and piece in _PEOPLES
            and _PEOPLE_AFTER.match(text, span.end)
        ):
            continue  # "Several Plain families": a people, no place
        kept.append(span)
    return kept
