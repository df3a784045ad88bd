"""Institutions (hospitals, schools, universities) and places (addresses, postcodes,
towns)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import pairwise

from rareinfo.inquiries.deid.gazetteer import cities, lower_cities, region_abbreviations, regions
from rareinfo.inquiries.deid.patterns import (
    ADDRESS,
    ADDRESS_CUE,
    AT,
    AT_ACRONYM,
    COUNTY,
    IN_STATE,
    LOWER_INSTITUTION_HEADS,
    NATION,
    PLACE_CUE,
    POSTCODE,
    SAINT,
    STATE_UNIVERSITY,
    ZIP,
    ZIP_CUE,
)
from rareinfo.inquiries.deid.tokens import (
    Span,
    Token,
    gap_between,
    is_region,
    match_phrase,
    token_at,
)
from rareinfo.inquiries.deid.vocabulary import (
    DISEASE_HEADS,
    FUNCTION_WORDS,
    INSTITUTION_HEADS,
    INSTITUTION_JOINERS,
    KIN,
    MONTHS,
    PUBLIC_WORDS,
    SAFE_STATES,
    STATE_ABBREVIATIONS,
    WEAK_HEADS,
    Lexicon,
    common_words,
    eponym_words,
    phrases,
)


def _institution_run(lex: Lexicon, text: str, tokens: list[Token], i: int) -> list[Token]:
    """Capitalised words in no word list after "at": "at Northwestern", "at GeneDx"."""
    run: list[Token] = []
    while i < len(tokens) and len(run) < 4:
        tok = tokens[i]
        if run and (gap_between(text, run[-1], tok) != " " or run[-1].core != run[-1].text):
            break
        low = tok.core.lower()
        if (
            not tok.capitalised
            or (tok.core.isupper() and len(tok.core) > 1)
            or low in common_words()
            or low in lex.ordinary_medical
            or is_region(tok.core)
            or tok.core in MONTHS
            or (tok.core in eponym_words() and not _followed_by_name_part(text, tokens, i))
            or any(c.isdigit() for c in tok.text)
        ):
            break
        run.append(tok)
        i += 1
    return run


# Acronyms after "at"/"from" that name no institution: wards, tests, bodies, countries.
_NOT_INSTITUTIONS = frozenset(
    [
        "ER",
        "ED",
        "ICU",
        "NICU",
        "PICU",
        "CICU",
        "HDU",
        "GP",
        "GPS",
        "MRI",
        "CT",
        "PET",
        "EEG",
        "ECG",
        "EKG",
        "EMG",
        "NCS",
        "OT",
        "PT",
        "SLP",
        "ENT",
        "OR",
        "AE",
        "NHS",
        "NIH",
        "CDC",
        "FDA",
        "EMA",
        "WHO",
        "NICE",
        "CMS",
        "VA",
        "UK",
        "US",
        "USA",
        "EU",
        "UAE",
        "NZ",
        "BC",
        "AD",
        "AM",
        "PM",
        "MD",
        "PHD",
        "RN",
        "NP",
        "PA",
        "DNA",
        "RNA",
        "WES",
        "WGS",
        "CMA",
        "MLPA",
        "PCR",
        "FISH",
        "VUS",
        "IQ",
        "IV",
        "IM",
        "SC",
        "ADHD",
        "ASD",
        "OCD",
        "CF",
        "SMA",
        "DMD",
        "ALS",
        "MS",
        "PKU",
        "CP",
        "TSC",
        "NF",
        "SCA",
        "HD",
        "EDS",
        "POTS",
        "JIA",
        "SLE",
        "HIV",
        "HPV",
        "RSV",
        "COVID",
        "IVF",
        "PGD",
        "PGT",
        "NIPT",
        "CVS",
        "ABA",
        "IEP",
        "SEN",
        "EHCP",
        "NDIS",
        "SSI",
        "SSDI",
        "GoFundMe",
        "ASAP",
        "FAQ",
        "OK",
        "TV",
        "BMI",
        "LOL",
        "BTW",
        "TIA",
        "FYI",
        "ID",
        "HLA",
        "CBC",
        "LFT",
        "CK",
        "AFP",
    ]
)


@lru_cache(maxsize=1)
def _lower_brands() -> frozenset[str]:
    return frozenset(p[0].lower() for v in phrases("institutions.txt").values() for p in v)


def _lower_institution(lex: Lexicon, text: str, tokens: list[Token], i: int) -> Span | None:
    """ "leeds general infirmary", "mercy hospital": lower-case words before a head word,
    the first of them a town or a word in no list."""
    start = i
    while start > 0 and i - start < 3:
        prev = tokens[start - 1]
        if gap_between(text, prev, tokens[start]) != " " or not prev.text.islower():
            break
        if prev.core in FUNCTION_WORDS or prev.core in KIN:
            break
        start -= 1
    for j in range(start, i):
        low = tokens[j].core
        if low in lower_cities() or low in _lower_brands():
            return Span(tokens[j].start, tokens[i].end, "institution", False)
    return None


def _followed_by_name_part(text: str, tokens: list[Token], i: int) -> bool:
    """Is token ``i`` followed by a capitalised word that is no disease word ("Kennedy
    Krieger", unlike "Kennedy disease")?"""
    if i + 1 >= len(tokens) or gap_between(text, tokens[i], tokens[i + 1]) != " ":
        return False
    nxt = tokens[i + 1]
    return nxt.capitalised and nxt.core.lower() not in DISEASE_HEADS


def institution_spans(lex: Lexicon, text: str, tokens: list[Token]) -> Iterator[Span]:
    """Hospitals, clinics, schools, universities: by head word, by list, after "at", as an
    acronym after "at" or "from", in lower case before a head word."""
    for m in SAINT.finditer(text):
        yield Span(m.start(), m.end(), "institution")
    for m in AT_ACRONYM.finditer(text):
        word = m.group(1)
        if (
            word not in _NOT_INSTITUTIONS
            and word.lower() not in lex.medical
            and word not in region_abbreviations()
            and not match_phrase(tokens, text, token_at(tokens, m.start(1)), regions())
        ):
            yield Span(m.start(1), m.end(1), "institution", False)
    for i, tok in enumerate(tokens):
        before = text[max(0, tok.start - 5) : tok.start]
        if tok.text in _lower_brands() and before.endswith(("at ", "to ", "from ")):
            yield Span(tok.start, tok.end, "institution", False)  # "seen at ohsu"
        if tok.text in LOWER_INSTITUTION_HEADS:
            span = _lower_institution(lex, text, tokens, i)
            if span:
                yield span
    for m in STATE_UNIVERSITY.finditer(text):
        yield Span(m.start(1), m.end(1), "institution")
    for m in AT.finditer(text):
        run = _institution_run(lex, text, tokens, token_at(tokens, m.end()))
        if run:
            yield Span(run[0].start, run[-1].core_end, "institution", False)
    known = phrases("institutions.txt")
    for i, tok in enumerate(tokens):
        n = match_phrase(tokens, text, i, known)
        if n:
            yield Span(tok.start, tokens[i + n - 1].end, "institution")
        if tok.text in INSTITUTION_HEADS or tok.core in INSTITUTION_HEADS:
            span = _around_head(lex, text, tokens, i)
            if span:
                yield span


def _around_head(lex: Lexicon, text: str, tokens: list[Token], i: int) -> Span | None:
    """The capitalised run around the head word at ``i``: "Royal Manchester Children's
    Hospital", "University of Toronto", "Hospital for Sick Children"."""
    start = i
    while start > 0:
        prev = tokens[start - 1]
        gap = gap_between(text, prev, tokens[start])
        if gap not in (" ", "-", ". ") or (gap == ". " and prev.text not in ("St", "Mt")):
            break
        if prev.text in ("of", "and", "&") and start >= 2 and tokens[start - 2].capitalised:
            start -= 1
            continue
        if not prev.capitalised or prev.core.lower() in FUNCTION_WORDS:
            break
        start -= 1
    end = i
    while end + 1 < len(tokens) and gap_between(text, tokens[end], tokens[end + 1]) == " ":
        nxt = tokens[end + 1]
        if (
            nxt.text in INSTITUTION_JOINERS
            and end + 2 < len(tokens)
            and (tokens[end + 2].capitalised or tokens[end + 2].text == "the")
        ):
            end += 1
            continue
        joined = tokens[end].text in INSTITUTION_JOINERS  # "University of Michigan"
        if not nxt.capitalised or nxt.core.lower() in FUNCTION_WORDS:
            break
        if is_region(nxt.core) and not joined:
            break
        end += 1
    while end > i and tokens[end].text in INSTITUTION_JOINERS:
        end -= 1
    if start == end:
        return None  # a bare "Hospital" or "School"
    if tokens[i].core in WEAK_HEADS and all(_generic(lex, t) for t in tokens[start:i]):
        return None  # "Internal Medicine", "Public Health", "Medical Centre" alone
    return Span(tokens[start].start, tokens[end].end, "institution")


def _generic(lex: Lexicon, tok: Token) -> bool:
    low = tok.core.lower()
    return (
        low in lex.medical
        or low in common_words()
        or low in PUBLIC_WORDS
        or tok.core in INSTITUTION_HEADS
    )


def place_spans(lex: Lexicon, text: str, tokens: list[Token]) -> Iterator[Span]:
    """Street addresses, ZIP codes and postcodes, counties, then towns (word lists, cues)."""
    for m in IN_STATE.finditer(text):
        if m.group(1) in region_abbreviations() and m.group(1) in SAFE_STATES:
            yield Span(m.start(1), m.end(1), "place")
    for m in ADDRESS_CUE.finditer(text):
        yield Span(m.start(1), m.end(1), "place")
    for pattern in (ADDRESS, POSTCODE, COUNTY, NATION):
        for m in pattern.finditer(text):
            yield Span(m.start(), m.end(), "place")
    for m in ZIP.finditer(text):
        if m.group(1) in STATE_ABBREVIATIONS:
            yield Span(m.start(2), m.end(2), "place")
    for m in ZIP_CUE.finditer(text):
        yield Span(m.start(1), m.end(1), "place")
    yield from _town_spans(lex, text, tokens)


def _town_spans(lex: Lexicon, text: str, tokens: list[Token]) -> Iterator[Span]:
    """Towns, cities, states, provinces and countries: from the gazetteers (capitalised, or
    in lower case after a place cue), and unknown capitalised words after a place cue."""
    towns, states = cities(), regions()
    cue_ends = {m.end() for m in PLACE_CUE.finditer(text)}
    for i, tok in enumerate(tokens):
        before = text[max(0, tok.start - 3) : tok.start]
        cued = tok.start in cue_ends or before == "in "
        if not tok.capitalised:
            n = _lower_place(lex, text, tokens, i) if cued else 0
            if n:
                yield Span(tok.start, tokens[i + n - 1].core_end, "place", False)
            continue
        n = max(match_phrase(tokens, text, i, towns), match_phrase(tokens, text, i, states))
        if n:
            low = tok.core.lower()
            ambiguous = n == 1 and (
                low in common_words()
                or low in lex.medical
                or tok.core in eponym_words()
                or tok.core in lex.eponyms
                or low in lex.lower_first_names
                or tok.core in lex.ambiguous_names
                or tok.core in lex.first_names
                or (tok.core.isupper() and tok.core not in _COUNTRY_CODES)
            )
            medical = tok.core in eponym_words() or tok.core in lex.eponyms
            if (
                not ambiguous
                or tok.start in cue_ends
                or (before.endswith(", ") and not medical)
                or (before == "in " and low not in common_words())
                or _before_region(text, tokens, i)
            ):
                yield Span(tok.start, tokens[i + n - 1].core_end, "place", ambiguous)
            continue
        if (
            tok.start in cue_ends
            or _before_region(text, tokens, i)
            or (before == "in " and i > 1 and _unknown_word(lex, tok))
        ):
            run = _place_run(lex, text, tokens, i)
            if run:
                yield Span(run[0].start, run[-1].core_end, "place", False)


_COUNTRY_CODES = frozenset(
    {"UK", "USA", "US", "UAE", "NZ", "DRC", "CDMX", "NYC", "GTA", "KSA", "NCR"}
)
# Words before a place in lower case that are no part of it: "rural saskatchewan".
_PLACE_ADJECTIVES = frozenset(
    [
        "rural",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "upstate",
        "downstate",
        "outback",
        "regional",
        "outer",
        "inner",
        "greater",
        "north",
        "south",
        "east",
        "west",
    ]
)


def _lower_place(lex: Lexicon, text: str, tokens: list[Token], i: int) -> int:
    """Number of tokens from ``i`` naming a place in lower case ("tulsa", "mount isa")."""
    known = lower_cities()
    skipped = 0
    if tokens[i].core.lower() in _PLACE_ADJECTIVES and i + 1 < len(tokens):
        i, skipped = i + 1, 1
    for n in (3, 2, 1):
        if i + n > len(tokens):
            continue
        run = tokens[i : i + n]
        if any(gap_between(text, a, b) != " " for a, b in pairwise(run)):
            continue
        words = [t.core.lower() for t in run]
        phrase = " ".join(words)
        first = words[0]
        if (
            phrase in known
            and len(phrase) >= 4
            and (
                n > 1
                or (
                    first not in common_words()
                    and first not in lex.ordinary_medical  # Montreal, unlike "normal"
                    and first not in lex.lower_first_names
                    and first not in KIN
                )
            )
        ):
            return n + skipped
    return 0


def address_line(text: str, tokens: list[Token], spans: list[Span]) -> Iterator[Span]:
    """The parts of an address line before a town: "Four Bungalows, Andheri West, Mumbai"
    (one to three capitalised words each, separated by commas, from the start of the line)."""
    for span in spans:
        if span.kind != "place":
            continue
        line_start = text.rfind("\n", 0, span.start) + 1
        before = text[line_start : span.start]
        parts = before.split(", ")
        if len(parts) < 3 or parts[-1] != "":  # street, locality, town
            continue
        chunks = [p.split() for p in parts[:-1]]
        if not all(1 <= len(c) <= 3 and all(w[:1].isupper() for w in c) for c in chunks):
            continue  # not an address line: "Dear Sir, I am writing ..."
        pos = line_start
        for part in parts[:-1]:
            yield Span(pos, pos + len(part), "place", False)
            pos += len(part) + 2


def adjacent_places(text: str, tokens: list[Token], spans: list[Span]) -> Iterator[Span]:
    """What follows a place and narrows it: a state code, a region, a postcode ("Austin TX",
    "meerut UP", "mount isa (qld)", "Leeds LS1", "Hyderabad 500003")."""
    states, codes = regions(), region_abbreviations()
    ends = sorted({s.end for s in spans if s.kind == "place"})
    for end in ends:
        m = _AFTER_PLACE.match(text, end)
        if not m:
            continue
        i = token_at(tokens, m.end())
        if i >= len(tokens) or tokens[i].start != m.end():
            continue
        tok = tokens[i]
        word = tok.core
        n = match_phrase(tokens, text, i, states) if tok.capitalised else 0
        if n:
            yield Span(tok.start, tokens[i + n - 1].core_end, "place")
        elif (
            word in codes
            or (len(word) >= 3 and word.upper() in codes)
            or word.upper() in _COUNTRY_CODES
        ):
            yield Span(tok.start, tok.core_end, "place")
        elif _POSTAL.fullmatch(word):
            yield Span(tok.start, tok.end, "place")


_AFTER_PLACE = re.compile(r",\s*|\s*\(\s*|\s+(?=[A-Z0-9])|\s+(?=[a-z]{2,3}\b)")
_POSTAL = re.compile(r"\d{4,6}|[A-Z]{1,2}\d{1,2}[A-Z]?|[A-Z]\d[A-Z]")


def _unknown_word(lex: Lexicon, tok: Token) -> bool:
    """A capitalised word in no word list (no name, medical word, eponym or acronym)."""
    return (
        tok.core.lower() not in lex.medical
        and tok.core not in lex.first_names
        and tok.core not in lex.eponyms
        and not tok.core.isupper()
    )


def _place_run(lex: Lexicon, text: str, tokens: list[Token], i: int) -> list[Token]:
    run: list[Token] = []
    medical = lex.medical
    while i < len(tokens) and len(run) < 3:
        tok = tokens[i]
        if run and gap_between(text, run[-1], tok) != " ":
            break
        low = tok.core.lower()
        if (
            not tok.capitalised
            or tok.core[1:2] == "-"  # X-rays, T-cell
            or low in common_words()
            or is_region(tok.core)
            or tok.core in eponym_words()
            or tok.core in INSTITUTION_HEADS
            or (tok.core.isupper() and len(tok.core) > 1)
            or (low in medical and not run)
            or tok.core in MONTHS
            or any(c.isdigit() for c in tok.text)
        ):
            break
        run.append(tok)
        i += 1
    return run


def _before_region(text: str, tokens: list[Token], i: int) -> bool:
    """Is token ``i`` a town written as "Town, State" ("Austin, TX", "Kraków, Poland")?"""
    j = i
    while j < len(tokens) and j - i < 3 and tokens[j].capitalised:
        after = text[tokens[j].end : tokens[j].end + 2]
        if after == ", " and j + 1 < len(tokens):
            nxt = tokens[j + 1]
            if nxt.text in SAFE_STATES or match_phrase(tokens, text, j + 1, regions()):
                return (
                    i == 0
                    or not tokens[i - 1].capitalised
                    or gap_between(text, tokens[i - 1], tokens[i]) != " "
                )
            return False
        if j + 1 < len(tokens) and gap_between(text, tokens[j], tokens[j + 1]) != " ":
            return False
        j += 1
    return False
