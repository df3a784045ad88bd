"""Make the embedded bundle: the openly licensed source releases the default portal is built from.

Usage: .venv/bin/python scripts/make_bundle.py --from ../shared/data [--out src/rareinfo/sources/bundle]

Copies (gzip -9 where the file is not already compressed) the files listed in BUNDLE from a
directory of official release files laid out like ../shared/data into the package, and
writes MANIFEST.json beside them: for every file its source, release, licence,
attribution, origin and SHA-256. `rareinfo build` finds the bundle after --from and the
download cache, so `rareinfo sync NAME` still replaces any source with its latest release.
What is left out, and why, is in decisions/0015-embedded-bundle.md.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "src" / "rareinfo" / "sources" / "bundle"
LIMIT_BYTES = 25 * 1024 * 1024


@dataclass(frozen=True)
class Part:
    """One file of the bundle and what may be said about it."""

    source: str  # the registry's source name: the bundle folder it goes into
    path: str  # relative to the release directory
    release: str
    licence: str
    attribution: str


_ORPHANET = ("CC BY 4.0", "Orphanet: an online rare disease and orphan drug data base. "
             "Copyright INSERM 1999. Available on http://www.orpha.net")
_MONDO_CC0 = ("CC0 1.0", "Mondo Disease Ontology mapping sets (monarch-initiative/mondo)")
_MONDO_BY = ("CC BY 4.0", "Mondo Disease Ontology (monarch-initiative/mondo), CC BY 4.0")
_GARD = ("Public domain (US government work)",
         "Genetic and Rare Diseases Information Center (GARD), NCATS, NIH")
_FDA = ("Public domain (US government work)",
        "U.S. Food and Drug Administration, Orphan Drug Designations and Approvals")
_MEDQUAD = ("CC BY 4.0 (texts: US government works)",
            "MedQuAD (Ben Abacha and Demner-Fushman, 2019), CC BY 4.0; texts of NIH sites "
            "(GARD, Genetics Home Reference / MedlinePlus, NCI, NINDS, NIDDK, NHLBI, CDC)")

BUNDLE: tuple[Part, ...] = (
    Part("orphanet", "orphanet/orphapackets-2025-12-json.tar.gz", "1.3.42 (2025-12-09)",
         *_ORPHANET),
    *(Part("mondo", f"mondo/sssom/{name}", "2026-08-04", *_MONDO_CC0) for name in (
        "mondo_exactmatch_omim.sssom.tsv", "mondo_exactmatch_orphanet.sssom.tsv",
        "mondo_exactmatch_umls.sssom.tsv", "mondo_exactmatch_omimps.sssom.tsv",
        "mondo_exactmatch_doid.sssom.tsv", "mondo_exactmatch_mesh.sssom.tsv",
        "mondo_exactmatch_ncit.sssom.tsv", "mondo_exactmatch_icd10cm.sssom.tsv",
        "mondo_exactmatch_icd11.foundation.sssom.tsv", "mondo_exactmatch_medgen.sssom.tsv",
        "mondo_exactmatch_efo.sssom.tsv", "mondo_exactmatch_sctid.sssom.tsv",
        "mondo_hasdbxref_gard.sssom.tsv", "mondo_hasdbxref_icd10cm.sssom.tsv",
        "mondo_hasdbxref_gtr.sssom.tsv")),
    Part("mondo", "mondo/mondo-rare_edges.kgx.tsv", "2026", *_MONDO_BY),
    Part("mondo", "mondo/obsoletes.tsv", "2026", *_MONDO_BY),
    Part("gard", "gard/pyobo_2025-10-31_gard.tsv", "2025-10-31", *_GARD),
    Part("gard", "gard/pyobo_2025-10-31_gard.synonyms.tsv", "2025-10-31", *_GARD),
    Part("gard", "gard/gard_pypi_diseases.trimmed_2024-03.json", "2024-03", *_GARD),
    Part("gard", "gard/ncats_gard-id-name-synonyms_2021-09.json", "2021-09", *_GARD),
    Part("fda_orphan", "fda/oopd_designated_approved_ca2026-04.xlsx", "2026-04", *_FDA),
    Part("medlineplus", "medlineplus/medquad_GARD_GHR_MPlusTopics_QA.tar.gz", "crawled ~2017",
         *_MEDQUAD),
    Part("medlineplus", "medlineplus/medquad_NIH_institutes_QA.tar.gz", "crawled ~2017",
         *_MEDQUAD),
)
_COMPRESSED = (".gz", ".xlsx", ".zip")


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def copy_part(part: Part, release_dir: Path, out: Path) -> dict[str, object]:
    """Copy one file into the bundle (gzipped unless it already is); its manifest entry."""
    origin = release_dir / part.path
    if not origin.is_file():
        raise SystemExit(f"missing release file {origin}: point --from at the release files")
    name = Path(part.path).name
    target = out / part.source / (name if name.endswith(_COMPRESSED) else name + ".gz")
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.name == name:
        shutil.copyfile(origin, target)
    else:
        # mtime 0: the same release makes byte-identical files (and the same checksums).
        with origin.open("rb") as src, target.open("wb") as raw, \
                gzip.GzipFile(filename=name, mode="wb", fileobj=raw, compresslevel=9,
                              mtime=0) as dst:
            shutil.copyfileobj(src, dst)
    return {"file": str(target.relative_to(out)), "source": part.source,
            "origin": part.path, "origin_sha256": sha256(origin), "sha256": sha256(target),
            "bytes": target.stat().st_size, "release": part.release, "licence": part.licence,
            "attribution": part.attribution}


def main() -> None:
    """Write the bundle and its manifest; fail if it grows past the size limit."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--from", dest="from_dir", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    for child in args.out.iterdir() if args.out.is_dir() else ():
        if child.is_dir():
            shutil.rmtree(child)
    args.out.mkdir(parents=True, exist_ok=True)
    entries = [copy_part(part, args.from_dir, args.out) for part in BUNDLE]
    total = sum(int(str(entry["bytes"])) for entry in entries)
    manifest = {"made_by": "scripts/make_bundle.py", "files": entries, "bytes": total}
    (args.out / "MANIFEST.json").write_text(json.dumps(manifest, indent=1) + "\n")
    for entry in entries:
        print(f"{entry['bytes']:>10,}  {entry['file']}")
    print(f"{total:>10,}  bytes in {len(entries)} files ({total / 2**20:.1f} MiB)")
    if total > LIMIT_BYTES:
        sys.exit(f"the bundle is {total / 2**20:.1f} MiB, over the 25 MiB limit")


if __name__ == "__main__":
    main()
