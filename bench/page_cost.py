"""CPU a server spends per page: the figure load tests depend on, measured one client at a time.

Usage: .venv/bin/python bench/page_cost.py --database sqlite:///PATH [--pages 3000] [--workers 1]

Starts `rareinfo serve` on a free loopback port, waits until it is idle (its search index
loaded), then requests pages one after another over one keep-alive connection, gzip
accepted, and prints the CPU seconds the server's processes spent per request (user +
system, read from /proc, so Linux only) beside the client's wall time per request:
  - disease pages, cold: N distinct pages the server has not served before,
  - disease pages, warm: the same N pages again,
  - disease pages, typical: N requests over them with Zipf popularity (s = 1.1),
  - phenotype pages and the disease API, cold: N distinct of each.
On a busy machine the wall times wander with the load; the CPU per request barely does,
and under many clients it is what bounds throughput and queueing (bench/serve.py).
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.serve import cpu_seconds, free_port, wait_for, wait_until_idle


def wait_until_ready(pid: int, base: str) -> None:
    wait_for(base + "/healthz")
    httpx.get(base + "/api/v1/search?q=warm", timeout=120)  # waits for the search index
    wait_until_idle(pid)


def sample(db: Path, table: str, count: int, seed: int) -> list[str]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        ids = [row[0] for row in conn.execute(f"SELECT id FROM {table} ORDER BY id")]
    return random.Random(seed).sample(ids, min(count, len(ids)))


def measure(client: httpx.Client, pid: int, paths: list[str]) -> tuple[float, float]:
    """(server CPU ms, client wall ms) per request."""
    started_cpu, started = cpu_seconds(pid), time.perf_counter()
    for path in paths:
        response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path}: HTTP {response.status_code}")
    cpu, wall = cpu_seconds(pid) - started_cpu, time.perf_counter() - started
    return cpu / len(paths) * 1000, wall / len(paths) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", required=True, help="a built SQLite knowledge base URL")
    parser.add_argument("--pages", type=int, default=3000, help="distinct pages per kind")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    db = Path(args.database.removeprefix("sqlite:///"))
    diseases = [f"/diseases/{i}" for i in sample(db, "disease", args.pages, 7)]
    api = [f"/api/v1/diseases/{i}" for i in sample(db, "disease", args.pages, 8)]
    phenotypes = [f"/phenotypes/{i}" for i in sample(db, "phenotype", args.pages, 9)]
    rng = random.Random(11)
    typical = rng.choices(diseases, weights=[1 / rank ** 1.1
                                             for rank in range(1, len(diseases) + 1)],
                          k=len(diseases))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "RAREINFO_DATABASE_URL": args.database,
               "RAREINFO_USERDATA_URL": f"sqlite:///{tmp}/userdata.sqlite"}
        server = subprocess.Popen(
            [sys.executable, "-m", "rareinfo", "serve", "--port", str(port),
             "--workers", str(args.workers)], env=env,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_until_ready(server.pid, base)
            rows = []
            with httpx.Client(base_url=base, headers={"Accept-Encoding": "gzip"},
                              timeout=60) as client:
                for name, paths in (("disease pages (cold)", diseases),
                                    ("disease pages (warm)", diseases),
                                    ("disease pages (typical)", typical),
                                    ("phenotype pages (cold)", phenotypes),
                                    ("disease API (cold)", api)):
                    rows.append((name, len(paths), *measure(client, server.pid, paths)))
        finally:
            server.terminate()
            server.wait()
    print(f"\none client, rareinfo serve --workers {args.workers}, load average "
          f"{os.getloadavg()[0]:.2f} on {os.cpu_count()} cores\n")
    print(f"{'what':26} {'requests':>8} {'server CPU ms/req':>18} {'wall ms/req':>12}")
    for name, count, cpu, wall in rows:
        print(f"{name:26} {count:8} {cpu:18.3f} {wall:12.3f}")


if __name__ == "__main__":
    main()
