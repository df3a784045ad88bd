"""The search index on a hand-made list of ~20 real diseases and phenotypes.

Names and identifiers are real (OMIM, Orphanet, Mondo, HPO); TEST:1 is made up to have a
longer name around "acute lymphoblastic leukemia".
"""

from __future__ import annotations

import math
import random
import time

import pytest
from rapidfuzz.distance import OSA

from rareinfo.normalize import clean_query, count_words, normalize, tokenize
from rareinfo.search.base import EntityKind, MatchField, SearchEntry, SearchHit
from rareinfo.search.memory import SearchIndex
from rareinfo.search.postings import letter_masks, within_letters

_ENTITIES: list[tuple[EntityKind, str, str, float, list[tuple[MatchField, str]]]] = [
    ("disease", "OMIM:613065", "Leukemia, acute lymphocytic, susceptibility to, 1", 2.0,
     [("synonym", "Acute lymphoblastic leukemia"), ("synonym", "ALL1"),
      ("identifier", "OMIM:613065"), ("identifier", "MONDO:0013108")]),
    ("disease", "ORPHA:513", "Acute lymphoblastic leukemia", 1.5,  # id as a source spells it:
     [("synonym", "ALL"), ("identifier", "Orphanet_513"), ("identifier", "MONDO:0004967")]),
    ("disease", "TEST:1", "Acute lymphoblastic leukemia, T-cell, relapsed", 4.0,
     [("synonym", "Relapsed T-ALL")]),
    ("disease", "OMIM:601626", "Leukemia, acute myeloid", 3.0,
     [("synonym", "Acute myeloid leukemia"), ("synonym", "AML"),
      ("identifier", "OMIM:601626")]),
    ("disease", "ORPHA:521", "Chronic myeloid leukemia", 1.5,
     [("synonym", "CML"), ("identifier", "ORPHA:521")]),
    ("disease", "OMIM:270150", "Sjögren syndrome", 2.5,
     [("synonym", "Sjogren-Gougerot syndrome"), ("identifier", "OMIM:270150")]),
    ("disease", "OMIM:162200", "Neurofibromatosis, type 1", 3.5,
     [("synonym", "Von Recklinghausen's disease"), ("identifier", "OMIM:162200")]),
    ("disease", "OMIM:154700", "Marfan syndrome", 3.0, [("identifier", "OMIM:154700")]),
    ("disease", "OMIM:163950", "Noonan syndrome 1", 3.0, [("identifier", "OMIM:163950")]),
    ("disease", "OMIM:219700", "Cystic fibrosis", 4.0,
     [("synonym", "Mucoviscidosis"), ("identifier", "OMIM:219700")]),
    ("disease", "OMIM:143100", "Huntington disease", 2.0,
     [("synonym", "Huntington's chorea"), ("identifier", "OMIM:143100")]),
    ("disease", "OMIM:147060", "Hyper-IgE recurrent infection syndrome", 1.0,
     [("synonym", "Job syndrome"), ("identifier", "OMIM:147060")]),
    ("disease", "OMIM:310200", "Duchenne muscular dystrophy", 3.0,
     [("synonym", "Muscular dystrophy, Duchenne type"), ("identifier", "OMIM:310200")]),
    ("phenotype", "HP:0006721", "Acute lymphoblastic leukemia", 1.0,
     [("identifier", "HP:0006721"), ("identifier", "HP:0004803")]),
    ("phenotype", "HP:0002240", "Hepatomegaly", 5.0,
     [("layperson", "Enlarged liver"), ("identifier", "HP:0002240")]),
    ("phenotype", "HP:0001744", "Splenomegaly", 5.0,
     [("layperson", "Enlarged spleen"), ("identifier", "HP:0001744")]),
    ("phenotype", "HP:0001433", "Hepatosplenomegaly", 4.0,
     [("synonym", "Enlarged liver and spleen"), ("identifier", "HP:0001433")]),
    ("phenotype", "HP:0000957", "Café-au-lait spot", 4.5,
     [("synonym", "Cafe au lait macules"), ("layperson", "Light brown birthmark"),
      ("identifier", "HP:0000957")]),
    ("phenotype", "HP:0001250", "Seizure", 6.0,
     [("synonym", "Epileptic seizure"), ("layperson", "Fits"), ("identifier", "HP:0001250")]),
    ("phenotype", "HP:0001638", "Cardiomyopathy", 4.0, [("identifier", "HP:0001638")]),
    ("phenotype", "HP:0004322", "Short stature", 6.0,
     [("layperson", "Small stature"), ("synonym", "Height less than 3rd percentile"),
      ("identifier", "HP:0004322")]),
    ("phenotype", "HP:0001392", "Abnormality of the liver", 2.0,
     [("identifier", "HP:0001392")]),
    ("phenotype", "HP:0000006", "Autosomal dominant inheritance", 0.0,
     [("synonym", "Autosomal dominant"), ("identifier", "HP:0000006")]),
]


# Everything named "Acute lymphoblastic leukemia" (a name or a synonym), the best answers.
_ALL = {"HP:0006721", "ORPHA:513", "OMIM:613065"}


def _entries() -> list[SearchEntry]:
    entries = []
    for kind, curie, label, weight, others in _ENTITIES:
        entries.append(SearchEntry(kind, curie, label, label, "name", weight))
        entries += [SearchEntry(kind, curie, label, text, field, weight) for field, text in others]
    return entries


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex.build(_entries())


def _curies(hits: list[SearchHit]) -> list[str]:
    return [hit.curie for hit in hits]


def _top(index: SearchIndex, query: str, kind: EntityKind | None = None) -> str:
    hits = index.search(query, kind=kind)
    assert hits, f"nothing found for {query!r}"
    return hits[0].curie


# --------------------------------------------------------------------------- text


def test_normalize_folds_case_accents_and_punctuation() -> None:
    assert normalize("Sjögren-Gougerot Syndrome") == "sjogren gougerot syndrome"
    assert normalize("Café-au-lait spot(s)") == "cafe au lait spot s"
    assert normalize("Von Recklinghausen's disease") == "von recklinghausens disease"
    assert normalize("Leukemia, acute lymphocytic, susceptibility to, 1") == (
        "leukemia acute lymphocytic susceptibility to 1")
    assert tokenize("  α-Thalassemia  ") == ["alpha", "thalassemia"]


@pytest.mark.parametrize("text", [
    "Acute lymphoblastic leukaemia (paediatric).", "Crohn's disease; tumour-like",
    "α-thalassemia and β₂-microglobulin", "Sjögren’s syndrome, Æsop", "  ", "3-M syndrome 1",
    "straße under_score", "oedema... coeliac!  haemophilia?"])
def test_count_words_agrees_with_tokenize(text: str) -> None:
    assert count_words(text) == len(tokenize(text))


@pytest.mark.parametrize("raw", ["", "   ", "x" * 201, "acute\x00leukemia", "\x01\x02",
                                 "bad \ud800 surrogate", "replacement \ufffd", "!!!"])
def test_clean_query_rejects_what_nobody_types(raw: str) -> None:
    assert clean_query(raw) is None


# ------------------------------------------------------------------------ finding


def test_len_counts_distinct_entities(index: SearchIndex) -> None:
    assert len(index) == len(_ENTITIES)


@pytest.mark.parametrize(("query", "curie"), [
    ("Leukemia, acute myeloid", "OMIM:601626"),
    ("ACUTE MYELOID LEUKEMIA", "OMIM:601626"),
    ("sjogren syndrome", "OMIM:270150"),
    ("Sjögren", "OMIM:270150"),
    ("cafe au lait spot", "HP:0000957"),
    ("Café au lait", "HP:0000957"),
    ("von recklinghausens disease", "OMIM:162200"),
    ("Von Recklinghausen's disease", "OMIM:162200"),
    ("huntington's chorea", "OMIM:143100"),
    ("(muscular) dystrophy -- Duchenne!", "OMIM:310200"),
    ("enlarged liver", "HP:0002240"),
    ("mucoviscidosis", "OMIM:219700"),
])
def test_finds_by_any_name_ignoring_case_accents_and_punctuation(
        index: SearchIndex, query: str, curie: str) -> None:
    assert _top(index, query) == curie


def test_word_order_does_not_matter(index: SearchIndex) -> None:
    in_order = _curies(index.search("acute lymphoblastic leukemia"))
    reordered = _curies(index.search("leukemia acute lymphoblastic"))
    assert in_order[:3] == reordered[:3]
    assert set(in_order[:3]) == _ALL


def test_the_hit_reports_which_text_matched(index: SearchIndex) -> None:
    hits = index.search("acute lymphoblastic leukemia", kind="disease")
    hit = next(hit for hit in hits if hit.curie == "OMIM:613065")
    assert hit.label == "Leukemia, acute lymphocytic, susceptibility to, 1"
    assert (hit.matched_text, hit.field) == ("Acute lymphoblastic leukemia", "synonym")
    layperson = index.search("enlarged liver")[0]
    assert (layperson.matched_text, layperson.field) == ("Enlarged liver", "layperson")


@pytest.mark.parametrize(("query", "curie"), [
    ("OMIM:613065", "OMIM:613065"),
    ("omim 613065", "OMIM:613065"),
    ("MIM:613065", "OMIM:613065"),
    ("ORPHA:513", "ORPHA:513"),
    ("Orphanet_513", "ORPHA:513"),
    ("HP:0006721", "HP:0006721"),
    ("hp_0006721", "HP:0006721"),
    ("HP:6721", "HP:0006721"),
    ("HP:0004803", "HP:0006721"),  # an alternative id of the same term
    ("MONDO:0013108", "OMIM:613065"),
])
def test_finds_by_identifier_in_any_spelling(index: SearchIndex, query: str,
                                             curie: str) -> None:
    hits = index.search(query)
    assert _curies(hits) == [curie]
    assert hits[0].field == "identifier"
    assert index.count(query) == 1


def test_a_bare_number_finds_the_identifier_first(index: SearchIndex) -> None:
    hits = index.search("613065")
    assert hits[0].curie == "OMIM:613065"
    assert hits[0].matched_text == "OMIM:613065"
    assert index.search("513")[0].curie == "ORPHA:513"


def test_an_identifier_outranks_names(index: SearchIndex) -> None:
    # "1" is ORPHA:1? no; but it is a word in several names: the identifier still leads.
    entries = [*_entries(), SearchEntry("disease", "ORPHA:1", "Type 1 thing", "ORPHA:1",
                                        "identifier", 0.0),
               SearchEntry("disease", "ORPHA:1", "Type 1 thing", "Type 1 thing", "name", 0.0)]
    hits = SearchIndex.build(entries).search("1")
    assert hits[0].curie == "ORPHA:1" and hits[0].field == "identifier"
    assert len(hits) > 1 and all(hit.score < hits[0].score for hit in hits[1:])


# -------------------------------------------------------------------------- typos


@pytest.mark.parametrize(("query", "curies"), [
    ("lymphoblastc leukemia", _ALL),
    ("hepatomegally", {"HP:0002240"}),
    ("hepatomegaly", {"HP:0002240"}),
    ("acute myeloid leukaemia", {"OMIM:601626"}),
    ("sjorgen syndrome", {"OMIM:270150"}),  # a transposition is one edit
    ("cystic fibrossis", {"OMIM:219700"}),
])
def test_typos_still_find_the_entity_first(index: SearchIndex, query: str,
                                           curies: set[str]) -> None:
    assert _top(index, query) in curies


def test_uk_spelling_finds_every_leukemia(index: SearchIndex) -> None:
    hits = index.search("leukaemia")
    assert len(hits) == 6
    assert all("leukemia" in normalize(hit.matched_text) for hit in hits)


def test_short_words_are_never_fuzzy_nor_prefixes(index: SearchIndex) -> None:
    assert _curies(index.search("au")) == ["HP:0000957"]  # not "autosomal ..."
    assert _curies(index.search("cml")) == ["ORPHA:521"]
    assert index.search("cmz") == []  # one edit from "cml", but only three letters


def test_fuzzy_is_only_a_fallback(index: SearchIndex) -> None:
    # "spleen" exists, so "spleen" must not also drag in near words such as "seen".
    assert _curies(index.search("spleen", kind="phenotype")) == ["HP:0001744", "HP:0001433"]


# ------------------------------------------------------------------------ ranking


def test_exact_name_beats_longer_names(index: SearchIndex) -> None:
    hits = index.search("acute lymphoblastic leukemia")
    assert set(_curies(hits[:3])) == _ALL
    assert hits[3].curie == "TEST:1"  # the same words and three more
    assert hits[0].matched_text == "Acute lymphoblastic leukemia"


def test_acute_myeloid_is_not_outranked_by_acute_lymphoblastic(index: SearchIndex) -> None:
    hits = index.search("acute myeloid leukemia")
    assert hits[0].curie == "OMIM:601626"
    lymphoblastic = [hit for hit in hits if "lymph" in normalize(hit.matched_text)]
    assert lymphoblastic, "partial matches are still offered"
    assert all(hit.score < hits[0].score for hit in lymphoblastic)


def _names(*names: tuple[str, float]) -> SearchIndex:
    return SearchIndex.build([SearchEntry("phenotype", f"HP:{i}", text, text, "name", weight)
                              for i, (text, weight) in enumerate(names)])


def test_whole_words_beat_prefixes() -> None:
    index = _names(("Ataxias", 9.0), ("Ataxia of the limbs", 0.0), ("Ataxic gait", 9.0))
    hits = index.search("ataxia")
    assert [hit.matched_text for hit in hits] == ["Ataxia of the limbs", "Ataxias"]
    assert hits[0].score > hits[1].score


def test_fewer_edits_beat_weight_among_typos() -> None:
    index = _names(("Dysplasie", 9.0), ("Dysplasia", 0.0))
    assert [hit.matched_text for hit in index.search("dysplasiia")] == ["Dysplasia",
                                                                       "Dysplasie"]


def test_name_beats_synonym_beats_layperson_then_weight_breaks_ties() -> None:
    def entry(curie: str, field: MatchField, weight: float) -> SearchEntry:
        return SearchEntry("phenotype", curie, f"Label {curie}", "Blue skin", field, weight)

    index = SearchIndex.build([entry("HP:1", "layperson", 9.0), entry("HP:2", "synonym", 5.0),
                               entry("HP:3", "name", 0.0), entry("HP:4", "synonym", 6.0)])
    assert _curies(index.search("blue skin")) == ["HP:3", "HP:4", "HP:2", "HP:1"]


def test_partial_matches_need_half_the_meaningful_words(index: SearchIndex) -> None:
    assert index.search("marfan zzzz qqqq") == []  # one of three words
    assert _curies(index.search("the marfan of zzzz")) == ["OMIM:154700"]  # one of two
    assert _top(index, "marfan syndrome of the type with") == "OMIM:154700"
    assert index.search("trisomy 1") == []  # a number alone is no partial match


def test_partial_matches_rank_below_full_matches(index: SearchIndex) -> None:
    hits = index.search("enlarged liver")
    full = {"HP:0002240", "HP:0001433"}
    assert set(_curies(hits)[:2]) == full
    assert len(hits) > 2 and all(hit.curie not in full for hit in hits[2:])


def test_one_hit_per_entity_and_scores_descend(index: SearchIndex) -> None:
    for query in ["acute lymphoblastic leukemia", "leukemia", "liver", "syndrome", "613065",
                  "enlarged", "leukaemia acute"]:
        hits = index.search(query)
        assert len(set(_curies(hits))) == len(hits), query
        assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)


def test_kind_filters(index: SearchIndex) -> None:
    phenotypes = index.search("acute lymphoblastic leukemia", kind="phenotype")
    diseases = index.search("acute lymphoblastic leukemia", kind="disease")
    assert _curies(phenotypes) == ["HP:0006721"]
    assert diseases and all(hit.kind == "disease" for hit in diseases)
    assert index.count("acute lymphoblastic leukemia", kind="phenotype") == 1
    assert index.search("OMIM:613065", kind="phenotype") == []


def test_count_and_paging_agree_with_search(index: SearchIndex) -> None:
    for query in ["leukemia", "acute myeloid leukemia", "enlarged liver", "leukaemia",
                  "syndrome", "hep", "au", "1", "613065", "acute lymphoblastic leukemia"]:
        everything = index.search(query, limit=1000)
        assert index.count(query) == len(everything), query
        assert index.search(query, limit=2, offset=1) == everything[1:3], query


# ------------------------------------------------------------------- autocomplete


def test_autocomplete_treats_the_last_word_as_a_prefix(index: SearchIndex) -> None:
    completions = _curies(index.autocomplete("acute lymph"))
    assert set(completions) == {*_ALL, "TEST:1"}
    assert _curies(index.autocomplete("hepato"))[:2] == ["HP:0002240", "HP:0001433"]
    assert "OMIM:613065" in _curies(index.autocomplete("leukemia acute lymph"))


def test_autocomplete_tolerates_typos_in_earlier_words(index: SearchIndex) -> None:
    assert set(_curies(index.autocomplete("acut lymph"))) == {*_ALL, "TEST:1"}


def test_autocomplete_limits_filters_and_completes_identifiers(index: SearchIndex) -> None:
    assert len(index.autocomplete("a", limit=3)) == 3
    assert all(hit.kind == "phenotype" for hit in index.autocomplete("a", kind="phenotype"))
    assert _curies(index.autocomplete("HP:0002240")) == ["HP:0002240"]
    assert index.autocomplete("zzzz") == []


# ------------------------------------------------------------------------ suggest


def test_suggest_offers_the_nearest_names(index: SearchIndex) -> None:
    assert index.search("hepatosplenomegaliiie") == []
    assert _curies(index.suggest("hepatosplenomegaliiie"))[0] == "HP:0001433"
    assert index.suggest("lymphoblastc leukaemia")[0].curie in _ALL
    assert len(index.suggest("leukemia", limit=2)) == 2
    assert index.suggest("qxzjkv") == []


# --------------------------------------------------------------------------- browse


def test_browse_lists_labels_by_first_letter(index: SearchIndex) -> None:
    assert [hit.label for hit in index.browse("h", kind="phenotype")] == [
        "Hepatomegaly", "Hepatosplenomegaly"]
    assert "Sjögren syndrome" in [hit.label for hit in index.browse("S")]
    assert all(hit.kind == "disease" for hit in index.browse("m"))
    assert index.browse("0") == index.browse("#")
    assert _curies(index.browse("#")) == []  # no disease label starts with a digit here
    three_m = SearchEntry("disease", "OMIM:273750", "3-M syndrome 1", "3-M syndrome 1", "name",
                          1.0)
    assert _curies(SearchIndex.build([three_m]).browse("0")) == ["OMIM:273750"]
    assert index.browse("") == [] and index.browse("ab") == [] and index.browse("!") == []


# ------------------------------------------------------------------- robustness


@pytest.mark.parametrize("query", ["", "   ", "x" * 201, "acute\x00leukemia", "\x00\x01\x02",
                                   "bad \ud800 surrogate", "\ufffd\ufffd", "?!*", "\t\n"])
def test_unusable_queries_return_nothing(index: SearchIndex, query: str) -> None:
    assert index.search(query) == []
    assert index.count(query) == 0
    assert index.autocomplete(query) == []
    assert index.suggest(query) == []


def test_odd_arguments_never_raise(index: SearchIndex) -> None:
    long_query = ("acute lymphoblastic leukemia " * 7)[:200]
    assert index.search(long_query)[0].curie in _ALL
    assert index.search("leukemia", limit=0) == []
    assert index.search("leukemia", offset=-5) == index.search("leukemia")
    assert index.search(None) == []  # type: ignore[arg-type]
    assert index.search(b"leukemia") == []  # type: ignore[arg-type]
    assert index.search("leukemia", kind="drug") == []  # type: ignore[arg-type]
    assert index.browse("a", kind="drug") == []  # type: ignore[arg-type]
    assert index.browse("a", kind=[]) == []  # type: ignore[arg-type]


def test_build_skips_unusable_entries_and_merges_duplicates() -> None:
    entries = [
        SearchEntry("disease", "OMIM:1", "One", "One", "name", 1.0),
        SearchEntry("disease", "OMIM:1", "One", "One", "synonym", 1.0),  # same text again
        SearchEntry("disease", "OMIM:1", "One", "   ", "synonym", 1.0),
        SearchEntry("disease", "OMIM:1", "One", "Uno", "synonym", math.nan),
        SearchEntry("drug", "RX:1", "X", "X", "name", 1.0),  # type: ignore[arg-type]
        SearchEntry("disease", "OMIM:2", "Two", "Two", "definition", 1.0),  # type: ignore[arg-type]
    ]
    index = SearchIndex.build(entries)
    assert len(index) == 1
    hits = index.search("one")
    assert [(hit.curie, hit.field) for hit in hits] == [("OMIM:1", "name")]
    assert _curies(index.search("uno")) == ["OMIM:1"]
    assert SearchIndex.build([]).search("anything") == []


# ----------------------------------------------------- precomputed paths are exact


def _synthetic_entries(n: int) -> list[SearchEntry]:
    """Enough names for the precomputed 'heavy prefix' paths to be taken."""
    stems = ["syndrome", "dysplasia", "atrophy", "ataxia", "anemia", "aplasia", "stenosis"]
    places = ["skull", "spine", "skin", "aorta", "kidney", "liver", "spleen", "sternum"]
    entries = []
    for i in range(n):
        name = f"{places[i % len(places)]} {stems[i % len(stems)]} {i % 97}"
        kind: EntityKind = "disease" if i % 3 else "phenotype"
        entries.append(SearchEntry(kind, f"X:{i}", name, name, "name", (i * 7919) % 13 / 2))
        entries.append(SearchEntry(kind, f"X:{i}", name, f"{name} variant", "synonym", 0.0))
    return entries


def test_precomputed_heavy_prefixes_give_the_same_answers(
        monkeypatch: pytest.MonkeyPatch) -> None:
    entries = _synthetic_entries(1500)
    fast = SearchIndex.build(entries)
    monkeypatch.setattr("rareinfo.search.postings._HEAVY_RUN", 10**9)
    plain = SearchIndex.build(entries)
    for query in ["s", "sk", "skin", "skin s", "a", "spleen ataxia", "syndrome", "st"]:
        for kind in (None, "disease", "phenotype"):
            assert fast.autocomplete(query, kind=kind) == plain.autocomplete(query, kind=kind)
            assert fast.search(query, kind=kind) == plain.search(query, kind=kind), query
            assert fast.count(query, kind=kind) == plain.count(query, kind=kind), query
    assert fast.count("syndrome") == len(fast.search("syndrome", limit=10_000))


def test_a_rare_word_narrows_a_common_one_without_losing_matches() -> None:
    # A rare word's few entries are checked against the common word's spelling directly,
    # whole, as a prefix and as a typo, instead of building the common word's big set.
    zebras = [SearchEntry("disease", f"Z:{i}", name, name, "name", weight)
              for i, (name, weight) in enumerate([("Zebra ataxia of cats", 0.0),
                                                  ("Zebra stripes", 9.0)], start=1)]
    index = SearchIndex.build([*_synthetic_entries(1500), *zebras])
    for query in ["zebra ataxia", "zebra atax", "zebra ataxai", "ataxia zebra"]:
        # Z:2 holds only "zebra": a partial match, however weighty, comes second.
        assert _curies(index.search(query)) == ["Z:1", "Z:2"], query
        assert index.count(query) == 2
    assert _curies(index.autocomplete("zebra at")) == ["Z:1"]


def test_queries_on_a_larger_index_stay_fast() -> None:
    index = SearchIndex.build(_synthetic_entries(3000))
    queries = ["s", "sk", "skin", "skin syndrome", "syndrme", "kidney ataxia 5", "x" * 50]
    start = time.perf_counter()
    for _ in range(20):
        for query in queries:
            index.search(query)
            index.count(query)
            index.autocomplete(query)
    per_call = (time.perf_counter() - start) / (20 * len(queries) * 3)
    assert per_call < 0.005  # generous: the benchmark measures the real figures


def test_british_spellings_match_american_names_exactly() -> None:
    index = SearchIndex.build([
        SearchEntry("disease", "D:1", "Acute myeloid leukemia", "Acute myeloid leukemia",
                    "name", 1.0),
        SearchEntry("phenotype", "HP:0000969", "Edema", "Edema", "name", 1.0),
        SearchEntry("disease", "D:2", "Hemophilia A", "Hemophilia A", "name", 1.0),
    ])
    assert index.search("acute myeloid leukaemia")[0].curie == "D:1"
    assert index.search("oedema")[0].curie == "HP:0000969"
    assert index.search("haemophilia a")[0].curie == "D:2"


def _edited(word: str, rng: random.Random) -> str:
    """The word after one random insertion, deletion, substitution or transposition."""
    at = rng.randrange(len(word) + 1)
    letter = rng.choice("abcdeilmnorstuyz019é")
    match rng.randrange(4):
        case 0:
            return word[:at] + letter + word[at:]
        case 1:
            return word[:at] + word[at + 1:]
        case 2:
            return word[:at] + letter + word[at + 1:]
        case _:
            return word[:at] + word[at + 1:at + 2] + word[at:at + 1] + word[at + 2:]


def test_the_letter_filter_keeps_every_near_spelling() -> None:
    rng = random.Random(5)
    seeds = ["syndrome", "leukemia", "intellectual", "deafness", "mrie", "type1a", "sjögren"]
    words = sorted({edited for seed in seeds for _ in range(60)
                    for edited in [_edited(_edited(seed, rng), rng), _edited(seed, rng)]})
    masks = letter_masks(words)
    for query in [*seeds, *words[::7]]:
        for edits in (1, 2):
            kept = set(within_letters(masks, query, edits).tolist())
            near = {i for i, word in enumerate(words) if OSA.distance(query, word) <= edits}
            assert near <= kept, query
    assert len(within_letters(masks, "syndrome", 1)) < len(words) / 4  # and it does filter
