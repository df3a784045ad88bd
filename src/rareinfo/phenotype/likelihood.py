"""A likelihood-ratio ranking in the spirit of LIRICAL, computed for all diseases at once.

For each patient term q and disease D the score asks how much likelier q is in a patient
with D than in a patient with any disease: LR = P(q | D) / P(q). ``P(q | D)`` comes from
the annotation frequencies lifted to ancestors (a disease with "Focal seizure" in 90% of
patients shows "Seizure" in at least 90%); ``P(q)`` is the mean of that over all
diseases. When the disease names only a broader term t above q, the disease explains q
as well as it explains t (LR = f(t) / P(t)). When the two only share an ancestor a, the
match gets a discounted LR (``common_ancestor`` * f / P(a)), which keeps near misses
ahead of unrelated diseases. A disease curated NOT to show a present term gets
``not_annotation``.

An excluded term q contributes ascertainment * (1 - f) / (1 - P(q)): an obligate feature
the patient lacks weighs against the disease, while the absence of an occasional feature
mildly supports it, because absent features get recorded mostly when someone looked for
them, and people look for the features of the diseases they suspect (measured on the
development cases; see decisions/0003-diagnosis-ranking.md).

The score is the sum of log LRs; the confidence is the posterior probability under a
uniform prior over the ranked diseases.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from rareinfo.phenotype.matrices import (
    Float32Array,
    FloatArray,
    IntArray,
    column_max,
    flat_ranges,
    propagate_max,
    rows_of,
    term_pairs,
)
from rareinfo.phenotype.scoring import (
    AnnotatedOntology,
    Explanation,
    FeatureNote,
    Query,
    Scores,
    as_int_array,
    best_pairs,
    missing_features,
    weighted_mica,
)


@dataclass(frozen=True, slots=True)
class LikelihoodSettings:
    """The knobs of the likelihood-ratio ranking; defaults chosen on the dev cases."""

    frequencies: bool = True  # use curated fractions; off: every feature at default_frequency
    default_frequency: float = 1.0  # fraction of a present-side feature given no frequency
    exclusion_default: float = 0.5  # the same when scoring an excluded term
    smoothing: float = 2.0  # pseudo-patients shrinking counted fractions: (n + 1) / (m + 2)
    common_ancestor: float = 0.2  # discount for a match through a shared ancestor only
    excluded: bool = True  # score the terms the patient is known not to have
    exclusion_floor: float = 0.05  # smallest P(not q | D): annotations can be wrong
    ascertainment: float = 8.0  # how much likelier a disease's own features are looked for
    negations: bool = True  # score disease NOT annotations against present terms
    not_annotation: float = 0.01  # LR when the disease is curated NOT to show the term
    prune_ancestors: bool = True  # drop patient terms implied by a more specific one
    tie_break: bool = True  # order exact ties by the share of the disease explained
    pseudocount: float = 1.0  # pseudo-diseases when estimating P(q)

    def without(self, **changes: object) -> LikelihoodSettings:
        """A copy with some settings changed (for ablations)."""
        return replace(self, **changes)  # type: ignore[arg-type]


class LikelihoodRatio:
    """The likelihood-ratio ranking over all annotated diseases."""

    def __init__(
        self, data: AnnotatedOntology, settings: LikelihoodSettings | None = None,
        name: str = "lr",
    ) -> None:
        self.data = data
        self.settings = s = settings or LikelihoodSettings()
        self.name = name
        self.direct = self._direct(s.default_frequency)
        lifted = propagate_max(data.ontology, self.direct)
        total = np.asarray(lifted.sum(axis=0), dtype=np.float64).ravel()
        self.background: Float32Array = (
            (total + s.pseudocount / 2) / (data.size + s.pseudocount)
        ).astype(np.float32)
        inverse = sp.diags(1.0 / self.background.astype(np.float64))
        self.lifted_ratio = (lifted @ inverse).astype(np.float32).tocsc()
        self.direct_ratio = (self.direct @ inverse).astype(np.float32).tocsc()
        self.excluded_direct = self._direct(s.exclusion_default)
        self.excluded_lifted = propagate_max(data.ontology, self.excluded_direct).tocsc()

    def _direct(self, default: float) -> sp.csr_matrix:
        s = self.settings
        return self.data.frequencies(
            default, use_frequencies=s.frequencies, smoothing=s.smoothing
        )

    def present_terms(self, query: Query) -> tuple[int, ...]:
        """The patient terms scored as present (most specific only, if so set)."""
        if self.settings.prune_ancestors:
            return self.data.ontology.most_specific(query.present)
        return query.present

    def term_ratios(self, present: tuple[int, ...]) -> Float32Array:
        """LR of each present term for each disease (len(present) x diseases)."""
        s = self.settings
        ratios = np.zeros((len(present), self.data.size), dtype=np.float32)
        queries, columns = term_pairs(self.data.ontology, present)
        exact = columns == as_int_array(present)[queries]
        weights = np.where(exact, 1.0, s.common_ancestor).astype(np.float32)
        column_max(self.lifted_ratio, queries, columns, weights, ratios)
        broader = ~exact
        column_max(self.direct_ratio, queries[broader], columns[broader],
                   np.ones(int(broader.sum()), dtype=np.float32), ratios)
        if s.negations:
            vetoed = np.zeros_like(ratios)
            column_max(self.data.negated_csc, queries, columns,
                       np.ones(len(columns), dtype=np.float32), vetoed)
            ratios[vetoed > 0] = s.not_annotation
        return ratios

    def score(self, query: Query) -> Scores:
        """Sum of log likelihood ratios per disease."""
        present = self.present_terms(query)
        ratios = self.term_ratios(present)
        floor = self.settings.not_annotation * self.settings.common_ancestor
        score = np.log(np.maximum(ratios, floor)).sum(axis=0, dtype=np.float64)
        if self.settings.excluded and query.excluded:
            score += self._excluded_score(query.excluded)
        return Scores(score, self._tie_break(present))

    def _excluded_score(self, excluded: tuple[int, ...]) -> FloatArray:
        """Sum over excluded q of log(ascertainment * (1 - f)) - log(1 - P(q)).

        ``f`` is how often the disease shows q (0 if never): people mostly record the
        absence of features they looked for because they suspected a disease having them.
        """
        s = self.settings
        columns = as_int_array(excluded)
        background = np.minimum(self.background[columns].astype(np.float64), 0.95)
        score = np.full(self.data.size, float(-np.log1p(-background).sum()))
        matrix = self.excluded_lifted
        starts = matrix.indptr[columns].astype(np.int64)
        counts = matrix.indptr[columns + 1].astype(np.int64) - starts
        positions = flat_ranges(starts, counts)
        lacking = np.maximum(1.0 - matrix.data[positions].astype(np.float64), s.exclusion_floor)
        np.add.at(score, matrix.indices[positions], np.log(lacking * s.ascertainment))
        return score

    def _tie_break(self, present: tuple[int, ...]) -> FloatArray:
        """Share of the disease's phenotypic features related to a patient term."""
        data = self.data
        if not self.settings.tie_break or not present:
            return np.zeros(data.size, dtype=np.float64)
        related = data.ontology.related_mask(present).astype(np.float64)
        covered = data.features @ related
        return np.asarray(
            np.divide(covered, data.feature_counts, out=np.zeros_like(covered),
                      where=data.feature_counts > 0),
            dtype=np.float64,
        )

    def confidence(self, query: Query, scores: Scores) -> FloatArray:
        """Posterior probability with a uniform prior over the ranked diseases."""
        if scores.primary.size == 0:
            return np.zeros(0, dtype=np.float64)
        weights = np.exp(scores.primary - scores.primary.max())  # shifted: no overflow
        return np.asarray(weights / weights.sum(), dtype=np.float64)

    def explain(self, query: Query, disease: int) -> Explanation:
        """Per present term its best disease term and log LR; conflicts; missing features."""
        s = self.settings
        present = self.present_terms(query)
        terms, freqs = rows_of(self.direct, disease)
        matches = best_pairs(self.data, Query(present, query.excluded), terms, freqs,
                             self._pair_value)
        vetoes = self._vetoes(present, disease) if s.negations else {}
        floor = s.not_annotation * s.common_ancestor
        matches = [
            replace(m, contribution=math.log(max(s.not_annotation if m.patient_term in vetoes
                                                 else m.contribution, floor)))
            for m in matches
        ]
        conflicts = [
            FeatureNote(term, 0.0, math.log(s.not_annotation), patient, "excluded-by-disease")
            for patient, term in vetoes.items()
        ]
        if s.excluded:
            excluded_terms, excluded_freqs = rows_of(self.excluded_direct, disease)
            conflicts.extend(
                self._exclusion_conflicts(query.excluded, excluded_terms, excluded_freqs)
            )
        missing = missing_features(self.data, query, disease, self.direct)
        return Explanation(tuple(matches), missing, tuple(conflicts))

    def _pair_value(
        self, term: int, ancestors: IntArray, shared: NDArray[np.bool_],
        disease_terms: IntArray, frequencies: Float32Array,
    ) -> tuple[Float32Array, IntArray]:
        """LR of (patient term, each disease term) and the ancestor it goes through."""
        weights = np.where(ancestors == term, 1.0, self.settings.common_ancestor)
        weights = (weights / self.background[ancestors]).astype(np.float32)
        values, via = weighted_mica(ancestors, shared, weights)
        position = np.minimum(np.searchsorted(ancestors, disease_terms), len(ancestors) - 1)
        broader = (ancestors[position] == disease_terms) & (disease_terms != term)
        direct = np.where(broader, 1.0 / self.background[disease_terms], 0.0)
        via = np.where(direct > values, disease_terms, via)
        return (np.maximum(values, direct) * frequencies).astype(np.float32), via

    def _vetoes(self, present: tuple[int, ...], disease: int) -> dict[int, int]:
        """Present term -> the disease's NOT term at or above it."""
        negated, _ = rows_of(self.data.diseases.negated, disease)
        vetoes: dict[int, int] = {}
        for term in present:
            hit = np.intersect1d(negated, self.data.ontology.ancestors_of(term))
            if len(hit):
                vetoes[term] = int(hit[-1])
        return vetoes

    def _exclusion_conflicts(
        self, excluded: tuple[int, ...], terms: IntArray, freqs: Float32Array
    ) -> list[FeatureNote]:
        """Disease features at or below a term the patient is known not to have."""
        notes: list[FeatureNote] = []
        if not excluded or len(terms) == 0:
            return notes
        # (disease terms x excluded terms): is the excluded term at or above the feature
        block = self.data.ontology.ancestors[terms][:, as_int_array(excluded)].toarray()
        for column, term in enumerate(excluded):
            below = block[:, column].astype(np.bool_)
            if not below.any():
                continue
            best = int(np.argmax(np.where(below, freqs, -1.0)))
            background = min(float(self.background[term]), 0.95)
            lacking = max(1.0 - float(freqs[best]), self.settings.exclusion_floor)
            contribution = math.log(lacking * self.settings.ascertainment) - math.log1p(
                -background
            )
            notes.append(FeatureNote(int(terms[best]), float(freqs[best]), contribution,
                                     term, "excluded-by-patient"))
        return notes
