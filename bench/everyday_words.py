"""Everyday words -> HPO: recall and precision on the labelled lay phrases, and parents'
descriptions of well-known rare diseases ranked by the diagnosis model.

    .venv/bin/python bench/everyday_words.py                 # development half
    .venv/bin/python bench/everyday_words.py --split test    # the held-out half, once

Labels: tests/labels/everyday_phrases.tsv (phrase, right HPO terms, source, document,
split) and tests/labels/parent_descriptions.tsv (disease, its identifiers, description).
A phrase counts as found when one of its right terms is among the first three terms the
mapper offers (the chosen terms in text order, then each one's alternatives); precision is
the share of the terms the mapper reports as present that are right. Both are given per
phrase and per HPO term (macro: the mean over the phrases' first right term).
"""

from __future__ import annotations

import argparse
import csv
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rareinfo.phenotype.model import PhenotypeModel
from rareinfo.phenotype.text import TextMapping
from rareinfo.service.diagnosis import model_of_release

LABELS = Path(__file__).resolve().parent.parent / "tests" / "labels"
NAMED = (
    "pale", "his joints are loose", "swollen glands in her neck", "enlarged spleen", "fits",
    "floppy baby", "can't hear well", "losing weight", "sore joints",
    "pinpoint red spots on the skin", "no fever", "doesn't have seizures",
    "never had fits", "his father had the same", "seizures run in the family",
    "my son's hands shake",
)


@dataclass(frozen=True, slots=True)
class Phrase:
    """One labelled everyday phrase."""

    text: str
    right: frozenset[str]
    first: str  # the first right term: the group for the per-term figures
    document: str
    split: str


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the mapper did with one phrase."""

    found: bool  # a right term among the first three offered
    first_right: bool  # the first term offered is right
    reported: int  # terms reported as present
    right: int  # of which right


def read_phrases(path: Path) -> list[Phrase]:
    """The labelled phrases."""
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [Phrase(r["phrase"], frozenset(r["hpo_ids"].split(";")),
                   r["hpo_ids"].split(";")[0], r["document"], r["split"]) for r in rows]


def offered(mapping: TextMapping) -> list[str]:
    """Terms in the order a person would see them: chosen terms, then alternatives."""
    chosen = [m for m in mapping.matches if not m.excluded and not m.family]
    ordered = [m.term_id for m in chosen]
    for match in chosen:
        ordered.extend(match.alternatives)
    return list(dict.fromkeys(ordered))


def score(model: PhenotypeModel, phrase: Phrase) -> Outcome:
    """Map one phrase and compare with its labels."""
    mapping = model.map_text(phrase.text)
    terms = offered(mapping)
    present = mapping.present
    return Outcome(bool(phrase.right & set(terms[:3])), bool(terms) and terms[0] in phrase.right,
                   len(present), sum(t in phrase.right for t in present))


def figures(phrases: Sequence[Phrase], outcomes: Sequence[Outcome]) -> dict[str, float]:
    """Recall@3, recall@1 and precision, per phrase and per HPO term."""
    reported = sum(o.reported for o in outcomes)
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for phrase, outcome in zip(phrases, outcomes, strict=True):
        groups[phrase.first].append(outcome)

    def precision(items: Sequence[Outcome]) -> float | None:
        total = sum(o.reported for o in items)
        return sum(o.right for o in items) / total if total else None

    per_term_precision = [p for g in groups.values() if (p := precision(g)) is not None]
    return {
        "phrases": len(phrases),
        "terms": len(groups),
        "recall@3": float(np.mean([o.found for o in outcomes])),
        "recall@1": float(np.mean([o.first_right for o in outcomes])),
        "precision": sum(o.right for o in outcomes) / reported if reported else 0.0,
        "unmapped": float(np.mean([o.reported == 0 for o in outcomes])),
        "term recall@3": float(np.mean([np.mean([o.found for o in g])
                                        for g in groups.values()])),
        "term precision": float(np.mean(per_term_precision)) if per_term_precision else 0.0,
    }


def rank_of(model: PhenotypeModel, text: str, disease_ids: set[str]) -> tuple[int | None, int]:
    """Best rank of any of the disease's identifiers for the text (None: no term mapped)."""
    mapping = model.map_text(text)
    if not mapping.present:
        return None, 0
    prepared = model.prepare(mapping.present, mapping.excluded)
    order = model.order(model.scores(prepared.query)).tolist()
    positions = [n for n, d in enumerate(order, start=1) if model.disease_ids[d] in disease_ids]
    return (min(positions) if positions else None), len(mapping.present)


def main() -> None:
    """Print the figures for the chosen half, the named phrases and the descriptions."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--show", action="store_true", help="list the phrases missed")
    args = parser.parse_args()
    started = time.perf_counter()
    model = model_of_release()
    print(f"model built in {time.perf_counter() - started:.1f} s")
    phrases = [p for p in read_phrases(LABELS / "everyday_phrases.tsv") if p.split == args.split]
    outcomes = [score(model, p) for p in phrases]
    print(f"\n== everyday phrases, {args.split} half ==")
    for name, value in figures(phrases, outcomes).items():
        print(f"  {name:16} {value:.3f}" if isinstance(value, float) else f"  {name:16} {value}")
    if args.show:
        for phrase, outcome in zip(phrases, outcomes, strict=True):
            if not outcome.found or outcome.right < outcome.reported:
                mapping = model.map_text(phrase.text)
                got = "; ".join(f"{m.term_name} ({m.kind}{', absent' if m.excluded else ''})"
                                for m in mapping.matches) or "-"
                print(f"  MISS {phrase.text!r} want {sorted(phrase.right)} got {got}")
    print("\n== named phrases ==")
    for text in NAMED:
        mapping = model.map_text(text)
        said = [f"{m.term_id} {m.term_name}"
                + (" [absent]" if m.excluded else "") + (" [family]" if m.family else "")
                for m in mapping.matches]
        family = [f"family history: {f.text!r}" + (" (negated)" if f.negated else "")
                  for f in mapping.family]
        print(f"  {text!r:36} -> {'; '.join(said + family) or 'nothing'}")
    print("\n== parent descriptions: rank of the disease (lr) ==")
    in_top10 = 0
    with (LABELS / "parent_descriptions.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    for row in rows:
        rank, mapped = rank_of(model, row["description"], set(row["disease_ids"].split(";")))
        in_top10 += rank is not None and rank <= 10
        print(f"  {row['disease']:30} rank {rank if rank is not None else '-':>5}  "
              f"({mapped} terms mapped)")
    print(f"  in the first ten: {in_top10} of {len(rows)}")


if __name__ == "__main__":
    main()
