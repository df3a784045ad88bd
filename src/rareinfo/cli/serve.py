"""``rareinfo serve``: the portal and the JSON API, building the knowledge base if needed."""

from __future__ import annotations

import errno
import socket
import threading
import time
from typing import Annotated

import typer

from rareinfo.cli.common import (
    EXIT_NO_KB,
    EXIT_PORT_BUSY,
    DatabaseOption,
    fail,
    out,
    settings_and_url,
)


def serve_command(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
    database: DatabaseOption = None,
) -> None:
    """Serve the portal and the JSON API; builds the knowledge base first if there is none."""
    import os

    import uvicorn

    from rareinfo.cli.build import run_build
    from rareinfo.kb.queries import KnowledgeBase, KnowledgeBaseMissing, KnowledgeBaseUnavailable
    from rareinfo.service import plan as pipeline

    # Before a first build of minutes, not after it.
    problem = port_problem(host, port)
    if problem is not None:
        fail(problem, EXIT_PORT_BUSY)
    settings, url = settings_and_url(database)
    missing = False
    try:
        KnowledgeBase(url).close()
    except KnowledgeBaseUnavailable as exc:
        fail(str(exc), EXIT_NO_KB)
    except KnowledgeBaseMissing:
        missing = True
    if missing:
        out.print("First start: building the knowledge base from the sources embedded in "
                  "rareinfo (once; a few minutes) ...", highlight=False)
        run_build(url, pipeline.plan(None, settings.resolved_cache_dir()), brief=True)
    os.environ["RAREINFO_DATABASE_URL"] = url
    os.environ.setdefault("RAREINFO_WARM_DIAGNOSIS_MODEL", "1")
    out.print("Starting the portal ...")
    announce = threading.Thread(target=announce_when_serving, args=(host, port),
                                daemon=True, name="announce-serving")
    announce.start()
    uvicorn.run("rareinfo.web.app:create_app", factory=True, host=host, port=port,
                workers=workers, log_level="warning", access_log=False,
                proxy_headers=False)  # web/security.py decides whom to believe


def port_problem(host: str, port: int) -> str | None:
    """Why ``host:port`` cannot be listened on (in use, no such address), or None."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        return f"cannot listen on {host}: {exc.strerror}"
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        # As uvicorn binds: SO_REUSEADDR, so a port in TIME_WAIT is not reported as busy.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return (f"port {port} on {host} is already in use; stop what uses it or "
                        f"choose another port with --port N")
            return f"cannot listen on {host}:{port}: {exc.strerror}"
    return None


def announce_when_serving(host: str, port: int, timeout: float = 600) -> None:
    """Print "Serving on ..." once the portal answers HTTP, not when it starts loading."""
    import httpx

    reach = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(host, host)
    shown = f"[{host}]" if ":" in host else host
    target = f"[{reach}]" if ":" in reach else reach
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            # Any answer counts (503 while a PostgreSQL is down is still serving).
            httpx.get(f"http://{target}:{port}/healthz", timeout=2)
        except httpx.TransportError:
            time.sleep(0.2)
            continue
        out.print(f"Serving on http://{shown}:{port} (API docs at http://{shown}:{port}/docs)",
                  highlight=False)
        return
