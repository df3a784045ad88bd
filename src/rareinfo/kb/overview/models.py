"""The overview's domain objects: sentences in everyday words, each with the facts behind it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class OverviewFact:
    """One fact of the page a sentence rests on, with its source and that source's release.

    ``kind``: symptom | inheritance | onset | prevalence | gene | treatment | trial;
    ``label`` is what the page's tables call it ("Autosomal dominant inheritance",
    "Point prevalence 1-5 / 10 000, Europe"), ``id`` the term, gene, product or trial id.
    """

    kind: str
    label: str
    id: str | None
    detail: str | None
    source: str
    release: str | None


@dataclass(frozen=True, slots=True)
class OverviewSentence:
    """One sentence of the overview and the facts it is written from.

    ``glossary`` is the plain explanation of an inheritance mode named in the sentence.
    """

    topic: str  # symptoms | body | onset | prevalence | inheritance | genes | treatment | trials
    text: str
    facts: tuple[OverviewFact, ...]
    glossary: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class BodySystem:
    """A branch of HPO's Phenotypic abnormality and how many of the page's symptoms lie in it."""

    id: str
    name: str  # in everyday words ("brain and nerves")
    hpo_name: str  # "Abnormality of the nervous system"
    symptoms: int


@dataclass(frozen=True, slots=True)
class PrevalenceScale:
    """How common the disease is as a range of "1 in N" people, for the scale picture."""

    low: float  # fewest affected per person (0 when the class has no lower bound)
    high: float  # most affected per person
    words: str  # "about 1 to 5 in 10,000 people"
    measure: str  # Point prevalence | Prevalence at birth | Annual incidence | ...


@dataclass(frozen=True, slots=True)
class Overview:
    """A plain-words overview of a page, written only from the page's own facts."""

    sentences: tuple[OverviewSentence, ...]
    body_systems: tuple[BodySystem, ...]  # most symptoms first
    prevalence: PrevalenceScale | None
    facts: int  # distinct facts the sentences rest on
