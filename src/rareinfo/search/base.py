"""The search interface the web pages, the API and the command line use.

Two implementations: ``rareinfo.search.memory.SearchIndex`` (in memory, for SQLite) and
``rareinfo.search.pg.PgSearch`` (SQL over the snapshot, for PostgreSQL). Both follow the
ranking policy of ``rareinfo.search.ranking`` and agree on a shared test set
(tests/integration/test_search_agreement.py). The types here belong to neither.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol, get_args

EntityKind = Literal["disease", "phenotype", "gene"]
# "text": words of a page's plain-language texts (rareinfo.search.plain_text), ranked last.
MatchField = Literal["name", "synonym", "layperson", "identifier", "text"]

ENTITY_KINDS: tuple[EntityKind, ...] = get_args(EntityKind)
MATCH_FIELDS: tuple[MatchField, ...] = get_args(MatchField)


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


class Searcher(Protocol):
    """Finds diseases and phenotypes by name, synonym, identifier or a typed prefix."""

    def search(self, query: str, *, kind: EntityKind | None = None, limit: int = 20,
               offset: int = 0) -> list[SearchHit]:
        """Entities matching the query, best first, one hit per entity."""
        ...

    def count(self, query: str, *, kind: EntityKind | None = None) -> int:
        """Total number of entities that search() can return for the query."""
        ...

    def found_ids(self, query: str, *, kind: EntityKind | None = None,
                  limit: int = 1000) -> frozenset[str]:
        """The identifiers of the first `limit` entities that search() returns, as a set."""
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
