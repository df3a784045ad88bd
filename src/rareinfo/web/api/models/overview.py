"""The plain-words overview of a page as clients receive it: each sentence with its facts.

Built field by field from ``kb.overview.models`` by ``overview_of``.
"""

from __future__ import annotations

from pydantic import BaseModel

from rareinfo.kb.overview import models as ov


class OverviewFact(BaseModel):
    """One fact of the page a sentence rests on, with its source and release."""

    kind: str
    label: str
    id: str | None
    detail: str | None
    source: str
    release: str | None


class OverviewSentence(BaseModel):
    """One sentence of the overview and the facts it is written from."""

    topic: str
    text: str
    facts: list[OverviewFact]
    glossary: list[str] = []


class BodySystem(BaseModel):
    """An HPO organ-system branch and how many of the page's symptoms lie in it."""

    id: str
    name: str
    hpo_name: str
    symptoms: int


class PrevalenceScale(BaseModel):
    """How common the disease is as a range of people affected (shares of 1)."""

    low: float
    high: float
    words: str
    measure: str


class Overview(BaseModel):
    """A plain-words overview written only from the page's own facts."""

    sentences: list[OverviewSentence]
    body_systems: list[BodySystem]
    prevalence: PrevalenceScale | None
    facts: int


def overview_of(o: ov.Overview) -> Overview:
    """The overview, as clients receive it."""
    return Overview(
        sentences=[OverviewSentence(
            topic=s.topic, text=s.text, glossary=list(s.glossary),
            facts=[OverviewFact(kind=f.kind, label=f.label, id=f.id, detail=f.detail,
                                source=f.source, release=f.release) for f in s.facts])
            for s in o.sentences],
        body_systems=[BodySystem(id=b.id, name=b.name, hpo_name=b.hpo_name,
                                 symptoms=b.symptoms) for b in o.body_systems],
        prevalence=PrevalenceScale(low=o.prevalence.low, high=o.prevalence.high,
                                   words=o.prevalence.words, measure=o.prevalence.measure)
        if o.prevalence else None,
        facts=o.facts)
