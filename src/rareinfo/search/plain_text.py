"""Finding a page by the words of its plain-language texts, after every name match.

"copper builds up in the liver" names no disease, but MedlinePlus' text on Wilson disease
says it. :class:`WithPlainText` wraps either searcher (in memory or PostgreSQL): its own
hits come first, unchanged; pages whose linked plain-language sections hold every
meaningful word of the query as whole words follow, scored below every other hit, most
matching sections first. The matching is one SQL query on the snapshot, the same on
SQLite and PostgreSQL.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import replace

from sqlalchemy import Engine, and_, func, literal, select

from rareinfo.kb import schema
from rareinfo.normalize import clean_query, meaningful_words, normalize
from rareinfo.search.base import EntityKind, Searcher, SearchHit

# Text hits score below every band of rareinfo.search.ranking (whose lowest is 0).
TEXT_SCORE = -1.0
# The most name hits looked at to keep a page from being listed twice.
MAX_NAME_HITS = 1000
MAX_WORDS = 8  # a longer query is a sentence, not words to look for
CACHED_QUERIES = 256
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_LIKE_SPECIAL = re.compile(r"([%_\\])")


class WithPlainText:
    """A searcher that also finds disease pages by the words of their plain texts."""

    def __init__(self, inner: Searcher, engine: Engine) -> None:
        self.inner = inner
        self.engine = engine
        # A result page asks for hits and for the count: one scan of the texts serves
        # both. The searcher lives as long as its snapshot, so cached pages stay right.
        self._pages: OrderedDict[str, list[SearchHit]] = OrderedDict()
        self._lock = threading.Lock()

    def search(self, query: str, *, kind: EntityKind | None = None, limit: int = 20,
               offset: int = 0) -> list[SearchHit]:
        """The inner searcher's hits, then the pages found by their texts."""
        hits = self.inner.search(query, kind=kind, limit=limit, offset=offset)
        if kind == "phenotype" or len(hits) == limit:
            return hits
        named = self.inner.count(query, kind=kind)
        text_offset = max(0, offset - named)
        extra = self.text_hits(query, exclude=self._named(query, kind, named),
                               limit=limit - len(hits) + text_offset)
        return hits + extra[text_offset:]

    def count(self, query: str, *, kind: EntityKind | None = None) -> int:
        """Entities search() can return: the inner ones and the text-only pages."""
        named = self.inner.count(query, kind=kind)
        if kind == "phenotype":
            return named
        return named + len(self.text_hits(query, exclude=self._named(query, kind, named),
                                          limit=None))

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

    def _named(self, query: str, kind: EntityKind | None, named: int) -> set[str]:
        if not named:
            return set()
        return {h.curie for h in self.inner.search(query, kind=kind,
                                                   limit=min(named, MAX_NAME_HITS))}

    def text_hits(self, query: str, *, exclude: set[str] | None = None,
                  limit: int | None = 20) -> list[SearchHit]:
        """Pages whose plain texts hold every meaningful query word, most sections first."""
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
        kept = [h for h in found if h.curie not in (exclude or set())]
        kept = kept if limit is None else kept[:limit]
        return [replace(h, score=TEXT_SCORE - rank) for rank, h in enumerate(kept)]

    def _scan(self, query: str) -> list[SearchHit]:
        cleaned = clean_query(query)
        words = meaningful_words(normalize(cleaned)) if cleaned else []
        if not words or len(words) > MAX_WORDS:
            return []
        s, link, d = schema.plain_section, schema.plain_link, schema.disease
        padded = literal(" ") + s.c.norm + literal(" ")
        matches = and_(*(padded.like(_like_word(w), escape="\\") for w in words))
        statement = (select(d.c.id, d.c.name, func.count().label("sections"),
                            func.min(s.c.id).label("first"))
                     .select_from(s.join(link, link.c.document_id == s.c.document_id)
                                  .join(d, d.c.id == link.c.disease_id))
                     .where(matches).group_by(d.c.id, d.c.name)
                     .order_by(func.count().desc(), d.c.name))
        with self.engine.connect() as conn:
            rows = list(conn.execute(statement))
            firsts = {r.first: r.id for r in rows}
            texts = {row.id: row.words for row in conn.execute(
                select(s.c.id, s.c.words).where(s.c.id.in_(list(firsts))))} if firsts else {}
        return [SearchHit("disease", r.id, r.name, _excerpt(texts.get(r.first, ""), words),
                          "text", TEXT_SCORE - rank)
                for rank, r in enumerate(rows)]


def _like_word(word: str) -> str:
    """A LIKE pattern for the word standing alone ("_" and "%" taken literally)."""
    return "% " + _LIKE_SPECIAL.sub(r"\\\1", word) + " %"


def _excerpt(text: str, words: list[str]) -> str:
    """The first sentence holding the first query word (what the hit shows as matched)."""
    for sentence in _SENTENCE.split(text):
        if words[0] in normalize(sentence).split():
            return sentence[:300]
    return text[:300]
