"""The HPO graph as arrays: a term index, alias resolution and the ancestor closure.

The closure is a sparse boolean matrix with one row per term holding the term itself and
all its ancestors; its transpose gives the descendants. Every similarity and likelihood
in this package is computed from it in bulk, never by walking the graph per term pair.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from rareinfo.curie import normalize_curie

if TYPE_CHECKING:
    import scipy.sparse as sp

    from rareinfo.records import PhenotypeTerm

ROOT = "HP:0000001"
PHENOTYPIC_ABNORMALITY = "HP:0000118"

IntArray = NDArray[np.int64]
LOOKUPS_KEPT = 100_000  # identifiers ``resolve`` remembers (a bound for odd inputs)


@dataclass(frozen=True, slots=True)
class Resolution:
    """Input term identifiers sorted into current terms, remapped ones and unknown ones."""

    indices: tuple[int, ...]
    mapped: Mapping[str, str] = field(default_factory=dict)  # alt/obsolete id -> current id
    unknown: tuple[str, ...] = ()


class Ontology:
    """Current HPO terms, their aliases and their ancestor closure."""

    def __init__(self, terms: Sequence[PhenotypeTerm]) -> None:
        current = sorted((t for t in terms if not t.obsolete), key=lambda t: t.id)
        self.ids: tuple[str, ...] = tuple(t.id for t in current)
        self.index: dict[str, int] = {term_id: i for i, term_id in enumerate(self.ids)}
        # None in a stored model: the records are read again only for plain-words input
        self.terms: tuple[PhenotypeTerm, ...] | None = tuple(current)
        self.names: tuple[str, ...] = tuple(t.name for t in current)
        self.aliases: dict[str, str] = _aliases(terms, self.index)
        self.ancestors = _closure(current, self.index, self.aliases)  # CSR, row = term
        self.descendants = self.ancestors.T.tocsr()  # row = term, columns = its descendants
        # input identifier -> what ``resolve`` found for it: a batch repeats the same few
        # thousand, and normalising one took longer than the rest of its lookup
        self._looked_up: dict[str, tuple[str | None, int]] = {}

    def __getstate__(self) -> dict[str, object]:
        """Stored without the term records (slow to unpickle, needed only for text) and
        the identifiers looked up."""
        return {**self.__dict__, "terms": None, "_looked_up": {}}

    def __len__(self) -> int:
        return len(self.ids)

    def resolve(self, term_ids: Iterable[str]) -> Resolution:
        """Map identifiers to current term indices; report alt/obsolete and unknown ones."""
        indices: list[int] = []
        mapped: dict[str, str] = {}
        unknown: list[str] = []
        looked_up = self._looked_up
        for raw in term_ids:
            found = looked_up.get(raw) if isinstance(raw, str) else None
            if found is None:
                found = self._look_up(raw)
                if isinstance(raw, str) and len(looked_up) < LOOKUPS_KEPT:
                    looked_up[raw] = found
            alias, index = found
            if alias is not None:
                mapped[alias] = self.aliases[alias]
            if index < 0:
                if raw not in unknown:
                    unknown.append(str(raw))
                continue
            if index not in indices:
                indices.append(index)
        return Resolution(tuple(indices), mapped, tuple(unknown))

    def _look_up(self, raw: object) -> tuple[str | None, int]:
        """(the alt or obsolete identifier ``raw`` names, or None; its term index or -1)."""
        term_id = normalize_curie(raw) if isinstance(raw, str) else None
        alias = None
        if term_id is not None and term_id not in self.index and term_id in self.aliases:
            alias, term_id = term_id, self.aliases[term_id]
        return alias, -1 if term_id is None else self.index.get(term_id, -1)

    def ancestors_of_each(self, indices: Sequence[int]) -> NDArray[Any]:
        """The ancestors (and selves) of each of ``indices``, one after another."""
        return row_segments(self.ancestors.indices, self.ancestors.indptr, indices)

    def ancestors_of(self, index: int) -> IntArray:
        """Indices of a term and all its ancestors."""
        start, end = self.ancestors.indptr[index], self.ancestors.indptr[index + 1]
        return np.asarray(self.ancestors.indices[start:end], dtype=np.int64)

    def descendants_of(self, index: int) -> IntArray:
        """Indices of a term and all its descendants."""
        start, end = self.descendants.indptr[index], self.descendants.indptr[index + 1]
        return np.asarray(self.descendants.indices[start:end], dtype=np.int64)

    def subtree_mask(self, root_id: str) -> NDArray[np.bool_]:
        """A boolean mask of the terms at or below ``root_id`` (all False if it is absent)."""
        mask = np.zeros(len(self.ids), dtype=np.bool_)
        if root_id in self.index:
            mask[self.descendants_of(self.index[root_id])] = True
        return mask

    def related_mask(self, indices: Sequence[int]) -> NDArray[np.bool_]:
        """Terms that are an ancestor, a descendant or one of ``indices``."""
        mask = np.zeros(len(self.ids), dtype=np.bool_)
        mask[row_segments(self.ancestors.indices, self.ancestors.indptr, indices)] = True
        mask[row_segments(self.descendants.indices, self.descendants.indptr, indices)] = True
        return mask

    def most_specific(self, indices: Sequence[int]) -> tuple[int, ...]:
        """Drop every term that is an ancestor of another term in ``indices``."""
        if len(indices) < 2:
            return tuple(indices)
        if len(set(indices)) < len(indices):  # a repeated term implies no copy of itself
            rows = np.asarray(indices, dtype=np.int64)
            owners, ancestors = _row_entries(self.ancestors, rows)
            implied = np.zeros(len(self.ids), dtype=np.bool_)
            implied[ancestors[ancestors != rows[owners]]] = True
            return tuple(int(i) for i in rows[~implied[rows]])
        # each term's own closure row holds it once: a term found in two rows is an
        # ancestor of another term
        found = np.sort(row_segments(self.ancestors.indices, self.ancestors.indptr, indices))
        rows = np.asarray(indices, dtype=found.dtype)
        times = np.searchsorted(found, rows, "right") - np.searchsorted(found, rows, "left")
        return tuple(int(i) for i in rows[times == 1])


def row_segments(values: NDArray[Any], indptr: NDArray[Any], rows: Sequence[int]
                 ) -> NDArray[Any]:
    """``values[indptr[r]:indptr[r + 1]]`` of each row, one after another: for the few
    rows of a case, slices cost less than computing every position and gathering."""
    if len(rows) == 0:
        return values[:0]
    return np.concatenate([values[indptr[r]:indptr[r + 1]] for r in rows])


def _row_entries(matrix: sp.csr_matrix, rows: IntArray) -> tuple[IntArray, IntArray]:
    """(position in ``rows``, column) of every stored entry in the named rows."""
    starts = matrix.indptr[rows].astype(np.int64)
    counts = matrix.indptr[rows + 1].astype(np.int64) - starts
    total = int(counts.sum())
    owners = np.repeat(np.arange(len(rows), dtype=np.int64), counts)
    if total == 0:
        return owners, np.zeros(0, dtype=np.int64)
    offsets = np.repeat(starts - np.cumsum(counts) + counts, counts)
    positions = offsets + np.arange(total, dtype=np.int64)
    return owners, np.asarray(matrix.indices[positions], dtype=np.int64)


def _aliases(terms: Sequence[PhenotypeTerm], index: Mapping[str, int]) -> dict[str, str]:
    """alt_id -> current id, and obsolete id -> its replacement, followed to a current term."""
    direct: dict[str, str] = {}
    for term in terms:
        if term.obsolete and term.replaced_by:
            direct[term.id] = term.replaced_by
        for alt in term.alt_ids:
            direct.setdefault(alt, term.id)
    resolved: dict[str, str] = {}
    for start in direct:
        target, seen = start, {start}
        # Replacements can chain (obsolete -> alt id of another term -> current term).
        while target not in index and target in direct and direct[target] not in seen:
            target = direct[target]
            seen.add(target)
        if target in index:
            resolved[start] = target
    return resolved


def _closure(
    terms: Sequence[PhenotypeTerm], index: Mapping[str, int], aliases: Mapping[str, str]
) -> sp.csr_matrix:
    """Reflexive-transitive ancestor closure by repeated sparse products (depth ~ 16)."""
    import scipy.sparse as sp  # only to build: a stored model is read without SciPy

    rows: list[int] = []
    cols: list[int] = []
    for term in terms:
        for parent in term.parents:
            parent_id = parent if parent in index else aliases.get(parent)
            if parent_id is not None and parent_id != term.id:
                rows.append(index[term.id])
                cols.append(index[parent_id])
    size = len(terms)
    parents = sp.csr_matrix(
        (np.ones(len(rows), dtype=np.int32), (rows, cols)), shape=(size, size)
    )
    closure = sp.identity(size, dtype=np.int32, format="csr")
    while True:
        grown = (closure + parents @ closure).astype(np.bool_).astype(np.int32)
        if grown.nnz == closure.nnz:
            break
        closure = grown
    closure = closure.astype(np.bool_).tocsr()
    closure.sort_indices()
    return closure
