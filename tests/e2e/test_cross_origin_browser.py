"""Another site's page, on another localhost port, calls the API from a real browser."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.e2e

PORTAL_PAGE = b"""<!doctype html><html><body><h1>Another portal</h1></body></html>"""


class _Portal(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(PORTAL_PAGE)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture()
def other_origin() -> Iterator[str]:
    """A page of another site: a second server on another loopback port."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Portal)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://localhost:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_page_of_another_origin_reads_the_api(page: Page, server_url: str,
                                                 other_origin: str) -> None:
    page.goto(other_origin + "/")
    assert server_url.split(":")[-1] != other_origin.split(":")[-1]
    listed = page.evaluate("""async (api) => {
        const r = await fetch(api + "/api/v1/phenotypes/HP:0001250/diseases?limit=2");
        return {status: r.status, total: r.headers.get("X-Total-Count"), body: await r.json()};
    }""", server_url)
    assert listed["status"] == 200 and len(listed["body"]["results"]) == 2
    assert listed["body"]["next"]
    # A JSON POST needs a preflight (OPTIONS) first: the browser sends it and goes on.
    resolved = page.evaluate("""async (api) => {
        const r = await fetch(api + "/api/v1/resolve", {method: "POST",
            headers: {"Content-Type": "application/json"},
            body: JSON.stringify({ids: ["OMIM:613065"]})});
        return await r.json();
    }""", server_url)
    assert resolved["results"][0]["status"] == "current"
    # The HTML portal itself is not opened to other sites: the browser refuses to read it.
    refused = page.evaluate("""async (api) => {
        try { await fetch(api + "/"); return "read"; } catch (e) { return "refused"; }
    }""", server_url)
    assert refused == "refused"
