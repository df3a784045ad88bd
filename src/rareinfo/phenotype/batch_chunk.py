"""A chunk of batch cases ranked by the likelihood-ratio method with stored term rows.

``rareinfo.phenotype.batch`` writes each case's line as ``PhenotypeModel.ranked`` and
``rounded_reprs`` give it; this module writes the same lines, byte for byte, for a whole
chunk of cases with fewer NumPy calls per case (decisions/0019, fifth round):

- a case's term rows are gathered into one float32 block and summed with one
  ``sum(axis=0, dtype=float64)``, the sum ``TermRows.summed`` reproduces, instead of
  three NumPy steps per term; the maximum of several base rows is kept for the batch
  (a few hundred terms of a batch have one, and cases share them);
- the cut's lower bound comes from the maxima of ``2 * top`` interleaved sets of scores
  (one ``maximum`` over rows of ``2 * top``; a reduction over each contiguous block cost
  twice that), the candidates being the same: every score at least the top-th best;
- the scores of the whole chunk are rounded and written in one ``rounded_reprs``.

It lives outside the modules a stored model's stamp covers (``stored._SOURCES``), so
storing nothing new, it reads the model as stored. Anything else (another method, a
model without stored rows, a top outside ``0 < top < diseases``, a score that is not
finite) is left to the case-by-case way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from rareinfo.phenotype.likelihood import LikelihoodRatio
from rareinfo.phenotype.model import _ordered, shared_values

if TYPE_CHECKING:
    from rareinfo.phenotype.batch import BatchCase
    from rareinfo.phenotype.matrices import Float32Array, FloatArray, IntArray
    from rareinfo.phenotype.model import PhenotypeModel, PreparedQuery
    from rareinfo.phenotype.term_rows import TermRows

# A chunk's ranked cases: (case, prepared query, order, its primary scores)
Ranked = tuple["BatchCase", "PreparedQuery", "IntArray", "FloatArray"]


class ChunkRanker:
    """Ranks chunks of cases for one model, method "lr" and one ``top``."""

    def __init__(self, model: PhenotypeModel, scorer: LikelihoodRatio, rows: TermRows,
                 top: int) -> None:
        self.model, self.scorer, self.rows, self.top = model, scorer, rows, top
        if rows._plan is None:
            rows._plan = rows._make_plan()
        self.starts, self.single = rows._plan
        self.dense = rows.inherited.inherited
        self.bases: dict[int, Float32Array] = {}  # term -> the maximum of its base rows

    @classmethod
    def of(cls, model: PhenotypeModel, method: str, top: int) -> ChunkRanker | None:
        """A ranker if this module ranks like ``model.ranked`` here, else None."""
        if method != "lr" or not 0 < top < len(model.disease_ids):
            return None
        scorer = model.scorer(method)
        if type(scorer) is not LikelihoodRatio or scorer.term_rows is None:
            return None
        return cls(model, scorer, scorer.term_rows, top)

    def rank(self, case: BatchCase) -> Ranked:
        """``model.ranked`` of one case, with its prepared query."""
        prepared = self.model.prepare(case.present, case.excluded)
        query, scorer = prepared.query, self.scorer
        present = scorer.present_terms(query)
        primary = self.summed(present)
        if scorer.settings.excluded and query.excluded:
            primary += scorer._excluded_score(query.excluded, query.ascertained)
        candidates = self.cut(primary)
        secondary = np.zeros(len(candidates), dtype=np.float64)
        tied = shared_values(primary[candidates])
        if tied.any():
            secondary[tied] = scorer.tie_break_at(query, candidates[tied], present)
        return case, prepared, _ordered(candidates, primary, secondary, self.top), primary

    def summed(self, terms: Sequence[int]) -> FloatArray:
        """``TermRows.summed(terms)``, bit for bit: each term's row made in one block (its
        base row, its patch written over it), the block summed along its first axis in
        float64 from +0.0, row after row, as ``TermRows.summed`` adds them."""
        dense, single, starts = self.dense, self.single, self.starts
        indices, values = self.rows.indices, self.rows.values
        block = np.empty((len(terms), dense.shape[1]), dtype=np.float32)
        for i, term in enumerate(terms):
            row = single[term]
            block[i] = dense[row] if row >= 0 else self._base(term)
            start, end = starts[term], starts[term + 1]
            block[i, indices[start:end]] = values[start:end]
        if not terms:
            return np.zeros(dense.shape[1], dtype=np.float64)
        summed: FloatArray = block.sum(axis=0, dtype=np.float64)
        return summed

    def _base(self, term: int) -> Float32Array:
        base = self.bases.get(term)
        if base is None:
            base = self.bases[term] = self.rows.base(term)
        return base

    def cut(self, primary: FloatArray) -> IntArray:
        """``model.at_or_above_cut(primary, top)``: every disease scoring at least the
        top-th best (ties at the cut included)."""
        from rareinfo.phenotype.model import at_or_above_cut

        top, size = self.top, len(primary)
        sets = 2 * top
        whole = size - size % sets
        if whole < 2 * sets:  # sets of fewer than two scores
            return at_or_above_cut(primary, top)
        # each column is a set of scores; the top-th best of the sets' maxima is a lower
        # bound of the top-th best score (top of those maxima are scores at least as high)
        maxima = primary[:whole].reshape(-1, sets).max(axis=0)
        bound = np.partition(maxima, sets - top)[sets - top]
        if np.isnan(bound) or np.isnan(primary[whole:]).any() or np.isnan(maxima).any():
            return at_or_above_cut(primary, top)
        above = np.flatnonzero(primary >= bound)
        values = primary[above]
        chosen: IntArray = above[values >= np.partition(values, len(values) - top)
                                 [len(values) - top]]
        return chosen
