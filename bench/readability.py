"""Overview coverage and readability on a built knowledge base, next to NIH's and Orphanet's texts.

    python bench/readability.py --database sqlite:///PATH/rareinfo.sqlite [--sample 20]
        [--missing]

Prints: pages, pages with at least three facts (``kb.overview.facts``: the same
definition the writer's threshold counts), pages with an overview; the US school
grade (Flesch-Kincaid, textstat) of every overview, every NIH "What is it?" text and
every Orphanet definition, as quantiles; and, with --sample, random overviews with the
facts behind each sentence, for reading against their pages; with --missing, every page
with at least three facts and no overview, with its facts.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from importlib import metadata

import textstat
from sqlalchemy import select

from rareinfo.kb import schema
from rareinfo.kb.models import Disease
from rareinfo.kb.overview.facts import (
    RECRUITING,
    FactKey,
    overview_facts,
    page_facts,
    usable_prevalence,
)
from rareinfo.kb.overview.words import NOT_A_MODE, mode_key
from rareinfo.kb.queries import KnowledgeBase


def fact_rows(d: Disease) -> int:
    """The earlier count, for comparison: every row of the fact tables, one per source row
    (a mode stated by two sources twice, ten countries' figures ten times, symptoms that
    only repeat the disease's name or count nobody)."""
    return (len(d.symptoms)
            + sum(mode_key(t.name) not in NOT_A_MODE for t in d.inheritance)
            + len(d.onset)
            + sum(usable_prevalence(p) for p in d.prevalence)
            + len(d.genes) + len(d.treatments)
            + sum((t.status or "") in RECRUITING for t in d.trials))


def print_missing(d: Disease, facts: frozenset[FactKey]) -> None:
    """A page with enough facts and no overview, with its facts and what the writer used."""
    print(f"\n== {d.id} {d.name} ({len(facts)} facts)")
    for kind, key in sorted(facts):
        print(f"    {kind}: {key}")


def grade(text: str) -> float:
    """US school grade of a text (Flesch-Kincaid)."""
    return float(textstat.flesch_kincaid_grade(text))


def quantiles(values: list[float]) -> str:
    """n, median and the 10th/25th/75th/90th percentiles, and the share at grade 8 or lower."""
    if len(values) < 2:
        return f"n={len(values)}"
    q = statistics.quantiles(values, n=20)
    at8 = sum(v <= 8 for v in values) / len(values)
    return (f"n={len(values):>6}  p10={q[1]:5.1f}  p25={q[4]:5.1f}  median="
            f"{statistics.median(values):5.1f}  p75={q[14]:5.1f}  p90={q[17]:5.1f}  "
            f"grade<=8: {at8:.1%}")


def overview_text(d: Disease, skip: str = "") -> str:
    """The overview as a reader reads it: sentences and glossary lines (``skip``: a topic)."""
    assert d.overview is not None
    return " ".join(" ".join([s.text, *s.glossary]) for s in d.overview.sentences
                    if s.topic != skip)


def main() -> None:
    """Score every page of the knowledge base and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--missing", action="store_true",
                        help="list the pages with >= 3 facts and no overview")
    args = parser.parse_args()
    kb = KnowledgeBase(args.database)
    with kb.engine.connect() as conn:
        ids = list(conn.execute(select(schema.disease.c.id).order_by(schema.disease.c.id))
                   .scalars())
        orphanet = [r.definition for r in conn.execute(select(schema.disease.c.definition)
                    .where(schema.disease.c.definition_source == "orphanet",
                           schema.disease.c.definition.is_not(None)))]
        s = schema.plain_section
        nih: dict[str, list[str]] = {}
        for row in conn.execute(select(s.c.collection, s.c.blocks)
                                .where(s.c.section == "information")):
            text = " ".join(b.get("text") or " ".join(b.get("items") or ())
                            for b in json.loads(row.blocks))
            nih.setdefault(row.collection, []).append(text)
    started = time.perf_counter()
    with_three = with_overview = missing = rows_three = rows_covered = unmatched = 0
    grades: list[float] = []
    without_parent: list[float] = []
    by_topic: dict[str, int] = {}
    samples: list[Disease] = []
    for disease_id in ids:
        d = kb.disease(disease_id)
        if d is None:
            continue
        facts = page_facts(d)
        if fact_rows(d) >= 3:
            rows_three += 1
            rows_covered += d.overview is not None
        if len(facts) >= 3:
            with_three += 1
            if d.overview is None:
                missing += 1
                if args.missing:
                    print_missing(d, facts)
        if d.overview is not None:
            # every fact a sentence rests on is one of the page's facts, by the same keys
            unmatched += bool(overview_facts(tuple(
                f for s in d.overview.sentences for f in s.facts)) - facts)
            with_overview += 1
            grades.append(grade(overview_text(d)))
            if any(x.topic == "parent" for x in d.overview.sentences):
                without_parent.append(grade(overview_text(d, skip="parent")))
            for topic in {x.topic for x in d.overview.sentences}:
                by_topic[topic] = by_topic.get(topic, 0) + 1
            samples.append(d)
        kb.disease.cache_clear()
    elapsed = time.perf_counter() - started
    print(f"pages {len(ids)}; with >= 3 facts {with_three}; with an overview {with_overview}"
          f" ({with_overview / max(with_three, 1):.1%} of those with >= 3 facts); "
          f">= 3 facts but no overview {missing}  [{elapsed:.0f} s]")
    print(f"  counting every fact-table row instead, as before: {rows_three} pages with >= 3,"
          f" {rows_covered} of them with an overview; overviews resting on a fact outside "
          f"the page's facts: {unmatched}")
    print("pages whose overview has a sentence on: " + ", ".join(
        f"{k} {v}" for k, v in sorted(by_topic.items(), key=lambda kv: -kv[1])))
    print(f"US school grade (Flesch-Kincaid, textstat {metadata.version('textstat')}):")
    print(f"  rareinfo overviews        {quantiles(grades)}")
    print(f"    those with a 'type of' sentence, scored without it  {quantiles(without_parent)}")
    print(f"  Orphanet definitions      {quantiles([grade(t) for t in orphanet])}")
    every_nih = [t for texts in nih.values() for t in texts]
    print(f"  NIH 'What is it?' (all)   {quantiles([grade(t) for t in every_nih])}")
    for collection, texts in sorted(nih.items()):
        print(f"    {collection:<22}  {quantiles([grade(t) for t in texts])}")
    for d in random.Random(args.seed).sample(samples, min(args.sample, len(samples))):
        assert d.overview is not None
        print(f"\n== {d.id} {d.name}  (grade {grade(overview_text(d)):.1f})")
        for number, sentence in enumerate(d.overview.sentences, start=1):
            print(f"  [{number}] {sentence.text}")
            for f in sentence.facts[:6]:
                print(f"        <- {f.label}{f' ({f.id})' if f.id else ''}"
                      f"{f': {f.detail}' if f.detail else ''} [{f.source} {f.release}]")


if __name__ == "__main__":
    main()
