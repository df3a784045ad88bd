"""A batch line's scores are written as ``json.dumps(round(score, 6))`` writes them."""

from __future__ import annotations

import json

import numpy as np

from rareinfo.phenotype.batch import rounded_reprs


def expected(scores: np.ndarray) -> list[str]:
    return [json.dumps(round(score, 6)) for score in scores.tolist()]


def test_rounded_reprs_are_round_then_repr() -> None:
    rng = np.random.default_rng(5)
    halves = (rng.integers(-10**9, 10**9, 2000) + 0.5) / 1e6  # at or next to a half
    near = np.concatenate([np.nextafter(halves, np.inf), np.nextafter(halves, -np.inf),
                           np.nextafter(np.nextafter(halves, np.inf), np.inf)])
    special = np.array([0.0, -0.0, 1e-7, -1e-7, 5e-7, -5e-7, 1.5e-6, 1e-5, -2.5e-5, 1e-4,
                        123456789.1234565, 2.0**52 / 1e6, 2.0**53, -1e16, 1e22, 3.0e300,
                        -1.7976931348623157e308, 5e-324, 0.1 + 0.2])
    wide = rng.normal(size=5000) * 10.0 ** rng.integers(-8, 12, 5000)
    usual = rng.normal(-5, 10, 5000)
    for scores in (halves, near, special, wide, usual, np.zeros(0)):
        assert rounded_reprs(scores.astype(np.float64)) == expected(scores)
