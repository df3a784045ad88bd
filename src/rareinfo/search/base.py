"""The search interface the web pages, the API and the command line use.

Two implementations: ``rareinfo.search.index.SearchIndex`` (in memory, for SQLite) and
``rareinfo.search.pg.PgSearch`` (SQL over the snapshot, for PostgreSQL). Both rank in the
same bands (see rareinfo.search.index) and agree on a shared test set
(tests/integration/test_search_agreement.py).
"""

from __future__ import annotations

from typing import Protocol

from rareinfo.search.index import EntityKind, SearchHit


class Searcher(Protocol):
    """Finds diseases and phenotypes by name, synonym, identifier or a typed prefix."""

    def search(self, query: str, *, kind: EntityKind | None = None, limit: int = 20,
               offset: int = 0) -> list[SearchHit]:
        """Entities matching the query, best first, one hit per entity."""
        ...

    def count(self, query: str, *, kind: EntityKind | None = None) -> int:
        """Total number of entities that search() can return for the query."""
        ...

    def autocomplete(self, prefix: str, *, kind: EntityKind | None = None,
                     limit: int = 10) -> list[SearchHit]:
        """Completions of what has been typed: the last word is a prefix, the others whole."""
        ...

    def suggest(self, query: str, *, limit: int = 5) -> list[SearchHit]:
        """Names nearest to the query as whole strings, for "Did you mean ...?"."""
        ...

    def browse(self, letter: str, *, kind: EntityKind = "disease") -> list[SearchHit]:
        """Entities whose label starts with the letter, A-Z; "0" or "#" for any other start."""
        ...
