"""Precision and recall of designation linking against the hand-labelled sample.

Usage: .venv/bin/python bench/score_linking.py [--database URL] [--labels PATH]
Builds nothing: reads ``tests/labels/designation_links.tsv`` (one hand-labelled FDA orphan
designation a row, its expected disease page ids ";"-joined, empty when it concerns no
page) and the ``designation_link`` table of a built knowledge base, then prints
precision, recall and F1 over (designation, page) links, the share of designations whose
linked set equals the expected set, and every false positive and false negative.
"""

from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, select

from rareinfo.config import Settings
from rareinfo.kb import schema

LABELS = Path(__file__).resolve().parent.parent / "tests" / "labels" / "designation_links.tsv"


@dataclass(frozen=True, slots=True)
class Label:
    """One hand-labelled designation."""

    key: str
    generic_name: str
    designation: str
    expected: frozenset[str]
    notes: str


@dataclass(frozen=True, slots=True)
class Score:
    """Link-level and designation-level agreement of the linker with the labels."""

    true_positives: int
    false_positives: int
    false_negatives: int
    exact: int
    labelled: int

    @property
    def precision(self) -> float:
        """Share of the links made that the labels expect."""
        return self.true_positives / max(self.true_positives + self.false_positives, 1)

    @property
    def recall(self) -> float:
        """Share of the expected links that were made."""
        return self.true_positives / max(self.true_positives + self.false_negatives, 1)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def read_labels(path: Path) -> list[Label]:
    """The labelled rows of a TSV with columns key, generic_name, designation, expected, notes."""
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [Label(key=r["key"], generic_name=r["generic_name"], designation=r["designation"],
                  expected=frozenset(i for i in (r["expected"] or "").split(";") if i),
                  notes=r.get("notes") or "") for r in rows]


def read_links(url: str, keys: set[str]) -> tuple[dict[str, set[str]], set[str], set[str]]:
    """Linked page ids per labelled key, the labelled keys loaded, and all page ids."""
    engine = create_engine(url)
    link, od, disease = schema.designation_link, schema.orphan_designation, schema.disease
    linked: dict[str, set[str]] = defaultdict(set)
    with engine.connect() as conn:
        for row in conn.execute(select(link.c.designation_key, link.c.disease_id)):
            if row.designation_key in keys:
                linked[row.designation_key].add(row.disease_id)
        loaded = {k for (k,) in conn.execute(select(od.c.key)) if k in keys}
        pages = {i for (i,) in conn.execute(select(disease.c.id))}
    engine.dispose()
    return linked, loaded, pages


def score(labels: list[Label], linked: dict[str, set[str]]) -> Score:
    """Count agreement over (designation, page) pairs and whole designations."""
    tp = fp = fn = exact = 0
    for label in labels:
        got = linked.get(label.key, set())
        tp += len(got & label.expected)
        fp += len(got - label.expected)
        fn += len(label.expected - got)
        exact += got == label.expected
    return Score(tp, fp, fn, exact, len(labels))


def main() -> None:
    """Score the linker's output in a built knowledge base against the labels."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default=None,
                        help="database URL of a built knowledge base (default: the setting)")
    parser.add_argument("--labels", type=Path, default=LABELS, help="labels TSV")
    args = parser.parse_args()
    url = args.database or Settings().resolved_database_url()
    labels = read_labels(args.labels)
    linked, loaded, pages = read_links(url, {label.key for label in labels})

    missing = [label.key for label in labels if label.key not in loaded]
    unknown = sorted({i for label in labels for i in label.expected} - pages)
    if missing:
        print(f"warning: {len(missing)} labelled keys are not in this knowledge base: "
              + ", ".join(missing[:5]))
    if unknown:
        print(f"warning: {len(unknown)} expected ids are not pages here: "
              + ", ".join(unknown[:10]))

    s = score(labels, linked)
    expected_links = s.true_positives + s.false_negatives
    made_links = s.true_positives + s.false_positives
    print(f"labelled designations: {s.labelled} ({sum(1 for lb in labels if not lb.expected)} "
          f"expecting no page); expected links: {expected_links}; links made: {made_links}")
    print(f"link level:        precision {s.precision:.3f} ({s.true_positives}/{made_links})  "
          f"recall {s.recall:.3f} ({s.true_positives}/{expected_links})  F1 {s.f1:.3f}")
    share = s.exact / max(s.labelled, 1)
    print(f"designation level: exact set {s.exact}/{s.labelled} ({share:.1%})")

    names = _page_names(url, {i for lb in labels for i in lb.expected | linked.get(lb.key, set())})
    for title, wrong in (("false positives (linked, not expected)", _fp),
                         ("false negatives (expected, not linked)", _fn)):
        rows = [(lb, ids) for lb in labels if (ids := wrong(lb, linked.get(lb.key, set())))]
        print(f"\n{title}: {sum(len(ids) for _, ids in rows)} links in {len(rows)} designations")
        for lb, ids in rows:
            print(f"- {lb.key} {lb.generic_name}: {lb.designation}")
            print("    " + "; ".join(f"{i} {names.get(i, '?')}" for i in sorted(ids)))
            print(f"    expected: {';'.join(sorted(lb.expected)) or '-'}  "
                  f"linked: {';'.join(sorted(linked.get(lb.key, set()))) or '-'}")


def _fp(label: Label, got: set[str]) -> set[str]:
    return got - label.expected


def _fn(label: Label, got: set[str]) -> set[str]:
    return set(label.expected - got)


def _page_names(url: str, ids: set[str]) -> dict[str, str]:
    engine = create_engine(url)
    disease = schema.disease
    with engine.connect() as conn:
        out = {r.id: r.name for r in conn.execute(select(disease.c.id, disease.c.name))
               if r.id in ids}
    engine.dispose()
    return out


if __name__ == "__main__":
    main()
