"""Build time and peak memory of a full knowledge-base build (the embedded HPO release).

Usage: .venv/bin/python bench/build.py [--from DIR] [--postgres]
Prints wall seconds, peak resident memory of the build process and the counts. With
--postgres the build goes into a private PostgreSQL server (Debian's package), started
for the run; the time is the build's alone.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

TARGET_SECONDS = 60


def main() -> None:
    """Run `rareinfo build` in a child process and report its time and peak memory."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--from", dest="from_dir", type=Path, default=None)
    parser.add_argument("--postgres", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        url = f"sqlite:///{Path(tmp) / 'rareinfo.sqlite'}"
        if args.postgres:
            sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
            from tests.pgserver import running_postgres

            url = stack.enter_context(running_postgres()).create_database("rareinfo")
        command = [sys.executable, "-m", "rareinfo", "build", "--database", url]
        if args.from_dir is not None:
            command += ["--from", str(args.from_dir)]
        started = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - started
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        database = Path(tmp) / "rareinfo.sqlite"
        size_mb = database.stat().st_size / 1e6 if database.exists() else 0.0
    if result.returncode != 0:
        print(result.stdout, result.stderr, sep="\n")
        raise SystemExit(f"build failed with exit code {result.returncode}")
    print(result.stdout)
    verdict = "met" if seconds < TARGET_SECONDS else "MISSED"
    print(f"build wall time: {seconds:.1f} s (target < {TARGET_SECONDS} s: {verdict})")
    print(f"build peak memory (max RSS): {peak_mb:.0f} MB")
    print(f"database size: {size_mb:.0f} MB")


if __name__ == "__main__":
    main()
