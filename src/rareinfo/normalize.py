"""Text normalisation for search: one canonical spelling for names and queries alike.

>>> normalize("Sjögren's syndrome (primary)")
'sjogrens syndrome primary'
>>> tokenize("Café-au-lait spot")
['cafe', 'au', 'lait', 'spot']
>>> clean_query("  Leukemia, acute  ")
'leukemia acute'
"""

from __future__ import annotations

import re
import unicodedata
from typing import TypeGuard

MAX_QUERY_LENGTH = 200

# Words that carry no meaning on their own in disease and phenotype names; a query need not
# match them for an entry to count as found ("type" because "type 1" is about the "1").
STOPWORDS: frozenset[str] = frozenset({
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "is", "of", "on",
    "or", "the", "to", "type", "with",
})

# Letters that Unicode decomposition leaves alone but people type as plain Latin letters,
# and Greek letters that appear in names ("α-thalassemia") but are typed as words.
_TRANSLITERATION = str.maketrans({
    "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
    "α": " alpha ", "β": " beta ", "γ": " gamma ", "δ": " delta ", "ε": " epsilon ",
    "κ": " kappa ", "λ": " lambda ", "μ": " mu ", "ω": " omega ",
})

# Apostrophes join ("Crohn's" -> "crohns", as people type it); other punctuation separates.
_APOSTROPHES_RE = re.compile(r"['’‘ʼ`´]")
_WORD_RE = re.compile(r"[^\W_]+")

# C0/C1 controls other than tab and newlines, lone surrogates and the replacement character
# only get into a query from binary junk or a broken encoding, never from a person typing.
_BINARY_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffd]")


# British medical spellings folded to American ones, so "leukaemia" finds "leukemia" and
# "oedema" finds "edema" exactly (not by typo tolerance). Rules act on whole words and
# are limited to spellings that occur in disease and phenotype names.
_BRITISH = (
    (re.compile(r"haem"), "hem"),  # haemophilia, haematoma, haemorrhage
    (re.compile(r"aemi"), "emi"),  # anaemia, leukaemia, ischaemic, septicaemia
    (re.compile(r"^oe(?=dem|sophag|str)"), "e"),  # oedema, oesophagus, oestrogen
    (re.compile(r"paed"), "ped"),  # paediatric, orthopaedic
    (re.compile(r"^foet"), "fet"),  # foetal
    (re.compile(r"^coeliac"), "celiac"),
    (re.compile(r"rrhoe"), "rrhe"),  # diarrhoea, amenorrhoea
    (re.compile(r"pnoe"), "pne"),  # dyspnoea, apnoea
    (re.compile(r"^(tum|behavi|col|hum|od)our"), r"\1or"),  # tumour, behaviour, colour
)
_BRITISH_HINT = re.compile(r"ae|oe|our")


def _american(word: str) -> str:
    if _BRITISH_HINT.search(word) is None:  # most words: nothing to do
        return word
    for pattern, replacement in _BRITISH:
        word = pattern.sub(replacement, word)
    return word


def normalize(text: str) -> str:
    """Lower-case, accent-free, punctuation-free text with single spaces between words.

    >>> normalize("Acute lymphoblastic leukaemia (paediatric)")
    'acute lymphoblastic leukemia pediatric'
    """
    plain = _APOSTROPHES_RE.sub("", text.casefold())
    if not plain.isascii():  # most names are plain ASCII: skip the costly Unicode work for them
        plain = unicodedata.normalize("NFKD", plain).translate(_TRANSLITERATION)
        plain = "".join(char for char in plain if not unicodedata.combining(char))
    return " ".join(_american(word) for word in _WORD_RE.findall(plain))


def tokenize(text: str) -> list[str]:
    """The normalised words of a text, in order."""
    return normalize(text).split()


def count_words(text: str) -> int:
    """len(tokenize(text)), without the spelling work: to find which part holds a word."""
    plain = _APOSTROPHES_RE.sub("", text.casefold())
    if not plain.isascii():  # transliteration may add words ("α" -> "alpha")
        return len(tokenize(text))
    return len(_WORD_RE.findall(plain))  # _american maps each word to one word


def is_usable_query(raw: object) -> TypeGuard[str]:
    """True for a string a person could have typed: not blank, not over-long, not binary."""
    if not isinstance(raw, str) or not raw.strip() or len(raw) > MAX_QUERY_LENGTH:
        return False
    return _BINARY_RE.search(raw) is None


def clean_query(raw: object) -> str | None:
    """The normalised query, or None when there is nothing searchable in it."""
    if not is_usable_query(raw):
        return None
    return normalize(raw) or None


def is_stopword(word: str) -> bool:
    """True for a normalised word that a query need not match."""
    return word in STOPWORDS


def distinct_words(text: str) -> list[str]:
    """The distinct words of normalised text, in order."""
    return list(dict.fromkeys(text.split()))


def meaningful_words(text: str) -> list[str]:
    """The words a match must account for: all but stopwords (unless that is all)."""
    words = distinct_words(text)
    return [word for word in words if not is_stopword(word)] or words
