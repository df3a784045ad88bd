"""Round 33's shapes. Institutions: a lower-case hospital after "at/to/in" that holds a
hospital's word ("at manchester royal eye", "no wait memorial hermann", "at leeds infirmary"),
"X & Y" after "at" ("at Women & Infants"), a county agency's letters after a county found
("[Mohave County] DCS"), a therapy practice or a childminder by its ending ("X Pediatric
Therapy", "X Childminding", "X Day Nursery").

``clamp33`` takes back an eponym before a disease's word ("Bart syndrome", "Baltic
myoclonus", "Marcus Gunn jaw winking") and the same word again after "it's" ("no, it's
Köhler"), a hyphenated eponym after "its/it's" ("its Fazio-Londe"), a lower-case word for
student rooms or the beach read as a place ("lives in halls", "ir à praia"), a lower-case
"christmas" read as a date, and "na X" at the end of an institution when X is a place
found ("Hospital X na [Praia]").

What stays: "seizure at 6 months", "the Toronto protocol", "at the royal", "in general",
"in my left eye", "a delivery driver"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.unseen26 import ID_UNIT
from rareinfo.inquiries.deid.vocabulary import CAP_LATIN, US_STATES, Lexicon, wordset

_S = r"[^\S\n]+"
_W = r"[^\S\n]*"

# ---------------------------------------------------------------------------- institutions

_LOWER_HOSPITAL = gated(
    rf"\b(?:at|to|in|wait|no|was){_S}((?:[a-z]+{_S}){{0,3}}(?:royal|memorial|infirmary)"
    rf"(?:{_S}[a-z]+)?)\b"
)
_NOT_HOSPITAL_LAST = wordset(
    "day days blue service services fund garden gardens park jelly for after with and the in on"
    " at to since because last this that when but so is was they he she we it then or of"
)
_CUES = wordset("wait no was it")
_LOWER_HOSPITAL_END = gated(r"(?:royal|memorial|infirmary|eye|general|hermann|children's)")
_NOT_HOSPITAL_WORDS = wordset(
    "the a an our my his her their your this that its it is was and or but of for with on"
    " left right both general royal family service services day week blue mail"
    " navy jelly wait no was it air highness wedding hospital hospitals clinic ward"
)
_AMPERSAND = gated(
    rf"\b(?:at|to|from){_S}({CAP_LATIN}[a-z]+{_W}&{_W}{CAP_LATIN}[a-z]+(?:['’]s)?)(?![\w'’])"
)
_BRACKET_STATE = gated(rf"{_W}\(([A-Z]{{2}})\)")
_AGENCY_LETTERS = gated(rf"{_S}(DCS|DCFS|CPS|DSS|DCYF|DHS)\b")
_PRACTICE = gated(
    rf"\b((?:{CAP_LATIN}[a-z]+{_S}){{1,3}}(?:(?:Pediatric|Paediatric|Children's){_S}Therapy"
    r"|Childminding|Childminders|Day Nursery|Daycare|Day Care))\b"
)
_EMPLOYER_JOB = gated(
    rf"\b(?:an?|the){_S}({CAP_LATIN}[a-z]+){_S}(?:conductor|driver"
    r"|employee|worker|engineer|cashier|technician|pilot|clerk|dispatcher|warehouse)\b"
)
_SPANISH_ARTICLE_NAME = gated(rf"{_S}((?:Los|Las|El|La){_S}{CAP_LATIN}[a-z\u00e0-\u024f]+)\b")
_NOT_PRACTICE_FIRST = wordset("The A An My Our His Her Their Your This That At In To")

# ---------------------------------------------------------------------------- names, ages

_CAPS_SURNAME_GIVEN = gated(
    rf"(?:^|\b(?:RE|Re|Patient|Name|Pt|Child|Client|Referral|Subject){_W}:{_W})"
    rf"([A-ZÀ-ÖØ-Þ]{{3,}}(?:-[A-ZÀ-ÖØ-Þ]{{2,}})?,{_S}{CAP_LATIN}[a-z\u00e0-\u024f]+)\b",
    re.MULTILINE,
)
_SIGNED_INITIALS = gated(
    r"^(?:Thanks|Thank you|Regards|Best|Cheers|Best wishes|Kind regards|Many thanks),?[^\S\n]*\n"
    r"[^\S\n]*([A-Z]\.?-[A-Z]\.?)[^\S\n]*$",
    re.MULTILINE,
)
_BRACKET_TENS = gated(
    rf"\({_W}((?:{ID_UNIT}|se)(?:{_S}puluh|{_W}belas)(?:{_S}{ID_UNIT})?{_S}tahun){_W}\)"
)

_AGE_WORD_AGE = gated(
    r"(?:उम्र|उमर|ব(?:য\u09bc|\u09df)স)(?:[^\S\n]+(?:है|हैं))?[^\S\n]+("
    r"(?:एक|दो|तीन|चार|पाँच|पांच|छह|छः|सात|आठ|नौ|दस|ग्यारह|बारह)[^\S\n]+(?:साल|वर्ष|महीने|महीना)"
    r"|(?:এক|দুই|তিন|চার|পাঁচ|ছ(?:য\u09bc|\u09df)|সাত|আট|ন(?:য\u09bc|\u09df)|দশ|এগারো|বারো)[^\S\n]+(?:বছর|মাস))"
    r"(?![\u0900-\u0963\u0966-\u09ff])"
)
_TITLED_NAME = gated(
    rf"\b(?:enfermeira|enfermeiro|doutora|doutor|Ibu{_S}saya|Ayah{_S}saya|Anak{_S}saya"
    rf"|Suami{_S}saya|Istri{_S}saya|Nenek{_S}saya|Kakek{_S}saya|Adik{_S}saya|Kakak{_S}saya)"
    rf"{_S}({CAP_LATIN}[a-z\u00e0-\u024f]{{2,}})\b"
)


def unseen33_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 33's institutions (the module's docstring)."""
    for m in _LOWER_HOSPITAL.finditer(text):
        words = m.group(1).split()
        start = m.start(1)
        while len(words) > 2 and words[0] in _CUES:
            start = text.index(words[1], start + len(words[0]))
            words = words[1:]
        end = m.end(1)
        if words[-1] in _NOT_HOSPITAL_LAST:
            end = text.rindex(words[-2], start, end) + len(words[-2])  # "... memorial after"
            words = words[:-1]
        if (
            len(words) >= 2
            and words[0] not in _NOT_HOSPITAL_WORDS
            and (words[0] in ("st", "saint") or words[0] not in lex.medical)
            and _LOWER_HOSPITAL_END.search(" ".join(words))
        ):
            yield Span(start, end, "institution")
    for m in _AMPERSAND.finditer(text):
        if not all(w in lex.medical for w in re.split(r"\W+", m.group(1)) if w):
            yield Span(m.start(1), m.end(1), "institution")
    for m in _PRACTICE.finditer(text):
        if m.group(1).split()[0] not in _NOT_PRACTICE_FIRST:
            yield Span(m.start(1), m.end(1), "institution")
    for m in _EMPLOYER_JOB.finditer(text):
        if not lex.plain(m.group(1)) and m.group(1) not in lex.medical and not m.group(1).endswith(
            ("an", "ese", "ish", "ic", "i")
        ):  # "an Egyptian engineer", "an HGV driver" stay
            yield Span(m.start(1), m.end(1), "institution")  # "an Amtrak conductor"
    for m in _CAPS_SURNAME_GIVEN.finditer(text):
        surname = m.group(1).split(",")[0]
        if surname not in lex.medical and not lex.plain(surname.title()):
            yield Span(m.start(1), m.end(1), "name")  # "RE: SURNAME, Given"
    for m in _SIGNED_INITIALS.finditer(text):
        yield Span(m.start(1), m.end(1), "name")  # "Thanks,\nP-J"
    for m in _AGE_WORD_AGE.finditer(text):
        yield Span(m.start(1), m.end(1), "age")  # "उम्र छह साल", "বয়স চার বছর"
    for m in _TITLED_NAME.finditer(text):
        if not lex.plain(m.group(1)) and m.group(1) not in lex.medical:
            yield Span(m.start(1), m.end(1), "name")  # "enfermeira X", "Ibu saya X"
    for m in _BRACKET_TENS.finditer(text):
        yield Span(m.start(1), m.end(1), "age")  # "(enam puluh delapan tahun)"


def after33_spans(lex: Lexicon, text: str, spans: list[Span]) -> Iterator[Span]:
    """What round 33 finds next to the spans found (the module's docstring)."""
    for span in spans:
        if span.kind in ("institution", "place") and text[span.start : span.end].endswith(
            "County"
        ):
            letters = _AGENCY_LETTERS.match(text, span.end)
            if letters:
                yield Span(span.start, letters.end(1), "institution")  # "[X County] DCS"
        if span.kind == "institution" and re.search(
            r"[a-z\u00e0-\u024f]{4,}$", text[span.start : span.end]
        ):
            article = _SPANISH_ARTICLE_NAME.match(text, span.end)
            if article and article.group(1).split()[-1] not in lex.medical:
                yield Span(span.start, article.end(1), "institution")  # "[X] Los Volcanes"
        if span.kind in ("institution", "place"):
            code = _BRACKET_STATE.match(text, span.end)
            if code and code.group(1) in US_STATES:
                yield Span(code.start(1), code.end(1), "place")  # "[institution] (RI)"


# ---------------------------------------------------------------------------- taken back

_DISEASE_WORD = gated(
    rf"(?:{_S}{CAP_LATIN}[a-z]+)?{_S}(?:disease|syndrome|myoclonus|phenomenon|pupil|jaw|sign"
    r"|anomaly|disorder|dystrophy|palsy|ataxia|tumou?r)\b"
)
_EPONYM = gated(rf"\b({CAP_LATIN}[\w\u00e0-\u024f]+(?:-{CAP_LATIN}[\w\u00e0-\u024f]+)?)")
_ITS_BEFORE = gated(rf"\b(?:its|it's|it’s|it{_S}is|it{_S}was){_S}$")
_HYPHEN_EPONYM = gated(rf"{CAP_LATIN}[\w\u00e0-\u024f]+-{CAP_LATIN}[\w\u00e0-\u024f]+")
_HEDGE_AFTER = gated(
    rf"{_W}(?:\?|{_S}(?:they|he|she|the{_S}doctors?|we){_S}(?:think|thinks|say|says|said|reckon))"
)
_LOWER_NOT_PLACES = wordset("halls dorms dorm digs praia playa plage spiaggia strand")
_PORTUGUESE_CARE = gated(r"(?:Hospital|Clínica|Centro|Posto|Unidade|Instituto|Maternidade)\b")
_NA_PLACE = gated(rf"{_S}na{_S}{CAP_LATIN}[\w\u00e0-\u024f]+$")


def clamp33(lex: Lexicon, text: str, spans: list[Span]) -> list[Span]:
    """``spans`` less what round 33 takes back (the module's docstring)."""
    eponyms = {
        m.group(1) for m in _EPONYM.finditer(text) if _DISEASE_WORD.match(text, m.end(1))
    }
    kept: list[Span] = []
    for span in spans:
        piece = text[span.start : span.end]
        if span.kind in ("name", "place", "institution") and " " not in piece:
            if _DISEASE_WORD.match(text, span.end):
                continue  # "Bart syndrome", "Baltic myoclonus"
            its = _ITS_BEFORE.search(text[max(0, span.start - 12) : span.start])
            if its and (
                piece in eponyms
                or (_HYPHEN_EPONYM.fullmatch(piece) and _HEDGE_AFTER.match(text, span.end))
            ):
                continue  # "no, it's Köhler", "its Fazio-Londe"
        if span.kind == "place" and piece in _LOWER_NOT_PLACES:
            continue  # "lives in halls"
        if span.kind == "date" and piece == "christmas":
            continue
        if span.kind == "institution":
            na = _NA_PLACE.search(piece)
            if na and _PORTUGUESE_CARE.match(piece) and any(
                s.kind == "place" and s.start == span.start + na.end() - len(na.group().split()[-1])
                for s in spans
            ):
                span = Span(span.start, span.start + na.start(), span.kind, span.strong)
        kept.append(span)
    return kept
