"""POST /api/v1/diagnose (one case) and /api/v1/diagnose/batch: ranked pages with reasons.

A body is our own request or a raw GA4GH phenopacket. Results are pages, best first, each
with its ranked source records inside; what a phenopacket gives that the ranking does not
use (sex, onset, genes) is echoed in ``unused`` rather than silently dropped.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, HTTPException, Request
from starlette.concurrency import run_in_threadpool

from rareinfo.kb import mappings as kbm
from rareinfo.phenotype import PhenopacketError
from rareinfo.phenotype.phenopacket import PhenopacketCase, phenopacket_case
from rareinfo.service.live import Snapshot
from rareinfo.web.api.models.diagnosis import (
    BatchRequest,
    BatchResponse,
    BatchResult,
    DiagnoseBody,
    DiagnoseRequest,
    DiagnoseResponse,
    Phenopacket,
    UnusedInput,
    diagnosis_of,
)
from rareinfo.web.api.responses import ERRORS
from rareinfo.web.deps import SnapshotDep
from rareinfo.web.ranking import run_diagnosis

router = APIRouter(prefix="/api/v1", tags=["diagnosis"])


def _unused(case: PhenopacketCase, document: dict[str, Any]) -> list[UnusedInput]:
    why = "read from the phenopacket; the ranking does not use it"
    unused = []
    if case.sex:
        unused.append(UnusedInput(field="subject.sex", value=str(case.sex), reason=why))
    if case.onset:
        unused.append(UnusedInput(field="onset", value=case.onset, reason=why))
    if document.get("interpretations"):
        unused.append(UnusedInput(field="interpretations", value="genes and variants",
                                  reason=why))
    return unused


def _diagnose(snapshot: Snapshot, body: Phenopacket | DiagnoseRequest, base_url: str,
              top: int | None = None) -> DiagnoseResponse:
    if isinstance(body, Phenopacket):
        request = DiagnoseRequest(phenopacket=body.model_dump(exclude_none=True),
                                  top=top or 20)
    else:
        request = body
    present, excluded = list(request.present), list(request.excluded)
    unused: list[UnusedInput] = []
    if request.phenopacket is not None:
        try:
            case = phenopacket_case(request.phenopacket, "phenopacket")
        except PhenopacketError as exc:
            raise HTTPException(422, f"phenopacket: {exc}") from exc
        present += case.present
        excluded += case.excluded
        unused = _unused(case, request.phenopacket)
    ranking = run_diagnosis(snapshot, present, excluded, request.text, request.top,
                            request.method, request.mode)
    records = [r.disease_id for r in ranking.diagnosis.results]
    pages = {r.input: (r.page_id, r.name) for r in kbm.resolve(snapshot.kb.engine, records)
             if r.page_id is not None and r.name is not None}
    return diagnosis_of(ranking, pages, base_url, unused)


@router.post("/diagnose", response_model=DiagnoseResponse, responses=ERRORS)
async def diagnose(snapshot: SnapshotDep, request: Request,
                   body: Annotated[DiagnoseBody, Body()]) -> DiagnoseResponse:
    """Rank every disease for the symptoms given (our request or a raw GA4GH phenopacket):
    pages best first, each with its ranked source records and the reasons for their rank."""
    return await run_in_threadpool(_diagnose, snapshot, body, str(request.base_url))


@router.post("/diagnose/batch", response_model=BatchResponse, responses=ERRORS,
             operation_id="diagnoseBatch")
async def diagnose_batch(snapshot: SnapshotDep, request: Request,
                         body: BatchRequest) -> BatchResponse:
    """Up to 25 cases in one call, each answered as a single diagnosis would be; a case
    that cannot be ranked says why and the others go on."""
    base = str(request.base_url)

    def run() -> BatchResponse:
        out = []
        for number, case in enumerate(body.cases):
            case_id = case.id if isinstance(case, Phenopacket) else None
            try:
                result = _diagnose(snapshot, case, base, body.top)
            except HTTPException as exc:
                out.append(BatchResult(case=number, id=case_id, diagnosis=None,
                                       error=str(exc.detail)))
                continue
            out.append(BatchResult(case=number, id=case_id, diagnosis=result, error=None))
        return BatchResponse(results=out)

    return await run_in_threadpool(run)
