"""Stored term rows (base row + patch) sum to the bit as the rows they stand for."""

from __future__ import annotations

import io
import json

import numpy as np
import pytest
import scipy.sparse as sp

from rareinfo.phenotype import LikelihoodRatio, PhenotypeModel, rank_cases
from rareinfo.phenotype.matrices import Float32Array, InheritedMax
from rareinfo.phenotype.stored import from_bytes, to_bytes
from rareinfo.phenotype.term_rows import TermRows
from tests.unit.test_phenotype_model import (
    BRUISING,
    CATARACT,
    DELAY,
    FOCAL,
    NAMES,
    PHENO,
    SEIZURE,
    TERMS,
    VISION,
    annotation_records,
)


def bits(values: np.ndarray) -> bytes:
    return np.ascontiguousarray(values).tobytes()


@pytest.fixture()
def model() -> PhenotypeModel:
    return PhenotypeModel.from_records(TERMS, annotation_records(), NAMES)


def scorer_of(model: PhenotypeModel) -> LikelihoodRatio:
    scorer = model.scorer("lr")
    assert isinstance(scorer, LikelihoodRatio)
    return scorer


@pytest.mark.parametrize("broad_column", [0, 1, 2, 10**9])
def test_rows_and_sums_are_those_of_arbitrary_rows(model: PhenotypeModel,
                                                   broad_column: int) -> None:
    """Rows over random inherited maxima, changed at random places (some to -0.0 where the
    base has +0.0): each row and every sum of rows comes back bit for bit."""
    rng = np.random.default_rng(11)
    size, terms = model.data.size, len(model.ontology)
    dense = np.where(rng.random((size, terms)) < 0.4, rng.random((size, terms)), 0.0)
    kernel = InheritedMax(model.ontology, sp.csc_matrix(dense.astype(np.float32)), 0.0,
                          broad_column)
    table = kernel(list(range(terms)))
    changed = rng.random(table.shape) < 0.3
    table = np.where(changed, rng.normal(size=table.shape) * 1e3, table).astype(np.float32)
    table[rng.random(table.shape) < 0.1] = -0.0

    def rows_of(chosen: tuple[int, ...]) -> Float32Array:
        return table[list(chosen)]

    rows = TermRows(kernel, terms, rows_of)
    for term in range(terms):
        assert bits(rows.row(term)) == bits(table[term])
    assert bits(rows.summed([])) == bits(table[:0].sum(axis=0, dtype=np.float64))
    for _ in range(300):
        chosen = rng.integers(0, terms, int(rng.integers(1, 12))).tolist()
        expected = table[chosen].sum(axis=0, dtype=np.float64)
        assert bits(rows.summed(chosen)) == bits(expected), chosen


@pytest.mark.parametrize("broad_column", [0, 1, 2, 10**9])
def test_rows_are_the_likelihood_rows(model: PhenotypeModel, broad_column: int) -> None:
    scorer = scorer_of(model)
    # the same maxima with dense rows for more terms, so bases are maxima of several rows
    scorer.ancestor_log = InheritedMax(model.ontology, scorer.ancestor_log.matrix,
                                       float(scorer.ancestor_log.empty), broad_column)
    terms = len(model.ontology)
    rows = TermRows(scorer.ancestor_log, terms, scorer.term_log_ratios)
    for term in range(terms):
        assert bits(rows.row(term)) == bits(scorer.term_log_ratios((term,))[0])
    everything = tuple(range(terms))
    assert bits(rows.summed(everything)) == bits(
        scorer.term_log_ratios(everything).sum(axis=0, dtype=np.float64))


CASES = [([FOCAL, DELAY], [CATARACT]), ([SEIZURE], []), ([VISION, BRUISING], [SEIZURE]),
         ([PHENO], []), ([CATARACT, DELAY, FOCAL], [BRUISING, VISION]), (["HP:1234567"], [])]


def test_a_model_with_rows_ranks_as_one_without(model: PhenotypeModel) -> None:
    lines = [json.dumps({"id": f"c{i}", "present": p, "excluded": e})
             for i, (p, e) in enumerate(CASES)]
    before = io.StringIO()
    rank_cases(model, lines, before, top=4)
    scores = [model.scores(model.prepare(p, e).query).primary for p, e in CASES]
    scorer_of(model).prepare_rows()
    after = io.StringIO()
    rank_cases(model, lines, after, top=4)
    assert after.getvalue() == before.getvalue()
    for (present, excluded), expected in zip(CASES, scores, strict=True):
        got = model.scores(model.prepare(present, excluded).query).primary
        assert bits(got) == bits(expected)


def test_a_stored_model_keeps_its_rows(model: PhenotypeModel) -> None:
    stored = from_bytes(to_bytes(model))
    rows = scorer_of(stored).term_rows
    assert rows is not None
    original = scorer_of(model).term_rows  # made by to_bytes, for storing
    assert original is not None
    assert bits(rows.values) == bits(original.values)
    assert bits(rows.indices) == bits(original.indices)
