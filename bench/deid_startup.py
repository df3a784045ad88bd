"""Whole-process time of `rareinfo deidentify` on one question against `rareinfo --help`,
and the throughput of `rareinfo deidentify --jsonl`, in the same run.

    .venv/bin/python bench/deid_startup.py [--runs 5] [--repeat 20]

Uses the environment's knowledge base (RAREINFO_DATA_DIR / RAREINFO_DATABASE_URL) and a
fresh cache directory of its own (RAREINFO_CACHE_DIR), so the first `deidentify` shows the
cost of compiling the word tables and the snapshot's vocabulary (then stored), and the
others the cost of reading them back. Prints each run, the medians, and the ratio to
`--help`; then texts per second of `--jsonl` over every labelled question (x ``repeat``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LABELS = Path(__file__).resolve().parent.parent / "tests" / "labels"
QUESTION = (
    "My son Liam (7) was diagnosed with Marfan syndrome at Leeds General Infirmary. We live "
    "in Harrogate; call me on 07700 900 318. - Sarah"
)


def _run(args: list[str], env: dict[str, str], stdin: str = "") -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "rareinfo", *args], input=stdin, env=env,
                          capture_output=True, text=True, check=True)
    return time.perf_counter() - started, done.stdout


def _texts(repeat: int) -> str:
    lines = []
    for name in ("deid_questions.jsonl", "deid_test2.jsonl"):
        for line in (LABELS / name).read_text(encoding="utf-8").splitlines():
            obj = json.loads(line)
            lines.append(json.dumps({"id": obj["id"], "text": obj["text"]}, ensure_ascii=False))
    return "".join(f"{line}\n" for line in lines) * repeat


def main() -> None:
    """Time `--help`, `deidentify` (first with an empty cache, then warm) and `--jsonl`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=20)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "RAREINFO_CACHE_DIR": cache}
        _run(["--help"], env)  # warm the file cache and the bytecode
        first, out = _run(["deidentify"], env, QUESTION)
        print(f"deidentify, empty cache (compiles and stores the tables): {first:.2f} s")
        print(f"  -> {out.strip()}")
        helps, deids = [], []
        for _ in range(options.runs):
            helps.append(_run(["--help"], env)[0])
            deids.append(_run(["deidentify"], env, QUESTION)[0])
        help_median, deid_median = statistics.median(helps), statistics.median(deids)
        print("rareinfo --help (s):     " + " ".join(f"{t:.2f}" for t in helps)
              + f"  median {help_median:.2f}")
        print("rareinfo deidentify (s): " + " ".join(f"{t:.2f}" for t in deids)
              + f"  median {deid_median:.2f}")
        print(f"deidentify / --help: {deid_median / help_median:.1f}x; "
              f"deidentify - --help: {deid_median - help_median:.2f} s")
        lines = _texts(options.repeat)
        seconds, out = _run(["deidentify", "--jsonl"], env, lines)
        texts = len(out.splitlines())
        print(f"--jsonl: {texts} texts in {seconds:.1f} s, {texts / seconds:.0f} texts/s "
              "(start-up included)")


if __name__ == "__main__":
    main()
