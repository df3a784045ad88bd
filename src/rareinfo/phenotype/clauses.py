"""Plain-words text cut into clauses of normalised words, with the cues that change them.

A clause ends at punctuation, at "but", "however", "although", "while", and at an "and"
that starts a new subject ("... and his father had the same"). Words are lower-cased,
contractions are spelled out ("can't" -> cannot, "doesn't" -> not), possessives dropped
("my son's" -> son) and filler words removed; each keeps its character span. Two kinds
of cue are recognised here and acted on by the mapper: negations ("no", "not", "never",
"without") and relatives ("his father", "runs in the family").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_WORD = re.compile(r"[A-Za-z0-9]+(?:['\u2019][A-Za-z]+)?")
_BREAK = re.compile(
    r"[,;.!?:\n\r/()]+"
    r"|\b(?:but|however|although|though|while|whereas|except)\b"
    r"|\band\b(?=\s+(?:he|she|they|i|we|his|her|my|our|their|keeps?|has|had|gets?|got|is"
    r"|was|started|now|then)\b)",
    re.IGNORECASE,
)
FILLER = frozenset({
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "with", "from", "by", "and", "or",
    "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having",
    "do", "does", "did", "can", "could", "will", "would", "should", "may", "might", "my",
    "his", "her", "their", "our", "your", "its", "it", "he", "she", "they", "we", "i", "me",
    "him", "them", "us", "you", "very", "really", "quite", "some", "also",
    "too", "so", "such", "that", "this", "these", "those", "there", "which", "who",
})
NEGATIONS = frozenset({"no", "not", "without", "never", "denies", "denied", "nor", "neither",
                       "none"})
# Words that turn a phrase into its opposite: "not eating" is not "eating".
POLARITY = frozenset({"no", "not", "without", "never", "cannot", "none"})
RELATIVES = frozenset({
    "father", "dad", "daddy", "mother", "mum", "mom", "mummy", "mommy", "brother", "brothers",
    "sister", "sisters", "sibling", "siblings", "aunt", "auntie", "aunts", "uncle", "uncles",
    "cousin", "cousins", "grandfather", "grandmother", "grandpa", "grandma", "granddad",
    "grandad", "nan", "nana", "grandparent", "grandparents", "parent", "parents", "family",
    "families", "relative", "relatives", "niece", "nephew", "twin", "husband", "wife",
})
# Words that compare the patient with a relative rather than describe the relative.
_COMPARISONS = frozenset({"like", "as", "than"})
# Words naming the patient, everyday verbs, degree words and vague nouns: they carry no
# symptom, so a run of leftover words is never matched or reported on their account
# (compared by stem, so "feeling" goes with "feel").
_IGNORABLE_WORDS = frozenset({
    "son", "daughter", "child", "children", "kid", "kids", "baby", "boy", "girl", "toddler",
    "infant", "teenager", "patient", "seem", "seems", "get", "gets", "got", "getting", "keep",
    "keeps", "start", "started", "starts", "become", "became", "look", "looks", "feel",
    "feels", "notice", "noticed", "think", "say", "says", "said", "told", "doctor",
    "doctors", "since", "always", "often", "sometimes", "just", "still", "now", "then",
    "ago", "year", "years", "month", "months", "old", "same", "what", "when", "how", "like",
    "as", "than", "bit", "times", "time", "all", "well", "much", "many", "other", "others",
    "yes", "had", "problem", "problems", "issue", "issues", "bad", "lately", "recently",
    "lot", "lots", "unusual", "unusually", "abnormal", "abnormally", "extreme", "extremely",
    "severe", "severely", "mild", "mildly", "slight", "slightly", "general", "generally",
    "overly", "particularly", "somewhat", "totally", "completely", "slowly", "gradual",
    "gradually", "appearance", "function", "activity", "episode", "episodes", "level",
    "levels", "type", "kind", "sort", "thing", "things", "way", "area", "areas", "part",
})
_CANNOT = frozenset({"can't", "cannot", "couldn't", "unable", "cant", "inability"})
_CLITICS = ("'s", "'re", "'ll", "'d", "'ve", "'m")


@dataclass(frozen=True, slots=True)
class Word:
    """A normalised word of the text with its character span."""

    token: str  # lower-case, contractions spelled out
    stem: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Clause:
    """A run of words between clause breaks."""

    words: tuple[Word, ...]
    start: int
    end: int


# Irregular forms the suffix rules cannot reach, mapped to a form they can.
_IRREGULAR = {
    "lost": "lose", "swollen": "swell", "broke": "break", "broken": "break", "fell": "fall",
    "fallen": "fall", "grew": "grow", "grown": "grow", "ate": "eat", "eaten": "eat",
    "slept": "sleep", "felt": "feel", "bled": "bleed", "shook": "shake", "shaken": "shake",
    "began": "begin", "begun": "begin", "teeth": "tooth", "feet": "foot", "children": "child",
    "worse": "bad", "worst": "bad", "thought": "think", "spoke": "speak", "spoken": "speak",
}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude English stem: bruises/bruised/bruising -> bruis, easily -> easy."""
    word = word.lower().removesuffix("'s")
    word = _IRREGULAR.get(word, word)
    if len(word) <= 3:
        return word
    for suffix, replacement in (("ies", "y"), ("ily", "y"), ("ing", ""), ("ed", ""),
                                ("es", ""), ("ly", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + replacement
            break
    else:
        if word.endswith("s") and not word.endswith(("ss", "us", "is")):
            word = word[:-1]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]  # swelling/swell, stopped/stop: drop the doubled consonant
    return word


@lru_cache(maxsize=65536)
def normal_token(raw: str) -> str | None:
    """The word as the mapper sees it, or None for a filler word."""
    word = raw.lower().replace("\u2019", "'")
    if word in _CANNOT:
        return "cannot"
    if word.endswith("n't"):
        return "not"
    for clitic in _CLITICS:
        if word.endswith(clitic):
            word = word[: -len(clitic)]
            break
    return None if word in FILLER or not word else word


def words_of(text: str, offset: int = 0) -> list[Word]:
    """The non-filler words of a text, normalised, with spans shifted by ``offset``."""
    found: list[Word] = []
    for match in _WORD.finditer(text):
        token = normal_token(match.group(0))
        if token is not None:
            found.append(Word(token, stem(token), offset + match.start(),
                              offset + match.end()))
    return found


def key_of(text: str) -> tuple[str, ...]:
    """Sorted content stems of a text: the order-free lookup key."""
    return tuple(sorted({w.stem for w in words_of(text)}))


def clauses(text: str) -> list[Clause]:
    """Cut the text at punctuation and clause-opening conjunctions."""
    found: list[Clause] = []
    position = 0
    for piece in [*_BREAK.split(text)]:
        start = text.find(piece, position) if piece else position
        position = start + len(piece)
        words = words_of(piece, start)
        if words:
            found.append(Clause(tuple(words), words[0].start, words[-1].end))
    return found


def relative_at(clause: Clause) -> tuple[int, bool] | None:
    """Where a clause names a relative, and whether it only compares the patient with one.

    "his father had the same" -> (0, False); "big ears like his dad" -> (3, True).
    """
    tokens = [w.token for w in clause.words]
    for number, token in enumerate(tokens):
        if token in RELATIVES:
            before = tokens[max(0, number - 2): number]
            return number, any(t in _COMPARISONS for t in before)
    return None


IGNORABLE = frozenset(stem(w) for w in _IGNORABLE_WORDS)
