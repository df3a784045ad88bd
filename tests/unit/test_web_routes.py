"""Route registration and the API's public contract, over the tiny knowledge base."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from schemathesis.openapi.checks import JsonSchemaError
from starlette.types import Message

from rareinfo.web import routes
from rareinfo.web.app import create_app
from rareinfo.web.pages import diseases as page_diseases

CATCH_ALLS = {"/diseases/{identifier:path}": "disease_page",
              "/api/v1/diseases/{identifier:path}": "get_disease",
              "/api/v1/phenotypes/{identifier:path}": "get_phenotype"}
SUBPATHS = {
    "/api/v1/diseases/{identifier}/phenotypes": "disease_phenotypes",
    "/api/v1/diseases/{identifier}/genes": "disease_genes",
    "/api/v1/diseases/{identifier}/trials": "disease_trials",
    "/api/v1/diseases/{identifier}/treatments": "disease_treatments",
    "/api/v1/phenotypes/{identifier}/diseases": "phenotype_diseases",
    "/api/v1/diseases/{identifier:path}/questions": "disease_questions",
    "/diseases/{identifier:path}/ask": "ask_about_disease",
    "/diseases/{identifier:path}/trials": "trials_page",
    "/diseases/{identifier:path}/feed.atom": "disease_feed",
}
IDENTIFIERS = ("OMIM:613065", "Orphanet_513", "613065", "odd/identifier")


def _endpoint(app: FastAPI, path: str) -> Callable[..., Any]:
    """The handler the app dispatches ``GET path`` to (whatever it then answers)."""
    scope: dict[str, Any] = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
        "scheme": "http", "path": path, "raw_path": path.encode(), "root_path": "",
        "query_string": b"", "headers": [(b"host", b"testserver")],
        "client": ("127.0.0.1", 1), "server": ("testserver", 80)}

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        pass

    # What the handler answers does not matter here; an app without exception handlers
    # (the wrong-order one below) lets the missing knowledge base's error out.
    with contextlib.suppress(Exception):
        asyncio.run(app(scope, receive, send))
    endpoint: Callable[..., Any] = scope["endpoint"]
    return endpoint


def _routes(routers: tuple[APIRouter, ...]) -> list[APIRoute]:
    return [r for router in routers for r in router.routes if isinstance(r, APIRoute)]


@pytest.fixture(scope="module")
def bare_app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    # Dispatch needs no knowledge base: handlers are chosen before any is opened.
    where: Path = tmp_path_factory.mktemp("routes")
    return create_app(f"sqlite:///{where / 'none.sqlite'}",
                      userdata_url=f"sqlite:///{where / 'userdata.sqlite'}")


def test_every_disease_subpath_is_registered_before_the_catch_alls() -> None:
    every = _routes((*routes.DISEASE_SUBPATHS, *routes.DISEASE_CATCH_ALLS, *routes.FEATURES))
    below = {r.path: r.name for r in every
             if any(r.path.replace("{identifier}", "{identifier:path}").startswith(p + "/")
                    for p in CATCH_ALLS)}
    assert below == SUBPATHS
    assert {r.path: r.name for r in _routes(routes.DISEASE_SUBPATHS)} == SUBPATHS
    assert {r.path: r.name for r in _routes(routes.DISEASE_CATCH_ALLS)} == CATCH_ALLS


def test_every_disease_subpath_reaches_its_own_handler(bare_app: FastAPI) -> None:
    for route in _routes(routes.DISEASE_SUBPATHS):
        for identifier in IDENTIFIERS:
            if "/" in identifier and "{identifier}" in route.path:
                continue  # a one-segment parameter: no identifier has a slash in it
            path = route.path.replace("{identifier:path}", identifier).replace(
                "{identifier}", identifier)
            assert _endpoint(bare_app, path) is route.endpoint, path


def test_the_catch_alls_still_take_plain_identifiers(bare_app: FastAPI) -> None:
    for route in _routes(routes.DISEASE_CATCH_ALLS):
        for identifier in IDENTIFIERS:
            path = route.path.replace("{identifier:path}", identifier)
            assert _endpoint(bare_app, path) is route.endpoint, path


def test_a_catch_all_registered_first_would_take_the_subpaths() -> None:
    # The checks above can fail: in the wrong order the catch-all takes ".../trials".
    wrong = FastAPI()
    wrong.include_router(page_diseases.catch_all)
    wrong.include_router(page_diseases.disease_subpaths)
    assert _endpoint(wrong, "/diseases/OMIM:613065/trials") is page_diseases.disease_page


@pytest.fixture(scope="module")
def app(mini_kb_url: str) -> FastAPI:
    return create_app(mini_kb_url)


@pytest.fixture(scope="module")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, follow_redirects=False) as client:
        yield client


def test_disease_subpaths_answer_over_http(client: TestClient) -> None:
    ask = client.get("/diseases/OMIM:613065/ask")
    assert ask.status_code == 200 and 'name="question"' in ask.text
    trials = client.get("/diseases/OMIM:613065/trials")
    assert trials.status_code == 200 and "<h1>" in trials.text
    feed = client.get("/diseases/OMIM:613065/feed.atom")
    assert feed.status_code == 200
    assert feed.headers["content-type"].startswith("application/atom+xml")
    questions = client.get("/api/v1/diseases/OMIM:613065/questions")
    assert questions.status_code == 200 and questions.json() == []
    moved = client.get("/diseases/613065/ask")
    assert moved.status_code == 301 and moved.headers["location"] == "/diseases/OMIM:613065/ask"


def test_api_answers_validate_against_the_openapi_document(app: FastAPI,
                                                           client: TestClient) -> None:
    schema = schemathesis.openapi.from_dict(app.openapi())
    requests = [
        ("GET", "/api/v1/diseases/{identifier}", "/api/v1/diseases/OMIM:613065", None),
        ("GET", "/api/v1/diseases/{identifier}", "/api/v1/diseases/OMIM:100001", None),
        ("GET", "/api/v1/phenotypes/{identifier}", "/api/v1/phenotypes/HP:0002240", None),
        ("GET", "/api/v1/search", "/api/v1/search?q=test", None),
        ("GET", "/api/v1/search", "/api/v1/search?q=tset%20syndrom", None),
        ("GET", "/api/v1/autocomplete", "/api/v1/autocomplete?q=tes", None),
        ("GET", "/api/v1/status", "/api/v1/status", None),
        ("GET", "/api/v1/sources", "/api/v1/sources", None),
        ("GET", "/api/v1/diseases/{identifier}/questions",
         "/api/v1/diseases/OMIM:613065/questions", None),
        ("POST", "/api/v1/diagnose", "/api/v1/diagnose", {"present": ["HP:0002240"]}),
        ("GET", "/api/v1/diseases/{identifier}", "/api/v1/diseases/NOPE:1", None),
    ]
    for method, template, url, body in requests:
        response = client.request(method, url, json=body)
        assert response.status_code in (200, 404), (url, response.text)
        operation = schema[template][method]
        operation.validate_response(response)  # raises when the answer breaks the document
    # and it does raise: the status with a number where the document says a string
    status = client.get("/api/v1/status")
    tampered = httpx.Response(200, json={**status.json(), "database": 3},
                              request=status.request)
    tampered.elapsed = status.elapsed
    with pytest.raises(JsonSchemaError):
        schema["/api/v1/status"]["GET"].validate_response(tampered)
