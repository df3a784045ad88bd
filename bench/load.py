"""Load: 200 concurrent clients on pages, search, autocomplete and the API against 2 workers.

Usage:
  .venv/bin/python bench/load.py                    # SQLite, builds the default knowledge base
  .venv/bin/python bench/load.py --postgres         # a private PostgreSQL server (Debian's)
  .venv/bin/python bench/load.py --database URL     # an existing knowledge base
  options: --from DIR (build from release files) --prerender
           --clients 200 --seconds 60 --workers 2 --each 15

Starts `rareinfo serve --workers 2` (rate limits lifted: this measures capacity, not the
abuse limits) and drives it with wrk (Debian package `wrk`) from the same 2-core machine:
first a mixed run of --seconds (35% disease pages and 15% disease JSON with Zipf
popularity, 10% search result pages, 20% search API, 20% autocomplete), then each kind
alone for --each seconds. Prints requests/s, p50/p99 and errors (non-2xx/3xx responses plus
socket errors and timeouts, which must be 0); the last line is JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.serve import free_port, to_ms, wait_for, zipf_paths

from rareinfo.kb.queries import KnowledgeBase

LUA = """
local paths = {}
for line in io.lines("%s") do paths[#paths + 1] = line end
local i = math.random(#paths)
request = function()
  i = i + 1
  return wrk.format("GET", paths[((i - 1) %% #paths) + 1])
end
"""


@dataclass
class Run:
    name: str
    requests: int
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int
    error_detail: str


def wrk(name: str, base: str, paths: list[str], clients: int, seconds: int,
        workdir: Path) -> Run:
    slug = re.sub(r"\W+", "-", name)
    path_file = workdir / f"{slug}.paths"
    path_file.write_text("\n".join(paths) + "\n")
    script = workdir / f"{slug}.lua"
    script.write_text(LUA % path_file)
    out = subprocess.run(
        ["wrk", "-t2", f"-c{clients}", f"-d{seconds}s", "--timeout", "10s", "--latency",
         "-s", str(script), base], capture_output=True, text=True, check=True).stdout
    p50 = re.search(r"^\s+50%\s+(\S+)", out, re.MULTILINE)
    p99 = re.search(r"^\s+99%\s+(\S+)", out, re.MULTILINE)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    total = re.search(r"(\d+) requests in", out)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)",
                       out)
    errors = int(non_2xx.group(1)) if non_2xx else 0
    detail = []
    if non_2xx:
        detail.append(f"{non_2xx.group(1)} non-2xx/3xx")
    if socket:
        errors += sum(int(g) for g in socket.groups())
        detail.append(socket.group(0))
    return Run(name, int(total.group(1)) if total else 0, float(rps.group(1)) if rps else 0.0,
               to_ms(p50.group(1)) if p50 else float("nan"),
               to_ms(p99.group(1)) if p99 else float("nan"), errors, "; ".join(detail))


def request_sets(url: str, pages: int) -> dict[str, list[str]]:
    """Realistic requests drawn from the knowledge base itself."""
    rng = random.Random(7)
    kb = KnowledgeBase(url)
    names = sorted(kb.disease_names().items())
    kb.close()
    chosen = rng.sample(names, min(pages, len(names)))
    ids = [disease_id for disease_id, _ in chosen]
    queries = []
    for _, name in chosen[:1000]:
        words = re.sub(r"[^\w ]", " ", name).split()[:4]
        if len(words) > 1 and rng.random() < 0.3:  # misspell one word
            k = rng.randrange(len(words))
            if len(words[k]) > 4:
                j = rng.randrange(1, len(words[k]) - 1)
                words[k] = words[k][:j] + words[k][j + 1:]
        if words:
            queries.append(" ".join(words))
    quoted = [urllib.parse.quote(q) for q in queries]
    return {
        "disease pages": zipf_paths([f"/diseases/{i}" for i in ids]),
        "disease API": zipf_paths([f"/api/v1/diseases/{i}" for i in ids]),
        "search pages": [f"/search?q={q}" for q in quoted],
        "search API": [f"/api/v1/search?q={q}" for q in quoted],
        "autocomplete API": [f"/api/v1/autocomplete?q={q[:max(3, len(q) // 2)]}"
                             for q in quoted],
    }


def mixed(sets: dict[str, list[str]], total: int = 40_000) -> list[str]:
    shares = {"disease pages": 0.35, "disease API": 0.15, "search pages": 0.10,
              "search API": 0.20, "autocomplete API": 0.20}
    rng = random.Random(3)
    out: list[str] = []
    for name, share in shares.items():
        out += rng.choices(sets[name], k=int(total * share))
    rng.shuffle(out)
    return out


@contextmanager
def knowledge_base(args: argparse.Namespace, workdir: Path) -> Iterator[str]:
    with ExitStack() as stack:
        if args.database:
            yield args.database
            return
        if args.postgres:
            from tests.pgserver import running_postgres

            server = stack.enter_context(running_postgres())
            url = server.create_database("rareinfo")
        else:
            url = f"sqlite:///{workdir / 'rareinfo.sqlite'}"
        command = [sys.executable, "-m", "rareinfo", "build", "--database", url]
        if args.source_dir:
            command += ["--from", args.source_dir]
        if args.prerender:
            command.append("--prerender")
        print(f"building the knowledge base ({' '.join(command[3:])}) ...", flush=True)
        subprocess.run(command, check=True, capture_output=True)
        yield url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", help="an existing knowledge base URL")
    parser.add_argument("--postgres", action="store_true",
                        help="build into a private PostgreSQL server and serve from it")
    parser.add_argument("--from", dest="source_dir", default=None,
                        help="build from these release files (default: the embedded data)")
    parser.add_argument("--prerender", action="store_true",
                        help="pre-render every page into the snapshot while building")
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--each", type=int, default=15, help="seconds per kind alone (0: skip)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--pages", type=int, default=3000)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install wrk")
    with tempfile.TemporaryDirectory() as tmp, knowledge_base(args, Path(tmp)) as url:
        workdir = Path(tmp)
        port = free_port()
        env = {**os.environ, "RAREINFO_DATABASE_URL": url,
               "RAREINFO_DATA_DIR": str(workdir / "data"),
               "RAREINFO_RATE_LIMIT_SEARCH_PER_MINUTE": "0",
               "RAREINFO_RATE_LIMIT_DIAGNOSE_PER_MINUTE": "0"}
        server = subprocess.Popen(
            [sys.executable, "-m", "rareinfo", "serve", "--port", str(port),
             "--workers", str(args.workers)], env=env,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            wait_for(base + "/healthz", timeout=180)
            for _ in range(args.workers * 4):  # every worker has opened its snapshot and
                httpx.get(base + "/api/v1/search?q=warm", timeout=120)  # built its diagnosis
                httpx.post(base + "/api/v1/diagnose", json={"present": ["HP:0001250"]},
                           timeout=300)  # model, so start-up work is not measured
            sets = request_sets(url, args.pages)
            runs = [wrk("mixed", base, mixed(sets), args.clients, args.seconds, workdir)]
            if args.each:
                runs += [wrk(name, base, paths, args.clients, args.each, workdir)
                         for name, paths in sets.items()]
        finally:
            server.terminate()
            server.wait(timeout=30)
    backend = "postgresql" if url.startswith("postgresql") else "sqlite"
    print(f"\n{args.clients} concurrent clients (wrk -t2 -c{args.clients}), rareinfo serve "
          f"--workers {args.workers}, {backend}, on {os.cpu_count()} cores (wrk shares them)\n")
    print(f"{'what':20} {'seconds':>7} {'requests':>9} {'req/s':>8} {'p50 ms':>8} "
          f"{'p99 ms':>8} {'errors':>7}")
    for run, seconds in zip(runs, [args.seconds] + [args.each] * (len(runs) - 1), strict=True):
        print(f"{run.name:20} {seconds:7} {run.requests:9} {run.rps:8.0f} {run.p50_ms:8.1f} "
              f"{run.p99_ms:8.1f} {run.errors:7}  {run.error_detail}")
    errors = sum(r.errors for r in runs)
    print(f"\nerrors in all runs: {errors} (target 0): {'met' if errors == 0 else 'MISSED'}")
    print(json.dumps({"backend": backend, "clients": args.clients, "workers": args.workers,
                      "runs": [asdict(r) for r in runs], "errors": errors}))


if __name__ == "__main__":
    main()
