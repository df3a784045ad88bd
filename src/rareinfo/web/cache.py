"""Rendered responses of one snapshot: a page is a pure function of its snapshot.

A body is kept gzip-compressed, compressed once (at build time for pre-rendered pages, or
on first render): a client that takes gzip (every browser, proxy and CDN) gets the stored
bytes as they are, so a repeat costs no compression, and the compression middleware lets an
already encoded body through untouched.
"""

from __future__ import annotations

import gzip
from collections import OrderedDict
from dataclasses import dataclass
from threading import Lock

from starlette.requests import Request
from starlette.responses import Response

LEVEL = 6  # as the compression middleware would: a third of the time of level 9
SMALL = 1024  # bytes; smaller bodies gain less than the headers and CPU cost
HTML = "text/html; charset=utf-8"
JSON = "application/json"


@dataclass(frozen=True, slots=True)
class Body:
    """A response body as kept: gzip-compressed unless it is small."""

    media_type: str
    data: bytes
    compressed: bool

    @classmethod
    def of(cls, media_type: str, plain: bytes) -> Body:
        """Keep ``plain``, compressing it once when that pays."""
        if len(plain) < SMALL:
            return cls(media_type, plain, False)
        return cls(media_type, gzip.compress(plain, LEVEL, mtime=0), True)

    @classmethod
    def gzipped(cls, media_type: str, data: bytes) -> Body:
        """A body that is already gzip-compressed (a pre-rendered page)."""
        return cls(media_type, data, True)

    def plain(self) -> bytes:
        """The body for a client that does not take gzip."""
        return gzip.decompress(self.data) if self.compressed else self.data

    def response(self, request: Request) -> Response:
        """The body in the encoding the client takes (a plain body is left to the
        compression middleware, which adds its own Vary when it compresses)."""
        if self.compressed and accepts_gzip(request):
            return Response(self.data, media_type=self.media_type,
                            headers={"Content-Encoding": "gzip", "Vary": "Accept-Encoding"})
        return Response(self.plain(), media_type=self.media_type)


def accepts_gzip(request: Request) -> bool:
    """Whether the request's Accept-Encoding takes gzip (``gzip;q=0`` refuses it)."""
    for part in request.headers.get("accept-encoding", "").lower().split(","):
        coding, _, params = part.strip().partition(";")
        if coding.strip() not in ("gzip", "*"):
            continue
        quality = params.strip()
        if quality.startswith("q="):
            try:
                return float(quality[2:]) > 0
            except ValueError:
                return False
        return True
    return False


class RenderedPages:
    """A bounded LRU of rendered bodies keyed by (snapshot key, address), bounded by the
    bytes of the bodies as kept (pages range from 1 KiB to 90 KiB compressed)."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.bytes = 0
        self._pages: OrderedDict[tuple[str, str], Body] = OrderedDict()
        self._lock = Lock()

    def get(self, key: tuple[str, str]) -> Body | None:
        """The cached body, or None."""
        with self._lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
            return page

    def put(self, key: tuple[str, str], page: Body) -> Body:
        """Remember a body, dropping the least recently used beyond the budget; returns it."""
        with self._lock:
            old = self._pages.pop(key, None)
            if old is not None:
                self.bytes -= len(old.data)
            self._pages[key] = page
            self.bytes += len(page.data)
            while self.bytes > self.max_bytes and len(self._pages) > 1:
                self.bytes -= len(self._pages.popitem(last=False)[1].data)
        return page


# Every disease and phenotype page and its API JSON one worker keeps, compressed: about
# 12,000 disease pages. A page not kept costs one indexed read of the snapshot's stored
# pages (web/prerender.py), so this bounds memory, not correctness.
pages = RenderedPages(64 * 2**20)
