"""Whether this checkout answers page requests exactly as another one: status, headers, bytes.

Usage: .venv/bin/python bench/same_answers.py --database URL --baseline CHECKOUT [--pages 150]

Starts `rareinfo serve` from this checkout and from CHECKOUT's `src` (a checkout of an
older commit: `git archive COMMIT | tar -x -C DIR`) over the same knowledge base, each with
its own empty user database, and sends both the same requests: a random sample of disease
and phenotype pages and their API JSON, other identifiers of diseases (redirects), unknown
pages, a query string and a sub-page; each as GET with and without gzip, HEAD, GET with an
Origin (CORS), and GET with the If-None-Match of the answer (304); twice, so cached
answers are compared too. Prints how many answers were compared and how many differ (the
raw bytes as sent, every header in order but Date), with the first differences.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.serve import free_port, wait_for

Answer = tuple[int, list[tuple[str, str]], bytes]
VARIANTS: tuple[tuple[str, dict[str, str]], ...] = (
    ("GET", {"Accept-Encoding": "gzip"}),
    ("GET", {}),
    ("HEAD", {"Accept-Encoding": "gzip"}),
    ("GET", {"Accept-Encoding": "gzip", "Origin": "https://example.org"}),
)


def fetch(port: int, method: str, path: str, headers: dict[str, str]) -> Answer:
    """The answer as sent: status, headers in order (less Date), undecoded body."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request(method, path, headers=headers)
        response = conn.getresponse()
        body = response.read()
        kept = [(k.lower(), v) for k, v in response.getheaders() if k.lower() != "date"]
        return response.status, kept, body
    finally:
        conn.close()


def paths(db: Path, count: int) -> list[str]:
    rng = random.Random(3)
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        diseases = [r[0] for r in conn.execute("SELECT id FROM disease ORDER BY id")]
        terms = [r[0] for r in conn.execute("SELECT id FROM phenotype ORDER BY id")]
        others = [r[0] for r in conn.execute(
            "SELECT curie FROM disease_identifier WHERE curie != disease_id ORDER BY curie")]
    some = diseases[:1]

    def pick(prefix: str, ids: list[str], n: int) -> list[str]:
        return [f"{prefix}{i}" for i in rng.sample(ids, min(n, len(ids)))]

    return (pick("/diseases/", diseases, count) + pick("/phenotypes/", terms, count // 2)
            + pick("/api/v1/diseases/", diseases, count // 3)
            + pick("/api/v1/phenotypes/", terms, count // 4)
            + pick("/diseases/", others, count // 5)
            + ["/diseases/NOPE:1", "/phenotypes/HP:9999999"]
            + [f"/diseases/{i}?via=query" for i in some]
            + [f"/diseases/{i}/trials" for i in some])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", required=True, help="a built SQLite knowledge base URL")
    parser.add_argument("--baseline", required=True, type=Path,
                        help="another checkout (its src/ is served)")
    parser.add_argument("--pages", type=int, default=150, help="disease pages (and fewer others)")
    args = parser.parse_args()
    db = Path(args.database.removeprefix("sqlite:///"))
    servers: list[tuple[int, subprocess.Popen[bytes]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        try:
            for name, source in (("baseline", args.baseline / "src"), ("this", None)):
                port = free_port()
                env = {**os.environ, "RAREINFO_DATABASE_URL": args.database,
                       "RAREINFO_USERDATA_URL": f"sqlite:///{tmp}/{name}.sqlite"}
                if source is not None:
                    env["PYTHONPATH"] = str(source.resolve())
                servers.append((port, subprocess.Popen(
                    [sys.executable, "-m", "rareinfo", "serve", "--port", str(port),
                     "--workers", "1"], env=env,
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)))
            for port, _ in servers:
                wait_for(f"http://127.0.0.1:{port}/healthz")
            (old, _), (new, _) = servers
            compared, differ = 0, []
            for _ in range(2):  # the second time from what the servers keep
                for path in paths(db, args.pages):
                    for method, headers in VARIANTS:
                        compared += 1
                        a, b = fetch(old, method, path, headers), fetch(new, method, path, headers)
                        if a != b:
                            differ.append((method, path, headers, a[:2], b[:2]))
                    etag = dict(fetch(old, "GET", path, {})[1]).get("etag")
                    if etag:
                        compared += 1
                        a = fetch(old, "GET", path, {"If-None-Match": etag})
                        b = fetch(new, "GET", path, {"If-None-Match": etag})
                        if a != b:
                            differ.append(("GET", path, {"If-None-Match": etag}, a[:2], b[:2]))
        finally:
            for _, server in servers:
                server.terminate()
                server.wait()
    print(f"{compared} answers compared, {len(differ)} differ")
    for method, path, headers, before, now in differ[:5]:
        print(f"  {method} {path} {headers}\n    baseline: {before}\n    this:     {now}")


if __name__ == "__main__":
    main()
