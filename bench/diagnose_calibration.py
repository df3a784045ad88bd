"""How sure a diagnosis ranking is: reliability tables and the "too general" threshold.

On the development phenopackets (../shared/data/phenopackets/dev-cases.jsonl.gz), for
each weighting of absent symptoms (``clinician``: absences were looked for; ``lay``: a
parent's "no fever"), ranks every case with ``lr`` and prints per band of the best
match's posterior share: cases, share with the diagnosis first and in the top ten, case-
weighted and per diagnosis (each diagnosis weighted equally), over all cases and over the
independent ones (diagnosis annotated, no PMID of the case cited by its annotations).
Also top-1/3/10 and MRR of both modes, and, for the explanation threshold
(``rareinfo.phenotype.model.GENERAL_IC``), per band of the information content of the
term at which a patient term and a disease meet: how often the true diagnosis meets the
patient term only there, against any disease (lift below 1: such a match explains nothing).

    .venv/bin/python bench/diagnose_calibration.py [--limit N] [--write]

``--write`` stores the independent cases' tables, made non-decreasing, in
src/rareinfo/phenotype/calibration.json, which the CLI, the API and the Check symptoms
page read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # for bench.

from bench.diagnose import CASES, Case, build_model, diagnosis_rank, groups, metrics, read_cases

from rareinfo.phenotype.calibration import (
    CALIBRATION_FILE,
    MODES,
    Band,
    best_share,
    monotone,
    reliability,
)
from rareinfo.phenotype.model import PhenotypeModel

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "src" / "rareinfo" / "phenotype" / CALIBRATION_FILE
IC_EDGES = (0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 5.0, 6.0, 8.0, 30.0)


def rank_cases(model: PhenotypeModel, cases: Sequence[Case], mode: str
               ) -> tuple[list[float], list[float]]:
    """Per case: the best match's share and the diagnosis's rank (inf if not ranked)."""
    scorer = model.scorer("lr")
    index = {d: i for i, d in enumerate(model.disease_ids)}
    shares: list[float] = []
    ranks: list[float] = []
    for case in cases:
        query = model.prepare(case.present, case.excluded, mode).query  # type: ignore[arg-type]
        scores = scorer.score(query)
        target = index.get(case.diagnosis)
        shares.append(best_share(scores.primary))
        ranks.append(float("inf") if target is None
                     else diagnosis_rank(scores.primary, scores.secondary, target)[0])
    return shares, ranks


def print_table(title: str, table: Sequence[Band]) -> None:
    """One reliability table."""
    print(f"\n{title}")
    print(f"{'best match share':<20}| {'cases':>5} {'first':>6} {'top10':>6} | "
          f"{'diagnoses':>9} {'first':>6} {'top10':>6}  (per diagnosis)")
    for band in table:
        print(f"{band.low:>8.5g} - {band.high:<8.5g} | {band.cases:5d} {100 * band.first:5.1f}% "
              f"{100 * band.top_ten:5.1f}% | {band.diagnoses:9d} "
              f"{100 * band.first_per_diagnosis:5.1f}% {100 * band.top_ten_per_diagnosis:5.1f}%")


def general_matches(model: PhenotypeModel, cases: Sequence[Case]) -> None:
    """Lift of matches only through an ancestor, per band of the ancestor's IC."""
    data = model.data
    index = {d: i for i, d in enumerate(model.disease_ids)}
    ic = data.ic.astype(np.float64)
    propagated = data.propagated_csc
    edges = np.asarray(IC_EDGES)
    truth = np.zeros(len(edges) - 1)
    anyone = np.zeros(len(edges) - 1)
    terms = 0
    for case in cases:
        target = index.get(case.diagnosis)
        if target is None:
            continue
        query = model.prepare(case.present).query
        for term in model.ontology.most_specific(query.present):
            meet = np.full(data.size, -1.0)
            for ancestor in model.ontology.ancestors_of(term).tolist():
                if ancestor == term:
                    continue
                rows = propagated.indices[propagated.indptr[ancestor]:
                                          propagated.indptr[ancestor + 1]]
                np.maximum.at(meet, rows, ic[ancestor])
            # only diseases that do not show the term (or a more specific one) themselves
            meet[propagated.indices[propagated.indptr[term]:propagated.indptr[term + 1]]] = -1
            anyone += np.histogram(meet[meet >= 0], edges)[0] / data.size
            if meet[target] >= 0:
                truth += np.histogram([meet[target]], edges)[0]
            terms += 1
    print(f"\nmatches only through a shared ancestor, per its information content "
          f"({terms} patient terms of {len(cases)} cases)")
    print(f"{'IC of the ancestor':<20}| true diagnosis | any disease | lift")
    for low, high, a, b in zip(edges, edges[1:], truth / terms, anyone / terms, strict=False):
        print(f"{low:>8.2f} - {high:<8.2f} | {100 * a:13.2f}% | {100 * b:10.2f}% | "
              f"{a / b if b else float('nan'):5.2f}")


def main(argv: Sequence[str] | None = None) -> int:
    """Print the tables; with --write, store the calibration."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="N cases spread evenly")
    parser.add_argument("--general-limit", type=int, default=1500,
                        help="cases for the too-general table")
    parser.add_argument("--write", action="store_true", help=f"write {TARGET.name}")
    args = parser.parse_args(argv)
    print("command: .venv/bin/python bench/diagnose_calibration.py "
          + " ".join(sys.argv[1:] if argv is None else argv))
    model = build_model()
    cases = read_cases(CASES, args.limit)
    selection = groups(model, cases)
    tables: dict[str, list[dict[str, object]]] = {}
    print(f"{len(cases)} development cases, {sum(selection.independent)} independent")
    print(f"{'mode':<10}| {'all':^25} | {'independent':^25} | top10 per diagnosis (indep.)")
    results = {mode: rank_cases(model, cases, mode) for mode in MODES}
    for mode, (_, ranks) in results.items():
        row = f"{mode:<10}"
        for mask in ([True] * len(cases), selection.independent):
            top1, top3, top10, mrr = metrics([r for r, k in zip(ranks, mask, strict=True)
                                              if k])
            row += f"| {top1:4.1f} {top3:4.1f} {top10:4.1f} {mrr:.3f} "
        hits: dict[str, list[bool]] = {}
        for rank, diagnosis, keep in zip(ranks, selection.diagnoses, selection.independent,
                                         strict=True):
            if keep:
                hits.setdefault(diagnosis, []).append(rank <= 10)
        print(row + f"| {100 * np.mean([np.mean(v) for v in hits.values()]):4.1f}")
    # Stored: the independent cases. Circular ones (annotated from the case's own paper)
    # make the ranking look surer than it is for a new patient; cases of diseases without
    # annotations are misses for any ranking, and the surfaces say the figure leaves them out.
    kept = [i for i, k in enumerate(selection.independent) if k]
    for mode, (shares, ranks) in results.items():
        print_table(f"reliability, mode {mode}, all {len(cases)} cases",
                    reliability(shares, ranks, selection.diagnoses))
        table = reliability([shares[i] for i in kept], [ranks[i] for i in kept],
                            [selection.diagnoses[i] for i in kept])
        print_table(f"reliability, mode {mode}, {len(kept)} independent cases", table)
        stored = monotone(table)
        print_table(f"stored for mode {mode}: the same, shares made non-decreasing", stored)
        tables[mode] = [asdict(band) for band in stored]
    general_matches(model, read_cases(CASES, args.general_limit))
    if args.write:
        TARGET.write_text(json.dumps({
            "about": "Reliability of the lr ranking per band of the best match's posterior "
                     "share, measured on the independent development phenopackets "
                     "by bench/diagnose_calibration.py --write",
            "cases": len(kept), "modes": tables}, indent=1) + "\n")
        print(f"\nwrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
