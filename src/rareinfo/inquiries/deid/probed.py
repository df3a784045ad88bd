"""What probing the finished rounds with ordinary medical questions found wrongly removed.

A town or a word read as an employer or a hospital, directly before a word that makes it
the name of a medical criterion, protocol, classification or phenotype, is medical and
stays: "work for Bombay phenotype patients", "the Ghent criteria", "the Manchester
criteria", "the Boston criteria", "a Bombay blood group". The issue's own examples ("Bombay
phenotype", "the Toronto protocol") were kept alone but not after "work for", where an
employer rule took the word. (A given name that is also an English auxiliary, "Can Kaftrio be
taken with food?", is handled where given names are read, in ``names``.)

A second probe, after round 46, found three more ordinary words taken:
- a word that qualifies "name" read as a given name: "(real name withheld)", "her legal name";
- a lower-case plural of an everyday word read as a town after "drive/trip to": "the long
  drive to appointments" (a plural of a noun made from a verb or an adjective, "-ments",
  "-tions", "-ities", ..., or of one of the common words; a town spelled like an everyday
  word, "superior" or "sandy", is no plural and still goes, and so does any word the
  gazetteer knows as a place);
- "name" itself, or a lower-case word for a kind of body alone ("covered by the charity?",
  "the insurer"), read as a name or an institution;
- the verb of a question about a relative read as the relative's name: "Can her brother
  donate blood?", "Should my sister get tested?" (a known given name still goes: "can my son
  liam take ibuprofen")."""

from __future__ import annotations

from functools import lru_cache

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.vocabulary import KIN, Lexicon, common_words, phrases, wordset

_NAMED_CRITERION = gated(
    r"[^\S\n]+(?:phenotypes?|protocols?|criteria|classification|nosology"
    r"|blood[^\S\n]+(?:group|type))\b"
)
_ONE_WORD = gated(r"[A-Z][\w'’-]+")
_NAME_QUALIFIER = gated(r"(?i:real|full|first|last|middle|legal|actual|own|birth|nick)")
_NAME_AFTER = gated(r"[^\S\n]+names?\b")
_LOWER_PLURAL = gated(r"[a-z]{3,}s")
_QUESTION_KIN = gated(
    r"(?i)\b(?:can|could|should|would|will|may|might|must|does|did|do)[^\S\n]+"
    r"(?:my|his|her|their|our|your)[^\S\n]+([a-z]+)[^\S\n]+$"
)
_LOWER_WORD = gated(r"[a-z]{3,}")
# What kind of place a question is about, in lower case and alone, names none of them:
# "covered by the charity?", "the insurer says no".
_GENERIC_BODY = wordset(
    "charity charities hospital hospitals clinic clinics insurer insurers insurance council "
    "school schools trust foundation government state county church university practice "
    "surgery pharmacy hospice nursery daycare company employer plan"
)
# Plurals of nouns made from verbs and adjectives ("appointments", "infusions", "therapies"
# are not towns; "-ings" is left out: "hastings").
_NOUN_PLURALS = ("ments", "tions", "sions", "ances", "ences", "ities", "ists", "ogies", "apies")


def _plain_plural(word: str) -> bool:
    """An everyday word's plural that no gazetteer lists as a place ("appointments")."""
    if word in _place_words():
        return False
    common = common_words()
    # a short stem is often a town's ("ames", "eads"): only stems of five letters and more
    return word.endswith(_NOUN_PLURALS) or (len(word) > 5 and word[:-1] in common)


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    return frozenset(
        w.lower()
        for table in ("places.txt", "regions.txt")
        for v in phrases(table).values()
        for p in v
        for w in p
    )


def _kept(lex: Lexicon, text: str, s: Span) -> bool:
    """Whether a found span is one of the ordinary words the module's docstring keeps."""
    word = text[s.start:s.end]
    one_word = _ONE_WORD.fullmatch(text, s.start, s.end)
    criterion = _NAMED_CRITERION.match(text, s.end)
    if s.kind in ("institution", "place", "name") and one_word and criterion:
        return True
    qualifier = _NAME_QUALIFIER.fullmatch(text, s.start, s.end)
    if s.kind == "name" and qualifier and _NAME_AFTER.match(text, s.end):
        return True
    if s.kind == "name" and word in ("name", "names"):
        return True
    if s.kind == "institution" and word in _GENERIC_BODY:
        return True
    if s.kind == "place" and _LOWER_PLURAL.fullmatch(text, s.start, s.end) and _plain_plural(word):
        return True
    if s.kind == "name" and _LOWER_WORD.fullmatch(text, s.start, s.end):
        cue = _QUESTION_KIN.search(text[max(0, s.start - 40):s.start])
        if cue and cue.group(1) in KIN and word not in lex.lower_first_names:
            return word.capitalize() not in lex.first_names
    return False


def clamp_probed(lex: Lexicon, text: str, spans: list[Span]) -> list[Span]:
    """``spans`` less the words the module's docstring keeps."""
    return [s for s in spans if not _kept(lex, text, s)]
