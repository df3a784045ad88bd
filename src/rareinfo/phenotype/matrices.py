"""Disease-by-term matrices built from annotations, and the bulk operations over them.

A disease is a row, an HPO term a column. ``frequency`` holds the direct (curated)
annotations with their fraction of patients (NaN when the source gave none);
``propagate_max`` lifts them to every ancestor, so column ``t`` says how often a patient
with the disease shows ``t`` or something more specific. ``column_max`` (the similarity
measures) gives, for each query term, the best weighted value over a set of columns, for
all diseases at once; ``InheritedMax`` (the likelihood ratios) does the same over a
term's ancestors with the broad upper terms precomputed, so a case reads little.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from rareinfo.phenotype.ontology import Ontology

if TYPE_CHECKING:
    import scipy.sparse as sp

    from rareinfo.records import PhenotypeAnnotation

FloatArray = NDArray[np.float64]
Float32Array = NDArray[np.float32]
IntArray = NDArray[np.int64]
REFERENCE_SEPARATOR = "\x1f"  # the unit separator: in no reference identifier


@dataclass(frozen=True, slots=True)
class DiseaseAnnotations:
    """The annotated diseases and their direct present and NOT annotations."""

    ids: tuple[str, ...]
    names: tuple[str, ...]
    frequency: sp.csr_matrix  # float32 fraction of patients, NaN = not given
    observed: Float32Array  # per stored entry of frequency: patients counted ("3/7" -> 7) or 0
    negated: sp.csr_matrix  # bool, the disease is curated NOT to show the term
    # PMIDs etc. cited by each disease's annotations, sorted, each after a REFERENCE_SEPARATOR:
    # a stored model's 12,687 sets took a diagnosing process 6 ms to unpickle, strings 0.5
    reference_lists: tuple[str, ...]

    @property
    def references(self) -> tuple[frozenset[str], ...]:
        """The references cited by each disease's annotations."""
        return tuple(frozenset(joined.split(REFERENCE_SEPARATOR)[1:])
                     for joined in self.reference_lists)

    @property
    def size(self) -> int:
        """Number of diseases (rows)."""
        return len(self.ids)


@dataclass(slots=True)
class _Tally:
    """What the statements about one (disease, term) pair add up to."""

    fraction: float = math.nan  # highest class or percentage fraction stated
    n: int = 0  # pooled counts over the statements that gave "n/m"
    m: int = 0

    def add(self, record: PhenotypeAnnotation) -> None:
        frequency = record.frequency
        if frequency is None or frequency.fraction is None:
            return
        if frequency.n is not None and frequency.m is not None:
            self.n += frequency.n
            self.m += frequency.m
        elif math.isnan(self.fraction) or frequency.fraction > self.fraction:
            self.fraction = frequency.fraction

    def value(self) -> tuple[float, float]:
        """(fraction, patients observed): pooled counts win over stated classes."""
        return (self.n / self.m, float(self.m)) if self.m else (self.fraction, 0.0)


def build_annotations(
    ontology: Ontology,
    annotations: Iterable[PhenotypeAnnotation],
    disease_names: Mapping[str, str],
) -> tuple[DiseaseAnnotations, dict[str, str]]:
    """Aggregate annotation records into matrices; also return term aliases that were used.

    Counted statements about the same (disease, term) pool their counts ("2/5" and "3/7"
    make 5/12); otherwise the highest stated class wins. NOT, "Excluded (0%)" and "0%"
    are NOT annotations; "0/12" stays a counted (rare) feature.
    """
    tallies: dict[tuple[str, int], _Tally] = {}
    negated: set[tuple[str, int]] = set()
    references: dict[str, set[str]] = {}
    remapped: dict[str, str] = {}
    for record in annotations:
        term_id = record.phenotype_id
        if term_id not in ontology.index:
            term_id = ontology.aliases.get(term_id, "")
            if not term_id:
                continue
            remapped[record.phenotype_id] = term_id
        key = (record.disease_id, ontology.index[term_id])
        references.setdefault(record.disease_id, set()).update(record.references)
        frequency = record.frequency
        if record.negated or (
            frequency is not None and frequency.fraction == 0.0 and frequency.m is None
        ):
            negated.add(key)
            continue
        tallies.setdefault(key, _Tally()).add(record)
    ids = tuple(sorted({disease for disease, _ in tallies}))
    rows = {disease: i for i, disease in enumerate(ids)}
    shape = (len(ids), len(ontology))
    values = {(rows[d], t): tally.value() for (d, t), tally in tallies.items()}
    negative = {(rows[d], t): 1.0 for d, t in negated if d in rows}
    # Store positions first, so fractions and counts share one sparsity structure.
    position = _sparse({k: i + 1 for i, k in enumerate(values)}, shape, np.float64)
    table = np.asarray(list(values.values()), dtype=np.float32).reshape(-1, 2)
    order = position.data.astype(np.int64) - 1
    frequency = position.astype(np.float32)
    frequency.data = table[order, 0]
    return (
        DiseaseAnnotations(
            ids=ids,
            names=tuple(disease_names.get(d, d) for d in ids),
            frequency=frequency,
            observed=table[order, 1],
            negated=_sparse(negative, shape, np.bool_),
            reference_lists=tuple("".join(REFERENCE_SEPARATOR + r
                                          for r in sorted(references.get(d, ())))
                                  for d in ids),
        ),
        remapped,
    )


def _sparse(
    entries: Mapping[tuple[int, int], float], shape: tuple[int, int], dtype: type
) -> sp.csr_matrix:
    import scipy.sparse as sp  # only to build: a stored model is read without SciPy

    rows = [row for row, _ in entries]
    cols = [col for _, col in entries]
    matrix = sp.csr_matrix(
        (np.asarray(list(entries.values()), dtype=dtype), (rows, cols)), shape=shape
    )
    matrix.sort_indices()
    return matrix


def propagate_max(ontology: Ontology, direct: sp.csr_matrix) -> sp.csr_matrix:
    """Lift each (row, term, value) to every ancestor of the term, keeping the maximum."""
    import scipy.sparse as sp  # only to build: a stored model is read without SciPy

    coo = direct.tocoo()
    closure = ontology.ancestors
    counts = np.diff(closure.indptr)[coo.col]
    rows = np.repeat(coo.row.astype(np.int64), counts)
    cols = closure.indices[flat_ranges(closure.indptr[coo.col], counts)].astype(np.int64)
    vals = np.repeat(coo.data.astype(np.float32), counts)
    keys = rows * direct.shape[1] + cols
    order = np.argsort(keys, kind="stable")
    keys, vals = keys[order], vals[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    best = np.maximum.reduceat(vals, starts) if len(vals) else vals
    unique = keys[starts]
    result = sp.csr_matrix(
        (best, (unique // direct.shape[1], unique % direct.shape[1])), shape=direct.shape
    )
    result.sort_indices()
    return result


def column_max(
    matrix: sp.csc_matrix,
    queries: IntArray,
    columns: IntArray,
    weights: Float32Array,
    out: Float32Array,
) -> None:
    """out[q, row] = max(out[q, row], weight * matrix[row, column]) over (q, column, weight).

    ``out`` has shape (number of queries, rows of ``matrix``) and is updated in place;
    the work is proportional to the stored entries of the named columns only.
    """
    starts = matrix.indptr[columns].astype(np.int64)
    counts = matrix.indptr[columns + 1].astype(np.int64) - starts
    positions = flat_ranges(starts, counts)
    rows = matrix.indices[positions].astype(np.int64)
    values = matrix.data[positions].astype(np.float32) * np.repeat(weights, counts)
    flat = out.reshape(-1)
    np.maximum.at(flat, np.repeat(queries, counts) * out.shape[1] + rows, values)


def ancestor_max(ontology: Ontology, weights: Float32Array) -> Float32Array:
    """For each term t: the maximum of ``weights`` over t and its ancestors (rows of Q)."""
    closure = ontology.ancestors
    gathered = weights[..., closure.indices]
    return np.asarray(
        np.maximum.reduceat(gathered, closure.indptr[:-1], axis=-1), dtype=np.float32
    )


def flat_ranges(starts: IntArray | NDArray[np.int32], counts: IntArray) -> IntArray:
    """Concatenate arange(start, start + count) for each pair, without a Python loop."""
    total = int(counts.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    offsets = np.repeat(starts.astype(np.int64) - np.cumsum(counts) + counts, counts)
    return offsets + np.arange(total, dtype=np.int64)


def information_content(ontology: Ontology, propagated: sp.csr_matrix) -> FloatArray:
    """-log(share of diseases annotated with the term or a descendant); unseen terms get the max."""
    diseases = max(propagated.shape[0], 1)
    counts = np.bincount(propagated.indices, minlength=len(ontology)).astype(np.float64)
    return np.asarray(-np.log(np.maximum(counts, 1.0) / diseases), dtype=np.float64)


def rows_of(matrix: sp.csr_matrix, row: int) -> tuple[IntArray, Float32Array]:
    """Columns and values stored in one row."""
    start, end = matrix.indptr[row], matrix.indptr[row + 1]
    return (
        np.asarray(matrix.indices[start:end], dtype=np.int64),
        np.asarray(matrix.data[start:end], dtype=np.float32),
    )


def term_pairs(
    ontology: Ontology, terms: Sequence[int], *, include_self: bool = True
) -> tuple[IntArray, IntArray]:
    """(query position, ancestor) for every ancestor of each query term."""
    ancestors = [ontology.ancestors_of(t) for t in terms]
    if not include_self:
        ancestors = [a[a != t] for a, t in zip(ancestors, terms, strict=True)]
    if not ancestors:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    queries = np.repeat(np.arange(len(terms), dtype=np.int64), [len(a) for a in ancestors])
    return queries, np.concatenate(ancestors).astype(np.int64)


BROAD_COLUMN = 300  # columns with more stored rows than this get a dense inherited maximum


class InheritedMax:
    """Per query term: the row-wise maximum of a matrix over the term's strict ancestors.

    Broad terms (many rows stored) sit high in the graph, and every ancestor of a broad
    term is broad too, because the values are lifted to ancestors. So for each broad term
    the maximum over it and all its ancestors is precomputed as a dense row; a query then
    needs the dense rows of its lowest broad ancestors and the sparse columns of its
    narrow ancestors, a few thousand stored values, never a scatter over all of them.
    """

    def __init__(
        self, ontology: Ontology, matrix: sp.csc_matrix, empty: float,
        broad_column: int = BROAD_COLUMN,
    ) -> None:
        self.matrix = matrix
        self.empty = np.float32(empty)
        counts = np.diff(matrix.indptr)
        broad = np.flatnonzero(counts > broad_column)
        self.row_of = np.full(matrix.shape[1], -1, dtype=np.int64)
        self.row_of[broad] = np.arange(len(broad))
        dense = np.full((len(broad) + 1, matrix.shape[0]), self.empty, dtype=np.float32)
        block = matrix[:, broad].toarray().T.astype(np.float32)
        if len(broad):
            # zeros are entries not stored; they must read as ``empty`` before the maximum
            stored = matrix[:, broad].astype(np.bool_).toarray().T
            dense[:-1] = np.where(stored, block, self.empty)
        inherited = dense.copy()
        for row, term in enumerate(broad.tolist()):
            rows = self.row_of[ontology.ancestors_of(term)]
            inherited[row] = dense[rows[rows >= 0]].max(axis=0)
        self.inherited = inherited  # last row: ``empty`` (a term with no broad ancestor)
        self.lowest, self.narrow = _plans(ontology, broad)

    def __call__(self, terms: Sequence[int]) -> Float32Array:
        """(len(terms) x rows) maxima over each term's strict ancestors; ``empty`` if none."""
        out = np.empty((len(terms), self.matrix.shape[0]), dtype=np.float32)
        lowest = self.lowest
        for i, term in enumerate(terms):
            rows = lowest.indices[lowest.indptr[term]:lowest.indptr[term + 1]]
            if len(rows) == 1:
                out[i] = self.inherited[rows[0]]
            else:
                np.max(self.inherited[rows], axis=0, out=out[i])
        if not terms:
            return out
        terms_array = np.asarray(terms, dtype=np.int64)
        starts = self.narrow.indptr[terms_array].astype(np.int64)
        counts = self.narrow.indptr[terms_array + 1].astype(np.int64) - starts
        columns = self.narrow.indices[flat_ranges(starts, counts)].astype(np.int64)
        queries = np.repeat(np.arange(len(terms), dtype=np.int64), counts)
        keys, values = gather_columns(self.matrix, queries, columns, out.shape[1])
        scatter_max(out, keys, values)
        return out


def _plans(ontology: Ontology, broad: IntArray) -> tuple[sp.csr_matrix, sp.csr_matrix]:
    """Per term: the dense rows of its lowest broad strict ancestors, its narrow ones."""
    import scipy.sparse as sp  # only to build: a stored model is read without SciPy

    size = len(ontology)
    strict = (ontology.ancestors.astype(np.int32)
              - sp.identity(size, dtype=np.int32, format="csr")).tocsr()
    strict.eliminate_zeros()
    is_broad = np.zeros(size, dtype=np.bool_)
    is_broad[broad] = True
    to_broad = sp.csr_matrix(
        (np.ones(len(broad), dtype=np.int32), (broad, np.arange(len(broad)))),
        shape=(size, len(broad)),
    )
    ancestors = (strict @ to_broad).tocsr()  # term x broad row: a broad strict ancestor
    implied = (ancestors @ (strict[broad] @ to_broad)).tocsr()  # above another of them
    lowest = (ancestors - ancestors.multiply(implied.astype(np.bool_))).tocsr()
    lowest.eliminate_zeros()
    # a term with no broad strict ancestor reads the extra, all-``empty`` row
    none = (np.diff(lowest.indptr) == 0).astype(np.int32)
    lowest = sp.hstack([lowest, sp.csr_matrix(none.reshape(-1, 1))], format="csr")
    lowest.eliminate_zeros()
    lowest.sort_indices()
    narrow = sp.csr_matrix(strict.multiply((~is_broad).astype(np.int32)[np.newaxis, :]))
    narrow.eliminate_zeros()
    narrow.sort_indices()
    return lowest, narrow


def gather_columns(
    matrix: sp.csc_matrix, queries: IntArray, columns: IntArray, width: int
) -> tuple[IntArray, Float32Array]:
    """Stored entries of the named columns as (query * width + row, value)."""
    starts = matrix.indptr[columns].astype(np.int64)
    counts = matrix.indptr[columns + 1].astype(np.int64) - starts
    positions = flat_ranges(starts, counts)
    keys = np.repeat(queries, counts) * width + matrix.indices[positions]
    return keys, np.asarray(matrix.data[positions], dtype=np.float32)


def dense_block(matrix: sp.csr_matrix, rows: IntArray, columns: IntArray
                ) -> NDArray[np.bool_]:
    """``matrix[rows][:, columns].toarray() != 0`` for a CSR matrix, read from its arrays
    alone (so a stored model explains a rank without SciPy)."""
    rows = np.asarray(rows, dtype=np.int64)
    wanted, inverse = unique_inverse(np.asarray(columns, dtype=np.int64))
    block = np.zeros((len(rows), len(wanted)), dtype=np.bool_)
    if len(rows) and len(wanted):
        starts = matrix.indptr[rows].astype(np.int64)
        counts = matrix.indptr[rows + 1].astype(np.int64) - starts
        positions = flat_ranges(starts, counts)
        stored = matrix.indices[positions].astype(np.int64)
        at = np.minimum(np.searchsorted(wanted, stored), len(wanted) - 1)
        hit = (wanted[at] == stored) & (matrix.data[positions] != 0)
        block[np.repeat(np.arange(len(rows)), counts)[hit], at[hit]] = True
    return block[:, inverse]


# np.unique and the set functions built on it import numpy.ma on first use (a few dozen
# milliseconds of a one-diagnosis process); these sort instead and give the same arrays.


def unique_inverse(values: IntArray) -> tuple[IntArray, IntArray]:
    """``np.unique(values, return_inverse=True)`` for a 1-D integer array."""
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    first = np.ones(len(ordered), dtype=np.bool_)
    first[1:] = ordered[1:] != ordered[:-1]
    inverse = np.empty(len(values), dtype=np.int64)
    inverse[order] = np.cumsum(first) - 1
    return ordered[first].astype(np.int64), inverse


def unique_sorted(values: IntArray) -> IntArray:
    """``np.unique(values)`` for a 1-D integer array."""
    return unique_inverse(np.asarray(values, dtype=np.int64))[0]


def intersect_sorted(first: IntArray, second: IntArray) -> IntArray:
    """``np.intersect1d(first, second)`` for 1-D integer arrays."""
    ours, theirs = unique_sorted(first), unique_sorted(second)
    if len(theirs) == 0:
        return theirs
    at = np.minimum(np.searchsorted(theirs, ours), len(theirs) - 1)
    return np.asarray(ours[theirs[at] == ours], dtype=np.int64)


def scatter_max(out: Float32Array, keys: IntArray, values: Float32Array) -> None:
    """out.flat[k] = max(out.flat[k], v), repeated keys included."""
    np.maximum.at(out.reshape(-1), keys, values)
