"""POST /api/v1/diagnose: symptoms in, every disease ranked with its reasons out."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException
from starlette.concurrency import run_in_threadpool

from rareinfo.phenotype import PhenopacketError
from rareinfo.phenotype.phenopacket import phenopacket_case
from rareinfo.web.api.models.diagnosis import DiagnoseRequest, DiagnoseResponse, diagnosis_of
from rareinfo.web.deps import SnapshotDep
from rareinfo.web.ranking import run_diagnosis

router = APIRouter(prefix="/api/v1", tags=["diagnosis"])


@router.post("/diagnose")
async def diagnose(snapshot: SnapshotDep, body: DiagnoseRequest) -> DiagnoseResponse:
    """Rank every disease for the symptoms given, each with the reasons for its rank."""
    present, excluded = list(body.present), list(body.excluded)
    if body.phenopacket is not None:
        try:
            case = phenopacket_case(body.phenopacket, "phenopacket")
        except PhenopacketError as exc:
            raise HTTPException(422, f"phenopacket: {exc}") from exc
        present += case.present
        excluded += case.excluded
    ranking = await run_in_threadpool(run_diagnosis, snapshot, present, excluded,
                                      body.text, body.top, body.method)
    return diagnosis_of(ranking)
