"""The differential diagnosis over HTTP: the JSON endpoint and the "Check symptoms" page."""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from rareinfo.phenotype import PhenopacketError
from rareinfo.phenotype.calibration import Mode, describe
from rareinfo.phenotype.phenopacket import phenopacket_case
from rareinfo.phenotype.text import TextMapping
from rareinfo.service.diagnosis import ranked_scope
from rareinfo.service.live import Snapshot
from rareinfo.web.inputs import MAX_QUERY
from rareinfo.web.lookup import snapshot_of
from rareinfo.web.templating import render

api = APIRouter(prefix="/api/v1", tags=["api"])
pages = APIRouter(include_in_schema=False)
Method = Literal["lr", "resnik-onesided", "resnik-bma", "lin-onesided", "lin-bma"]
MAX_TERMS = 100
MAX_TEXT = 2000
DISCLAIMER = ("This ranking supports a clinician's judgement; it does not replace it. Talk to "
              "a healthcare professional about any symptoms.")


class DiagnoseRequest(BaseModel):
    """Symptoms in: HPO ids, plain words, or a GA4GH phenopacket (any combination)."""

    present: list[str] = Field(default_factory=list, max_length=MAX_TERMS,
                               examples=[["HP:0001250", "HP:0001263"]])
    excluded: list[str] = Field(default_factory=list, max_length=MAX_TERMS)
    text: str | None = Field(default=None, max_length=MAX_TEXT,
                             examples=["seizures, developmental delay, no hearing loss"])
    phenopacket: dict[str, Any] | None = None
    top: int = Field(default=20, ge=1, le=500)
    method: Method = "lr"
    mode: Mode = Field(default="clinician", description=(
        "Who recorded the absent symptoms. 'clinician' (the default): they were looked "
        "for, as in a clinical record or a published case, so the absence of a feature "
        "that a suspected disease often has weighs against it less than chance would say "
        "and an absence of a feature it never has supports it less. 'lay': a person's own "
        "account; an absent symptom only counts by how often each disease shows it. The "
        "Check symptoms page uses 'lay'."))


def run_diagnosis(snapshot: Snapshot, present: list[str], excluded: list[str],
                  text: str | None, top: int, method: str, mode: Mode) -> dict[str, Any]:
    """Map the text, rank every disease and return the JSON-ready answer."""
    model = snapshot.model()
    mapping: TextMapping | None = None
    if text:
        mapping = model.map_text(text)
        present = [*present, *mapping.present]
        excluded = [*excluded, *mapping.excluded]
    if not present:
        raise HTTPException(422, "give at least one present symptom (an HPO id or plain words)")
    diagnosis = model.rank(present, excluded, top=top, method=method, explain=min(top, 20),
                           mode=mode)
    body = diagnosis.to_dict()
    body["ranked"] = ranked_scope(snapshot.kb, diagnosis)
    body["certainty_text"] = (None if diagnosis.certainty is None
                              else describe(diagnosis.certainty))
    body["disclaimer"] = DISCLAIMER
    body["text"] = dataclasses.asdict(mapping) if mapping is not None else None
    for result in body["results"]:
        result["url"] = f"/diseases/{result['disease_id']}"
    return body


@api.post("/diagnose")
async def diagnose(request: Request, body: DiagnoseRequest) -> dict[str, Any]:
    """Rank every disease for the symptoms given, each with the reasons for its rank."""
    present, excluded = list(body.present), list(body.excluded)
    if body.phenopacket is not None:
        try:
            case = phenopacket_case(body.phenopacket, "phenopacket")
        except PhenopacketError as exc:
            raise HTTPException(422, f"phenopacket: {exc}") from exc
        present += case.present
        excluded += case.excluded
    return await run_in_threadpool(run_diagnosis, snapshot_of(request), present, excluded,
                                   body.text, body.top, body.method, body.mode)


@pages.get("/diagnose", response_class=HTMLResponse)
async def check_symptoms(
    request: Request,
    present: Annotated[list[str], Query(max_length=MAX_TERMS)] = [],  # noqa: B006
    absent: Annotated[list[str], Query(max_length=MAX_TERMS)] = [],  # noqa: B006
    text: Annotated[str, Query(max_length=MAX_TEXT)] = "",
) -> HTMLResponse:
    """The "Check symptoms" page: chips for present and absent symptoms, ranked results."""
    for value in (*present, *absent):
        if len(value) > MAX_QUERY:
            raise HTTPException(400, "a symptom identifier is too long")
    snapshot = snapshot_of(request)
    result = None
    if present or text.strip():
        result = await run_in_threadpool(run_diagnosis, snapshot, list(present), list(absent),
                                         text or None, 20, "lr", "lay")
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
