"""In-memory search over disease and phenotype names, synonyms and identifiers.

Built once from the entries the knowledge base supplies. Every lookup is a dict probe, a
bisect into a sorted array or a set operation, so a query costs a few milliseconds at most
on the full ~150k entries; only typo tolerance and "did you mean" call rapidfuzz.

Ranking, best first: identifier match; exact full name (any word order); every query word
as a whole word; words completed from prefixes; words with typos; then partial matches,
which hold at least half of the meaningful (non-stopword) query words *and* at least half of
the query's information (rare words weigh more), best share first. Inside a band: fewer
extra words, then name > synonym > layperson, then weight.
"""

from __future__ import annotations

import heapq
import math
import sys
from array import array
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, permutations
from typing import Literal, NamedTuple, get_args

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from rareinfo.curie import candidate_curies, normalize_curie
from rareinfo.search.text import (
    STOPWORDS,
    distinct_words,
    is_stopword,
    is_usable_query,
    meaningful_words,
    normalize,
)

EntityKind = Literal["disease", "phenotype"]
MatchField = Literal["name", "synonym", "layperson", "identifier"]

ENTITY_KINDS: tuple[EntityKind, ...] = get_args(EntityKind)
_FIELDS: tuple[MatchField, ...] = get_args(MatchField)


@dataclass(frozen=True, slots=True)
class SearchEntry:
    """One findable text of an entity: its name, a synonym or an identifier."""

    kind: EntityKind
    curie: str  # primary identifier of the entity, e.g. "OMIM:613065" or "HP:0006721"
    label: str  # the entity's primary name
    text: str  # the name / synonym / identifier this entry makes findable
    field: MatchField
    weight: float  # prior importance >= 0 (e.g. log(1 + number of annotations)); breaks ties


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One entity in a result list, with the text that made it match."""

    kind: EntityKind
    curie: str
    label: str
    matched_text: str  # which name/synonym/identifier matched
    field: MatchField
    score: float  # higher is better; comparable within one result list


# Score bands, far enough apart that no in-band adjustment can cross into another band.
_IDENTIFIER = 600_000.0
_EXACT_NAME = 500_000.0
_WHOLE_WORDS = 400_000.0
_PREFIXES = 300_000.0
_TYPOS = 200_000.0
_PARTIAL_STEP = 50.0  # partial matches score 0..17 steps by the share of the query they match
_PARTIAL_STEPS = 18
_BEGINS = _EXACT_NAME  # autocomplete: the name begins with what was typed
_CONTAINS = _WHOLE_WORDS  # autocomplete: the typed words occur anywhere in the name

# In-band score: -extra words (capped) + field bonus + weight bonus + typo quality. The
# bonuses together stay below one extra word, so a shorter name always wins.
_MAX_EXTRA_WORDS = 45
_FIELD_BONUS: dict[str, float] = {"name": 0.2, "synonym": 0.1, "layperson": 0.0}
_WEIGHT_BONUS_PER_UNIT = 0.005  # weight is ~log(1 + annotations): at most ~0.05
_MAX_WEIGHT = 10.0
_TYPO_QUALITY = 0.5  # the largest bonus for fewer edits

_MIN_PREFIX = 3  # search: shorter query words only match whole words
_MIN_FUZZY = 4  # no typo tolerance below this length
_HEAVY_RUN = 512  # prefix runs longer than this get their best entries precomputed
_PRECOMPUTED = 50  # best distinct entities kept for each heavy prefix
_TYPO_POOL = 400  # typo bands: only the best this many by static rank are scored in full
_SUBSET_WORDS = 6  # partial matches: enumerate word subsets up to this many words
_MIN_SHARE = 0.5  # partial matches: the least share of the query's information to match
_NEAR_CACHE = 256  # recent typo lookups kept: a results page asks search() and count()
_SUGGEST_POOL = 1000  # "did you mean": candidate names compared as whole strings
_SUGGEST_STEM = 4  # ... and, for a word too garbled for that, names sharing its start
_SUGGEST_CUTOFF = 60.0
_BEYOND = "\U0010ffff"  # sorts after every character that normalised text can hold


def _max_typos(word: str) -> int:
    """Edit distance tolerated in a query word: none when short, more when long."""
    if len(word) < _MIN_FUZZY:
        return 0
    return 1 if len(word) < 9 else 2


def _distinct(ordered: Iterable[int], k: int, exclude: Collection[int],
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


def _best_distinct(entries: Collection[int], k: int, exclude: Collection[int],
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
        picked = _distinct(top, k, exclude, entity_of)
        if len(picked) == k or len(top) == len(entries):
            return picked
        n *= 4  # many of the best belonged to excluded or repeated entities: look deeper


class _PrefixTable:
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
            picked = _distinct(self._best[prefix], k, exclude, self._entity_of)
            if len(picked) == k:
                return picked
        return _best_distinct(self._flat[lo:hi], k, exclude, self._rank.__getitem__,
                              self._entity_of)

    def best_whole(self, key: str, k: int, exclude: Collection[int]) -> list[int]:
        """Up to k entries under exactly this key, best first, one per entity."""
        lo, hi = self._span(key, whole=True)
        window = 4 * k + 16 + len(exclude)  # the run is in rank order: the best lead it
        picked = _distinct(self._flat[lo:min(hi, lo + window)], k, exclude, self._entity_of)
        if len(picked) < k and lo + window < hi:
            picked = _distinct(self._flat[lo:hi], k, exclude, self._entity_of)
        return picked

    def _span(self, prefix: str, *, whole: bool) -> tuple[int, int]:
        keys = self._keys
        lo = bisect_left(keys, prefix)
        hi = bisect_right(keys, prefix, lo) if whole else bisect_left(keys, prefix + _BEYOND, lo)
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
            return _best_distinct(flat[starts[lo]:starts[hi]], _PRECOMPUTED, (), rank,
                                  entity_of)
        depth, own = len(prefix), lo
        while own < hi and len(keys[own]) == depth:
            own += 1
        own_run = flat[starts[lo]:starts[own]]
        if own - lo > 1:  # several equal keys, each with its own run: rank them together
            own_run.sort(key=rank, reverse=True)
        parts = [_distinct(own_run, _PRECOMPUTED, (), entity_of)]
        while own < hi:
            child = keys[own][: depth + 1]
            end = bisect_left(keys, child + _BEYOND, own, hi)
            parts.append(self._collect_best(child, own, end))
            own = end
        best = _distinct(heapq.merge(*parts, key=rank, reverse=True), _PRECOMPUTED, (),
                         entity_of)
        if depth >= _MIN_PREFIX:  # counted for search, where shorter prefixes are not used
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


class _QueryWord:
    """One meaningful query word; the entry sets it matches are built only when needed."""

    __slots__ = ("_entry_words", "_exact", "_found", "_tables", "near", "prefix", "text")

    def __init__(self, text: str, tables: list[_PrefixTable],
                 entry_words: list[tuple[str, ...]], *, prefix: bool,
                 near: dict[str, int]) -> None:
        self.text = text
        self.prefix = prefix  # also matches the longer words it begins
        self.near = near  # typo fallback, used instead: near spellings -> edit distance
        self._tables = tables
        self._entry_words = entry_words
        self._exact: set[int] | None = None
        self._found: set[int] | None = None

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
        if self.near and not exact:  # an upper bound: an entry may hold two near spellings
            return sum(table.run_size(word, whole=True)
                       for word in self.near for table in self._tables)
        whole = exact or not self.prefix
        return sum(table.run_size(self.text, whole=whole) for table in self._tables)

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


def _matching_all(words: Sequence[_QueryWord], *, exact: bool = False) -> set[int]:
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


_Picker = Callable[[int, set[int]], list[int]]  # (k, entities to skip) -> best entries


class _Band(NamedTuple):
    """Entries of equal match quality: groups of (meaningful words matched, picker)."""

    base: float
    groups: list[tuple[int, _Picker]]
    typos: list[_QueryWord]


@dataclass(slots=True)
class _Query:
    """A usable query: its identifier matches and its normalised text."""

    kinds: tuple[EntityKind, ...]
    identifiers: list[tuple[int, str]]  # (entity, CURIE) for exact identifier matches
    text: str  # normalised; empty when the query is an identifier lookup

    @property
    def words(self) -> list[str]:
        """Distinct words, in order."""
        return distinct_words(self.text)

    @property
    def meaningful(self) -> list[str]:
        """The words a match must account for: all but stopwords (unless that is all)."""
        return meaningful_words(self.text)


def browse_key(letter: object, kind: object) -> str | None:
    """The browse shelf asked for: "a".."z", "0" for "0" or "#"; None when not one of them."""
    if not isinstance(letter, str) or len(letter) != 1 or kind not in ENTITY_KINDS:
        return None
    key = "0" if letter in "0#" else normalize(letter)
    return key if key == "0" or (len(key) == 1 and "a" <= key <= "z") else None


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
        self._words: dict[EntityKind, _PrefixTable] = {}  # word -> entries, per kind
        self._names: dict[EntityKind, _PrefixTable] = {}  # normalised text -> entry
        self._vocabulary: list[str] = []  # every word, shortest first, for typo matching
        self._vocabulary_lengths: list[int] = []
        self._near_cache: dict[tuple[str, int], dict[str, int]] = {}
        self._browse: dict[tuple[EntityKind, str], list[int]] = {}

    # ----------------------------------------------------------------------------- build

    @classmethod
    def build(cls, entries: Iterable[SearchEntry]) -> SearchIndex:
        """Index the entries; blank texts and unknown kinds or fields are skipped."""
        index = cls()
        normalised = index._load(entries)
        index._rank_entries()
        index._derive_tables(normalised)
        index._derive_browse()
        return index

    def _load(self, entries: Iterable[SearchEntry]) -> list[str]:
        """Collect entities and entries; returns each text entry's normalised text."""
        entity_ids: dict[tuple[str, str], int] = {}
        text_ids: dict[tuple[int, str], int] = {}
        normalised: list[str] = []
        for entry in entries:
            text, field = entry.text, entry.field
            if (entry.kind not in ENTITY_KINDS or field not in _FIELDS or not entry.curie
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
            elif _FIELD_BONUS[field] > _FIELD_BONUS[self._entry_field[known]]:
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
            weight = min(self._entity_weight[entity], _MAX_WEIGHT)
            bonus = _FIELD_BONUS[self._entry_field[entry]] + weight * _WEIGHT_BONUS_PER_UNIT
            self._entry_bonus.append(bonus)
            self._entry_static.append(bonus - min(self._entry_meaningful[entry],
                                                  _MAX_EXTRA_WORDS))

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
            self._words[kind] = _PrefixTable(sorted(postings[kind].items()), rank, entity_of)
            runs = ((text, (entry,)) for text, entry in sorted(names[kind]))
            self._names[kind] = _PrefixTable(runs, rank, entity_of)
        vocabulary = sorted(set(chain.from_iterable(postings[k] for k in ENTITY_KINDS)),
                            key=len)
        self._vocabulary = vocabulary
        self._vocabulary_lengths = [len(word) for word in vocabulary]

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
        parsed = self._parse(query, kind)
        if parsed is None or limit <= 0:
            return []
        wanted = max(offset, 0) + limit
        hits = self._identifier_hits(parsed.identifiers)[:wanted]
        seen = {entity for entity, _ in parsed.identifiers}  # all shown, or the page is full
        for band in self._bands(parsed, self._match_words(parsed)):
            if len(hits) >= wanted:
                break
            hits.extend(self._take(band, wanted - len(hits), seen))
        return hits[max(offset, 0):wanted]

    def count(self, query: str, *, kind: EntityKind | None = None) -> int:
        """Total number of entities that search() can return for the query."""
        parsed = self._parse(query, kind)
        if parsed is None:
            return 0
        words = self._match_words(parsed)
        if len(words) == 1 and not words[0].near and not parsed.identifiers:
            return words[0].entity_count()
        entries = _matching_all(words) if all(word.size() for word in words) else set()
        for _, _, partial in self._partial_groups(words, entries):
            entries.update(partial)
        entities = {entity for entity, _ in parsed.identifiers}
        entities.update(map(self._entry_entity.__getitem__, entries))
        return len(entities)

    def autocomplete(self, prefix: str, *, kind: EntityKind | None = None,
                     limit: int = 10) -> list[SearchHit]:
        """Completions of what has been typed: the last word is a prefix, the others whole."""
        parsed = self._parse(prefix, kind)
        if parsed is None or limit <= 0:
            return []
        hits = self._identifier_hits(parsed.identifiers)[:limit]
        seen = {entity for entity, _ in parsed.identifiers}
        if not parsed.text:  # an identifier lookup
            return hits
        begins = self._best_of_tables(self._names, parsed.text, parsed.kinds,
                                      limit - len(hits), seen)
        hits += [self._hit(entry, _BEGINS + self._entry_static[entry]) for entry in begins]
        seen.update(self._entry_entity[entry] for entry in begins)
        if len(hits) < limit:
            contains = self._completions(parsed, limit - len(hits), seen)
            hits += [self._hit(entry, _CONTAINS + self._entry_static[entry])
                     for entry in contains]
        return hits

    def suggest(self, query: str, *, limit: int = 5) -> list[SearchHit]:
        """Names nearest to the query as whole strings, for "Did you mean ...?"."""
        parsed = self._parse(query, None)
        if parsed is None or not parsed.text or limit <= 0:
            return []
        pool = self._suggestion_pool(parsed)
        choices = {entry: " ".join(self._entry_words[entry]) for entry in pool}
        shortlist = process.extract(parsed.text, choices, scorer=fuzz.WRatio, processor=None,
                                    limit=4 * limit + 8, score_cutoff=_SUGGEST_CUTOFF)
        # WRatio alone favours short names holding part of the query ("leukaemia" for
        # "lymphoblastc leukaemia"); averaging with the whole-string, any-order
        # token_sort_ratio puts the name the person meant first.
        similarity = {entry: (score + fuzz.token_sort_ratio(parsed.text, text)) / 2
                      for text, score, entry in shortlist}
        order = sorted(similarity, key=lambda entry: (-similarity[entry],
                                                      -self._entry_static[entry]))
        return [self._hit(entry, similarity[entry])
                for entry in _distinct(order, limit, (), self._entry_entity)]

    def browse(self, letter: str, *, kind: EntityKind = "disease") -> list[SearchHit]:
        """Entities whose label starts with the letter, A-Z; "0" or "#" for any other start.

        Alphabetical by label; each hit's score is the entity's weight.
        """
        key = browse_key(letter, kind)
        if key is None:
            return []
        return [SearchHit(self._entity_kind[entity], self._entity_curie[entity],
                          self._entity_label[entity], self._entity_label[entity], "name",
                          self._entity_weight[entity])
                for entity in self._browse.get((kind, key), ())]

    # ----------------------------------------------------------------------- parsing

    def _parse(self, query: object, kind: object) -> _Query | None:
        """The query's identifier matches and normalised text, or None if unusable."""
        kinds = tuple(k for k in ENTITY_KINDS if kind is None or k == kind)
        if not kinds or not is_usable_query(query):
            return None
        identifiers = self._identifier_matches(query, kinds)
        curie = normalize_curie(query.strip())
        if curie is not None and any(c.isdigit() for c in curie.partition(":")[2]):
            # "OMIM:613065" or "hp_0006721" is a lookup, not words to find in names
            return _Query(kinds, identifiers, "")
        text = normalize(query)
        return _Query(kinds, identifiers, text) if text or identifiers else None

    def _identifier_matches(self, query: str, kinds: tuple[EntityKind, ...]
                            ) -> list[tuple[int, str]]:
        """Entities holding an identifier the query spells, in candidate order."""
        text = query.strip()
        matches: list[tuple[int, str]] = []
        for curie in dict.fromkeys([*candidate_curies(text), text]):
            matches += [(entity, curie) for entity in self._identifiers.get(curie, ())
                        if self._entity_kind[entity] in kinds]
        return matches

    def _match_words(self, query: _Query) -> list[_QueryWord]:
        """The meaningful words, each matching itself, longer words or near spellings."""
        words = []
        for text in query.meaningful:
            word = self._word(text, query.kinds, prefix=len(text) >= _MIN_PREFIX)
            word.prefix = word.prefix and word.size() > word.size(exact=True)
            if not word.size():
                word = self._word(text, query.kinds, near=_max_typos(text))
            words.append(word)
        return words

    def _word(self, text: str, kinds: tuple[EntityKind, ...], *, prefix: bool = False,
              near: int = 0) -> _QueryWord:
        """A query word matched whole, as a prefix, or with up to `near` typos."""
        tables = [self._words[kind] for kind in kinds]
        spellings = self._near_words(text, near) if near else {}
        return _QueryWord(text, tables, self._entry_words, prefix=prefix, near=spellings)

    def _near_words(self, word: str, max_distance: int) -> dict[str, int]:
        """Vocabulary words within max_distance edits (a transposition counts as one)."""
        if max_distance <= 0:
            return {}
        cached = self._near_cache.get((word, max_distance))
        if cached is not None:
            return cached
        # Only words of a length within reach can be near: one contiguous slice.
        lo = bisect_left(self._vocabulary_lengths, len(word) - max_distance)
        hi = bisect_right(self._vocabulary_lengths, len(word) + max_distance)
        matches = process.extract(word, self._vocabulary[lo:hi], scorer=OSA.distance,
                                  score_cutoff=max_distance, limit=None)
        near = {other: int(distance) for other, distance, _ in matches}
        if len(self._near_cache) >= _NEAR_CACHE:  # search and count parse the same query
            self._near_cache.clear()
        self._near_cache[(word, max_distance)] = near
        return near

    # ----------------------------------------------------------------------- ranking

    def _bands(self, query: _Query, words: list[_QueryWord]) -> Iterator[_Band]:
        """Candidates, best band first; a band is computed only when the page reaches it."""
        if not words:
            return
        n, static = len(words), self._entry_static.__getitem__
        complete = all(word.size() for word in words)
        typos = [word for word in words if word.near]
        if complete and not typos:
            exact = self._exact_names(query, words)
            yield _Band(_EXACT_NAME, [(n, self._picker(exact, static))], [])
        if complete and typos:
            full = _matching_all(words)
            yield _Band(_TYPOS, [(n, self._typo_picker(full, typos))], typos)
        elif complete and n == 1:  # one word: its runs are in rank order, no sets needed
            text, kinds = words[0].text, query.kinds
            yield _Band(_WHOLE_WORDS, [(1, lambda k, seen: self._best_with_word(
                text, kinds, k, seen))], [])
            if words[0].prefix:
                yield _Band(_PREFIXES, [(1, lambda k, seen: self._best_of_tables(
                    self._words, text, kinds, k, seen))], [])
            return
        elif complete:
            whole = _matching_all(words, exact=True)
            full = _matching_all(words) if any(w.prefix for w in words) else whole
            yield _Band(_WHOLE_WORDS, [(n, self._picker(whole, static))], [])
            yield _Band(_PREFIXES, [(n, self._picker(full - whole, static))], [])
        else:
            full = set()
        yield from self._partial_bands(words, full)

    def _exact_names(self, query: _Query, words: list[_QueryWord]) -> list[int]:
        """Entries whose words are exactly the query's words, in any order."""
        every = query.words
        if len(every) <= 4:  # few orders: look each one up among the names
            texts = {" ".join(order) for order in permutations(every)}
            return [entry for text in texts for kind in query.kinds
                    for entry in self._names[kind].run(text, whole=True)]
        target, entry_words = frozenset(every), self._entry_words
        return [entry for entry in _matching_all(words, exact=True)
                if len(entry_words[entry]) == len(target)
                and target.issuperset(entry_words[entry])]

    def _partial_bands(self, words: list[_QueryWord], full: set[int]) -> Iterator[_Band]:
        """Partial matches, by the share of the query's information they match."""
        by_step: dict[int, list[tuple[int, _Picker]]] = defaultdict(list)
        for share, matched, entries in self._partial_groups(words, full):
            step = min(int(share * _PARTIAL_STEPS), _PARTIAL_STEPS - 1)
            by_step[step].append((matched, self._picker(entries, self._entry_static.__getitem__)))
        for step in sorted(by_step, reverse=True):
            yield _Band(step * _PARTIAL_STEP, by_step[step], [])

    def _partial_groups(self, words: list[_QueryWord], full: set[int]
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
            return mask.bit_count() >= need and share(mask) >= _MIN_SHARE

        if n <= _SUBSET_WORDS:
            groups: list[tuple[float, int, Collection[int]]] = []
            for mask in range(1, (1 << n) - 1):
                members = [words[i] for i in range(n) if mask >> i & 1]
                if qualifies(mask) and all(sizes[i] for i in range(n) if mask >> i & 1):
                    entries = _matching_all(members) - full
                    if entries:
                        groups.append((share(mask), mask.bit_count(), entries))
            return groups
        return [(share(mask), mask.bit_count(), entries) for mask, entries
                in self._partial_masks(words, idf, full).items() if qualifies(mask)]

    def _partial_masks(self, words: list[_QueryWord], idf: list[float], full: set[int]
                       ) -> dict[int, list[int]]:
        """Entries by the mask of words they match, for queries with many words."""
        # Entries holding only the commonest words cannot reach half the information,
        # so candidates come from the rarer words alone.
        common, acc, total = set(), 0.0, sum(idf)
        for i in sorted(range(len(words)), key=idf.__getitem__):
            if acc + idf[i] >= _MIN_SHARE * total:
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
        return lambda k, seen: _best_distinct(entries, k, seen, key, self._entry_entity)

    def _typo_picker(self, entries: set[int], typos: list[_QueryWord]) -> _Picker:
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

    def _in_band(self, entry: int, matched: int, typos: list[_QueryWord]) -> float:
        """Score inside a band: extra words cost 1 each; field, weight and typos adjust."""
        extra = min(max(self._entry_meaningful[entry] - matched, 0), _MAX_EXTRA_WORDS)
        quality = self._typo_quality(entry, typos) if typos else 0.0
        return self._entry_bonus[entry] - extra + quality

    def _typo_quality(self, entry: int, typos: list[_QueryWord]) -> float:
        """Up to _TYPO_QUALITY: higher when the matched words need fewer edits."""
        words = self._entry_words[entry]
        total = 0.0
        for typo in typos:
            distance = min((typo.near.get(word, len(typo.text)) for word in words),
                           default=len(typo.text))
            total += 1.0 - min(distance / len(typo.text), 1.0)
        return _TYPO_QUALITY * total / len(typos)

    # ------------------------------------------------------------------ autocomplete

    def _best_of_tables(self, tables: dict[EntityKind, _PrefixTable], prefix: str,
                        kinds: tuple[EntityKind, ...], k: int, seen: set[int]) -> list[int]:
        """Best k entries under the prefix across the kinds' tables, by static rank."""
        if k <= 0:
            return []
        picked = list(chain.from_iterable(tables[kind].best(prefix, k, seen) for kind in kinds))
        picked.sort(key=self._entry_static.__getitem__, reverse=True)
        return picked[:k]

    def _completions(self, query: _Query, k: int, seen: set[int]) -> list[int]:
        """Entries with every earlier word (typos allowed) and a word starting with the last."""
        *earlier, last = query.text.split()
        kinds, required = query.kinds, []
        for text in dict.fromkeys(word for word in earlier if not is_stopword(word)):
            word = self._word(text, kinds)
            required.append(word if word.size() else self._word(text, kinds,
                                                                near=_max_typos(text)))
        ending = self._word(last, kinds, prefix=True)
        if not ending.size():  # nothing starts with it: perhaps misspelt, as a whole word
            ending = self._word(last, kinds, near=_max_typos(last))
        if not required and not ending.near:
            return self._best_of_tables(self._words, last, kinds, k, seen)
        if not all(word.size() for word in [*required, ending]):
            return []
        candidates = _matching_all([*required, ending])
        return _best_distinct(candidates, k, seen, self._entry_static.__getitem__,
                              self._entry_entity)

    # ----------------------------------------------------------------------- suggest

    def _suggestion_pool(self, query: _Query) -> Collection[int]:
        """Entries holding a query word, a word it begins or, for unknown words, a near one."""
        pool: set[int] = set()
        static = self._entry_static.__getitem__
        for text in query.words:
            if len(text) < _MIN_PREFIX or is_stopword(text):
                continue
            word = self._word(text, ENTITY_KINDS, prefix=True)
            if not word.size():  # looser than search: two edits from six letters on
                word = self._word(text, ENTITY_KINDS, near=1 if len(text) < 6 else 2)
            if not word.size():  # badly misspelt: names sharing its first letters
                word = self._word(text[:_SUGGEST_STEM], ENTITY_KINDS, prefix=True)
            if word.size() <= _SUGGEST_POOL:
                pool |= word.found()
            elif not word.near:  # a common word: its best entries are enough
                pool.update(self._best_of_tables(self._words, word.text, ENTITY_KINDS,
                                                 _PRECOMPUTED, set()))
        if len(pool) > _SUGGEST_POOL:
            return heapq.nlargest(_SUGGEST_POOL, pool, key=static)
        return pool

    # ----------------------------------------------------------------------- results

    def _identifier_hits(self, identifiers: list[tuple[int, str]]) -> list[SearchHit]:
        hits: list[SearchHit] = []
        taken: set[int] = set()
        for entity, curie in identifiers:
            if entity not in taken:
                taken.add(entity)
                weight = min(self._entity_weight[entity], _MAX_WEIGHT)
                hits.append(SearchHit(self._entity_kind[entity], self._entity_curie[entity],
                                      self._entity_label[entity], curie, "identifier",
                                      _IDENTIFIER + weight * _WEIGHT_BONUS_PER_UNIT))
        return hits

    def _hit(self, entry: int, score: float) -> SearchHit:
        entity = self._entry_entity[entry]
        return SearchHit(self._entity_kind[entity], self._entity_curie[entity],
                         self._entity_label[entity], self._entry_text[entry],
                         self._entry_field[entry], score)
