"""Round 36's shapes. Dates: a weekday, "the" and an ordinal day with no month ("on Tuesday
the 9th"). Institutions: a lower-case school by its ending after "at/attends/goes to" ("at
mountain view high"), a charity known by its name in lower case ("at the red cross"). Places:
a lower-case state code at the end of a question ("any specialists in wa?"), a lower-case town
after "[institution] in" and in "we're in X now", a town after 我們住/我们住 ("我們住X。"), a
country by its official Arabic name ("سلطنة X"). Ages: a bare number after "[name] is" before
a text-speak "n" ("my son X is 3 n the ..."), a corrected age in words ("sorry, I wrote six
before"), a French age in compound words ("j'ai vingt-neuf ans"). Names: a client or patient
introduced before an age in brackets ("a client, X (nine)"), a lower-case self-introduction
before "n" ("hi im X n my mom").

``clamp36`` joins an institution, "de/di/da/do/del/of" and the place after it into one
institution ("Hospital X de Y", "Policlinico di Y"; round 23 split them), and takes back "one
of N" read as an age ("he's one of 9 kids"), a lone lower-case "university/college/school"
read as an institution ("he's at university in [place]"), an adverb + "high" read as a school
("at critically high levels") and a disease's eponym before "-like" read as a name
("Marfan-like features").

What stays: "on Monday the first thing we did", "at junior high", "at very high doses", "we
are in remission now", "我們住院了", "hi im worried n scared", "one of the 3 doctors"."""

from __future__ import annotations

from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.patterns import NUMBER_WORD, WEEKDAY_RE
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.vocabulary import (
    CAP_LATIN,
    Lexicon,
    common_words,
    foreign_words,
    wordset,
)

_S = r"[^\S\n]+"
_W = r"[^\S\n]*"
_UNIT_WORDS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_NUMBER = rf"(?:\d{{1,2}}|(?:{NUMBER_WORD.pattern})(?:-{_UNIT_WORDS})?)"

# ---------------------------------------------------------------------------- dates

_WEEKDAY_THE_DAY = gated(
    rf"(?i)\b({WEEKDAY_RE}{_W},?{_S}the{_S}(?:(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b"
    r"|(?:twenty-|thirty-)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth"
    rf"|nineteenth|twentieth|thirtieth)(?={_W}(?:[.,;:!?)]|$))))"
)

# ---------------------------------------------------------------------------- institutions

_LOWER_SCHOOL = gated(
    rf"\b(?:at|attends|attend|attending|attended|goes{_S}to|go{_S}to|going{_S}to|went{_S}to)"
    rf"{_S}((?:[a-z][a-z'’-]+{_S}){{1,3}}(?:high|elementary|middle|academy)"
    rf"(?:{_S}school)?)(?={_W}(?:[.,;:!?)]|$)|{_S}(?:in|and|or|but|so|is|was|since|now|this"
    r"|last|where|because|with)\b)"
)
_NOT_SCHOOL_WORDS = wordset(
    "the a an my his her our their your this that local junior senior public private catholic"
    " christian new same different very really pretty quite so too super way all time record"
    " is was be been being are were it its of for in on at to from and or but not no high low"
    " middle school level levels risk dose doses altitude sky fairly relatively also still"
    " abnormally dangerously extremely unusually police military naval navy air force army"
    " marine film dance art arts music drama ballet cadet cadets soccer football basketball"
    " tennis hockey swim swimming coding language flight sports sport summer boarding charter"
    " magnet prep baseball cheer gymnastics"
)
_CHARITY_LOWER = gated(
    rf"\bat{_S}(?:the{_S})?(red{_S}cross|red{_S}crescent|salvation{_S}army|ymca|ywca"
    rf"|united{_S}way|goodwill|habitat{_S}for{_S}humanity|ronald{_S}mcdonald{_S}house"
    rf"|make[- ]a[- ]wish|boys{_S}(?:and|&){_S}girls{_S}club)\b"
)

# ---------------------------------------------------------------------------- places

# no ok/me/hi/in/or/de/id (words), nor ms/md/mi/ct/sc/al (multiple sclerosis, muscular
# dystrophy, myocardial infarction, a scan, sickle cell, AL amyloidosis: "fatigue in ms?")
_STATE_CODE_END = gated(
    rf"\bin{_S}(ak|az|ar|ca|co|fl|ga|ia|il|ks|ky|la|ma|mn|mo|mt|nc|nd|ne|nh|nj|nm|nv|ny|pa"
    rf"|ri|sd|tn|tx|ut|va|vt|wa|wi|wv|wy)(?={_W}\?|{_W}[.!]*\s*$)"
)
_IN_LOWER_TOWN = gated(rf"{_S}in{_S}([a-z]{{3,}})(?={_W}(?:[.,;:!?)]|$))")
_NOW_IN = gated(
    rf"(?i)\b(?:we['’]?re|we{_S}are|i['’]?m|i{_S}am|were)\b{_S}(?-i:in){_S}([a-z]{{3,}})"
    rf"(?={_S}now\b)"
)
_NOT_TOWN_WORDS = wordset(
    "icu nicu picu er ed hospice rehab chemo remission treatment therapy hospital clinic"
    " quarantine isolation lockdown contact touch limbo denial agony mourning care pieces"
    " heaven hell love shock grief labor labour crisis trouble debt school college court"
    " desperate lost sick sorry alone pregnant afraid anxious nervous curious new here back"
    " home stuck done fine okay ok good bad sad glad ready tired"
    # "in X." that is no town: "in addition", "in person", "in utero"
    " addition person time general particular total advance public private writing english"
    " spanish french pain theory fact case progress utero vitro vivo detail turn full return"
    " place order question charge touch person principle practice reality short summary"
    " adults kids children babies infants women men patients teens teenagers toddlers"
)
_CHINESE_LIVE = gated(r"我[們们]住(?:在)?([\u4e00-\u9fff]{2,3})(?=[。，,.！!？?\s]|$)")
_NOT_CHINESE_TOWN_FIRST = frozenset("院的了得过過一这這那哪不也都在附很")
_ARABIC_STATE = gated(
    r"((?:سلطنة|مملكة|المملكة|جمهورية|الجمهورية|إمارة|دولة)\s+[\u0621-\u065f\u0670]{2,}"
    r"(?:\s+ال[\u0621-\u065f\u0670]{2,}){0,2})"
)

# ---------------------------------------------------------------------------- ages, names

_AGE_CORRECTED_WORD = gated(
    rf"\b(?:sorry|oops|oh){_W},?{_S}I{_S}(?:wrote|said|put|typed|meant){_S}"
    rf"((?:{NUMBER_WORD.pattern})(?:-{_UNIT_WORDS})?)"
    rf"{_S}(?:before|earlier|above|by{_S}mistake)\b"
)
_FRENCH_UNITS = (
    r"(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze"
    r"|quinze|seize|dix-sept|dix-huit|dix-neuf)"
)
_FRENCH_AGE = gated(
    rf"(?i)\b(?:j['’]ai|(?:il|elle|qui){_S}a){_S}("
    rf"(?:vingt|trente|quarante|cinquante|soixante|quatre-vingts?)(?:-et-(?:un|une|onze)"
    rf"|-{_FRENCH_UNITS}|{_S}et{_S}(?:un|une|onze))?{_S}ans)\b"
)
_IS_NUMBER_N = gated(rf"{_S}(?:is|was){_S}({_NUMBER})(?={_S}(?:n|and|&)\b|{_W},)")
_CLIENT_NAME = gated(
    rf"\b(?:a|one|my|our)(?:{_S}new)?{_S}(?:client|patient|student|pupil|resident|camper)"
    rf"{_W},{_S}({CAP_LATIN}[a-z]+)(?={_W}\()"
)
_LOWER_HI_IM = gated(
    rf"(?:^|\n)[^\S\n]*(?:hi|hey|hello|hiya)\b[!,.]*{_S}(?:i['’]?m|i{_S}am){_S}([a-z]{{2,}})"
    rf"(?={_S}(?:n|and|&)\b|{_W},)"
)


def town_word(lex: Lexicon, word: str, town: bool = True) -> bool:
    """No everyday word (of English or, for a town, another language), nor a medical one (for
    a town, one that is an eponym may be: "Snyder", of Snyder-Robinson syndrome): a town, a
    given name."""
    return not (
        word in common_words()
        or (town and word in foreign_words())
        or word in lex.ordinary_medical
        or (word in lex.medical and (not town or word.capitalize() not in lex.eponyms))
        or word in _NOT_TOWN_WORDS
        or word.endswith(("ed", "ing", "ly"))
    )


def unseen36_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 36's dates, institutions, places, ages and names (the module's docstring)."""
    for m in _WEEKDAY_THE_DAY.finditer(text):
        yield Span(m.start(1), m.end(1), "date")  # "on Tuesday the 9th"
    for m in _LOWER_SCHOOL.finditer(text):
        words = m.group(1).split()
        head = next(
            i for i, w in enumerate(words) if w in ("high", "elementary", "middle", "academy")
        )
        before = words[:head]
        if (
            before
            and not any(w in _NOT_SCHOOL_WORDS for w in before)
            and not _adverb_high(lex, m.group(1))
        ):
            yield Span(m.start(1), m.end(1), "institution")  # "at mountain view high"
    for m in _CHARITY_LOWER.finditer(text):
        yield Span(m.start(1), m.end(1), "institution")  # "at the red cross"
    for m in _STATE_CODE_END.finditer(text):
        yield Span(m.start(1), m.end(1), "place")  # "any specialists in wa?"
    for m in _NOW_IN.finditer(text):
        if town_word(lex, m.group(1)):
            yield Span(m.start(1), m.end(1), "place")  # "we're in X now"
    for m in _CHINESE_LIVE.finditer(text):
        if m.group(1)[0] not in _NOT_CHINESE_TOWN_FIRST:
            yield Span(m.start(1), m.end(1), "place")  # "我們住X。"
    for m in _ARABIC_STATE.finditer(text):
        yield Span(m.start(1), m.end(1), "place")  # "سلطنة X"
    for m in _AGE_CORRECTED_WORD.finditer(text):
        yield Span(m.start(1), m.end(1), "age")  # "sorry, I wrote six before"
    for m in _FRENCH_AGE.finditer(text):
        yield Span(m.start(1), m.end(1), "age")  # "j'ai vingt-neuf ans"
    for m in _CLIENT_NAME.finditer(text):
        if not lex.plain(m.group(1)) and m.group(1).lower() not in lex.medical:
            yield Span(m.start(1), m.end(1), "name")  # "a client, X (nine)"
    for m in _LOWER_HI_IM.finditer(text):
        if town_word(lex, m.group(1), town=False):
            yield Span(m.start(1), m.end(1), "name")  # "hi im X n my mom"


def after36_spans(lex: Lexicon, text: str, spans: list[Span]) -> Iterator[Span]:
    """A number after "[name] is" before "n/and/," and a lower-case town after
    "[institution] in"."""
    for span in spans:
        if span.kind == "name":
            m = _IS_NUMBER_N.match(text, span.end)
            if m:
                yield Span(m.start(1), m.end(1), "age")  # "my son X is 3 n the"
        elif span.kind == "institution" and text[span.start : span.end].lower() not in lex.medical:
            m = _IN_LOWER_TOWN.match(text, span.end)  # "FA in teenagers?": a disease
            if m and town_word(lex, m.group(1)):
                yield Span(m.start(1), m.end(1), "place")  # "[institution] in hershey"


# ---------------------------------------------------------------------------- taken back

_OF_AFTER = gated(rf"{_S}of\b")
_LONE_LOWER_PLACES = wordset("university uni college school hospital clinic")
_LIKE = gated(rf"({CAP_LATIN}[a-z]+)-(?:like|type|ish)")


_JOINED = gated(rf"{_S}(?:de|di|da|do|del|dos|das|della|of){_S}")


def _joined(text: str, spans: list[Span]) -> Iterator[Span]:
    """An institution, "de/di/da/do/del/of" and the place after it as one institution
    ("Hospital X de Y", "Policlinico di Y"): either way of labelling it is covered."""
    places = {s.start: s for s in spans if s.kind == "place"}
    for span in spans:
        joiner = _JOINED.match(text, span.end) if span.kind == "institution" else None
        place = places.get(joiner.end()) if joiner else None
        if place is not None:
            yield Span(span.start, place.end, "institution", span.strong)


def _adverb_high(lex: Lexicon, piece: str) -> bool:
    """A lower-case "high" after an adverb of degree: a level, no school."""
    words = piece.split()
    return (
        piece.islower()
        and len(words) >= 2
        and words[-1] == "high"
        and any(
            w.endswith(("ously", "ally", "ibly", "ably", "ely", "ily", "ntly", "edly"))
            or (w.endswith("ly") and lex.plain(w[:-2]))
            for w in words[:-1]
        )
    )


def clamp36(lex: Lexicon, text: str, spans: list[Span]) -> list[Span]:
    """``spans`` less what round 36 takes back, with its joined institutions (the module's
    docstring)."""
    kept: list[Span] = list(_joined(text, spans))
    for span in spans:
        piece = text[span.start : span.end]
        if span.kind == "age" and piece.lower() == "one" and _OF_AFTER.match(text, span.end):
            continue  # "he's one of 9 kids"
        if span.kind == "institution" and piece in _LONE_LOWER_PLACES:
            continue  # "he's at university in [place]"
        if span.kind == "institution" and _adverb_high(lex, piece):
            continue  # "at critically high levels"
        like = _LIKE.fullmatch(piece)
        if (
            span.kind in ("name", "place")
            and like
            and (like.group(1) in lex.eponyms or like.group(1).lower() in lex.medical)
        ):
            continue  # "Marfan-like features"
        kept.append(span)
    return kept
