"""A throwaway PostgreSQL server from Debian's package, for tests and benchmarks.

Started with initdb + postgres in a temporary directory on a free port, trust
authentication on loopback only; no system service is used. When the tests run as root
(CI containers), the server runs as the ``postgres`` user the Debian package creates,
because PostgreSQL refuses to run as root.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL server binaries are installed."""


def find_bindir() -> Path:
    """The newest installed PostgreSQL bin directory (Debian layout), or PG_BINDIR."""
    if env := os.environ.get("PG_BINDIR"):
        return Path(env)
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                        key=lambda p: int(Path(p).parent.parent.name))
    if not candidates:
        raise PostgresUnavailable(
            "PostgreSQL is not installed; install Debian's postgresql package "
            "(.ci/run does this)")
    return Path(candidates[-1]).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PostgresServer:
    """One running server; ``url(db)`` gives SQLAlchemy URLs, ``create_database`` a fresh db."""

    def __init__(self, root: Path, port: int, bindir: Path) -> None:
        self.root = root
        self.port = port
        self.bindir = bindir
        self.datadir = root / "data"
        self.process: subprocess.Popen[bytes] | None = None

    def _as_owner(self, args: list[str]) -> list[str]:
        if os.geteuid() != 0:
            return args
        return ["runuser", "-u", "postgres", "--", *args]

    def init(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
        subprocess.run(self._as_owner([
            str(self.bindir / "initdb"), "-D", str(self.datadir), "-U", "postgres",
            "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"]),
            check=True, capture_output=True)

    def start(self) -> None:
        log = open(self.root / "server.log", "ab")  # noqa: SIM115 - owned by the process
        self.process = subprocess.Popen(self._as_owner([
            str(self.bindir / "postgres"), "-D", str(self.datadir),
            "-p", str(self.port), "-h", "127.0.0.1", "-k", str(self.root),
            "-c", "fsync=off", "-c", "synchronous_commit=off",
            "-c", "full_page_writes=off", "-c", "max_connections=300",
            "-c", "shared_buffers=256MB"]), stdout=log, stderr=log)
        self.wait_ready()

    def wait_ready(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError("PostgreSQL exited at start; see "
                                   f"{self.root / 'server.log'}")
            ready = subprocess.run([str(self.bindir / "pg_isready"), "-h", "127.0.0.1",
                                    "-p", str(self.port), "-q"], check=False)
            if ready.returncode == 0:
                return
            time.sleep(0.1)
        raise RuntimeError(f"PostgreSQL did not start in {timeout:.0f} s")

    def stop(self, mode: str = "fast") -> None:
        """Stop the server (``mode``: smart, fast or immediate)."""
        if self.process is None:
            return
        subprocess.run(self._as_owner([str(self.bindir / "pg_ctl"), "-D", str(self.datadir),
                                       "-m", mode, "-w", "stop"]),
                       check=False, capture_output=True)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

    def restart(self, mode: str = "fast") -> None:
        self.stop(mode)
        self.start()

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str | None = None) -> str:
        """A new empty database (with pg_trgm available); returns its URL."""
        import psycopg

        name = name or f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


@contextmanager
def running_postgres() -> Iterator[PostgresServer]:
    """Start a private PostgreSQL server for the duration of the block."""
    bindir = find_bindir()
    root = Path(tempfile.mkdtemp(prefix="rareinfo-pg-"))
    os.chmod(root, 0o755)
    server = PostgresServer(root, free_port(), bindir)
    try:
        server.init()
        server.start()
        yield server
    finally:
        server.stop("immediate")
        shutil.rmtree(root, ignore_errors=True)
