"""Association lists: a term's diseases, a page's phenotypes, genes, trials and treatments.

Paged (``limit``, ``offset``, ``total``, ``next``), filtered in SQL, JSON or TSV. Any
identifier of a disease answers for its page (rows name the page in ``disease_id``); these
are sub-paths of /api/v1/diseases/ and /api/v1/phenotypes/, so web/routes.py registers
them before the catch-alls.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from rareinfo.kb import associations as kb
from rareinfo.web.api.models import associations as models
from rareinfo.web.api.responses import ERRORS
from rareinfo.web.api.tabular import (
    TSV_RESPONSE,
    Format,
    FormatQuery,
    next_link,
    tsv_response,
    wants_tsv,
)
from rareinfo.web.deps import SnapshotDep
from rareinfo.web.lookup import disease_page_id, phenotype_term_id

DISEASE_ID = Path(description="Any identifier of the disease: MONDO, ORPHA, OMIM, GARD, "
                              "DECIPHER, DOID, ... (`OMIM:154700`, `Orphanet_558`, `558`)",
                  pattern=r"^[^/]{1,80}$", examples=["MONDO:0007947"])
PHENOTYPE_ID = Path(description="An HPO term id or alt_id (`HP:0001250`, `hp_0001250`)",
                    pattern=r"^[Hh][Pp][:_]?\d{7}$", examples=["HP:0001250"])
DiseaseId = Annotated[str, DISEASE_ID]
PhenotypeId = Annotated[str, PHENOTYPE_ID]
Limit = Annotated[int, Query(ge=1, le=10_000, description="rows per page")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="rows to skip")]
Source = Annotated[str | None, Query(pattern=r"^[a-z_]{1,32}$",
                                     description="only rows of this source (hpo, orphanet)")]
MinFrequency = Annotated[float | None, Query(
    ge=0.0, le=1.0, description="only rows whose frequency is at least this (0..1); rows "
                                "without a frequency are left out when set")]
RESPONSES: dict[int | str, dict[str, Any]] = {**ERRORS, **TSV_RESPONSE,
                                             410: {"description": "Retired identifier"}}

# /api/v1/diseases/{identifier}/...: registered before the disease catch-all.
disease_subpaths = APIRouter(prefix="/api/v1", tags=["associations"])
# /api/v1/phenotypes/{identifier}/...: registered before the phenotype catch-all.
phenotype_subpaths = APIRouter(prefix="/api/v1", tags=["associations"])


@phenotype_subpaths.get(
    "/phenotypes/{identifier}/diseases", response_model=models.PhenotypeAssociations,
    responses=RESPONSES, operation_id="listPhenotypeDiseases")
def phenotype_diseases(
    snapshot: SnapshotDep, request: Request, identifier: PhenotypeId,
    include_descendants: Annotated[bool, Query(
        description="also rows annotated to any term below this one in HPO")] = False,
    min_frequency: MinFrequency = None, source: Source = None, limit: Limit = 50,
    offset: Offset = 0, format: FormatQuery = None,
) -> Response | models.PhenotypeAssociations:
    """Every disease annotated with the term: one row per source record, with frequency,
    evidence, references, source and release."""
    term_id = phenotype_term_id(snapshot, identifier)
    page = kb.phenotype_associations(
        snapshot.kb.engine, phenotype_id=term_id, include_descendants=include_descendants,
        min_frequency=min_frequency, source=source, offset=offset, limit=limit)
    rows = [models.phenotype_association_of(r) for r in page.rows]
    following = next_link(request, offset, limit, page.total)
    if wants_tsv(request, format):
        return tsv_response(rows, models.PhenotypeAssociation, total=page.total,
                            next_url=following)
    return models.PhenotypeAssociations(
        total=page.total, offset=offset, limit=limit, next=following,
        diseases=kb.distinct_diseases(snapshot.kb.engine, term_id, include_descendants),
        results=rows)


@disease_subpaths.get(
    "/diseases/{identifier}/phenotypes", response_model=models.PhenotypeAssociations,
    responses=RESPONSES, operation_id="listDiseasePhenotypes")
def disease_phenotypes(
    snapshot: SnapshotDep, request: Request, identifier: DiseaseId,
    aspect: Annotated[models.Aspect | None, Query(
        description="P phenotype, I inheritance, C onset/course, M modifier")] = None,
    min_frequency: MinFrequency = None, source: Source = None, limit: Limit = 50,
    offset: Offset = 0, format: FormatQuery = None,
) -> Response | models.PhenotypeAssociations:
    """The features of a disease, one row per source record of its page."""
    page_id = disease_page_id(snapshot, identifier)
    page = kb.phenotype_associations(snapshot.kb.engine, disease_id=page_id, aspect=aspect,
                                     min_frequency=min_frequency, source=source,
                                     offset=offset, limit=limit)
    rows = [models.phenotype_association_of(r) for r in page.rows]
    following = next_link(request, offset, limit, page.total)
    if wants_tsv(request, format):
        return tsv_response(rows, models.PhenotypeAssociation, total=page.total,
                            next_url=following)
    return models.PhenotypeAssociations(total=page.total, offset=offset, limit=limit,
                                        next=following, diseases=None, results=rows)


@disease_subpaths.get(
    "/diseases/{identifier}/genes", response_model=models.GeneAssociations,
    responses=RESPONSES, operation_id="listDiseaseGenes")
def disease_genes(
    snapshot: SnapshotDep, request: Request, identifier: DiseaseId, source: Source = None,
    limit: Limit = 50, offset: Offset = 0, format: FormatQuery = None,
) -> Response | models.GeneAssociations:
    """The genes of a disease, one row per source record of its page."""
    page_id = disease_page_id(snapshot, identifier)
    page = kb.gene_associations(snapshot.kb.engine, disease_id=page_id, source=source,
                                offset=offset, limit=limit)
    return gene_rows(request, page, format)


def gene_rows(request: Request, page: kb.Page[kb.GeneAssociation],
              format_: Format | None) -> Response | models.GeneAssociations:
    """A page of disease-gene rows in the format asked for."""
    rows = [models.gene_association_of(r) for r in page.rows]
    following = next_link(request, page.offset, page.limit, page.total)
    if wants_tsv(request, format_):
        return tsv_response(rows, models.GeneAssociation, total=page.total,
                            next_url=following)
    return models.GeneAssociations(total=page.total, offset=page.offset, limit=page.limit,
                                   next=following, results=rows)


@disease_subpaths.get(
    "/diseases/{identifier}/trials", response_model=models.TrialAssociations,
    responses=RESPONSES, operation_id="listDiseaseTrials")
def disease_trials(
    snapshot: SnapshotDep, request: Request, identifier: DiseaseId,
    status: Annotated[models.TrialStatus | None, Query(
        description="ClinicalTrials.gov overall status")] = None,
    phase: Annotated[models.TrialPhase | None, Query(description="one of the trial's phases")
                     ] = None,
    limit: Limit = 50, offset: Offset = 0, format: FormatQuery = None,
) -> Response | models.TrialAssociations:
    """The clinical trials linked to a disease, newest start first."""
    page_id = disease_page_id(snapshot, identifier)
    page = kb.trial_associations(snapshot.kb.engine, page_id, status=status, phase=phase,
                                 offset=offset, limit=limit)
    rows = [models.trial_association_of(r) for r in page.rows]
    following = next_link(request, offset, limit, page.total)
    if wants_tsv(request, format):
        return tsv_response(rows, models.TrialAssociation, total=page.total,
                            next_url=following)
    return models.TrialAssociations(total=page.total, offset=offset, limit=limit,
                                    next=following, results=rows)


@disease_subpaths.get(
    "/diseases/{identifier}/treatments", response_model=models.TreatmentAssociations,
    responses=RESPONSES, operation_id="listDiseaseTreatments")
def disease_treatments(
    snapshot: SnapshotDep, request: Request, identifier: DiseaseId,
    approved: Annotated[bool | None, Query(
        description="true: approved products only; false: designations not approved")] = None,
    limit: Limit = 50, offset: Offset = 0, format: FormatQuery = None,
) -> Response | models.TreatmentAssociations:
    """The FDA orphan designations and approvals linked to a disease."""
    page_id = disease_page_id(snapshot, identifier)
    page = kb.treatment_associations(snapshot.kb.engine, page_id, approved=approved,
                                     offset=offset, limit=limit)
    rows = [models.treatment_association_of(r) for r in page.rows]
    following = next_link(request, offset, limit, page.total)
    if wants_tsv(request, format):
        return tsv_response(rows, models.TreatmentAssociation, total=page.total,
                            next_url=following)
    return models.TreatmentAssociations(total=page.total, offset=offset, limit=limit,
                                        next=following, results=rows)
