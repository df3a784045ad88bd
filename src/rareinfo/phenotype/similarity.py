"""The standard semantic-similarity rankings: Resnik and Lin, one-sided or best-match average.

Resnik(q, t) is the information content of the most informative common ancestor; Lin
divides it by the mean information content of q and t. One-sided averages, over the
patient's terms, the best match among the disease's terms (Phenomizer's patient->disease
direction); the best-match average (BMA) also averages the other direction over the
disease's phenotypic features. Excluded terms and frequencies play no part here.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from rareinfo.phenotype.matrices import (
    Float32Array,
    FloatArray,
    IntArray,
    ancestor_max,
    column_max,
    flat_ranges,
    propagate_max,
    term_pairs,
)
from rareinfo.phenotype.scoring import (
    AnnotatedOntology,
    Explanation,
    Query,
    Scores,
    as_int_array,
    best_pairs,
    mean_rows,
    missing_features,
    weighted_mica,
)


class Resnik:
    """Resnik similarity, patient->disease (one-sided) or best-match average."""

    def __init__(self, data: AnnotatedOntology, *, symmetric: bool) -> None:
        self.data = data
        self.symmetric = symmetric
        self.name = "resnik-bma" if symmetric else "resnik-onesided"
        self._frequencies = data.frequencies(1.0, use_frequencies=False)

    def score(self, query: Query) -> Scores:
        """Mean best IC of shared ancestors; BMA adds the disease->patient direction."""
        data = self.data
        best = np.zeros((len(query.present), data.size), dtype=np.float32)
        queries, columns = term_pairs(data.ontology, query.present)
        column_max(data.propagated_csc, queries, columns, data.ic[columns], best)
        score = mean_rows(best, len(query.present))
        if self.symmetric:
            score = (score + self._disease_side(query)) / 2.0
        return Scores(score, np.zeros(data.size, dtype=np.float64))

    def _disease_side(self, query: Query) -> FloatArray:
        data = self.data
        patient = np.zeros(len(data.ontology), dtype=np.float32)
        for term in query.present:
            ancestors = data.ontology.ancestors_of(term)
            patient[ancestors] = data.ic[ancestors]
        per_term = ancestor_max(data.ontology, patient)
        total = data.features @ per_term.astype(np.float64)
        return np.asarray(
            np.divide(total, data.feature_counts, out=np.zeros_like(total),
                      where=data.feature_counts > 0),
            dtype=np.float64,
        )

    def explain(self, query: Query, disease: int) -> Explanation:
        """Best disease term per patient term, with the IC of the shared ancestor."""
        terms, freqs = self.data.disease_terms(disease, self._frequencies)
        divisor = len(query.present) * (2 if self.symmetric else 1)

        def value(
            term: int, ancestors: IntArray, shared: NDArray[np.bool_],
            disease_terms: IntArray, frequencies: Float32Array,
        ) -> tuple[Float32Array, IntArray]:
            values, via = weighted_mica(ancestors, shared, self.data.ic[ancestors])
            return (values / max(divisor, 1)).astype(np.float32), via

        matches = best_pairs(self.data, query, terms, freqs, value)
        missing = missing_features(self.data, query, disease, self._frequencies)
        return Explanation(tuple(matches), missing, ())


class Lin:
    """Lin similarity, patient->disease (one-sided) or best-match average.

    max over disease terms t of 2 IC(mica(q, t)) / (IC(q) + IC(t)) equals the max over
    ancestors a of q of 2 IC(a) / (IC(q) + the lowest IC of the disease's terms below a),
    so it runs on the same column kernel as Resnik, with a "lowest IC below" matrix.
    """

    def __init__(self, data: AnnotatedOntology, *, symmetric: bool) -> None:
        self.data = data
        self.symmetric = symmetric
        self.name = "lin-bma" if symmetric else "lin-onesided"
        self._frequencies = data.frequencies(1.0, use_frequencies=False)
        self._ceiling = float(data.ic.max()) + 1.0
        # Stored as ceiling - IC so that lifting by maximum keeps the lowest IC below.
        inverted = self._frequencies.copy()
        inverted.data = self._ceiling - data.ic[inverted.indices]
        self._lowest_ic = propagate_max(data.ontology, inverted).tocsc()
        closure = data.ontology.ancestors
        self._closure_rows = np.repeat(np.arange(closure.shape[0]), np.diff(closure.indptr))

    def score(self, query: Query) -> Scores:
        """Mean best Lin over patient terms; BMA adds the disease->patient direction."""
        data = self.data
        present = as_int_array(query.present)
        best = np.zeros((len(present), data.size), dtype=np.float32)
        queries, columns = term_pairs(data.ontology, query.present)
        lowest = self._lowest_ic
        starts = lowest.indptr[columns].astype(np.int64)
        counts = lowest.indptr[columns + 1].astype(np.int64) - starts
        positions = flat_ranges(starts, counts)
        below_ic = self._ceiling - lowest.data[positions]
        numerator = np.repeat(2.0 * data.ic[columns], counts)
        denominator = np.repeat(data.ic[present[queries]], counts) + below_ic
        values = np.divide(numerator, denominator, out=np.zeros_like(numerator),
                           where=denominator > 0)
        targets = np.repeat(queries, counts) * data.size + lowest.indices[positions]
        np.maximum.at(best.reshape(-1), targets, values.astype(np.float32))
        score = mean_rows(best, len(present))
        if self.symmetric:
            score = (score + self._disease_side(present)) / 2.0
        return Scores(score, np.zeros(data.size, dtype=np.float64))

    def _disease_side(self, present: IntArray) -> FloatArray:
        """Mean over the disease's features t of the best Lin(q, t) over patient terms q."""
        data = self.data
        closure = data.ontology.ancestors
        lowest_patient = np.full(len(data.ontology), np.inf, dtype=np.float32)
        for term in present.tolist():
            ancestors = data.ontology.ancestors_of(term)
            lowest_patient[ancestors] = np.minimum(lowest_patient[ancestors], data.ic[term])
        shared = np.flatnonzero(np.isfinite(lowest_patient[closure.indices]))
        ancestors = closure.indices[shared]
        terms = self._closure_rows[shared]
        denominator = lowest_patient[ancestors] + data.ic[terms]
        values = np.divide(2.0 * data.ic[ancestors], denominator,
                           out=np.zeros_like(denominator), where=denominator > 0)
        per_term = np.zeros(len(data.ontology), dtype=np.float32)
        np.maximum.at(per_term, terms, values)
        total = data.features @ per_term.astype(np.float64)
        return np.asarray(
            np.divide(total, data.feature_counts, out=np.zeros_like(total),
                      where=data.feature_counts > 0),
            dtype=np.float64,
        )

    def explain(self, query: Query, disease: int) -> Explanation:
        """Best disease term per patient term, with its Lin similarity."""
        terms, freqs = self.data.disease_terms(disease, self._frequencies)
        divisor = len(query.present) * (2 if self.symmetric else 1)
        ic = self.data.ic

        def value(
            term: int, ancestors: IntArray, shared: NDArray[np.bool_],
            disease_terms: IntArray, frequencies: Float32Array,
        ) -> tuple[Float32Array, IntArray]:
            mica, via = weighted_mica(ancestors, shared, ic[ancestors])
            denominator = ic[term] + ic[disease_terms]
            lin = np.divide(2.0 * mica, denominator, out=np.zeros_like(mica),
                            where=denominator > 0)
            return lin / max(divisor, 1), via

        matches = best_pairs(self.data, query, terms, freqs, value)
        missing = missing_features(self.data, query, disease, self._frequencies)
        return Explanation(tuple(matches), missing, ())
