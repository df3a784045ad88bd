"""The in-memory searcher's data structures: prefix tables of entry ids and query words.

Entries are ints; a ``PrefixTable`` keeps sorted keys each owning a contiguous run of
entries in rank order, so every prefix of every word is one run. A ``QueryWord`` builds
the sets of entries it matches only when a band needs them.
"""

from __future__ import annotations

import heapq
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterable, Sequence

import numpy as np
from numpy.typing import NDArray

from rareinfo.search import ranking

_HEAVY_RUN = 512  # prefix runs longer than this get their best entries precomputed
PRECOMPUTED = 50  # best distinct entities kept for each heavy prefix


def letter_mask(word: str) -> int:
    """The letters a word holds, as bits: a-z one bit each, every other character one of six."""
    mask = 0
    for char in word:
        code = ord(char)
        mask |= 1 << (code - 97 if 97 <= code <= 122 else 26 + code % 6)
    return mask


def letter_masks(words: Sequence[str]) -> NDArray[np.uint32]:
    """letter_mask of each word, as an array."""
    return np.fromiter(map(letter_mask, words), dtype=np.uint32, count=len(words))


def within_letters(masks: NDArray[np.uint32], word: str, edits: int) -> NDArray[np.intp]:
    """Positions of the masks that a word `edits` edits away from `word` could have.

    An edit (insertion, deletion, substitution, transposition) adds at most one letter that
    the word lacked and removes at most one it held, so a near spelling differs from the
    word by at most `edits` letters each way: a test of two array operations that spares
    the edit distance of nearly every word of the vocabulary.
    """
    own = np.uint32(letter_mask(word))
    lacked = np.bitwise_count(masks & ~own)
    dropped = np.bitwise_count(~masks & own)
    return np.flatnonzero((lacked <= edits) & (dropped <= edits))


def distinct(ordered: Iterable[int], k: int, exclude: Collection[int],
              entity_of: Sequence[int]) -> list[int]:
    """The first k entries of distinct entities outside exclude, in the given order."""
    picked: list[int] = []
    taken: set[int] = set()
    for entry in ordered:
        entity = entity_of[entry]
        if entity in exclude or entity in taken:
            continue
        taken.add(entity)
        picked.append(entry)
        if len(picked) == k:
            break
    return picked


def best_distinct(entries: Collection[int], k: int, exclude: Collection[int],
                   key: Callable[[int], float], entity_of: Sequence[int]) -> list[int]:
    """Up to k entries of distinct entities outside exclude, highest key first."""
    if k <= 0 or not entries:
        return []
    n = 2 * k + 8 + len(exclude)
    while True:
        if n >= len(entries):
            top = sorted(entries, key=key, reverse=True)
        else:
            top = heapq.nlargest(n, entries, key=key)
        picked = distinct(top, k, exclude, entity_of)
        if len(picked) == k or len(top) == len(entries):
            return picked
        n *= 4  # many of the best belonged to excluded or repeated entities: look deeper


class PrefixTable:
    """Sorted keys each owning a run of entry ids, so every prefix maps to one contiguous run.

    Each key's own run is in rank order (best first). Runs longer than _HEAVY_RUN (short
    prefixes such as "a", common words such as "syndrome") keep their best entries and their
    number of distinct entities precomputed: that is what makes one-word queries instant.
    """

    __slots__ = ("_best", "_entities", "_entity_of", "_flat", "_keys", "_rank", "_starts")

    def __init__(self, groups: Iterable[tuple[str, Iterable[int]]], rank: Sequence[float],
                 entity_of: Sequence[int]) -> None:
        self._keys: list[str] = []
        self._starts = array("I", [0])
        self._flat: list[int] = []
        for key, ids in groups:
            self._keys.append(key)
            self._flat.extend(ids)
            self._starts.append(len(self._flat))
        self._rank = rank
        self._entity_of = entity_of
        self._best: dict[str, list[int]] = {}
        self._entities: dict[tuple[str, bool], int] = {}
        self._precompute_heavy_prefixes()
        self._precompute_heavy_keys()

    @property
    def keys(self) -> list[str]:
        """The sorted keys (words or normalised names)."""
        return self._keys

    def run(self, prefix: str, *, whole: bool = False) -> list[int]:
        """Entries under keys that start with the prefix (or equal it, when whole)."""
        lo, hi = self._span(prefix, whole=whole)
        return self._flat[lo:hi]

    def run_size(self, prefix: str, *, whole: bool = False) -> int:
        """How many entries run() would return."""
        lo, hi = self._span(prefix, whole=whole)
        return hi - lo

    def entity_count(self, prefix: str, *, whole: bool = False) -> int:
        """Distinct entities under the prefix (or the whole key)."""
        lo, hi = self._span(prefix, whole=whole)
        if hi - lo > _HEAVY_RUN and (prefix, whole) in self._entities:
            return self._entities[(prefix, whole)]
        return len(set(map(self._entity_of.__getitem__, self._flat[lo:hi])))

    def best(self, prefix: str, k: int, exclude: Collection[int]) -> list[int]:
        """Up to k entries under the prefix, best first, one per entity outside exclude."""
        lo, hi = self._span(prefix, whole=False)
        if hi - lo > _HEAVY_RUN and prefix in self._best:
            picked = distinct(self._best[prefix], k, exclude, self._entity_of)
            if len(picked) == k:
                return picked
        return best_distinct(self._flat[lo:hi], k, exclude, self._rank.__getitem__,
                              self._entity_of)

    def best_whole(self, key: str, k: int, exclude: Collection[int]) -> list[int]:
        """Up to k entries under exactly this key, best first, one per entity."""
        lo, hi = self._span(key, whole=True)
        window = 4 * k + 16 + len(exclude)  # the run is in rank order: the best lead it
        picked = distinct(self._flat[lo:min(hi, lo + window)], k, exclude, self._entity_of)
        if len(picked) < k and lo + window < hi:
            picked = distinct(self._flat[lo:hi], k, exclude, self._entity_of)
        return picked

    def _span(self, prefix: str, *, whole: bool) -> tuple[int, int]:
        keys = self._keys
        lo = bisect_left(keys, prefix)
        hi = (bisect_right(keys, prefix, lo) if whole
              else bisect_left(keys, prefix + ranking.BEYOND, lo))
        return self._starts[lo], self._starts[hi]

    def _precompute_heavy_prefixes(self) -> None:
        self._collect_best("", 0, len(self._keys))

    def _collect_best(self, prefix: str, lo: int, hi: int) -> list[int]:
        """Best distinct entries of keys[lo:hi], all starting with prefix; kept when heavy.

        Built bottom-up over the implicit trie of the sorted keys: a heavy node merges its
        children's best lists instead of rescanning its whole run.
        """
        keys, starts, flat = self._keys, self._starts, self._flat
        rank, entity_of = self._rank.__getitem__, self._entity_of
        size = starts[hi] - starts[lo]
        if size <= _HEAVY_RUN:
            return best_distinct(flat[starts[lo]:starts[hi]], PRECOMPUTED, (), rank,
                                  entity_of)
        depth, own = len(prefix), lo
        while own < hi and len(keys[own]) == depth:
            own += 1
        own_run = flat[starts[lo]:starts[own]]
        if own - lo > 1:  # several equal keys, each with its own run: rank them together
            own_run.sort(key=rank, reverse=True)
        parts = [distinct(own_run, PRECOMPUTED, (), entity_of)]
        while own < hi:
            child = keys[own][: depth + 1]
            end = bisect_left(keys, child + ranking.BEYOND, own, hi)
            parts.append(self._collect_best(child, own, end))
            own = end
        best = distinct(heapq.merge(*parts, key=rank, reverse=True), PRECOMPUTED, (),
                         entity_of)
        if depth >= ranking.MIN_PREFIX:  # counted for search, where shorter prefixes are not used
            run = flat[starts[lo]:starts[hi]]
            self._entities[(prefix, False)] = len(set(map(entity_of.__getitem__, run)))
        if prefix:
            self._best[prefix] = best
        return best

    def _precompute_heavy_keys(self) -> None:
        starts, entity_of = self._starts, self._entity_of.__getitem__
        for i, key in enumerate(self._keys):
            if starts[i + 1] - starts[i] > _HEAVY_RUN:
                run = self._flat[starts[i]:starts[i + 1]]
                self._entities[(key, True)] = len(set(map(entity_of, run)))


class QueryWord:
    """One meaningful query word; the entry sets it matches are built only when needed."""

    __slots__ = ("_entry_words", "_exact", "_found", "_runs", "_tables", "near", "prefix",
                 "text")

    def __init__(self, text: str, tables: list[PrefixTable],
                 entry_words: list[tuple[str, ...]], *, prefix: bool,
                 near: dict[str, int]) -> None:
        self.text = text
        self.prefix = prefix  # also matches the longer words it begins
        self.near = near  # typo fallback, used instead: near spellings -> edit distance
        self._tables = tables
        self._entry_words = entry_words
        self._exact: set[int] | None = None
        self._found: set[int] | None = None
        # Run lengths summed over the tables, by kind of match (whole word, prefix, near
        # spellings; -1 until asked): ranking asks for them dozens of times per query.
        self._runs = [-1, -1, -1]

    def exact(self) -> set[int]:
        """Entries holding the word itself."""
        if self._exact is None:
            self._exact = self._union(self.text, whole=True)
        return self._exact

    def found(self) -> set[int]:
        """Entries holding the word or a word it begins; or else a near spelling."""
        if self._found is None:
            if self.near:
                self._found = set().union(*(self._union(w, whole=True) for w in self.near))
            else:
                self._found = self._union(self.text, whole=False) if self.prefix else self.exact()
        return self._found

    def size(self, *, exact: bool = False) -> int:
        """len(exact()) or len(found()), without building a set that is not there yet."""
        built = self._exact if exact else self._found
        if built is not None:
            return len(built)
        near = bool(self.near) and not exact
        whole = exact or not self.prefix
        slot = 2 if near else int(whole)
        size = self._runs[slot]
        if size < 0:
            if near:  # an upper bound: an entry may hold two near spellings
                size = sum(table.run_size(word, whole=True)
                           for word in self.near for table in self._tables)
            else:
                size = sum(table.run_size(self.text, whole=whole) for table in self._tables)
            self._runs[slot] = size
        return size

    def entity_count(self) -> int:
        """Distinct entities in found() (not for typos); precomputed for common words."""
        return sum(t.entity_count(self.text, whole=not self.prefix) for t in self._tables)

    def keep(self, entries: set[int], *, exact: bool = False) -> set[int]:
        """The entries that this word matches."""
        built = self._exact if exact else self._found
        if built is None and len(entries) * 16 < self.size(exact=exact):
            # A few candidates against a common word: look at their words, skip the big set.
            words, text = self._entry_words, self.text
            if exact or not (self.prefix or self.near):
                return {entry for entry in entries if text in words[entry]}
            if self.near:
                near = self.near.keys()
                return {entry for entry in entries if not near.isdisjoint(words[entry])}
            return {entry for entry in entries
                    if any(word.startswith(text) for word in words[entry])}
        return entries.intersection(self.exact() if exact else self.found())

    def _union(self, word: str, *, whole: bool) -> set[int]:
        entries = set(self._tables[0].run(word, whole=whole))
        for table in self._tables[1:]:
            entries.update(table.run(word, whole=whole))
        return entries


def matching_all(words: Sequence[QueryWord], *, exact: bool = False) -> set[int]:
    """Entries matching every word; starts from the rarest so the work stays small."""
    if not words:
        return set()
    ordered = sorted(words, key=lambda word: word.size(exact=exact))
    first = ordered[0]
    entries = set(first.exact() if exact else first.found())
    for word in ordered[1:]:
        if not entries:
            break
        entries = word.keep(entries, exact=exact)
    return entries
