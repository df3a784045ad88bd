"""HTTP caching: validators, Cache-Control per route, 304 answers and compressed bodies."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from starlette.datastructures import Headers

from rareinfo.config import Settings
from rareinfo.inquiries import db, store
from rareinfo.web.app import create_app
from rareinfo.web.httpcache import (
    DISEASE_PAGE,
    NO_STORE,
    PAGE,
    SHORT,
    entity_tag,
    not_modified,
    policy_for,
)


@pytest.fixture
def userdata_url(tmp_path: Path) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'userdata.sqlite'}"
    yield url
    db.dispose(url)


@pytest.fixture
def client(mini_kb_url: str, userdata_url: str) -> Iterator[TestClient]:
    app = create_app(mini_kb_url, Settings(), userdata_url=userdata_url)
    with TestClient(app, follow_redirects=False) as client:
        yield client


def test_policies_per_route() -> None:
    assert policy_for("GET", "/diseases/OMIM:100001").cache_control == DISEASE_PAGE  # type: ignore[union-attr]
    assert policy_for("GET", "/api/v1/phenotypes/HP:0002240").cache_control == PAGE  # type: ignore[union-attr]
    assert policy_for("GET", "/search").cache_control == SHORT  # type: ignore[union-attr]
    for path in ("/api/v1/genes/HGNC:3603", "/api/v1/mappings",
                 "/api/v1/phenotypes/HP:0001250/diseases", "/api/v1/diseases/OMIM:1/genes"):
        found = policy_for("GET", path)
        assert found is not None and found.cache_control == PAGE, path
    assert policy_for("POST", "/api/v1/resolve").cache_control == NO_STORE  # type: ignore[union-attr]
    for method, path in (("GET", "/diagnose"), ("GET", "/staff/sign-in"), ("GET", "/ask"),
                         ("GET", "/diseases/OMIM:1/ask"), ("POST", "/api/v1/diagnose"),
                         ("GET", "/api/v1/diseases/OMIM:1/questions"), ("POST", "/search")):
        found = policy_for(method, path)
        assert found is not None and found.cache_control == NO_STORE, path
    assert policy_for("GET", "/static/site.css") is None  # StaticFiles validates itself


def test_entity_tag_follows_snapshot_and_publications() -> None:
    assert entity_tag("a", 1) == entity_tag("a", 1)
    assert len({entity_tag("a", 1), entity_tag("b", 1), entity_tag("a", 2),
                entity_tag("a", None)}) == 4


def test_not_modified_rules() -> None:
    built = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert not_modified(Headers({"if-none-match": 'W/"x", "y"'}), 'W/"y"', built)
    assert not not_modified(Headers({"if-none-match": '"z"'}), 'W/"y"', built)
    # If-None-Match wins over If-Modified-Since when both are sent.
    assert not not_modified(Headers({"if-none-match": '"z"',
                                     "if-modified-since": "Sat, 03 Jan 2026 00:00:00 GMT"}),
                            'W/"y"', built)
    assert not_modified(Headers({"if-modified-since": "Fri, 02 Jan 2026 03:04:05 GMT"}),
                        'W/"y"', built)
    assert not not_modified(Headers({"if-modified-since": "Fri, 02 Jan 2026 03:04:04 GMT"}),
                            'W/"y"', built)
    assert not not_modified(Headers({"if-modified-since": "yesterday"}), 'W/"y"', built)


def test_disease_page_revalidates_with_304(client: TestClient) -> None:
    first = client.get("/diseases/OMIM:100001")
    assert first.status_code == 200
    assert first.headers["cache-control"] == DISEASE_PAGE  # kept, asked again every time
    etag = first.headers["etag"]
    assert etag.startswith('W/"')
    assert "last-modified" not in first.headers  # published questions change it any time
    again = client.get("/diseases/OMIM:100001", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag and again.headers["cache-control"] == DISEASE_PAGE
    assert again.headers["x-content-type-options"] == "nosniff"  # security headers too


def test_publication_changes_the_disease_page_tag(client: TestClient,
                                                  userdata_url: str) -> None:
    before = client.get("/diseases/OMIM:100001").headers["etag"]
    with db.engine(userdata_url).begin() as conn:
        asked = store.submit(conn, question="Is it inherited?", email="a@example.org",
                             asker_type="family", disease_id="OMIM:100001",
                             consent_publish=True)
        store.claim(conn, asked.id, "ann@staff")
        store.mark_answered(conn, asked.id, "ann@staff", "Yes.")
        store.publish(conn, asked.id, "ann@staff", "Is it inherited?", "Yes, it is.")
    after = client.get("/diseases/OMIM:100001", headers={"If-None-Match": before})
    assert after.status_code == 200 and "Yes, it is." in after.text
    assert after.headers["etag"] != before
    # The phenotype page does not show questions: its tag stays.
    tag = client.get("/phenotypes/HP:0002240").headers["etag"]
    assert client.get("/phenotypes/HP:0002240",
                      headers={"If-None-Match": tag}).status_code == 304


def test_phenotype_and_api_carry_last_modified(client: TestClient) -> None:
    for path in ("/phenotypes/HP:0002240", "/api/v1/diseases/OMIM:100001",
                 "/api/v1/phenotypes/HP:0002240"):
        response = client.get(path)
        assert response.status_code == 200 and response.headers["cache-control"] == PAGE
        since = response.headers["last-modified"]
        assert client.get(path, headers={"If-Modified-Since": since}).status_code == 304
        assert client.get(path, headers={
            "If-Modified-Since": "Thu, 01 Jan 1970 00:00:00 GMT"}).status_code == 200


def test_short_and_no_store_routes(client: TestClient) -> None:
    search = client.get("/search", params={"q": "test"})
    assert search.headers["cache-control"] == SHORT and "etag" in search.headers
    for path in ("/diagnose", "/ask", "/staff/sign-in", "/healthz"):
        assert client.get(path).headers["cache-control"] == NO_STORE, path
    missing = client.get("/diseases/OMIM:999999")
    assert missing.status_code == 404 and missing.headers["cache-control"] == NO_STORE
    moved = client.get("/diseases/613065")
    assert moved.status_code == 301 and moved.headers["cache-control"] == SHORT


def test_bodies_are_compressed(client: TestClient) -> None:
    page = client.get("/diseases/OMIM:100001", headers={"Accept-Encoding": "gzip"})
    assert page.headers["content-encoding"] == "gzip"
    assert "<h1>Test syndrome</h1>" in page.text  # the client inflates it
    api = client.get("/api/v1/diseases/OMIM:100001", headers={"Accept-Encoding": "gzip"})
    assert api.headers["content-encoding"] == "gzip" and api.json()["id"] == "OMIM:100001"
    plain = client.get("/diseases/OMIM:100001", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers


def test_the_icon_is_served_and_kept_a_week(client: TestClient) -> None:
    home = client.get("/").text
    assert '<link rel="icon" href="/favicon.ico"' in home
    assert '<link rel="icon" href="/favicon.svg" type="image/svg+xml">' in home
    ico = client.get("/favicon.ico")
    assert ico.status_code == 200 and ico.headers["content-type"] == "image/x-icon"
    assert ico.content[:4] == b"\0\0\1\0"  # an ICO directory ...
    assert ico.content[54:62] == b"\x89PNG\r\n\x1a\n"  # ... of three PNG images
    assert ico.headers["cache-control"] == "public, max-age=604800"
    again = client.get("/favicon.ico", headers={"If-None-Match": ico.headers["etag"]})
    assert again.status_code == 304
    svg = client.get("/favicon.svg")
    assert svg.status_code == 200 and svg.headers["content-type"].startswith("image/svg+xml")
    assert svg.text.startswith("<svg") and svg.headers["cache-control"] == ico.headers[
        "cache-control"]


def test_a_cached_body_is_compressed_once_and_sent_as_the_client_takes_it() -> None:
    from starlette.requests import Request

    from rareinfo.web.cache import HTML, Body, accepts_gzip

    def request(accept: str) -> Request:
        return Request({"type": "http", "headers": [(b"accept-encoding", accept.encode())]})

    page = b"<p>" + b"plain words first " * 200 + b"</p>"
    body = Body.of(HTML, page)
    assert body.compressed and len(body.data) < len(page) and body.plain() == page
    sent = body.response(request("br, gzip;q=0.8"))
    assert sent.headers["content-encoding"] == "gzip" and sent.body == body.data
    assert "content-encoding" not in body.response(request("gzip;q=0")).headers
    assert body.response(request("")).body == page
    assert not Body.of(HTML, b"<p>small</p>").compressed
    assert [accepts_gzip(request(a)) for a in ("gzip", "*", "deflate", "gzip;q=0", "GZIP ;q=1")] \
        == [True, True, False, False, True]


def test_a_worker_keeps_bodies_up_to_a_budget_of_bytes() -> None:
    from rareinfo.web.cache import HTML, Body, RenderedPages

    kept = RenderedPages(max_bytes=3000)
    for n in range(5):
        kept.put(("s", f"/p/{n}"), Body(HTML, bytes(1000), False))
    assert kept.bytes == 3000
    assert [kept.get(("s", f"/p/{n}")) is not None for n in range(5)] == [
        False, False, True, True, True]
    kept.get(("s", "/p/2"))  # recently used: kept over /p/3
    kept.put(("s", "/p/5"), Body(HTML, bytes(1000), False))
    assert kept.get(("s", "/p/2")) is not None and kept.get(("s", "/p/3")) is None
    kept.put(("s", "/p/5"), Body(HTML, bytes(500), False))  # replaced, counted once
    assert kept.bytes == 2500
    kept.put(("s", "/big"), Body(HTML, bytes(9000), False))  # larger than all: kept alone
    assert kept.bytes == 9000 and kept.get(("s", "/big")) is not None
