"""Every HPO term's row of log likelihood ratios, stored as a shared dense row and a patch.

A case's likelihood-ratio score is the sum, over its pruned present terms, of one row of
floored log ratios per term (``LikelihoodRatio.term_log_ratios``): the maximum of the
dense rows of the term's lowest broad ancestors (``InheritedMax``), raised at the
diseases a sparse column touches (its narrow ancestors, its own column) and lowered where
a disease is curated NOT to show it. Making those rows was a third of a batch case's
time, though a row depends on its term only. So the rows of all terms are computed once
(with the model, ~0.7 s for the full HPO) and kept as the differences from their base
row: the diseases where a term's row differs from the maximum of its lowest broad rows,
and its values there (3.2 million values for 19,000 terms; ~760 for a typical term of a
case). A case then adds each base row and corrects the patched positions, without making
the rows: the same float64 additions, in the same order, as ``rows.sum(axis=0,
dtype=float64)``, so the sums are the same to the bit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from numpy.typing import NDArray

from rareinfo.phenotype.matrices import Float32Array, FloatArray, InheritedMax

CHUNK = 256  # terms whose rows are made at once while building (256 x diseases float32)


class TermRows:
    """The rows of ``rows_of`` (term -> floored log ratios per disease) as base + patch."""

    def __init__(self, inherited: InheritedMax, terms: int,
                 rows_of: Callable[[tuple[int, ...]], Float32Array]) -> None:
        self.inherited = inherited
        self._plan: tuple[list[int], list[int]] | None = None
        counts = np.zeros(terms + 1, dtype=np.int64)
        positions: list[NDArray[np.int64]] = []
        values: list[Float32Array] = []
        for start in range(0, terms, CHUNK):
            chunk = tuple(range(start, min(start + CHUNK, terms)))
            for term, row in zip(chunk, rows_of(chunk), strict=True):
                # bits, not values: a -0.0 for a 0.0 would change a sum's sign of zero
                changed = np.flatnonzero(row.view(np.uint32)
                                         != self.base(term).view(np.uint32))
                counts[term + 1] = len(changed)
                positions.append(changed.astype(np.int64))
                values.append(row[changed])
        self.indptr = np.cumsum(counts)
        # int64: NumPy converts other index types on every gather and scatter (1.8 us a term)
        self.indices = np.concatenate(positions) if positions else np.zeros(0, np.int64)
        self.values = np.concatenate(values) if values else np.zeros(0, np.float32)

    def __getstate__(self) -> dict[str, object]:
        """Stored without the lists made for summing (made again on first use)."""
        return {**self.__dict__, "_plan": None}

    def base(self, term: int) -> Float32Array:
        """The maximum of the dense rows of the term's lowest broad strict ancestors."""
        lowest = self.inherited.lowest
        rows = lowest.indices[lowest.indptr[term]:lowest.indptr[term + 1]].tolist()
        dense = self.inherited.inherited
        if len(rows) == 1:
            return np.asarray(dense[rows[0]], dtype=np.float32)
        base: Float32Array = np.maximum(dense[rows[0]], dense[rows[1]])
        for row in rows[2:]:
            np.maximum(base, dense[row], out=base)
        return base

    def row(self, term: int) -> Float32Array:
        """The term's row (a copy)."""
        start, end = self.indptr[term], self.indptr[term + 1]
        row = self.base(term).copy()
        row[self.indices[start:end]] = self.values[start:end]
        return row

    def summed(self, terms: Sequence[int]) -> FloatArray:
        """``rows_of(terms).sum(axis=0, dtype=np.float64)``, bit for bit.

        NumPy's sum over the first axis starts from +0.0 and adds the rows in order, each
        value widened to float64; so does this, adding a base row to every position and
        then, at the patched positions, the sum before it plus the patched value instead.
        """
        if self._plan is None:
            self._plan = self._make_plan()
        starts, single = self._plan
        dense, indices, values = self.inherited.inherited, self.indices, self.values
        score: FloatArray = np.zeros(dense.shape[1], dtype=np.float64)
        for term in terms:
            start, end = starts[term], starts[term + 1]
            patched = indices[start:end]
            before = score[patched]
            row = single[term]
            score += dense[row] if row >= 0 else self.base(term)
            before += values[start:end]
            score[patched] = before
        return score

    def _make_plan(self) -> tuple[list[int], list[int]]:
        """Each term's patch start, and its one base row (-1: the maximum of several), as
        lists: a case reads them a dozen times, and a list reads faster than an array."""
        lowest = self.inherited.lowest
        counts = np.diff(lowest.indptr)
        first = lowest.indices[np.minimum(lowest.indptr[:-1], max(len(lowest.indices) - 1, 0))]
        single = np.where(counts == 1, first, -1)
        return self.indptr.tolist(), single.tolist()
