"""Geometry and words for the server-rendered SVG pictures (overview, symptom table).

The templates draw; this module only computes positions so that the pictures need no
script and no inline style (the CSP allows stylesheets from the site only).
"""

from __future__ import annotations

import math

from jinja2 import Environment

from rareinfo.kb.overview.words import frequency_word

SCALE_LEFT, SCALE_RIGHT = 10.0, 310.0  # the prevalence scale's ends in SVG units
SCALE_MIN, SCALE_MAX = 1e-7, 1e-2  # 1 in 10 million .. 1 in 100 people
SCALE_TICKS = ((1e-6, "1 in 1,000,000"), (1e-4, "1 in 10,000"), (1e-2, "1 in 100"))
BAR_WIDTH = 60.0  # the symptom table's frequency bar


def scale_x(fraction: float) -> float:
    """Where a share of people (0.0001 = 1 in 10,000) sits on the log prevalence scale."""
    clamped = min(max(fraction, SCALE_MIN), SCALE_MAX)
    span = math.log10(SCALE_MAX) - math.log10(SCALE_MIN)
    share = (math.log10(clamped) - math.log10(SCALE_MIN)) / span
    return round(SCALE_LEFT + share * (SCALE_RIGHT - SCALE_LEFT), 1)


def bar_width(value: float | None, full: float = BAR_WIDTH) -> float:
    """A bar's length for a share between 0 and 1 (at least a sliver when above 0)."""
    if value is None or value <= 0:
        return 0.0
    return round(max(min(value, 1.0) * full, 1.5), 1)


def how_many(fraction: float | None, label: str | None, m: int | None) -> str:
    """The everyday word for a frequency ("most", "about half", ...); "" when unknown."""
    return frequency_word(fraction, label, m) or ""


def register(env: Environment) -> None:
    """Make the chart helpers available to the templates."""
    env.filters["scale_x"] = scale_x
    env.filters["bar_width"] = bar_width
    env.globals["how_many"] = how_many
    env.globals["scale_ticks"] = SCALE_TICKS
    env.globals["scale_ends"] = (SCALE_LEFT, SCALE_RIGHT)
