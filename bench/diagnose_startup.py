"""Whole-process times of diagnosis from the command line, against `rareinfo --help` and hpo3.

Each command runs as a fresh process, several times: min / median / max wall seconds, and
the median CPU seconds (user + system, all threads) of the process, which a shared,
loaded machine disturbs less than wall time; the load average is printed before and after.

- ``rareinfo --help``, the floor every command pays;
- ``rareinfo diagnose HP:0001250 HP:0001263 HP:0000252`` (target: at most 3x ``--help``);
- ``rareinfo diagnose --cases FILE --out OUT`` on N development cases spread evenly
  (default 500), as by default (a process per 1,000 cases, at most one per core) and with
  ``--jobs 2`` (two forked ranking processes),
  and the same cases ranked by hpo3 in one process: it loads the same HPO release, ranks
  every OMIM disease for each case with its fastest method (hypergeometric enrichment) and
  writes the best 100 (target: ours at least 50x faster).

The processes run without ``PYTHONDONTWRITEBYTECODE``: the untimed first run of each
command writes the bytecode caches, as installing the package does.

The knowledge base is the one ``rareinfo`` finds (``RAREINFO_DATA_DIR`` or
``RAREINFO_DATABASE_URL``); build it first with ``rareinfo build``. hpo3 installs as the
module ``pyhpo`` and needs its own environment (see bench/README.md)::

    .venv/bin/python bench/diagnose_startup.py --hpo3 /tmp/hpo3env/bin/python

hpo3 takes minutes per run on 500 cases, so it runs ``--hpo3-runs`` times (default 1).

With ``--serve`` it also starts ``rareinfo serve`` (no warming) and times, once the server
answers, its first diagnosis through the API and then the first Check symptoms page with
plain words (which also builds the plain-words index).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # for bench.

from bench.serve import free_port, wait_for

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT.parent / "shared" / "data" / "phenopackets" / "dev-cases.jsonl.gz"
RAREINFO = str(Path(sys.executable).with_name("rareinfo"))
ONE_CASE = ("HP:0001250", "HP:0001263", "HP:0000252")
TOP = 100

# Runs in hpo3's environment. argv: HPO release directory, cases file, output file.
HPO3_BATCH = r"""
import json, sys
from pyhpo import HPOSet, Ontology, helper
Ontology(sys.argv[1])
with open(sys.argv[2]) as lines, open(sys.argv[3], "w") as out:
    for line in lines:
        case = json.loads(line)
        found = []
        for query in case["present"]:
            try:
                found.append(Ontology.get_hpo_object(query))
            except (KeyError, RuntimeError, ValueError, NameError):
                pass
        enriched = helper.batch_omim_disease_enrichment([HPOSet(found)])[0][:TOP]
        out.write(json.dumps({"id": case["id"], "ranking": [
            {"disease": "OMIM:%d" % e["item"].id, "score": -e["enrichment"]}
            for e in enriched]}) + "\n")
""".replace("TOP", str(TOP))


def write_cases(path: Path, count: int) -> int:
    """``count`` development cases spread evenly, as batch input lines; returns how many."""
    with gzip.open(CASES, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    step = max(1.0, len(rows) / count)
    chosen = [rows[int(i * step)] for i in range(min(count, len(rows)))]
    with path.open("w", encoding="utf-8") as out:
        for row in chosen:
            out.write(json.dumps({"id": row["id"], "present": row["present"],
                                  "excluded": row["excluded"]}) + "\n")
    return len(chosen)


# Bytecode caches are written as by any installation (see the module's docstring).
ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

Runs = list[tuple[float, float]]  # (wall seconds, CPU seconds) per process


def timed(command: Sequence[str], runs: int) -> Runs:
    """Wall and CPU seconds of ``runs`` fresh processes of ``command`` (each must succeed)."""
    times: Runs = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False,
                              env=ENVIRONMENT)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append((wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime))
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed: "
                             f"{(done.stderr or done.stdout).strip().splitlines()[-1:]}")
    return times


def wall(times: Runs) -> float:
    """Median wall seconds."""
    return statistics.median(w for w, _ in times)


def cpu(times: Runs) -> float:
    """Median CPU seconds."""
    return statistics.median(c for _, c in times)


def line(label: str, times: Runs) -> str:
    """One table row: label, runs, min / median / max wall seconds, median CPU seconds."""
    walls = [w for w, _ in times]
    return (f"{label:<46} {len(times):>4} {min(walls):8.2f} {wall(times):8.2f} "
            f"{max(walls):8.2f} {cpu(times):8.2f}")


def load() -> str:
    """The load averages over 1, 5 and 15 minutes (the machine may be shared)."""
    return "load average " + ", ".join(f"{value:.2f}" for value in os.getloadavg())


def first_diagnoses() -> list[tuple[str, float]]:
    """Seconds of a fresh server's first API diagnosis and first plain-words page."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([RAREINFO, "serve", "--port", str(port)], env=ENVIRONMENT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        started = time.perf_counter()
        wait_for(f"{base}/api/v1/status", timeout=300)
        up = time.perf_counter() - started
        timings = [("serve: until the server answers", up)]
        started = time.perf_counter()
        answer = httpx.post(f"{base}/api/v1/diagnose", json={"present": list(ONE_CASE)},
                            timeout=120)
        timings.append(("serve: first API diagnosis", time.perf_counter() - started))
        answer.raise_for_status()
        started = time.perf_counter()
        page = httpx.get(f"{base}/diagnose", params={"text": "fits, small head, no fever"},
                         timeout=120)
        timings.append(("serve: then first plain-words page", time.perf_counter() - started))
        page.raise_for_status()
        return timings
    finally:
        server.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            server.wait(timeout=10)


def main(argv: Sequence[str] | None = None) -> int:
    """Time the commands and print the table and the ratios."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="processes per rareinfo command")
    parser.add_argument("--cases", type=int, default=500, help="cases in the batch")
    parser.add_argument("--hpo3", metavar="PYTHON", default=None,
                        help="an interpreter with hpo3 installed, to time it on the batch")
    parser.add_argument("--hpo3-runs", type=int, default=1)
    parser.add_argument("--serve", action="store_true",
                        help="also time a fresh server's first diagnoses")
    args = parser.parse_args(argv)
    print("command: .venv/bin/python bench/diagnose_startup.py "
          + " ".join(sys.argv[1:] if argv is None else argv))
    print(f"before: {load()}")
    with tempfile.TemporaryDirectory() as scratch:
        cases = Path(scratch) / "cases.jsonl"
        count = write_cases(cases, args.cases)
        out = Path(scratch) / "ranked.jsonl"
        # one untimed run each, so every timed run finds the files in the page cache
        batch = [RAREINFO, "diagnose", "--cases", str(cases), "--out", str(out)]
        for command in (["--help"], ["diagnose", *ONE_CASE]):
            timed([RAREINFO, *command], 1)
        results = {
            "rareinfo --help": timed([RAREINFO, "--help"], args.runs),
            "rareinfo diagnose " + " ".join(ONE_CASE):
                timed([RAREINFO, "diagnose", *ONE_CASE], args.runs),
            f"rareinfo diagnose --cases ({count} cases)": timed(batch, args.runs),
            f"  the same, --jobs 2 ({count} cases)": timed([*batch, "--jobs", "2"], args.runs),
        }
        if args.hpo3:
            from rareinfo.sources import hpo

            release = str(hpo.default_location())
            results[f"hpo3 hypergeom, same {count} cases"] = timed(
                [args.hpo3, "-c", HPO3_BATCH, release, str(cases), str(Path(scratch) / "h")],
                args.hpo3_runs)
    print(f"\n{'whole process (seconds)':<46} {'runs':>4} {'min':>8} {'median':>8} "
          f"{'max':>8} {'CPU':>8}")
    for label, times in results.items():
        print(line(label, times))
    if args.serve:
        for label, seconds in first_diagnoses():
            print(f"{label:<46} {1:>4} {seconds:8.2f}")
    print(f"after: {load()}")
    rows = list(results.values())
    print(f"\none diagnosis / --help (medians): {wall(rows[1]) / wall(rows[0]):.2f}x wall, "
          f"{cpu(rows[1]) / cpu(rows[0]):.2f}x CPU (target <= 3x)")
    if args.hpo3:
        print(f"hpo3 batch / our batch (medians): {wall(rows[4]) / wall(rows[2]):.0f}x faster "
              f"wall ({wall(rows[4]) / wall(rows[3]):.0f}x with --jobs 2), "
              f"{cpu(rows[4]) / cpu(rows[2]):.0f}x less CPU (target >= 50x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
