"""Everyday words on a tiny release (tests/fixtures/hpo_words) and a hand-made vocabulary:
phrases, word order and inflections, negation, family history, and words left alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from rareinfo.lexicon import EverydayPhrase, LexiconError, everyday_phrases, parse
from rareinfo.phenotype.clauses import clauses, key_of
from rareinfo.phenotype.text import SymptomIndex
from rareinfo.records import PhenotypeTerm
from rareinfo.sources import hpo

RELEASE = Path(__file__).resolve().parent.parent / "fixtures" / "hpo_words"
VOCABULARY = [
    EverydayPhrase("fits", "HP:0001250", "Seizure", "NHS"),
    EverydayPhrase("floppy baby", "HP:0001252", "Hypotonia", "NHS"),
    EverydayPhrase("pale", "HP:0000980", "Pallor", "MedlinePlus"),
    EverydayPhrase("loose joints", "HP:0001382", "Joint hypermobility", "GHR"),
    EverydayPhrase("swollen glands in the neck", "HP:0025289", "Cervical lymphadenopathy",
                   "MedlinePlus"),
    EverydayPhrase("swollen glands", "HP:0002716", "Lymphadenopathy", "MedlinePlus"),
    EverydayPhrase("cannot hear well", "HP:0000365", "Hearing impairment", "common usage"),
    EverydayPhrase("losing weight", "HP:0001824", "Weight loss", "MedlinePlus"),
    EverydayPhrase("enlarged spleen", "HP:0001744", "Splenomegaly", "MedlinePlus"),
    EverydayPhrase("no words", "HP:0099999", "Not in this release", "common usage"),
]


@pytest.fixture(scope="module")
def terms() -> list[PhenotypeTerm]:
    return [t for t in hpo.read_ontology(RELEASE / "hp.obo") if isinstance(t, PhenotypeTerm)]


@pytest.fixture(scope="module")
def index(terms: list[PhenotypeTerm]) -> SymptomIndex:
    return SymptomIndex(terms, everyday=VOCABULARY)


def test_everyday_phrases_beat_a_wrong_sense(index: SymptomIndex) -> None:
    pale = index.map("pale").matches
    assert [(m.term_id, m.kind) for m in pale] == [("HP:0000980", "everyday")]
    assert index.map("pale skin").present == ("HP:0007513",)  # HPO's own layperson synonym
    assert index.map("his joints are loose").present == ("HP:0001382",)
    assert index.map("he has fits").present == ("HP:0001250",)


def test_phrases_ignore_pronouns_and_prefer_the_precise_term(index: SymptomIndex) -> None:
    neck = index.map("swollen glands in her neck")
    assert neck.present == ("HP:0025289",) and neck.unmatched == ()
    assert index.map("swollen glands").present == ("HP:0002716",)
    mapping = index.map("my son's a floppy baby")
    assert mapping.present == ("HP:0001252",) and mapping.unmatched == ()


def test_contractions_and_inflections(index: SymptomIndex) -> None:
    assert key_of("can't hear well") == key_of("cannot hear well") == key_of("unable to hear well")
    assert index.map("she can't hear well").present == ("HP:0000365",)
    assert index.map("lost weight").present == index.map("weight loss").present == ("HP:0001824",)
    assert index.map("spleen enlarged").present == ("HP:0001744",)


def test_negation_gives_excluded_terms(index: SymptomIndex) -> None:
    mapping = index.map("no fever, doesn't have seizures. He never had fits but he is pale")
    assert mapping.excluded == ("HP:0001945", "HP:0001250")
    assert mapping.present == ("HP:0000980",)
    # A negation reaches forward in its clause only.
    assert index.map("fever and no fits").present == ("HP:0001945",)


def test_family_history_is_not_the_patients(index: SymptomIndex) -> None:
    mapping = index.map("He has fits and his father had the same")
    assert mapping.present == ("HP:0001250",)
    assert [(f.text, f.terms, f.negated) for f in mapping.family] == [
        ("father had the same", (), False)]
    runs = index.map("pale, seizures run in the family")
    assert runs.present == ("HP:0000980",) and runs.family_history == ("HP:0001250",)
    assert [m.family for m in runs.matches] == [False, True]
    none = index.map("no family history of seizures")
    assert none.present == none.excluded == none.family_history == ()
    assert none.family[0].negated
    # Comparing with a relative still describes the patient.
    like = index.map("swollen glands like his dad")
    assert like.present == ("HP:0002716",) and like.family[0].terms == ("HP:0002716",)


def test_clinical_modifiers_and_lone_words_are_not_symptoms(index: SymptomIndex) -> None:
    mapping = index.map("severe")
    assert mapping.present == () and [u.text for u in mapping.unmatched] == []
    assert index.map("unusually pale").present == ("HP:0000980",)


def test_vocabulary_rows_for_unknown_terms_are_skipped(index: SymptomIndex) -> None:
    assert index.map("no words").present == ()


def test_clauses_break_at_a_new_subject() -> None:
    parts = clauses("bone and joint pain and his sister had it, but no rash")
    assert [[w.token for w in c.words] for c in parts] == [
        ["bone", "joint", "pain"], ["sister"], ["no", "rash"]]


def test_vocabulary_file_is_well_formed() -> None:
    phrases = everyday_phrases()
    assert len(phrases) >= 300
    assert len({p.text.lower() for p in phrases}) == len(phrases)
    with pytest.raises(LexiconError, match=r"everyday_words\.tsv:3"):
        parse(["phrase\thpo_id\thpo_name\twording_from\n", "fits\tHP:0001250\tSeizure\tNHS\n",
               "fits\tHP:0001250\n"])
    with pytest.raises(LexiconError, match="header"):
        parse(["phrase\tid\n"])


def test_near_misses_keep_their_polarity_and_numbers_are_not_symptoms(
    index: SymptomIndex,
) -> None:
    # "cannot" alone is not "cannot hear well"; a bare age is not a term.
    assert index.map("she cannot").present == ()
    assert index.map("3, pale").present == ("HP:0000980",)
    # A negation ends with its clause: "and keeps ..." starts a new one.
    mapping = index.map("a fever that never goes away and keeps losing weight")
    assert mapping.present == ("HP:0001945", "HP:0001824") and mapping.excluded == ()
