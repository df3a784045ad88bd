"""GET /api/v1/diseases/{identifier}: a disease by any of its identifiers."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import Response

from rareinfo.web.api.entities import entity_json
from rareinfo.web.api.models.entities import Disease, disease_of
from rareinfo.web.api.responses import ERRORS
from rareinfo.web.deps import SnapshotDep
from rareinfo.web.lookup import find_disease

# The catch-all of /api/v1/diseases/{identifier:path}: registered after its sub-paths.
catch_all = APIRouter(prefix="/api/v1", tags=["diseases"])


@catch_all.get("/diseases/{identifier:path}", response_model=Disease, responses={
    **ERRORS, 301: {"description": "Another identifier of the disease: moved to its primary id",
          "headers": {"Location": {"description": "the primary address",
                                   "schema": {"type": "string"}}}}})
async def get_disease(request: Request, snapshot: SnapshotDep, identifier: Annotated[str, Path(
        description="Any identifier of the disease: MONDO, ORPHA, OMIM, GARD, DECIPHER, DOID,"
                    " ... (`OMIM:154700`, `Orphanet_558`, a bare OMIM number); any but the "
                    "primary one answers 301 to it",
        examples=["MONDO:0007947"])]) -> Response:
    """A disease by any of its identifiers (OMIM:613065, ORPHA:513, 613065, ...)."""
    return await entity_json(request, snapshot, "diseases", identifier, find_disease, disease_of)
