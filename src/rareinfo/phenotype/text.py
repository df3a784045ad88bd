"""Plain words -> HPO terms: "bruises easily, swollen glands in her neck, no fever".

Every term name, its exact and layperson synonyms, and the curated everyday words of
``rareinfo.lexicon`` ("fits", "floppy baby", "can't hear well") become a key: the words,
normalised and reduced to a crude stem (``rareinfo.phenotype.clauses``), minus filler
words, sorted (so word order does not matter: "his joints are loose" meets "loose
joints"). The text is cut into clauses; in each clause the longest runs of words whose key
is known are taken, and each run of words left over falls back to the term sharing most
words with it, or is reported as unmatched. Each chosen term keeps the span of text it came
from, so a person can see and correct it.

A negation ("no", "not", "doesn't", "never", "without") that no matched phrase used makes
the terms after it in its clause excluded. A clause about a relative ("his father had the
same", "seizures run in the family") is family history: its terms are reported as such and
are not the patient's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rareinfo.lexicon import EverydayPhrase
from rareinfo.phenotype.clauses import (
    IGNORABLE,
    NEGATIONS,
    POLARITY,
    RELATIVES,
    Clause,
    Word,
    clauses,
    key_of,
    relative_at,
    stem,
)

if TYPE_CHECKING:
    from rareinfo.records import PhenotypeTerm

__all__ = ["FamilyMention", "SymptomIndex", "TextMapping", "TextMatch", "Unmatched",
           "key_of", "stem"]

MAX_WINDOW = 8  # longest run of words tried as one term
# Only phenotypic abnormalities are symptoms: not clinical modifiers ("Severe", "Slowly
# progressive"), frequencies or modes of inheritance, whose names are everyday words too.
PHENOTYPIC_ABNORMALITY = "HP:0000118"
PARTIAL_MIN_OVERLAP = 0.5  # a fallback term must share at least this share of words
# Kinds of match, best first: the order in which ambiguous keys pick their term. The
# curated everyday words come first: they were written to settle exactly those ambiguities
# ("pale" is pallor, not a pale-skin pigment disorder).
_KIND_ORDER = ("everyday", "name", "synonym", "layperson", "plural", "partial")


@dataclass(frozen=True, slots=True)
class TextMatch:
    """One HPO term chosen from the text, with where it came from."""

    term_id: str
    term_name: str
    start: int  # character offsets into the input text
    end: int
    text: str  # the input words that were matched
    matched: str  # the term name, synonym or everyday phrase they matched
    kind: str  # everyday | name | synonym | layperson | plural | partial
    excluded: bool = False  # the clause said the symptom is absent
    alternatives: tuple[str, ...] = ()  # other terms with the same key (or near misses)
    family: bool = False  # said of a relative, not of the patient


@dataclass(frozen=True, slots=True)
class Unmatched:
    """A phrase in which no term was found."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class FamilyMention:
    """A clause about a relative: "his father had the same", "no family history of deafness"."""

    text: str
    start: int
    end: int
    terms: tuple[str, ...]  # HPO terms named in the clause (none for "the same")
    negated: bool = False


@dataclass(frozen=True, slots=True)
class TextMapping:
    """The terms found in a text, the phrases left over, and any family history."""

    matches: tuple[TextMatch, ...]
    unmatched: tuple[Unmatched, ...] = ()
    family: tuple[FamilyMention, ...] = ()

    @property
    def present(self) -> tuple[str, ...]:
        """Identifiers of the terms named as present in the patient."""
        return tuple(dict.fromkeys(
            m.term_id for m in self.matches if not m.excluded and not m.family))

    @property
    def excluded(self) -> tuple[str, ...]:
        """Identifiers of the terms named as absent in the patient."""
        return tuple(dict.fromkeys(
            m.term_id for m in self.matches if m.excluded and not m.family))

    @property
    def family_history(self) -> tuple[str, ...]:
        """Identifiers of the terms said to be present in a relative."""
        return tuple(dict.fromkeys(
            t for f in self.family if not f.negated for t in f.terms))


@dataclass(frozen=True, slots=True)
class _Entry:
    term_id: str
    term_name: str
    matched: str
    kind: str


@dataclass(frozen=True, slots=True)
class _Found:
    first: int  # index of the first word of the clause that the match covers
    match: TextMatch


class SymptomIndex:
    """Names, synonyms and everyday words of HPO terms, keyed for plain-words lookup."""

    def __init__(
        self,
        terms: Iterable[PhenotypeTerm],
        usage: Mapping[str, float] | None = None,
        everyday: Iterable[EverydayPhrase] = (),
    ) -> None:
        """Index names, synonyms and everyday phrases; ``usage`` (diseases per term) breaks
        ties. Everyday phrases for terms that are not in ``terms`` (or are obsolete) are
        skipped."""
        self.exact: dict[tuple[str, ...], list[_Entry]] = {}
        self.by_stem: dict[str, set[tuple[str, ...]]] = {}
        self.usage: Mapping[str, float] = usage or {}
        names: dict[str, str] = {}
        current = [t for t in terms if not t.obsolete]
        allowed = _subtree(current, PHENOTYPIC_ABNORMALITY)
        for term in current:
            if allowed is not None and term.id not in allowed:
                continue
            names[term.id] = term.name
            self._add(term.name, _Entry(term.id, term.name, term.name, "name"))
            for synonym in term.synonyms:
                kind = _synonym_kind(synonym.scope, synonym.type)
                if kind is not None:
                    self._add(synonym.text, _Entry(term.id, term.name, synonym.text, kind))
        for phrase in everyday:
            if phrase.term_id in names:
                self._add(phrase.text, _Entry(phrase.term_id, names[phrase.term_id],
                                              phrase.text, "everyday"))
        for entries in self.exact.values():
            entries.sort(key=lambda e: (_KIND_ORDER.index(e.kind), -self._usage(e), e.term_id))

    def _usage(self, entry: _Entry) -> float:
        return self.usage.get(entry.term_id, 0.0)

    def _add(self, text: str, entry: _Entry) -> None:
        key = key_of(text)
        if not key:
            return
        entries = self.exact.setdefault(key, [])
        same = [e for e in entries if e.term_id == entry.term_id]
        if same and _KIND_ORDER.index(same[0].kind) <= _KIND_ORDER.index(entry.kind):
            return
        entries[:] = [e for e in entries if e.term_id != entry.term_id] + [entry]
        for part in key:
            self.by_stem.setdefault(part, set()).add(key)

    def map(self, text: str) -> TextMapping:
        """Find HPO terms in plain-words text; report the phrases that matched nothing."""
        matches: list[TextMatch] = []
        unmatched: list[Unmatched] = []
        family: list[FamilyMention] = []
        for clause in clauses(text):
            used: set[int] = set()
            found = self._windows(text, clause, used)
            for run in _leftovers(clause, used):
                # A lone word beside a matched phrase qualifies it ("sparse hair growth",
                # "feeling tired"); guessing a second symptom from it is mostly wrong.
                alone = len(run) == 1 and bool(found)
                partial = None if alone else self._partial(text, run)
                if partial is None:
                    unmatched.append(Unmatched(text[run[0].start : run[-1].end],
                                               run[0].start, run[-1].end))
                else:
                    found.append(_Found(clause.words.index(run[0]), partial))
            cues = [n for n, w in enumerate(clause.words)
                    if n not in used and w.token in NEGATIONS]
            relative = relative_at(clause)
            said_of_relative = relative is not None and not relative[1]
            clause_matches = [
                _with(f.match, excluded=any(c < f.first for c in cues),
                      family=said_of_relative)
                for f in sorted(found, key=lambda f: f.match.start)
            ]
            matches.extend(clause_matches)
            if relative is not None:
                family.append(FamilyMention(
                    text[clause.start : clause.end], clause.start, clause.end,
                    tuple(dict.fromkeys(m.term_id for m in clause_matches)),
                    negated=any(c < relative[0] for c in cues) and not relative[1]))
        return TextMapping(tuple(matches), tuple(unmatched), tuple(family))

    def _windows(self, text: str, clause: Clause, used: set[int]) -> list[_Found]:
        """Longest runs of words whose key is a term, left to right, not overlapping."""
        found: list[_Found] = []
        words = clause.words
        for size in range(min(MAX_WINDOW, len(words)), 0, -1):
            for first in range(len(words) - size + 1):
                span = set(range(first, first + size))
                if span & used:
                    continue
                key = tuple(sorted({w.stem for w in words[first : first + size]}))
                entries = self.exact.get(key)
                if entries is None:
                    continue
                used |= span
                start, end = words[first].start, words[first + size - 1].end
                found.append(_Found(first, _match(entries[0], text, start, end,
                                                  tuple(e.term_id for e in entries[1:]))))
        return found

    def _partial(self, text: str, run: list[Word]) -> TextMatch | None:
        """The term sharing most words with the run (Jaccard), if it shares enough."""
        stems = {w.stem for w in run}
        polarity = stems & POLARITY
        candidates: set[tuple[str, ...]] = set()
        for part in stems - POLARITY:
            candidates |= self.by_stem.get(part, set())
        # A near miss must say the same thing the same way round: "eats" is not "not eating".
        candidates = {k for k in candidates if POLARITY.intersection(k) == polarity}
        ranked = sorted(
            ((len(stems & set(k)) / len(stems | set(k)), k) for k in candidates),
            key=lambda item: (-item[0], -self._usage(self.exact[item[1]][0]), item[1]),
        )
        if not ranked or ranked[0][0] < PARTIAL_MIN_OVERLAP:
            return None
        best = self.exact[ranked[0][1]][0]
        others = tuple(self.exact[k][0].term_id for _, k in ranked[1:4])
        entry = _Entry(best.term_id, best.term_name, best.matched, "partial")
        return _match(entry, text, run[0].start, run[-1].end, others)


def _subtree(terms: Sequence[PhenotypeTerm], root: str) -> set[str] | None:
    """Identifiers of ``root`` and its descendants; None when ``root`` is not among the
    terms (a hand-made fixture without the upper ontology)."""
    children: dict[str, list[str]] = {}
    for term in terms:
        for parent in term.parents:
            children.setdefault(parent, []).append(term.id)
    if not any(t.id == root for t in terms):
        return None
    found = {root}
    stack = [root]
    while stack:
        for child in children.get(stack.pop(), ()):
            if child not in found:
                found.add(child)
                stack.append(child)
    return found


def _synonym_kind(scope: str, kind: str | None) -> str | None:
    if kind == "layperson":
        return "layperson"
    if scope != "EXACT":
        return None
    return "plural" if kind == "plural_form" else "synonym"


def _match(entry: _Entry, text: str, start: int, end: int,
           others: tuple[str, ...]) -> TextMatch:
    return TextMatch(entry.term_id, entry.term_name, start, end, text[start:end],
                     entry.matched, entry.kind, alternatives=others)


def _with(match: TextMatch, *, excluded: bool, family: bool) -> TextMatch:
    return TextMatch(match.term_id, match.term_name, match.start, match.end, match.text,
                     match.matched, match.kind, excluded, match.alternatives, family)


def _leftovers(clause: Clause, used: set[int]) -> list[list[Word]]:
    """Runs of words that no window matched, cut at cues and at words that carry no
    symptom (the patient, relatives, everyday verbs)."""
    runs: list[list[Word]] = []
    current: list[Word] = []
    for number, word in enumerate(clause.words):
        if number in used or word.token in NEGATIONS or word.token in RELATIVES \
                or word.stem in IGNORABLE or word.token.isdigit():
            if current:
                runs.append(current)
            current = []
        else:
            current.append(word)
    if current:
        runs.append(current)
    return runs
