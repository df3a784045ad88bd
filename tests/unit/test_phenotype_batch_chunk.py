"""A chunk of batch cases is ranked and written as the case-by-case way writes each."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from rareinfo.phenotype import LikelihoodRatio, PhenotypeModel
from rareinfo.phenotype.batch import BatchCase, _json_line, _ranked_lines, _ranking_entries
from rareinfo.phenotype.batch_chunk import ChunkRanker
from rareinfo.phenotype.model import at_or_above_cut
from rareinfo.phenotype.stored import from_bytes, to_bytes
from tests.unit.test_phenotype_model import (
    ALL,
    BRUISING,
    CATARACT,
    DELAY,
    FOCAL,
    FOCAL_ALT,
    GENERALIZED,
    NAMES,
    NERVOUS,
    OBSOLETE_FITS,
    PHENO,
    SEIZURE,
    TERMS,
    VISION,
    annotation_records,
)

SPELLINGS = [FOCAL, FOCAL_ALT, OBSOLETE_FITS, "hp:0001250", "HP_0001263", "HP:1234567",
             "HP:12345678", "nonsense", "HP:٠٠٠١٢٥٠", SEIZURE, NERVOUS, PHENO, ALL,
             GENERALIZED, CATARACT, VISION, BRUISING, DELAY]


@pytest.fixture(scope="module")
def stored() -> PhenotypeModel:
    """A model as stored (its term rows made), read back."""
    return from_bytes(to_bytes(PhenotypeModel.from_records(TERMS, annotation_records(),
                                                           NAMES)))


def cases() -> list[BatchCase]:
    rng = np.random.default_rng(3)
    made = []
    for number in range(300):
        present = rng.choice(SPELLINGS, int(rng.integers(1, 6))).tolist()
        excluded = rng.choice(SPELLINGS, int(rng.integers(0, 4))).tolist()
        made.append(BatchCase(f"c{number}", tuple(present), tuple(excluded)))
    return made


def test_chunks_are_written_as_case_by_case(stored: PhenotypeModel) -> None:
    entries = _ranking_entries(stored)
    batch = cases()
    for top in range(1, len(stored.disease_ids)):
        assert ChunkRanker.of(stored, "lr", top) is not None
        expected = [_json_line(stored, case, top, "lr", entries) for case in batch]
        assert _ranked_lines(stored, batch, top, "lr") == expected
    assert ChunkRanker.of(stored, "lr", len(stored.disease_ids)) is None
    assert ChunkRanker.of(stored, "resnik-bma", 1) is None


def test_prepared_and_pruned_as_the_model_does(stored: PhenotypeModel) -> None:
    ranker = ChunkRanker.of(stored, "lr", 1)
    assert ranker is not None
    scorer = stored.scorer("lr")
    assert isinstance(scorer, LikelihoodRatio)
    for case in cases():
        prepared = stored.prepare(case.present, case.excluded)
        present, excluded, unknown, mapped = ranker.prepare(case)
        assert (present, excluded) == (prepared.query.present, prepared.query.excluded)
        assert unknown == prepared.unknown
        assert list(mapped.items()) == list(prepared.mapped.items())
        assert ranker.most_specific(present) == scorer.present_terms(prepared.query)
        rows = scorer.term_rows
        assert rows is not None
        summed = ranker.summed(scorer.present_terms(prepared.query))
        assert summed.tobytes() == rows.summed(scorer.present_terms(prepared.query)).tobytes()


@pytest.mark.parametrize("size", [7, 40, 199, 1000, 4321])
def test_the_cut_is_at_or_above_cut(stored: PhenotypeModel, size: int) -> None:
    rng = np.random.default_rng(size)
    ranker = ChunkRanker.of(stored, "lr", 1)
    assert ranker is not None
    for top, kind in itertools.product((1, 2, 3, 10, 100), range(4)):
        if top >= size:
            continue
        ranker.top = top
        scores = rng.normal(size=size)
        if kind == 1:  # many ties
            scores = np.round(scores, 1)
        elif kind == 2:  # one value nearly everywhere
            scores = np.where(rng.random(size) < 0.9, -3.0, scores)
        elif kind == 3:  # a NaN somewhere
            scores[int(rng.integers(0, size))] = np.nan
        assert ranker.cut(scores).tolist() == at_or_above_cut(scores, top).tolist()
        found = ranker.sorted_cut(scores)
        if found is None:
            assert kind == 3 or size < 4 * top
            continue
        chosen, values = found
        assert values.tobytes() == scores[chosen].tobytes()
        # best first, equal scores in index order
        assert np.lexsort((chosen, -values)).tolist() == list(range(len(chosen)))
