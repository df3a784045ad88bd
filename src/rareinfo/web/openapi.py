"""The OpenAPI document as a client developer reads it: names, tags, examples, metadata.

Operation ids are the handler's name in camelCase unless a route names its own; every
operation gets an example request (``x-example``, and the same line in its description);
the document is served at /openapi.json as well as /api/v1/openapi.json.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute

TAGS: list[dict[str, str]] = [
    {"name": "diseases", "description": "One page per disease, by any of its identifiers."},
    {"name": "phenotypes", "description": "HPO terms."},
    {"name": "associations", "description": "Disease-phenotype, disease-gene, trial and "
     "treatment rows: paged (`limit`, `offset`, `total`, `next`), JSON or TSV."},
    {"name": "genes", "description": "Genes linked to diseases, by HGNC id, NCBI Gene id or "
     "symbol."},
    {"name": "mappings", "description": "Identifier mappings in SSSOM's fields; bulk "
     "resolution of identifiers to pages."},
    {"name": "search", "description": "Diseases and phenotypes by any name, typos tolerated."},
    {"name": "diagnosis", "description": "Symptoms in, ranked diseases out."},
    {"name": "questions", "description": "Ask the information center; published answers."},
    {"name": "status", "description": "What the knowledge base holds and where from."},
]
# operationId -> an example request anyone can paste after the server's address.
EXAMPLES: dict[str, str] = {
    "getDisease": "GET /api/v1/diseases/OMIM:154700",
    "getPhenotype": "GET /api/v1/phenotypes/HP:0001250",
    "listPhenotypeDiseases": "GET /api/v1/phenotypes/HP:0001250/diseases"
                             "?include_descendants=true&min_frequency=0.3",
    "listDiseasePhenotypes": "GET /api/v1/diseases/MONDO:0007947/phenotypes?source=hpo",
    "listDiseaseGenes": "GET /api/v1/diseases/MONDO:0007947/genes?format=tsv",
    "listDiseaseTrials": "GET /api/v1/diseases/MONDO:0009061/trials?status=RECRUITING",
    "listDiseaseTreatments": "GET /api/v1/diseases/MONDO:0009061/treatments?approved=true",
    "getGene": "GET /api/v1/genes/HGNC:3603",
    "listGeneDiseases": "GET /api/v1/genes/FBN1/diseases",
    "listMappings": "GET /api/v1/mappings?id=OMIM:154700&id=ORPHA:558",
    "resolveIdentifiers": 'POST /api/v1/resolve {"ids": ["OMIM:154700", "ORPHA:558"]}',
    "searchEntities": "GET /api/v1/search?q=marfan&kind=disease",
    "autocomplete": "GET /api/v1/autocomplete?q=marf",
    "diagnose": 'POST /api/v1/diagnose {"present": ["HP:0001166", "HP:0001083"]}',
    "diagnoseBatch": 'POST /api/v1/diagnose/batch {"cases": [{"id": "case-1", '
                     '"phenotypicFeatures": [{"type": {"id": "HP:0001166"}}]}]}',
    "getStatus": "GET /api/v1/status",
    "listSources": "GET /api/v1/sources",
    "submitQuestion": 'POST /api/v1/questions {"question": "...", "asker_type": "family"}',
    "listDiseaseQuestions": "GET /api/v1/diseases/MONDO:0007947/questions",
}
OPERATION_IDS = {"status": "get_status", "sources": "list_sources",
                 "search": "search_entities", "disease_questions": "list_disease_questions"}


def operation_id(route: APIRoute) -> str:
    """A readable operation id: the handler's name in camelCase (get_disease -> getDisease)."""
    name = OPERATION_IDS.get(route.name, route.name)
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


def install(app: FastAPI, license_name: str) -> None:
    """Replace the app's document builder with one that adds tags, examples and metadata."""

    def build() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        document = get_openapi(
            title=app.title, version=app.version, summary=app.summary,
            description=app.description, routes=app.routes, tags=TAGS,
            servers=[{"url": "/", "description": "this server"}],
            license_info={"name": license_name,
                          "url": "https://www.apache.org/licenses/LICENSE-2.0"},
            contact={"name": "rareinfo maintainers"})
        for path in document.get("paths", {}).values():
            for operation in path.values():
                example = EXAMPLES.get(operation.get("operationId", ""))
                if example is not None:
                    operation["x-example"] = example
                    operation["description"] = (
                        f"{operation.get('description', '').strip()}\n\nExample: `{example}`"
                    ).strip()
        app.openapi_schema = document
        return document

    app.openapi = build  # type: ignore[method-assign]
