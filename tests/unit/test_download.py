"""Source downloads against a real local HTTP server: conditional, resumable, retried."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from rareinfo.sources import hpo
from rareinfo.sources.base import DownloadError, download

BODY = b"format-version: 1.2\n" + b"x" * 200_000


class ReleaseServer(BaseHTTPRequestHandler):
    """Serves BODY with an ETag and Range support; can be told to fail first."""

    failures_left = 0
    cut_after: int | None = None
    requests: list[dict[str, str]] = []  # noqa: RUF012  # shared log across handler instances
    files: dict[str, bytes] = {}  # noqa: RUF012

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # name fixed by BaseHTTPRequestHandler
        ReleaseServer.requests.append(dict(self.headers))
        body = ReleaseServer.files.get(self.path.rsplit("/", 1)[-1], BODY)
        if ReleaseServer.failures_left > 0:
            ReleaseServer.failures_left -= 1
            self.send_response(503)
            self.end_headers()
            return
        etag = '"' + hashlib.md5(body).hexdigest() + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.end_headers()
            return
        start = 0
        if (rng := self.headers.get("Range")) is not None:
            start = int(rng.removeprefix("bytes=").rstrip("-"))
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
        else:
            self.send_response(200)
        self.send_header("ETag", etag)
        self.send_header("Content-Length", str(len(body) - start))
        self.end_headers()
        payload = body[start:]
        if ReleaseServer.cut_after is not None:
            payload = payload[: ReleaseServer.cut_after]
            ReleaseServer.cut_after = None
            self.wfile.write(payload)
            self.wfile.flush()
            self.connection.shutdown(2)
            return
        self.wfile.write(payload)


@pytest.fixture()
def server() -> Iterator[str]:
    ReleaseServer.failures_left = 0
    ReleaseServer.cut_after = None
    ReleaseServer.requests = []
    ReleaseServer.files = {}
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), ReleaseServer)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_download_then_not_modified(server: str, tmp_path: Path) -> None:
    first = download(f"{server}/hp.obo", tmp_path / "hp.obo", backoff=0)
    assert first.changed and (tmp_path / "hp.obo").read_bytes() == BODY
    assert first.sha256 == hashlib.sha256(BODY).hexdigest()
    second = download(f"{server}/hp.obo", tmp_path / "hp.obo", backoff=0)
    assert not second.changed
    assert "If-None-Match" in ReleaseServer.requests[-1]


def test_retries_on_server_errors(server: str, tmp_path: Path) -> None:
    ReleaseServer.failures_left = 2
    result = download(f"{server}/hp.obo", tmp_path / "hp.obo", backoff=0)
    assert result.changed and len(ReleaseServer.requests) == 3


def test_gives_up_with_advice(server: str, tmp_path: Path) -> None:
    ReleaseServer.failures_left = 10
    with pytest.raises(DownloadError, match="--from"):
        download(f"{server}/hp.obo", tmp_path / "hp.obo", retries=2, backoff=0)
    assert not (tmp_path / "hp.obo").exists()


def test_interrupted_download_resumes_with_range(server: str, tmp_path: Path) -> None:
    ReleaseServer.cut_after = 50_000
    result = download(f"{server}/hp.obo", tmp_path / "hp.obo", backoff=0)
    assert (tmp_path / "hp.obo").read_bytes() == BODY
    assert result.sha256 == hashlib.sha256(BODY).hexdigest()
    assert ReleaseServer.requests[-1].get("Range") == "bytes=50000-"


def test_hpo_fetch_gets_the_three_release_files(server: str, tmp_path: Path,
                                                mini_release: Path) -> None:
    ReleaseServer.files = {name: (mini_release / name).read_bytes() for name in hpo.FILES}
    location = hpo.fetch(tmp_path, base_url=server)
    assert location == tmp_path / "hpo"
    assert hpo.release_of(location).version == "2099-01-01"
