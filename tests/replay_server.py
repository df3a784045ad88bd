"""A local HTTP server that replays captured API responses and injects faults on demand.

It listens on 127.0.0.1 on a free port, in a thread. Routes match by path and by the
query parameters they name (a request may carry more): the route naming the most
parameters wins, so "page two" (``pageToken=...``) is told from "page one". Faults are
queued and each is used once, by the next request it matches:

- ``"429"``: Too Many Requests with a Retry-After header;
- ``"500"``: Internal Server Error (any status can be given);
- ``"timeout"``: wait ``delay`` seconds before answering (past the client's timeout);
- ``"truncated"``: announce the whole body's length, send half, close the connection;
- ``"cut"``: no Content-Length, send half the body, close (the client sees short JSON).

Every request is logged as (path, query) for assertions.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from urllib.parse import parse_qsl, urlsplit

FAULT_KINDS = ("429", "500", "timeout", "truncated", "cut")


@dataclass(frozen=True, slots=True)
class Route:
    """A canned response for a path and the query parameters it requires."""

    path: str
    query: tuple[tuple[str, str], ...]
    body: bytes
    content_type: str
    status: int = 200

    def matches(self, path: str, query: Mapping[str, str]) -> bool:
        """True when the request's path is ours and it carries our parameters."""
        return path == self.path and all(query.get(k) == v for k, v in self.query)


@dataclass(slots=True)
class Fault:
    """One failure to inject, on the next request that matches ``path`` and ``query``."""

    kind: str
    path: str | None = None
    query: tuple[tuple[str, str], ...] = ()
    status: int = 500
    retry_after: str = "0"
    delay: float = 1.0

    def matches(self, path: str, query: Mapping[str, str]) -> bool:
        """True when this fault applies to the request."""
        return (self.path is None or path == self.path) and all(
            query.get(k) == v for k, v in self.query)


@dataclass(slots=True)
class _State:
    routes: list[Route] = field(default_factory=list)
    faults: list[Fault] = field(default_factory=list)
    log: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


class ReplayServer:
    """Replays canned responses on 127.0.0.1; use as a context manager."""

    def __init__(self) -> None:
        self._state = _State()
        self._httpd = _QuietServer(("127.0.0.1", 0), _handler(self._state))
        self._httpd.daemon_threads = True  # a handler still sleeping must not block shutdown
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,),
                                        daemon=True)

    @property
    def url(self) -> str:
        """The server's base URL, e.g. http://127.0.0.1:41234."""
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def __enter__(self) -> ReplayServer:
        self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 trace: TracebackType | None) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def add(self, path: str, body: bytes | str, *, query: Mapping[str, str] | None = None,
            content_type: str = "application/json", status: int = 200) -> None:
        """Answer requests for ``path`` carrying ``query`` with ``body``."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        with self._state.lock:
            self._state.routes.append(Route(path, tuple((query or {}).items()), data,
                                            content_type, status))

    def add_file(self, path: str, file: Path, *, query: Mapping[str, str] | None = None,
                 content_type: str | None = None) -> None:
        """Answer with a captured file's bytes (XML files as XML, others as JSON)."""
        kind = content_type or ("text/xml" if file.suffix == ".xml" else "application/json")
        self.add(path, file.read_bytes(), query=query, content_type=kind)

    def fail(self, kind: str, *, times: int = 1, path: str | None = None,
             query: Mapping[str, str] | None = None, status: int = 500,
             retry_after: str = "0", delay: float = 1.0) -> None:
        """Queue ``times`` faults of ``kind`` for the next matching requests."""
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault {kind!r}; one of {', '.join(FAULT_KINDS)}")
        with self._state.lock:
            self._state.faults.extend(
                Fault(kind, path, tuple((query or {}).items()), status, retry_after, delay)
                for _ in range(times))

    @property
    def requests(self) -> list[tuple[str, dict[str, str]]]:
        """Every request received so far: (path, query parameters)."""
        with self._state.lock:
            return list(self._state.log)

    def pending_faults(self) -> int:
        """Faults queued and not yet used."""
        with self._state.lock:
            return len(self._state.faults)


class _QuietServer(ThreadingHTTPServer):
    """Clients that gave up (the injected timeouts) close early: no traceback for that."""

    def handle_error(self, request: object, client_address: object) -> None:
        pass


def _handler(state: _State) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def setup(self) -> None:
            super().setup()
            # Headers and body go out in separate writes: without this, Nagle's algorithm
            # and delayed ACKs add ~40 ms to every response.
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # name fixed by BaseHTTPRequestHandler
            parts = urlsplit(self.path)
            query = dict(parse_qsl(parts.query, keep_blank_values=True))
            with state.lock:
                state.log.append((parts.path, query))
                fault = next((f for f in state.faults if f.matches(parts.path, query)), None)
                if fault is not None:
                    state.faults.remove(fault)
                candidates = [r for r in state.routes if r.matches(parts.path, query)]
            route = max(candidates, key=lambda r: len(r.query), default=None)
            body = route.body if route else b'{"error": "no such capture"}'
            status = route.status if route else 404
            kind = route.content_type if route else "application/json"
            if fault is None:
                self._send(status, kind, body)
            else:
                self._fault(fault, status, kind, body)

        def _send(self, status: int, kind: str, body: bytes,
                  headers: Mapping[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def _fault(self, fault: Fault, status: int, kind: str, body: bytes) -> None:
            if fault.kind == "429":
                self._send(429, "application/json", b'{"error": "rate limited"}',
                           {"Retry-After": fault.retry_after})
            elif fault.kind == "500":
                self._send(fault.status, "text/plain", b"injected server error")
            elif fault.kind == "timeout":
                time.sleep(fault.delay)
                self._send(status, kind, body)
            else:
                self._send_half(fault.kind == "truncated", status, kind, body)

        def _send_half(self, announce: bool, status: int, kind: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            if announce:
                self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True

    return Handler
