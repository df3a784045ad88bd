"""The static copy (`rareinfo export --format site`) served by a plain static file server."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Page, Response

from rareinfo.web.site import file_name


@pytest.fixture(scope="module")
def site_url(mini_kb_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    out = tmp_path_factory.mktemp("static") / "site"
    subprocess.run([sys.executable, "-m", "rareinfo", "export", "--format", "site",
                    "--out", str(out), "--database", mini_kb_url], check=True)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port),
                               "--bind", "127.0.0.1", "--directory", str(out)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                httpx.get(url + "/index.html", timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_all_page_and_its_links(page: Page, site_url: str) -> None:
    failed: list[str] = []

    def check(response: Response) -> None:
        if response.status >= 400:
            failed.append(response.url)

    page.on("response", check)
    page.goto(f"{site_url}/index.html")
    page.get_by_role("link", name="Leukemia, acute lymphocytic, susceptibility to, 1").click()
    page.wait_for_url(f"**/diseases/{file_name('OMIM:613065')}.html")
    assert "Leukemia, acute lymphocytic" in page.locator("h1").inner_text()
    # The stylesheet loaded from the copy, relative to the page.
    assert page.evaluate("getComputedStyle(document.body).fontFamily") != ""
    page.locator('a[href$="phenotypes/HP_0006721.html"]').first.click()
    page.wait_for_url("**/phenotypes/HP_0006721.html")
    assert "Acute lymphoblastic leukemia" in page.locator("h1").inner_text()
    assert failed == []
