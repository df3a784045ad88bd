"""How sure a ranking is, in figures measured on published cases rather than a model's word.

The likelihood-ratio ranking gives each disease a posterior probability under a uniform
prior; the best match's posterior (its *share*) separates confident rankings from vague
ones well (on the development cases it predicts "the diagnosis is first" with an area under
the ROC curve of 0.85, better than the top score or the gap to the second), but taken
literally it is far too sure: of the cases whose best match had a share of 0.35 to 0.7,
the diagnosis was first in about a fifth. So the share is only used to look the case up in
a reliability table measured on the independent development cases (the diagnosis has
annotations, none drawn from the case's own paper; ``bench/diagnose_calibration.py``
writes it to ``calibration.json``): per band of the share, how many cases fell in it,
and in what share of them the diagnosis was first and among the first ten, made
non-decreasing from band to band. That is what a person is shown, with the number of
cases behind it, per ranking, not per disease. A disease without annotations cannot be
found by any ranking; the figures are for diseases that can.

There is one table per weighting of absent symptoms (``Mode``), and none for the other
ranking methods: they get no figure at all.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray

Mode = Literal["clinician", "lay"]
MODES: tuple[Mode, ...] = ("clinician", "lay")
# Lower edges of the bands of the best match's share (the last band ends at 1).
EDGES = (0.0, 0.1, 0.35, 0.7, 0.9, 0.99, 0.999)
CALIBRATION_FILE = "calibration.json"


@dataclass(frozen=True, slots=True)
class Band:
    """One band of the reliability table."""

    low: float  # best match's share from (inclusive) ...
    high: float  # ... to (exclusive; the last band includes 1)
    cases: int  # development cases whose best match fell in the band
    first: float  # share of them with the diagnosis ranked first
    top_ten: float  # share of them with the diagnosis among the first ten
    diagnoses: int = 0  # distinct diagnoses among those cases
    first_per_diagnosis: float = 0.0  # the same shares, each diagnosis weighted equally
    top_ten_per_diagnosis: float = 0.0


@dataclass(frozen=True, slots=True)
class Certainty:
    """How sure a ranking is: what happened in development cases like it."""

    mode: Mode
    share: float  # the best match's posterior share (uncalibrated), for the record
    cases: int  # development cases in the same band
    first: float  # share of them with the diagnosis first
    top_ten: float  # share of them with the diagnosis among the first ten
    words: str  # the same in a few plain words

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict."""
        return asdict(self)


def best_share(primary: NDArray[np.float64]) -> float:
    """The best match's posterior probability under a uniform prior (log-LR scores)."""
    if primary.size == 0:
        return 0.0
    weights = np.exp(primary - primary.max())  # shifted: no overflow
    return float(1.0 / weights.sum())


def band_index(share: float, edges: Sequence[float] = EDGES) -> int:
    """Which band a share falls in."""
    return max(0, int(np.searchsorted(np.asarray(edges), share, side="right")) - 1)


def reliability(
    shares: Sequence[float], ranks: Sequence[float], diagnoses: Sequence[str],
    edges: Sequence[float] = EDGES,
) -> list[Band]:
    """The reliability table: per band, cases and the shares first and in the top ten.

    ``ranks`` are the diagnosis's positions (inf when it was not ranked at all).
    """
    bands = [band_index(s, edges) for s in shares]
    table: list[Band] = []
    for number, low in enumerate(edges):
        high = edges[number + 1] if number + 1 < len(edges) else 1.0
        chosen = [(r, d) for b, r, d in zip(bands, ranks, diagnoses, strict=True)
                  if b == number]
        per: dict[str, list[float]] = {}
        for rank, diagnosis in chosen:
            per.setdefault(diagnosis, []).append(rank)
        table.append(Band(
            low, high, len(chosen),
            _share([r for r, _ in chosen], 1), _share([r for r, _ in chosen], 10),
            len(per),
            float(np.mean([_share(v, 1) for v in per.values()])) if per else 0.0,
            float(np.mean([_share(v, 10) for v in per.values()])) if per else 0.0,
        ))
    return table


def monotone(table: Sequence[Band]) -> list[Band]:
    """The table with its shares made non-decreasing from band to band (weighted by cases).

    A surer band cannot honestly promise less than a vaguer one; where small bands
    disagree with that, neighbouring bands are pooled (pool adjacent violators).
    """
    cases = [b.cases for b in table]
    first = _pooled([b.first for b in table], cases)
    top_ten = _pooled([b.top_ten for b in table], cases)
    return [Band(b.low, b.high, b.cases, f, t, b.diagnoses, b.first_per_diagnosis,
                 b.top_ten_per_diagnosis)
            for b, f, t in zip(table, first, top_ten, strict=True)]


def _pooled(values: Sequence[float], weights: Sequence[int]) -> list[float]:
    """Pool adjacent violators: the closest non-decreasing sequence (weighted least squares)."""
    blocks: list[list[float]] = []  # [mean, weight, count]
    for value, weight in zip(values, weights, strict=True):
        blocks.append([value, float(max(weight, 0)), 1.0])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            mean, w, n = blocks.pop()
            before = blocks[-1]
            total = before[1] + w
            before[0] = (before[0] * before[1] + mean * w) / total if total else mean
            before[1] = total
            before[2] += n
    return [mean for mean, _, n in blocks for _ in range(int(n))]


def _share(ranks: Sequence[float], cutoff: int) -> float:
    return float(np.mean(np.asarray(ranks) <= cutoff)) if ranks else 0.0


def words_for(first: float, top_ten: float) -> str:
    """A ranking's certainty in plain words, from the calibrated shares."""
    if first >= 0.5:
        return "a strong lead"
    if top_ten >= 0.5:
        return "a possible lead, not a clear one"
    return "no clear lead"


def certainty(share: float, mode: Mode, table: Sequence[Band] | None = None) -> Certainty:
    """The calibrated certainty of a ranking whose best match has this share."""
    bands = table if table is not None else calibration()[mode]
    band = bands[band_index(share, [b.low for b in bands])]
    return Certainty(mode, round(share, 6), band.cases, band.first, band.top_ten,
                     words_for(band.first, band.top_ten))


@cache
def calibration() -> dict[Mode, tuple[Band, ...]]:
    """The reliability tables shipped with the package, per mode."""
    text = resources.files("rareinfo.phenotype").joinpath(CALIBRATION_FILE).read_text()
    raw = json.loads(text)
    return {mode: tuple(Band(**band) for band in raw["modes"][mode]) for mode in MODES}


def describe(found: Certainty) -> str:
    """The certainty as one sentence, the same on every surface."""
    return (f"How sure: {found.words}. In {found.cases:,} published cases whose best match "
            f"stood out as much as this one, the diagnosis was first in {found.first:.0%} and "
            f"among the first ten in {found.top_ten:.0%} (cases of diseases with annotated "
            "symptoms; rareinfo cannot find a disease that has none).")
