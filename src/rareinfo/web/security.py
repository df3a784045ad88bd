"""Security headers, request limits and rate limits, as one pure ASGI middleware.

Pure ASGI rather than Starlette's BaseHTTPMiddleware, which wraps every response in a
stream and a task group and costs throughput on the hot pages. Every response gets the
same headers: pages, the JSON API, static files and errors alike.

Proxies: the client address and the scheme come from the TCP peer, unless that peer is
one of ``RAREINFO_TRUSTED_PROXIES``; only then are X-Forwarded-For and X-Forwarded-Proto
believed. (``rareinfo serve`` turns off uvicorn's own proxy-header handling so that this
is the one place that decides.)

Rate limits are token buckets per client *per worker process*: with N workers a client
can get up to N times the configured rate. Set a rate to 0 to turn that limit off.
"""

from __future__ import annotations

import ipaddress
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal
from urllib.parse import parse_qsl

from fastapi import Request
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from rareinfo.config import Settings
from rareinfo.web.errors import error_response, unexpected_error
from rareinfo.web.ratelimit import RateLimiter

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
HSTS = "max-age=31536000; includeSubDomains"

Group = Literal["diagnose", "search"]
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class BodyTooLarge(StarletteHTTPException):
    """The request body grew past the limit while it was being read."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is larger than {limit} bytes")


def parse_networks(addresses: Iterable[str]) -> tuple[Network, ...]:
    """Addresses or networks (``10.0.0.1``, ``10.0.0.0/8``, ``::1``) as networks."""
    networks = []
    for text in addresses:
        try:
            networks.append(ipaddress.ip_network(text.strip(), strict=False))
        except ValueError as exc:
            raise ValueError(f"RAREINFO_TRUSTED_PROXIES: {text!r} is not an address") from exc
    return tuple(networks)


@dataclass(frozen=True, slots=True)
class Limits:
    """What one request may be, and how often the expensive ones may come."""

    max_body_bytes: int
    max_url_bytes: int
    max_query_params: int
    trusted: tuple[Network, ...]
    limiters: dict[Group, RateLimiter]

    @classmethod
    def from_settings(cls, settings: Settings) -> Limits:
        """The limits the deployment's settings ask for."""
        limiters: dict[Group, RateLimiter] = {}
        if settings.rate_limit_diagnose_per_minute > 0:
            limiters["diagnose"] = RateLimiter(settings.rate_limit_diagnose_per_minute,
                                               settings.rate_limit_diagnose_burst)
        if settings.rate_limit_search_per_minute > 0:
            limiters["search"] = RateLimiter(settings.rate_limit_search_per_minute,
                                             settings.rate_limit_search_burst)
        return cls(settings.max_body_bytes, settings.max_url_bytes,
                   settings.max_query_params, parse_networks(settings.trusted_proxies),
                   limiters)

    def is_trusted(self, address: str | None) -> bool:
        """Whether a peer address is one of the trusted proxies."""
        if not address or not self.trusted:
            return False
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in network for network in self.trusted)


def _header(scope: Scope, name: bytes) -> str | None:
    values = [v for k, v in scope.get("headers", ()) if k == name]
    return b",".join(values).decode("latin-1") if values else None


def _peer(scope: Scope) -> str | None:
    client = scope.get("client")
    return str(client[0]) if client else None


def client_address(scope: Scope, limits: Limits) -> str:
    """The client: the TCP peer, or what a trusted proxy says in X-Forwarded-For."""
    peer = _peer(scope)
    if not limits.is_trusted(peer):
        return peer or "unknown"
    forwarded = _header(scope, b"x-forwarded-for")
    if not forwarded:
        return peer or "unknown"
    hops = [h.strip() for h in forwarded.split(",") if h.strip()]
    # The right-most hop not added by one of our own proxies is the one we can believe.
    for hop in reversed(hops):
        if not limits.is_trusted(hop):
            return hop
    return hops[0] if hops else (peer or "unknown")


def over_tls(scope: Scope, limits: Limits) -> bool:
    """Whether the request reached us (or our trusted proxy) over HTTPS."""
    if scope.get("scheme") == "https":
        return True
    if not limits.is_trusted(_peer(scope)):
        return False
    proto = _header(scope, b"x-forwarded-proto")
    # A chain of proxies appends; the first value is what the client used.
    return proto is not None and proto.split(",")[0].strip().lower() == "https"


def rate_group(scope: Scope) -> Group | None:
    """Which rate limit an endpoint falls under, if any."""
    method, path = scope.get("method"), scope.get("path", "")
    if path in ("/api/v1/diagnose", "/api/v1/diagnose/batch") and method == "POST":
        return "diagnose"
    if method not in ("GET", "HEAD"):
        return None
    if path == "/diagnose":
        # Only a submitted form ranks diseases; the empty form is cheap.
        return "diagnose" if scope.get("query_string") else None
    if path in ("/api/v1/search", "/api/v1/autocomplete", "/search"):
        return "search"
    return None


class SecurityMiddleware:
    """Adds the security headers and enforces the URL, body and rate limits."""

    def __init__(self, app: ASGIApp, limits: Limits) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        hsts = over_tls(scope, self.limits)
        send = self._with_headers(send, hsts)
        refusal = self._refusal(scope)
        if refusal is not None:
            status, message, headers = refusal
            response = error_response(Request(scope), status, message, headers=headers)
            await response(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, self._limited_receive(receive), tracking_send)
        except BodyTooLarge as exc:
            # Read outside FastAPI's exception handling (rare): answer here if still possible.
            if started:
                raise
            response = error_response(Request(scope), 413, str(exc.detail))
            await response(scope, receive, send)
        except Exception as exc:
            # Starlette answers unexpected errors outside every middleware; answering here
            # keeps the security headers on the 500 page too.
            if started:
                raise
            response = await unexpected_error(Request(scope), exc)
            await response(scope, receive, send)

    def _refusal(self, scope: Scope) -> tuple[int, str, dict[str, str]] | None:
        limits = self.limits
        raw_path: bytes = scope.get("raw_path") or scope["path"].encode()
        query: bytes = scope.get("query_string", b"")
        if len(raw_path) + len(query) > limits.max_url_bytes:
            return 414, f"the address is longer than {limits.max_url_bytes} bytes", {}
        if query.count(b"&") >= limits.max_query_params and len(
                parse_qsl(query.decode("latin-1"), keep_blank_values=True)
        ) > limits.max_query_params:
            return 414, f"more than {limits.max_query_params} query parameters", {}
        declared = _header(scope, b"content-length")
        if declared is not None:
            try:
                length = int(declared)
            except ValueError:
                return 400, "Content-Length is not a number", {}
            if length > limits.max_body_bytes:
                return 413, f"the request body is larger than {limits.max_body_bytes} bytes", {}
        group = rate_group(scope)
        limiter = limits.limiters.get(group) if group else None
        if limiter is not None:
            wait = limiter.check(f"{group}:{client_address(scope, limits)}")
            if wait is not None:
                seconds = max(1, math.ceil(wait))
                return (429, f"too many requests; try again in {seconds} s",
                        {"Retry-After": str(seconds)})
        return None

    def _limited_receive(self, receive: Receive) -> Receive:
        limit = self.limits.max_body_bytes
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        return limited

    def _with_headers(self, send: Send, hsts: bool) -> Send:
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("X-Frame-Options", "DENY")
                headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
                headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
                headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
                if hsts:
                    headers.setdefault("Strict-Transport-Security", HSTS)
                # One policy for everything, /docs included: its Swagger UI is served from
                # the installed package and started by a script file, never inline.
                headers.setdefault("Content-Security-Policy", CSP)
            await send(message)

        return send_with_headers
