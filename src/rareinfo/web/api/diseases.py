"""GET /api/v1/diseases/{identifier}: a disease by any of its identifiers."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

from rareinfo.web.api.entities import entity_json
from rareinfo.web.api.models.entities import Disease, disease_of
from rareinfo.web.api.responses import ERRORS
from rareinfo.web.deps import SnapshotDep
from rareinfo.web.lookup import find_disease

# The catch-all of /api/v1/diseases/{identifier:path}: registered after its sub-paths.
catch_all = APIRouter(prefix="/api/v1", tags=["api"])


@catch_all.get("/diseases/{identifier:path}", response_model=Disease, responses={
    **ERRORS, 301: {"description": "Another identifier of the disease: moved to its primary id"}})
async def get_disease(snapshot: SnapshotDep, identifier: str) -> Response:
    """A disease by any of its identifiers (OMIM:613065, ORPHA:513, 613065, ...)."""
    return await entity_json(snapshot, "diseases", identifier, find_disease, disease_of)
