"""Every route of the app, registered in one place and in an order that matters.

Starlette tries routes in registration order. ``/diseases/{identifier:path}``,
``/api/v1/diseases/{identifier:path}`` and ``/api/v1/phenotypes/{identifier:path}`` take
any rest of the path, so ``.../ask``, ``.../questions`` or ``.../diseases`` would be read as
part of an identifier if the catch-all came first: every sub-path of a disease or a
phenotype is registered before the catch-alls, here and only here
(tests/unit/test_web_routes.py checks that each sub-path reaches its own handler).
"""

from __future__ import annotations

from fastapi import APIRouter, FastAPI

from rareinfo.web.api import associations as api_associations
from rareinfo.web.api import diagnosis as api_diagnosis
from rareinfo.web.api import diseases as api_diseases
from rareinfo.web.api import genes as api_genes
from rareinfo.web.api import mappings as api_mappings
from rareinfo.web.api import phenotypes as api_phenotypes
from rareinfo.web.api import questions as api_questions
from rareinfo.web.api import search as api_search
from rareinfo.web.api import status as api_status
from rareinfo.web.deps import SnapshotDep
from rareinfo.web.pages import apidocs as page_apidocs
from rareinfo.web.pages import diagnosis as page_diagnosis
from rareinfo.web.pages import diseases as page_diseases
from rareinfo.web.pages import home as page_home
from rareinfo.web.pages import phenotypes as page_phenotypes
from rareinfo.web.pages import questions as page_questions
from rareinfo.web.pages import search as page_search
from rareinfo.web.pages import staff as page_staff

health = APIRouter(include_in_schema=False)


@health.get("/healthz")
async def healthz(snapshot: SnapshotDep) -> dict[str, str]:
    """For load balancers: the knowledge base answers, and which snapshot is live."""
    return {"status": "ok", "snapshot": snapshot.key}


# The sub-paths of a disease or phenotype (page and API): before the catch-alls below.
DISEASE_SUBPATHS = (
    api_associations.disease_subpaths,  # /api/v1/diseases/{id}/phenotypes, genes, trials, ...
    api_associations.phenotype_subpaths,  # /api/v1/phenotypes/{id}/diseases
    api_questions.disease_subpaths,  # /api/v1/diseases/{id}/questions
    page_questions.disease_subpaths,  # /diseases/{id}/ask
    page_diseases.disease_subpaths,  # /diseases/{id}/trials, /diseases/{id}/feed.atom
)
# The catch-alls: /api/v1/diseases/{identifier:path}, /diseases/{identifier:path} and
# /api/v1/phenotypes/{identifier:path}.
DISEASE_CATCH_ALLS = (api_diseases.catch_all, page_diseases.catch_all, api_phenotypes.catch_all)
# Everything else: no path overlaps another, so their order does not matter.
FEATURES = (
    api_genes.router, api_mappings.router, api_search.router, api_diagnosis.router,
    api_questions.router, api_status.router,
    page_home.router, page_search.router, page_phenotypes.router, page_diagnosis.router,
    page_questions.router, page_staff.router, page_apidocs.router, health,
)


def include_routes(app: FastAPI) -> None:
    """Register every router: disease sub-paths, then the disease catch-alls, then the rest."""
    for router in (*DISEASE_SUBPATHS, *DISEASE_CATCH_ALLS, *FEATURES):
        app.include_router(router)
