"""What every ranking method shares: the query, the scores, the explanation parts.

``AnnotatedOntology`` bundles the ontology with the disease matrices and the arrays
derived from them once (information content, propagated annotations). A ``Scorer``
turns a query into one score per disease for all diseases at once, and explains the
score of one disease on demand.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import numpy as np
from numpy.typing import NDArray

from rareinfo.phenotype.genes import GeneNeighbours
from rareinfo.phenotype.matrices import (
    DiseaseAnnotations,
    Float32Array,
    FloatArray,
    IntArray,
    dense_block,
    information_content,
    propagate_max,
    rows_of,
    unique_sorted,
)
from rareinfo.phenotype.ontology import PHENOTYPIC_ABNORMALITY, Ontology

if TYPE_CHECKING:
    import scipy.sparse as sp

MISSING_SHOWN = 5  # heaviest unmatched disease features listed per result


@dataclass(frozen=True, slots=True)
class Query:
    """Resolved patient terms: present and excluded, as ontology indices."""

    present: tuple[int, ...]
    excluded: tuple[int, ...] = ()
    # True when absences were recorded by someone looking for them (a clinician, a
    # published case); False for a parent's "no fever" (rareinfo.phenotype.calibration.Mode)
    ascertained: bool = True


@dataclass(frozen=True, slots=True)
class Scores:
    """One primary score per disease, and a secondary score that orders exact ties."""

    primary: FloatArray
    secondary: FloatArray


@dataclass(frozen=True, slots=True)
class PairMatch:
    """The best disease term for one patient term, and the ancestor they share."""

    patient_term: int
    disease_term: int | None
    shared: int | None
    frequency: float | None
    contribution: float


@dataclass(frozen=True, slots=True)
class FeatureNote:
    """A disease feature named in an explanation: unmatched, or in conflict with the patient."""

    term: int
    frequency: float
    contribution: float
    patient_term: int | None = None  # the patient's excluded or present term it conflicts with
    kind: str = "missing"  # missing | excluded-by-patient | excluded-by-disease


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why one disease got its score."""

    matches: tuple[PairMatch, ...]
    missing: tuple[FeatureNote, ...]
    conflicts: tuple[FeatureNote, ...]


class Scorer(Protocol):
    """A ranking method: scores for all diseases at once, and the reasons for one."""

    name: str

    def score(self, query: Query) -> Scores:
        """Score every disease for the query."""
        ...

    def explain(self, query: Query, disease: int) -> Explanation:
        """Matched pairs, missing heavy features and conflicts for one disease."""
        ...


class AnnotatedOntology:
    """The ontology with the disease matrices and what is derived from them once."""

    def __init__(
        self, ontology: Ontology, diseases: DiseaseAnnotations,
        neighbours: GeneNeighbours | None = None,
    ) -> None:
        import scipy.sparse as sp  # only to build: a stored model is read without SciPy

        self.ontology = ontology
        self.diseases = diseases
        # features OMIM entries may borrow from Orphanet disorders of the same gene
        self.neighbours = neighbours or GeneNeighbours.empty(diseases.frequency.shape)
        present = diseases.frequency.copy()
        present.data = np.ones_like(present.data)
        self.propagated = propagate_max(ontology, present)  # 1.0 where annotated at/below
        self.propagated_csc = self.propagated.tocsc()
        self.ic: Float32Array = information_content(ontology, self.propagated).astype(
            np.float32
        )
        self.phenotypic = ontology.subtree_mask(PHENOTYPIC_ABNORMALITY)
        keep = sp.diags(self.phenotypic.astype(np.float32))
        self.features = (present @ keep).tocsr()  # direct phenotypic-abnormality annotations
        self.features.eliminate_zeros()
        self.feature_counts: FloatArray = np.diff(self.features.indptr).astype(np.float64)
        self.negated_csc = diseases.negated.astype(np.float32).tocsc()

    @property
    def size(self) -> int:
        """Number of diseases."""
        return self.diseases.size

    def frequencies(
        self, default: float, *, use_frequencies: bool = True, smoothing: float = 0.0
    ) -> sp.csr_matrix:
        """Direct annotations with their fraction; ``default`` where none was given.

        Counted fractions shrink towards 1/2 by ``smoothing`` pseudo-patients, so "3/3"
        from a small series does not read as an obligate feature: (n + s/2) / (m + s).
        """
        matrix = self.diseases.frequency.copy()
        if not use_frequencies:
            matrix.data = np.full_like(matrix.data, default, dtype=np.float32)
            return matrix
        observed = self.diseases.observed
        counted = observed > 0
        data = np.nan_to_num(matrix.data, nan=default)
        data[counted] = (data[counted] * observed[counted] + smoothing / 2) / (
            observed[counted] + smoothing
        )
        matrix.data = data.astype(np.float32)
        return matrix

    def shared_ancestors(
        self, terms: Sequence[int], disease_terms: IntArray
    ) -> list[NDArray[np.bool_]]:
        """Per patient term: (disease terms x its ancestors), is the ancestor shared.

        One sparse slice per disease, over the union of the patient terms' ancestors.
        """
        ancestors = [self.ontology.ancestors_of(t) for t in terms]
        if not ancestors:
            return []
        union = unique_sorted(np.concatenate(ancestors))
        block = dense_block(self.ontology.ancestors, disease_terms, union)
        return [block[:, np.searchsorted(union, a)] for a in ancestors]

    def disease_terms(
        self, disease: int, frequencies: sp.csr_matrix
    ) -> tuple[IntArray, Float32Array]:
        """The direct annotation terms of a disease and their fractions."""
        return rows_of(frequencies, disease)

    def explained_mask(self, query: Query) -> NDArray[np.bool_]:
        """Terms the patient accounts for: related to a present term, or under an excluded one."""
        mask = self.ontology.related_mask(query.present)
        for term in query.excluded:
            mask[self.ontology.descendants_of(term)] = True
        return mask


class PairValue(Protocol):
    """Value of (patient term, each disease term), and the shared ancestor behind it."""

    def __call__(
        self,
        term: int,
        ancestors: IntArray,
        shared: NDArray[np.bool_],
        disease_terms: IntArray,
        frequencies: Float32Array,
    ) -> tuple[Float32Array, IntArray]:
        """Return (value per disease term, shared ancestor per disease term)."""
        ...


def best_pairs(
    data: AnnotatedOntology,
    query: Query,
    terms: IntArray,
    frequencies: Float32Array,
    pair_value: PairValue,
) -> list[PairMatch]:
    """For each present term, the disease term with the highest pair value."""
    if len(terms) == 0:
        return [PairMatch(term, None, None, None, 0.0) for term in query.present]
    matches: list[PairMatch] = []
    blocks = data.shared_ancestors(query.present, terms)
    for term, shared in zip(query.present, blocks, strict=True):
        ancestors = data.ontology.ancestors_of(term)
        values, via = pair_value(term, ancestors, shared, terms, frequencies)
        best = int(np.argmax(values))
        matches.append(
            PairMatch(
                term,
                int(terms[best]),
                int(via[best]),
                float(frequencies[best]),
                float(values[best]),
            )
        )
    return matches


def weighted_mica(
    ancestors: IntArray, shared: NDArray[np.bool_], weights: Float32Array
) -> tuple[Float32Array, IntArray]:
    """Per disease term: the highest weight over shared ancestors, and which ancestor."""
    masked = np.where(shared, weights[np.newaxis, :], -np.inf).astype(np.float32)
    best = np.argmax(masked, axis=1)
    values = masked[np.arange(len(best)), best]
    return np.asarray(values, dtype=np.float32), ancestors[best]


def missing_features(
    data: AnnotatedOntology,
    query: Query,
    disease: int,
    frequencies: sp.csr_matrix,
) -> tuple[FeatureNote, ...]:
    """The disease's phenotypic features the patient does not account for, heaviest first."""
    terms, freqs = data.disease_terms(disease, frequencies)
    keep = data.phenotypic[terms] & ~data.explained_mask(query)[terms]
    terms, freqs = terms[keep], freqs[keep]
    weight = freqs * data.ic[terms]
    order = np.lexsort((terms, -weight))[:MISSING_SHOWN]
    return tuple(FeatureNote(int(terms[i]), float(freqs[i]), 0.0) for i in order)


def mean_rows(values: Float32Array | FloatArray, count: int) -> FloatArray:
    """Mean over the query axis (0) as float64; zeros when there is no query term."""
    if count == 0:
        return np.zeros(values.shape[-1], dtype=np.float64)
    return np.asarray(values.sum(axis=0, dtype=np.float64) / count, dtype=np.float64)


def as_int_array(values: Sequence[int]) -> IntArray:
    """A tuple of indices as an int64 array."""
    return np.asarray(values, dtype=np.int64)
