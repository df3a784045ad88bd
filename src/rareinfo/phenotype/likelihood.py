"""A likelihood-ratio ranking in the spirit of LIRICAL, computed for all diseases at once.

For each patient term q and disease D the score asks how much likelier q is in a patient
with D than in a patient with any disease: LR = P(q | D) / P(q). ``P(q | D)`` comes from
the annotation frequencies lifted to ancestors (a disease with "Focal seizure" in 90% of
patients shows "Seizure" in at least 90%); ``P(q)`` is the mean of that over all
diseases. When the disease's features and q only meet at a common ancestor a (the
disease names a broader term, a sibling or a cousin of q), the match gets the LR of a
discounted by ``common_ancestor``: 0.25 * f(a) / P(a), the best over q's ancestors, which
keeps near misses ahead of unrelated diseases. A disease curated NOT to show a present
term gets ``not_annotation``.

Per case the work is a few sparse column reads: the LR of every (disease, term) pair is
stored once in log units, and the best discounted LR over the ancestors of the broad,
upper terms is stored as dense rows (``InheritedMax``), so a patient term needs one or
two dense rows and the short columns of its specific ancestors.

An excluded term q contributes ascertainment * (1 - f) / (1 - P(q)): an obligate feature
the patient lacks weighs against the disease, while the absence of an occasional feature
mildly supports it, because absent features get recorded mostly when someone looked for
them, and people look for the features of the diseases they suspect (measured on the
development cases; see decisions/0003-diagnosis-ranking.md).

A parent's "no fever" was not recorded because someone suspected a disease with fever:
for such queries (``Query.ascertained`` False, the lay mode) the ascertainment factor is
left out and an absent feature only counts (1 - f) / (1 - P(q)).

The score is the sum of log LRs. How sure a ranking is comes from the posterior share of
the best match, calibrated on the development cases (``rareinfo.phenotype.calibration``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from rareinfo.phenotype.matrices import (
    Float32Array,
    FloatArray,
    InheritedMax,
    IntArray,
    dense_block,
    flat_ranges,
    gather_columns,
    intersect_sorted,
    propagate_max,
    rows_of,
    scatter_max,
)
from rareinfo.phenotype.ontology import row_segments
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
from rareinfo.phenotype.term_rows import TermRows

if TYPE_CHECKING:
    import scipy.sparse as sp

LENT_FLOOR = 0.005  # borrowed fractions below this are left out


@dataclass(frozen=True, slots=True)
class LikelihoodSettings:
    """The knobs of the likelihood-ratio ranking; defaults chosen on the dev cases."""

    frequencies: bool = True  # use curated fractions; off: every feature at default_frequency
    default_frequency: float = 1.0  # fraction of a present-side feature given no frequency
    exclusion_default: float = 0.5  # the same when scoring an excluded term
    smoothing: float = 2.0  # pseudo-patients shrinking counted fractions: (n + 1) / (m + 2)
    common_ancestor: float = 0.25  # discount for a match through a shared ancestor only
    excluded: bool = True  # score the terms the patient is known not to have
    exclusion_floor: float = 0.05  # smallest P(not q | D): annotations can be wrong
    ascertainment: float = 8.0  # how much likelier a disease's own features are looked for
    negations: bool = True  # score disease NOT annotations against present terms
    not_annotation: float = 0.01  # LR when the disease is curated NOT to show the term
    prune_ancestors: bool = True  # drop patient terms implied by a more specific one
    tie_break: bool = True  # order exact ties by the share of the disease explained
    pseudocount: float = 1.0  # pseudo-diseases when estimating P(q)
    broader: float = 0.0  # weight of f(t) / P(t) for a disease term t above q (0: none)
    gene_weight: float = 0.5  # fraction given a feature an OMIM entry borrows at share 1
    gene_power: float = 2.0  # borrowed fraction = gene_weight * share ** gene_power

    def without(self, **changes: object) -> LikelihoodSettings:
        """A copy with some settings changed (for ablations)."""
        return replace(self, **changes)  # type: ignore[arg-type]


class LikelihoodRatio:
    """The likelihood-ratio ranking over all annotated diseases."""

    def __init__(
        self, data: AnnotatedOntology, settings: LikelihoodSettings | None = None,
        name: str = "lr",
    ) -> None:
        import scipy.sparse as sp  # only to build: a stored model is read without SciPy

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
        lifted_ratio = (lifted @ inverse).tocsc()
        direct_ratio = (self.direct @ inverse).tocsc()
        # Everything below is in log units, floored, so a maximum of logs is the log of
        # the maximum and a case's score is a plain sum of rows.
        self.floor = math.log(s.not_annotation * s.common_ancestor)
        self.exact_log = _log_floored(lifted_ratio, self.floor)
        partial = (lifted_ratio * s.common_ancestor).maximum(direct_ratio * s.broader)
        self.ancestor_log = InheritedMax(
            data.ontology, _log_floored(partial, self.floor), self.floor
        )
        self.excluded_direct = self._direct(s.exclusion_default)
        excluded = propagate_max(data.ontology, self.excluded_direct).tocsc()
        lacking = np.maximum(1.0 - excluded.data.astype(np.float64), s.exclusion_floor)
        excluded.data = np.log(lacking * s.ascertainment)
        self.excluded_log = excluded
        self.features_csc = data.features.tocsc()
        self.negated_terms = np.diff(data.negated_csc.indptr) > 0  # a NOT annotation
        # made for a model to be stored (``prepare_rows``); otherwise each case makes its rows
        self.term_rows: TermRows | None = None

    def prepare_rows(self) -> TermRows:
        """Every term's row of ``term_log_ratios``, made once (a case then sums them)."""
        if self.term_rows is None:
            self.term_rows = TermRows(self.ancestor_log, len(self.data.ontology),
                                      self.term_log_ratios)
        return self.term_rows

    def _ancestor_pairs(self, present: tuple[int, ...]) -> tuple[IntArray, IntArray]:
        """(position in ``present``, ancestor) for each term and each of its ancestors."""
        closure = self.data.ontology.ancestors
        rows = as_int_array(present)
        starts = closure.indptr[rows].astype(np.int64)
        counts = closure.indptr[rows + 1].astype(np.int64) - starts
        queries = np.repeat(np.arange(len(present), dtype=np.int64), counts)
        return queries, closure.indices[flat_ranges(starts, counts)].astype(np.int64)

    def _direct(self, default: float) -> sp.csr_matrix:
        """Each disease's own features with their fractions, and the features it borrows."""
        s = self.settings
        own = self.data.frequencies(default, use_frequencies=s.frequencies,
                                    smoothing=s.smoothing)
        if s.gene_weight <= 0:
            return own
        lent = self.data.neighbours.frequencies(s.gene_weight, s.gene_power, LENT_FLOOR)
        both = (own + lent).tocsr()  # disjoint: a disease borrows only what it does not state
        both.sort_indices()
        return both

    def present_terms(self, query: Query) -> tuple[int, ...]:
        """The patient terms scored as present (most specific only, if so set)."""
        if self.settings.prune_ancestors:
            return self.data.ontology.most_specific(query.present)
        return query.present

    def term_log_ratios(self, present: tuple[int, ...]) -> Float32Array:
        """Floored log LR of each present term for each disease (len(present) x diseases).

        Per term q: the best of the disease's own lifted value at q, and the best over
        q's strict ancestors a of max(common_ancestor * lifted(a), direct(a)) / P(a).
        """
        s = self.settings
        out = self.ancestor_log(present)
        queries = np.arange(len(present), dtype=np.int64)
        keys, values = gather_columns(self.exact_log, queries, as_int_array(present),
                                      self.data.size)
        scatter_max(out, keys, values)
        if s.negations and self.negated_terms.any():
            queries, columns = self._ancestor_pairs(present)
            vetoable = self.negated_terms[columns]
            keys, _ = gather_columns(self.data.negated_csc, queries[vetoable],
                                     columns[vetoable], self.data.size)
            out.reshape(-1)[keys] = math.log(max(s.not_annotation, math.exp(self.floor)))
        return out

    def score(self, query: Query) -> Scores:
        """Sum of log likelihood ratios per disease."""
        present = self.present_terms(query)
        return Scores(self._primary(query, present), self._tie_break(present))

    def primary(self, query: Query, present: tuple[int, ...] | None = None) -> FloatArray:
        """``score(query).primary`` alone, without the tie-break (``present``: the query's
        ``present_terms``, if known)."""
        return self._primary(query, self.present_terms(query) if present is None else present)

    def _primary(self, query: Query, present: tuple[int, ...]) -> FloatArray:
        score: FloatArray
        if self.term_rows is not None:
            score = self.term_rows.summed(present)
        else:
            score = self.term_log_ratios(present).sum(axis=0, dtype=np.float64)
        if self.settings.excluded and query.excluded:
            score += self._excluded_score(query.excluded, query.ascertained)
        return score

    def tie_break_at(self, query: Query, diseases: IntArray,
                     present: tuple[int, ...] | None = None) -> FloatArray:
        """``score(query).secondary[diseases]``, computed for those diseases only.

        A ranking needs the tie-break of the few diseases at or above its cut; computing it
        for every disease was a fifth of a batch case. Each disease's share is counted
        from its own row of features (the same entries as the columns the full
        computation reads) and divided exactly as there.
        """
        data = self.data
        if present is None:
            present = self.present_terms(query)
        if not self.settings.tie_break or not present:
            return np.zeros(len(diseases), dtype=np.float64)
        related = data.ontology.related_mask(present)
        matrix = data.features
        counts = (matrix.indptr[diseases + 1] - matrix.indptr[diseases]).astype(np.int64)
        hit = related[row_segments(matrix.indices, matrix.indptr, diseases.tolist())]
        owners = np.repeat(np.arange(len(diseases), dtype=np.int64), counts)
        covered = np.bincount(owners[hit], minlength=len(diseases)).astype(np.float64)
        totals = data.feature_counts[diseases]
        return np.asarray(np.divide(covered, totals, out=np.zeros_like(covered),
                                    where=totals > 0), dtype=np.float64)

    def _excluded_score(self, excluded: tuple[int, ...], ascertained: bool = True) -> FloatArray:
        """Sum over excluded q of log(ascertainment * (1 - f)) - log(1 - P(q)).

        ``f`` is how often the disease shows q (0 if never): people mostly record the
        absence of features they looked for because they suspected a disease having them.
        """
        columns = as_int_array(excluded)
        background = np.minimum(self.background[columns].astype(np.float64), 0.95)
        matrix = self.excluded_log
        # the columns' slices (bincount widens float32 weights to float64 itself)
        weights = row_segments(matrix.data, matrix.indptr, excluded)
        if not ascertained:  # the stored values include log(ascertainment): take it out
            weights = weights.astype(np.float64) - math.log(self.settings.ascertainment)
        score = np.bincount(row_segments(matrix.indices, matrix.indptr, excluded),
                            weights=weights, minlength=self.data.size)
        return np.asarray(score - np.log1p(-background).sum(), dtype=np.float64)

    def _tie_break(self, present: tuple[int, ...]) -> FloatArray:
        """Share of the disease's phenotypic features related to a patient term."""
        data = self.data
        if not self.settings.tie_break or not present:
            return np.zeros(data.size, dtype=np.float64)
        columns = np.flatnonzero(data.ontology.related_mask(present))
        matrix = self.features_csc
        starts = matrix.indptr[columns].astype(np.int64)
        counts = matrix.indptr[columns + 1].astype(np.int64) - starts
        covered = np.bincount(matrix.indices[flat_ranges(starts, counts)],
                              minlength=data.size).astype(np.float64)
        return np.asarray(
            np.divide(covered, data.feature_counts, out=np.zeros_like(covered),
                      where=data.feature_counts > 0),
            dtype=np.float64,
        )

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
                self._exclusion_conflicts(query.excluded, excluded_terms, excluded_freqs,
                                          query.ascertained)
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
        direct = np.where(broader, self.settings.broader / self.background[disease_terms], 0.0)
        via = np.where(direct > values, disease_terms, via)
        return (np.maximum(values, direct) * frequencies).astype(np.float32), via

    def _vetoes(self, present: tuple[int, ...], disease: int) -> dict[int, int]:
        """Present term -> the disease's NOT term at or above it."""
        negated, _ = rows_of(self.data.diseases.negated, disease)
        vetoes: dict[int, int] = {}
        for term in present:
            hit = intersect_sorted(negated, self.data.ontology.ancestors_of(term))
            if len(hit):
                vetoes[term] = int(hit[-1])
        return vetoes

    def _exclusion_conflicts(
        self, excluded: tuple[int, ...], terms: IntArray, freqs: Float32Array,
        ascertained: bool = True,
    ) -> list[FeatureNote]:
        """Disease features at or below a term the patient is known not to have."""
        notes: list[FeatureNote] = []
        if not excluded or len(terms) == 0:
            return notes
        # (disease terms x excluded terms): is the excluded term at or above the feature
        block = dense_block(self.data.ontology.ancestors, terms, as_int_array(excluded))
        for column, term in enumerate(excluded):
            below = block[:, column].astype(np.bool_)
            if not below.any():
                continue
            best = int(np.argmax(np.where(below, freqs, -1.0)))
            background = min(float(self.background[term]), 0.95)
            lacking = max(1.0 - float(freqs[best]), self.settings.exclusion_floor)
            ascertainment = self.settings.ascertainment if ascertained else 1.0
            contribution = math.log(lacking * ascertainment) - math.log1p(-background)
            notes.append(FeatureNote(int(terms[best]), float(freqs[best]), contribution,
                                     term, "excluded-by-patient"))
        return notes


def _log_floored(matrix: sp.csc_matrix, floor: float) -> sp.csc_matrix:
    """The stored values as float32 max(log(value), floor), same sparsity."""
    import scipy.sparse as sp  # only to build: a stored model is read without SciPy

    result = sp.csc_matrix(matrix, dtype=np.float64, copy=True)
    result.sum_duplicates()  # canonical, so data and indices stay aligned below
    result.data = np.maximum(np.log(result.data), floor)
    return result.astype(np.float32)
