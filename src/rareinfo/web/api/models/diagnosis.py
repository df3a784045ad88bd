"""The differential diagnosis: what a client sends and the ranking it gets back.

The response is built field by field from ``phenotype.results`` and ``phenotype.text`` by
``diagnosis_of``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from rareinfo.phenotype import results, text
from rareinfo.phenotype.calibration import Mode
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
    mode: Mode = Field(default="clinician", description=(
        "Who recorded the absent symptoms. 'clinician' (the default): they were looked "
        "for, as in a clinical record or a published case. 'lay': a person's own account; "
        "an absent symptom only counts by how often each disease shows it. The Check "
        "symptoms page uses 'lay'."))


class Phenopacket(BaseModel):
    """A GA4GH phenopacket (v2 JSON) as the whole body: its phenotypicFeatures are read."""

    model_config = ConfigDict(extra="allow")

    id: str | None = None
    subject: dict[str, Any] | None = None
    phenotypicFeatures: list[dict[str, Any]] = Field(  # noqa: N815 - the GA4GH field name
        min_length=1, max_length=MAX_TERMS, examples=[[
            {"type": {"id": "HP:0001166", "label": "Arachnodactyly"}},
            {"type": {"id": "HP:0001083", "label": "Ectopia lentis"}},
            {"type": {"id": "HP:0000365", "label": "Hearing impairment"}, "excluded": True}]])


# A body is a raw phenopacket when it has phenotypicFeatures at the top, else our request.
DiagnoseBody = Annotated[Phenopacket | DiagnoseRequest, Field(union_mode="left_to_right")]


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
    contribution: float = Field(
        description='in the method\'s units (natural log of the likelihood ratio for "lr"): '
                    "positive raises the disease, negative lowers it; a record's score is the "
                    "sum of its contributions")
    lent_by: Term | None = Field(
        description="the entry the feature is borrowed from (see lent_because)")
    gene: str | None = Field(description="the gene they share, or the Mondo class, when the "
                             "feature is borrowed")
    lent_because: Literal["gene", "equivalent", "series"] | None = Field(
        description="why it is borrowed: the same gene, the same disease in Mondo, or the "
                    "same OMIM phenotypic series")
    informative: bool = Field(description="false when the terms only meet at a term too "
                              "general to explain anything: counted, not shown as a reason")


class DiseaseFeature(BaseModel):
    """A disease feature the patient lacks, or one in conflict with the patient."""

    term: Term
    frequency: float
    contribution: float
    patient_term: Term | None
    kind: str = Field(description="missing | excluded-by-patient | excluded-by-disease")
    lent_by: Term | None
    gene: str | None
    lent_because: Literal["gene", "equivalent", "series"] | None


class Certainty(BaseModel):
    """What happened in development cases like this one (see decisions/0003)."""

    mode: Mode
    share: float = Field(description="the best match's share of the posterior (uncalibrated)")
    cases: int = Field(description="development cases in the same band")
    first: float = Field(description="share of them with the diagnosis first")
    top_ten: float = Field(description="share of them with the diagnosis in the first ten")
    words: str


class RankedDisease(BaseModel):
    """One disease in the ranking, with the reasons for its place."""

    disease_id: str = Field(description="the annotated disease: OMIM:..., ORPHA:..., "
                            "DECIPHER:...")
    name: str
    score: float
    rank: int = Field(description="1-based position in the ranking")
    tied: int = Field(description="other diseases with exactly the same scores")
    matches: list[MatchedPair]
    missing: list[DiseaseFeature]
    conflicts: list[DiseaseFeature]
    explained: bool = Field(description="false when the explanation was not computed "
                            "(beyond the first 20)")
    url: str = Field(description="the disease's page (absolute)")


class RankedPage(BaseModel):
    """One disease page in the ranking: its best-placed source record decides its place, and
    every ranked record of the page is inside."""

    page_id: str = Field(description="the page's primary id; the record's own id when no "
                         "page holds it")
    name: str
    rank: int = Field(description="1-based position among pages")
    score: float = Field(description="the best score among the page's records")
    url: str = Field(description="absolute URL of the page's JSON")
    records: list[RankedDisease] = Field(description="the page's ranked source records "
                                         "(OMIM, ORPHA, DECIPHER), best first")


class UnusedInput(BaseModel):
    """Something the input gave that the ranking does not use, said rather than dropped."""

    field: str = Field(description="where in the input: subject.sex, onset, interpretations")
    value: str
    reason: str


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

    method: Method
    results: list[RankedPage] = Field(description="pages, best first; records inside")
    present: list[Term]
    excluded: list[Term]
    unknown_terms: list[str]
    mapped_terms: dict[str, str] = Field(description="alternative or obsolete id -> current")
    notes: list[str]
    diseases_ranked: int
    mode: Mode = Field(description="how absent symptoms were weighed")
    ranked: str = Field(description="what was ranked, out of how many pages")
    certainty: Certainty | None = Field(description=(
        "how sure the ranking is: among development cases whose best match held a similar "
        "share, how many had the diagnosis first and in the first ten (method lr only)"))
    certainty_text: str | None = Field(description="the same in words")
    disclaimer: str
    text: TextMapping | None = Field(description="how the plain-words text was read, if any")
    unused: list[UnusedInput] = Field(description="inputs read but not used by the ranking")


class BatchRequest(BaseModel):
    """Several cases in one call: each our own request body or a raw phenopacket."""

    cases: list[DiagnoseBody] = Field(min_length=1, max_length=25)
    top: int = Field(default=20, ge=1, le=100, description="for cases that do not say")


class BatchResult(BaseModel):
    """One case's ranking (the same shape as a single diagnosis), or why it has none."""

    case: int = Field(description="0-based position in the request")
    id: str | None = Field(description="the phenopacket's id, when given")
    diagnosis: DiagnoseResponse | None
    error: str | None


class BatchResponse(BaseModel):
    """Every case's answer, in the order given."""

    results: list[BatchResult]


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
                       gene=m.gene, lent_because=m.lent_because,  # type: ignore[arg-type]
                       informative=m.informative)


def disease_feature_of(f: results.DiseaseFeature) -> DiseaseFeature:
    """A missing or conflicting disease feature."""
    return DiseaseFeature(term=term_of(f.term), frequency=f.frequency,
                          contribution=f.contribution, patient_term=_maybe_term(f.patient_term),
                          kind=f.kind, lent_by=_maybe_term(f.lent_by), gene=f.gene,
                          lent_because=f.lent_because)  # type: ignore[arg-type]


def ranked_disease_of(r: results.RankedDisease, base_url: str = "/") -> RankedDisease:
    """One ranked disease with its reasons and its page."""
    return RankedDisease(disease_id=r.disease_id, name=r.name, score=r.score, rank=r.rank,
                         tied=r.tied,
                         matches=[matched_pair_of(m) for m in r.matches],
                         missing=[disease_feature_of(f) for f in r.missing],
                         conflicts=[disease_feature_of(f) for f in r.conflicts],
                         explained=r.explained,
                         url=base_url.rstrip("/") + disease_url(r.disease_id))


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


def pages_of(ranked: list[results.RankedDisease], pages: dict[str, tuple[str, str]],
             base_url: str) -> list[RankedPage]:
    """Records grouped by page (record id -> page id, name), pages in their best record's
    order."""
    grouped: dict[str, list[results.RankedDisease]] = {}
    for record in ranked:
        page_id = pages.get(record.disease_id, (record.disease_id, record.name))[0]
        grouped.setdefault(page_id, []).append(record)
    root = base_url.rstrip("/")
    out: list[RankedPage] = []
    for rank, (page_id, records) in enumerate(grouped.items(), start=1):
        best = records[0]
        name = pages.get(best.disease_id, (page_id, best.name))[1]
        out.append(RankedPage(page_id=page_id, name=name, rank=rank, score=best.score,
                              url=f"{root}/api/v1/diseases/{page_id}",
                              records=[ranked_disease_of(r, base_url) for r in records]))
    return out


def diagnosis_of(ranking: Ranking, pages: dict[str, tuple[str, str]] | None = None,
                 base_url: str = "/", unused: list[UnusedInput] | None = None
                 ) -> DiagnoseResponse:
    """The ranking as clients receive it: pages first, their source records inside."""
    d = ranking.diagnosis
    return DiagnoseResponse(
        method=d.method,  # type: ignore[arg-type]
        results=pages_of(list(d.results), pages or {}, base_url),
        present=[term_of(t) for t in d.present], excluded=[term_of(t) for t in d.excluded],
        unknown_terms=list(d.unknown_terms), mapped_terms=dict(d.mapped_terms),
        notes=list(d.notes), diseases_ranked=d.diseases_ranked,
        mode=d.mode,  # type: ignore[arg-type]
        ranked=ranking.ranked, certainty_text=ranking.certainty_text,
        certainty=(None if d.certainty is None else Certainty(
            mode=d.certainty.mode, share=d.certainty.share, cases=d.certainty.cases,
            first=d.certainty.first, top_ten=d.certainty.top_ten, words=d.certainty.words)),
        disclaimer=DISCLAIMER,
        text=text_mapping_of(ranking.mapping) if ranking.mapping is not None else None,
        unused=unused or [])
