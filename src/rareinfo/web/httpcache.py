"""HTTP caching: ETag, Last-Modified, Cache-Control per route, and 304 for a known body.

A page is a pure function of its snapshot, of this version of rareinfo (its templates and
models) and, for the disease page, of the published questions. Those three make the
validator, so a conditional request is answered 304 before any route runs: a browser, a
caching proxy or a CDN revalidates a page for the price of one comparison.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from threading import Lock

from sqlalchemy import select
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from rareinfo import __version__
from rareinfo.kb import schema
from rareinfo.service.live import LiveSnapshot, Snapshot

# A page changes only when a new snapshot is swapped in (or, for the disease page, when a
# question is published): caches keep it an hour and may serve it stale for a day while
# they revalidate, which costs a 304.
PAGE = "public, max-age=3600, stale-while-revalidate=86400"
# The disease page also shows published questions, which change without a new snapshot: a
# cache keeps it but asks again every time (a 304 while nothing changed), so a question a
# specialist has just published is there at the next visit.
DISEASE_PAGE = "public, no-cache"
# Search results and lists: a function of the snapshot too, but people expect fresh ones.
SHORT = "public, max-age=300"
# Forms, diagnosis, staff, questions, health: per person or per moment, never stored.
NO_STORE = "no-store"


@dataclass(frozen=True, slots=True)
class Policy:
    """How one route may be cached."""

    cache_control: str
    validated: bool  # carries an ETag and Last-Modified; answers 304
    questions: bool = False  # the body shows published questions


_PAGE = Policy(PAGE, True)
_DISEASE_PAGE = Policy(DISEASE_PAGE, True, questions=True)
_SHORT = Policy(SHORT, True)
_NO_STORE = Policy(NO_STORE, False)

# First match wins; paths of GET requests only (anything else is never stored).
ROUTES: tuple[tuple[re.Pattern[str], Policy], ...] = tuple(
    (re.compile(pattern), policy) for pattern, policy in (
        (r"^/staff(/|$)", _NO_STORE),
        (r"^/(api/v1/)?diagnose(/|$)", _NO_STORE),
        (r"^/ask(/|$)", _NO_STORE),
        (r"^/diseases/.+/ask$", _NO_STORE),
        (r"^/api/v1/diseases/.+/questions$", _NO_STORE),
        (r"^/(healthz|api/v1/status)$", _NO_STORE),
        (r"^/diseases/.+/(trials|feed\.atom)$", _PAGE),
        (r"^/diseases/.+", _DISEASE_PAGE),
        (r"^/(api/v1/)?phenotypes/.+", _PAGE),
        (r"^/api/v1/diseases/.+", _PAGE),
        (r"^/api/v1/sources$", _PAGE),
        (r"^/api/v1/(genes/.+|mappings)$", _PAGE),
        (r"^/(api/v1/)?search$", _SHORT),
        (r"^/api/v1/autocomplete$", _SHORT),
        (r"^/(browse(/.*)?|about)?$", _SHORT),
    ))


def policy_for(method: str, path: str) -> Policy | None:
    """The caching policy of a request; None leaves the response's own headers alone."""
    if method not in ("GET", "HEAD"):
        return _NO_STORE
    for pattern, policy in ROUTES:
        if pattern.match(path):
            return policy
    return None


def entity_tag(snapshot_key: str, questions_version: int | None) -> str:
    """The weak validator of a body: its snapshot, this release, published questions."""
    parts = f"{snapshot_key}|{__version__}|{'' if questions_version is None else questions_version}"
    return 'W/"' + hashlib.sha256(parts.encode()).hexdigest()[:24] + '"'


def not_modified(headers: Headers, etag: str, last_modified: datetime | None) -> bool:
    """Whether a conditional request already holds this body (RFC 9110, section 13.2.2)."""
    if_none_match = headers.get("if-none-match")
    if if_none_match is not None:
        wanted = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return "*" in wanted or etag.removeprefix("W/") in wanted
    since = headers.get("if-modified-since")
    if since is None or last_modified is None:
        return False
    try:
        parsed = parsedate_to_datetime(since)
    except (TypeError, ValueError):
        return False
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return last_modified.replace(microsecond=0) <= parsed


class BuildTimes:
    """The build time of each snapshot, read once per snapshot."""

    def __init__(self) -> None:
        self._times: dict[str, datetime | None] = {}
        self._lock = Lock()

    def of(self, snapshot: Snapshot) -> datetime | None:
        """When the snapshot was built (UTC), or None if it does not say."""
        with self._lock:
            if snapshot.key in self._times:
                return self._times[snapshot.key]
        info = schema.snapshot_info
        with snapshot.kb.engine.connect() as conn:
            value = conn.execute(select(info.c.value).where(info.c.key == "built_at")).scalar()
        built: datetime | None = None
        if value:
            try:
                built = datetime.fromisoformat(str(value))
            except ValueError:
                built = None
            if built is not None and built.tzinfo is None:
                built = built.replace(tzinfo=UTC)
        with self._lock:
            self._times = {snapshot.key: built}  # only the live snapshot matters
        return built


class HttpCacheMiddleware:
    """Adds the caching headers of each route and answers conditional requests with 304."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.built = BuildTimes()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = policy_for(scope["method"], scope["path"])
        if policy is None:
            await self.app(scope, receive, send)
            return
        etag: str | None = None
        last_modified: datetime | None = None
        if policy.validated:
            etag, last_modified = self._validators(scope, policy)
        if etag is not None and not_modified(Headers(scope=scope), etag, last_modified):
            await send({"type": "http.response.start", "status": 304,
                        "headers": _header_list(policy.cache_control, etag, last_modified)})
            await send({"type": "http.response.body", "body": b"", "more_body": False})
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                if message["status"] == 200 or not policy.validated:
                    headers["Cache-Control"] = policy.cache_control
                    if etag is not None:
                        headers["ETag"] = etag
                        if last_modified is not None:
                            headers["Last-Modified"] = _http_date(last_modified)
                elif message["status"] in (301, 308, 410):
                    headers.setdefault("Cache-Control", SHORT)
                else:  # errors and 503s must not be kept
                    headers["Cache-Control"] = NO_STORE
            await send(message)

        await self.app(scope, receive, with_headers)

    def _validators(self, scope: Scope, policy: Policy) -> tuple[str | None, datetime | None]:
        state = getattr(scope.get("app"), "state", None)
        live = getattr(state, "live", None)
        if not isinstance(live, LiveSnapshot):
            return None, None
        try:
            snapshot = live.get()
            built = self.built.of(snapshot)
        except Exception:  # no knowledge base: the route answers the error itself
            return None, None
        version: int | None = None
        if policy.questions:
            # The disease page shows questions published after the build: its tag follows
            # them, and it has no Last-Modified to compare dates against.
            userdata = getattr(state, "userdata", None)
            version = userdata.version() if userdata is not None else None
            if version == -1:
                return None, None  # user database unavailable: no validator to promise
        return entity_tag(snapshot.key, version), (None if policy.questions else built)


def _http_date(moment: datetime) -> str:
    return format_datetime(moment.astimezone(UTC), usegmt=True)


def _header_list(cache_control: str, etag: str,
                 last_modified: datetime | None) -> list[tuple[bytes, bytes]]:
    headers = [(b"cache-control", cache_control.encode()), (b"etag", etag.encode())]
    if last_modified is not None:
        headers.append((b"last-modified", _http_date(last_modified).encode()))
    return headers
