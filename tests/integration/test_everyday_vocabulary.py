"""The shipped everyday-words vocabulary against the embedded HPO release, and the
issue's named phrases through the real diagnosis model."""

from __future__ import annotations

import pytest

from rareinfo.lexicon import everyday_phrases
from rareinfo.phenotype.model import PhenotypeModel
from rareinfo.records import PhenotypeTerm
from rareinfo.service.diagnosis import model_of_release
from rareinfo.sources import hpo


@pytest.fixture(scope="module")
def model() -> PhenotypeModel:
    return model_of_release()


def test_every_vocabulary_term_is_a_current_phenotypic_abnormality() -> None:
    terms = {t.id: t for t in hpo.read_ontology(hpo.default_location() / "hp.obo")
             if isinstance(t, PhenotypeTerm)}
    parents = {i: t.parents for i, t in terms.items()}

    def under_abnormality(term_id: str) -> bool:
        stack, seen = [term_id], set()
        while stack:
            current = stack.pop()
            if current == "HP:0000118":
                return True
            seen.add(current)
            stack.extend(p for p in parents.get(current, ()) if p not in seen)
        return False

    problems = [(p.text, p.term_id) for p in everyday_phrases()
                if p.term_id not in terms or terms[p.term_id].obsolete
                or terms[p.term_id].name != p.term_name or not under_abnormality(p.term_id)]
    assert problems == []


@pytest.mark.parametrize(("text", "term_id"), [
    ("pale", "HP:0000980"), ("his joints are loose", "HP:0001382"),
    ("swollen glands in her neck", "HP:0025289"), ("enlarged spleen", "HP:0001744"),
    ("fits", "HP:0001250"), ("floppy baby", "HP:0001252"),
    ("can't hear well", "HP:0000365"), ("losing weight", "HP:0001824"),
    ("sore joints", "HP:0002829"), ("pinpoint red spots on the skin", "HP:0000967"),
])
def test_the_issues_phrases_map_to_the_right_term(model: PhenotypeModel, text: str,
                                                  term_id: str) -> None:
    assert model.map_text(text).present == (term_id,)


def test_negation_and_family_history_on_the_real_model(model: PhenotypeModel) -> None:
    mapping = model.map_text("doesn't have seizures, no fever, his father had the same")
    assert mapping.present == () and mapping.excluded == ("HP:0001250", "HP:0001945")
    assert [f.text for f in mapping.family] == ["father had the same"]
