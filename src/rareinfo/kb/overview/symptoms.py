"""The overview's symptom sentences: everyday names that fit the sentence, frequency words.

Which rows count as facts (``said``, ``names_itself``) is decided here once, for the
writer and for the coverage figure alike (``rareinfo.kb.overview.facts``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from rareinfo.kb.models import SymptomRow
from rareinfo.kb.overview.models import OverviewFact, OverviewSentence
from rareinfo.kb.overview.phrases import cap, join_words, lower_first
from rareinfo.kb.overview.words import AVOIDED_LAY_WORDS, FREQUENCY_ORDER, frequency_word

FIRST_GROUP = 4  # symptoms named in the first symptom sentence
NEXT_GROUP = 3  # ... and in the second
LAY_WORDS = 6  # a longer layperson name is a definition, not a name
STRONG = frozenset({"most", "about half", "many"})

# A symptom is named after "have": the name must be a noun phrase. HPO's layperson
# synonyms include adjectives and verb phrases ("Nonverbal", "Near sighted", "Bruise
# easily"); these endings and words mark them, and the next name is used instead.
_ADJECTIVE_ENDINGS = ("ive", "ous", "able", "ible", "ful", "less", "ic", "al")
_ADJECTIVES = frozenset({"sleepy", "clumsy", "short", "tall", "deaf", "blind", "mute",
                         "lethal", "chronic", "mild", "severe", "profound", "borderline",
                         "stillborn", "weak", "moderate", "multiple"})
_VERB_STARTS = ("bruise ", "bruises ", "tire ", "tires ", "lacks ", "walks ", "cannot ",
                "can't ", "can not ", "unable ", "does not ", "doesn't ", "is ", "are ",
                "has ", "gets ", "falls ")
_QUANTITIES = frozenset({"less", "more", "fewer"})  # "weight less than 3rd percentile"
_NOUN_JOINS = (" of ", " that ", " which ", " with ", " in ", ",")
_WORD = re.compile(r"[a-z'-]+")


def _participle(word: str) -> bool:
    # "delayed", "cross-eyed", "sighted"; not "nosebleed"
    return word.endswith("ed") and not word.endswith("eed")


def _adjective(word: str) -> bool:
    word = word.rsplit("-", 1)[-1]  # "red-blind", "double-jointed"
    return word in _ADJECTIVES or _participle(word) or word.endswith(_ADJECTIVE_ENDINGS)


def is_noun_phrase(name: str) -> bool:
    """Whether a symptom name can follow "have": "absent speech" yes, "nonverbal" no.

    A small rule, not a parser: a name starting with a verb, ending in "easily",
    comparing an adjective ("more active than typical", not "more teeth than normal"),
    a lone adjective ("irritable", "tired"), or a phrase whose last word is a participle
    or a listed adjective ("near sighted", "neonatal lethal") is not one, unless a noun
    is joined after it ("corners of eye widely separated").
    """
    text = name.lower().strip()
    words = _WORD.findall(text)
    if not words:
        return False
    if text.startswith(_VERB_STARTS) or words[-1] == "easily":
        return False
    if len(words) > 1 and any(j in text for j in _NOUN_JOINS):
        return True  # "flexed joint that cannot be straightened"
    if any(f" {v}" in f" {text}" for v in _VERB_STARTS):
        return False  # "hand has less than 5 fingers" is a clause
    if "than" in words:
        before = words[words.index("than") - 1] if words.index("than") else ""
        return before in _QUANTITIES or not _adjective(before)
    if len(words) == 1:
        return not _adjective(words[0])
    last = words[-1].rsplit("-", 1)[-1]
    return not (_participle(last) or last in _ADJECTIVES)


def usable_lay_name(name: str) -> bool:
    """Short, respectful and a noun phrase: "tired" (for Fatigue) cannot follow "have"."""
    lower = name.lower()
    return (len(lower.split()) <= LAY_WORDS and not any(a in lower for a in AVOIDED_LAY_WORDS)
            and is_noun_phrase(name))


def everyday_name(row: SymptomRow) -> str:
    """The shortest usable layperson name of a symptom, else its HPO name, in reading order."""
    lay = sorted((n for n in row.lay_names if usable_lay_name(n)), key=len)
    return lower_first(uninverted(lay[0] if lay else row.name))


_INVERTED = re.compile(r"^(?P<head>[^,]+), (?P<tail>[\w-]+)$")


def uninverted(name: str) -> str:
    """"Severe intellectual disability" for HPO's "Intellectual disability, severe"."""
    match = _INVERTED.match(name)
    if match is None or not _adjective(match["tail"].lower()):
        return name
    return f"{match['tail']} {lower_first(match['head'])}"


def has_everyday_name(row: SymptomRow) -> bool:
    """HPO gives the symptom a usable layperson name that differs from its medical name."""
    return any(usable_lay_name(n) and n.lower() != row.name.lower() for n in row.lay_names)


_NOT_WORD = re.compile(r"[^\w]+")


def _words(text: str) -> str:
    return _NOT_WORD.sub(" ", text.casefold()).strip()


# words of a disease name that only say which form or how it passes down
_FORM_WORDS = frozenset({"type", "types", "with", "and", "or", "of", "the", "due", "to", "form",
                         "familial", "hereditary", "isolated", "congenital", "autosomal",
                         "dominant", "recessive", "x", "linked", "susceptibility", "trait",
                         "age", "related", "syndrome", "disease", "disorder"})
_ROMAN = re.compile(r"^[ivx]+[a-z]?$")


def _core(name: str) -> frozenset[str]:
    return frozenset(w for w in _words(name).split()
                     if w not in _FORM_WORDS and not w.isdigit() and not _ROMAN.match(w)
                     and len(w) > 1 and not any(c.isdigit() for c in w))


def names_itself(row: SymptomRow, disease_name: str) -> bool:
    """The symptom is the disease itself and has no everyday name to add.

    "Acute lymphoblastic leukemia" as a sign of itself, "Amelogenesis imperfecta" of
    "Amelogenesis imperfecta, type IB", tell a reader nothing; "Ataxia" in "Ataxia with
    fasciculations" is one of two signs the name lists, and "Cataract" told as "cloudy
    lens" says what the name means.
    """
    core = _core(disease_name)
    # the same words, not more: "Focal seizure" on "Seizure disorder" says which seizures
    return bool(core) and core == _core(row.name) and not has_everyday_name(row)


def said(row: SymptomRow) -> bool:
    """Some source says people have it: not only counts of nobody ("0 of 9")."""
    known = [f.fraction for f in row.frequencies if f.fraction is not None]
    if not row.frequencies:
        return row.frequency is None or row.frequency > 0
    return len(known) < len(row.frequencies) or any(x > 0 for x in known)


def row_word(row: SymptomRow) -> tuple[str | None, str, str | None]:
    """The most careful word any source's frequency gives, with that source and label.

    Sources may disagree ("Occasional" in one, "Very frequent" in another); the weaker
    word is the one every source supports.
    """
    options = [(frequency_word(f.fraction, f.label, f.m), f.source, f.label)
               for f in row.frequencies] or [
        (frequency_word(row.frequency, row.frequency_label, row.frequency_m), row.source,
         row.frequency_label)]
    known = [o for o in options if o[0] is not None]
    if not known or len(known) < len([f for f in row.frequencies if f.fraction is not None]):
        # a source's count too small (or nobody) to give a word: no word for the row
        return None, row.source, row.frequency_label
    return max(known, key=lambda o: FREQUENCY_ORDER.index(str(o[0])))


def _fact(row: SymptomRow, source: str, label: str | None,
          release: Mapping[str, str]) -> OverviewFact:
    return OverviewFact("symptom", row.name, row.id, label, source, release.get(source))


Member = tuple[SymptomRow, str, str | None]


def _lay_first(members: Sequence[Member]) -> list[Member]:
    # layperson names first: they are what a reader knows
    return sorted(members, key=lambda m: not has_everyday_name(m[0]))


def _group_text(word: str, names: str, first: bool, everyone: bool) -> str:
    if word == "a few":
        return (f"A few people with this condition have been reported with {names}."
                if first else f"A few have been reported with {names}.")
    lead = "All" if word == "most" and everyone else cap(word)
    if first:
        return f"{lead}{' of' if word == 'about half' else ''} people with this condition " \
               f"have {names}."
    return f"{lead} have {names}."


def symptom_sentences(rows: Sequence[SymptomRow], disease_name: str,
                      release: Mapping[str, str]) -> list[OverviewSentence]:
    """Up to two sentences by frequency word, then the other recorded signs if few are named."""
    worded: dict[str, list[Member]] = {w: [] for w in FREQUENCY_ORDER}
    unworded: list[Member] = []
    for row in rows:
        if not said(row) or names_itself(row, disease_name):
            continue
        word, source, label = row_word(row)
        (worded[word] if word else unworded).append((row, source, label))
    groups = [(w, worded[w]) for w in FREQUENCY_ORDER if worded[w]]
    out: list[OverviewSentence] = []
    named = 0
    for index, (word, members) in enumerate(groups[:2]):
        chosen = _lay_first(members)[:FIRST_GROUP if index == 0 else NEXT_GROUP]
        named += len(chosen)
        names = join_words([everyday_name(r) for r, _, _ in chosen])
        everyone = all((lab or "").startswith("Obligate") for _, _, lab in chosen)
        out.append(OverviewSentence("symptoms", _group_text(word, names, index == 0, everyone),
                                    tuple(_fact(r, s, lab, release) for r, s, lab in chosen)))
    strong = any(w in STRONG for w, _ in groups[:2])
    # the recorded signs without a word follow a weak or short list: a reader should not
    # take one "some" sign, or two signs, for all that is known
    if unworded and (not strong or named < FIRST_GROUP):
        pool = _lay_first(unworded)[:FIRST_GROUP]
        names = join_words([everyday_name(r) for r, _, _ in pool])
        lead = ("Other signs recorded include" if out else
                "Signs recorded in people with this condition include")
        out.append(OverviewSentence("symptoms", f"{lead} {names}.", tuple(
            _fact(r, s, lab, release) for r, s, lab in pool)))
    return out
