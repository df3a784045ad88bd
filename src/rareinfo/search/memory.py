"""In-memory search over disease and phenotype names, synonyms and identifiers.

Built once from the entries the knowledge base supplies. Every lookup is a dict probe, a
bisect into a sorted array or a set operation, so a query costs a few milliseconds at most
on the full ~150k entries; only typo tolerance and "did you mean" call rapidfuzz. The
ranking is ``rareinfo.search.ranking``'s, shared with the PostgreSQL searcher.
"""

from __future__ import annotations

import gc
import heapq
import math
import sys
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from itertools import chain, permutations
from typing import NamedTuple

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from rareinfo.curie import normalize_curie
from rareinfo.normalize import STOPWORDS, is_stopword, normalize
from rareinfo.search import ranking
from rareinfo.search.base import (
    ENTITY_KINDS,
    MATCH_FIELDS,
    EntityKind,
    MatchField,
    SearchEntry,
    SearchHit,
)
from rareinfo.search.postings import (
    PRECOMPUTED,
    PrefixTable,
    QueryWord,
    best_distinct,
    distinct,
    letter_masks,
    matching_all,
    within_letters,
)
from rareinfo.search.ranking import ParsedQuery, parse_query

_TYPO_POOL = 400  # typo bands: only the best this many by static rank are scored in full
_SUBSET_WORDS = 6  # partial matches: enumerate word subsets up to this many words
_NEAR_CACHE = 256  # recent typo lookups kept: a results page asks search() and count()
_RECENT_QUERIES = 32  # matched queries kept, for the same reason


_Picker = Callable[[int, set[int]], list[int]]  # (k, entities to skip) -> best entries


@contextmanager
def paused_gc() -> Iterator[None]:
    """No garbage collection inside: for making an index's ~1M objects, none in a cycle."""
    # Collections triggered by all those allocations find nothing to free and cost about
    # as much as the building itself.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class _Band(NamedTuple):
    """Entries of equal match quality: groups of (meaningful words matched, picker)."""

    base: float
    groups: list[tuple[int, _Picker]]
    typos: list[QueryWord]


class _Matched:
    """A parsed query, its words and the entries they match: kept for the next call on it."""

    __slots__ = ("full", "identifiers", "parsed", "partial", "words")

    def __init__(self, parsed: ParsedQuery, identifiers: list[tuple[int, str]],
                 words: list[QueryWord]) -> None:
        self.parsed = parsed
        self.identifiers = identifiers
        self.words = words
        self.full: set[int] | None = None  # entries matching every word
        self.partial: list[tuple[float, int, Collection[int]]] | None = None


class SearchIndex:
    """Names, synonyms and identifiers of diseases and phenotypes, searchable in memory."""

    def __init__(self) -> None:
        # Entities (one per kind + CURIE), as parallel lists indexed by entity id.
        self._entity_kind: list[EntityKind] = []
        self._entity_curie: list[str] = []
        self._entity_label: list[str] = []
        self._entity_weight: list[float] = []
        # Text entries (names, synonyms, layperson terms), parallel lists by entry id.
        self._entry_entity: list[int] = []
        self._entry_text: list[str] = []
        self._entry_field: list[MatchField] = []
        self._entry_words: list[tuple[str, ...]] = []  # distinct normalised words, in order
        self._entry_meaningful = bytearray()  # how many of those words are not stopwords
        self._entry_bonus: list[float] = []  # field and weight bonus
        self._entry_static: list[float] = []  # query-independent rank: bonus - words
        self._identifiers: dict[str, list[int]] = {}  # canonical CURIE -> entities
        self._words: dict[EntityKind, PrefixTable] = {}  # word -> entries, per kind
        self._names: dict[EntityKind, PrefixTable] = {}  # normalised text -> entry
        self._vocabulary: list[str] = []  # every word, shortest first, for typo matching
        self._vocabulary_lengths: list[int] = []
        self._vocabulary_letters = letter_masks([])  # the letters of each word, as bits
        self._near_cache: dict[tuple[str, int], dict[str, int]] = {}
        self._recent: dict[tuple[str, str | None], _Matched] = {}
        self._browse: dict[tuple[EntityKind, str], list[int]] = {}

    # ----------------------------------------------------------------------------- build

    @classmethod
    def build(cls, entries: Iterable[SearchEntry]) -> SearchIndex:
        """Index the entries; blank texts and unknown kinds or fields are skipped."""
        index = cls()
        with paused_gc():
            normalised = index._load(entries)
            index._rank_entries()
            index._derive_tables(normalised)
            index._derive_browse()
        return index

    def __getstate__(self) -> dict[str, object]:
        """What is stored (rareinfo.search.stored): everything but the caches of queries."""
        state = dict(self.__dict__)
        state["_near_cache"] = {}
        state["_recent"] = {}
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        """Restore a stored index."""
        self.__dict__.update(state)

    def _load(self, entries: Iterable[SearchEntry]) -> list[str]:
        """Collect entities and entries; returns each text entry's normalised text."""
        entity_ids: dict[tuple[str, str], int] = {}
        text_ids: dict[tuple[int, str], int] = {}
        normalised: list[str] = []
        for entry in entries:
            text, field = entry.text, entry.field
            if (entry.kind not in ENTITY_KINDS or field not in MATCH_FIELDS or not entry.curie
                    or not text.strip()):
                continue
            entity = self._entity(entity_ids, entry)
            if field == "identifier":
                curie = normalize_curie(text) or text.strip()
                holders = self._identifiers.setdefault(curie, [])
                if entity not in holders:
                    holders.append(entity)
                continue
            norm = normalize(text)
            if not norm:  # punctuation only
                continue
            known = text_ids.get((entity, norm))
            if known is None:
                text_ids[(entity, norm)] = self._add_text(entity, entry, norm)
                normalised.append(norm)
            elif ranking.FIELD_BONUS[field] > ranking.FIELD_BONUS[self._entry_field[known]]:
                self._entry_text[known], self._entry_field[known] = text, field
        return normalised

    def _entity(self, entity_ids: dict[tuple[str, str], int], entry: SearchEntry) -> int:
        last = len(self._entity_curie) - 1  # entries usually come entity by entity
        if last >= 0 and self._entity_curie[last] == entry.curie and (
                self._entity_kind[last] == entry.kind):
            entity: int | None = last
        else:
            entity = entity_ids.get((entry.kind, entry.curie))
        if entity is None:
            entity = entity_ids[(entry.kind, entry.curie)] = len(self._entity_curie)
            self._entity_kind.append(entry.kind)
            self._entity_curie.append(entry.curie)
            self._entity_label.append(entry.label or entry.curie)
            self._entity_weight.append(0.0)
        weight = entry.weight if math.isfinite(entry.weight) else 0.0
        self._entity_weight[entity] = max(self._entity_weight[entity], weight)
        return entity

    def _add_text(self, entity: int, entry: SearchEntry, norm: str) -> int:
        # Interned: the same word in 10,000 names is then one string, not 10,000.
        words = tuple(dict.fromkeys(map(sys.intern, norm.split())))
        meaningful = (len(words) - len(STOPWORDS.intersection(words))) or len(words)
        self._entry_entity.append(entity)
        self._entry_text.append(entry.text)
        self._entry_field.append(entry.field)
        self._entry_words.append(words)
        self._entry_meaningful.append(min(meaningful, 255))
        return len(self._entry_text) - 1

    def _rank_entries(self) -> None:
        """The query-independent part of every entry's score."""
        for entry, entity in enumerate(self._entry_entity):
            weight = min(self._entity_weight[entity], ranking.MAX_WEIGHT)
            bonus = (ranking.FIELD_BONUS[self._entry_field[entry]]
                     + weight * ranking.WEIGHT_BONUS_PER_UNIT)
            self._entry_bonus.append(bonus)
            self._entry_static.append(bonus - min(self._entry_meaningful[entry],
                                                  ranking.MAX_EXTRA_WORDS))

    def _derive_tables(self, normalised: list[str]) -> None:
        """Word and name tables per kind, and the vocabulary for typo matching."""
        rank, entity_of = self._entry_static, self._entry_entity
        postings: dict[EntityKind, dict[str, list[int]]] = {k: defaultdict(list)
                                                            for k in ENTITY_KINDS}
        names: dict[EntityKind, list[tuple[str, int]]] = {k: [] for k in ENTITY_KINDS}
        # Best entries first, so that every word's run comes out in rank order.
        for entry in sorted(range(len(rank)), key=rank.__getitem__, reverse=True):
            kind = self._entity_kind[entity_of[entry]]
            kind_postings = postings[kind]
            for word in self._entry_words[entry]:
                kind_postings[word].append(entry)
            names[kind].append((normalised[entry], entry))
        for kind in ENTITY_KINDS:
            self._words[kind] = PrefixTable(sorted(postings[kind].items()), rank, entity_of)
            runs = ((text, (entry,)) for text, entry in sorted(names[kind]))
            self._names[kind] = PrefixTable(runs, rank, entity_of)
        vocabulary = sorted(set(chain.from_iterable(postings[k] for k in ENTITY_KINDS)),
                            key=len)
        self._vocabulary = vocabulary
        self._vocabulary_lengths = [len(word) for word in vocabulary]
        self._vocabulary_letters = letter_masks(vocabulary)

    def _derive_browse(self) -> None:
        """Group entities by the first letter of their label, alphabetically."""
        groups: dict[tuple[EntityKind, str], list[tuple[str, str, int]]] = defaultdict(list)
        for entity, label in enumerate(self._entity_label):
            norm = normalize(label)
            letter = norm[0] if norm and "a" <= norm[0] <= "z" else "0"
            groups[(self._entity_kind[entity], letter)].append((norm, label, entity))
        self._browse = {key: [entity for *_, entity in sorted(members)]
                        for key, members in groups.items()}

    # ---------------------------------------------------------------------------- queries

    def __len__(self) -> int:
        """Number of distinct entities."""
        return len(self._entity_curie)

    def search(self, query: str, *, kind: EntityKind | None = None, limit: int = 20,
               offset: int = 0) -> list[SearchHit]:
        """Entities matching the query, best first, one hit per entity."""
        matched = self._matched(query, kind)
        if matched is None or limit <= 0:
            return []
        identifiers = matched.identifiers
        wanted = max(offset, 0) + limit
        hits = self._identifier_hits(identifiers)[:wanted]
        seen = {entity for entity, _ in identifiers}  # all shown, or the page is full
        for band in self._bands(matched):
            if len(hits) >= wanted:
                break
            hits.extend(self._take(band, wanted - len(hits), seen))
        return hits[max(offset, 0):wanted]

    def count(self, query: str, *, kind: EntityKind | None = None) -> int:
        """Total number of entities that search() can return for the query."""
        matched = self._matched(query, kind)
        if matched is None:
            return 0
        words, identifiers = matched.words, matched.identifiers
        if len(words) == 1 and not words[0].near and not identifiers:
            return words[0].entity_count()
        return len(self._found_entities(matched))

    def found_ids(self, query: str, *, kind: EntityKind | None = None,
                  limit: int = 1000) -> frozenset[str]:
        """The identifiers of the first `limit` entities that search() returns, as a set."""
        matched = self._matched(query, kind)
        if matched is None or limit <= 0:
            return frozenset()
        typos = [word for word in matched.words if word.near]
        # search() returns every entity count() counts, unless its typo band keeps only the
        # best entries (_typo_picker): then, and past the limit, ask search() itself.
        if not typos or len(self._full(matched)) <= _TYPO_POOL:
            entities = self._found_entities(matched)
            if len(entities) <= limit:
                return frozenset(map(self._entity_curie.__getitem__, entities))
        return frozenset(hit.curie for hit in self.search(query, kind=kind, limit=limit))

    def autocomplete(self, prefix: str, *, kind: EntityKind | None = None,
                     limit: int = 10) -> list[SearchHit]:
        """Completions of what has been typed: the last word is a prefix, the others whole."""
        found = self._parse(prefix, kind)
        if found is None or limit <= 0:
            return []
        parsed, identifiers = found
        hits = self._identifier_hits(identifiers)[:limit]
        seen = {entity for entity, _ in identifiers}
        if not parsed.text:  # an identifier lookup
            return hits
        begins = self._best_of_tables(self._names, parsed.text, parsed.kinds,
                                      limit - len(hits), seen)
        hits += [self._hit(entry, ranking.BEGINS + self._entry_static[entry]) for entry in begins]
        seen.update(self._entry_entity[entry] for entry in begins)
        if len(hits) < limit:
            contains = self._completions(parsed, limit - len(hits), seen)
            hits += [self._hit(entry, ranking.CONTAINS + self._entry_static[entry])
                     for entry in contains]
        return hits

    def suggest(self, query: str, *, limit: int = 5) -> list[SearchHit]:
        """Names nearest to the query as whole strings, for "Did you mean ...?"."""
        found = self._parse(query, None)
        if found is None or not found[0].text or limit <= 0:
            return []
        parsed = found[0]
        pool = self._suggestion_pool(parsed)
        choices = {entry: " ".join(self._entry_words[entry]) for entry in pool}
        shortlist = process.extract(parsed.text, choices, scorer=fuzz.WRatio, processor=None,
                                    limit=4 * limit + 8, score_cutoff=ranking.SUGGEST_CUTOFF)
        # WRatio alone favours short names holding part of the query ("leukaemia" for
        # "lymphoblastc leukaemia"); averaging with the whole-string, any-order
        # token_sort_ratio puts the name the person meant first.
        similarity = {entry: (score + fuzz.token_sort_ratio(parsed.text, text)) / 2
                      for text, score, entry in shortlist}
        order = sorted(similarity, key=lambda entry: (-similarity[entry],
                                                      -self._entry_static[entry]))
        return [self._hit(entry, similarity[entry])
                for entry in distinct(order, limit, (), self._entry_entity)]

    def browse(self, letter: str, *, kind: EntityKind = "disease") -> list[SearchHit]:
        """Entities whose label starts with the letter, A-Z; "0" or "#" for any other start.

        Alphabetical by label; each hit's score is the entity's weight.
        """
        key = ranking.browse_key(letter, kind)
        if key is None:
            return []
        return [SearchHit(self._entity_kind[entity], self._entity_curie[entity],
                          self._entity_label[entity], self._entity_label[entity], "name",
                          self._entity_weight[entity])
                for entity in self._browse.get((kind, key), ())]

    # ----------------------------------------------------------------------- parsing

    def _parse(self, query: object, kind: object
               ) -> tuple[ParsedQuery, list[tuple[int, str]]] | None:
        """The parsed query and the entities holding an identifier it spells, or None."""
        parsed = parse_query(query, kind)
        if parsed is None:
            return None
        identifiers = [(entity, curie) for curie in parsed.candidates
                       for entity in self._identifiers.get(curie, ())
                       if self._entity_kind[entity] in parsed.kinds]
        return (parsed, identifiers) if parsed.text or identifiers else None

    def _matched(self, query: object, kind: object) -> _Matched | None:
        """The parsed query and its words: made once for the calls of one results page."""
        key = (query, kind) if isinstance(query, str) and (
            kind is None or isinstance(kind, str)) else None
        known = self._recent.get(key) if key is not None else None
        if known is not None:
            return known
        found = self._parse(query, kind)
        if found is None:
            return None
        matched = _Matched(*found, self._match_words(found[0]))
        if key is not None:
            if len(self._recent) >= _RECENT_QUERIES:
                self._recent.clear()
            self._recent[key] = matched
        return matched

    def _found_entities(self, matched: _Matched) -> set[int]:
        """Every entity the query finds: by identifier, by all its words, or partly."""
        entity_of = self._entry_entity.__getitem__
        entities = {entity for entity, _ in matched.identifiers}
        entities.update(map(entity_of, self._full(matched)))
        for _, _, partial in self._partial(matched):
            entities.update(map(entity_of, partial))
        return entities

    def _full(self, matched: _Matched) -> set[int]:
        """Entries matching every word of the query (none when a word matches nothing)."""
        if matched.full is None:
            words = matched.words
            matched.full = (matching_all(words) if all(word.size() for word in words)
                            else set())
        return matched.full

    def _partial(self, matched: _Matched) -> list[tuple[float, int, Collection[int]]]:
        """The partial matches of the query: _partial_groups, once."""
        if matched.partial is None:
            matched.partial = self._partial_groups(matched.words, self._full(matched))
        return matched.partial

    def _match_words(self, query: ParsedQuery) -> list[QueryWord]:
        """The meaningful words, each matching itself, longer words or near spellings."""
        words = []
        for text in query.meaningful:
            word = self._word(text, query.kinds, prefix=len(text) >= ranking.MIN_PREFIX)
            word.prefix = word.prefix and word.size() > word.size(exact=True)
            if not word.size():
                word = self._word(text, query.kinds, near=ranking.max_typos(text))
            words.append(word)
        return words

    def _word(self, text: str, kinds: tuple[EntityKind, ...], *, prefix: bool = False,
              near: int = 0) -> QueryWord:
        """A query word matched whole, as a prefix, or with up to `near` typos."""
        tables = [self._words[kind] for kind in kinds]
        spellings = self._near_words(text, near) if near else {}
        return QueryWord(text, tables, self._entry_words, prefix=prefix, near=spellings)

    def _near_words(self, word: str, max_distance: int) -> dict[str, int]:
        """Vocabulary words within max_distance edits (a transposition counts as one)."""
        if max_distance <= 0:
            return {}
        cached = self._near_cache.get((word, max_distance))
        if cached is not None:
            return cached
        # Only words of a length within reach can be near: one contiguous slice; of those,
        # only the few with nearly the same letters (about 1 in 100) are worth comparing.
        lo = bisect_left(self._vocabulary_lengths, len(word) - max_distance)
        hi = bisect_right(self._vocabulary_lengths, len(word) + max_distance)
        vocabulary = self._vocabulary
        candidates = [vocabulary[lo + i] for i in within_letters(
            self._vocabulary_letters[lo:hi], word, max_distance).tolist()]
        matches = process.extract(word, candidates, scorer=OSA.distance,
                                  score_cutoff=max_distance, limit=None)
        near = {other: int(distance) for other, distance, _ in matches}
        if len(self._near_cache) >= _NEAR_CACHE:  # search and count parse the same query
            self._near_cache.clear()
        self._near_cache[(word, max_distance)] = near
        return near

    # ----------------------------------------------------------------------- ranking

    def _bands(self, matched: _Matched) -> Iterator[_Band]:
        """Candidates, best band first; a band is computed only when the page reaches it."""
        query, words = matched.parsed, matched.words
        if not words:
            return
        n, static = len(words), self._entry_static.__getitem__
        complete = all(word.size() for word in words)
        typos = [word for word in words if word.near]
        if complete and not typos:
            exact = self._exact_names(query, words)
            yield _Band(ranking.EXACT_NAME, [(n, self._picker(exact, static))], [])
        if complete and typos:
            yield _Band(ranking.TYPOS, [(n, self._typo_picker(self._full(matched), typos))],
                        typos)
        elif complete and n == 1:  # one word: its runs are in rank order, no sets needed
            text, kinds = words[0].text, query.kinds
            yield _Band(ranking.WHOLE_WORDS, [(1, lambda k, seen: self._best_with_word(
                text, kinds, k, seen))], [])
            if words[0].prefix:
                yield _Band(ranking.PREFIXES, [(1, lambda k, seen: self._best_of_tables(
                    self._words, text, kinds, k, seen))], [])
            return
        elif complete:
            whole = matching_all(words, exact=True)
            if matched.full is None and not any(w.prefix for w in words):
                matched.full = whole  # the same entries: no word matches more than itself
            full = self._full(matched)
            yield _Band(ranking.WHOLE_WORDS, [(n, self._picker(whole, static))], [])
            yield _Band(ranking.PREFIXES, [(n, self._picker(full - whole, static))], [])
        yield from self._partial_bands(matched)

    def _exact_names(self, query: ParsedQuery, words: list[QueryWord]) -> list[int]:
        """Entries whose words are exactly the query's words, in any order."""
        every = query.words
        if len(every) <= 4:  # few orders: look each one up among the names
            # In a fixed order (not a set of strings, whose order follows the hash seed), so
            # that equal names rank alike in every process.
            texts = dict.fromkeys(" ".join(order) for order in permutations(every))
            return [entry for text in texts for kind in query.kinds
                    for entry in self._names[kind].run(text, whole=True)]
        target, entry_words = frozenset(every), self._entry_words
        return [entry for entry in matching_all(words, exact=True)
                if len(entry_words[entry]) == len(target)
                and target.issuperset(entry_words[entry])]

    def _partial_bands(self, query: _Matched) -> Iterator[_Band]:
        """Partial matches, by the share of the query's information they match."""
        by_step: dict[int, list[tuple[int, _Picker]]] = defaultdict(list)
        for share, matched, entries in self._partial(query):
            step = min(int(share * ranking.PARTIAL_STEPS), ranking.PARTIAL_STEPS - 1)
            by_step[step].append((matched, self._picker(entries, self._entry_static.__getitem__)))
        for step in sorted(by_step, reverse=True):
            yield _Band(step * ranking.PARTIAL_STEP, by_step[step], [])

    def _partial_groups(self, words: list[QueryWord], full: set[int]
                        ) -> list[tuple[float, int, Collection[int]]]:
        """(share of information, words matched, entries) for each partial combination.

        A partial match holds at least half the meaningful words, and those words carry at
        least half the query's information (rare words weigh more: "marfan" > "syndrome").
        """
        n = len(words)
        if n < 2:
            return []
        need = (n + 1) // 2
        sizes = [word.size() for word in words]
        # A word found nowhere tells nothing about which entries are relevant, and a number
        # tells nothing alone ("21" in "trisomy 21" is no reason to offer "dystonia 21").
        idf = [math.log(1 + len(self._entry_text) / (1 + size))
               if size and not word.text.isdigit() else 0.0
               for word, size in zip(words, sizes, strict=True)]
        total = sum(idf)

        def share(mask: int) -> float:
            return sum(w for i, w in enumerate(idf) if mask >> i & 1) / total if total else 0.0

        def qualifies(mask: int) -> bool:
            return mask.bit_count() >= need and share(mask) >= ranking.MIN_SHARE

        if n <= _SUBSET_WORDS:
            groups: list[tuple[float, int, Collection[int]]] = []
            for mask in range(1, (1 << n) - 1):
                members = [words[i] for i in range(n) if mask >> i & 1]
                if qualifies(mask) and all(sizes[i] for i in range(n) if mask >> i & 1):
                    entries = matching_all(members) - full
                    if entries:
                        groups.append((share(mask), mask.bit_count(), entries))
            return groups
        return [(share(mask), mask.bit_count(), entries) for mask, entries
                in self._partial_masks(words, idf, full).items() if qualifies(mask)]

    def _partial_masks(self, words: list[QueryWord], idf: list[float], full: set[int]
                       ) -> dict[int, list[int]]:
        """Entries by the mask of words they match, for queries with many words."""
        # Entries holding only the commonest words cannot reach half the information,
        # so candidates come from the rarer words alone.
        common, acc, total = set(), 0.0, sum(idf)
        for i in sorted(range(len(words)), key=idf.__getitem__):
            if acc + idf[i] >= ranking.MIN_SHARE * total:
                break
            acc += idf[i]
            common.add(i)
        candidates = set().union(*(words[i].found() for i in range(len(words))
                                   if i not in common and idf[i])) - full
        masks: dict[int, int] = defaultdict(int)
        for i, word in enumerate(words):
            for entry in word.keep(candidates):
                masks[entry] |= 1 << i
        groups: dict[int, list[int]] = defaultdict(list)
        for entry, mask in masks.items():
            groups[mask].append(entry)
        return groups

    def _take(self, band: _Band, wanted: int, seen: set[int]) -> list[SearchHit]:
        """The band's best entries of new entities; marks their entities seen."""
        picks: list[tuple[float, int]] = []
        for matched, pick in band.groups:
            for entry in pick(wanted, seen):
                picks.append((band.base + self._in_band(entry, matched, band.typos), entry))
        picks.sort(key=lambda scored: scored[0], reverse=True)
        hits: list[SearchHit] = []
        for score, entry in picks:
            entity = self._entry_entity[entry]
            if entity not in seen:
                seen.add(entity)
                hits.append(self._hit(entry, score))
                if len(hits) == wanted:
                    break
        return hits

    def _picker(self, entries: Collection[int], key: Callable[[int], float]) -> _Picker:
        return lambda k, seen: best_distinct(entries, k, seen, key, self._entry_entity)

    def _typo_picker(self, entries: set[int], typos: list[QueryWord]) -> _Picker:
        static = self._entry_static
        pool: Collection[int] = entries
        if len(entries) > _TYPO_POOL:  # score edits in full only for the best by static rank
            pool = heapq.nlargest(_TYPO_POOL, entries, key=static.__getitem__)
        return self._picker(pool, lambda entry: static[entry] + self._typo_quality(entry, typos))

    def _best_with_word(self, word: str, kinds: tuple[EntityKind, ...], k: int,
                        seen: set[int]) -> list[int]:
        """Best k entries holding the word itself, across kinds."""
        picked = chain.from_iterable(self._words[kind].best_whole(word, k, seen)
                                     for kind in kinds)
        return sorted(picked, key=self._entry_static.__getitem__, reverse=True)[:k]

    def _in_band(self, entry: int, matched: int, typos: list[QueryWord]) -> float:
        """Score inside a band: extra words cost 1 each; field, weight and typos adjust."""
        extra = min(max(self._entry_meaningful[entry] - matched, 0), ranking.MAX_EXTRA_WORDS)
        quality = self._typo_quality(entry, typos) if typos else 0.0
        return self._entry_bonus[entry] - extra + quality

    def _typo_quality(self, entry: int, typos: list[QueryWord]) -> float:
        """Up to ranking.TYPO_QUALITY: higher when the matched words need fewer edits."""
        words = self._entry_words[entry]
        total = 0.0
        for typo in typos:
            distance = min((typo.near.get(word, len(typo.text)) for word in words),
                           default=len(typo.text))
            total += 1.0 - min(distance / len(typo.text), 1.0)
        return ranking.TYPO_QUALITY * total / len(typos)

    # ------------------------------------------------------------------ autocomplete

    def _best_of_tables(self, tables: dict[EntityKind, PrefixTable], prefix: str,
                        kinds: tuple[EntityKind, ...], k: int, seen: set[int]) -> list[int]:
        """Best k entries under the prefix across the kinds' tables, by static rank."""
        if k <= 0:
            return []
        picked = list(chain.from_iterable(tables[kind].best(prefix, k, seen) for kind in kinds))
        picked.sort(key=self._entry_static.__getitem__, reverse=True)
        return picked[:k]

    def _completions(self, query: ParsedQuery, k: int, seen: set[int]) -> list[int]:
        """Entries with every earlier word (typos allowed) and a word starting with the last."""
        *earlier, last = query.text.split()
        kinds, required = query.kinds, []
        for text in dict.fromkeys(word for word in earlier if not is_stopword(word)):
            word = self._word(text, kinds)
            required.append(word if word.size() else self._word(text, kinds,
                                                                near=ranking.max_typos(text)))
        ending = self._word(last, kinds, prefix=True)
        if not ending.size():  # nothing starts with it: perhaps misspelt, as a whole word
            ending = self._word(last, kinds, near=ranking.max_typos(last))
        if not required and not ending.near:
            return self._best_of_tables(self._words, last, kinds, k, seen)
        if not all(word.size() for word in [*required, ending]):
            return []
        candidates = matching_all([*required, ending])
        return best_distinct(candidates, k, seen, self._entry_static.__getitem__,
                              self._entry_entity)

    # ----------------------------------------------------------------------- suggest

    def _suggestion_pool(self, query: ParsedQuery) -> Collection[int]:
        """Entries holding a query word, a word it begins or, for unknown words, a near one."""
        pool: set[int] = set()
        static = self._entry_static.__getitem__
        for text in query.words:
            if len(text) < ranking.MIN_PREFIX or is_stopword(text):
                continue
            word = self._word(text, ENTITY_KINDS, prefix=True)
            if not word.size():  # looser than search: two edits from six letters on
                word = self._word(text, ENTITY_KINDS, near=1 if len(text) < 6 else 2)
            if not word.size():  # badly misspelt: names sharing its first letters
                word = self._word(text[:ranking.SUGGEST_STEM], ENTITY_KINDS, prefix=True)
            if word.size() <= ranking.SUGGEST_POOL:
                pool |= word.found()
            elif not word.near:  # a common word: its best entries are enough
                pool.update(self._best_of_tables(self._words, word.text, ENTITY_KINDS,
                                                 PRECOMPUTED, set()))
        if len(pool) > ranking.SUGGEST_POOL:
            return heapq.nlargest(ranking.SUGGEST_POOL, pool, key=static)
        return pool

    # ----------------------------------------------------------------------- results

    def _identifier_hits(self, identifiers: list[tuple[int, str]]) -> list[SearchHit]:
        hits: list[SearchHit] = []
        taken: set[int] = set()
        for entity, curie in identifiers:
            if entity not in taken:
                taken.add(entity)
                weight = min(self._entity_weight[entity], ranking.MAX_WEIGHT)
                hits.append(SearchHit(self._entity_kind[entity], self._entity_curie[entity],
                                      self._entity_label[entity], curie, "identifier",
                                      ranking.IDENTIFIER + weight * ranking.WEIGHT_BONUS_PER_UNIT))
        return hits

    def _hit(self, entry: int, score: float) -> SearchHit:
        entity = self._entry_entity[entry]
        return SearchHit(self._entity_kind[entity], self._entity_curie[entity],
                         self._entity_label[entity], self._entry_text[entry],
                         self._entry_field[entry], score)
