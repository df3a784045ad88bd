"""Security headers, request limits, rate limits and the 503 for a database that is down."""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from starlette.types import Message

from rareinfo.config import Settings
from rareinfo.web.app import create_app
from rareinfo.web.security import CSP

PEER = ("203.0.113.7", 40000)
PROXY = ("10.1.2.3", 40000)


def _settings(**overrides: object) -> Settings:
    values: dict[str, object] = {
        "trusted_proxies": ["10.0.0.0/8"], "max_body_bytes": 1024, "max_url_bytes": 512,
        "max_query_params": 20, "rate_limit_diagnose_per_minute": 0,
        "rate_limit_search_per_minute": 0, **overrides}
    return Settings.model_validate(values)


@pytest.fixture(scope="module")
def app(mini_kb_url: str) -> FastAPI:
    return create_app(mini_kb_url, settings=_settings())


@pytest.fixture(scope="module")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, follow_redirects=False, client=PEER) as client:
        yield client


def _assert_security_headers(response: object) -> None:
    headers = response.headers  # type: ignore[attr-defined]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in headers["permissions-policy"]


@pytest.mark.parametrize("path", [
    "/", "/diseases/OMIM:100001", "/search?q=liver", "/api/v1/status",
    "/api/v1/diseases/OMIM:100001", "/static/style.css", "/static/search.js",
    "/diseases/OMIM:999999", "/api/v1/diseases/OMIM:999999", "/no/such/page",
    "/api/v1/search?q=", "/diseases/613065",
])
def test_every_response_carries_the_headers(client: TestClient, path: str) -> None:
    response = client.get(path)
    _assert_security_headers(response)
    assert response.headers["content-security-policy"] == CSP
    assert "strict-transport-security" not in response.headers


def test_csp_forbids_inline_script_and_framing(client: TestClient) -> None:
    csp = client.get("/").headers["content-security-policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in csp


def test_docs_page_has_the_same_strict_policy_and_loads_nothing_from_elsewhere(
        client: TestClient) -> None:
    response = client.get("/docs")
    assert response.status_code == 200
    assert response.headers["content-security-policy"] == client.get("/").headers[
        "content-security-policy"]
    _assert_security_headers(response)
    assert "<script>" not in response.text and "https://" not in response.text
    for asset in ("/static/apidocs/swagger-ui-bundle.js", "/static/apidocs/swagger-ui.css",
                  "/static/apidocs.js"):
        assert asset in response.text
        served = client.get(asset)
        assert served.status_code == 200 and len(served.content) > 100, asset


def test_hsts_only_over_tls(app: FastAPI) -> None:
    with TestClient(app, base_url="https://testserver", client=PEER) as tls:
        assert "max-age=" in tls.get("/").headers["strict-transport-security"]
    with TestClient(app, client=PROXY) as proxy:
        forwarded = proxy.get("/", headers={"X-Forwarded-Proto": "https"})
        assert "strict-transport-security" in forwarded.headers
        assert "strict-transport-security" not in proxy.get("/").headers
    with TestClient(app, client=PEER) as direct:
        spoofed = direct.get("/", headers={"X-Forwarded-Proto": "https"})
        assert "strict-transport-security" not in spoofed.headers


def _assert_error_shape(response: object, status: int, code: str) -> dict[str, object]:
    assert response.status_code == status  # type: ignore[attr-defined]
    body = response.json()["error"]  # type: ignore[attr-defined]
    assert body["status"] == status and body["code"] == code and body["message"]
    _assert_security_headers(response)
    return dict(body)


def test_declared_body_over_the_limit_is_413(client: TestClient) -> None:
    response = client.post("/api/v1/diagnose", content=b"x" * 2048,
                           headers={"Content-Type": "application/json"})
    _assert_error_shape(response, 413, "payload_too_large")


def test_streamed_body_is_cut_off_at_the_limit_not_after_it_is_all_read(app: FastAPI) -> None:
    # A chunked upload with no Content-Length: the app must stop reading at the limit.
    chunks = [json.dumps({"text": "x" * 300}).encode()[:300]] * 50
    consumed = 0
    sent: list[Message] = []

    async def receive() -> Message:
        nonlocal consumed
        consumed += 1
        more = consumed < len(chunks)
        return {"type": "http.request", "body": chunks[consumed - 1], "more_body": more}

    async def send(message: Message) -> None:
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": "POST", "scheme": "http", "path": "/api/v1/diagnose",
             "raw_path": b"/api/v1/diagnose", "query_string": b"", "root_path": "",
             "headers": [(b"host", b"testserver"), (b"content-type", b"application/json"),
                         (b"transfer-encoding", b"chunked")],
             "client": PEER, "server": ("testserver", 80), "app": app}
    asyncio.run(app(scope, receive, send))
    assert sent[0]["status"] == 413
    assert consumed <= 1024 // 300 + 1  # stopped right after crossing 1024 bytes
    body = b"".join(m.get("body", b"") for m in sent[1:])
    assert json.loads(body)["error"]["code"] == "payload_too_large"


def test_small_body_still_works(client: TestClient) -> None:
    response = client.post("/api/v1/diagnose", json={"present": ["HP:0002240"], "top": 3})
    assert response.status_code == 200
    _assert_security_headers(response)


def test_long_address_is_414(client: TestClient) -> None:
    _assert_error_shape(client.get("/api/v1/search?q=" + "a" * 600), 414, "uri_too_long")
    page = client.get("/search?q=" + "a" * 600)
    assert page.status_code == 414 and "text/html" in page.headers["content-type"]
    assert page.headers["content-security-policy"] == CSP


def test_too_many_query_parameters_is_414(client: TestClient) -> None:
    query = "&".join(f"p{i}=1" for i in range(25))
    _assert_error_shape(client.get(f"/api/v1/search?q=a&{query}"), 414, "uri_too_long")
    assert client.get("/api/v1/search?q=liver&a=1&b=2").status_code == 200


@pytest.fixture()
def limited_app(mini_kb_url: str) -> FastAPI:
    return create_app(mini_kb_url, settings=_settings(
        rate_limit_diagnose_per_minute=1, rate_limit_diagnose_burst=2,
        rate_limit_search_per_minute=1, rate_limit_search_burst=3))


def test_diagnose_is_rate_limited_with_retry_after(limited_app: FastAPI) -> None:
    with TestClient(limited_app, client=PEER) as client:
        body = {"present": ["HP:0002240"], "top": 3}
        assert [client.post("/api/v1/diagnose", json=body).status_code
                for _ in range(2)] == [200, 200]
        refused = client.post("/api/v1/diagnose", json=body)
        _assert_error_shape(refused, 429, "rate_limited")
        retry = int(refused.headers["retry-after"])
        assert 1 <= retry <= 60
        # The form page shares the diagnose bucket and answers with a page.
        page = client.get("/diagnose?present=HP:0002240")
        assert page.status_code == 429 and "text/html" in page.headers["content-type"]
        assert page.headers["retry-after"].isdigit()
        assert client.get("/diagnose").status_code == 200  # the empty form is cheap


def test_search_endpoints_share_a_bucket_and_other_pages_are_not_limited(
        limited_app: FastAPI) -> None:
    with TestClient(limited_app, client=PEER) as client:
        codes = [client.get(path).status_code for path in (
            "/api/v1/search?q=liver", "/search?q=liver", "/api/v1/autocomplete?q=liv",
            "/api/v1/autocomplete?q=live")]
        assert codes == [200, 200, 200, 429]
        assert client.get("/diseases/OMIM:100001").status_code == 200
        assert client.get("/api/v1/status").status_code == 200


def test_rate_limit_is_per_client(limited_app: FastAPI) -> None:
    with TestClient(limited_app, client=PEER) as first, \
            TestClient(limited_app, client=("198.51.100.9", 1234)) as second:
        for _ in range(3):
            first.get("/api/v1/search?q=liver")
        assert first.get("/api/v1/search?q=liver").status_code == 429
        assert second.get("/api/v1/search?q=liver").status_code == 200


def test_forwarded_for_is_ignored_from_untrusted_peers(limited_app: FastAPI) -> None:
    with TestClient(limited_app, client=PEER) as client:
        codes = [client.get("/api/v1/search?q=liver",
                            headers={"X-Forwarded-For": f"192.0.2.{i}"}).status_code
                 for i in range(4)]
        assert codes[-1] == 429


def test_forwarded_for_names_the_client_behind_a_trusted_proxy(limited_app: FastAPI) -> None:
    with TestClient(limited_app, client=PROXY) as proxy:
        for _ in range(3):
            proxy.get("/api/v1/search?q=liver", headers={"X-Forwarded-For": "192.0.2.1"})
        blocked = proxy.get("/api/v1/search?q=liver", headers={"X-Forwarded-For": "192.0.2.1"})
        assert blocked.status_code == 429
        # A spoofed left-most hop does not help: the proxy appended the real client last.
        spoofed = proxy.get("/api/v1/search?q=liver",
                            headers={"X-Forwarded-For": "192.0.2.99, 192.0.2.1"})
        assert spoofed.status_code == 429
        other = proxy.get("/api/v1/search?q=liver", headers={"X-Forwarded-For": "192.0.2.2"})
        assert other.status_code == 200


def test_settings_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAREINFO_TRUSTED_PROXIES", "10.0.0.1, 192.168.0.0/16")
    monkeypatch.setenv("RAREINFO_RATE_LIMIT_SEARCH_PER_MINUTE", "0")
    settings = Settings()
    assert settings.trusted_proxies == ["10.0.0.1", "192.168.0.0/16"]
    assert settings.rate_limit_search_per_minute == 0
    assert settings.max_body_bytes == 256 * 1024


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_database_down_is_503_with_retry_after_not_a_traceback() -> None:
    url = f"postgresql+psycopg://nobody@127.0.0.1:{_closed_port()}/rareinfo?connect_timeout=2"
    with TestClient(create_app(url, settings=_settings()), client=PEER) as client:
        api = client.get("/api/v1/status")
        _assert_error_shape(api, 503, "unavailable")
        assert api.headers["retry-after"] == "5"
        assert "psycopg" not in api.text and "Traceback" not in api.text
        page = client.get("/diseases/OMIM:100001")
        assert page.status_code == 503 and page.headers["retry-after"] == "5"
        assert "briefly unavailable" in page.text and "127.0.0.1" not in page.text


def test_unexpected_errors_keep_the_headers_and_the_error_shape(mini_kb_url: str) -> None:
    app = create_app(mini_kb_url, settings=_settings())

    def fail() -> None:
        raise RuntimeError("secret detail")

    app.add_api_route("/api/v1/fail", fail)
    app.add_api_route("/fail", fail)
    with TestClient(app, raise_server_exceptions=False, client=PEER) as client:
        body = _assert_error_shape(client.get("/api/v1/fail"), 500, "internal_error")
        assert "secret detail" not in str(body)
        page = client.get("/fail")
        assert page.status_code == 500 and "secret detail" not in page.text
        assert page.headers["content-security-policy"] == CSP
