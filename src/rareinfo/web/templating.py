"""Jinja2 environment for the pages, with the filters the templates need."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from fastapi import Request
from jinja2 import Environment, PackageLoader, select_autoescape

from rareinfo import __version__
from rareinfo import curie as curies
from rareinfo.web import charts


def _percent(fraction: float | None) -> str:
    if fraction is None:
        return ""
    value = 100 * fraction
    return f"{value:.0f}%" if value >= 1 or value == 0 else f"{value:.1f}%"


def _human_date(value: date | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        try:
            parsed = date.fromisoformat(value[:10])
        except ValueError:
            return value
    else:
        parsed = value
    return f"{parsed:%B} {parsed.day}, {parsed:%Y}"


def _hpo_number(term_id: str) -> str:
    return term_id.removeprefix("HP:")


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The shared template environment (templates ship inside the package)."""
    env = Environment(
        loader=PackageLoader("rareinfo.web", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters["percent"] = _percent
    env.filters["human_date"] = _human_date
    env.filters["external_url"] = curies.external_url
    env.filters["hpo_number"] = _hpo_number
    env.globals["version"] = __version__
    charts.register(env)
    return env


def render(request: Request | None, template: str, context: dict[str, Any]) -> str:
    """Render a page template with the request's query for the search box."""
    query = request.query_params.get("q", "") if request is not None else ""
    return environment().get_template(template).render(
        {"search_query": query if len(query) <= 200 else "", **context}
    )
