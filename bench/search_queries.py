"""CPU time of every query that bench/serve.py and bench/load.py send to the search API.

The search API answers a query with ``search`` (20 hits), ``count`` and, when nothing is
found, the "did you mean" suggestions. This replays exactly those calls on the searcher of
an SQLite knowledge base (the in-memory index, then the pages found by their plain texts),
one query at a time in one process, and times each with ``time.process_time`` (CPU, so
the figure holds on a loaded machine). Prints p50/p90/p99/max per query list, the slowest
queries with the time of each call, and a JSON line.

The index is built from the snapshot's search entries by this checkout's code (nothing is
written beside the knowledge base), unless ``--stored`` loads the stored one. ``--dump``
writes every answer, to check that a change keeps the results (ties among equal scores
follow the string hash: compare runs made with the same ``PYTHONHASHSEED``).

Run:  .venv/bin/python bench/search_queries.py --database sqlite:///DIR/rareinfo.sqlite
      (--slowest 25 --repeat 1 --stored --dump answers.jsonl)
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.load import request_sets
from bench.serve import sample_paths

from rareinfo.kb.queries import KnowledgeBase
from rareinfo.search.base import Searcher, SearchHit
from rareinfo.search.entries import read_entries
from rareinfo.search.memory import SearchIndex, paused_gc
from rareinfo.search.plain_text import WithPlainText
from rareinfo.service.search_store import open_index

Timed = dict[str, float]


def queries_of(paths: list[str]) -> list[str]:
    """The q= parameter of each request path."""
    return [urllib.parse.parse_qs(urllib.parse.urlsplit(p).query)["q"][0] for p in paths]


def api_calls(index: Searcher, query: str, answers: list[object] | None = None) -> Timed:
    """CPU ms of each call the search API makes for the query (web/api/search.py).

    With ``answers``, what each call returned is appended to it (for --dump).
    """
    times: Timed = {}

    def timed(name: str, call: Callable[[], object]) -> object:
        start = time.process_time()
        result = call()
        times[name] = times.get(name, 0.0) + 1000 * (time.process_time() - start)
        if answers is not None:
            answers.append([name, described(result)])
        return result

    hits = timed("search", lambda: index.search(query, limit=20))
    if not hits:  # web/lookup.suggestions: search again, then the nearest names
        timed("suggest", lambda: index.search(query, limit=5)
              or index.suggest(query, limit=10))
    timed("count", lambda: index.count(query))
    times["total"] = sum(times.values())
    return times


def described(result: object) -> object:
    """A call's answer as JSON: a count, or each hit's identifier, matched text and score."""
    if isinstance(result, list):
        return [[h.curie, h.matched_text, h.field, round(h.score, 6)]
                for h in result if isinstance(h, SearchHit)]
    return result


def percentile(values: list[float], share: float) -> float:
    """The value below which the given share of the sorted values lies (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", required=True, help="sqlite:///PATH of a full build")
    parser.add_argument("--slowest", type=int, default=15)
    parser.add_argument("--repeat", type=int, default=1,
                        help="passes over each list (later passes hit the per-word caches)")
    parser.add_argument("--stored", action="store_true",
                        help="load the stored index instead of building it")
    parser.add_argument("--dump", type=Path, default=None,
                        help="write every answer (hits, counts, suggestions, and the "
                             "autocompletion of the query's first half) as JSON lines, to "
                             "compare two versions with diff")
    args = parser.parse_args()
    kb = KnowledgeBase(args.database)
    start = time.process_time()
    if args.stored:
        index = open_index(kb)
    else:
        with paused_gc():
            entries = list(read_entries(kb.engine))
        index = SearchIndex.build(entries)
    print(f"index: {len(index)} entities, {time.process_time() - start:.1f} s CPU to "
          f"{'load' if args.stored else 'build'}", flush=True)
    # What a snapshot searches with (service.live.open_searcher): names, then plain texts.
    searcher = WithPlainText(index, kb.engine)
    api_calls(searcher, "warm")  # what a first query reads once per snapshot, as serve.py
    db = Path(args.database.removeprefix("sqlite:///"))
    lists = {"serve.py": queries_of(sample_paths(db, 3000)[1]),
             "load.py": queries_of(request_sets(args.database, 3000)["search API"])}
    summary: dict[str, dict[str, float]] = {}
    dumped = args.dump.open("w", encoding="utf-8") if args.dump else None
    for name, queries in lists.items():
        timings: list[tuple[float, str, Timed]] = []
        for _ in range(args.repeat):
            for query in queries:
                answers: list[object] | None = [] if dumped is not None else None
                times = api_calls(searcher, query, answers)
                timings.append((times["total"], query, times))
                if dumped is not None and answers is not None:
                    typed = query[:max(3, len(query) // 2)]  # as the benches autocomplete
                    answers.append(["autocomplete", [[h.curie, h.matched_text, round(h.score, 6)]
                                                     for h in searcher.autocomplete(typed)]])
                    dumped.write(json.dumps([name, query, answers]) + "\n")
        totals = [total for total, _, _ in timings]
        summary[name] = {"queries": len(queries), "p50": percentile(totals, 0.5),
                         "p90": percentile(totals, 0.9), "p99": percentile(totals, 0.99),
                         "max": max(totals), "mean": statistics.fmean(totals)}
        print(f"\n{name}: {len(queries)} queries x {args.repeat}, CPU ms per API call: "
              + ", ".join(f"{k} {v:.1f}" for k, v in summary[name].items() if k != "queries"))
        calls: dict[str, list[float]] = {}
        for _, _, times in timings:
            for call, ms in times.items():
                calls.setdefault(call, []).append(ms)
        print("  mean CPU ms per query: " + ", ".join(
            f"{call} {sum(ms) / len(timings):.2f}" for call, ms in calls.items()))
        for total, query, times in sorted(timings, key=lambda t: -t[0])[:args.slowest]:
            parts = " ".join(f"{k}={v:.1f}" for k, v in times.items() if k != "total")
            print(f"  {total:8.1f} ms  {query!r:50}  {parts}")
    if dumped is not None:
        dumped.close()
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
