"""The overview's words kept as data: inheritance glossary, body systems, ages, how common.

Each table is written once (the ``.tsv`` files beside this module) so that the page, the
JSON API and the command line say the same thing in the same words.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# Orphanet's prevalence classes: (fewest, most) affected per person, and in words.
PREVALENCE_CLASSES: dict[str, tuple[float, float, str]] = {
    ">1 / 1000": (1e-3, 1e-2, "more than 1 in 1,000"),
    "6-9 / 10 000": (6e-4, 9e-4, "about 6 to 9 in 10,000"),
    "1-5 / 10 000": (1e-4, 5e-4, "about 1 to 5 in 10,000"),
    "1-9 / 100 000": (1e-5, 9e-5, "about 1 to 9 in 100,000"),
    "1-9 / 1 000 000": (1e-6, 9e-6, "about 1 to 9 in 1,000,000"),
    "<1 / 1 000 000": (0.0, 1e-6, "fewer than 1 in 1,000,000"),
}
# The measures a page may state, the one a reader wants first first.
PREVALENCE_MEASURES = ("Point prevalence", "Prevalence at birth", "Annual incidence",
                       "Lifetime Prevalence", "Cases/families")
# Orphanet states these when there is nothing to state: they are not facts to write from.
NOT_A_MODE = frozenset({"not applicable", "unknown", "no data available"})
ANY_AGE = "all ages"
# Layperson synonyms HPO still lists that a page must not use: outdated, hurtful words.
AVOIDED_LAY_WORDS = ("retard", "mental deficiency", "idiocy", "imbecil", "cretin", "mongol",
                     "dwarf", "cripple", "lame")


class WordsError(ValueError):
    """A shipped word table is malformed (a packaging defect, not user input)."""


@dataclass(frozen=True, slots=True)
class InheritanceWords:
    """One inheritance mode (or a note about how it passes down) in everyday words."""

    mode: str
    kind: str  # pattern | note
    short: str
    sentence: str
    explanation: str


@dataclass(frozen=True, slots=True)
class OnsetWords:
    """An age of onset as a phrase, with its place from earliest to latest."""

    order: int
    phrase: str


def _rows(name: str, columns: int) -> list[list[str]]:
    text = resources.files(__package__).joinpath(name).read_text("utf-8")
    rows: list[list[str]] = []
    for number, line in enumerate(text.splitlines()[1:], start=2):
        cells = line.split("\t")
        if len(cells) != columns or not all(c.strip() for c in cells[:-1]):
            raise WordsError(f"{name}:{number}: expected {columns} cells")
        rows.append([c.strip() for c in cells])
    return rows


@lru_cache(maxsize=1)
def inheritance_words() -> dict[str, InheritanceWords]:
    """The glossary: mode key (lower case, without "inheritance") -> its words."""
    return {r[0]: InheritanceWords(*r) for r in _rows("inheritance.tsv", 5)}


@lru_cache(maxsize=1)
def body_system_words() -> dict[str, str]:
    """HPO organ-system branch id -> its everyday name."""
    return {r[0]: r[1] for r in _rows("body_systems.tsv", 2)}


@lru_cache(maxsize=1)
def onset_words() -> dict[str, OnsetWords]:
    """Age-of-onset name (HPO term or Orphanet class, lower case) -> its phrase."""
    return {r[0]: OnsetWords(int(r[1]), r[2]) for r in _rows("onset.tsv", 3)}


@dataclass(frozen=True, slots=True)
class CourseWords:
    """How a disease starts or runs over time (HPO's clinical course) in one sentence."""

    group: str  # pace | steady | start | pattern: terms of one group share a sentence
    sentence: str


@lru_cache(maxsize=1)
def course_words() -> dict[str, CourseWords]:
    """Clinical-course name (lower case) -> its sentence; deaths are left to the tables."""
    return {r[0]: CourseWords(r[1], r[2]) for r in _rows("course.tsv", 3)}


def mode_key(name: str) -> str:
    """"autosomal dominant" for "Autosomal dominant inheritance" and "Autosomal dominant"."""
    key = name.strip().lower()
    return key.removesuffix(" inheritance").strip()


def frequency_word(fraction: float | None, label: str | None, m: int | None) -> str | None:
    """"most", "about half", "many", "some" or "a few"; None when too little is known.

    A count of fewer than five people ("1 of 1", "2 of 3") is a case report, not a
    frequency: it gives no word.
    """
    if fraction is None or fraction <= 0 or (m is not None and m < 5):
        return None  # "0 of 9" says nobody had it: no word at all
    if fraction >= 0.8:
        return "most"
    if m is not None and 0.4 <= fraction <= 0.6:
        return "about half"
    if fraction >= 0.3:
        return "many"
    if fraction >= 0.05:
        return "some"
    return "a few"


FREQUENCY_ORDER = ("most", "about half", "many", "some", "a few")
