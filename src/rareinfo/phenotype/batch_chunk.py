"""A chunk of batch cases ranked by the likelihood-ratio method with stored term rows.

``rareinfo.phenotype.batch`` writes each case's line as ``PhenotypeModel.ranked`` and
``rounded_reprs`` give it; this module writes the same lines, byte for byte, for a whole
chunk of cases with fewer NumPy calls per case (decisions/0019, fifth round):

- a case's term rows are gathered into one float32 block and summed with one
  ``sum(axis=0, dtype=float64)``, the sum ``TermRows.summed`` reproduces, instead of
  three NumPy steps per term, into buffers kept from case to case;
- the cut's lower bound comes from the maxima of ``2 * top`` interleaved sets of scores
  (one ``maximum`` over rows of ``2 * top``; a reduction over each contiguous block cost
  twice that), the candidates being the same: every score at least the top-th best;
- the scores of the whole chunk are rounded and written in one ``rounded_reprs``;
- identifiers are looked up once a batch (an "HP:" identifier as the ontology writes it,
  without ``normalize_curie``), and terms pruned and exclusions dropped with each term's
  ancestors kept as a set for the batch (cases share their terms), not with the closure's
  rows concatenated, sorted and searched per case.

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
from rareinfo.phenotype.model import shared_values
from rareinfo.phenotype.scoring import Query

if TYPE_CHECKING:
    from rareinfo.phenotype.batch import BatchCase
    from rareinfo.phenotype.matrices import Float32Array, FloatArray, IntArray
    from rareinfo.phenotype.model import PhenotypeModel
    from rareinfo.phenotype.term_rows import TermRows

# A case ranked: (the case, unknown identifiers, mapped ones, order, the order's scores)
Ranked = tuple["BatchCase", tuple[str, ...], dict[str, str], "IntArray", "FloatArray"]


class ChunkRanker:
    """Ranks chunks of cases for one model, method "lr" and one ``top``."""

    def __init__(self, model: PhenotypeModel, scorer: LikelihoodRatio, rows: TermRows,
                 top: int) -> None:
        self.model, self.scorer, self.rows, self.top = model, scorer, rows, top
        if rows._plan is None:
            rows._plan = rows._make_plan()
        self.starts, self.single = rows._plan
        self.dense = rows.inherited.inherited
        self.lowest = rows.inherited.lowest
        # term -> its patch (positions, values), views of the stored arrays
        self.patches: dict[int, tuple[IntArray, Float32Array]] = {}
        self.block = np.empty((0, self.dense.shape[1]), dtype=np.float32)  # see summed
        self.sum = np.empty(self.dense.shape[1], dtype=np.float64)
        self.found: dict[str, tuple[str | None, int]] = {}  # identifier -> (alias, index)
        self.ancestors: dict[int, frozenset[int]] = {}  # term -> its strict ancestors
        self.aliases = model.ontology.aliases

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
        """``model.ranked`` of one case: (the case, its unknown identifiers, its mapped
        ones, the diseases chosen in order, their scores)."""
        present, excluded, unknown, mapped = self.prepare(case)
        scorer = self.scorer
        if scorer.settings.prune_ancestors:
            present = self.most_specific(present)
        primary = self.summed(present)
        if scorer.settings.excluded and excluded:
            primary += scorer._excluded_score(excluded, True)
        found = self.sorted_cut(primary)
        if found is None:  # a NaN score, or too few diseases: as ``model.ranked`` does
            candidates = self.cut(primary)
            values = primary[candidates]
            tied = shared_values(values)
        else:
            candidates, values = found
            same = values[1:] == values[:-1]  # ties are neighbours in this order
            if not same.any():
                order: IntArray = candidates[:self.top]
                return case, unknown, mapped, order, values[:self.top]
            tied = np.zeros(len(values), dtype=np.bool_)
            tied[1:] |= same
            tied[:-1] |= same
        secondary = np.zeros(len(candidates), dtype=np.float64)
        if tied.any():
            secondary[tied] = scorer.tie_break_at(Query(present, excluded), candidates[tied],
                                                  present)
        # best first: primary score, then the tie-break, then index (``model._ordered``)
        chosen = np.lexsort((candidates, -secondary, -values))[:self.top]
        order = candidates[chosen].astype(np.int64)
        return case, unknown, mapped, order, values[chosen]

    def prepare(self, case: BatchCase
                ) -> tuple[tuple[int, ...], tuple[int, ...], tuple[str, ...], dict[str, str]]:
        """``model.prepare(case.present, case.excluded)`` as (present terms, excluded terms
        kept, unknown identifiers, mapped ones); the notes (no batch line has them) left
        out."""
        present, unknown, mapped = self.resolve(case.present)
        excluded: tuple[int, ...] = ()
        if case.excluded:
            lacking, unknown_lacking, mapped_lacking = self.resolve(case.excluded)
            if lacking:
                implied = set(present).union(*(self.strict_ancestors(t) for t in present))
                excluded = tuple(t for t in lacking if t not in implied)
            unknown = tuple(dict.fromkeys((*unknown, *unknown_lacking)))
            mapped = {**mapped, **mapped_lacking}
        return present, excluded, unknown, mapped

    def resolve(self, term_ids: Sequence[str]
                ) -> tuple[tuple[int, ...], tuple[str, ...], dict[str, str]]:
        """``ontology.resolve(term_ids)`` as (indices, unknown, mapped), each identifier
        looked up once a batch; a current HPO identifier as the ontology writes it
        ("HP:" and seven ASCII digits, which ``normalize_curie`` leaves as it is) without
        normalising it."""
        indices: list[int] = []
        mapped: dict[str, str] = {}
        unknown: list[str] = []
        found, aliases = self.found, self.aliases
        for raw in term_ids:
            known = found.get(raw)
            if known is None:
                known = found[raw] = self._look_up(raw)
            alias, index = known
            if alias is not None:
                mapped[alias] = aliases[alias]
            if index < 0:
                if raw not in unknown:
                    unknown.append(str(raw))
            elif index not in indices:
                indices.append(index)
        return tuple(indices), tuple(unknown), mapped

    def _look_up(self, raw: str) -> tuple[str | None, int]:
        """(the alt or obsolete identifier ``raw`` names, or None; its index or -1)."""
        ontology = self.model.ontology
        if len(raw) == 10 and raw.startswith("HP:") and raw.isascii() and raw[3:].isdigit():
            if raw not in ontology.index and raw in self.aliases:
                return raw, ontology.index.get(self.aliases[raw], -1)
            return None, ontology.index.get(raw, -1)
        resolution = ontology.resolve((raw,))
        alias = next(iter(resolution.mapped), None)
        return alias, resolution.indices[0] if resolution.indices else -1

    def strict_ancestors(self, term: int) -> frozenset[int]:
        """The term's ancestors, itself left out (kept for the batch)."""
        known = self.ancestors.get(term)
        if known is None:
            closure = self.model.ontology.ancestors
            row = closure.indices[closure.indptr[term]:closure.indptr[term + 1]].tolist()
            known = self.ancestors[term] = frozenset(row).difference((term,))
        return known

    def most_specific(self, terms: tuple[int, ...]) -> tuple[int, ...]:
        """``ontology.most_specific(terms)`` of distinct terms: those no other one implies."""
        if len(terms) < 2:
            return terms
        implied = set().union(*(self.strict_ancestors(t) for t in terms))
        return tuple(t for t in terms if t not in implied)

    def summed(self, terms: Sequence[int]) -> FloatArray:
        """``TermRows.summed(terms)``, bit for bit: each term's row made in one block (its
        base row, its patch written over it), the block summed along its first axis in
        float64 from +0.0, row after row, as ``TermRows.summed`` adds them.

        The block and the sum are written into the same two buffers case after case:
        new memory for each (a page fault per 4 KiB touched) cost more than the sums.
        The sum is good until the next case.
        """
        dense, single, patches = self.dense, self.single, self.patches
        if len(self.block) < len(terms):
            self.block = np.empty((len(terms), dense.shape[1]), dtype=np.float32)
        block = self.block[:len(terms)]
        rows = [single[term] for term in terms]
        # one call for the base rows ("clip": -1, several base rows, is written below)
        np.take(dense, rows, axis=0, out=block, mode="clip")
        for i, term in enumerate(terms):
            if rows[i] < 0:
                self._base(term, block[i])
            patch = patches.get(term)
            if patch is None:
                start, end = self.starts[term], self.starts[term + 1]
                patch = patches[term] = (self.rows.indices[start:end],
                                         self.rows.values[start:end])
            block[i][patch[0]] = patch[1]
        summed: FloatArray = block.sum(axis=0, dtype=np.float64, out=self.sum)
        return summed

    def _base(self, term: int, out: Float32Array) -> None:
        """``TermRows.base(term)`` of a term with several base rows, written into ``out``."""
        lowest = self.lowest
        rows = lowest.indices[lowest.indptr[term]:lowest.indptr[term + 1]].tolist()
        np.maximum(self.dense[rows[0]], self.dense[rows[1]], out=out)
        for row in rows[2:]:
            np.maximum(out, self.dense[row], out=out)

    def cut(self, primary: FloatArray) -> IntArray:
        """``model.at_or_above_cut(primary, top)``: every disease scoring at least the
        top-th best (ties at the cut included)."""
        found = self.sorted_cut(primary)
        if found is None:
            from rareinfo.phenotype.model import at_or_above_cut

            return at_or_above_cut(primary, self.top)
        return np.sort(found[0])

    def sorted_cut(self, primary: FloatArray) -> tuple[IntArray, FloatArray] | None:
        """Every disease scoring at least the top-th best, best first (equal scores in
        index order), and their scores; None with a NaN score or sets of one score.

        Each column of ``primary[:whole].reshape(-1, 2 * top)`` is a set of scores; the
        top-th best of the sets' maxima bounds the top-th best score from below (top of
        those maxima are scores at least as high), so only the scores above it are sorted.
        """
        top, size = self.top, len(primary)
        sets = 2 * top
        whole = size - size % sets
        if whole < 2 * sets:
            return None
        maxima = primary[:whole].reshape(-1, sets).max(axis=0)  # NaN if any NaN
        if np.isnan(maxima).any() or np.isnan(primary[whole:]).any():
            return None
        above = np.flatnonzero(primary >= np.partition(maxima, sets - top)[sets - top])
        lowered = -primary[above]
        order = np.argsort(lowered, kind="stable")  # stable: equal scores in index order
        lowered = lowered[order]
        count = int(np.searchsorted(lowered, lowered[top - 1], side="right"))
        chosen = order[:count]
        return above[chosen], primary[above[chosen]]
