"""Latency and throughput of the portal under 32 concurrent clients, beside a static file.

Usage: .venv/bin/python bench/serve.py [--database URL] [--workers 2] [--seconds 10]

Starts `rareinfo serve` on a free loopback port and, in the same run, a plain static file
server (Python's http.server) holding one disease page saved as a file. Waits until the
server is idle (search index loaded), then drives both with wrk (Debian package `wrk`;
2 threads, 32 connections) and prints p50/p99 latency and requests per second for:
  - disease pages, cold: every disease page of the knowledge base requested once, in a
    random order, so no worker has served it before (from the pages stored by
    `rareinfo build --prerender`, else rendered),
  - disease pages, warm: N of those pages again (each worker keeps the pages it served),
  - disease pages, typical traffic: 20,000 requests drawn from the N pages with Zipf
    popularity (s = 1.1), as page views of a portal concentrate on the common diseases,
  - disease pages revalidated by a cache holding them (If-None-Match: 304), when the
    server sends an ETag,
  - the search API with real names, some misspelt,
  - the autocomplete API with prefixes,
  - the static file.
Targets (issue 2): p99 < 50 ms; dynamic page throughput >= 1/10 of the static file's.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import httpx

CLIENTS = 32
THREADS = 2
TICK = os.sysconf("SC_CLK_TCK")
# Each thread sends every THREADS-th path once, then stops (the answers still in flight
# are not counted). No response() callback: wrk would then copy every body into Lua.
ONCE_LUA = """
local paths = {}
for line in io.lines("%s") do paths[#paths + 1] = line end
local started = 0
function setup(thread)
  started = started + 1
  thread:set("id", started)
end
local i = 0
request = function()
  local k = i * %d + id
  i = i + 1
  if k > #paths then
    if k - %d <= #paths then
      -- wrk divides by the whole duration: note when this thread was done
      os.execute("date +%%s.%%N > %s." .. id)
      wrk.thread:stop()
    end
    k = #paths
  end
  return wrk.format("GET", paths[k])
end
"""
LUA = """
local paths = {}
for line in io.lines("%s") do paths[#paths + 1] = line end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[((i - 1) %% #paths) + 1])
end
"""


@dataclass
class Result:
    name: str
    p50_ms: float
    p99_ms: float
    rps: float
    errors: str


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(url: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=5).status_code < 500:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"{url} did not come up")


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and its children (uvicorn's workers; Linux /proc)."""
    children = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True,
                              text=True).stdout.split()
    total = 0
    for process in [pid, *map(int, children)]:
        try:
            fields = Path(f"/proc/{process}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / TICK


def wait_until_idle(pid: int, timeout: float = 300) -> None:
    """Until the server's processes have been idle for two seconds (indexes loaded)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        before = cpu_seconds(pid)
        time.sleep(2)
        if cpu_seconds(pid) - before < 0.05:
            return
    raise SystemExit("the server did not settle")


def to_ms(text: str) -> float:
    match = re.match(r"([\d.]+)(us|ms|s)", text)
    if match is None:
        return float("nan")
    value, unit = float(match.group(1)), match.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value


def wrk(name: str, base: str, paths: list[str], seconds: int, workdir: Path,
        headers: tuple[str, ...] = (), once: bool = False) -> Result:
    """Drive ``base`` with ``paths`` for ``seconds`` (``once``: each path once, or until
    ``seconds`` are up)."""
    path_file = workdir / f"{name}.paths"
    path_file.write_text("\n".join(paths) + "\n")
    script = workdir / f"{name}.lua"
    ends = workdir / (re.sub(r"\W+", "-", name) + ".end")  # in a shell command
    script.write_text(ONCE_LUA % (path_file, THREADS, THREADS, ends) if once
                      else LUA % path_file)
    started = time.time()
    out = subprocess.run(
        ["wrk", f"-t{THREADS}", f"-c{CLIENTS}", f"-d{seconds}s", "--latency", "-s", str(script),
         *(arg for header in headers for arg in ("-H", header)), base],
        capture_output=True, text=True, check=True).stdout
    p50 = re.search(r"^\s+50%\s+(\S+)", out, re.MULTILINE)
    p99 = re.search(r"^\s+99%\s+(\S+)", out, re.MULTILINE)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)|Socket errors: (.*)", out)
    rate = float(rps.group(1)) if rps else 0.0
    done = [float(end.read_text()) for end in workdir.glob(f"{ends.name}.*")]
    count = re.search(r"(\d+) requests in", out)
    if once and len(done) == THREADS and count:
        rate = int(count.group(1)) / (max(done) - started)
    return Result(name, to_ms(p50.group(1)) if p50 else float("nan"),
                  to_ms(p99.group(1)) if p99 else float("nan"), rate,
                  errors.group(0) if errors else "none")


def zipf_paths(pages: list[str], requests: int = 20_000, s: float = 1.1) -> list[str]:
    """Requests whose page popularity follows Zipf's law (rank r drawn with weight r^-s)."""
    rng = random.Random(11)
    weights = [1 / (rank ** s) for rank in range(1, len(pages) + 1)]
    return rng.choices(pages, weights=weights, k=requests)


def every_disease_page(db: Path) -> list[str]:
    """Every disease page of the knowledge base, in a random order."""
    with sqlite3.connect(db) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM disease ORDER BY id")]
    return [f"/diseases/{i}" for i in random.Random(17).sample(ids, len(ids))]


def sample_paths(db: Path, count: int) -> tuple[list[str], list[str], list[str]]:
    rng = random.Random(7)
    with sqlite3.connect(db) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM disease ORDER BY id")]
        names = [r[0] for r in conn.execute("SELECT name FROM disease_name")]
    diseases = [f"/diseases/{i}" for i in rng.sample(ids, min(count, len(ids)))]
    queries = []
    for name in rng.sample(names, 500):
        words = re.sub(r"[^\w ]", " ", name).split()[:4]
        if len(words) > 1 and rng.random() < 0.3:  # misspell one word
            k = rng.randrange(len(words))
            w = words[k]
            if len(w) > 4:
                j = rng.randrange(1, len(w) - 1)
                words[k] = w[:j] + w[j + 1:]
        queries.append(" ".join(words))
    search = [f"/api/v1/search?q={urllib.parse.quote(q)}" for q in queries]
    complete = [f"/api/v1/autocomplete?q={urllib.parse.quote(q[: max(3, len(q) // 2)])}"
                for q in queries]
    return diseases, search, complete


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default=None, help="existing knowledge base URL")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--pages", type=int, default=3000,
                        help="distinct disease pages of the warm and typical runs")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install wrk")
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        url = args.database or f"sqlite:///{workdir / 'rareinfo.sqlite'}"
        if args.database is None:
            print("building the knowledge base ...", flush=True)
            subprocess.run([sys.executable, "-m", "rareinfo", "build", "--database", url],
                           check=True, capture_output=True)
        db = Path(url.removeprefix("sqlite:///"))
        port, static_port = free_port(), free_port()
        # Rate limits lifted, as in bench/load.py: this measures capacity, not the abuse
        # limits (with them, the search and autocomplete runs measure 429 answers).
        env = {**os.environ, "RAREINFO_DATABASE_URL": url,
               "RAREINFO_RATE_LIMIT_SEARCH_PER_MINUTE": "0",
               "RAREINFO_RATE_LIMIT_DIAGNOSE_PER_MINUTE": "0"}
        server = subprocess.Popen(
            [sys.executable, "-m", "rareinfo", "serve", "--port", str(port),
             "--workers", str(args.workers)], env=env,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        static_dir = workdir / "static"
        static_dir.mkdir()
        base = f"http://127.0.0.1:{port}"
        static = None
        try:
            wait_for(base + "/healthz")
            # OMIM:613065 is a member of a Mondo page in a full build: follow to the page.
            first = httpx.get(base + "/diseases/OMIM:613065", follow_redirects=True)
            (static_dir / "page.html").write_text(first.text)
            etag = first.headers.get("etag")
            if etag is None:
                print(f"no ETag on {first.url} ({first.status_code}): the 304 run is left out",
                      flush=True)
            static = subprocess.Popen(
                [sys.executable, "-m", "http.server", str(static_port), "--bind", "127.0.0.1"],
                cwd=static_dir, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            wait_for(f"http://127.0.0.1:{static_port}/page.html")
            for _ in range(args.workers * 3):  # every worker has its search index loaded
                httpx.get(base + "/api/v1/search?q=warm", timeout=60)
            wait_until_idle(server.pid)
            diseases, search, complete = sample_paths(db, args.pages)
            results = [
                wrk("disease pages (cold)", base, every_disease_page(db),
                    max(args.seconds, 60), workdir, once=True),
                wrk("disease pages (warm)", base, diseases, args.seconds, workdir),
                wrk("disease pages (typical)", base, zipf_paths(diseases), args.seconds,
                    workdir),
                *([wrk("disease pages (revalidated: 304)", base, diseases, args.seconds,
                       workdir, (f"If-None-Match: {etag}",))] if etag else []),
                wrk("search API", base, search, args.seconds, workdir),
                wrk("autocomplete API", base, complete, args.seconds, workdir),
                wrk("static file (http.server)", f"http://127.0.0.1:{static_port}",
                    ["/page.html"], args.seconds, workdir),
            ]
        finally:
            server.terminate()
            if static is not None:
                static.terminate()
    report(results, args.workers)


def report(results: list[Result], workers: int) -> None:
    print(f"\n{CLIENTS} concurrent clients (wrk -t2 -c{CLIENTS}), rareinfo serve "
          f"--workers {workers}, on {os.cpu_count()} cores (wrk shares them)\n")
    print(f"{'what':32} {'p50 ms':>8} {'p99 ms':>8} {'req/s':>9}  errors")
    for r in results:
        print(f"{r.name:32} {r.p50_ms:8.1f} {r.p99_ms:8.1f} {r.rps:9.0f}  {r.errors}")
    static = results[-1].rps
    print()
    for r in results[:-1]:
        ratio = r.rps / static if static else float("nan")
        p99 = "met" if r.p99_ms < 50 else "MISSED"
        share = "met" if ratio >= 0.1 else "MISSED"
        print(f"{r.name:32} p99 < 50 ms: {p99:6}  throughput / static = {ratio:.2f} "
              f"(>= 0.10: {share})")


if __name__ == "__main__":
    main()
