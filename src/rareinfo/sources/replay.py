"""Recorded API responses: a polite HTTP client whose answers are kept and replayed.

The ClinicalTrials.gov and PubMed clients page through search APIs. Each response is
saved in the cache exactly as the server sent it (atomically: a half-written file never
appears), and a later sync replays what is saved instead of asking again, so a sync that
failed half way resumes where it stopped. Requests are spaced by a token bucket, and 429
(honouring Retry-After), 5xx, timeouts, dropped connections and bodies that do not parse
(truncated JSON or XML) are retried with exponential backoff.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import httpx

from rareinfo.sources.base import USER_AGENT, DownloadError

Sleep = Callable[[float], None]
Validator = Callable[[str], None]  # raises ValueError for a body that is not whole


class ApiError(DownloadError):
    """A request failed for good: retries exhausted, or the server refused it."""


class _Retryable(Exception):
    """A failure worth another try, with the wait the server asked for (if any)."""

    def __init__(self, message: str, wait: float | None = None) -> None:
        super().__init__(message)
        self.wait = wait


class TokenBucket:
    """At most ``rate`` requests a second on average, with bursts of up to ``burst``."""

    def __init__(self, rate: float, burst: int = 1, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Sleep = time.sleep) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        self.rate, self.capacity = rate, float(burst)
        self._tokens, self._clock, self._sleep = float(burst), clock, sleep
        self._last = clock()
        self._lock = threading.Lock()

    def acquire(self) -> float:
        """Take one token, sleeping until one is free; return the seconds waited."""
        with self._lock:
            now = self._clock()
            self._tokens = min(self.capacity, self._tokens + (now - self._last) * self.rate)
            self._last = now
            self._tokens -= 1
            wait = -self._tokens / self.rate if self._tokens < 0 else 0.0
        if wait > 0:
            self._sleep(wait)
        return wait


@dataclass(frozen=True, slots=True)
class Politeness:
    """How hard a client may press a server, and how long it keeps trying."""

    rate: float = 1.0  # requests per second
    burst: int = 1
    retries: int = 5
    backoff: float = 1.0  # first retry waits this long, then twice as long each time
    max_wait: float = 120.0  # cap on any single wait, Retry-After included
    timeout: float = 30.0


class ApiClient:
    """GETs against one API base URL, rate-limited and retried; returns the body text."""

    def __init__(self, base_url: str, politeness: Politeness | None = None, *,
                 client: httpx.Client | None = None, sleep: Sleep = time.sleep) -> None:
        self.base_url = base_url.rstrip("/")
        self.politeness = politeness or Politeness()
        self._sleep = sleep
        self._bucket = TokenBucket(self.politeness.rate, self.politeness.burst, sleep=sleep)
        self._own = client is None
        self._http = client or httpx.Client(
            headers={"User-Agent": USER_AGENT}, follow_redirects=True,
            timeout=self.politeness.timeout)
        self.requests = 0  # sent, retries included: for tests and progress reports

    def close(self) -> None:
        """Close the connection pool if this client opened it."""
        if self._own:
            self._http.close()

    def __enter__(self) -> ApiClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get_text(self, path: str, params: Mapping[str, str | int],
                 validate: Validator | None = None) -> str:
        """GET ``path`` with ``params``; retry until the body passes ``validate``."""
        url = f"{self.base_url}/{path.lstrip('/')}" if path else self.base_url
        policy = self.politeness
        for attempt in range(policy.retries + 1):
            try:
                return self._attempt(url, params, validate)
            except _Retryable as exc:
                if attempt == policy.retries:
                    raise ApiError(f"{url} failed after {attempt + 1} attempts: {exc}") from exc
                self._sleep(min(policy.max_wait, exc.wait if exc.wait is not None
                                else policy.backoff * 2**attempt))
        raise AssertionError("unreachable")

    def get_json(self, path: str, params: Mapping[str, str | int]) -> tuple[str, Any]:
        """GET a JSON document: the body as sent (for the cache) and its parsed value."""
        text = self.get_text(path, params, validate_json)
        return text, json.loads(text)

    def _attempt(self, url: str, params: Mapping[str, str | int],
                 validate: Validator | None) -> str:
        self._bucket.acquire()
        self.requests += 1
        try:
            response = self._http.get(url, params=dict(params))
        except httpx.TimeoutException as exc:
            raise _Retryable(f"timed out ({type(exc).__name__})") from exc
        except httpx.TransportError as exc:  # includes a body cut short of Content-Length
            raise _Retryable(f"connection failed: {exc}") from exc
        status = response.status_code
        if status == 429 or status >= 500:
            raise _Retryable(f"HTTP {status}", retry_after(response.headers.get("Retry-After")))
        if status != 200:
            raise ApiError(f"{url} answered HTTP {status}: {response.text[:300]}")
        text = response.text
        if validate is not None:
            try:
                validate(text)
            except ValueError as exc:
                raise _Retryable(f"incomplete body ({len(text)} characters): {exc}") from exc
        return text


def retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if re.fullmatch(r"\d+(\.\d+)?", value):
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def validate_json(text: str) -> None:
    """Raise ValueError unless ``text`` is one whole JSON document."""
    json.loads(text)  # JSONDecodeError is a ValueError


def save_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the whole new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def query_slug(terms: str | list[str] | tuple[str, ...], *, limit: int = 60) -> str:
    """A directory name for a search: readable, filesystem-safe, distinct per query."""
    text = terms if isinstance(terms, str) else " OR ".join(terms)
    readable = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:limit].rstrip("-")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return f"{readable or 'query'}-{digest}"


def utc_now() -> str:
    """The current time as an ISO 8601 string, for manifests."""
    return datetime.now(UTC).isoformat(timespec="seconds")
