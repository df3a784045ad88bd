"""Rendered responses of one snapshot: a page is a pure function of its snapshot."""

from __future__ import annotations

from collections import OrderedDict
from threading import Lock


class RenderedPages:
    """A bounded LRU of rendered bodies keyed by (snapshot key, address)."""

    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self._pages: OrderedDict[tuple[str, str], bytes] = OrderedDict()
        self._lock = Lock()

    def get(self, key: tuple[str, str]) -> bytes | None:
        """The cached body, or None."""
        with self._lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
            return page

    def put(self, key: tuple[str, str], page: bytes) -> None:
        """Remember a body, dropping the least recently used beyond the size."""
        with self._lock:
            self._pages[key] = page
            while len(self._pages) > self.size:
                self._pages.popitem(last=False)
