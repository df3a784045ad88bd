"""Which OMIM entries may borrow features through Mondo: equivalents and phenotypic series.

Besides the Orphanet disorders of the same gene (``rareinfo.phenotype.genes``), an OMIM
entry borrows the features it does not list from

- the Orphanet entries that Mondo maps exactly to the same Mondo disease (one condition,
  two descriptions: share 1);
- the other OMIM entries of its OMIM phenotypic series (Mondo's class that is an exact
  match of the series, whose subclasses are the series' entries): genetic subtypes of one
  clinical picture, so share ``SERIES_SHARE / (entries in the series - 1)``.

The links come from Mondo's mapping sets (``mondo_exactmatch_omim``, ``_orphanet``,
``_omimps``, CC0) and its subclass edges; they are small, so they ship with the package
(``mondo_links.tsv``, one Mondo class per line, rewritten by
``python -m rareinfo.phenotype.mondo_links DIR`` from a directory laid out like
../shared/data/mondo) and every model uses them, also the one built straight from an HPO
release. Measured in decisions/0003-diagnosis-ranking.md.
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

LINKS_FILE = "mondo_links.tsv"
SERIES_SHARE = 0.7  # a subtype of the same series is less surely alike than an equivalent
_SETS = {"omim": "mondo_exactmatch_omim", "orphanet": "mondo_exactmatch_orphanet",
         "series": "mondo_exactmatch_omimps"}
_EDGES = "mondo-rare_edges"


@dataclass(frozen=True, slots=True)
class LendingLink:
    """An OMIM entry may borrow the features of another entry, with this share."""

    borrower: str  # OMIM:...
    lender: str  # ORPHA:... (equivalent) or OMIM:... (same series)
    share: float
    reason: str  # "equivalent" or "series"
    via: str  # the Mondo class that links them


@dataclass(frozen=True, slots=True)
class MondoGroups:
    """Mondo classes and their members: OMIM and Orphanet equivalents; series entries."""

    equivalents: dict[str, tuple[str, ...]]  # Mondo id -> OMIM and ORPHA ids it matches
    series: dict[str, tuple[str, ...]]  # Mondo id of a series -> its OMIM entries

    def links(self) -> list[LendingLink]:
        """Every OMIM entry's links: to the Orphanet equivalents, to its series siblings."""
        links: list[LendingLink] = []
        for mondo, members in self.equivalents.items():
            omim = [m for m in members if m.startswith("OMIM:")]
            orpha = [m for m in members if m.startswith("ORPHA:")]
            links.extend(LendingLink(b, lender, 1.0, "equivalent", mondo)
                         for b in omim for lender in orpha)
        for mondo, members in self.series.items():
            share = SERIES_SHARE / (len(members) - 1)
            links.extend(LendingLink(b, lender, share, "series", mondo)
                         for b in members for lender in members if lender != b)
        return links


def groups_of(omim: dict[str, set[str]], orphanet: dict[str, set[str]],
              series: dict[str, set[str]], parents: dict[str, set[str]]) -> MondoGroups:
    """The groups from Mondo's OMIM, Orphanet and series matches and its subclass edges."""
    equivalents = {
        mondo: (*sorted(omim[mondo]), *sorted(orphanet[mondo]))
        for mondo in sorted(set(omim) & set(orphanet))
    }
    children: dict[str, set[str]] = defaultdict(set)
    for child, above in parents.items():
        for parent in above:
            children[parent].add(child)
    members = {mondo: tuple(sorted({entry for child in children.get(mondo, ())
                                    for entry in omim.get(child, ())}))
               for mondo in sorted(series)}
    return MondoGroups(equivalents, {m: v for m, v in members.items() if len(v) > 1})


def read_groups(directory: Path) -> MondoGroups:
    """The groups from a Mondo directory (``sssom/`` mapping sets, the rare-disease edges)."""
    sets = {key: _mapping_set(_find(directory, name)) for key, name in _SETS.items()}
    parents: dict[str, set[str]] = defaultdict(set)
    with _find(directory, _EDGES).open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row.get("predicate") == "biolink:subclass_of":
                parents[row["subject"]].add(row["object"])
    return groups_of(sets["omim"], sets["orphanet"], sets["series"], parents)


def write_groups(groups: MondoGroups, path: Path) -> None:
    """Store the groups as the TSV the package ships: one Mondo class per line."""
    with path.open("w", encoding="utf-8") as handle:
        handle.write("# Mondo classes whose OMIM entries borrow features (see mondo_links.py); "
                     "written by python -m rareinfo.phenotype.mondo_links from Mondo's "
                     "mapping sets (CC0)\n")
        for kind, table in (("equivalent", groups.equivalents), ("series", groups.series)):
            for mondo, members in table.items():
                handle.write("\t".join((kind, mondo, *members)) + "\n")


def parse_groups(lines: Iterable[str]) -> MondoGroups:
    """Groups from the shipped TSV's lines."""
    tables: dict[str, dict[str, tuple[str, ...]]] = {"equivalent": {}, "series": {}}
    for line in lines:
        if line.strip() and not line.startswith("#"):
            kind, mondo, *members = line.rstrip("\n").split("\t")
            tables[kind][mondo] = tuple(members)
    return MondoGroups(tables["equivalent"], tables["series"])


@cache
def shipped_links() -> tuple[LendingLink, ...]:
    """The links of the groups shipped with the package."""
    text = resources.files("rareinfo.phenotype").joinpath(LINKS_FILE).read_text()
    return tuple(parse_groups(text.splitlines()).links())


def _find(directory: Path, stem: str) -> Path:
    for candidate in (*directory.glob(f"{stem}.*"), *directory.glob(f"sssom/{stem}.*")):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"{directory}: no {stem} file")


def _mapping_set(path: Path) -> dict[str, set[str]]:
    """Mondo id -> the identifiers it matches exactly (Orphanet:N as ORPHA:N)."""
    found: dict[str, set[str]] = defaultdict(set)
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")),
                              delimiter="\t")
        for row in rows:
            if row.get("predicate_id") == "skos:exactMatch":
                found[row["subject_id"]].add(row["object_id"].replace("Orphanet:", "ORPHA:"))
    return found


def main(argv: Sequence[str] | None = None) -> int:
    """Rewrite the shipped links from a Mondo directory."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        print("usage: python -m rareinfo.phenotype.mondo_links MONDO_DIR", file=sys.stderr)
        return 2
    groups = read_groups(Path(args[0]))
    target = Path(__file__).with_name(LINKS_FILE)
    write_groups(groups, target)
    print(f"{len(groups.equivalents):,} equivalence classes and {len(groups.series):,} "
          f"series written to {target.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
