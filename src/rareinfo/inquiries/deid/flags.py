"""The reviewer's safety net: words of a text proposed for publication that de-identification
could classify neither as medical nor as ordinary, so that a leak the rules missed is still
put in front of the person who publishes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.gazetteer import CONTINENTS, cities, given_names, surnames
from rareinfo.inquiries.deid.patterns import (
    EMAIL,
    INTRO,
    KIN_CUE,
    KIN_CUE_IBERIAN,
    PLACEHOLDER,
    PUBLIC_ID,
    TITLE,
    URL,
)
from rareinfo.inquiries.deid.scripts import foreign_script
from rareinfo.inquiries.deid.tokens import Ranges, Span, Token, tokenize
from rareinfo.inquiries.deid.vocabulary import (
    DISEASE_HEADS,
    INSTITUTION_HEADS,
    MONTHS,
    Lexicon,
    MedicalVocabulary,
    common_words,
    default_vocabulary,
    eponym_words,
    foreign_words,
    lexicon,
)


@dataclass(frozen=True, slots=True)
class Flag:
    """A word the reviewer must look at: offsets into the text, the word, and why."""

    start: int
    end: int
    word: str
    reason: str


_WEEKDAYS = frozenset(
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Mon",
        "Tue",
        "Wed",
        "Thu",
        "Fri",
        "Sat",
        "Sun",
    ]
)
_LINK_TARGET = gated(r"\]\([^)\s]*\)")
# A number left in the text that could be a record: a run of digits, alone or in groups
# joined by a space, dot, dash or slash ("000 4471 2290", "43.000.817"), with a letter
# prefix ("K000417892"); four digits at least.
_NUMBER = gated(r"(?<![\w.,/-])[A-Za-z]{0,4}\d+(?:[ ./-]\d+)*(?![\w])")
# What a number of four digits or more may safely be: a year, a range of years, a time
_NOT_RECORD = gated(
    r"^(?:1[89]\d\d|20\d\d)(?:s|[-–/](?:1[89]|20)?\d\d)?$|^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$"
)
# the words a measurement's number comes with: "2500 mg", "10000 IU", "CAG 1200"
_UNIT_AFTER = gated(
    r"\s*(?:%|mg|g|kg|mcg|µg|ug|ml|mL|l|L|IU|iu|U|units?|cells|copies|bp|kb|Mb|mm|cm|km|mi"
    r"|steps|calories|kcal|words|people|patients|children|families|cases|members|dollars"
    r"|euros?|pesos|reais|rupees|pounds|[/$€£])(?![a-zA-Z])"
)
_MONEY_BEFORE = gated(r"(?:[$€£¥₹]|R\$|USD|EUR|GBP|Rs\.?)\s*$")
# acronyms after these words may be an institution or an insurer ("at OHSU", "bei der TK",
# "no IMIP", "la MGEN", "del CEDIMAT", "seguro de AXA")
_BEFORE_ACRONYM = gated(
    r"(?i)\b(?:at|from|to|with|by|el|la|le|les|del|de|no|na|do|da|au|du|der|die|bei|an|am"
    r"|im|dell['’]|all['’]|nel|nella|pela|pelo|seguro|via)\s*$"
)


def unclassified(text: str, vocabulary: MedicalVocabulary | None = None) -> tuple[Flag, ...]:
    """Words of ``text`` that are neither medical nor ordinary: capitalised words in no word
    list (a known name, town or surname at the start of a sentence too), and any unknown
    word right after a cue for a name ("my son", "Dr", "I'm")."""
    lex = lexicon(vocabulary if vocabulary is not None else default_vocabulary())
    skip = Ranges(
        (m.start(), m.end())
        for pattern in (PLACEHOLDER, PUBLIC_ID, URL, EMAIL, _LINK_TARGET)
        for m in pattern.finditer(text)
    )
    tokens = tokenize(text)
    after_cue = {
        m.end() for p in (KIN_CUE, KIN_CUE_IBERIAN, TITLE, INTRO) for m in p.finditer(text)
    }
    flags: list[Flag] = []
    for i, tok in enumerate(tokens):
        if skip.overlap(Span(tok.start, tok.end, "")):
            continue
        reason = _reason(lex, text, tokens, i, tok.start in after_cue)
        if reason:
            flags.append(Flag(tok.start, tok.core_end, tok.core, reason))
    flags = _script_runs(text, flags)
    flags += _whole_names(text, tokens, flags, skip)
    flags += [f for f in _numbers(text) if not skip.overlap(Span(f.start, f.end, ""))]
    return tuple(sorted(flags, key=lambda f: f.start))


_SCRIPT = "a word in a script the rules do not read"


def _script_runs(text: str, flags: list[Flag]) -> list[Flag]:
    """Words of such a script one space apart are one phrase for the reviewer to read."""
    out: list[Flag] = []
    for flag in flags:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.reason == flag.reason == _SCRIPT
            and not text[prev.end : flag.start].strip()
        ):
            out[-1] = Flag(prev.start, flag.end, text[prev.start : flag.end], _SCRIPT)
        else:
            out.append(flag)
    return out


def _whole_names(text: str, tokens: list[Token], flags: list[Flag], skip: Ranges) -> Iterator[Flag]:
    """The other capitalised words of a flagged word's name ("Smile Hub Dental", "EFU Life",
    "Mater Dei"): the reviewer confirms a name whole, and a head word left out of it
    ("Dental", "Hospital") would still tell where."""
    flagged = {f.start for f in flags}
    index = {tok.start: i for i, tok in enumerate(tokens)}
    grown: set[int] = set()
    for flag in flags:
        i = index.get(flag.start)
        if i is None or not tokens[i].capitalised:
            continue
        for step in (-1, 1):
            j = i
            while 0 <= j + step < len(tokens):
                left, right = sorted((tokens[j], tokens[j + step]), key=lambda t: t.start)
                nxt = tokens[j + step]
                if text[left.end : right.start] != " " or not nxt.capitalised:
                    break
                if step == 1 and _starts_sentence(text, nxt.start):
                    break
                j += step
                new = nxt.start not in flagged and nxt.start not in grown
                if new and not skip.overlap(Span(nxt.start, nxt.end, "")):
                    grown.add(nxt.start)
                    yield Flag(nxt.start, nxt.core_end, nxt.core, "part of a flagged name")


def _numbers(text: str) -> Iterator[Flag]:
    """Numbers of four digits or more that are no year, date or measurement."""
    for m in _NUMBER.finditer(text):
        number = m.group()
        if sum(c.isdigit() for c in number) < 4 or _NOT_RECORD.match(number):
            continue
        if _UNIT_AFTER.match(text, m.end()) or _MONEY_BEFORE.search(text, 0, m.start()):
            continue
        yield Flag(m.start(), m.end(), number, "a number that could be a record's")


def _reason(lex: Lexicon, text: str, tokens: list[Token], i: int, cued: bool) -> str:
    tok = tokens[i]
    word, low = tok.core, tok.core.lower()
    if foreign_script(word) and low not in lex.medical:
        # Chinese, Arabic, Korean, ...: the rules do not read them, the reviewer does
        return _SCRIPT
    if not word[:1].isalpha() or any(c.isdigit() for c in word) or len(word) < 2:
        return ""
    if _classified(lex, word):
        return ""
    if cued:
        return "after a word that introduces a name"
    if not tok.capitalised:
        # a name or a town written in lower case ("this is gary pruitt", "at leicester royal")
        known = word.capitalize() in given_names() or word.capitalize() in surnames()
        known = known or bool(cities().get(word.capitalize()))
        plain = low in common_words() or low in foreign_words() or low in lex.medical
        return "a name or town in lower case" if known and not plain and len(word) > 2 else ""
    if word.isupper():
        # acronyms are mostly medical; one after "at", "bei der", "no" may be a hospital or
        # an insurer
        at = _BEFORE_ACRONYM.search(text, max(0, tok.start - 10), tok.start)
        return "an acronym where an institution's name goes" if at else ""
    if _starts_sentence(text, tok.start):
        known = word in given_names() or word in surnames() or (word,) in cities().get(word, ())
        return "a known name or town" if known and low not in common_words() else ""
    if low in common_words():
        # ordinary words make up the names of organisations: "Smile Hub Dental", "Swim Club"
        return "a word of a capitalised name" if _in_name_run(lex, text, tokens, i) else ""
    return "a capitalised word in no word list"


def _in_name_run(lex: Lexicon, text: str, tokens: list[Token], i: int) -> bool:
    """Is the word next to another capitalised word (not medical, not a sentence's first)?"""
    for j in (i - 1, i + 1):
        if not 0 <= j < len(tokens):
            continue
        left, right = sorted((tokens[i], tokens[j]), key=lambda t: t.start)
        other = tokens[j]
        if text[left.end : right.start] != " " or not other.capitalised:
            continue
        if other.core.isupper() or _starts_sentence(text, other.start):
            continue
        if not _classified(lex, other.core) or other.core.lower() in common_words():
            return True
    return False


def _classified(lex: Lexicon, word: str) -> bool:
    """Known as medical or ordinary (and not also a name or a town)."""
    low = word.lower()
    if word in lex.eponyms or word in eponym_words() or word in CONTINENTS:
        return True  # Wilson, Turner, Hunter: names, but far more often diseases here
    if word in lex.first_names or word in lex.ambiguous_names:
        return False
    return (
        low in lex.medical
        or low in DISEASE_HEADS
        or word in INSTITUTION_HEADS
        or word in MONTHS
        or word in _WEEKDAYS
        or (low in common_words() and not word[0].isupper())
    )


def _starts_sentence(text: str, pos: int) -> bool:
    before = text[max(0, pos - 6) : pos].rstrip(" \t\"'“(*-•")
    return not before or before[-1] in ".!?:\n>"


def flagged_words(flags: tuple[Flag, ...]) -> Iterator[str]:
    """Each flagged word once, in order of first appearance."""
    seen: set[str] = set()
    for flag in flags:
        if flag.word not in seen:
            seen.add(flag.word)
            yield flag.word
