"""GET /api/v1/mappings (SSSOM fields) and POST /api/v1/resolve (identifiers -> pages)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from rareinfo.kb import mappings as kbm
from rareinfo.web.api.models import associations as models
from rareinfo.web.api.responses import ERRORS
from rareinfo.web.api.tabular import TSV_RESPONSE, FormatQuery, tsv_response, wants_tsv
from rareinfo.web.deps import SnapshotDep
from rareinfo.web.inputs import clean_identifier

router = APIRouter(prefix="/api/v1", tags=["mappings"])
MAX_IDS = 1000


@router.get("/mappings", response_model=models.Mappings,
            responses={**ERRORS, **TSV_RESPONSE}, operation_id="listMappings")
def mappings(
    snapshot: SnapshotDep, request: Request,
    id: Annotated[list[str], Query(
        min_length=1, max_length=MAX_IDS, description="a disease identifier (CURIE); repeat "
        "the parameter for several", examples=["OMIM:154700"])],
    format: FormatQuery = None,
) -> Response | models.Mappings:
    """Every mapping of the identifiers in SSSOM's fields, the asked identifier as subject,
    with the page each side belongs to."""
    asked = [clean_identifier(i) for i in id]
    rows = [models.mapping_of(m) for m in kbm.mappings(snapshot.kb.engine, asked)]
    if wants_tsv(request, format):
        return tsv_response(rows, models.Mapping, total=len(rows))
    return models.Mappings(results=rows)


@router.post("/resolve", response_model=models.ResolveResponse, responses=ERRORS,
             operation_id="resolveIdentifiers")
def resolve(snapshot: SnapshotDep, request: Request,
            body: models.ResolveRequest) -> models.ResolveResponse:
    """The page of each identifier (up to 1000 in one call), in the order given."""
    if any(len(i) > 80 for i in body.ids):
        raise HTTPException(400, "ids: an identifier is at most 80 characters long")
    base = str(request.base_url)
    found = kbm.resolve(snapshot.kb.engine, [clean_identifier(i) for i in body.ids])
    return models.ResolveResponse(results=[models.resolved_of(r, base) for r in found])
