"""Finding a page by the words of its plain-language texts, after every name match.

"copper builds up in the liver" names no disease, but MedlinePlus' text on Wilson disease
says it. :class:`WithPlainText` wraps either searcher (in memory or PostgreSQL): its own
hits come first, unchanged; pages whose linked plain-language sections hold every
meaningful word of the query as whole words follow, scored below every other hit, most
matching sections first.

The words are found through a full-text index that :func:`index_plain_texts` derives at
build time from the sections' normalised words (``plain_section.norm``): an FTS5 table on
SQLite, a ``tsvector`` column with a GIN index on PostgreSQL. Both hold exactly the
words of ``norm`` (no stemming, no stop words: normalisation stays in Python), so both
backends find the same sections, as the former LIKE scan of every section did.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import Engine, Select, func, select, text
from sqlalchemy.sql.elements import TextClause

from rareinfo.kb import schema
from rareinfo.normalize import clean_query, count_words, meaningful_words, normalize
from rareinfo.search.base import EntityKind, Searcher, SearchHit

# Text hits score below every band of rareinfo.search.ranking (whose lowest is 0).
TEXT_SCORE = -1.0
# The most name hits looked at to keep a page from being listed twice.
MAX_NAME_HITS = 1000
MAX_WORDS = 8  # a longer query is a sentence, not words to look for
CACHED_QUERIES = 256
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
# SQLite: a contentless FTS5 table (rowid = plain_section.id); the words are normalised
# already, and every query word is one token, so no positions are kept (detail=none).
FTS_TABLE = "plain_section_fts"
VOCABULARY_TABLE = "plain_section_words"  # fts5vocab over it, made for a moment
_SQLITE_INDEX = (
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(norm, content='', columnsize=0, "
    "detail=none, tokenize='unicode61 remove_diacritics 0')",
    f"INSERT INTO {FTS_TABLE} (rowid, norm) SELECT id, norm FROM plain_section",
)
# PostgreSQL: the words of norm as a tsvector, as search_entry's (decisions/0009).
_POSTGRES_INDEX = (
    "ALTER TABLE plain_section ADD COLUMN terms tsvector GENERATED ALWAYS AS "
    "(array_to_tsvector(array_remove(string_to_array(norm, ' '), ''))) STORED",
    "CREATE INDEX plain_section_terms ON plain_section USING gin (terms)",
)
_WORD = re.compile(r"[a-z0-9]+")


def index_plain_texts(engine: Engine) -> None:
    """Derive the full-text index of the plain-language sections (a build's search step)."""
    statements = _POSTGRES_INDEX if engine.dialect.name == "postgresql" else _SQLITE_INDEX
    with engine.begin() as conn:
        for statement in statements:
            conn.execute(text(statement))


def _matching(dialect: str) -> TextClause:
    """Sections holding every word of ``:terms``, through the backend's full-text index."""
    if dialect == "postgresql":
        return text("plain_section.terms @@ CAST(:terms AS tsquery)")
    return text(f"plain_section.id IN (SELECT rowid FROM {FTS_TABLE} "
                f"WHERE {FTS_TABLE} MATCH :terms)")


def _terms(dialect: str, words: list[str]) -> str:
    """The words as the ``:terms`` of :func:`_matching`: all of them, each whole."""
    if dialect == "postgresql":
        return " & ".join(f"'{w}'" for w in words)
    return " ".join(f'"{w}"' for w in words)


def _pages_statement(dialect: str) -> Select[tuple[str, str, int]]:
    """Pages whose linked sections hold every word, most matching sections first."""
    s, link, d = schema.plain_section, schema.plain_link, schema.disease
    return (select(d.c.id, d.c.name, func.min(s.c.id).label("first"))
            .select_from(s.join(link, link.c.document_id == s.c.document_id)
                         .join(d, d.c.id == link.c.disease_id))
            .where(_matching(dialect)).group_by(d.c.id, d.c.name)
            .order_by(func.count().desc(), d.c.name))


class WithPlainText:
    """A searcher that also finds disease pages by the words of their plain texts."""

    def __init__(self, inner: Searcher, engine: Engine) -> None:
        self.inner = inner
        self.engine = engine
        # A result page asks for hits and for the count: one scan of the texts serves
        # both. The searcher lives as long as its snapshot, so cached pages stay right.
        self._pages: OrderedDict[str, _Found] = OrderedDict()
        self._names: OrderedDict[tuple[str, EntityKind | None], frozenset[str]] = (
            OrderedDict())
        self._lock = threading.Lock()
        # Made once: building and compiling the statement cost more than running it.
        self._statement = _pages_statement(engine.dialect.name)
        self._vocabulary: frozenset[str] | None = None  # every word of the texts (SQLite)

    def search(self, query: str, *, kind: EntityKind | None = None, limit: int = 20,
               offset: int = 0) -> list[SearchHit]:
        """The inner searcher's hits, then the pages found by their texts."""
        hits = self.inner.search(query, kind=kind, limit=limit, offset=offset)
        # Most queries are found by no text: then the names alone answer, and nothing
        # needs to know which pages the names found.
        if kind == "phenotype" or len(hits) == limit or not self._found(query).pages:
            return hits
        if offset == 0:  # fewer hits than asked for: these are all the names find
            text_offset, exclude = 0, self._named(query, kind, hits)
        else:
            text_offset = max(0, offset - self.inner.count(query, kind=kind))
            exclude = self._named(query, kind)
        extra = self.text_hits(query, exclude=exclude,
                               limit=limit - len(hits) + text_offset)
        return hits + extra[text_offset:]

    def count(self, query: str, *, kind: EntityKind | None = None) -> int:
        """Entities search() can return: the inner ones and the text-only pages."""
        named = self.inner.count(query, kind=kind)
        pages = self._found(query).pages if kind != "phenotype" else ()
        if not pages:
            return named
        exclude = self._named(query, kind)
        return named + sum(page.id not in exclude for page in pages)

    def autocomplete(self, prefix: str, *, kind: EntityKind | None = None,
                     limit: int = 10) -> list[SearchHit]:
        """Completions come from names only."""
        return self.inner.autocomplete(prefix, kind=kind, limit=limit)

    def suggest(self, query: str, *, limit: int = 5) -> list[SearchHit]:
        """Suggestions come from names only."""
        return self.inner.suggest(query, limit=limit)

    def browse(self, letter: str, *, kind: EntityKind = "disease") -> list[SearchHit]:
        """Browsing is by name."""
        return self.inner.browse(letter, kind=kind)

    def found_ids(self, query: str, *, kind: EntityKind | None = None,
                  limit: int = 1000) -> frozenset[str]:
        """The identifiers of the first `limit` entities that search() returns, as a set."""
        return frozenset(hit.curie for hit in self.search(query, kind=kind, limit=limit))

    def _named(self, query: str, kind: EntityKind | None,
               hits: list[SearchHit] | None = None) -> frozenset[str]:
        """The first MAX_NAME_HITS entities that the names find (all in ``hits``, if given).

        Asked by search() and then count() of one result page: kept beside the pages found.
        """
        key = (query, kind)
        with self._lock:
            known = self._names.get(key)
            if known is not None:
                self._names.move_to_end(key)
                return known
        ids = (frozenset(hit.curie for hit in hits[:MAX_NAME_HITS]) if hits is not None
               else self.inner.found_ids(query, kind=kind, limit=MAX_NAME_HITS))
        with self._lock:
            self._names[key] = ids
            while len(self._names) > CACHED_QUERIES:
                self._names.popitem(last=False)
        return ids

    def text_hits(self, query: str, *, exclude: Collection[str] | None = None,
                  limit: int | None = 20) -> list[SearchHit]:
        """Pages whose plain texts hold every meaningful query word, most sections first."""
        found = self._found(query)
        kept = [page for page in found.pages if page.id not in (exclude or set())]
        kept = kept if limit is None else kept[:limit]
        # Excerpts only for the pages returned: a common word is in hundreds of pages.
        texts = self._texts([page.first for page in kept])
        return [SearchHit("disease", page.id, page.name,
                          _excerpt(*texts.get(page.first, ("", "")), found.words), "text",
                          TEXT_SCORE - rank)
                for rank, page in enumerate(kept)]

    def _found(self, query: str) -> _Found:
        with self._lock:
            found = self._pages.get(query)
            if found is not None:
                self._pages.move_to_end(query)
        if found is None:
            found = self._scan(query)
            with self._lock:
                self._pages[query] = found
                while len(self._pages) > CACHED_QUERIES:
                    self._pages.popitem(last=False)
        return found

    def _texts(self, sections: list[int]) -> dict[int, tuple[str, str]]:
        """Each section's text and its normalised words."""
        if not sections:
            return {}
        s = schema.plain_section
        with self.engine.connect() as conn:
            return {row.id: (row.words, row.norm) for row in conn.execute(
                select(s.c.id, s.c.words, s.c.norm).where(s.c.id.in_(sections)))}

    def _words_of_texts(self) -> frozenset[str] | None:
        """Every word the SQLite full-text index holds, read once; None on PostgreSQL.

        Four queries in ten hold a word that no text holds (a misspelling, a number): those
        are answered without asking the database.
        """
        if self.engine.dialect.name != "sqlite":
            return None
        with self._lock:
            if self._vocabulary is None:
                with self.engine.connect() as conn:  # a temporary table, this connection's
                    conn.execute(text(f"CREATE VIRTUAL TABLE IF NOT EXISTS "
                                      f"temp.{VOCABULARY_TABLE} USING "
                                      f"fts5vocab(main, {FTS_TABLE}, 'row')"))
                    self._vocabulary = frozenset(conn.execute(text(
                        f"SELECT term FROM temp.{VOCABULARY_TABLE}")).scalars())
                    conn.execute(text(f"DROP TABLE temp.{VOCABULARY_TABLE}"))
            return self._vocabulary

    def _scan(self, query: str) -> _Found:
        cleaned = clean_query(query)
        words = meaningful_words(normalize(cleaned)) if cleaned else []
        # normalize() leaves letters and digits only; anything else could not be a word
        # of the index (and is never put into its query syntax).
        if not words or len(words) > MAX_WORDS or not all(_WORD.fullmatch(w) for w in words):
            return _Found(words, ())
        vocabulary = self._words_of_texts()
        if vocabulary is not None and not vocabulary.issuperset(words):
            return _Found(words, ())  # a misspelt or rare word: no section holds them all
        terms = _terms(self.engine.dialect.name, words)
        with self.engine.connect() as conn:
            pages = tuple(_Page(r.id, r.name, r.first)
                          for r in conn.execute(self._statement, {"terms": terms}))
        return _Found(words, pages)


@dataclass(frozen=True, slots=True)
class _Page:
    """A page found by its texts: its first matching section gives the excerpt."""

    id: str
    name: str
    first: int


@dataclass(frozen=True, slots=True)
class _Found:
    """The pages one query finds, best first, and the query's words."""

    words: list[str]
    pages: tuple[_Page, ...]


def _excerpt(text: str, norm: str, words: list[str]) -> str:
    """The first sentence holding the first query word (what the hit shows as matched).

    ``norm`` is the text normalised: where the word first occurs in it tells the sentence,
    found by counting words, which spares normalising every sentence before it (a long
    section took milliseconds).
    """
    try:
        wanted = norm.split().index(words[0])
    except ValueError:
        return text[:300]
    passed = 0
    for sentence in _SENTENCE.split(text):
        passed += count_words(sentence)
        if passed > wanted:
            return sentence[:300]
    return text[:300]
