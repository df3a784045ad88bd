"""Search on PostgreSQL: the ranking of rareinfo.search.index, in SQL over the snapshot.

Every ``search_entry`` row carries ``norm``, its text normalised in Python at build time
(rareinfo.normalize.normalize; identifiers: the canonical CURIE), so both backends see the
same words. The build adds, on PostgreSQL only (``create_search_indexes``):

- ``words``, a stored tsvector of the normalised words (``array_to_tsvector``: no parser,
  no stemming, no stopword list, so a lexeme is exactly one of our words), with a GIN
  index; a query word becomes a tsquery lexeme, ``'word':*`` for a prefix, or an OR of the
  vocabulary words within its typo distance;
- ``search_word`` (kind, word, entries): the vocabulary, with a pg_trgm GIN index that finds
  the candidate spellings of a misspelt word and a B-tree that counts prefixes;
  ``search_stats``: how many texts (for the words' information);
- B-trees over the first 200 characters of ``norm``, collation "C" (identifier look-ups,
  names that begin with what was typed) and over each label's browse letter.

The score bands and in-band adjustments are SearchIndex's constants: identifier; exact full
name in any word order; every word whole; prefixes; typos; partial matches by their share of
the query's information. One SQL statement scores every candidate entry; the best rows come
back through a top-N sort and the best entry of each entity is kept; ``count`` counts the
distinct entities of the same statement. See decisions/0009-postgres-search.md.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA
from sqlalchemy import Connection, Engine, text

from rareinfo.normalize import MAX_QUERY_LENGTH, is_stopword, normalize
from rareinfo.search import ranking
from rareinfo.search.base import ENTITY_KINDS, EntityKind, MatchField, SearchHit
from rareinfo.search.ranking import ParsedQuery, parse_query

# Vocabulary words sharing this much of their trigrams with a misspelt word are checked for
# edit distance. Low, because one edit in a short word breaks most of its trigrams.
_NEAR_SIMILARITY = 0.2
_ANSWER_CACHE = 4096  # answers kept per snapshot (search, count, autocomplete, suggest)
_T = TypeVar("_T")
_ANALYSIS_CACHE = 256  # a results page asks search() and count() for the same query

_WORDS = "e.words"  # tsvector of the normalised words, a stored column (PostgreSQL only)
_BONUS = (f"(CASE e.field WHEN 'name' THEN {ranking.FIELD_BONUS['name']}::float8 "
          f"WHEN 'synonym' THEN {ranking.FIELD_BONUS['synonym']}::float8 ELSE 0::float8 END "
          f"+ least(e.weight, {ranking.MAX_WEIGHT}::float8) "
          f"* {ranking.WEIGHT_BONUS_PER_UNIT}::float8)")
_STATIC = f"({_BONUS} - least(e.meaningful, {ranking.MAX_EXTRA_WORDS}))"
_TEXTS = "e.field <> 'identifier' AND e.kind = ANY(:kinds)"
# The browse shelf of an entry: the first letter of its label, or "0" when that is not an
# ASCII letter (then normalising the label decides, in Python, as SearchIndex does).
_SHELF = "(CASE WHEN e.label ~ '^[A-Za-z]' THEN lower(left(e.label, 1)) ELSE '0' END)"
# What the B-tree over norm holds; queries are at most MAX_QUERY_LENGTH characters long,
# so "norm begins with the query" is "its first MAX_QUERY_LENGTH characters do".
_HEAD = f'(left(e.norm, {MAX_QUERY_LENGTH}) COLLATE "C")'
_FIELD_ORDER = "CASE e.field WHEN 'name' THEN 0 WHEN 'synonym' THEN 1 ELSE 2 END"

_INDEXES = (
    # Stored, not an index expression: GIN rechecks its matches against the row's value.
    "ALTER TABLE search_entry ADD COLUMN words tsvector GENERATED ALWAYS AS "
    "(array_to_tsvector(string_to_array(norm, ' '))) STORED",
    "CREATE INDEX search_entry_words ON search_entry USING gin (words) "
    "WHERE field <> 'identifier'",
    f"CREATE INDEX search_entry_browse ON search_entry (kind, ({_SHELF.replace('e.', '')}))",
    # Bounded: a B-tree entry must fit in a third of a page, whatever a source's text holds.
    f"CREATE INDEX search_entry_norm ON search_entry (({_HEAD.replace('e.', '')}))",
    'CREATE TABLE search_word (kind text NOT NULL, word text COLLATE "C" NOT NULL, '
    "entries integer NOT NULL)",
    # Entries are distinct (entity, text) pairs, as the in-memory index counts them.
    "INSERT INTO search_word SELECT t.kind, w.word, count(*) FROM (SELECT DISTINCT kind, "
    "curie, norm FROM search_entry WHERE field <> 'identifier' AND norm <> '') t CROSS JOIN "
    "LATERAL unnest(tsvector_to_array(array_to_tsvector(string_to_array(t.norm, ' ')))) "
    "AS w(word) GROUP BY t.kind, w.word",
    "CREATE INDEX search_word_word ON search_word (word, kind)",
    "CREATE INDEX search_word_trigrams ON search_word USING gin (word gin_trgm_ops)",
    "CREATE TABLE search_stats AS SELECT count(*)::integer AS entries FROM (SELECT DISTINCT "
    "kind, curie, norm FROM search_entry WHERE field <> 'identifier' AND norm <> '') t",
)


def create_search_indexes(engine: Engine) -> None:
    """Indexes and the vocabulary that PgSearch needs (PostgreSQL, after the rows load)."""
    with engine.begin() as conn:
        for statement in _INDEXES:
            conn.execute(text(statement))


def _lexeme(word: str) -> str:
    """A tsquery lexeme: normalised words hold only letters and digits, quoted anyway."""
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


@dataclass(slots=True)
class _Word:
    """One meaningful query word: matched whole, as a prefix, or by its near spellings."""

    text: str
    prefix: bool
    size: int  # entries it finds (upper bound for near spellings), as SearchIndex counts
    exact_size: int
    near: dict[str, int] = field(default_factory=dict)  # near spelling -> edit distance

    def found(self) -> str | None:
        """The tsquery of the entries this word finds; None when it finds none."""
        if not self.size:
            return None
        if self.near:
            return "(" + " | ".join(_lexeme(word) for word in sorted(self.near)) + ")"
        return _lexeme(self.text) + (":*" if self.prefix else "")


def _identifier_candidates(query: ParsedQuery) -> list[str]:
    """Identifiers to look up: the query as typed equals a stored identifier only if it is
    not a CURIE we parse (PREFIX:local all the same), so word queries skip the look-up."""
    return list(query.candidates) if query.spells_identifier else []


class PgSearch:
    """The Searcher of a PostgreSQL snapshot: SQL over its search_entry table."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._texts: int | None = None
        self._prepared: dict[tuple[str, str, tuple[EntityKind, ...]],
                             tuple[list[SearchHit], list[_Word]]] = {}
        self._lock = threading.Lock()
        # Answers of this snapshot's recent queries: popular searches and every keystroke
        # of autocomplete repeat a lot, and each answer costs several round trips.
        self._answers: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._answers_lock = threading.Lock()

    def _remembered(self, key: tuple[Any, ...], compute: Callable[[], _T]) -> _T:
        with self._answers_lock:
            if key in self._answers:
                self._answers.move_to_end(key)
                return cast(_T, self._answers[key])
        value = compute()
        with self._answers_lock:
            self._answers[key] = value
            while len(self._answers) > _ANSWER_CACHE:
                self._answers.popitem(last=False)
        return value

    # ------------------------------------------------------------------------- queries

    def search(self, query: str, *, kind: EntityKind | None = None, limit: int = 20,
               offset: int = 0) -> list[SearchHit]:
        """Entities matching the query, best first, one hit per entity."""
        return list(self._remembered(("search", query, kind, limit, offset),
                                     lambda: self._search(query, kind, limit, offset)))

    def _search(self, query: str, kind: EntityKind | None, limit: int,
                offset: int) -> list[SearchHit]:
        parsed = parse_query(query, kind)
        if parsed is None or not isinstance(limit, int) or limit <= 0:
            return []
        offset = max(offset, 0) if isinstance(offset, int) else 0
        with self._engine.connect() as conn:
            identified, words = self._prepare(conn, parsed, query)
            page = identified[offset:offset + limit]  # identifiers first, then the bands
            if len(page) < limit and words:
                ranked = self._ranked(conn, parsed, words, [hit.curie for hit in identified])
                if ranked is not None:
                    skip = max(offset - len(identified), 0)
                    page += self._best_entities(conn, *ranked, skip + limit - len(page))[skip:]
        return page

    def count(self, query: str, *, kind: EntityKind | None = None) -> int:
        """Total number of entities that search() can return for the query."""
        return self._remembered(("count", query, kind), lambda: self._count(query, kind))

    def found_ids(self, query: str, *, kind: EntityKind | None = None,
                  limit: int = 1000) -> frozenset[str]:
        """The identifiers of the first `limit` entities that search() returns, as a set."""
        return frozenset(hit.curie for hit in self.search(query, kind=kind, limit=limit))

    def _count(self, query: str, kind: EntityKind | None) -> int:
        parsed = parse_query(query, kind)
        if parsed is None:
            return 0
        with self._engine.connect() as conn:
            identified, words = self._prepare(conn, parsed, query)
            if not words:
                return len(identified)
            ranked = self._ranked(conn, parsed, words, [hit.curie for hit in identified])
            if ranked is None:
                return len(identified)
            sql, params = ranked
            found = conn.execute(text(f"SELECT count(DISTINCT (r.kind, r.curie)) FROM ({sql}) r"),
                                 params).scalar()
        return len(identified) + int(found or 0)

    def autocomplete(self, prefix: str, *, kind: EntityKind | None = None,
                     limit: int = 10) -> list[SearchHit]:
        """Completions of what has been typed: the last word is a prefix, the others whole."""
        return list(self._remembered(("autocomplete", prefix, kind, limit),
                                     lambda: self._autocomplete(prefix, kind, limit)))

    def _autocomplete(self, prefix: str, kind: EntityKind | None,
                      limit: int) -> list[SearchHit]:
        parsed = parse_query(prefix, kind)
        if parsed is None or not isinstance(limit, int) or limit <= 0:
            return []
        with self._engine.connect() as conn:
            identified = self._identifier_hits(conn, parsed)
            hits = identified[:limit]
            if not parsed.text:
                return hits
            seen = [hit.curie for hit in identified]
            begins = f"{_HEAD} >= :text AND {_HEAD} < :beyond"
            hits += self._best_static(conn, begins, {"text": parsed.text,
                                                     "beyond": parsed.text + ranking.BEYOND},
                                      parsed.kinds, limit - len(hits), seen, ranking.BEGINS)
            if len(hits) < limit:
                contains = self._completions(conn, parsed)
                if contains is not None:
                    hits += self._best_static(
                        conn, f"{_WORDS} @@ CAST(:contains AS tsquery)",
                        {"contains": contains}, parsed.kinds, limit - len(hits),
                        [*seen, *(hit.curie for hit in hits)], ranking.CONTAINS)
        return hits

    def suggest(self, query: str, *, limit: int = 5) -> list[SearchHit]:
        """Names nearest to the query as whole strings, for "Did you mean ...?"."""
        return list(self._remembered(("suggest", query, limit),
                                     lambda: self._suggest(query, limit)))

    def _suggest(self, query: str, limit: int) -> list[SearchHit]:
        parsed = parse_query(query, None)
        if parsed is None or not parsed.text or not isinstance(limit, int) or limit <= 0:
            return []
        with self._engine.connect() as conn:
            rows = self._suggestion_pool(conn, parsed)
        choices = {i: " ".join(dict.fromkeys(row.norm.split())) for i, row in enumerate(rows)}
        shortlist = process.extract(parsed.text, choices, scorer=fuzz.WRatio, processor=None,
                                    limit=4 * limit + 8, score_cutoff=ranking.SUGGEST_CUTOFF)
        # As SearchIndex.suggest: WRatio averaged with the whole-string token_sort_ratio.
        similarity = {i: (score + fuzz.token_sort_ratio(parsed.text, name)) / 2
                      for name, score, i in shortlist}
        order = sorted(similarity, key=lambda i: (-similarity[i], -rows[i].static))
        hits: list[SearchHit] = []
        taken: set[tuple[str, str]] = set()
        for i in order:
            row = rows[i]
            if (row.kind, row.curie) not in taken and len(hits) < limit:
                taken.add((row.kind, row.curie))
                hits.append(SearchHit(row.kind, row.curie, row.label, row.text, row.field,
                                      similarity[i]))
        return hits

    def _suggestion_pool(self, conn: Connection, query: ParsedQuery) -> list[Any]:
        """Entries holding a query word, a word it begins or, for unknown words, a near one.

        As SearchIndex builds its pool: a word found in many entries adds only its best
        ones; a word too garbled to be near any adds the names sharing its first letters.
        """
        texts = [word for word in query.words
                 if len(word) >= ranking.MIN_PREFIX and not is_stopword(word)]
        if not texts:
            return []
        sizes = self._sizes(conn, [(word, True) for word in texts], ENTITY_KINDS)
        selects: list[str] = []
        params: dict[str, Any] = {"kinds": list(ENTITY_KINDS)}
        for i, (word_text, (exact, run)) in enumerate(zip(texts, sizes, strict=True)):
            word = _Word(word_text, True, run, exact)
            if not run:  # looser than search: two edits from six letters on
                word = self._near(conn, word_text, ENTITY_KINDS, 1 if len(word_text) < 6 else 2)
            if not word.size:
                stem = word_text[:ranking.SUGGEST_STEM]
                exact, run = self._sizes(conn, [(stem, True)], ENTITY_KINDS)[0]
                word = _Word(stem, True, run, exact)
            if not word.size or (word.size > ranking.SUGGEST_POOL and word.near):
                continue
            params[f"w{i}"] = word.found()
            best = " ORDER BY static DESC LIMIT 50" if word.size > ranking.SUGGEST_POOL else ""
            selects.append(
                f"(SELECT e.kind, e.curie, e.label, e.text, e.field, e.norm, {_STATIC} AS static "
                f"FROM search_entry e WHERE {_TEXTS} AND e.norm <> '' "
                f"AND {_WORDS} @@ CAST(:w{i} AS tsquery){best})")
        if not selects:
            return []
        return list(conn.execute(text(
            f"SELECT * FROM ({' UNION '.join(selects)}) pool "
            "ORDER BY static DESC, curie, text LIMIT :pool"),
            {**params, "pool": ranking.SUGGEST_POOL}))

    def browse(self, letter: str, *, kind: EntityKind = "disease") -> list[SearchHit]:
        """Entities whose label starts with the letter, A-Z; "0" or "#" for any other start.

        Alphabetical by label; each hit's score is the entity's weight.
        """
        key = ranking.browse_key(letter, kind)
        if key is None:
            return []
        with self._engine.connect() as conn:
            rows = conn.execute(text(
                "SELECT e.curie, min(e.label) AS label, max(e.weight) AS weight "
                f"FROM search_entry e WHERE e.kind = :kind AND {_SHELF} IN (:k, '0') "
                "GROUP BY e.curie"), {"kind": kind, "k": key}).all()
        entities = []
        for row in rows:
            label = row.label or row.curie
            norm = normalize(label)
            first = norm[0] if norm and "a" <= norm[0] <= "z" else "0"
            if first == key:
                entities.append((norm, label, row.curie, float(row.weight)))
        entities.sort()
        return [SearchHit(kind, curie, label, label, "name", weight)
                for _, label, curie, weight in entities]

    # ------------------------------------------------------------------- identifiers

    def _prepare(self, conn: Connection, query: ParsedQuery, raw: str
                 ) -> tuple[list[SearchHit], list[_Word]]:
        """The identifier hits and analysed words of a query; kept for count() after search()."""
        key = (raw, query.text, query.kinds)
        cached = self._prepared.get(key)
        if cached is not None:
            return cached
        prepared = (self._identifier_hits(conn, query),
                    self._analyse(conn, query) if query.text else [])
        with self._lock:
            if len(self._prepared) >= _ANALYSIS_CACHE:
                self._prepared.clear()
            self._prepared[key] = prepared
        return prepared

    def _identifier_hits(self, conn: Connection, query: ParsedQuery) -> list[SearchHit]:
        """One hit per entity holding an identifier the query spells, in candidate order."""
        identifiers = _identifier_candidates(query)
        if not identifiers:
            return []
        rows = conn.execute(text(
            "SELECT e.kind, e.curie, e.label, e.norm, e.weight FROM search_entry e "
            f"WHERE e.field = 'identifier' AND {_HEAD} = ANY(:ids) "
            "AND e.kind = ANY(:kinds)"),
            {"ids": identifiers, "kinds": list(query.kinds)}).all()
        order = {curie: i for i, curie in enumerate(identifiers)}
        hits: list[SearchHit] = []
        taken: set[tuple[str, str]] = set()
        for row in sorted(rows, key=lambda row: (order[row.norm], row.curie)):
            if (row.kind, row.curie) not in taken:
                taken.add((row.kind, row.curie))
                weight = min(float(row.weight), ranking.MAX_WEIGHT)
                hits.append(SearchHit(row.kind, row.curie, row.label or row.curie, row.norm,
                                      "identifier",
                                      ranking.IDENTIFIER + weight * ranking.WEIGHT_BONUS_PER_UNIT))
        return hits

    # ------------------------------------------------------------------------ words

    def _analyse(self, conn: Connection, query: ParsedQuery) -> list[_Word]:
        """The meaningful words, each matching itself, longer words or near spellings."""
        texts = query.meaningful
        sizes = self._sizes(conn, [(word, len(word) >= ranking.MIN_PREFIX) for word in texts],
                            query.kinds)
        words = []
        for word_text, (exact, run) in zip(texts, sizes, strict=True):
            prefix = len(word_text) >= ranking.MIN_PREFIX and run > exact
            word = _Word(word_text, prefix, run if prefix else exact, exact)
            if not word.size:
                word = self._near(conn, word_text, query.kinds, ranking.max_typos(word_text))
            words.append(word)
        return words

    @staticmethod
    def _sizes(conn: Connection, words: list[tuple[str, bool]], kinds: Sequence[EntityKind]
               ) -> list[tuple[int, int]]:
        """(entries holding the word, entries holding it or, if prefix, a longer word)."""
        rows = conn.execute(text(
            "SELECT q.i, coalesce(sum(s.entries) FILTER (WHERE s.word = q.word), 0), "
            "coalesce(sum(s.entries), 0) FROM unnest(CAST(:words AS text[]), "
            "CAST(:prefixes AS boolean[])) WITH ORDINALITY AS q(word, prefix, i) "
            "LEFT JOIN search_word s ON s.kind = ANY(:kinds) "
            "AND s.word >= q.word COLLATE \"C\" AND s.word < (q.word || CASE WHEN q.prefix "
            "THEN :beyond ELSE chr(1) END) COLLATE \"C\" GROUP BY q.i ORDER BY q.i"),
            {"words": [word for word, _ in words], "prefixes": [p for _, p in words],
             "kinds": list(kinds), "beyond": ranking.BEYOND}).all()
        return [(int(row[1]), int(row[2])) for row in rows]

    def _near(self, conn: Connection, word: str, kinds: Sequence[EntityKind],
              max_distance: int) -> _Word:
        """The word by its near spellings: trigram candidates, then the exact edit distance.

        Edit distance is optimal string alignment (a transposition is one edit), computed
        by rapidfuzz as in SearchIndex; pg_trgm only narrows the vocabulary down.
        """
        if max_distance <= 0:
            return _Word(word, False, 0, 0)
        conn.execute(text("SELECT set_config('pg_trgm.similarity_threshold', :t, true)"),
                     {"t": str(_NEAR_SIMILARITY)})
        rows = conn.execute(text(
            "SELECT word, kind, entries FROM search_word WHERE word % :w "
            "AND length(word) BETWEEN :shortest AND :longest"),
            {"w": word, "shortest": len(word) - max_distance,
             "longest": len(word) + max_distance}).all()
        near: dict[str, int] = {}
        size = 0
        for row in rows:
            distance = OSA.distance(word, row.word, score_cutoff=max_distance)
            if distance <= max_distance:
                near[row.word] = distance
                if row.kind in kinds:
                    size += int(row.entries)
        return _Word(word, False, size, 0, near)

    def _text_count(self, conn: Connection) -> int:
        """Distinct (entity, text) pairs: the N of the words' information (idf)."""
        if self._texts is None:
            self._texts = int(conn.execute(text("SELECT entries FROM search_stats")).scalar()
                              or 0)
        return self._texts

    # ---------------------------------------------------------------------- ranking

    def _ranked(self, conn: Connection, query: ParsedQuery, words: list[_Word], seen: list[str]
                ) -> tuple[str, dict[str, Any]] | None:
        """SQL of every matching entry with its score (unordered), or None if none can match."""
        n = len(words)
        found = [word.found() for word in words]
        complete = all(found)
        typos = [i for i, word in enumerate(words) if word.near]
        params: dict[str, Any] = {"kinds": list(query.kinds), "seen": seen}
        bits = []
        for i, tsquery in enumerate(found):
            params[f"w{i}"] = tsquery
            bits.append(f"({_WORDS} @@ CAST(:w{i} AS tsquery))::int" if tsquery else "0")
        idf = self._information(conn, words)
        total = sum(idf)
        candidates = self._candidates(words, found, idf, complete=complete)
        if candidates is None:
            return None
        params["candidates"] = candidates
        columns = ", ".join(f"{bit} AS b{i}" for i, bit in enumerate(bits))
        matched = " + ".join(f"e.b{i}" for i in range(n))
        full = f"({matched}) = {n}" if complete else "false"
        extra = f"least(greatest(e.meaningful - {n}, 0), {ranking.MAX_EXTRA_WORDS})"
        if complete and typos:
            full_score = (f"{ranking.TYPOS}::float8 + e.bonus - {extra} + "
                          f"{self._typo_quality(words, typos, params)}")
        elif complete:
            params["all_words"] = " & ".join(map(_lexeme, query.words))
            params["n_words"] = len(query.words)
            exact = " & ".join(_lexeme(word.text) for word in words)
            whole = "false"
            if all(word.exact_size for word in words):
                params["whole"] = exact
                whole = "e.tsv @@ CAST(:whole AS tsquery)"
            full_score = (f"(CASE WHEN e.tsv @@ CAST(:all_words AS tsquery) AND length(e.tsv) "
                          f"= :n_words THEN {ranking.EXACT_NAME}::float8 WHEN {whole} THEN "
                          f"{ranking.WHOLE_WORDS}::float8 ELSE {ranking.PREFIXES}::float8 END) "
                          f"+ e.bonus - {extra}")
        else:
            full_score = "NULL::float8"
        partial = "NULL::float8"
        if n >= 2 and total > 0:
            params.update({f"idf{i}": idf[i] for i in range(n)}, total=total)
            share = ("(" + " + ".join(f"e.b{i} * CAST(:idf{i} AS float8)" for i in range(n))
                     + ") / CAST(:total AS float8)")
            steps = ranking.PARTIAL_STEPS
            partial = (f"CASE WHEN ({matched}) >= {(n + 1) // 2} AND {share} >= "
                       f"{ranking.MIN_SHARE} THEN least(floor({share} * {steps}), {steps - 1}) "
                       f"* {ranking.PARTIAL_STEP}::float8 + e.bonus - least(greatest("
                       f"e.meaningful - ({matched}), 0), {ranking.MAX_EXTRA_WORDS}) END")
        sql = (
            "SELECT s.kind, s.curie, s.label, s.text, s.field, s.field_order, s.score "
            "FROM (SELECT e.kind, e.curie, e.label, e.text, e.field, e.field_order, "
            f"CASE WHEN {full} THEN {full_score} ELSE {partial} END AS score FROM ("
            f"SELECT e.kind, e.curie, e.label, e.text, e.field, e.meaningful, {_FIELD_ORDER} "
            f"AS field_order, {_BONUS} AS bonus, {_WORDS} AS tsv, {columns} "
            f"FROM search_entry e WHERE {_TEXTS} AND e.norm <> '' AND NOT e.curie = ANY(:seen) "
            f"AND {_WORDS} @@ CAST(:candidates AS tsquery) OFFSET 0) e) s "
            "WHERE s.score IS NOT NULL")
        return sql, params

    @staticmethod
    def _best_entities(conn: Connection, sql: str, params: dict[str, Any], k: int
                       ) -> list[SearchHit]:
        """The k best-scoring entities, each with its best entry.

        Sorting only the best rows (a top-N heap) and dropping an entity's lesser entries
        here is far cheaper than DISTINCT ON, which sorts every candidate.
        """
        statement = text(f"SELECT r.kind, r.curie, r.label, r.text, r.field, r.score "
                         f"FROM ({sql}) r "
                         "ORDER BY r.score DESC, r.curie, r.field_order, r.text LIMIT :pool")
        pool = 2 * k + 16
        while True:
            rows = conn.execute(statement, {**params, "pool": pool}).all()
            hits: list[SearchHit] = []
            taken: set[tuple[str, str]] = set()
            for row in rows:
                if (row.kind, row.curie) not in taken:
                    taken.add((row.kind, row.curie))
                    hits.append(_hit(row))
            if len(hits) >= k or len(rows) < pool:
                return hits[:k]
            pool *= 4

    def _information(self, conn: Connection, words: list[_Word]) -> list[float]:
        """Each word's information (idf); none for numbers and words found nowhere."""
        texts = self._text_count(conn)
        return [math.log(1 + texts / (1 + word.size))
                if word.size and not word.text.isdigit() else 0.0 for word in words]

    @staticmethod
    def _candidates(words: list[_Word], found: list[str | None], idf: list[float], *,
                    complete: bool) -> str | None:
        """A tsquery every scored entry matches: all words, or one of the rarer words.

        A partial match needs half the query's information, so entries holding only the
        commonest words (together under half of it) cannot qualify.
        """
        total = sum(idf)
        rare: list[str] = []
        if len(words) >= 2 and total > 0:
            common, acc = set(), 0.0
            for i in sorted(range(len(words)), key=idf.__getitem__):
                if acc + idf[i] >= ranking.MIN_SHARE * total:
                    break
                acc += idf[i]
                common.add(i)
            rare = [tsquery for i, tsquery in enumerate(found)
                    if tsquery and i not in common and idf[i]]
        if rare:
            return " | ".join(rare)
        if complete:
            return " & ".join(cast(list[str], found))
        return None

    @staticmethod
    def _typo_quality(words: list[_Word], typos: list[int], params: dict[str, Any]) -> str:
        """SQL of up to ranking.TYPO_QUALITY: higher when the matched words need fewer edits."""
        terms = []
        for i in typos:
            word = words[i]
            cases = []
            for distance in sorted(set(word.near.values())):
                name = f"t{i}_{distance}"
                params[name] = " | ".join(_lexeme(w) for w, d in sorted(word.near.items())
                                          if d == distance)
                cases.append(f"WHEN e.tsv @@ CAST(:{name} AS tsquery) THEN {distance}")
            length = len(word.text)
            terms.append(f"(1.0::float8 - least((CASE {' '.join(cases)} ELSE {length} END)"
                         f"::float8 / {length}, 1.0::float8))")
        return f"({ranking.TYPO_QUALITY}::float8 * ({' + '.join(terms)}) / {len(typos)})"

    # ------------------------------------------------------------------ autocomplete

    def _completions(self, conn: Connection, query: ParsedQuery) -> str | None:
        """tsquery: every earlier word (typos allowed) and a word starting with the last."""
        *earlier, last = query.text.split()
        texts = list(dict.fromkeys(word for word in earlier if not is_stopword(word)))
        sizes = self._sizes(conn, [*((word, False) for word in texts), (last, True)],
                            query.kinds)
        words = [_Word(word, False, exact, exact) if exact
                 else self._near(conn, word, query.kinds, ranking.max_typos(word))
                 for word, (exact, _) in zip(texts, sizes, strict=False)]
        if sizes[-1][1]:
            words.append(_Word(last, True, sizes[-1][1], sizes[-1][0]))
        else:  # nothing starts with it: perhaps misspelt, as a whole word
            words.append(self._near(conn, last, query.kinds, ranking.max_typos(last)))
        parts = [word.found() for word in words]
        if not all(parts):
            return None
        return " & ".join(cast(list[str], parts))

    def _best_static(self, conn: Connection, condition: str, params: dict[str, Any],
                     kinds: Sequence[EntityKind], k: int, seen: list[str], band: float
                     ) -> list[SearchHit]:
        """Up to k entries meeting the condition, best by static rank, one per entity."""
        if k <= 0:
            return []
        sql = text(
            f"SELECT e.kind, e.curie, e.label, e.text, e.field, {_STATIC} AS static "
            f"FROM search_entry e WHERE {_TEXTS} AND e.norm <> '' AND NOT e.curie = ANY(:seen) "
            f"AND {condition} ORDER BY static DESC, e.curie, {_FIELD_ORDER} LIMIT :pool")
        pool = 4 * k + 16
        while True:
            rows = conn.execute(sql, {**params, "kinds": list(kinds), "seen": seen,
                                      "pool": pool}).all()
            hits: list[SearchHit] = []
            taken: set[tuple[str, str]] = set()
            for row in rows:
                if (row.kind, row.curie) not in taken:
                    taken.add((row.kind, row.curie))
                    hits.append(SearchHit(row.kind, row.curie, row.label, row.text, row.field,
                                          band + float(row.static)))
                    if len(hits) == k:
                        return hits
            if len(rows) < pool:
                return hits
            pool *= 8  # many rows of the same few entities: look deeper


def _hit(row: Any) -> SearchHit:
    field_: MatchField = row.field
    return SearchHit(row.kind, row.curie, row.label, row.text, field_, float(row.score))
