"""Search over disease and phenotype names, synonyms and identifiers.

``SearchIndex.build(entries)`` makes an in-memory index from the knowledge base's
``SearchEntry`` rows; ``search``, ``count``, ``autocomplete``, ``suggest`` and ``browse``
answer the pages and the API. ``text`` holds the normalisation shared by names and queries.
"""

from rareinfo.search.index import EntityKind, MatchField, SearchEntry, SearchHit, SearchIndex

__all__ = ["EntityKind", "MatchField", "SearchEntry", "SearchHit", "SearchIndex"]
