"""The calibrated certainty of a ranking: reliability tables, monotone shares, the lookup."""

from __future__ import annotations

import math

import numpy as np
import pytest

from rareinfo.phenotype.calibration import (
    EDGES,
    MODES,
    Band,
    band_index,
    best_share,
    calibration,
    certainty,
    monotone,
    reliability,
)


def test_best_share_is_the_posterior_of_the_best_match() -> None:
    # log LRs 2, 0, 0: posterior of the first = e^2 / (e^2 + 2)
    share = best_share(np.array([2.0, 0.0, 0.0]))
    assert share == pytest.approx(math.exp(2) / (math.exp(2) + 2))
    assert best_share(np.array([1000.0, 0.0])) == pytest.approx(1.0)  # no overflow
    assert best_share(np.array([1.0, 1.0, 1.0, 1.0])) == pytest.approx(0.25)


def test_band_edges_are_inclusive_below() -> None:
    assert band_index(0.0) == 0
    assert band_index(0.1) == 1
    assert band_index(0.0999) == 0
    assert band_index(1.0) == len(EDGES) - 1


def test_reliability_counts_cases_per_band() -> None:
    edges = (0.0, 0.5)
    shares = [0.2, 0.3, 0.9, 0.95, 0.99]
    ranks = [1.0, 12.0, 1.0, 3.0, math.inf]
    table = reliability(shares, ranks, ["A", "B", "A", "A", "C"], edges)
    low, high = table
    assert (low.cases, low.first, low.top_ten, low.diagnoses) == (2, 0.5, 0.5, 2)
    assert (high.cases, high.diagnoses) == (3, 2)
    assert high.first == pytest.approx(1 / 3) and high.top_ten == pytest.approx(2 / 3)
    # per diagnosis: A has 1 of 2 first, C 0 of 1 -> (0.5 + 0) / 2
    assert high.first_per_diagnosis == pytest.approx(0.25)
    assert high.top_ten_per_diagnosis == pytest.approx(0.5)
    assert (low.low, low.high, high.low, high.high) == (0.0, 0.5, 0.5, 1.0)


def test_monotone_pools_bands_that_promise_less_than_vaguer_ones() -> None:
    table = [Band(0.0, 0.5, 10, 0.2, 0.4), Band(0.5, 0.9, 30, 0.6, 0.7),
             Band(0.9, 1.0, 10, 0.2, 0.9)]
    pooled = monotone(table)
    # the last two are pooled, weighted by cases: (0.6 * 30 + 0.2 * 10) / 40 = 0.5
    assert [b.first for b in pooled] == pytest.approx([0.2, 0.5, 0.5])
    assert [b.top_ten for b in pooled] == pytest.approx([0.4, 0.7, 0.9])  # already monotone
    assert [b.cases for b in pooled] == [10, 30, 10]


def test_certainty_looks_the_share_up_in_the_table() -> None:
    table = (Band(0.0, 0.5, 100, 0.1, 0.3), Band(0.5, 1.0, 40, 0.8, 0.9))
    weak = certainty(0.2, "lay", table)
    assert (weak.cases, weak.first, weak.top_ten, weak.words) == (100, 0.1, 0.3,
                                                                   "no clear lead")
    strong = certainty(0.99, "clinician", table)
    assert (strong.cases, strong.words) == (40, "a strong lead")


def test_the_shipped_tables_are_complete_and_monotone() -> None:
    tables = calibration()
    for mode in MODES:
        bands = tables[mode]
        assert [b.low for b in bands] == list(EDGES)
        assert sum(b.cases for b in bands) > 1000
        for column in ("first", "top_ten"):
            values = [getattr(b, column) for b in bands]
            assert values == sorted(values) and all(0 <= v <= 1 for v in values)
