"""Places: street addresses, postcodes, counties, towns, states and countries (gazetteers,
cues, "Town, State"), what follows a place and narrows it, and later mentions of a place."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from itertools import pairwise

from rareinfo.inquiries.deid.classify import (
    PLACE_ADJECTIVES,
    bare_word,
    lower_unknown,
    starts_sentence,
    unknown_word,
)
from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.gazetteer import (
    cities,
    countries,
    languages,
    lower_cities,
    region_abbreviations,
    regions,
)
from rareinfo.inquiries.deid.patterns import (
    ADDRESS,
    ADDRESS_CUE,
    AREA,
    COUNTY,
    DOTTED_CODE,
    IN_STATE,
    LOWER_COUNTRY,
    NATION,
    PLACE_CUE,
    POSTCODE,
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
from rareinfo.inquiries.deid.tokens import tokenize as tokens_of
from rareinfo.inquiries.deid.vocabulary import (
    FUNCTION_WORDS,
    INSTITUTION_HEADS,
    KIN,
    MONTHS,
    SAFE_STATES,
    STATE_ABBREVIATIONS,
    US_STATES,
    Lexicon,
    common_words,
    eponym_words,
    foreign_words,
    wordset,
)


def place_spans(lex: Lexicon, text: str, tokens: list[Token]) -> Iterator[Span]:
    """Street addresses, ZIP codes and postcodes, counties, then towns (word lists, cues)."""
    for m in IN_STATE.finditer(text):
        if m.group(1) in region_abbreviations() and m.group(1) in SAFE_STATES:
            yield Span(m.start(1), m.end(1), "place")
    for m in ADDRESS_CUE.finditer(text):
        yield Span(m.start(1), m.end(1), "place")
    for pattern in (ADDRESS, _EUROPEAN_ADDRESS, POSTCODE, COUNTY, NATION, AREA):
        for m in pattern.finditer(text):
            yield Span(m.start(), m.end(), "place")
    for m in ZIP.finditer(text):
        if m.group(1) in STATE_ABBREVIATIONS:
            yield Span(m.start(2), m.end(2), "place")
        elif (
            m.group(1).islower()
            and m.group(1).upper() in US_STATES
            and m.group(1).upper() in SAFE_STATES
            and m.group(1) not in ("oh", "ne", "hi")
        ):
            yield Span(m.start(1), m.end(2), "place")  # "olathe ks 66061"
    for m in ZIP_CUE.finditer(text):
        yield Span(m.start(1), m.end(1), "place")
    for m in LOWER_COUNTRY.finditer(text):
        yield Span(m.start(1), m.end(1), "place")
    for m in _CODE_COMPOUND.finditer(text):
        if m.group(1) in _COUNTRY_CODES or m.group(1) in region_abbreviations():
            yield Span(m.start(1), m.end(1), "place")  # "NZ-specific resources"
    for m in _IN_LOWER_CODE.finditer(text):
        code = m.group(1)
        if code.upper() in region_abbreviations() and code not in common_words():
            yield Span(m.start(1), m.end(1), "place", False)  # "we are in qld"
    cue_ends = [m.end() for m in PLACE_CUE.finditer(text)]
    for m in _TOWN_POSTCODE.finditer(text):
        sentence = max(text.rfind(c, 0, m.start()) for c in ".!?\n") + 1
        if any(max(sentence, m.start() - 30) <= end <= m.start() for end in cue_ends):
            # "We live in Site C, Khayelitsha 7784": close after a place cue
            yield Span(m.start(1), m.end(2), "place", False)
    for m in _IN_THE.finditer(text):
        i = token_at(tokens, m.end())
        if i < len(tokens) and unknown_word(lex, tokens[i]) and bare_word(lex, tokens[i]):
            if _BRAND.search(tokens[i].core):
                continue  # "on the AncestryDNA report": a brand ("McAllen" is no brand)
            after = tokens[i + 1] if i + 1 < len(tokens) else None
            if after is None or not (
                after.capitalised and gap_between(text, tokens[i], after) == " "
            ):
                yield Span(tokens[i].start, tokens[i].core_end, "place", False)  # "in the Azores"
    yield from _shaped_places(text, tokens)
    yield from _town_spans(lex, text, tokens)


# A town whose name joins words with hyphens: "Stratford-upon-Avon", "Saint-Jean-sur-
# Richelieu", "Ashby-de-la-Zouch" (weak: "Cornelia-de-Lange syndrome" stays).
_JOINED_TOWN = gated(
    r"\b(?:Saint-|St-|Ste-)?[A-Z][a-zà-ÿ'’]+(?:-(?:de|la|le|les|du|des|on|upon|under|in|by|the"
    r"|sur|sous|en|lès|del|di|am|an|im|bei|op|aan))+-[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+)*\b"
)
# An Australian address's last line: "Glenelg North SA 5045", "Mawson Lakes, SA 5095".
_AU_LINE = gated(
    r"\b((?:[A-Z][a-z'’-]+ ){0,2}[A-Z][a-z'’-]+),? (?:NSW|VIC|Vic|QLD|Qld|SA|WA|TAS|Tas|NT|ACT)"
    r" \d{4}\b"
)
# A state, province or district named with its word in any case: "Imo state", "Edo State".
_WITH_AREA_WORD = gated(
    r"\b([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) (?:[Ss]tate|[Pp]rovince|[Dd]istrict|[Cc]ounty"
    r"|[Pp]refecture|[Rr]egion|[Gg]overnorate)\b"
)


# A town whose name opens with an article or a saint after a place cue: "in El Alto",
# "from San Ignacio", "near Puerto Montt".
_OPENED_TOWN = gated(
    r"\b(?:in|from|near|to|em|en|de)\s+((?:El|La|Los|Las|Le|Les|San|Santa|Santo|São|Saint|Sainte"
    r"|Port|Puerto|Porto|Villa|Vila|Ciudad|Mount|Fort)\s+[A-Z][\w'’-]+"
    r"(?:\s+(?:de|del|do|da|dos)\s+[A-Z][\w'’-]+)?)"
)
# A street named without its number where an address goes: ", Greams Road", "on Elm Street".
_BARE_STREET = gated(
    r"(?:(?<=, )|(?<=\bon )|(?<=\boff )|(?<=\bat )|(?<=\bin ))(?:[A-Z][a-z][\w'’-]*\s+){1,2}"
    r"(?:Road|Street|Avenue|Lane|Drive|Boulevard|Crescent|Terrace"
    r")\b|(?:(?<=, )|(?<=\bon )|(?<=\bat ))(?:[A-Z][a-z][\w'’-]*\s+){1,2}(?:Rd|Ave|Blvd)\b\.?"
)


def _shaped_places(text: str, tokens: list[Token]) -> Iterator[Span]:
    """Places known by their shape: hyphen-joined towns, Australian address lines, a known
    state or district with its word."""
    for m in _OPENED_TOWN.finditer(text):
        yield Span(m.start(1), m.end(1), "place", False)
    for m in _BARE_STREET.finditer(text):
        yield Span(m.start(), m.end(), "place", False)
    for m in _JOINED_TOWN.finditer(text):
        yield Span(m.start(), m.end(), "place", False)
    for m in _AU_LINE.finditer(text):
        yield Span(m.start(1), m.end(), "place", False)
    for m in _WITH_AREA_WORD.finditer(text):
        if m.group(1).lower() in lower_cities():
            yield Span(m.start(1), m.end(1), "place", False)


# "in North Adelaide", "from East London": a compass word between the cue and the town.
_COMPASS_AFTER_CUE = gated(
    r"\b(?:in|from|near|to|of)\s+(?:North|South|East|West|Upper|Lower|Central|Greater|Inner"
    r"|Outer)\s+(?=[A-Z])"
)
_BRAND = gated(r"[a-z]{3}[A-Z]")
_CLOSES = gated(r"[^\S\n]*(?:[.,;!?)]|\n|$)")


def _unaccented_tokens(text: str) -> list[Token] | None:
    """The tokens of ``text`` with accents dropped letter by letter ("Áncash" read as the
    gazetteer's "Ancash"), or None when the text has none."""
    if text.isascii():
        return None
    plain = "".join(_base_letter(c) for c in text)
    return [Token(t.start, t.end, plain[t.start : t.end], t.core) for t in tokens_of(plain)]


def _base_letter(c: str) -> str:
    if c.isascii() or not c.isalpha():
        return c
    base = unicodedata.normalize("NFKD", c)[0]
    return base if base.isalpha() else c


# Street addresses of France, Italy and the German-speaking countries, with a postcode
# that may follow: "12 rue des Lilas, 69003", "Via Garibaldi 8", "Hauptstraße 5a".
_EUROPEAN_ADDRESS = gated(
    r"\b\d{1,4}(?:\s*(?:bis|ter))?,?\s+(?:rue|avenue|boulevard|bd|chemin|allée|impasse|quai"
    r"|route|cours)\s+(?:(?:des|du|de\s+la|de|la|le|l['’])\s*)?[A-ZÀ-Þ][\w'’-]*"
    r"(?:\s+[A-ZÀ-Þ][\w'’-]*){0,3}(?:,?\s+\d{5}\b)?"
    r"|\b(?:Via|Viale|Piazza|Corso|Vicolo)\s+(?:(?:del|della|dei|di)\s+)?[A-Z][\w'’-]*"
    r"(?:\s+[A-Z][\w'’-]*){0,2},?\s*\d{1,4}\b(?:,?\s+\d{5}\b)?"
    r"|\b[A-ZÄÖÜ][\wäöüß-]*(?:straße|strasse|gasse|weg|platz|allee)\s+\d{1,4}[a-z]?\b"
    r"(?:,?\s+\d{4,5}\b)?"
)
# A country or state code in a compound: "NZ-specific", "UK-based", "QLD-wide".
_CODE_COMPOUND = gated(
    r"\b([A-Z]{2,4})-(?:specific|based|wide|born|only|approved|registered|licensed|funded)\b"
)
# A three-letter state code in lower case after "in"/"from": "we are in qld", "from nsw".
_IN_LOWER_CODE = gated(r"\b(?:in|from|near|to)\s+([a-z]{3})\b(?!['’-])")
# Words that make a place's name an administrative area: "Edo State", "Sindh Province".
_AREA_WORDS = wordset(
    "State Province Region County District Prefecture Governorate Oblast Territory Department "
    "Municipality Parish Division"
)
# A town and its postcode after a place cue: "We live in Site C, Khayelitsha 7784."
_TOWN_POSTCODE = gated(r"\b([A-Z][\w'’-]+)\s+(\d{4,6})(?=[.,;)]|\s*\n|\s*$)")
_IN_THE = gated(r"\b(?:in|from|on|to|near)\s+the\s+(?=[A-Z][a-z])")
_RESIDENCE = gated(
    r"(?i)\b(?:live|lives|living|lived|based|reside|residing|vivo|vivimos|vive|viven|moro"
    r"|moramos|mora|moram)\s+(?:in|en|em|near)\s+$"
)


def _town_spans(lex: Lexicon, text: str, tokens: list[Token]) -> Iterator[Span]:
    """Towns, cities, states, provinces and countries: from the gazetteers (capitalised, or
    in lower case after a place cue), and unknown capitalised words after a place cue."""
    towns, states = cities(), regions()
    cue_ends = {m.end() for m in PLACE_CUE.finditer(text)}
    cue_ends |= {m.end() for m in _COMPASS_AFTER_CUE.finditer(text)}
    plain = _unaccented_tokens(text)
    for i, tok in enumerate(tokens):
        before = text[max(0, tok.start - 3) : tok.start]
        cued = tok.start in cue_ends or before == "in "
        if not tok.capitalised:
            n = _lower_place(lex, text, tokens, i) if cued else 0
            if n:
                yield Span(tok.start, tokens[i + n - 1].core_end, "place", False)
            elif _RESIDENCE.search(text, max(0, tok.start - 20), tok.start) and lower_unknown(
                lex, tok
            ):
                yield Span(tok.start, tok.core_end, "place", False)  # "vivo en vallekas"
            continue
        n = max(match_phrase(tokens, text, i, towns), match_phrase(tokens, text, i, states))
        if not n and plain is not None and not tok.text.isascii():
            n = max(match_phrase(plain, text, i, towns), match_phrase(plain, text, i, states))
        if n == 1 and tok.text in _HEADER_LABELS and text[tok.end : tok.end + 1] == ":":
            continue  # a header's label: "Date:", "Sent:"
        if n:
            low = tok.core.lower()
            ambiguous = n == 1 and (
                low in common_words()
                or low in foreign_words()
                or low in lex.medical
                or tok.core in eponym_words()
                or tok.core in lex.eponyms
                or low in lex.lower_first_names
                or tok.core in lex.ambiguous_names
                or tok.core in lex.first_names
                or (tok.core.isupper() and tok.core not in _COUNTRY_CODES)
            )
            medical = tok.core in eponym_words() or tok.core in lex.eponyms
            verb = (
                n == 1
                and starts_sentence(text, tok.start)
                and i + 1 < len(tokens)
                and (tokens[i + 1].text in ("em", "en", "in", "near", "at"))
            )  # "Moro em Curitiba": a verb, then the place
            if verb:
                continue
            if n == 1 and cued and i + 1 < len(tokens):  # "comunidad nativa Nuevo Saposoa"
                rest = _place_run(lex, text, tokens, i + 1)
                if rest and gap_between(text, tok, rest[0]) == " ":
                    n = len(rest) + 1
                    ambiguous = False
            if (
                not ambiguous
                or tok.start in cue_ends
                or (before.endswith(", ") and not medical)
                or (before == "in " and low not in common_words())
                or (
                    before in ("no ", "na ", "em ", "en ")
                    and not medical
                    and low not in lex.medical
                )
                or (n == 1 and tok.core in countries() and low not in common_words())
                # "a school in Bath.", "lives in Reading, England": a town that is also
                # a word, capitalised mid-sentence after "in" and closing the phrase
                or (
                    n == 1
                    and before == "in "
                    and not medical
                    and low not in lex.medical
                    and tok.core not in languages()
                    and not starts_sentence(text, tok.start)
                    and _CLOSES.match(text, tok.core_end) is not None
                )
                or _before_region(text, tokens, i)
            ):
                yield Span(tok.start, tokens[i + n - 1].core_end, "place", ambiguous)
            continue
        town_of_state = _before_region(text, tokens, i) or (
            (_before_town(text, tokens, i) or _street_in_town(text, tokens, i))
            and unknown_word(lex, tok)
            and bare_word(lex, tok)
        )
        if (
            tok.start in cue_ends
            or town_of_state
            or (before == "in " and i > 1 and unknown_word(lex, tok))
        ):
            run = _place_run(lex, text, tokens, i, any_word=town_of_state)
            if run:  # "Old Lyme, CT" stands even where "Lyme" is an eponym
                yield Span(run[0].start, run[-1].core_end, "place", town_of_state)


# "no Porto", "na Bahia", "en Cádiz": Portuguese and Spanish "in (the)" before a known place.
_IBERIAN_IN = frozenset(["no ", "na ", "em ", "en "])
_HEADER_LABELS = wordset("Date Sent Subject From To Cc Fecha Enviado Asunto Assunto Data Para De")
_COUNTRY_CODES = frozenset(
    {"UK", "USA", "US", "UAE", "NZ", "DRC", "CDMX", "NYC", "GTA", "KSA", "NCR"}
)


def _lower_place(lex: Lexicon, text: str, tokens: list[Token], i: int) -> int:
    """Number of tokens from ``i`` naming a place in lower case ("tulsa", "mount isa")."""
    known = lower_cities()
    skipped = 0
    if tokens[i].core.lower() in PLACE_ADJECTIVES and i + 1 < len(tokens):
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
                    and first not in foreign_words()  # "to tell", unlike "to tulsa"
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


def adjacent_places(
    lex: Lexicon, text: str, tokens: list[Token], spans: list[Span]
) -> Iterator[Span]:
    """What follows a place and narrows it: a state code, a region, a postcode ("Austin TX",
    "meerut UP", "mount isa (qld)", "Leeds LS1", "Hyderabad 500003")."""
    states, codes = regions(), region_abbreviations()
    ends = sorted({s.end for s in spans if s.kind == "place"})
    for end in ends:
        m = _AFTER_PLACE.match(text, end)
        if not m:
            continue
        dotted = DOTTED_CODE.match(text, m.end())
        if dotted and dotted.group().replace(".", "") in codes:
            yield Span(dotted.start(), dotted.end(), "place")  # "Kelowna, B.C."
            continue
        i = token_at(tokens, m.end())
        if i >= len(tokens) or tokens[i].start != m.end():
            continue
        tok = tokens[i]
        word = tok.core
        if (
            m.group().strip() == "("
            and tok.capitalised
            and text[tok.end : tok.end + 1] == ")"
            and unknown_word(lex, tok)
            and bare_word(lex, tok)
        ):
            yield Span(tok.start, tok.end, "place")  # "Inca (Mallorca)"
            continue
        n = match_phrase(tokens, text, i, states) if tok.capitalised else 0
        if m.group() == " " and word in _AREA_WORDS:
            yield Span(tok.start, tok.core_end, "place")  # "Edo State"
            continue
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
        elif (
            len(word) == 2
            and word.islower()
            and word.upper() in US_STATES
            and word.upper() in SAFE_STATES
            and word not in ("oh", "ne", "hi")
            and re.match(r"[.,;!?]|\s*$", text[tok.end : tok.end + 1] or "")
        ):
            yield Span(tok.start, tok.end, "place")  # "memphis tn."
        elif tok.text.islower() and len(word) >= 4:
            n = _lower_place(lex, text, tokens, i)
            if n:  # "lubbock texas"
                yield Span(tok.start, tokens[i + n - 1].core_end, "place")


_AFTER_PLACE = gated(r",\s*|\s*\(\s*|\s+(?=[A-Z0-9])|\s+(?=[a-z]{2,3}\b)|\s+(?=[a-z]{4,})")
_POSTAL = gated(r"\d{4,6}|[A-Z]{1,2}\d{1,2}[A-Z]?|[A-Z]\d[A-Z]")


# Words inside the name of a place: "Lomas de Zamora", "Feira de Santana".
_PLACE_JOINERS = wordset("de da do dos das del la los las")


def _place_run(
    lex: Lexicon, text: str, tokens: list[Token], i: int, *, any_word: bool = False
) -> list[Token]:
    """Capitalised words of a place after a cue; ``any_word``: before ", State", where
    ordinary words count too ("Old Lyme, CT")."""
    run: list[Token] = []
    medical = lex.medical
    while i < len(tokens) and len(run) < 4:
        tok = tokens[i]
        if run and gap_between(text, run[-1], tok) != " ":
            break
        if (
            run
            and tok.text in _PLACE_JOINERS
            and i + 1 < len(tokens)
            and tokens[i + 1].capitalised
            and gap_between(text, tok, tokens[i + 1]) == " "
        ):
            run.append(tok)
            i += 1
            continue
        low = tok.core.lower()
        if any_word and tok.capitalised and low not in FUNCTION_WORDS and not tok.core.isupper():
            run.append(tok)
            i += 1
            continue
        if (
            tok.core in languages()
            or not tok.capitalised
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
    while run and run[-1].text in _PLACE_JOINERS:
        run.pop()
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


# What comes before a neighbourhood named with its city: "of Jayanagar, ...", "— Tuam, ...".
_BEFORE_TOWN = gated(r"(?:\b(?:of|in|from|near|at|em|en|de)\s+|[—–]\s*|,\s+)$")


def _before_town(text: str, tokens: list[Token], i: int) -> bool:
    """Is token ``i`` a neighbourhood or a town written before its city or county ("of
    Jayanagar, Bengaluru", "Tuam, Co. Galway")?"""
    if text[tokens[i].end : tokens[i].end + 2] != ", " or i + 1 >= len(tokens):
        return False
    if not _BEFORE_TOWN.search(text, max(0, tokens[i].start - 8), tokens[i].start):
        return False  # "Att, Camila": a sign-off, not a neighbourhood
    nxt = tokens[i + 1]
    return bool(
        (nxt.capitalised and match_phrase(tokens, text, i + 1, cities()))
        or COUNTY.match(text, nxt.start)
    )


def _street_in_town(text: str, tokens: list[Token], i: int) -> bool:
    """Is token ``i`` a street named bare before its town ("a pharmacy on Deansgate in
    Manchester")?"""
    return (
        text[max(0, tokens[i].start - 3) : tokens[i].start] == "on "
        and text[tokens[i].end : tokens[i].end + 4] == " in "
        and i + 2 < len(tokens)
        and tokens[i + 2].capitalised
        and bool(
            match_phrase(tokens, text, i + 2, cities())
            or match_phrase(tokens, text, i + 2, regions())
        )
    )


def propagate_places(text: str, tokens: list[Token], spans: list[Span]) -> Iterator[Span]:
    """Every other mention of a place already found ("Houston" twice; "BC" after "B.C.")."""
    found = {text[s.start : s.end] for s in spans if s.kind == "place"}
    found = {f.replace(".", "") if DOTTED_CODE.fullmatch(f) else f for f in found}
    found = {f for f in found if len(f) >= 4 or (f.isupper() and len(f) >= 2)}
    if not found:
        return
    firsts = {f.split()[0] for f in found}
    for i, tok in enumerate(tokens):
        if tok.core not in firsts:
            continue
        for place in found:
            words = place.split()
            n = len(words)
            if [t.core if k == n - 1 else t.text for k, t in enumerate(tokens[i : i + n])] == words:
                yield Span(tok.start, tokens[i + n - 1].core_end, "place", False)
