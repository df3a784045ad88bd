"""Plain words -> HPO terms: "bruises easily, swollen lymph nodes, night sweats".

Every term name and its exact and layperson synonyms become a key: the words, lower-cased,
reduced to a crude stem (plural and singular, -ing/-ed/-ly forms meet), minus filler
words, sorted (so word order does not matter). The text is cut into phrases at commas,
semicolons, full stops, line breaks and "but"; in each phrase the longest runs of words
whose key is known are taken, and each run of words left over falls back to the term
sharing most words with it, or is reported as unmatched. Each chosen term keeps the span
of text it came from, so a person can see and correct it; phrases starting with "no",
"not" or "without" give excluded terms.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from rareinfo.records import PhenotypeTerm

MAX_WINDOW = 8  # longest run of words tried as one term
PARTIAL_MIN_OVERLAP = 0.5  # a fallback term must share at least this share of words

_WORD = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)?")
_PHRASE_BREAK = re.compile(r"[,;.\n\r/]+|\bbut\b|\balso\b", re.IGNORECASE)
_NEGATIONS = frozenset({"no", "not", "without", "never", "denies", "absent", "absence", "lacks"})
_FILLER = frozenset({
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "with", "from", "by", "and", "or",
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "my", "his", "her",
    "their", "our", "your", "its", "it", "he", "she", "they", "we", "i", "me", "him", "them",
    "very", "really", "quite", "some", "lot", "lots",
})
# Kinds of match, best first: the order in which ambiguous keys pick their term.
_KIND_ORDER = ("name", "synonym", "layperson", "plural", "partial")


@dataclass(frozen=True, slots=True)
class TextMatch:
    """One HPO term chosen from the text, with where it came from."""

    term_id: str
    term_name: str
    start: int  # character offsets into the input text
    end: int
    text: str  # the input words that were matched
    matched: str  # the term name or synonym they matched
    kind: str  # name | synonym | layperson | plural | partial
    excluded: bool = False  # the phrase said the symptom is absent
    alternatives: tuple[str, ...] = ()  # other terms with the same key (or near misses)


@dataclass(frozen=True, slots=True)
class Unmatched:
    """A phrase in which no term was found."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TextMapping:
    """The terms found in a text and the phrases left over."""

    matches: tuple[TextMatch, ...]
    unmatched: tuple[Unmatched, ...] = ()

    @property
    def present(self) -> tuple[str, ...]:
        """Identifiers of the terms named as present."""
        return tuple(dict.fromkeys(m.term_id for m in self.matches if not m.excluded))

    @property
    def excluded(self) -> tuple[str, ...]:
        """Identifiers of the terms named as absent."""
        return tuple(dict.fromkeys(m.term_id for m in self.matches if m.excluded))


@dataclass(frozen=True, slots=True)
class _Entry:
    term_id: str
    term_name: str
    matched: str
    kind: str


@dataclass(frozen=True, slots=True)
class _Word:
    stem: str
    start: int
    end: int


@dataclass(slots=True)
class _Phrase:
    words: list[_Word]
    excluded: bool
    text: str = ""
    start: int = 0
    end: int = 0
    used: set[int] = field(default_factory=set)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude English stem: bruises/bruised/bruising -> bruis, easily -> easy."""
    word = word.lower().removesuffix("'s")
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


def key_of(text: str) -> tuple[str, ...]:
    """Sorted content stems of a text: the order-free lookup key."""
    return tuple(sorted({stem(w) for w in _WORD.findall(text) if w.lower() not in _FILLER}))


class SymptomIndex:
    """Names and synonyms of HPO terms, keyed for plain-words lookup."""

    def __init__(
        self, terms: Iterable[PhenotypeTerm], usage: Mapping[str, float] | None = None
    ) -> None:
        """Index names and synonyms; ``usage`` (e.g. diseases per term) breaks ties."""
        self.exact: dict[tuple[str, ...], list[_Entry]] = {}
        self.by_stem: dict[str, set[tuple[str, ...]]] = {}
        self.usage: Mapping[str, float] = usage or {}
        for term in terms:
            if term.obsolete:
                continue
            self._add(term.name, _Entry(term.id, term.name, term.name, "name"))
            for synonym in term.synonyms:
                kind = _synonym_kind(synonym.scope, synonym.type)
                if kind is not None:
                    self._add(synonym.text, _Entry(term.id, term.name, synonym.text, kind))
        for entries in self.exact.values():
            entries.sort(key=lambda e: (_KIND_ORDER.index(e.kind), -self._usage(e), e.term_id))

    def _usage(self, entry: _Entry) -> float:
        return self.usage.get(entry.term_id, 0.0)

    def _add(self, text: str, entry: _Entry) -> None:
        key = key_of(text)
        if not key:
            return
        entries = self.exact.setdefault(key, [])
        if all(e.term_id != entry.term_id for e in entries):
            entries.append(entry)
        for part in key:
            self.by_stem.setdefault(part, set()).add(key)

    def map(self, text: str) -> TextMapping:
        """Find HPO terms in plain-words text; report the phrases that matched nothing."""
        matches: list[TextMatch] = []
        unmatched: list[Unmatched] = []
        for phrase in _phrases(text):
            found = self._windows(text, phrase)
            for rest in _leftovers(text, phrase):
                partial = self._partial(text, rest)
                found.extend(partial)
                if not partial:
                    unmatched.append(Unmatched(rest.text, rest.start, rest.end))
            matches.extend(sorted(found, key=lambda m: m.start))
        return TextMapping(tuple(matches), tuple(unmatched))

    def _windows(self, text: str, phrase: _Phrase) -> list[TextMatch]:
        """Longest runs of words whose key is a term, left to right, not overlapping."""
        found: list[tuple[int, TextMatch]] = []  # (first word, match)
        words = phrase.words
        for size in range(min(MAX_WINDOW, len(words)), 0, -1):
            for first in range(len(words) - size + 1):
                span = set(range(first, first + size))
                if span & phrase.used:
                    continue
                key = tuple(sorted({w.stem for w in words[first : first + size]}))
                entries = self.exact.get(key)
                if entries is None:
                    continue
                phrase.used |= span
                start, end = words[first].start, words[first + size - 1].end
                found.append((first, _match(entries[0], text, start, end, phrase.excluded,
                                            tuple(e.term_id for e in entries[1:]))))
        return [match for _, match in found]

    def _partial(self, text: str, phrase: _Phrase) -> list[TextMatch]:
        """The term sharing most words with the phrase (Jaccard), if it shares enough."""
        stems = {w.stem for w in phrase.words}
        candidates: set[tuple[str, ...]] = set()
        for part in stems:
            candidates |= self.by_stem.get(part, set())
        ranked = sorted(
            ((len(stems & set(k)) / len(stems | set(k)), k) for k in candidates),
            key=lambda item: (-item[0], -self._usage(self.exact[item[1]][0]), item[1]),
        )
        if not ranked or ranked[0][0] < PARTIAL_MIN_OVERLAP:
            return []
        best = self.exact[ranked[0][1]][0]
        others = tuple(self.exact[k][0].term_id for _, k in ranked[1:4])
        entry = _Entry(best.term_id, best.term_name, best.matched, "partial")
        return [_match(entry, text, phrase.start, phrase.end, phrase.excluded, others)]


def _synonym_kind(scope: str, kind: str | None) -> str | None:
    if kind == "layperson":
        return "layperson"
    if scope != "EXACT":
        return None
    return "plural" if kind == "plural_form" else "synonym"


def _match(
    entry: _Entry, text: str, start: int, end: int, excluded: bool, others: tuple[str, ...]
) -> TextMatch:
    return TextMatch(entry.term_id, entry.term_name, start, end, text[start:end],
                     entry.matched, entry.kind, excluded, others)


def _leftovers(text: str, phrase: _Phrase) -> list[_Phrase]:
    """Runs of words of a phrase that no window matched."""
    runs: list[list[_Word]] = []
    for number, word in enumerate(phrase.words):
        if number in phrase.used:
            continue
        if runs and number - 1 not in phrase.used and runs[-1][-1] is phrase.words[number - 1]:
            runs[-1].append(word)
        else:
            runs.append([word])
    return [
        _Phrase(run, phrase.excluded, text[run[0].start : run[-1].end], run[0].start,
                run[-1].end)
        for run in runs
    ]


def _phrases(text: str) -> list[_Phrase]:
    """Cut the text at punctuation and conjunctions; note a leading negation."""
    phrases: list[_Phrase] = []
    position = 0
    for piece in [*_PHRASE_BREAK.split(text)]:
        start = text.find(piece, position) if piece else position
        position = start + len(piece)
        words = [(m.group(0), start + m.start(), start + m.end()) for m in _WORD.finditer(piece)]
        negated = bool(words) and words[0][0].lower() in _NEGATIONS
        kept = [
            _Word(stem(w), s, e) for w, s, e in words
            if w.lower() not in _FILLER and w.lower() not in _NEGATIONS
        ]
        if kept:
            phrases.append(_Phrase(kept, negated, text[kept[0].start : kept[-1].end],
                                   kept[0].start, kept[-1].end))
    return phrases
