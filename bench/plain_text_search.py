"""Benchmark search by the words of the plain-language texts: the full-text index against
the former LIKE scan, per query, on SQLite or PostgreSQL.

Takes a built knowledge base (``--database``, default the setting) or, with
``--postgres``, starts a private PostgreSQL server (Debian's package, in a temporary
directory) and builds ``--from`` (default ../shared/data) into it first.

Prints, per query: the pages found and the median wall-clock milliseconds of
``WithPlainText.text_hits`` for a first page of 20 (the full-text index; a fresh searcher
each run, so nothing is cached), of the LIKE scan every section was read with before the
index (the same statement as rareinfo 2026-12-04, run here on the same snapshot, as the
baseline), and of the whole ``search`` and ``count`` (names first, then texts) a result
page asks for. Then the medians over
all queries, and whether both ways found the same pages for every query. The last line
is JSON.

Run:  python bench/plain_text_search.py [--database URL | --postgres [--from DIR]]
                                          [--repeat 5] [QUERY ...]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from sqlalchemy import Engine, and_, func, literal, select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # for tests.pgserver

from rareinfo.config import Settings
from rareinfo.kb import schema
from rareinfo.kb.queries import KnowledgeBase
from rareinfo.normalize import clean_query, meaningful_words, normalize
from rareinfo.search.plain_text import WithPlainText
from rareinfo.service.live import open_searcher

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
# Phrases a parent might type: some found only in texts, some also names, some nowhere.
QUERIES = (
    "copper builds up in the liver",
    "muscles get weaker over time",
    "problems with balance and coordination",
    "blood does not clot normally",
    "seizures",
    "bone marrow",
    "thick sticky mucus in the lungs",
    "enzyme replacement therapy",
    "hearing loss",
    "extra finger",
    "lens of the eye",
    "zzzz qqqq",
)


@contextmanager
def knowledge_base(url: str | None, postgres: bool, data: Path) -> Iterator[str]:
    """The given URL, or a private PostgreSQL server with ``data`` built into it."""
    if not postgres:
        yield url or Settings().resolved_database_url()
        return
    from tests.pgserver import running_postgres

    from rareinfo.service import plan as pipeline
    from rareinfo.service.building import build_snapshot

    with running_postgres() as server:
        built = server.create_database()
        start = time.perf_counter()
        planned = pipeline.plan(data, Settings().resolved_cache_dir())
        build_snapshot(built, pipeline.runs(planned))
        print(f"# built {data} into PostgreSQL in {time.perf_counter() - start:.0f} s")
        yield built


def like_scan(engine: Engine, query: str) -> list[str]:
    """The pages the former LIKE scan finds (every section's words, whole-word patterns)."""
    cleaned = clean_query(query)
    words = meaningful_words(normalize(cleaned)) if cleaned else []
    if not words:
        return []
    s, link, d = schema.plain_section, schema.plain_link, schema.disease
    padded = literal(" ") + s.c.norm + literal(" ")
    matches = and_(*(padded.like(f"% {w} %") for w in words))
    statement = (select(d.c.id).select_from(
        s.join(link, link.c.document_id == s.c.document_id)
        .join(d, d.c.id == link.c.disease_id))
        .where(matches).group_by(d.c.id, d.c.name).order_by(func.count().desc(), d.c.name))
    with engine.connect() as conn:
        return [row.id for row in conn.execute(statement)]


def median_ms(run: Callable[[], object], repeat: int) -> float:
    """The median wall-clock time of ``run`` in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _fresh_text_hits(searcher: WithPlainText, query: str) -> object:
    """The first 20 text hits of a new searcher: nothing cached from an earlier run."""
    return WithPlainText(searcher.inner, searcher.engine).text_hits(query)


def _fresh_search(searcher: WithPlainText, query: str) -> object:
    """A result page's search and count, the text part uncached (names may be)."""
    fresh = WithPlainText(searcher.inner, searcher.engine)
    return fresh.search(query), fresh.count(query)


def main() -> None:
    """Time every query both ways and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default=None, help="a built knowledge base's URL")
    parser.add_argument("--postgres", action="store_true",
                        help="build --from into a private PostgreSQL server first")
    parser.add_argument("--from", dest="data", type=Path, default=DATA)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("queries", nargs="*", default=list(QUERIES))
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    with knowledge_base(args.database, args.postgres, args.data) as url:
        kb = KnowledgeBase(url)
        searcher = open_searcher(kb)
        if not isinstance(searcher, WithPlainText):
            parser.error("this knowledge base's searcher does not search plain texts")
        engine = kb.engine
        print(f"# {engine.dialect.name}; median of {args.repeat} runs, milliseconds")
        print(f"{'query':40} {'pages':>5} {'index':>8} {'LIKE':>8} {'search':>8}  same")
        index_ms, like_ms, search_ms, same = [], [], [], True
        for query in args.queries:
            pages = [h.curie for h in WithPlainText(searcher.inner, engine).text_hits(
                query, limit=None)]
            baseline = like_scan(engine, query)
            agree = set(pages) == set(baseline)  # ties on the name may swap
            same = same and agree
            index_ms.append(median_ms(partial(_fresh_text_hits, searcher, query), args.repeat))
            like_ms.append(median_ms(partial(like_scan, engine, query), args.repeat))
            search_ms.append(median_ms(partial(_fresh_search, searcher, query), args.repeat))
            print(f"{query[:40]:40} {len(pages):5} {index_ms[-1]:8.1f} {like_ms[-1]:8.1f} "
                  f"{search_ms[-1]:8.1f}  {'yes' if agree else 'NO'}")
        figures = {"backend": engine.dialect.name, "queries": len(args.queries),
                   "index median ms": round(statistics.median(index_ms), 1),
                   "index max ms": round(max(index_ms), 1),
                   "LIKE median ms": round(statistics.median(like_ms), 1),
                   "LIKE max ms": round(max(like_ms), 1),
                   "search median ms": round(statistics.median(search_ms), 1),
                   "same pages": same}
        print(f"# medians: index {figures['index median ms']} ms, LIKE "
              f"{figures['LIKE median ms']} ms, search {figures['search median ms']} ms; "
              f"same pages for every query: {same}")
        print(json.dumps(figures))


if __name__ == "__main__":
    main()
