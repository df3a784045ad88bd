"""Faults under load: a build killed halfway, PostgreSQL restarting, the disk filling up.

Usage: .venv/bin/python bench/faults.py [--clients 16] [--only kill|restart|diskfull]

Each scenario serves the portal with `rareinfo serve --workers 2` while client threads
request disease pages, the disease API and search (distinct addresses, so that most
requests reach the database rather than a cache), and records every answer's status:
  kill      SQLite and PostgreSQL: start a full rebuild, SIGKILL it halfway; the old
            snapshot must keep serving (0 errors, same snapshot key), and the next build
            must succeed and be swapped in while serving (0 errors).
  restart   PostgreSQL: restart the server under load; the service must answer 503 (with
            Retry-After) while it is down, nothing else, and recover by itself.
  diskfull  SQLite on a small tmpfs (needs root): a full build runs out of space; it must
            fail with a clear message while the old snapshot keeps serving.
The last line is JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.serve import free_port, wait_for
from tests.pgserver import PostgresServer, running_postgres

from rareinfo.kb.build import SourceRun
from rareinfo.kb.queries import KnowledgeBase
from rareinfo.service.building import build_snapshot
from rareinfo.sources import hpo

MINI = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "hpo_mini"


@dataclass
class Load:
    """Client threads requesting distinct addresses; every answer is recorded."""

    base: str
    paths: list[str]
    clients: int
    answers: list[tuple[float, int]] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)
    _threads: list[threading.Thread] = field(default_factory=list)
    started: float = 0.0

    def start(self) -> None:
        self.started = time.monotonic()
        for n in range(self.clients):
            thread = threading.Thread(target=self._run, args=(n,), daemon=True)
            thread.start()
            self._threads.append(thread)

    def _run(self, n: int) -> None:
        rng = random.Random(n)
        with httpx.Client(base_url=self.base, timeout=30) as client:
            while not self._stop.is_set():
                path = rng.choice(self.paths)
                try:
                    status = client.get(path).status_code
                except httpx.HTTPError:
                    status = 0  # connection refused, reset or timed out
                self.answers.append((time.monotonic() - self.started, status))

    def stop(self) -> Counter[int]:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=60)
        return Counter(status for _, status in self.answers)


def paths_of(url: str) -> list[str]:
    kb = KnowledgeBase(url)
    ids = sorted(kb.disease_names())
    names = list(kb.disease_names().values())
    kb.close()
    rng = random.Random(5)
    out = [f"/diseases/{i}" for i in rng.sample(ids, min(3000, len(ids)))]
    out += [f"/api/v1/diseases/{i}" for i in rng.sample(ids, min(3000, len(ids)))]
    out += [f"/api/v1/search?q={httpx.QueryParams({'q': n})['q']}"
            for n in rng.sample(names, min(1000, len(names)))]
    return out


@contextmanager
def serving(url: str, workdir: Path) -> Iterator[str]:
    port = free_port()
    env = {**os.environ, "RAREINFO_DATABASE_URL": url,
           "RAREINFO_DATA_DIR": str(workdir / "data"),
           "RAREINFO_RATE_LIMIT_SEARCH_PER_MINUTE": "0",
           "RAREINFO_RATE_LIMIT_DIAGNOSE_PER_MINUTE": "0"}
    server = subprocess.Popen([sys.executable, "-m", "rareinfo", "serve", "--port", str(port),
                               "--workers", "2"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/healthz", timeout=300)
        for _ in range(8):
            httpx.get(base + "/api/v1/search?q=warm", timeout=120)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def snapshot_key(base: str) -> str:
    return str(httpx.get(base + "/healthz", timeout=30).json()["snapshot"])


def build_command(url: str) -> list[str]:
    return [sys.executable, "-m", "rareinfo", "build", "--database", url]


def initial_build(url: str) -> None:
    subprocess.run(build_command(url), check=True, capture_output=True)


def kill_scenario(url: str, workdir: Path, clients: int) -> dict[str, Any]:
    initial_build(url)
    with serving(url, workdir) as base:
        key = snapshot_key(base)
        load = Load(base, paths_of(url), clients)
        load.start()
        started = time.monotonic()
        build = subprocess.Popen(build_command(url), stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
        time.sleep(12)  # a full build takes ~25-60 s here: this is well inside it
        os.kill(build.pid, signal.SIGKILL)
        build.wait()
        killed_after = time.monotonic() - started
        time.sleep(3)
        same = snapshot_key(base) == key
        during_kill = load.stop()
        load = Load(base, paths_of(url), clients)
        load.start()
        rebuilt = subprocess.run(build_command(url), capture_output=True, text=True)
        time.sleep(3)  # workers notice the new snapshot within a second
        swapped = snapshot_key(base) != key
        during_rebuild = load.stop()
    return {"backend": "postgresql" if url.startswith("postgresql") else "sqlite",
            "killed_after_s": round(killed_after, 1), "old_snapshot_kept": same,
            "answers_while_killed": dict(during_kill),
            "errors_while_killed": sum(v for k, v in during_kill.items() if k != 200),
            "next_build_exit": rebuilt.returncode, "new_snapshot_live": swapped,
            "answers_while_rebuilding": dict(during_rebuild),
            "errors_while_rebuilding": sum(v for k, v in during_rebuild.items() if k != 200)}


def restart_scenario(server: PostgresServer, workdir: Path, clients: int) -> dict[str, Any]:
    url = server.create_database("restart")
    initial_build(url)
    with serving(url, workdir) as base:
        load = Load(base, paths_of(url), clients)
        load.start()
        time.sleep(5)
        down = time.monotonic() - load.started
        server.stop("fast")
        time.sleep(3)
        server.start()
        up = time.monotonic() - load.started
        time.sleep(10)
        counts = load.stop()
        healthz = httpx.get(base + "/healthz", timeout=30).status_code
    unavailable = [t for t, s in load.answers if s == 503]
    after_up = [t for t, s in load.answers if s == 200 and t > up]
    return {"answers": dict(counts),
            "other_errors": sum(v for k, v in counts.items() if k not in (200, 503)),
            "down_at_s": round(down, 1), "up_at_s": round(up, 1),
            "first_503_s": round(min(unavailable), 2) if unavailable else None,
            "last_503_s": round(max(unavailable), 2) if unavailable else None,
            "recovered_after_up_s": round(min(after_up) - up, 2) if after_up else None,
            "healthz_after": healthz}


def diskfull_scenario(workdir: Path, clients: int) -> dict[str, Any]:
    if os.geteuid() != 0:
        return {"skipped": "mounting a tmpfs needs root"}
    mount = workdir / "small-disk"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=40m", "tmpfs", str(mount)], check=True)
    try:
        url = f"sqlite:///{mount / 'rareinfo.sqlite'}"
        build_snapshot(url, [SourceRun(hpo.INFO, hpo.read(MINI))], enforce_minimums=False)
        with serving(url, workdir) as base:
            key = snapshot_key(base)
            load = Load(base, paths_of(url), clients)
            load.start()
            result = subprocess.run(build_command(url), capture_output=True, text=True)
            time.sleep(2)
            counts = load.stop()
            kept = snapshot_key(base) == key
        leftovers = sorted(p.name for p in mount.iterdir() if p.name != "rareinfo.sqlite")
    finally:
        subprocess.run(["umount", str(mount)], check=False)
    message = " ".join((result.stdout + result.stderr).split())
    return {"exit_code": result.returncode, "message": message[-300:],
            "old_snapshot_kept": kept, "leftover_files": leftovers, "answers": dict(counts),
            "errors": sum(v for k, v in counts.items() if k != 200)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--only", choices=["kill", "restart", "diskfull"])
    args = parser.parse_args()
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp, running_postgres() as pg:
        workdir = Path(tmp)
        if args.only in (None, "kill"):
            print("kill a build halfway (SQLite) ...", flush=True)
            results["kill_sqlite"] = kill_scenario(f"sqlite:///{workdir / 'kb.sqlite'}",
                                                   workdir, args.clients)
            print(json.dumps(results["kill_sqlite"]), flush=True)
            print("kill a build halfway (PostgreSQL) ...", flush=True)
            results["kill_postgresql"] = kill_scenario(pg.create_database("kill"), workdir,
                                                       args.clients)
            print(json.dumps(results["kill_postgresql"]), flush=True)
        if args.only in (None, "restart"):
            print("restart PostgreSQL under load ...", flush=True)
            results["restart"] = restart_scenario(pg, workdir, args.clients)
            print(json.dumps(results["restart"]), flush=True)
        if args.only in (None, "diskfull"):
            print("disk full during a build ...", flush=True)
            results["diskfull"] = diskfull_scenario(workdir, args.clients)
            print(json.dumps(results["diskfull"]), flush=True)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
