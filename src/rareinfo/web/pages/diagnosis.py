"""The "Check symptoms" page: chips for present and absent symptoms, ranked results."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from rareinfo.service.live import Snapshot
from rareinfo.web.deps import SnapshotDep
from rareinfo.web.inputs import MAX_QUERY
from rareinfo.web.ranking import DISCLAIMER, MAX_TERMS, MAX_TEXT, ranking_dict, run_diagnosis
from rareinfo.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/diagnose", response_class=HTMLResponse)
async def check_symptoms(
    request: Request,
    snapshot: SnapshotDep,
    present: Annotated[list[str], Query(max_length=MAX_TERMS)] = [],  # noqa: B006
    absent: Annotated[list[str], Query(max_length=MAX_TERMS)] = [],  # noqa: B006
    text: Annotated[str, Query(max_length=MAX_TEXT)] = "",
) -> HTMLResponse:
    """The "Check symptoms" page: chips for present and absent symptoms, ranked results."""
    for value in (*present, *absent):
        if len(value) > MAX_QUERY:
            raise HTTPException(400, "a symptom identifier is too long")
    result = None
    if present or text.strip():
        ranking = await run_in_threadpool(run_diagnosis, snapshot, list(present),
                                          list(absent), text or None, 20, "lr", "lay")
        result = ranking_dict(ranking)
    return HTMLResponse(render(request, "diagnose.html", {
        "result": result, "text": text, "disclaimer": DISCLAIMER,
        "chosen": _chosen(snapshot, present, absent)}))


def _chosen(snapshot: Snapshot, present: list[str], absent: list[str]) -> list[dict[str, str]]:
    chips = []
    for state, ids in (("present", present), ("absent", absent)):
        for term_id in ids:
            resolved = snapshot.kb.resolve_phenotype(term_id)
            term = snapshot.kb.phenotype(resolved) if resolved else None
            chips.append({"id": resolved or term_id, "name": term.name if term else term_id,
                          "state": state})
    return chips
