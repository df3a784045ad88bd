"""Time and coverage of linking FDA orphan designations to disease pages.

Usage: .venv/bin/python bench/link_designations.py sqlite:///path/to/rareinfo.sqlite
Re-runs the linking on a built knowledge base (nothing is written) and prints how many
designations link to at least one page, directly or only through a subtype, and the time.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

from sqlalchemy import create_engine, func, select

from rareinfo.kb import schema
from rareinfo.kb.treatments import designation_links


def main() -> None:
    """Link every designation of a snapshot again and report counts and seconds."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("url", help="database URL of a built knowledge base")
    args = parser.parse_args()
    engine = create_engine(args.url)
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(
            schema.orphan_designation)).scalar_one()
    started = time.perf_counter()
    rows = designation_links(engine)
    seconds = time.perf_counter() - started
    linked = {r["designation_key"] for r in rows}
    direct = {r["designation_key"] for r in rows if r["how"] != "subtype"}
    print(f"designations: {total:,}; linked to a page: {len(linked):,} "
          f"({len(linked) / max(total, 1):.1%}), by a name in their own text: {len(direct):,}")
    print(f"links: {len(rows):,} {dict(Counter(r['how'] for r in rows))}")
    print(f"linking took {seconds:.2f} s (names indexed and every designation scanned)")


if __name__ == "__main__":
    main()
