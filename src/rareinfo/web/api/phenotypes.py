"""GET /api/v1/phenotypes/{identifier}: an HPO term by id."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

from rareinfo.web.api.entities import entity_json
from rareinfo.web.api.models.entities import Phenotype, phenotype_of
from rareinfo.web.api.responses import ERRORS
from rareinfo.web.deps import SnapshotDep
from rareinfo.web.lookup import find_phenotype

router = APIRouter(prefix="/api/v1", tags=["api"])


@router.get("/phenotypes/{identifier:path}", response_model=Phenotype, responses={
    **ERRORS, 301: {"description": "An alternative id of the term: moved to its current id"}})
async def get_phenotype(snapshot: SnapshotDep, identifier: str) -> Response:
    """An HPO term by id (HP:0006721, hp_0006721, or an alt_id)."""
    return await entity_json(snapshot, "phenotypes", identifier, find_phenotype,
                             phenotype_of)
