"""PostgreSQL search (PgSearch) against the in-memory index, on tiny hand-made data.

Two fixtures: the knowledge base built from the tiny HPO release (on SQLite and on
PostgreSQL: the same behaviour is expected of whichever searcher the snapshot gets), and
the ~20 real names of tests/unit/test_search.py loaded into PostgreSQL beside a SearchIndex
of the same entries, where both must return the same hits with the same scores.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, create_engine, text

from rareinfo.kb import schema, snapshots
from rareinfo.search.base import SearchEntry, Searcher, SearchHit
from rareinfo.search.memory import SearchIndex
from rareinfo.search.pg import PgSearch, create_search_indexes
from rareinfo.search.plain_text import WithPlainText
from rareinfo.search.ranking import normalized_entry
from rareinfo.service.live import LiveSnapshot, PendingSearcher
from tests.pgserver import PostgresServer
from tests.unit.test_search import _entries

# ------------------------------------------------------------------ mini knowledge base


@pytest.fixture(scope="module")
def searcher(mini_kb_url: str, kb_backend: str) -> Searcher:
    index = LiveSnapshot(mini_kb_url).get().index
    assert isinstance(index, WithPlainText)  # names first, then plain-language texts
    # over SQLite the stored index is loaded in a thread, pages answering meanwhile
    inner = index.inner.ready() if isinstance(index.inner, PendingSearcher) else index.inner
    assert isinstance(inner, PgSearch if kb_backend == "postgresql" else SearchIndex)
    return index


def _curies(hits: list[SearchHit]) -> list[str]:
    return [hit.curie for hit in hits]


def test_normalized_entry_matches_the_index_normalisation() -> None:
    assert normalized_entry("Leukaemia, acute (of the) Lymphoblastic", "synonym") == (
        "leukemia acute of the lymphoblastic", 3)
    assert normalized_entry("of the", "name") == ("of the", 2)  # stopwords only: all count
    assert normalized_entry(" hp_0006721 ", "identifier") == ("HP:0006721", 0)
    assert normalized_entry("!!!", "name") == ("", 0)


@pytest.mark.parametrize(("query", "curie"), [
    ("acute lymphoblastic leukemia", "HP:0006721"),
    ("Acute lymphocytic leukaemia", "HP:0006721"),  # a synonym, British spelling
    ("leukemia lymphoblastic acute", "HP:0006721"),
    ("enlarged liver", "HP:0002240"),
    ("hepatomegally", "HP:0002240"),
    ("Wolf-Hirschhorn", "DECIPHER:1"),
    ("HP:0001405", "HP:0002240"),  # an alternative id
    ("hp_0002240", "HP:0002240"),
    ("omim 613065", "OMIM:613065"),
    ("613065", "OMIM:613065"),
])
def test_finds_the_entity_first(searcher: Searcher, query: str, curie: str) -> None:
    hits = searcher.search(query)
    assert hits and hits[0].curie == curie


def test_one_hit_per_entity_best_first_and_count_agrees(searcher: Searcher) -> None:
    for query in ["leukemia", "acute leukemia", "syndrome", "liver", "zzzz", "513",
                  "the acute"]:
        hits = searcher.search(query, limit=100)
        assert len(set(_curies(hits))) == len(hits), query
        assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
        assert searcher.count(query) == len(hits), query
        assert searcher.search(query, limit=1, offset=1) == hits[1:2], query
        assert searcher.found_ids(query) == set(_curies(hits)), query
        assert searcher.found_ids(query, limit=2) == set(_curies(hits[:2])), query


def test_kind_filter_and_identifier_lookup(searcher: Searcher) -> None:
    assert all(hit.kind == "disease" for hit in searcher.search("leukemia", kind="disease"))
    assert searcher.search("HP:0002240", kind="disease") == []
    hit = searcher.search("HP:0002240")[0]
    assert (hit.field, hit.matched_text, hit.label) == ("identifier", "HP:0002240",
                                                        "Hepatomegaly")


def test_autocomplete_suggest_and_browse(searcher: Searcher) -> None:
    assert _curies(searcher.autocomplete("hepato")) == ["HP:0002240"]
    assert "HP:0006721" in _curies(searcher.autocomplete("acute lymph"))
    assert searcher.autocomplete("acute lymph", limit=1)[0].score > 0
    assert searcher.suggest("hepatomegaliiie")[0].curie == "HP:0002240"
    assert "Wolf-Hirschhorn syndrome" in [hit.label for hit in searcher.browse("W")]
    assert all(hit.kind == "phenotype" for hit in searcher.browse("h", kind="phenotype"))
    assert searcher.browse("ab") == [] and searcher.browse("!") == []


@pytest.mark.parametrize("query", ["", "   ", "x" * 201, "a\x00b", "?!*"])
def test_unusable_queries_return_nothing(searcher: Searcher, query: str) -> None:
    assert searcher.search(query) == [] and searcher.count(query) == 0
    assert searcher.autocomplete(query) == [] and searcher.suggest(query) == []


def test_sql_metacharacters_are_only_text(searcher: Searcher) -> None:
    for query in ["'; DROP TABLE search_entry; --", "a' | 'b", "liver:*", "50%", "x_y",
                  "\\", "leukemia & !acute"]:
        searcher.search(query)
        searcher.count(query)
        searcher.autocomplete(query)
        searcher.suggest(query)
    assert searcher.search("liver")  # still there


# ------------------------------------------- the same entries in memory and in PostgreSQL


@pytest.fixture(scope="module")
def pair(postgres: PostgresServer) -> Iterator[tuple[SearchIndex, PgSearch]]:
    entries = _entries()
    engine = _load(postgres.create_database(), entries)
    yield SearchIndex.build(entries), PgSearch(engine)
    engine.dispose()


def _load(url: str, entries: list[SearchEntry]) -> Engine:
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    schema.search_entry.create(engine)
    rows = []
    for e in entries:
        norm, meaningful = normalized_entry(e.text, e.field)
        rows.append({"kind": e.kind, "curie": e.curie, "label": e.label, "text": e.text,
                     "field": e.field, "weight": e.weight, "norm": norm,
                     "meaningful": meaningful})
    snapshots.copy_rows(engine, schema.search_entry, rows)
    create_search_indexes(engine)
    with engine.begin() as conn:
        conn.execute(text("ANALYZE"))
    return engine


def _same(memory: list[SearchHit], sql: list[SearchHit]) -> None:
    """The same hits with the same scores; the order of equal scores may differ."""
    def key(hit: SearchHit) -> tuple[float, str, str, str]:
        return (-round(hit.score, 6), hit.curie, hit.matched_text, hit.field)

    assert sorted(map(key, memory)) == sorted(map(key, sql))
    assert [round(h.score, 6) for h in memory] == [round(h.score, 6) for h in sql]


_QUERIES = [
    "acute lymphoblastic leukemia", "leukemia acute lymphoblastic", "Leukemia, acute myeloid",
    "acute myeloid leukaemia", "leukaemia", "leukemia", "lymphoblastc leukemia",
    "sjorgen syndrome", "Sjögren", "cystic fibrossis", "hepatomegally", "enlarged liver",
    "liver", "hep", "hepato", "spleen", "au", "cml", "cmz", "syndrome", "1", "613065", "513",
    "OMIM:613065", "omim 613065", "Orphanet_513", "HP:6721", "HP:0004803", "MONDO:0013108",
    "marfan zzzz qqqq", "the marfan of zzzz", "marfan syndrome of the type with", "trisomy 1",
    "café au lait", "von recklinghausens disease", "(muscular) dystrophy -- Duchenne!",
    "muscular dystrophy duchenne type", "huntington's chorea", "enlarged liver and spleen",
    "the", "of the", "zzzz", "acute", "acut lymph", "short stature small", "dominant",
]


@pytest.mark.parametrize("query", _QUERIES)
def test_search_and_count_agree_with_the_index(pair: tuple[SearchIndex, PgSearch],
                                               query: str) -> None:
    memory, sql = pair
    for kind in (None, "disease", "phenotype"):
        _same(memory.search(query, kind=kind, limit=100), sql.search(query, kind=kind,
                                                                     limit=100))
        assert memory.count(query, kind=kind) == sql.count(query, kind=kind), (query, kind)
        for limit in (1000, 3):
            found = {hit.curie for hit in memory.search(query, kind=kind, limit=limit)}
            assert memory.found_ids(query, kind=kind, limit=limit) == found, (query, kind)
            assert sql.found_ids(query, kind=kind, limit=limit) == found, (query, kind)


@pytest.mark.parametrize("typed", ["a", "ac", "acute l", "acute lymph", "hepato",
                                   "leukemia acute ly", "acut lymph", "HP:0002240", "613065",
                                   "enlarged l", "zzzz", "sjo", "the"])
def test_autocomplete_agrees_with_the_index(pair: tuple[SearchIndex, PgSearch],
                                            typed: str) -> None:
    memory, sql = pair
    for kind in (None, "phenotype"):
        _same(memory.autocomplete(typed, kind=kind), sql.autocomplete(typed, kind=kind))


def test_browse_agrees_with_the_index(pair: tuple[SearchIndex, PgSearch]) -> None:
    memory, sql = pair
    for letter in "abcdehjlmnsz0#":
        for kind in ("disease", "phenotype"):
            assert memory.browse(letter, kind=kind) == sql.browse(letter, kind=kind)


def test_suggest_offers_the_same_first_name(pair: tuple[SearchIndex, PgSearch]) -> None:
    memory, sql = pair
    for query in ["hepatosplenomegaliiie", "lymphoblastc leukaemia", "cystic fibro",
                  "marfen syndrom"]:
        assert memory.suggest(query)[0].curie == sql.suggest(query)[0].curie, query
    assert sql.suggest("qxzjkv") == []
    assert len(sql.suggest("leukemia", limit=2)) == 2


def test_giant_words_in_a_source_neither_break_the_build_nor_hide_the_name(
        postgres: PostgresServer) -> None:
    giant = "Syndrome " + "x" * 3000 + " of Giants " + "y" * 5000
    entries = [SearchEntry("disease", "TEST:1", giant, giant, "name", 1.0),
               SearchEntry("disease", "TEST:1", giant, "TEST:1", "identifier", 1.0)]
    engine = _load(postgres.create_database(), entries)
    try:
        sql, memory = PgSearch(engine), SearchIndex.build(entries)
        for query in ["giants syndrome", "TEST:1", "syndrome of giants"]:
            assert _curies(sql.search(query)) == _curies(memory.search(query)) == ["TEST:1"]
        assert _curies(sql.autocomplete("syndrome of gi")) == ["TEST:1"]
    finally:
        engine.dispose()
