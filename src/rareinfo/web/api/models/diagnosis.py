"""The differential diagnosis: what a client sends and the ranking it gets back.

The response is built field by field from ``phenotype.results`` and ``phenotype.text`` by
``diagnosis_of``.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from rareinfo.phenotype import results, text
from rareinfo.web.ranking import DISCLAIMER, MAX_TERMS, MAX_TEXT, Ranking, disease_url

Method = Literal["lr", "resnik-onesided", "resnik-bma", "lin-onesided", "lin-bma"]


class DiagnoseRequest(BaseModel):
    """Symptoms in: HPO ids, plain words, or a GA4GH phenopacket (any combination)."""

    present: list[str] = Field(default_factory=list, max_length=MAX_TERMS,
                               examples=[["HP:0001250", "HP:0001263"]])
    excluded: list[str] = Field(default_factory=list, max_length=MAX_TERMS)
    text: str | None = Field(default=None, max_length=MAX_TEXT,
                             examples=["seizures, developmental delay, no hearing loss"])
    phenopacket: dict[str, Any] | None = None
    top: int = Field(default=20, ge=1, le=500)
    method: Method = "lr"


class Term(BaseModel):
    """An HPO term as shown to a person: identifier and label."""

    id: str
    name: str


class MatchedPair(BaseModel):
    """A patient term, the disease term it matched, the ancestor they share, the weight."""

    patient_term: Term
    disease_term: Term | None
    shared_ancestor: Term | None
    frequency: float | None = Field(
        description="of the disease term among patients with the disease")
    contribution: float = Field(description='in the method\'s units (log LR for "lr")')
    lent_by: Term | None = Field(
        description="the Orphanet disorder of the same gene the feature is from")
    gene: str | None = Field(description="the gene they share, when the feature is borrowed")


class DiseaseFeature(BaseModel):
    """A disease feature the patient lacks, or one in conflict with the patient."""

    term: Term
    frequency: float
    contribution: float
    patient_term: Term | None
    kind: str = Field(description="missing | excluded-by-patient | excluded-by-disease")
    lent_by: Term | None
    gene: str | None


class RankedDisease(BaseModel):
    """One disease in the ranking, with the reasons for its place."""

    disease_id: str = Field(description="the annotated disease: OMIM:..., ORPHA:..., "
                            "DECIPHER:...")
    name: str
    score: float
    rank: int = Field(description="1-based position in the ranking")
    confidence: float = Field(description="0..1, monotone in score")
    tied: int = Field(description="other diseases with exactly the same scores")
    matches: list[MatchedPair]
    missing: list[DiseaseFeature]
    conflicts: list[DiseaseFeature]
    explained: bool = Field(description="false when the explanation was not computed "
                            "(beyond the first 20)")
    url: str = Field(description="the disease's page")


class TextMatch(BaseModel):
    """One HPO term chosen from the text, with where it came from."""

    term_id: str
    term_name: str
    start: int = Field(description="character offset into the input text")
    end: int
    text: str = Field(description="the input words that were matched")
    matched: str = Field(description="the term name, synonym or everyday phrase they matched")
    kind: str = Field(description="everyday | name | synonym | layperson | plural | partial")
    excluded: bool = Field(description="the clause said the symptom is absent")
    alternatives: list[str] = Field(description="other terms with the same key")
    family: bool = Field(description="said of a relative, not of the patient")


class Unmatched(BaseModel):
    """A phrase in which no term was found."""

    text: str
    start: int
    end: int


class FamilyMention(BaseModel):
    """A clause about a relative: "his father had the same", "no family history of deafness"."""

    text: str
    start: int
    end: int
    terms: list[str] = Field(description="HPO terms named in the clause")
    negated: bool


class TextMapping(BaseModel):
    """The terms found in a text, the phrases left over, and any family history."""

    matches: list[TextMatch]
    unmatched: list[Unmatched]
    family: list[FamilyMention]


class DiagnoseResponse(BaseModel):
    """Every disease ranked for the symptoms, best first, with what was done with the input."""

    method: str
    results: list[RankedDisease]
    present: list[Term]
    excluded: list[Term]
    unknown_terms: list[str]
    mapped_terms: dict[str, str] = Field(description="alternative or obsolete id -> current")
    notes: list[str]
    diseases_ranked: int
    disclaimer: str
    text: TextMapping | None = Field(description="how the plain-words text was read, if any")


def term_of(t: results.Term) -> Term:
    """An HPO term with its label."""
    return Term(id=t.id, name=t.name)


def _maybe_term(t: results.Term | None) -> Term | None:
    return term_of(t) if t is not None else None


def matched_pair_of(m: results.MatchedPair) -> MatchedPair:
    """A matched pair of patient and disease terms."""
    return MatchedPair(patient_term=term_of(m.patient_term),
                       disease_term=_maybe_term(m.disease_term),
                       shared_ancestor=_maybe_term(m.shared_ancestor), frequency=m.frequency,
                       contribution=m.contribution, lent_by=_maybe_term(m.lent_by),
                       gene=m.gene)


def disease_feature_of(f: results.DiseaseFeature) -> DiseaseFeature:
    """A missing or conflicting disease feature."""
    return DiseaseFeature(term=term_of(f.term), frequency=f.frequency,
                          contribution=f.contribution, patient_term=_maybe_term(f.patient_term),
                          kind=f.kind, lent_by=_maybe_term(f.lent_by), gene=f.gene)


def ranked_disease_of(r: results.RankedDisease) -> RankedDisease:
    """One ranked disease with its reasons and its page."""
    return RankedDisease(disease_id=r.disease_id, name=r.name, score=r.score, rank=r.rank,
                         confidence=r.confidence, tied=r.tied,
                         matches=[matched_pair_of(m) for m in r.matches],
                         missing=[disease_feature_of(f) for f in r.missing],
                         conflicts=[disease_feature_of(f) for f in r.conflicts],
                         explained=r.explained, url=disease_url(r.disease_id))


def text_mapping_of(m: text.TextMapping) -> TextMapping:
    """How a plain-words text was read."""
    return TextMapping(
        matches=[TextMatch(term_id=t.term_id, term_name=t.term_name, start=t.start,
                           end=t.end, text=t.text, matched=t.matched, kind=t.kind,
                           excluded=t.excluded, alternatives=list(t.alternatives),
                           family=t.family)
                 for t in m.matches],
        unmatched=[Unmatched(text=u.text, start=u.start, end=u.end) for u in m.unmatched],
        family=[FamilyMention(text=f.text, start=f.start, end=f.end, terms=list(f.terms),
                              negated=f.negated) for f in m.family])


def diagnosis_of(ranking: Ranking) -> DiagnoseResponse:
    """The ranking as clients receive it."""
    d = ranking.diagnosis
    return DiagnoseResponse(
        method=d.method, results=[ranked_disease_of(r) for r in d.results],
        present=[term_of(t) for t in d.present], excluded=[term_of(t) for t in d.excluded],
        unknown_terms=list(d.unknown_terms), mapped_terms=dict(d.mapped_terms),
        notes=list(d.notes), diseases_ranked=d.diseases_ranked, disclaimer=DISCLAIMER,
        text=text_mapping_of(ranking.mapping) if ranking.mapping is not None else None)
