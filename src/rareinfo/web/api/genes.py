"""GET /api/v1/genes/{identifier} and its diseases: a gene by HGNC id, NCBI Gene id or symbol."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import Engine

from rareinfo.kb import associations as kb
from rareinfo.kb import mappings as kbm
from rareinfo.web.api.associations import RESPONSES, Limit, Offset, Source, gene_rows
from rareinfo.web.api.models import associations as models
from rareinfo.web.api.responses import ERRORS
from rareinfo.web.api.tabular import FormatQuery
from rareinfo.web.deps import SnapshotDep
from rareinfo.web.errors import NotFoundWithSuggestions
from rareinfo.web.inputs import clean_identifier

GeneId = Annotated[str, Path(
    description="HGNC id (`HGNC:3603`), NCBI Gene id (`NCBIGene:2200`), OMIM gene id or "
                "symbol (`FBN1`)", pattern=r"^[^/]{1,80}$", examples=["HGNC:3603"])]

router = APIRouter(prefix="/api/v1", tags=["genes"])


def _symbol(engine: Engine, identifier: str) -> str:
    symbol = kbm.gene_symbol(engine, clean_identifier(identifier))
    if symbol is None:
        raise NotFoundWithSuggestions(
            f"No gene linked to a disease has the identifier or symbol “{identifier}”.", [])
    return symbol


@router.get("/genes/{identifier}/diseases", response_model=models.GeneAssociations,
            responses=RESPONSES, operation_id="listGeneDiseases")
def gene_diseases(
    snapshot: SnapshotDep, request: Request, identifier: GeneId, source: Source = None,
    limit: Limit = 50, offset: Offset = 0, format: FormatQuery = None,
) -> Response | models.GeneAssociations:
    """The diseases linked to a gene, one row per source record."""
    symbol = _symbol(snapshot.kb.engine, identifier)
    page = kb.gene_associations(snapshot.kb.engine, symbol=symbol, source=source,
                                offset=offset, limit=limit)
    return gene_rows(request, page, format)


@router.get("/genes/{identifier}", response_model=models.GeneResource, responses={
    **ERRORS, 301: {"description": "Another id or the symbol of the gene: moved to its "
                                   "primary id", "headers": {"Location": {
                                       "description": "the gene's primary address",
                                       "schema": {"type": "string"}}}}},
    operation_id="getGene")
def get_gene(snapshot: SnapshotDep, identifier: GeneId) -> Response | models.GeneResource:
    """A gene with its identifiers and the diseases it is linked to."""
    symbol = _symbol(snapshot.kb.engine, identifier)
    gene = kbm.gene(snapshot.kb.engine, symbol)
    if gene is None:  # the symbol was found a moment ago: only a rebuild in between
        raise NotFoundWithSuggestions(f"No gene has the symbol “{symbol}”.", [])
    if gene.id != identifier:
        return RedirectResponse(f"/api/v1/genes/{gene.id}", status_code=301)
    return models.gene_of(gene)
