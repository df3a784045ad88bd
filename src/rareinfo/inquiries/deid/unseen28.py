"""Round 28's shapes. Institutions: an Indonesian hospital by its abbreviation "RS"/"RSUD"/
"RSUP" and a name ("RS Hasan Sadikin"), a practice by its ending after "at/with/from" ("at
Primary Care Partners"), a care home "X House" after "care home" or "at" ("Our care home,
Elmbrook House"), two capitalised surnames after "born/seen/treated ... at" with no kind word
("seen at Kennedy Krieger"), and two institutions found around a dash are one name ("[Banner] –
[University Medical Center]"). Records: "Case" and a code with letters, a hyphen and digits
("Case ABC-000123"). Ages: a corrected age ("is actually 5, not 4"). Places: a town after "lab /
clinic / trial ... in" ("Which lab in Adelaide"), a town in "moved from X to", a Japanese town
before に住んで ("堺に住んでいます"), an Amharic town after የምንኖረው ('where we live'). Names: a
Hebrew name after a kin word (בתי, בני, אמא של), an Urdu name after a kin word (والدہ) or
"میرا نام", an Amharic name after a kin word (ወንድሜ), a name corrected by "(autocorrect)" or by
"... perdón/sorry".

``kept28`` takes back: "we live (in) / we are from" in Indonesian, Swahili and Portuguese
read into the town after it ("Kami di", "Tunaishi", "Somos de"; the town stays a place), a
Romanian kin word before "mea/meu" ("Sora mea"), a mail header "To:" read into an
institution, a name that runs into the first letters of the next Arabic word ("عمر عمره"), and a
Japanese word of manner or kind of home before に住んで ("一緒に住んでいます", 'we live together').

What stays: "trials in Duchenne", "moved from paediatrics to", "一緒に住んでいます", "is
actually 5 mm", "Case 3", "at Great Ormond Street" (found already), "at White
House" (plain), "seen at Internal Medicine" (a department)."""

from __future__ import annotations

from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.gazetteer import lower_cities
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.vocabulary import (
    CAP_LATIN,
    Lexicon,
    common_words,
    eponym_words,
    wordset,
)

_S = r"[^\S\n]+"
_W = r"[^\S\n]*"
_CAP = rf"{CAP_LATIN}[a-zà-ÿ]+"

# ---------------------------------------------------------------------------- institutions

_RS_HOSPITAL = gated(
    rf"\b((?:RS|RSUD|RSUP|RSIA|RSAB|RSU|RSJ)\.?{_S}{_CAP}(?:{_S}{_CAP}){{0,3}})\b"
)
_PRACTICE = gated(
    rf"\b(?:at|with|from|to){_S}((?:{_CAP}{_S}){{1,3}}(?:Partners|Associates|Group|Physicians"
    rf"|Practice))\b"
)
_PRACTICE_ENDINGS = frozenset(["Partners", "Associates", "Physicians"])
_CARE_HOME = gated(
    rf"\b(?:(?:care|nursing|residential){_S}home{_W},?{_W}|(?:at|from|in){_S})"
    rf"((?:{_CAP}{_S}){{1,2}}(?:House|Lodge|Manor|Grange|Court))\b"
)
_SEEN_AT = gated(
    rf"\b(?:born|seen|treated|diagnosed|delivered|followed|assessed|evaluated|referred)\b"
    rf"[^.!?\n]{{0,60}}?\bat{_S}({_CAP}{_S}{_CAP})(?={_W}[.,;]|{_S}(?:in|and|for)\b)"
)
# department words: "seen at Internal Medicine" is no eponymous institute
_DEPARTMENTS = wordset(
    "medicine genetics neurology pediatrics paediatrics cardiology surgery oncology radiology"
    " urology nephrology hepatology rheumatology dermatology endocrinology haematology"
    " hematology immunology pulmonology gastroenterology orthopedics orthopaedics psychiatry"
    " care services health imaging therapy rehabilitation unit ward outpatients"
)
_DASH = gated(rf"{_S}[–—-]{_S}")

# ---------------------------------------------------------------------------- records

_CASE_CODE = gated(
    rf"\b[Cc]ase(?:{_S}(?:no\.?|number|ref\.?|#))?{_W}[:#]?{_W}([A-Z]{{1,5}}-\d{{3,}}[A-Z0-9-]*)\b"
)

# ---------------------------------------------------------------------------- ages

_CORRECTED_AGE = gated(
    rf"\b(?:is|['’]s){_S}(?:actually|really|now|in{_S}fact){_S}(\d{{1,2}})(?={_W},?{_W}not{_S}\d)"
)

# ---------------------------------------------------------------------------- places

_SERVICE_IN = gated(
    rf"\b(?:labs?|laborator(?:y|ies)|clinics?|hospitals?|doctors?|specialists?|centres?"
    rf"|centers?|trials?|services?|groups?|charit(?:y|ies)|families|neurologists?"
    rf"|geneticists?|testing){_S}(?:in|near|around){_S}({_CAP}(?:{_S}{_CAP})?)\b"
    rf"(?![-‐]|{_S}(?:disease|syndrome|virus|type|fever|myopathy|dystrophy)\b)"
)
_MOVED_FROM = gated(
    rf"\bmoved{_S}(?:here{_S})?from{_S}({_CAP}(?:{_S}{_CAP})?){_S}to\b"
)
_JAPANESE_LIVE = gated(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{1,4})に住んで")
_JAPANESE_NOT_TOWN = frozenset(["一緒", "近所", "実家", "田舎", "都会", "海外", "家", "寮", "施設",
                                "病院", "自宅", "近く", "同居", "別"])
_AMHARIC_LIVE = gated(
    r"የምንኖረው[^\S\n]+በ([\u1200-\u137f]{2,}(?:[^\S\n]+[\u1200-\u137f]{2,})?)[^\S\n]+ነው"
)

# ---------------------------------------------------------------------------- names

_HEBREW_KIN = gated(
    r"(?<![\u05d0-\u05ea])(?:בתי|בני|בעלי|אשתי|אחי|אחותי|אמא[^\S\n]+של|אבא[^\S\n]+של"
    r"|הבן[^\S\n]+שלי|הבת[^\S\n]+שלי)[^\S\n]+([\u05d0-\u05ea]{2,})(?![\u05d0-\u05ea])"
)
_HEBREW_SELF = gated(
    r"(?<![\u05d0-\u05ea])אני[^\S\n]+([\u05d0-\u05ea]{2,})[^\S\n]*,[^\S\n]*(?:אמא|אבא|סבתא|סבא)"
    r"[^\S\n]+של"
)
_HEBREW_NOT_NAMES = frozenset(["בן", "בת", "שלי", "שלנו", "אובחן", "אובחנה", "סובל", "סובלת",
                               "הוא", "היא", "גם", "עם", "יש", "לא", "בגיל", "חולה"])
_URDU_KIN = gated(
    r"(?:والدہ|والد|بیٹی|بیٹا|بیٹے|بہن|بھائی|شوہر|بیوی|امی|ابو|میرا[^\S\n]+نام)"
    r"[^\S\n]+([\u0621-\u06ff]{2,})(?![\u0621-\u06ff])"
    r"(?![^\S\n]+(?:سال|ماہ|مہینے|مہینوں|ہفتے|دن|برس))"  # a number of years: "بیٹا دو سال"
)
_URDU_NOT_NAMES = frozenset(["کی", "کا", "کے", "کو", "ہے", "ہیں", "نے", "میں", "بھی", "جو",
                             "صاحب", "صاحبہ", "کہ", "اور", "سے", "پر"])
_AMHARIC_KIN = gated(
    r"(?<![\u1200-\u137f])(?:ወንድሜ|እህቴ|ልጄ|ባለቤቴ|እናቴ|አባቴ|ሴት[^\S\n]+ልጄ|ወንድ[^\S\n]+ልጄ)"
    r"[^\S\n]+([\u1200-\u137f]{2,})(?![\u1200-\u137f])"
)
_AMHARIC_NOT_NAMES = frozenset(["ነው", "ናት", "አለበት", "አለባት", "ታሞ", "ታማ", "ደግሞ", "ገና"])
_AUTOCORRECT = gated(r"\b([a-z][a-z'’-]+)[^\S\n]*\((?:autocorrect|auto-correct)(?:ed)?\)")
_CORRECTION = gated(
    rf"[,:]{_W}({_CAP}){_W}(?:\.\.\.|…){_W}(?:perdón|perdon|sorry|pardon|désolé|desculpa|scusa)\b"
)

# ---------------------------------------------------------------------------- taken back

_WE_LIVE = gated(
    rf"^(?:(?:Kami|Kita)(?:{_S}(?:tinggal|berada))?{_S}di|Tunaishi|Tunakaa|Tupo"
    rf"|(?:Somos|Moramos|Vivemos|Estamos){_S}(?:de|do|da|em|no|na)){_S}"
)
# the same words alone, or the preposition alone, when the span stops or starts there
_WE_LIVE_WORD = wordset("Kami Kita Tunaishi Tunakaa Tupo Somos Moramos Vivemos Estamos")
_WE_LIVE_BEFORE = gated(
    rf"(?:\b(?:Kami|Kita|tinggal|berada|Somos|Moramos|Vivemos|Estamos){_S})$"
)
_PREPOSITION = gated(rf"^(?:di|de|do|da|em|no|na){_S}")
_ROMANIAN_KIN = gated(
    rf"(?:Sora|Fiica|Fiul|Mama|Tata|Fratele|Soțul|Soția|Sotul|Sotia|Bunica|Bunicul)"
    rf"(?={_S}(?:mea|meu)\b)"
)
_HEADER = gated(rf"^(?:To|From|Cc|Attn|Re){_W}:{_W}")
_ARABIC = gated(r"[\u0621-\u064a]")


def _ordinary(lex: Lexicon, word: str) -> bool:
    """An English word or a medical word that is no eponym ("Kennedy" and "Ho" are not)."""
    low = word.lower()
    return low in common_words() or (low in lex.medical and word not in lex.eponyms)


def unseen28_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 28's institutions, records, ages, places and names (the module's docstring)."""
    for m in _RS_HOSPITAL.finditer(text):
        if not all(lex.plain(w) for w in m.group(1).split()[1:]):
            yield Span(m.start(1), m.end(1), "institution")
    for pattern in (_PRACTICE, _CARE_HOME):
        for m in pattern.finditer(text):
            *words, ending = m.group(1).split()
            if ending in _PRACTICE_ENDINGS or not all(lex.plain(w) for w in words):
                yield Span(m.start(1), m.end(1), "institution")
    for m in _SEEN_AT.finditer(text):
        words = m.group(1).split()
        surnames = all(not lex.plain(w) or w in lex.eponyms or w in eponym_words() for w in words)
        if (
            surnames
            and not lex.plain(words[-1])
            and not any(_ordinary(lex, w) or w.lower() in _DEPARTMENTS for w in words)
        ):
            yield Span(m.start(1), m.end(1), "institution")
    for m in _CASE_CODE.finditer(text):
        yield Span(m.start(1), m.end(1), "record_number")
    for m in _CORRECTED_AGE.finditer(text):
        yield Span(m.start(1), m.end(1), "age")
    for m in _MOVED_FROM.finditer(text):
        words = m.group(1).split()
        if not any(_ordinary(lex, w) for w in words):
            yield Span(m.start(1), m.end(1), "place")
    for m in _JAPANESE_LIVE.finditer(text):
        if m.group(1) not in _JAPANESE_NOT_TOWN:
            yield Span(m.start(1), m.end(1), "place")
    for m in _AMHARIC_LIVE.finditer(text):
        yield Span(m.start(1), m.end(1), "place")
    for pattern, stop in (
        (_HEBREW_KIN, _HEBREW_NOT_NAMES),
        (_HEBREW_SELF, _HEBREW_NOT_NAMES),
        (_URDU_KIN, _URDU_NOT_NAMES),
        (_AMHARIC_KIN, _AMHARIC_NOT_NAMES),
    ):
        for m in pattern.finditer(text):
            if m.group(1) not in stop:
                yield Span(m.start(1), m.end(1), "name")
    for m in _AUTOCORRECT.finditer(text):
        if m.group(1) in lex.lower_first_names or not lex.plain(m.group(1)):
            yield Span(m.start(1), m.end(1), "name")
    for m in _CORRECTION.finditer(text):
        if not lex.plain(m.group(1)):
            yield Span(m.start(1), m.end(1), "name")


def service28_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """A town after "lab / clinic / trial ... in" (the module's docstring); it reads its own
    cue, past protection: a town that is also an eponym ("Which lab in Adelaide")."""
    for m in _SERVICE_IN.finditer(text):
        if m.group(1).lower() in lower_cities() or not any(
            lex.plain(w) for w in m.group(1).split()
        ):
            yield Span(m.start(1), m.end(1), "place")


def after28_spans(lex: Lexicon, text: str, spans: list[Span]) -> Iterator[Span]:
    """Two institutions found around a dash are one name (the module's docstring)."""
    starts = {s.start: s for s in spans if s.kind == "institution"}
    for span in spans:
        if span.kind == "institution":
            dash = _DASH.match(text, span.end)
            after = starts.get(dash.end()) if dash else None
            if after is not None:
                yield Span(span.start, after.end, "institution", span.strong)


def kept28(lex: Lexicon, text: str, spans: list[Span]) -> list[Span]:
    """``spans`` less what round 28 takes back, or trimmed (the module's docstring)."""
    kept: list[Span] = []
    for span in spans:
        piece = text[span.start : span.end]
        if span.kind in ("name", "place"):
            kin = _ROMANIAN_KIN.match(text, span.start)
            if (
                piece in _WE_LIVE_WORD
                or (kin and kin.end() == span.end)
                or (piece in _JAPANESE_NOT_TOWN and text.startswith("に住", span.end))
            ):
                continue
            live = _WE_LIVE.match(piece)
            if live is None and _WE_LIVE_BEFORE.search(text, 0, span.start):
                live = _PREPOSITION.match(piece)
            if live:
                if span.start + live.end() < span.end:
                    kept.append(Span(span.start + live.end(), span.end, "place", span.strong))
                continue
        if span.kind in ("institution", "place"):
            header = _HEADER.match(piece)
            if header and span.start + header.end() < span.end:
                span = Span(span.start + header.end(), span.end, span.kind, span.strong)
        if (
            span.kind == "name"
            and span.end < len(text)
            and _ARABIC.match(text, span.end)
            and _ARABIC.match(text, span.end - 1)
        ):
            cut = piece.rstrip().rfind(" ")
            if cut <= 0:
                continue  # "عمر" read inside "عمره" ('his age')
            span = Span(span.start, span.start + cut, span.kind, span.strong)
        kept.append(span)
    return kept
