"""Plain words -> HPO terms on a handful of hand-made terms."""

from __future__ import annotations

import pytest

from rareinfo.phenotype.text import SymptomIndex, key_of, stem
from rareinfo.records import PhenotypeTerm, Synonym

LAY = "layperson"
TERMS = [
    PhenotypeTerm("hpo", "HP:0001250", "Seizure", synonyms=(
        Synonym("Seizures", "EXACT", "plural_form"), Synonym("Epilepsy", "RELATED", LAY))),
    PhenotypeTerm("hpo", "HP:0001263", "Global developmental delay", synonyms=(
        Synonym("Developmental delay", "EXACT"), Synonym("Retarded development", "RELATED"))),
    PhenotypeTerm("hpo", "HP:0000978", "Bruising susceptibility", synonyms=(
        Synonym("Bruise easily", "EXACT", LAY), Synonym("Easy bruising", "EXACT", LAY))),
    PhenotypeTerm("hpo", "HP:0002716", "Lymphadenopathy", synonyms=(
        Synonym("Swollen lymph nodes", "EXACT", LAY),)),
    PhenotypeTerm("hpo", "HP:0030166", "Night sweats"),
    PhenotypeTerm("hpo", "HP:0000518", "Cataract", synonyms=(
        Synonym("Clouding of the lens of the eye", "EXACT", LAY),)),
    PhenotypeTerm("hpo", "HP:0000098", "Tall stature"),
    PhenotypeTerm("hpo", "HP:0400000", "Tall chin"),
    PhenotypeTerm("hpo", "HP:0000999", "obsolete Fits", obsolete=True),
]


@pytest.fixture(scope="module")
def index() -> SymptomIndex:
    return SymptomIndex(TERMS, usage={"HP:0000098": 500.0, "HP:0400000": 3.0})


def test_stems_meet_across_inflections() -> None:
    assert stem("bruises") == stem("bruise") == stem("bruised") == stem("bruising")
    assert stem("easily") == stem("easy")
    assert stem("nodes") == stem("node") and stem("seizures") == stem("seizure")
    assert stem("loss") == stem("losses") and stem("sweats") == stem("sweat")
    assert key_of("lymph nodes, swollen") == key_of("Swollen lymph node")


def test_plain_words_map_with_their_spans(index: SymptomIndex) -> None:
    text = "bruises easily, swollen lymph nodes, night sweats"
    mapping = index.map(text)
    assert mapping.present == ("HP:0000978", "HP:0002716", "HP:0030166")
    spans = [text[m.start : m.end] for m in mapping.matches]
    assert spans == ["bruises easily", "swollen lymph nodes", "night sweats"]
    assert [m.kind for m in mapping.matches] == ["layperson", "layperson", "name"]
    assert mapping.unmatched == ()


def test_plurals_synonyms_and_word_order(index: SymptomIndex) -> None:
    mapping = index.map("Seizures and developmental delay; lymph nodes swollen")
    assert mapping.present == ("HP:0001250", "HP:0001263", "HP:0002716")
    assert mapping.matches[1].matched == "Developmental delay"
    assert mapping.matches[1].kind == "synonym"


def test_layperson_related_synonyms_count_but_other_related_ones_do_not(
    index: SymptomIndex,
) -> None:
    assert index.map("epilepsy").present == ("HP:0001250",)
    assert index.map("retarded development").present == ()


def test_negated_phrases_give_excluded_terms(index: SymptomIndex) -> None:
    mapping = index.map("no cataracts, without night sweats, easy bruising")
    assert mapping.excluded == ("HP:0000518", "HP:0030166")
    assert mapping.present == ("HP:0000978",)


def test_leftover_words_fall_back_or_are_reported(index: SymptomIndex) -> None:
    mapping = index.map("easy bruising and he is very tall, purple elephants")
    assert mapping.present == ("HP:0000978", "HP:0000098")  # usage prefers tall stature
    tall = mapping.matches[1]
    assert tall.kind == "partial" and tall.text == "tall" and "HP:0400000" in tall.alternatives
    assert [u.text for u in mapping.unmatched] == ["purple elephants"]


def test_obsolete_terms_are_not_offered(index: SymptomIndex) -> None:
    mapping = index.map("fits")
    assert mapping.present == ()
    assert [u.text for u in mapping.unmatched] == ["fits"]
