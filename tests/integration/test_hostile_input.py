"""SQL metacharacters and over-long values in every parameter of every route; a database
that goes away under the service.

Routes are read from the application itself, so a route added later is covered too. No
answer may be a 5xx or show anything of the SQL underneath; over-long values are 4xx. A
PostgreSQL server that stops makes the service answer 503 with Retry-After, and it serves
again by itself once the server is back.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts
from fastapi.testclient import TestClient

from rareinfo.config import Settings
from rareinfo.kb.build import SourceRun
from rareinfo.service.building import build_snapshot
from rareinfo.sources import hpo
from rareinfo.web.app import create_app
from tests.pgserver import PostgresServer

pytestmark = pytest.mark.integration

PAYLOADS = [
    "'", '"', ";", "--", "/*", "*/", "%", "_", "\\", "%_%", "\\%", "a\x00b",
    "' OR '1'='1", "\" OR \"1\"=\"1", "'; DROP TABLE disease; --",
    "1' UNION SELECT name, sql FROM sqlite_master --",
    "1 UNION SELECT NULL, version(), current_user --", "') OR 1=1 /*", "%' AND 1=1 --",
    "HP:0001250' --", "OMIM:613065\"; SELECT pg_sleep(5); --", "$1", "?", ":name",
    "[a-z]*", "(((", "\u202e\u0000", "\\x27", "%00", "%27",
]
# What an SQL error or a traceback would show; none of it is in any payload above.
LEAKS = re.compile(r"sqlite3|sqlalchemy|OperationalError|ProgrammingError|psycopg|"
                   r"Traceback|syntax error|near \"|unrecognized token|\[SQL:", re.I)
# A valid value for each path parameter, so that the other parameters are reached.
VALID_PATH = {"identifier": "OMIM:613065", "letter": "A", "inquiry_id": "1", "token": "x"}
VALID_QUERY = {"q": "leukemia"}


@pytest.fixture(scope="module")
def app(full_kb_url: str, tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    # Questions the requests post go to a database of this module's own.
    userdata = f"sqlite:///{tmp_path_factory.mktemp('userdata') / 'userdata.sqlite'}"
    return create_app(full_kb_url, settings=Settings(rate_limit_diagnose_per_minute=0,
                                                     rate_limit_search_per_minute=0),
                      userdata_url=userdata)


@pytest.fixture(scope="module")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, follow_redirects=False) as client:
        yield client


def _get_routes(app: FastAPI) -> list[tuple[str, APIRoute]]:
    """Every GET route with its full path (routers included with a prefix too)."""
    return [(context.path_format or "", context.original_route)
            for context in iter_route_contexts(app.routes)
            if isinstance(context.original_route, APIRoute)
            and "GET" in (context.methods or ())]


def _url(path: str, route: APIRoute, path_values: dict[str, str]) -> str:
    url = path
    for param in route.dependant.path_params:
        value = path_values.get(param.name, VALID_PATH.get(param.name, "x"))
        url = url.replace("{" + param.name + "}", quote(value, safe=""))
    return url


def _requests(app: FastAPI, value: str) -> Iterator[tuple[str, dict[str, str]]]:
    """One request per (route, parameter) with the value in that parameter."""
    for path, route in _get_routes(app):
        for param in route.dependant.path_params:
            yield _url(path, route, {param.name: value}), {}
        for param in route.dependant.query_params:
            params = {p.name: VALID_QUERY[p.name] for p in route.dependant.query_params
                      if p.name in VALID_QUERY}
            params[param.name] = value
            yield _url(path, route, {}), params


def _assert_safe(response: object, where: str) -> None:
    status = response.status_code  # type: ignore[attr-defined]
    assert status < 500, f"{where}: {status}"
    assert not LEAKS.search(response.text), f"{where}: {response.text[:300]}"  # type: ignore[attr-defined]


def test_routes_were_found(app: FastAPI) -> None:
    paths = {path for path, _ in _get_routes(app)}
    assert {"/api/v1/search", "/search", "/diseases/{identifier}", "/diagnose",
            "/api/v1/phenotypes/{identifier}", "/browse/{letter}"} <= paths


@pytest.mark.parametrize("payload", PAYLOADS)
def test_sql_metacharacters_in_every_parameter(app: FastAPI, client: TestClient,
                                               payload: str) -> None:
    sent = 0
    for url, params in _requests(app, payload):
        _assert_safe(client.get(url, params=params), f"GET {url} {params!r}")
        sent += 1
    for field in ("present", "excluded"):
        body = {"present": ["HP:0001250"], field: [payload]}
        _assert_safe(client.post("/api/v1/diagnose", json=body), f"diagnose {field}")
    _assert_safe(client.post("/api/v1/diagnose", json={"text": payload}), "diagnose text")
    _assert_safe(client.post("/api/v1/diagnose", json={"phenopacket": {"id": payload}}),
                 "diagnose phenopacket")
    assert sent > 20


def test_search_treats_metacharacters_as_text(client: TestClient) -> None:
    # LIKE wildcards must not match everything; quotes must not break the query.
    for text in ("%", "_", "%%%%", "' OR '1'='1"):
        found = client.get("/api/v1/search", params={"q": text}).json()
        assert found["total"] < 1000, text
    assert client.get("/api/v1/autocomplete", params={"q": "%"}).json() == []


@pytest.mark.parametrize("length", [1_000, 7_000])
def test_over_long_values_are_refused_with_4xx(app: FastAPI, client: TestClient,
                                               length: int) -> None:
    value = "a" * length
    for url, params in _requests(app, value):
        response = client.get(url, params=params)
        where = f"GET {url[:60]} {list(params)}"
        _assert_safe(response, where)
        if "/staff" in url or url.startswith("/static"):
            continue
        if response.status_code == 200:
            # Accepted only where the value is ignored or free text within the limit.
            assert length <= 2_000 and "text" in params, where
        else:
            assert 400 <= response.status_code < 500, where
    response = client.post("/api/v1/diagnose", json={"text": "fever " * 2_000})
    assert response.status_code == 422
    response = client.post("/api/v1/diagnose", json={"present": ["HP:0001250"] * 5_000})
    assert response.status_code in (413, 422)


OUTAGE_PATHS = ("/api/v1/status", "/api/v1/diseases/OMIM:100001", "/diseases/OMIM:100001",
                "/api/v1/search?q=liver", "/phenotypes/HP:0002240")
# Not asked before the outage, so nothing about them can be in memory.
FRESH_PATHS = ("/api/v1/diseases/ORPHA:513", "/diseases/OMIM:613065",
               "/phenotypes/HP:0006721")


def test_postgres_outage_is_503_and_the_service_recovers_by_itself(
        postgres: PostgresServer, pg_url: str, mini_release: Path) -> None:
    build_snapshot(pg_url, [SourceRun(hpo.INFO, hpo.read(mini_release))], enforce_minimums=False)
    with TestClient(create_app(pg_url, settings=Settings()), follow_redirects=False) as client:
        assert [client.get(p).status_code for p in OUTAGE_PATHS] == [200] * len(OUTAGE_PATHS)
        postgres.stop()
        try:
            time.sleep(1.1)  # past the snapshot's re-check interval
            # Answers already in memory may still be served; nothing may be a 500.
            statuses = {p: client.get(p).status_code for p in (*OUTAGE_PATHS, *FRESH_PATHS)}
            assert set(statuses.values()) <= {200, 503}, statuses
            assert all(statuses[p] == 503 for p in FRESH_PATHS), statuses
            for path in FRESH_PATHS:
                response = client.get(path)
                assert response.status_code == 503, path
                assert response.headers["retry-after"] == "5", path
                assert "briefly unavailable" in response.text, path
                assert not LEAKS.search(response.text), path
                assert "127.0.0.1" not in response.text, path
        finally:
            postgres.start()
        time.sleep(1.1)
        every = (*OUTAGE_PATHS, *FRESH_PATHS)
        assert [client.get(p).status_code for p in every] == [200] * len(every)
