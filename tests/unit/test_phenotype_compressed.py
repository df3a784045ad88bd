"""Stored sparse matrices read without SciPy: the same values, and SciPy's answers on demand."""

from __future__ import annotations

import pickle

import numpy as np
import pytest
import scipy.sparse as sp

from rareinfo.phenotype.compressed import CompressedMatrix, materialize, reduce_sparse, restore
from rareinfo.phenotype.matrices import dense_block, intersect_sorted, unique_inverse, unique_sorted


def _random_bool(rows: int, columns: int, seed: int) -> sp.csr_matrix:
    generator = np.random.default_rng(seed)
    return sp.random(rows, columns, density=0.2, format="csr", random_state=generator,
                     data_rvs=lambda n: np.ones(n)).astype(np.bool_)


@pytest.mark.parametrize("seed", range(5))
def test_dense_block_is_the_scipy_slice(seed: int) -> None:
    matrix = _random_bool(30, 25, seed)
    generator = np.random.default_rng(seed + 100)
    rows = generator.integers(0, 30, size=12)  # repeated rows too
    for columns in (generator.integers(0, 25, size=9),  # unsorted, repeated
                    np.unique(generator.integers(0, 25, size=6)),
                    np.array([], dtype=np.int64)):
        expected = np.asarray(matrix[rows][:, columns].toarray(), dtype=np.bool_)
        assert np.array_equal(dense_block(matrix, rows, columns), expected)
    assert dense_block(matrix, np.array([], dtype=np.int64), np.array([3])).shape == (0, 1)


def _stand_in(matrix: sp.csr_matrix | sp.csc_matrix) -> CompressedMatrix:
    reduced = reduce_sparse(matrix)
    assert reduced is not None
    function, args = reduced
    stand_in = function(*args)
    assert isinstance(stand_in, CompressedMatrix)
    return stand_in


def test_a_stand_in_reads_the_arrays_and_answers_the_rest_through_scipy() -> None:
    matrix = sp.csr_matrix(np.array([[0, 1.5, 0], [2.0, 0, 3.0]], dtype=np.float32))
    stand_in = _stand_in(matrix)
    assert stand_in._matrix is None  # nothing built for the arrays
    assert stand_in.shape == (2, 3) and stand_in.nnz == 3 and stand_in.format == "csr"
    assert np.array_equal(stand_in.indptr, matrix.indptr)
    assert stand_in._matrix is None
    assert np.array_equal(stand_in.toarray(), matrix.toarray())
    assert np.array_equal((stand_in @ np.ones(3)), matrix @ np.ones(3))
    assert np.array_equal((stand_in + matrix).toarray(), (matrix * 2).toarray())
    assert np.array_equal(stand_in[1].toarray(), matrix[1].toarray())
    csc = _stand_in(matrix.tocsc())
    assert csc.format == "csc" and np.array_equal(csc.toarray(), matrix.toarray())
    again = pickle.loads(pickle.dumps(stand_in))
    assert np.array_equal(again.toarray(), matrix.toarray())
    assert reduce_sparse(np.zeros(3)) is None
    with pytest.raises(ValueError, match="not a stored sparse matrix"):
        restore("scipy.sparse._coo", "coo_matrix", {})


class _Holder:
    def __init__(self, matrix: object) -> None:
        self.matrix = matrix
        self.inside = {"m": matrix, "list": [matrix]}


_Holder.__module__ = "rareinfo.tests"  # materialize walks the objects of this package


def test_materialize_puts_the_scipy_matrices_back() -> None:
    matrix = sp.csr_matrix(np.eye(3, dtype=np.float32))
    holder = _Holder(_stand_in(matrix))
    materialize(holder)
    assert isinstance(holder.matrix, sp.csr_matrix)
    assert isinstance(holder.inside["m"], sp.csr_matrix)
    assert isinstance(holder.inside["list"][0], sp.csr_matrix)  # type: ignore[index]
    assert np.array_equal(holder.matrix.toarray(), matrix.toarray())


@pytest.mark.parametrize("seed", range(5))
def test_sorting_set_functions_are_numpys(seed: int) -> None:
    generator = np.random.default_rng(seed)
    first = generator.integers(0, 40, size=int(generator.integers(0, 30)))
    second = generator.integers(0, 40, size=int(generator.integers(0, 30)))
    unique, inverse = unique_inverse(first)
    expected, expected_inverse = np.unique(first, return_inverse=True)
    assert np.array_equal(unique, expected) and np.array_equal(inverse, expected_inverse)
    assert np.array_equal(unique_sorted(first), np.unique(first))
    assert np.array_equal(intersect_sorted(first, second), np.intersect1d(first, second))
