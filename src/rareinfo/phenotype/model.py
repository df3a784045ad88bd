"""The phenotype model: built from records, ranks every annotated disease for a patient."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from rareinfo.phenotype.compressed import materialize
from rareinfo.phenotype.likelihood import LikelihoodRatio
from rareinfo.phenotype.matrices import FloatArray, IntArray, build_annotations
from rareinfo.phenotype.ontology import Ontology
from rareinfo.phenotype.results import (
    Diagnosis,
    DiseaseFeature,
    MatchedPair,
    RankedDisease,
    Term,
)
from rareinfo.phenotype.scoring import (
    AnnotatedOntology,
    Explanation,
    FeatureNote,
    Query,
    Scorer,
    Scores,
)

# Building a model, plain words and the other ranking methods import what they need when
# used: a batch process reads a stored model and ranks with its likelihood ratios only,
# and these modules cost it a tenth of its start (decisions/0019).
if TYPE_CHECKING:
    from rareinfo.phenotype.calibration import Mode
    from rareinfo.phenotype.mondo_links import LendingLink
    from rareinfo.phenotype.text import SymptomIndex, TextMapping
    from rareinfo.records import GeneAssociation, PhenotypeAnnotation, PhenotypeTerm

DEFAULT_METHOD = "lr"
METHODS = ("lr", "resnik-onesided", "resnik-bma", "lin-onesided", "lin-bma")
DEFAULT_EXPLAINED = 20  # results that carry matched pairs, missing features and conflicts
CALIBRATED = ("lr",)  # methods with a reliability table (calibration.json)
# A match only through a shared ancestor whose information content is below this is no
# reason: on the development cases, the true diagnosis meets a patient term only at such
# general terms ("Constitutional symptom", "Abnormality of the nervous system") less
# often than a random disease does (bench/diagnose_calibration.py prints the table).
GENERAL_IC = 2.0


class UnknownMethodError(ValueError):
    """The ranking method name is not one of METHODS."""


@dataclass(frozen=True, slots=True)
class PreparedQuery:
    """A query with what happened to its input identifiers."""

    query: Query
    unknown: tuple[str, ...]
    mapped: dict[str, str]
    notes: tuple[str, ...]


class PhenotypeModel:
    """HPO graph, disease annotations and the ranking methods over them."""

    def __init__(self, data: AnnotatedOntology) -> None:
        self.data = data
        self.ontology = data.ontology
        self.disease_ids = data.diseases.ids
        self.disease_names = data.diseases.names
        self._scorers: dict[str, Scorer] = {}
        self._symptoms: SymptomIndex | None = None
        # Where the term records (synonyms) come from when the ontology does not hold
        # them, as in a stored model: only plain-words input needs them.
        self.term_records: Callable[[], Iterable[PhenotypeTerm]] | None = None

    def __getstate__(self) -> dict[str, object]:
        """What a stored model keeps: the arrays and the default scorer, not caches."""
        state = dict(self.__dict__)
        state["_symptoms"] = None
        state["term_records"] = None
        state["_scorers"] = {k: v for k, v in self._scorers.items() if k == DEFAULT_METHOD}
        return state

    @classmethod
    def from_records(
        cls,
        terms: Iterable[PhenotypeTerm],
        annotations: Iterable[PhenotypeAnnotation],
        disease_names: Mapping[str, str],
        genes: Iterable[GeneAssociation] = (),
        links: Iterable[LendingLink] | None = None,
    ) -> PhenotypeModel:
        """Build the model from HPO terms, disease annotations, names and gene links.

        The gene links (HPO's genes_to_phenotype.txt) let an OMIM disease borrow the
        features of the Orphanet disorders of its gene (``rareinfo.phenotype.genes``);
        ``links`` (default: the Mondo links shipped with the package) those of its Mondo
        equivalents and of its phenotypic series (``rareinfo.phenotype.mondo_links``).
        """
        from rareinfo.phenotype.genes import gene_neighbours
        from rareinfo.phenotype.mondo_links import shipped_links

        ontology = Ontology(list(terms))
        diseases, _ = build_annotations(ontology, annotations, disease_names)
        lending = shipped_links() if links is None else links
        return cls(AnnotatedOntology(ontology, diseases,
                                     gene_neighbours(ontology, diseases, genes, lending)))

    def map_text(self, text: str) -> TextMapping:
        """Plain-words symptoms -> HPO terms, each with the span of text it came from."""
        if self._symptoms is None:
            from rareinfo.lexicon import everyday_phrases
            from rareinfo.phenotype.text import SymptomIndex

            counts = np.bincount(self.data.propagated.indices, minlength=len(self.ontology))
            usage = dict(zip(self.ontology.ids, counts.astype(float).tolist(), strict=True))
            self._symptoms = SymptomIndex(self._terms(), usage, everyday_phrases())
        return self._symptoms.map(text)

    def _terms(self) -> Sequence[PhenotypeTerm]:
        if self.ontology.terms is not None:
            return self.ontology.terms
        if self.term_records is None:
            raise RuntimeError("this diagnosis model holds no term synonyms for plain words")
        index = self.ontology.index
        return sorted((t for t in self.term_records() if t.id in index and not t.obsolete),
                      key=lambda t: t.id)

    def scorer(self, method: str = DEFAULT_METHOD) -> Scorer:
        """The scorer for a method name, built on first use."""
        if method not in self._scorers:
            self._scorers[method] = self._build_scorer(method)
        return self._scorers[method]

    def _build_scorer(self, method: str) -> Scorer:
        # a stored model's sparse matrices are arrays until a computation needs SciPy's
        materialize(self.data)
        if method == "lr":
            return LikelihoodRatio(self.data)
        from rareinfo.phenotype.similarity import Lin, Resnik

        if method in ("resnik-onesided", "resnik-bma"):
            return Resnik(self.data, symmetric=method == "resnik-bma")
        if method in ("lin-onesided", "lin-bma"):
            return Lin(self.data, symmetric=method == "lin-bma")
        raise UnknownMethodError(f"unknown method {method!r}; choose one of {', '.join(METHODS)}")

    def prepare(self, present: Sequence[str], excluded: Sequence[str] = (),
                mode: Mode = "clinician") -> PreparedQuery:
        """Resolve identifiers; drop exclusions that contradict a present term, with a note.

        ``mode`` says who recorded the absent symptoms: "clinician" (looked for, as in
        published cases) or "lay" (a parent's "no fever"), see ``Query.ascertained``.
        """
        have = self.ontology.resolve(present)
        lack = self.ontology.resolve(excluded)
        # only exclusions need the terms the present ones imply
        implied = (set(self.ontology.ancestors_of_each(have.indices).tolist())
                   if lack.indices else set())
        notes = tuple(
            f"{self.ontology.ids[t]} is both present (or implied by a present term) and "
            "excluded; it is counted as present"
            for t in lack.indices
            if t in implied
        )
        kept = tuple(t for t in lack.indices if t not in implied)
        unknown = tuple(dict.fromkeys((*have.unknown, *lack.unknown)))
        return PreparedQuery(Query(have.indices, kept, mode == "clinician"), unknown,
                             {**have.mapped, **lack.mapped}, notes)

    def scores(self, query: Query, method: str = DEFAULT_METHOD) -> Scores:
        """Raw scores of every disease (index order of ``disease_ids``)."""
        return self.scorer(method).score(query)

    def order(self, scores: Scores, top: int | None = None) -> IntArray:
        """Disease indices best first: primary score, then the tie-break, then identifier.

        With ``top``, only the first ``top`` of that order (a partial selection first,
        so a short list does not pay for sorting every disease).
        """
        candidates = np.arange(len(self.disease_ids), dtype=np.int64)
        if top is not None and top < len(candidates):
            if top <= 0:
                return candidates[:0]
            candidates = at_or_above_cut(scores.primary, top)
        return _ordered(candidates, scores.primary, scores.secondary[candidates], top)

    def ranked(self, query: Query, method: str, top: int) -> tuple[IntArray, FloatArray]:
        """``order(scores(query, method), top)`` and the primary scores; the
        likelihood-ratio method computes its tie-break only for the diseases at the cut."""
        scorer = self.scorer(method)
        if not isinstance(scorer, LikelihoodRatio) or not 0 < top < len(self.disease_ids):
            scores = scorer.score(query)
            return self.order(scores, top), scores.primary
        present = scorer.present_terms(query)
        primary = scorer.primary(query, present)
        candidates = at_or_above_cut(primary, top)
        # The tie-break orders only diseases of equal primary score: a disease whose score
        # no other candidate shares keeps its place whatever its tie-break (about half of
        # the cases have no tie at all, the rest a handful of tied diseases).
        secondary = np.zeros(len(candidates), dtype=np.float64)
        tied = shared_values(primary[candidates])
        if tied.any():
            secondary[tied] = scorer.tie_break_at(query, candidates[tied], present)
        return _ordered(candidates, primary, secondary, top), primary

    def rank(
        self,
        present: Sequence[str],
        excluded: Sequence[str] = (),
        *,
        top: int | None = None,
        method: str = DEFAULT_METHOD,
        explain: int = DEFAULT_EXPLAINED,
        mode: Mode = "clinician",
    ) -> Diagnosis:
        """Rank every annotated disease; the first ``explain`` results carry their reasons."""
        from rareinfo.phenotype.calibration import best_share, certainty

        prepared = self.prepare(present, excluded, mode)
        scorer = self.scorer(method)
        scores = scorer.score(prepared.query)
        order = self.order(scores, top)
        ties = tie_counts(scores, order)
        results = []
        for position, disease in enumerate(order[:top].tolist(), start=1):
            result = RankedDisease(
                disease_id=self.disease_ids[disease],
                name=self.disease_names[disease],
                score=round(float(scores.primary[disease]), 6),
                rank=position,
                tied=int(ties[position - 1]),
            )
            if position <= explain:
                result = self._explained(result, disease,
                                         scorer.explain(prepared.query, disease))
            results.append(result)
        return Diagnosis(
            method=method,
            results=tuple(results),
            present=tuple(self.term(t) for t in prepared.query.present),
            excluded=tuple(self.term(t) for t in prepared.query.excluded),
            unknown_terms=prepared.unknown,
            mapped_terms=prepared.mapped,
            notes=prepared.notes,
            diseases_ranked=len(self.disease_ids),
            mode=mode,
            certainty=(certainty(best_share(scores.primary), mode)
                       if method in CALIBRATED and prepared.query.present else None),
        )

    def term(self, index: int) -> Term:
        """An ontology index as a Term."""
        return Term(self.ontology.ids[index], self.ontology.names[index])

    def _explained(
        self, result: RankedDisease, disease: int, reasons: Explanation
    ) -> RankedDisease:
        """The result with its matched pairs, missing features and conflicts."""
        return replace(
            result,
            matches=tuple(
                MatchedPair(
                    self.term(m.patient_term),
                    None if m.disease_term is None else self.term(m.disease_term),
                    None if m.shared is None else self.term(m.shared),
                    m.frequency,
                    round(m.contribution, 6),
                    *self._lender(disease, m.disease_term),
                    informative=self._informative(m.patient_term, m.shared),
                )
                for m in reasons.matches
            ),
            missing=tuple(self._feature(disease, n) for n in reasons.missing),
            conflicts=tuple(self._feature(disease, n) for n in reasons.conflicts),
            explained=True,
        )

    def _informative(self, patient_term: int, shared: int | None) -> bool:
        """False for a match only through an ancestor too general to explain anything."""
        if shared is None or shared == patient_term:
            return True
        return bool(self.data.ic[shared] >= GENERAL_IC)

    def _lender(self, disease: int, term: int | None
                ) -> tuple[Term | None, str | None, str | None]:
        """(entry, gene or Mondo class, reason) a feature was borrowed from, or Nones."""
        found = None if term is None else self.data.neighbours.source_of(disease, term)
        if found is None:
            return None, None, None
        lender, via, reason = found
        return Term(self.disease_ids[lender], self.disease_names[lender]), via, reason

    def _feature(self, disease: int, note: FeatureNote) -> DiseaseFeature:
        lent_by, gene, because = self._lender(disease, note.term)
        return DiseaseFeature(
            term=self.term(note.term),
            frequency=note.frequency,
            contribution=round(note.contribution, 6),
            patient_term=None if note.patient_term is None else self.term(note.patient_term),
            kind=note.kind,
            lent_by=lent_by,
            gene=gene,
            lent_because=because,
        )


def at_or_above_cut(primary: FloatArray, top: int) -> IntArray:
    """Every disease scoring at least the top-th best, ties at the cut included."""
    above = _above_bound(primary, top)
    if above is None:
        return np.flatnonzero(primary >= nth_highest(primary, top)).astype(np.int64)
    values = primary[above]
    chosen: IntArray = above[values >= np.partition(values, len(values) - top)[len(values) - top]]
    return chosen


def _ordered(candidates: IntArray, primary: FloatArray, secondary: FloatArray,
             top: int | None) -> IntArray:
    """The candidates best first (primary, then ``secondary``, given per candidate, then
    index), the first ``top`` of them."""
    chosen = np.lexsort((candidates, -secondary, -primary[candidates]))
    return candidates[chosen][:top].astype(np.int64)


def shared_values(values: FloatArray) -> NDArray[np.bool_]:
    """Which of ``values`` equal another of them (every NaN counts as shared)."""
    if np.isnan(values).any():
        return np.ones(len(values), dtype=np.bool_)
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    same = ordered[1:] == ordered[:-1]
    shared = np.zeros(len(values), dtype=np.bool_)
    shared[1:] |= same
    shared[:-1] |= same
    result = np.empty_like(shared)
    result[order] = shared
    return result


def nth_highest(primary: FloatArray, top: int) -> float:
    """The ``top``-th highest score (``0 < top < len(primary)``).

    Selecting it from the whole array took a fifth of a batch case; the best of each of
    ``2 * top`` blocks bounds it from below (``top`` block maxima are at least the bound),
    so only the scores above that bound are selected from, with the same answer. NaN
    (which no ranking method gives) takes the plain selection, as it did before.
    """
    above = _above_bound(primary, top)
    values = primary if above is None else primary[above]
    return float(np.partition(values, len(values) - top)[len(values) - top])


def _above_bound(primary: FloatArray, top: int) -> IntArray | None:
    """The indices of the scores at or above the ``top``-th best block maximum (a lower
    bound of the ``top``-th best score); None if blocks would not help, or with a NaN."""
    size = len(primary)
    width = size // (2 * top)
    if width < 2:
        return None
    blocks = primary[:size - size % width].reshape(-1, width).max(axis=1)
    if np.isnan(blocks).any() or np.isnan(primary[size - size % width:]).any():
        return None
    bound = np.partition(blocks, len(blocks) - top)[len(blocks) - top]
    return np.flatnonzero(primary >= bound)


def tie_counts(scores: Scores, order: IntArray) -> IntArray:
    """For each position of ``order``: how many other diseases share its exact scores."""
    if len(order) == 0:
        return np.zeros(0, dtype=np.int64)
    primary, secondary = scores.primary[order], scores.secondary[order]
    starts = np.r_[True, (primary[1:] != primary[:-1]) | (secondary[1:] != secondary[:-1])]
    run = np.cumsum(starts) - 1
    counts = np.bincount(run)
    # only the last run can continue past a shortened order
    counts[-1] = np.count_nonzero((scores.primary == primary[-1])
                                  & (scores.secondary == secondary[-1]))
    return np.asarray(counts[run] - 1, dtype=np.int64)
