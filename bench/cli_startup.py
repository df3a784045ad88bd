"""Start-up time of the command line: wall time of `rareinfo --help` and what it imports.

    .venv/bin/python bench/cli_startup.py [--runs 10] [--command "--help"]

Prints the wall time of each run, the median and the fastest, then the ten slowest
imports of one run (``python -X importtime``) and whether heavy modules were imported.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import time

# Modules a command that does not need them must not pay for at start-up.
HEAVY = ("numpy", "scipy", "uvicorn", "fastapi", "sqlalchemy", "rapidfuzz", "jinja2",
         "rareinfo.web", "rareinfo.phenotype", "rareinfo.kb", "rareinfo.service",
         "rareinfo.search.memory")


def _run(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "rareinfo", *args], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    """Time the command and list its slowest imports."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--command", default="--help", help="arguments after `rareinfo`")
    options = parser.parse_args()
    args = options.command.split()
    _run(args)  # warm the file cache and the bytecode
    times = [_run(args) for _ in range(options.runs)]
    print(f"rareinfo {options.command}: {options.runs} runs, "
          f"median {1000 * statistics.median(times):.0f} ms, "
          f"fastest {1000 * min(times):.0f} ms")
    print("runs (ms): " + " ".join(f"{1000 * t:.0f}" for t in times))
    trace = subprocess.run([sys.executable, "-X", "importtime", "-m", "rareinfo", *args],
                           capture_output=True, text=True, check=True).stderr
    rows = []
    for line in trace.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if match:
            rows.append((int(match[2]), len(match[3]), match[4]))
    top_level = sum(cumulative for cumulative, depth, _ in rows if depth == 1)
    print(f"imports: {len(rows)} modules, {top_level / 1000:.0f} ms cumulative at top level")
    for cumulative, _, name in sorted(rows, reverse=True)[:10]:
        print(f"  {cumulative / 1000:7.1f} ms  {name}")
    loaded = {name for _, _, name in rows}
    heavy = [name for name in HEAVY if name in loaded]
    print("heavy modules imported: " + (", ".join(heavy) if heavy else "none"))


if __name__ == "__main__":
    main()
