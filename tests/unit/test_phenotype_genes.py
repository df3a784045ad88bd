"""OMIM entries borrowing the features of Orphanet disorders of the same gene, of their
Mondo equivalents and of the other entries of their phenotypic series."""

from __future__ import annotations

import math

import pytest

from rareinfo.phenotype import LikelihoodRatio, LikelihoodSettings, PhenotypeModel
from rareinfo.phenotype.likelihood import LENT_FLOOR
from rareinfo.phenotype.mondo_links import (
    SERIES_SHARE,
    LendingLink,
    MondoGroups,
    groups_of,
    parse_groups,
    write_groups,
)
from rareinfo.records import GeneAssociation, PhenotypeAnnotation
from rareinfo.sources.hpo import parse_frequency

from .test_phenotype_model import (
    BRUISING,
    CATARACT,
    DELAY,
    FOCAL,
    GENERALIZED,
    RECESSIVE,
    SEIZURE,
    TERMS,
    VERY_FREQUENT,
    VISION,
)

FEATURES: dict[str, list[tuple[str, str | None, bool]]] = {
    # one gene, one OMIM disease, one single-gene Orphanet disorder: share 1
    "OMIM:300001": [(FOCAL, None, False), (RECESSIVE, None, False)],
    "ORPHA:400001": [(FOCAL, VERY_FREQUENT, False), (DELAY, VERY_FREQUENT, False),
                     (CATARACT, None, False), (RECESSIVE, None, False)],
    # a gene behind two OMIM diseases, lending to both at share 1/2
    "OMIM:300002": [(GENERALIZED, None, False), (VISION, None, True)],
    "OMIM:300003": [(GENERALIZED, None, False)],
    "ORPHA:400002": [(VISION, None, False), (BRUISING, None, False)],
    # an OMIM disease without a gene link borrows nothing
    "OMIM:300004": [(SEIZURE, None, False)],
}
GENES = [("OMIM:300001", "AAA1"), ("ORPHA:400001", "AAA1"),
         ("OMIM:300002", "BBB2"), ("OMIM:300003", "BBB2"), ("ORPHA:400002", "BBB2")]


def records() -> list[PhenotypeAnnotation]:
    return [
        PhenotypeAnnotation("hpo", disease, term_id,
                            aspect="I" if term_id == RECESSIVE else "P", negated=negated,
                            frequency=parse_frequency(frequency) if frequency else None)
        for disease, features in FEATURES.items()
        for term_id, frequency, negated in features
    ]


def links(pairs: list[tuple[str, str]]) -> list[GeneAssociation]:
    return [GeneAssociation("hpo", disease, f"NCBIGene:{i}", symbol)
            for i, (disease, symbol) in enumerate(pairs)]


@pytest.fixture(scope="module")
def model() -> PhenotypeModel:
    return PhenotypeModel.from_records(TERMS, records(), {d: f"Disease {d}" for d in FEATURES},
                                       links(GENES))


def lent(model: PhenotypeModel, disease: str) -> dict[str, float]:
    """Term id -> share lent to ``disease``."""
    nb = model.data.neighbours
    row = model.disease_ids.index(disease)
    start, end = nb.share.indptr[row], nb.share.indptr[row + 1]
    return {model.ontology.ids[t]: float(v)
            for t, v in zip(nb.share.indices[start:end], nb.share.data[start:end], strict=True)}


def test_an_omim_disease_borrows_what_it_does_not_state(model: PhenotypeModel) -> None:
    # FOCAL is its own, inheritance is not a phenotypic feature: only DELAY and CATARACT
    assert lent(model, "OMIM:300001") == {DELAY: 1.0, CATARACT: 1.0}
    row = model.disease_ids.index("OMIM:300001")
    lender, gene, reason = model.data.neighbours.source_of(row, model.ontology.index[DELAY]) or (
        -1, "", "")
    assert (model.disease_ids[lender], gene, reason) == ("ORPHA:400001", "AAA1", "gene")
    assert model.data.neighbours.source_of(row, model.ontology.index[FOCAL]) is None


def test_share_falls_with_the_diseases_of_the_gene(model: PhenotypeModel) -> None:
    # two OMIM diseases share BBB2; VISION is a NOT annotation of OMIM:300002, so kept out
    assert lent(model, "OMIM:300002") == {BRUISING: 0.5}
    assert lent(model, "OMIM:300003") == {VISION: 0.5, BRUISING: 0.5}


def test_only_omim_entries_with_a_gene_borrow(model: PhenotypeModel) -> None:
    assert lent(model, "OMIM:300004") == {}
    assert lent(model, "ORPHA:400001") == {} and lent(model, "ORPHA:400002") == {}


def test_share_counts_the_genes_of_the_lender() -> None:
    pairs = [*GENES, ("ORPHA:400001", "CCC3"), ("ORPHA:400001", "DDD4")]
    model = PhenotypeModel.from_records(TERMS, records(), {}, links(pairs))
    assert lent(model, "OMIM:300001") == pytest.approx({DELAY: 1 / 3, CATARACT: 1 / 3})


def test_a_duplication_syndrome_lends_nothing() -> None:
    names = {d: f"Disease {d}" for d in FEATURES}
    names["ORPHA:400001"] = "1q21.1 microduplication syndrome"
    model = PhenotypeModel.from_records(TERMS, records(), names, links(GENES))
    assert lent(model, "OMIM:300001") == {}
    assert lent(model, "OMIM:300003") == {VISION: 0.5, BRUISING: 0.5}


def test_no_gene_links_means_no_borrowing() -> None:
    model = PhenotypeModel.from_records(TERMS, records(), {})
    assert model.data.neighbours.share.nnz == 0
    assert model.data.neighbours.source_of(0, 0) is None


def test_the_ratio_uses_weight_times_share_to_the_power(model: PhenotypeModel) -> None:
    settings = LikelihoodSettings(gene_weight=0.5, gene_power=2.0)
    scorer = LikelihoodRatio(model.data, settings)
    terms, values = _row(scorer, model, "OMIM:300003")
    assert values[terms.index(VISION)] == pytest.approx(0.5 * 0.5**2)
    assert values[terms.index(BRUISING)] == pytest.approx(0.125)
    own = scorer.direct[model.disease_ids.index("OMIM:300003"),
                        model.ontology.index[GENERALIZED]]
    assert own == pytest.approx(1.0)  # its own feature keeps the default fraction
    # below the floor nothing is lent: 0.016 * 0.5 ** 2 = 0.004
    faint = LikelihoodRatio(model.data, LikelihoodSettings(gene_weight=0.016))
    terms, _ = _row(faint, model, "OMIM:300003")
    assert LENT_FLOOR > 0.016 * 0.25 and VISION not in terms


def test_a_borrowed_feature_raises_the_score_and_weight_zero_turns_it_off(
    model: PhenotypeModel,
) -> None:
    with_genes = LikelihoodRatio(model.data)
    without = LikelihoodRatio(model.data, LikelihoodSettings(gene_weight=0.0))
    query = model.prepare([FOCAL, DELAY]).query
    row = model.disease_ids.index("OMIM:300001")
    gained = with_genes.score(query).primary[row] - without.score(query).primary[row]
    background = float(with_genes.background[model.ontology.index[DELAY]])
    # DELAY now matches at fraction 0.5 instead of only through a shared ancestor
    exact = math.log(0.5 / background)
    assert gained > 0
    assert with_genes.term_log_ratios((model.ontology.index[DELAY],))[0, row] == (
        pytest.approx(exact, abs=1e-5))
    # the features of diseases that borrow nothing are unchanged (only the background,
    # the mean over all diseases, moves)
    for disease in ("OMIM:300004", "ORPHA:400001", "ORPHA:400002"):
        assert _row(with_genes, model, disease) == _row(without, model, disease)
    assert sorted(_row(without, model, "OMIM:300001")[0]) == sorted([FOCAL, RECESSIVE])


def test_explanations_name_the_lender_and_the_gene(model: PhenotypeModel) -> None:
    diagnosis = model.rank([FOCAL, DELAY], top=3)
    # the Orphanet entry states both features at 80-99%, the OMIM entry borrows one at 50%
    assert [r.disease_id for r in diagnosis.results[:2]] == ["ORPHA:400001", "OMIM:300001"]
    best = diagnosis.results[1]
    by_term = {m.patient_term.id: m for m in best.matches}
    lender = by_term[DELAY].lent_by
    assert lender is not None
    assert (lender.id, lender.name, by_term[DELAY].gene) == (
        "ORPHA:400001", "Disease ORPHA:400001", "AAA1")
    assert by_term[DELAY].frequency == pytest.approx(0.5)
    assert by_term[FOCAL].lent_by is None and by_term[FOCAL].gene is None
    missing = {f.term.id: f for f in best.missing}
    assert missing[CATARACT].lent_by is not None and missing[CATARACT].gene == "AAA1"
    as_json = {m["patient_term"]["id"]: m for m in best.to_dict()["matches"]}
    assert as_json[DELAY]["lent_by"]["id"] == "ORPHA:400001"


def _row(
    scorer: LikelihoodRatio, model: PhenotypeModel, disease: str
) -> tuple[list[str], list[float]]:
    row = model.disease_ids.index(disease)
    start, end = scorer.direct.indptr[row], scorer.direct.indptr[row + 1]
    return ([model.ontology.ids[t] for t in scorer.direct.indices[start:end]],
            [float(v) for v in scorer.direct.data[start:end]])


def test_the_command_line_names_the_lender(model: PhenotypeModel) -> None:
    import io

    from rich.console import Console

    from rareinfo.cli.diagnosis_text import print_diagnosis

    out = io.StringIO()
    print_diagnosis(Console(file=out, width=200), model.rank([FOCAL, DELAY], top=2), None,
                    "")
    assert "(borrowed from ORPHA:400001 Disease ORPHA:400001, same gene AAA1)" in out.getvalue()


def test_mondo_equivalents_and_series_siblings_lend() -> None:
    groups = groups_of(
        omim={"MONDO:1": {"OMIM:300004"}, "MONDO:11": {"OMIM:300002"},
              "MONDO:12": {"OMIM:300003"}},
        orphanet={"MONDO:1": {"ORPHA:400001"}},
        series={"MONDO:10": {"OMIMPS:1"}},
        parents={"MONDO:11": {"MONDO:10"}, "MONDO:12": {"MONDO:10"}},
    )
    assert groups.equivalents == {"MONDO:1": ("OMIM:300004", "ORPHA:400001")}
    assert groups.series == {"MONDO:10": ("OMIM:300002", "OMIM:300003")}
    assert parse_groups(_written(groups)) == groups
    lending = groups.links()
    assert LendingLink("OMIM:300004", "ORPHA:400001", 1.0, "equivalent", "MONDO:1") in lending
    assert {(x.borrower, x.lender, x.share) for x in lending if x.reason == "series"} == {
        ("OMIM:300002", "OMIM:300003", SERIES_SHARE),
        ("OMIM:300003", "OMIM:300002", SERIES_SHARE)}
    linked = PhenotypeModel.from_records(TERMS, records(), {d: f"Disease {d}" for d in FEATURES},
                                         links(GENES), lending)
    # OMIM:300004 shares no gene with anyone, but Mondo says it is ORPHA:400001
    assert lent(linked, "OMIM:300004") == {FOCAL: 1.0, DELAY: 1.0, CATARACT: 1.0}
    row = linked.disease_ids.index("OMIM:300004")
    found = linked.data.neighbours.source_of(row, linked.ontology.index[DELAY])
    assert found is not None and found[1:] == ("MONDO:1", "equivalent")
    # gene lending is unchanged
    assert lent(linked, "OMIM:300001") == {DELAY: 1.0, CATARACT: 1.0}


def _written(groups: MondoGroups) -> list[str]:
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "links.tsv"
        write_groups(groups, path)
        return path.read_text().splitlines()
