"""Institutions: hospitals, clinics, schools, universities, employers and insurers (by head
word, by list, after "at", as an acronym, by the cue that names an employer or an insurer)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from rareinfo.inquiries.deid.classify import lower_unknown
from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.gazetteer import cities, lower_cities, region_abbreviations, regions
from rareinfo.inquiries.deid.patterns import (
    AT,
    AT_ACRONYM,
    AT_IBERIAN,
    INSTITUTION_CUE,
    INSTITUTION_IS,
    LOWER_INSTITUTION_HEADS,
    LOWER_SAINT,
    ROYAL,
    SAINT,
    STATE_UNIVERSITY,
    U_OF,
)
from rareinfo.inquiries.deid.providers import provider_spans
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
    WEAK_HEADS,
    Lexicon,
    common_words,
    eponym_words,
    foreign_words,
    phrases,
    wordset,
)


def _institution_run(lex: Lexicon, text: str, tokens: list[Token], i: int) -> list[Token]:
    """Capitalised words in no word list after "at": "at Northwestern", "at GeneDx"."""
    run: list[Token] = []
    while i < len(tokens) and len(run) < 4:
        tok = tokens[i]
        if run and (gap_between(text, run[-1], tok) != " " or run[-1].core != run[-1].text):
            break
        low = tok.core.lower()
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            not run
            and tok.text in _ARTICLES
            and nxt is not None
            and nxt.capitalised
            and gap_between(text, tok, nxt) == " "
        ):  # "seen at Le Bonheur", "en La Fe"
            run.append(tok)
            i += 1
            continue
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


# French and Spanish articles that begin a hospital's name.
_ARTICLES = frozenset(["Le", "La", "Les", "El", "Los", "Las"])


# Acronyms after "at"/"from" that name no institution: wards, tests, bodies, countries.
NOT_INSTITUTIONS = frozenset(
    [
        # teams and units before their staff: "the MDT staff met"
        "MDT",
        # regulators and payers of medicines, which name no one's hospital
        "MHRA",
        "TGA",
        "PBS",
        "PHARMAC",
        "CADTH",
        "AEMPS",
        "ANVISA",
        "CONITEC",
        "PMDA",
        "NMPA",
        "CDSCO",
        "SAHPRA",
        "HTA",
        "IRB",
        "REC",
        "SCBU",
        "NNU",
        "PACU",
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
def _lower_institutions() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The bundled institutions in lower case ("mass general", "great ormond street")."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for v in phrases("institutions.txt").values():
        for p in v:
            words = tuple(w.lower() for w in p)
            table.setdefault(words[0], []).append(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in table.items()}


@lru_cache(maxsize=1)
def _lower_brands() -> frozenset[str]:
    return frozenset(p[0].lower() for v in phrases("institutions.txt").values() for p in v)


def _named_before_head(lex: Lexicon, text: str, tokens: list[Token], i: int) -> Span | None:
    """A capitalised name before a head word in lower case: "Bright Horizons daycare",
    "Little Acorns nursery" (not "Duchenne clinic", "Sunday school")."""
    start = i
    while start > 0 and i - start < 3:
        prev = tokens[start - 1]
        if gap_between(text, prev, tokens[start]) != " ":
            break
        # the word next to the head must be a name; before it an ordinary capitalised word
        # may open the name ("Bright Horizons")
        if not _proper_name_part(lex, prev) and not (
            start < i
            and prev.capitalised
            and not prev.core.isupper()
            and prev.core.lower() not in FUNCTION_WORDS
            and prev.core not in eponym_words()
            and prev.core not in lex.eponyms
        ):
            break
        start -= 1
    if start == i or (start == 0 or text[tokens[start].start - 2 : tokens[start].start] == ". "):
        return None  # nothing before it, or a capital that only starts the sentence
    if any(t.core.lower().endswith(_SPECIALTY_ENDINGS) for t in tokens[start:i]):
        return None  # a department: "the Paediatric Neurology clinic", "Metabolic clinic"
    return Span(tokens[start].start, tokens[i - 1].core_end, "institution", False)


def _proper_name_part(lex: Lexicon, tok: Token) -> bool:
    return (
        tok.capitalised
        and not tok.core.isupper()
        and _name_part(lex, tok)
        and tok.core.lower() not in lex.medical
        and tok.core not in eponym_words()
        and tok.core not in lex.eponyms
        and tok.core.lower() not in foreign_words()
        and tok.core not in _WEEKDAYS
        and not is_region(tok.core)
    )


# Endings of medical specialties and their adjectives (Neurology, Genetics, Paediatric).
_SPECIALTY_ENDINGS = ("ology", "ics", "iatric", "iatry", "ic", "al", "ery")
_LOWER_SCHOOL_HEADS = wordset("daycare nursery preschool kindergarten school academy pharmacy")
_SCHOOL_HEADS = wordset("college academy school")
_WEEKDAYS = wordset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")


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
        # a town's name that is an everyday word of another language is that word ("es una
        # pregunta general")
        town = low in lower_cities() and low not in foreign_words()
        # or a word in no list right before a college's or school's head ("beauchamp college")
        unlisted = (
            j == i - 1
            and tokens[i].core in _SCHOOL_HEADS
            and len(low) >= 4
            and low not in common_words()
            and low not in foreign_words()
            and low not in lex.medical
        )
        if town or unlisted or low in _lower_brands():
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
    for pattern in (U_OF, ROYAL):
        for m in pattern.finditer(text):
            yield Span(m.start(), m.end(), "institution")
    for m in LOWER_SAINT.finditer(text):
        yield Span(m.start(1), m.end(1), "institution", False)
    for m in INSTITUTION_IS.finditer(text):
        span = _cued_institution(lex, text, tokens, token_at(tokens, m.end()))
        if span:
            yield span
    for m in INSTITUTION_CUE.finditer(text):
        span = _cued_institution(lex, text, tokens, token_at(tokens, m.end()))
        if span:
            yield span
    for m in AT_IBERIAN.finditer(text):
        i = token_at(tokens, m.end())
        run = _institution_run(lex, text, tokens, i)
        if (
            run
            and run[0].core.lower() not in foreign_words()
            # "en el Pereira Rossell": a town's name may open a hospital's
            and match_phrase(tokens, text, i, regions()) < len(run)
            and match_phrase(tokens, text, i, cities()) < len(run)
        ):
            yield Span(run[0].start, run[-1].core_end, "institution", False)
    for m in AT_ACRONYM.finditer(text):
        word = m.group(1)
        i = token_at(tokens, m.start(1))
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            nxt is not None
            and word not in NOT_INSTITUTIONS
            and gap_between(text, tokens[i], nxt) == " "
            and (
                (nxt.capitalised and _name_part(lex, nxt))
                or (
                    nxt.text.islower()
                    and nxt.core in lower_cities()
                    and nxt.core not in common_words()
                    and nxt.core not in foreign_words()
                )
            )
        ):  # "at UT Southwestern", "at CMC vellore"
            yield Span(m.start(1), nxt.core_end, "institution")
            continue
        if (
            word not in NOT_INSTITUTIONS
            and word.lower() not in lex.medical
            and word not in region_abbreviations()
            and not match_phrase(tokens, text, token_at(tokens, m.start(1)), regions())
        ):
            yield Span(m.start(1), m.end(1), "institution", False)
    lower_known = _lower_institutions()
    for i, tok in enumerate(tokens):
        before = text[max(0, tok.start - 5) : tok.start]
        n = match_phrase(tokens, text, i, lower_known) if tok.text.islower() else 0
        if n > 1 or (
            tok.text in _lower_brands()
            and before.endswith(("at ", "to ", "from ", "for "))
            and (n or not tok.text.islower())
        ):  # "seen at ohsu", "waiting for temple street", "at mass general"
            yield Span(tok.start, tokens[i + n - 1].end if n else tok.end, "institution", False)
        if tok.text in LOWER_INSTITUTION_HEADS:
            span = _lower_institution(lex, text, tokens, i)
            if span:
                yield span
        if tok.text in LOWER_INSTITUTION_HEADS or tok.text in _LOWER_SCHOOL_HEADS:
            span = _named_before_head(lex, text, tokens, i)
            if span:
                yield span
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            tok.text in ("childrens", "children's", "children’s")
            and nxt is not None
            and nxt.text.islower()
            and gap_between(text, tok, nxt) == " "
            and lower_unknown(lex, nxt)
        ):  # "at childrens mercy"
            yield Span(tok.start, nxt.core_end, "institution", False)
    for m in STATE_UNIVERSITY.finditer(text):
        yield Span(m.start(1), m.end(1), "institution")
    yield from _acronym_institutions(lex, text, tokens)
    yield from provider_spans(lex, text, tokens)
    for m in AT.finditer(text):
        run = _institution_run(lex, text, tokens, token_at(tokens, m.end()))
        if run:  # "at Queen's in Honolulu": the possessive is the hospital's name
            yield Span(run[0].start, run[-1].end, "institution", False)
    known = phrases("institutions.txt")
    for i, tok in enumerate(tokens):
        n = match_phrase(tokens, text, i, known)
        if n:
            end = tokens[i + n - 1].end
            j = i + n
            if (
                j + 1 < len(tokens)
                and tokens[j].text == "of"
                and tokens[j + 1].capitalised
                and (match_phrase(tokens, text, j + 1, regions()) or tokens[j + 1].core in cities())
            ):  # "Blue Cross Blue Shield of Texas": the branch of a listed insurer
                end = tokens[j + (match_phrase(tokens, text, j + 1, regions()) or 1)].end
            yield Span(tok.start, end, "institution")
        if tok.text in INSTITUTION_HEADS or tok.core in INSTITUTION_HEADS:
            span = _around_head(lex, text, tokens, i)
            if span:
                yield span


# An acronym before the staff it employs: "UNTH doctor say surgery", "the CHOP team".
_ACRONYM_STAFF = gated(
    r"\b([A-Z]{3,6})\s+(?:doctors?|nurses?|staff|consultants?|physicians?|specialists?"
    r"|surgeons?|team|social\s+workers?|pharmacists?"
    # or before what a hospital or a body does to a patient: "PMCH refused", "NHLS sent"
    r"|said|says|told|refused|rejected|declined|sent|referred|discharged|admitted"
    r"|cancell?ed)\b"
)
# A place and an acronym: an agency or a hospital of that place ("Texas DFPS", "Lagos LUTH").
_PLACE_ACRONYM = gated(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?) ([A-Z]{3,6})\b(?![-'’]?\d)")


def _unknown_acronym(lex: Lexicon, word: str) -> bool:
    return (
        word not in NOT_INSTITUTIONS
        and word.lower() not in lex.medical
        and word not in region_abbreviations()
        and word not in _PUBLIC_PAYERS
        and not is_region(word)
    )


def _acronym_institutions(lex: Lexicon, text: str, tokens: list[Token]) -> Iterator[Span]:
    """An unknown acronym before the staff it employs ("UNTH doctor say"), or after a place
    ("Texas DFPS")."""
    for m in _ACRONYM_STAFF.finditer(text):
        if _unknown_acronym(lex, m.group(1)):
            yield Span(m.start(1), m.end(1), "institution", False)
    for m in _PLACE_ACRONYM.finditer(text):
        i = token_at(tokens, m.start(1))
        n = match_phrase(tokens, text, i, regions()) or match_phrase(tokens, text, i, cities())
        if n and tokens[i + n - 1].end == m.end(1) and _unknown_acronym(lex, m.group(2)):
            yield Span(m.start(), m.end(), "institution", False)


def _name_part(lex: Lexicon, tok: Token) -> bool:
    """A capitalised word that can continue an institution's name ("Southwestern")."""
    low = tok.core.lower()
    return not (
        low in FUNCTION_WORDS
        or low in common_words()
        or low in lex.ordinary_medical
        or tok.core in MONTHS
        or low in DISEASE_HEADS
    )


# Public payers name no one's employer or insurer of choice: kept.
_PUBLIC_PAYERS = wordset(
    "Medicare Medicaid Medi-Cal MediCal NHS SUS Tricare CHIP VA HSE IHS PHILHEALTH Medicard "
    # and the provinces', states' and nations' schemes ("covered by OHIP", "the NDIS")
    "OHIP RAMQ AHCIP MSP NIHB NDIS PHARMAC ACC PBS NHI NHIF SHA BPJS JKN CGHS ESIC"
)


def _cued_institution(lex: Lexicon, text: str, tokens: list[Token], i: int) -> Span | None:
    """The employer, school or insurer after its cue: one to three capitalised words or an
    acronym ("Intel", "Mercado Libre", "OSDE", "EsSalud"), or a lower-case word in no list
    ("northeastern")."""
    if i >= len(tokens):
        return None
    first = tokens[i]
    the = None
    if first.text == "The" and i + 1 < len(tokens) and tokens[i + 1].capitalised:
        the, i = first, i + 1  # "a journalist at The Irish Times"
        first = tokens[i]
    if not first.capitalised:
        low = first.core
        if (
            low in common_words()
            or low in lex.medical
            or low in FUNCTION_WORDS
            or low in foreign_words()
            or any(c.isdigit() for c in low)
        ):
            return None
        return Span(first.start, first.core_end, "institution", False)
    run = [first]
    while len(run) < 3 and i + len(run) < len(tokens):
        nxt = tokens[i + len(run)]
        if gap_between(text, run[-1], nxt) != " " or not nxt.capitalised:
            break
        if (
            not _name_part(lex, nxt)
            and nxt.core not in INSTITUTION_HEADS
            and nxt.core not in _ORGANISATION_TAILS
        ):
            break
        run.append(nxt)
    if first.core.lower() in FUNCTION_WORDS or first.core in MONTHS or first.core in _PUBLIC_PAYERS:
        return None
    # a possessive is part of a charity's or a firm's name: "a social worker w Barnardo's"
    return Span((the or run[0]).start, run[-1].end, "institution", False)


# Ordinary words that end the name of an employer or a provider after its cue: "Mercury
# Drug", "The Irish Times", "Cornerstone Community Care".
_ORGANISATION_TAILS = wordset(
    "Care Services Group Trust Foundation Society Partners Associates Network Drug Drugs "
    "Pharmacy Pharmacies Chemist Chemists Times Post News Herald Tribune Bank Stores Mart "
    "Supermarket Insurance Assurance Mutual Solutions Systems Logistics Motors Foods General "
    "Memorial Regional"
)


def _around_head(lex: Lexicon, text: str, tokens: list[Token], i: int) -> Span | None:
    """The capitalised run around the head word at ``i``: "Royal Manchester Children's
    Hospital", "University of Toronto", "Hospital for Sick Children"."""
    start = i
    while start > 0:
        prev = tokens[start - 1]
        gap = gap_between(text, prev, tokens[start])
        if gap == " & " and prev.capitalised:  # "Thompson & Reyes LLP"
            start -= 1
            continue
        if gap not in (" ", "-", ". ") or (gap == ". " and prev.text not in ("St", "Mt")):
            break
        if prev.text in ("of", "and", "&") and start >= 2 and tokens[start - 2].capitalised:
            start -= 1
            continue
        if not prev.capitalised or prev.core.lower() in FUNCTION_WORDS:
            break
        start -= 1
    end = i
    # a dash may join the parts of a region's name: "CIUSSS du Saguenay–Lac-Saint-Jean"
    while end + 1 < len(tokens) and (
        gap_between(text, tokens[end], tokens[end + 1]) in (" ", "–", "-")
        # an initial inside a person's name: "Hospital de Niños Víctor J. Vilela"
        or (
            gap_between(text, tokens[end], tokens[end + 1]) == ". "
            and len(tokens[end].text) == 1
            and tokens[end].text.isupper()
            and tokens[end + 1].capitalised
        )
    ):
        nxt = tokens[end + 1]
        if _dated_name(tokens, end + 1):  # "Hospital Universitario 12 de Octubre"
            end += 3
            continue
        if (
            nxt.text in INSTITUTION_JOINERS
            and end + 2 < len(tokens)
            and (
                tokens[end + 2].capitalised
                # "Hospital for the Sick Children", but not "... Academy and the ECG showed"
                or (
                    tokens[end + 2].text in ("the", "la", "las", "los", "el", "le", "les")
                    and nxt.text not in ("and", "&")
                )
            )
        ):
            end += 1
            continue
        if not nxt.capitalised or nxt.core.lower() in FUNCTION_WORDS:
            break
        end += 1  # a region may end the name: "Children's Hospital Colorado"
    while end > i and tokens[end].text in INSTITUTION_JOINERS:
        end -= 1
    if start == end:
        return None  # a bare "Hospital" or "School"
    if tokens[i].core in WEAK_HEADS and all(_generic(lex, t) for t in tokens[start:i]):
        return None  # "Internal Medicine", "Public Health", "Medical Centre" alone
    return Span(tokens[start].start, tokens[end].end, "institution")


def _dated_name(tokens: list[Token], i: int) -> bool:
    """Does a date that names an institution begin at ``i`` ("12 de Octubre")?"""
    return (
        i + 2 < len(tokens)
        and tokens[i].text.isdigit()
        and len(tokens[i].text) <= 2
        and tokens[i + 1].text == "de"
        and tokens[i + 2].capitalised
    )


def _generic(lex: Lexicon, tok: Token) -> bool:
    low = tok.core.lower()
    return tok.core not in cities() and (
        low in lex.medical
        or low in common_words()
        or low in PUBLIC_WORDS
        or tok.core in INSTITUTION_HEADS
    )
