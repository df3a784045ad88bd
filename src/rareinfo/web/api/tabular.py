"""Lists as JSON or TSV: chosen by ``format=tsv`` or ``Accept: text/tab-separated-values``.

TSV has one header line of the JSON field names; a nested object's fields become
``parent_field`` columns and lists are joined with ``|``, so a TSV row holds exactly what
the JSON row holds. Paging is the same in both; the TSV answer carries ``total`` and the
``next`` link in the ``X-Total-Count`` and ``Link`` headers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any, Literal

from fastapi import Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

TSV = "text/tab-separated-values"
Format = Literal["json", "tsv"]
FormatQuery = Annotated[Format | None, Query(
    description="json (default) or tsv; `Accept: text/tab-separated-values` also gives TSV")]
# The OpenAPI "responses" entry of a list that also answers TSV.
TSV_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {TSV: {"schema": {"type": "string"},
                            "example": "disease_id\tdisease_name\nMONDO:0007947\tMarfan "
                                       "syndrome\n"}}}}


def wants_tsv(request: Request, format_: Format | None) -> bool:
    """Whether the client asked for TSV (the parameter wins over the Accept header)."""
    if format_ is not None:
        return format_ == "tsv"
    accept = request.headers.get("accept", "")
    return TSV in accept and "application/json" not in accept


def next_link(request: Request, offset: int, limit: int, total: int) -> str | None:
    """The absolute URL of the next page, or None on the last one."""
    if offset + limit >= total:
        return None
    return str(request.url.include_query_params(offset=offset + limit, limit=limit))


def _flat(row: dict[str, Any], prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_flat(value, f"{name}_"))
        elif isinstance(value, list):
            out[name] = "|".join(_cell(v) for v in value)
        else:
            out[name] = _cell(value)
    return out


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def tsv_response(rows: Sequence[BaseModel], model: type[BaseModel], *, total: int | None = None,
                 next_url: str | None = None) -> Response:
    """Rows as TSV with a header line even when there are none."""
    columns = _columns(model)
    lines = ["\t".join(columns)]
    for row in rows:
        flat = _flat(row.model_dump(mode="json"))
        lines.append("\t".join(flat.get(c, "") for c in columns))
    headers = {}
    if total is not None:
        headers["X-Total-Count"] = str(total)
    if next_url is not None:
        headers["Link"] = f'<{next_url}>; rel="next"'
    return Response("\n".join(lines) + "\n", media_type=f"{TSV}; charset=utf-8",
                    headers=headers)


def _columns(model: type[BaseModel], prefix: str = "") -> list[str]:
    """Column names of a model: nested models expanded, in field order."""
    names: list[str] = []
    for key, info in model.model_fields.items():
        nested = _nested_model(info.annotation)
        if nested is not None:
            names.extend(_columns(nested, f"{prefix}{key}_"))
        else:
            names.append(f"{prefix}{key}")
    return names


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):  # Optional[Model]
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
    return None
