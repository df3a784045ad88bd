"""The scoring math of the phenotype model on a hand-made 16-term ontology."""

from __future__ import annotations

import io
import json
import math
from dataclasses import replace

import numpy as np
import pytest
import scipy.sparse as sp

from rareinfo.phenotype import (
    METHODS,
    LikelihoodRatio,
    PhenotypeModel,
    UnknownMethodError,
    rank_cases,
)
from rareinfo.phenotype.batch import BatchCase, ranking_line
from rareinfo.phenotype.matrices import InheritedMax
from rareinfo.phenotype.model import at_or_above_cut, nth_highest, shared_values, tie_counts
from rareinfo.phenotype.scoring import Query
from rareinfo.phenotype.stored import from_bytes, to_bytes
from rareinfo.records import PhenotypeAnnotation, PhenotypeTerm, Synonym
from rareinfo.sources.hpo import parse_frequency

ALL, PHENO, NERVOUS, SEIZURE = "HP:0000001", "HP:0000118", "HP:0000707", "HP:0001250"
FOCAL, GENERALIZED, DELAY = "HP:0007359", "HP:0002197", "HP:0001263"
EYE, VISION, CATARACT = "HP:0000478", "HP:0000505", "HP:0000518"
BLOOD, BRUISING = "HP:0001871", "HP:0000978"
INHERITANCE, DOMINANT, RECESSIVE = "HP:0000005", "HP:0000006", "HP:0000007"
FOCAL_ALT, OBSOLETE_FITS = "HP:0002384", "HP:0000999"
ALWAYS, VERY_FREQUENT, FREQUENT, OCCASIONAL = (
    "HP:0040280", "HP:0040281", "HP:0040282", "HP:0040283")


def term(term_id: str, name: str, *parents: str, **extra: object) -> PhenotypeTerm:
    return PhenotypeTerm("hpo", term_id, name, parents=parents, **extra)  # type: ignore[arg-type]


TERMS = [
    term(ALL, "All"),
    term(PHENO, "Phenotypic abnormality", ALL),
    term(NERVOUS, "Abnormality of the nervous system", PHENO),
    term(SEIZURE, "Seizure", NERVOUS, synonyms=(Synonym("Seizures", "EXACT", "plural_form"),)),
    term(FOCAL, "Focal-onset seizure", SEIZURE, alt_ids=(FOCAL_ALT,)),
    term(GENERALIZED, "Generalized-onset seizure", SEIZURE),
    term(DELAY, "Global developmental delay", NERVOUS),
    term(EYE, "Abnormality of the eye", PHENO),
    term(VISION, "Visual impairment", EYE),
    term(CATARACT, "Cataract", EYE),
    term(BLOOD, "Abnormality of blood and blood-forming tissues", PHENO),
    term(BRUISING, "Bruising susceptibility", BLOOD),
    term(INHERITANCE, "Mode of inheritance", ALL),
    term(DOMINANT, "Autosomal dominant inheritance", INHERITANCE),
    term(RECESSIVE, "Autosomal recessive inheritance", INHERITANCE),
    term(OBSOLETE_FITS, "obsolete Fits", obsolete=True, replaced_by=SEIZURE),
]

# disease -> (term, frequency or None, negated)
DISEASES: dict[str, list[tuple[str, str | None, bool]]] = {
    "OMIM:100001": [(FOCAL, VERY_FREQUENT, False), (DELAY, "3/10", False),
                    (RECESSIVE, None, False)],
    "OMIM:100002": [(GENERALIZED, ALWAYS, False), (VISION, OCCASIONAL, False),
                    (DOMINANT, None, False)],
    "OMIM:100003": [(CATARACT, ALWAYS, False), (DELAY, FREQUENT, False)],
    "OMIM:100004": [(CATARACT, OCCASIONAL, False), (DELAY, FREQUENT, False)],
    "OMIM:100005": [(SEIZURE, None, False), (CATARACT, None, False)],
    "ORPHA:200001": [(BRUISING, VERY_FREQUENT, False), (SEIZURE, None, True)],
}
NAMES = {d: f"Disease {d}" for d in DISEASES}


def annotation_records() -> list[PhenotypeAnnotation]:
    rows = []
    for disease, features in DISEASES.items():
        for term_id, frequency, negated in features:
            aspect = "I" if term_id in (DOMINANT, RECESSIVE) else "P"
            rows.append(PhenotypeAnnotation(
                "hpo", disease, term_id, aspect=aspect, negated=negated,  # type: ignore[arg-type]
                frequency=parse_frequency(frequency) if frequency else None))
    return rows


@pytest.fixture(scope="module")
def model() -> PhenotypeModel:
    return PhenotypeModel.from_records(TERMS, annotation_records(), NAMES)


def rank_of(model: PhenotypeModel, disease: str, present: list[str],
            excluded: list[str] | None = None, method: str = "lr") -> int:
    diagnosis = model.rank(present, excluded or [], method=method, explain=0)
    return next(r.rank for r in diagnosis.results if r.disease_id == disease)


def test_ancestor_closure_holds_the_term_and_all_its_ancestors(model: PhenotypeModel) -> None:
    onto = model.ontology
    ancestors = {onto.ids[i] for i in onto.ancestors_of(onto.index[FOCAL])}
    assert ancestors == {FOCAL, SEIZURE, NERVOUS, PHENO, ALL}
    below = {onto.ids[i] for i in onto.descendants_of(onto.index[SEIZURE])}
    assert below == {SEIZURE, FOCAL, GENERALIZED}
    assert OBSOLETE_FITS not in onto.index


def test_information_content_is_minus_log_share_of_annotated_diseases(
    model: PhenotypeModel,
) -> None:
    ic = model.data.ic
    index = model.ontology.index
    # Seizure or below: 100001, 100002, 100005 (the NOT annotation does not count) of 6.
    assert ic[index[SEIZURE]] == pytest.approx(-math.log(3 / 6), rel=1e-5)
    assert ic[index[FOCAL]] == pytest.approx(-math.log(1 / 6), rel=1e-5)
    assert ic[index[ALL]] == pytest.approx(0.0, abs=1e-6)
    assert ic[index[FOCAL]] > ic[index[SEIZURE]] > ic[index[NERVOUS]]


def test_alt_ids_and_obsolete_terms_map_to_current_ones(model: PhenotypeModel) -> None:
    diagnosis = model.rank([FOCAL_ALT, OBSOLETE_FITS], top=3)
    assert diagnosis.mapped_terms == {FOCAL_ALT: FOCAL, OBSOLETE_FITS: SEIZURE}
    assert [t.id for t in diagnosis.present] == [FOCAL, SEIZURE]
    assert diagnosis.results[0].disease_id == "OMIM:100001"


def test_unknown_terms_are_reported_not_dropped(model: PhenotypeModel) -> None:
    diagnosis = model.rank([SEIZURE, "HP:1234567", "not a term"], excluded=["HP:7654321"])
    assert diagnosis.unknown_terms == ("HP:1234567", "not a term", "HP:7654321")
    assert [t.id for t in diagnosis.present] == [SEIZURE]
    assert diagnosis.diseases_ranked == len(DISEASES)


@pytest.mark.parametrize("method", METHODS)
def test_every_method_puts_the_exact_match_first(model: PhenotypeModel, method: str) -> None:
    diagnosis = model.rank([FOCAL, DELAY], method=method)
    assert diagnosis.results[0].disease_id == "OMIM:100001"
    assert [r.rank for r in diagnosis.results] == list(range(1, len(DISEASES) + 1))
    # only the likelihood ratios have a reliability table; the other methods say nothing
    assert (diagnosis.certainty is not None) == (method == "lr")


def test_frequencies_matter(model: PhenotypeModel) -> None:
    # Same features, cataract obligate in 100003 and occasional in 100004.
    assert rank_of(model, "OMIM:100003", [CATARACT, DELAY]) < rank_of(
        model, "OMIM:100004", [CATARACT, DELAY])


def test_an_excluded_obligate_feature_lowers_the_rank(model: PhenotypeModel) -> None:
    scores = model.scorer("lr")
    present = model.ontology.resolve([DELAY]).indices
    cataract = model.ontology.resolve([CATARACT]).indices
    row = model.disease_ids.index("OMIM:100003")
    other = model.disease_ids.index("OMIM:100001")  # no cataract at all
    plain = scores.score(Query(present)).primary
    lacking = scores.score(Query(present, cataract)).primary
    assert lacking[row] - lacking[other] < plain[row] - plain[other]
    assert rank_of(model, "OMIM:100003", [DELAY], [CATARACT]) > rank_of(
        model, "OMIM:100004", [DELAY], [CATARACT])


def test_a_disease_curated_not_to_show_a_present_feature_sinks(model: PhenotypeModel) -> None:
    diagnosis = model.rank([SEIZURE, BRUISING])
    bleeding = next(r for r in diagnosis.results if r.disease_id == "ORPHA:200001")
    assert any(c.kind == "excluded-by-disease" and c.term.id == SEIZURE
               for c in bleeding.conflicts)
    assert bleeding.matches[0].contribution == pytest.approx(math.log(0.01))


def test_inheritance_given_as_a_term_counts(model: PhenotypeModel) -> None:
    assert rank_of(model, "OMIM:100001", [SEIZURE, RECESSIVE]) < rank_of(
        model, "OMIM:100002", [SEIZURE, RECESSIVE])
    assert rank_of(model, "OMIM:100002", [SEIZURE, DOMINANT]) < rank_of(
        model, "OMIM:100001", [SEIZURE, DOMINANT])


def test_matched_pairs_explain_the_likelihood_score(model: PhenotypeModel) -> None:
    diagnosis = model.rank([FOCAL, CATARACT])
    for result in diagnosis.results:
        assert result.explained
        total = sum(m.contribution for m in result.matches)
        assert total == pytest.approx(result.score, abs=1e-4)
    best = diagnosis.results[0]
    pairs = {m.patient_term.id: (m.disease_term, m.shared_ancestor) for m in best.matches}
    assert best.disease_id == "OMIM:100005"  # seizure and cataract, both matched
    disease_term, shared = pairs[FOCAL]
    assert disease_term is not None and disease_term.id == SEIZURE
    assert shared is not None and shared.id == SEIZURE


def test_excluded_feature_conflicts_and_missing_features_are_listed(
    model: PhenotypeModel,
) -> None:
    diagnosis = model.rank([DELAY], [CATARACT])
    result = next(r for r in diagnosis.results if r.disease_id == "OMIM:100003")
    assert [(c.kind, c.term.id, c.patient_term.id if c.patient_term else None)
            for c in result.conflicts] == [("excluded-by-patient", CATARACT, CATARACT)]
    assert result.missing == ()  # delay matched, cataract accounted for by the exclusion
    other = next(r for r in model.rank([DELAY]).results if r.disease_id == "OMIM:100003")
    assert [f.term.id for f in other.missing] == [CATARACT]


def test_resnik_and_lin_values(model: PhenotypeModel) -> None:
    ic = model.data.ic
    index = model.ontology.index
    query = Query(model.ontology.resolve([FOCAL]).indices)
    resnik = model.scores(query, "resnik-onesided").primary
    lin = model.scores(query, "lin-onesided").primary
    row = model.disease_ids.index("OMIM:100005")  # annotated with Seizure
    assert resnik[row] == pytest.approx(ic[index[SEIZURE]], rel=1e-5)
    expected = 2 * ic[index[SEIZURE]] / (ic[index[FOCAL]] + ic[index[SEIZURE]])
    assert lin[row] == pytest.approx(expected, rel=1e-5)
    assert lin[model.disease_ids.index("OMIM:100001")] == pytest.approx(1.0)


def test_unknown_method_is_a_clear_error(model: PhenotypeModel) -> None:
    with pytest.raises(UnknownMethodError, match="unknown method 'magic'"):
        model.rank([SEIZURE], method="magic")


def test_result_serialises_to_json(model: PhenotypeModel) -> None:
    diagnosis = model.rank([FOCAL, "HP:1234567"], [CATARACT], top=2)
    data = json.loads(json.dumps(diagnosis.to_dict()))
    assert len(data["results"]) == 2
    first = data["results"][0]
    assert set(first) >= {"disease_id", "name", "score", "rank", "matches",
                          "missing", "conflicts"}
    assert first["matches"][0]["patient_term"] == {"id": FOCAL, "name": "Focal-onset seizure"}
    assert data["unknown_terms"] == ["HP:1234567"]
    assert diagnosis.results[0].to_dict()["disease_id"] == first["disease_id"]


def test_ties_keep_a_stable_order(model: PhenotypeModel) -> None:
    first = [r.disease_id for r in model.rank([BRUISING]).results]
    again = [r.disease_id for r in model.rank([BRUISING]).results]
    assert first == again and first[0] == "ORPHA:200001"
    scores = model.scores(Query(model.ontology.resolve([VISION]).indices))
    assert np.all(np.diff(scores.primary[model.order(scores)]) <= 0)
    nothing = model.rank(["HP:1234567"]).results  # no usable term: every disease ties
    assert [r.tied for r in nothing] == [len(DISEASES) - 1] * len(DISEASES)
    assert [r.disease_id for r in nothing] == sorted(DISEASES)


def test_batch_writes_rankings_and_reports_bad_lines(model: PhenotypeModel) -> None:
    lines = [
        json.dumps({"id": "a", "present": [FOCAL, DELAY], "excluded": [CATARACT]}),
        "{not json",
        "",
        json.dumps({"id": "b", "present": "HP:0001250"}),
        json.dumps({"id": 7, "present": [SEIZURE, "HP:1234567"]}),
        json.dumps({"present": [SEIZURE]}),
    ]
    out = io.StringIO()
    report = rank_cases(model, lines, out, top=3)
    written = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [w["id"] for w in written] == ["a", "7"]
    assert written[0]["ranking"][0] == {"disease": "OMIM:100001",
                                        "score": written[0]["ranking"][0]["score"]}
    assert all(len(w["ranking"]) == 3 for w in written)
    assert written[1]["unknown_terms"] == ["HP:1234567"]
    assert report.cases == 5 and report.written == 2 and report.malformed == 3
    assert [p.line for p in report.problems] == [2, 4, 6]
    assert "not JSON" in report.problems[0].reason
    assert '"present"' in report.problems[1].reason
    assert '"id"' in report.problems[2].reason


def test_a_near_miss_gets_the_discounted_ratio_of_the_shared_ancestor(
    model: PhenotypeModel,
) -> None:
    # OMIM:100005 names only Seizure; the patient has Focal-onset seizure below it.
    # P(Seizure) = (0.5 + lifted Seizure over the six diseases) / 7, and the disease
    # explains the focal seizure through Seizure at a quarter of its likelihood ratio.
    very_frequent = parse_frequency(VERY_FREQUENT).fraction
    assert very_frequent is not None
    background = (0.5 + very_frequent + 1.0 + 1.0) / 7
    scores = model.scores(Query(model.ontology.resolve([FOCAL]).indices)).primary
    row = model.disease_ids.index("OMIM:100005")
    assert scores[row] == pytest.approx(math.log(0.25 * 1.0 / background), abs=1e-5)
    exact = model.disease_ids.index("OMIM:100001")
    assert scores[exact] == pytest.approx(
        math.log(very_frequent / ((0.5 + very_frequent) / 7)), abs=1e-5)


@pytest.mark.parametrize("broad_column", [0, 1, 2, 10**9])
def test_inherited_max_equals_the_maximum_over_strict_ancestors(
    model: PhenotypeModel, broad_column: int,
) -> None:
    rng = np.random.default_rng(7)
    size, terms = model.data.size, len(model.ontology)
    dense = np.where(rng.random((size, terms)) < 0.4, rng.random((size, terms)), 0.0)
    matrix = sp.csc_matrix(dense.astype(np.float32))
    empty = -1.0
    kernel = InheritedMax(model.ontology, matrix, empty, broad_column)
    everything = list(range(terms))
    got = kernel(everything)
    for t in everything:
        above = [a for a in model.ontology.ancestors_of(t) if a != t]
        stored = np.where(dense[:, above] > 0, dense[:, above], empty)
        expected = stored.max(axis=1) if above else np.full(size, empty)
        np.testing.assert_allclose(got[t], expected, rtol=1e-6)


def test_a_shortened_order_is_the_head_of_the_full_order(model: PhenotypeModel) -> None:
    for present in ([VISION], [DELAY], [SEIZURE, CATARACT], ["HP:1234567"]):
        scores = model.scores(Query(model.ontology.resolve(present).indices))
        full = model.order(scores)
        for top in range(len(DISEASES) + 2):
            head = model.order(scores, top)
            assert head.tolist() == full[:top].tolist()
            assert tie_counts(scores, head).tolist() == tie_counts(scores, full)[:top].tolist()


def test_a_match_only_through_a_general_term_is_no_reason(model: PhenotypeModel) -> None:
    diagnosis = model.rank([FOCAL], top=None)
    by_id = {r.disease_id: r for r in diagnosis.results}
    exact = by_id["OMIM:100001"].matches[0]
    assert exact.disease_term is not None and exact.disease_term.id == FOCAL
    assert exact.informative
    # Focal-onset and generalized-onset seizure meet at Seizure, which 3 of the 6 diseases
    # show (IC ln 2, far below GENERAL_IC): the match is kept in the score, not as a reason
    sibling = by_id["OMIM:100002"].matches[0]
    assert sibling.shared_ancestor is not None and sibling.shared_ancestor.id == SEIZURE
    assert not sibling.informative
    # a broader disease term at or below the patient's own term is a reason
    broader = model.rank([SEIZURE], top=None).results
    assert all(m.informative for r in broader for m in r.matches
               if m.shared_ancestor is not None and m.shared_ancestor.id == SEIZURE)


def test_lay_mode_drops_the_ascertainment_of_absent_features(model: PhenotypeModel) -> None:
    clinician = model.rank([DELAY], [CATARACT], top=None)
    lay = model.rank([DELAY], [CATARACT], top=None, mode="lay")
    assert (clinician.mode, lay.mode) == ("clinician", "lay")
    before = {r.disease_id: r.score for r in clinician.results}
    after = {r.disease_id: r.score for r in lay.results}
    ascertainment = math.log(8.0)
    # diseases showing cataract lose exactly log(ascertainment); the others do not change
    for disease in ("OMIM:100003", "OMIM:100004", "OMIM:100005"):
        assert after[disease] == pytest.approx(before[disease] - ascertainment, abs=1e-5)
    for disease in ("OMIM:100001", "OMIM:100002", "ORPHA:200001"):
        assert after[disease] == pytest.approx(before[disease], abs=1e-5)
    conflicts = {r.disease_id: r.conflicts for r in lay.results}
    lay_conflict = conflicts["OMIM:100004"][0].contribution
    clinician_conflict = {r.disease_id: r.conflicts for r in clinician.results}[
        "OMIM:100004"][0].contribution
    assert lay_conflict == pytest.approx(clinician_conflict - ascertainment, abs=1e-5)


def test_the_nth_highest_score_is_the_plain_selection() -> None:
    rng = np.random.default_rng(3)
    for _ in range(3000):
        size = int(rng.integers(2, 400))
        top = int(rng.integers(1, size))
        scores = np.round(rng.normal(size=size), int(rng.integers(0, 3)))  # many ties
        if rng.random() < 0.05:
            scores[rng.integers(0, size)] = np.nan
        expected = np.partition(scores, size - top)[size - top]
        got = nth_highest(scores, top)
        assert got == expected or (np.isnan(got) and np.isnan(expected))
        assert at_or_above_cut(scores, top).tolist() == np.flatnonzero(scores >= got).tolist()


def test_batch_lines_are_the_json_of_the_ranking_lines(model: PhenotypeModel) -> None:
    cases = [BatchCase("a", (FOCAL, DELAY), (CATARACT,)), BatchCase("é\"1", (SEIZURE,)),
             BatchCase("b", (FOCAL_ALT, "HP:1234567"), ("nonsense",)),
             BatchCase("c", (VISION, BRUISING), (SEIZURE, FOCAL))]
    inputs = [json.dumps({"id": c.id, "present": list(c.present),
                          "excluded": list(c.excluded)}) for c in cases]
    for top in range(1, len(DISEASES) + 2):
        sink = io.StringIO()
        rank_cases(model, inputs, sink, top=top)
        lines = [json.dumps(ranking_line(model, c, top=top)) + "\n" for c in cases]
        assert sink.getvalue() == "".join(lines)


def test_ranked_is_the_order_of_the_scores(model: PhenotypeModel) -> None:
    scorer = model.scorer("lr")
    assert isinstance(scorer, LikelihoodRatio)
    everyone = np.arange(len(DISEASES), dtype=np.int64)
    for present, excluded in (([FOCAL], []), ([VISION, DELAY], [SEIZURE]), ([PHENO], []),
                              (["HP:1234567"], [])):
        query = model.prepare(present, excluded).query
        scores = model.scores(query)
        assert scorer.tie_break_at(query, everyone).tolist() == scores.secondary.tolist()
        for method in METHODS:
            scores = model.scores(query, method)
            for top in range(1, len(DISEASES) + 2):
                order, primary = model.ranked(query, method, top)
                assert order.tolist() == model.order(scores, top).tolist()
                assert primary.tolist() == scores.primary.tolist()


def test_shared_values_are_those_another_value_equals() -> None:
    rng = np.random.default_rng(4)
    for _ in range(2000):
        size = int(rng.integers(0, 40))
        values = np.round(rng.normal(size=size), int(rng.integers(0, 3)))
        values[rng.random(size) < 0.05] = -0.0
        expected = [sum(v == w for w in values.tolist()) > 1 for v in values.tolist()]
        assert shared_values(values).tolist() == expected
    with_nan = np.array([1.0, np.nan, 2.0])
    assert shared_values(with_nan).tolist() == [True, True, True]


def test_most_specific_and_related_terms(model: PhenotypeModel) -> None:
    ontology = model.ontology
    every = range(len(ontology))
    strict = {t: set(ontology.ancestors_of(t).tolist()) - {t} for t in every}
    below = {t: set(ontology.descendants_of(t).tolist()) for t in every}
    rng = np.random.default_rng(9)
    for _ in range(500):
        chosen = rng.integers(0, len(ontology), int(rng.integers(0, 7))).tolist()
        kept = tuple(t for t in chosen if not any(t in strict[o] for o in chosen))
        assert ontology.most_specific(chosen) == kept, chosen
        related = set(chosen).union(*(strict[t] | below[t] for t in chosen))
        assert set(np.flatnonzero(ontology.related_mask(chosen)).tolist()) == related


def test_each_disease_keeps_the_references_of_its_annotations() -> None:
    cited = {"OMIM:100001": ("PMID:1", "PMID:2"), "OMIM:100003": ("",),
             "OMIM:100004": ("", "ISBN:9")}
    records = [replace(r, references=cited.get(r.disease_id, ()))
               for r in annotation_records()]
    built = PhenotypeModel.from_records(TERMS, records, NAMES)
    for stored in (built, from_bytes(to_bytes(built))):
        found = dict(zip(stored.disease_ids, stored.data.diseases.references, strict=True))
        assert found == {d: frozenset(cited.get(d, ())) for d in DISEASES}
