"""What pre-rendering every page costs a build, and a knowledge base with pages for serve.py.

Usage: .venv/bin/python bench/prerender.py --database sqlite:///PATH/rareinfo.sqlite
           [--sample 500] [--into sqlite:///COPY/rareinfo.sqlite --pages 3000]

Renders a random sample of disease and phenotype pages (HTML and API JSON, gzip-compressed
as the build stores them) and prints CPU and wall milliseconds per page, bytes stored per
page, and the cost of pre-rendering all of them extrapolated from the sample. With
``--into`` (a copy of the knowledge base: it is written to) it pre-renders the same
disease pages that bench/serve.py samples (its seed, ``--pages`` of them) into the copy's
``rendered_page`` table, for measuring cold pages served from the snapshot when a full
pre-rendering build takes too long on a busy machine.
"""

from __future__ import annotations

import argparse
import gzip
import random
import time
from pathlib import Path

from sqlalchemy import create_engine, func, select

from rareinfo.kb import schema, snapshots
from rareinfo.kb.queries import KnowledgeBase
from rareinfo.web.api.models.entities import disease_of, phenotype_of
from rareinfo.web.cache import HTML, JSON, LEVEL
from rareinfo.web.prerender import disease_html, metadata, phenotype_html
from rareinfo.web.prerender import rendered_page as table


def _sample(kb: KnowledgeBase, size: int) -> tuple[list[str], list[str], int, int]:
    with kb.engine.connect() as conn:
        diseases = list(conn.execute(select(schema.disease.c.id).order_by(
            schema.disease.c.id)).scalars())
        phenotypes = list(conn.execute(select(schema.phenotype.c.id).order_by(
            schema.phenotype.c.id)).scalars())
    rng = random.Random(3)
    return (rng.sample(diseases, min(size, len(diseases))),
            rng.sample(phenotypes, min(size, len(phenotypes))), len(diseases), len(phenotypes))


def measure(kb: KnowledgeBase, size: int) -> None:
    """Print the cost per page and the extrapolated cost of pre-rendering every page."""
    diseases, phenotypes, n_diseases, n_phenotypes = _sample(kb, size)
    total_cpu = total_wall = 0.0
    for kind, ids, count in (("disease", diseases, n_diseases),
                             ("phenotype", phenotypes, n_phenotypes)):
        stored = 0
        cpu, wall = time.process_time(), time.perf_counter()
        for identifier in ids:
            if kind == "disease":
                disease = kb.disease(identifier)
                assert disease is not None
                bodies = (disease_html(disease, [], asking=True),
                          disease_of(disease).model_dump_json().encode())
            else:
                term = kb.phenotype(identifier)
                assert term is not None
                bodies = (phenotype_html(term), phenotype_of(term).model_dump_json().encode())
            stored += sum(len(gzip.compress(b, LEVEL, mtime=0)) for b in bodies)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        per_cpu, per_wall = cpu / len(ids), wall / len(ids)
        total_cpu += per_cpu * count
        total_wall += per_wall * count
        print(f"{kind} pages (HTML + JSON): {per_cpu * 1000:.1f} ms CPU, "
              f"{per_wall * 1000:.1f} ms wall, {stored / len(ids) / 1024:.1f} KiB stored "
              f"per {kind} ({len(ids)} sampled of {count:,}); all: "
              f"{per_cpu * count:.0f} s CPU, {stored / len(ids) * count / 2**20:.0f} MiB")
    print(f"pre-rendering every page: {total_cpu:.0f} s CPU, {total_wall:.0f} s wall "
          "on this machine now (shared: wall includes waiting for a core)")


def write_sample(kb: KnowledgeBase, into: str, pages: int) -> None:
    """Pre-render bench/serve.py's sample of disease pages into the copy at ``into``."""
    rng = random.Random(7)  # bench/serve.py's seed and order
    with kb.engine.connect() as conn:
        ids = list(conn.execute(select(schema.disease.c.id).order_by(
            schema.disease.c.id)).scalars())
    sample = rng.sample(ids, min(pages, len(ids)))
    engine = create_engine(into)
    metadata.create_all(engine)
    rows = []
    for disease_id in sample:
        disease = kb.disease(disease_id)
        assert disease is not None
        rows.append({"address": f"/diseases/{disease_id}", "media_type": HTML,
                     "body": gzip.compress(disease_html(disease, [], asking=True), LEVEL,
                                           mtime=0)})
        rows.append({"address": f"/api/v1/diseases/{disease_id}", "media_type": JSON,
                     "body": gzip.compress(disease_of(disease).model_dump_json().encode(),
                                           LEVEL, mtime=0)})
    snapshots.copy_rows(engine, table, rows)
    with engine.connect() as conn:
        stored = conn.execute(select(func.count()).select_from(table)).scalar_one()
    print(f"{stored:,} pre-rendered pages in {Path(into.removeprefix('sqlite:///'))}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", required=True, help="knowledge base URL (read)")
    parser.add_argument("--sample", type=int, default=500)
    parser.add_argument("--into", help="a copy of the knowledge base to pre-render into")
    parser.add_argument("--pages", type=int, default=3000)
    args = parser.parse_args()
    kb = KnowledgeBase(args.database)
    measure(kb, args.sample)
    if args.into:
        write_sample(kb, args.into, args.pages)


if __name__ == "__main__":
    main()
