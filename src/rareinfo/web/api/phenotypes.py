"""GET /api/v1/phenotypes/{identifier}: an HPO term by id."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import Response

from rareinfo.web.api.entities import entity_json
from rareinfo.web.api.models.entities import Phenotype, phenotype_of
from rareinfo.web.api.responses import ERRORS
from rareinfo.web.deps import SnapshotDep
from rareinfo.web.lookup import find_phenotype

# The catch-all of /api/v1/phenotypes/{identifier:path}: registered after its sub-paths.
catch_all = APIRouter(prefix="/api/v1", tags=["phenotypes"])


@catch_all.get("/phenotypes/{identifier:path}", response_model=Phenotype, responses={
    **ERRORS, 301: {"description": "An alternative id of the term: moved to its current id",
          "headers": {"Location": {"description": "the current address",
                                   "schema": {"type": "string"}}}}})
async def get_phenotype(request: Request, snapshot: SnapshotDep, identifier: Annotated[str, Path(
        description="An HPO term id (`HP:0001250`, `hp_0001250`) or an alt_id, which answers"
                    " 301 to the current id",
        examples=["HP:0001250"])]) -> Response:
    """An HPO term by id (HP:0006721, hp_0006721, or an alt_id)."""
    return await entity_json(request, snapshot, "phenotypes", identifier, find_phenotype,
                             phenotype_of)
