"""Orphanet: the ORPHApackets (JSON) and the Orphadata XML products 1, 3, 4, 6 and 9.

Both forms carry the same knowledge and are turned into records by the same builders in
this module, so a disorder read from its packet and from the XML products gives the same
records wherever both forms hold the same facts. The format readers live beside it:
:mod:`rareinfo.sources.orphanet_packets` and :mod:`rareinfo.sources.orphanet_xml`.

Choices, stated once:

- A diagnostic criterion (product 4 only; the packets do not carry it) is noted as the
  text ``"diagnostic criterion"`` in :attr:`PhenotypeAnnotation.modifiers`: it qualifies
  the feature's role, like a clinical modifier; ``evidence`` stays free for evidence codes.
- ``Frequency.label`` is the HPO class label and ``Frequency.raw`` Orphanet's own label.
- A prevalence ``ValMoy`` of 0.0 or "no data" means "no mean value given", hence None.
- ORPHA:320716 "Rare disorders" is the umbrella above every classification head: it is
  neither a parent nor a category; its direct children are the heads.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal

from rareinfo.records import (
    DiseaseAttribute,
    DiseaseMapping,
    DiseaseRecord,
    Frequency,
    GeneAssociation,
    MappingPredicate,
    PhenotypeAnnotation,
    Prevalence,
    Record,
    Synonym,
)
from rareinfo.sources.base import SourceInfo, download
from rareinfo.sources.hpo import FREQUENCY_CLASSES

NAME = "orphanet"
PACKETS_URL = "https://github.com/Orphanet/orphapacket/archive/HEAD.tar.gz"
PACKETS_FILE = "orphapackets.tar.gz"
XML_URL = "https://www.orphadata.com/data/xml"
XML_PRODUCTS = (
    "en_product1.xml",
    "en_product4.xml",
    "en_product6.xml",
    "en_product9_prev.xml",
    "en_product9_ages.xml",
)

INFO = SourceInfo(
    name=NAME,
    title="Orphanet: the portal for rare diseases and orphan drugs",
    homepage="https://www.orpha.net/",
    licence="CC BY 4.0",
    attribution=(
        "Orphadata: Free access data from Orphanet. © INSERM 1999. Available on "
        "https://www.orphadata.com. Licensed under the Creative Commons Attribution 4.0 "
        "International licence (CC BY 4.0)."
    ),
    downloads=(PACKETS_URL, *(f"{XML_URL}/{name}" for name in XML_PRODUCTS)),
    # Floors for the full ORPHApackets release (2025-12: 9,960 disorders, 115,878
    # phenotype annotations, 8,016 gene associations, 8,435 mappings, 16,653 prevalences).
    minimum_counts=(
        ("diseases", 9_000),
        ("annotations", 100_000),
        ("gene associations", 7_000),
        ("mappings", 7_500),
        ("prevalences", 14_000),
    ),
    build_order=20,
)

UMBRELLA = "320716"  # "Rare disorders": the root above all classification heads
DIAGNOSTIC_CRITERION = "diagnostic criterion"

# Orphanet frequency label (before the parenthesis, lower case) -> HPO frequency class.
FREQUENCY_TERMS: dict[str, str] = {
    "obligate": "HP:0040280",
    "very frequent": "HP:0040281",
    "frequent": "HP:0040282",
    "occasional": "HP:0040283",
    "very rare": "HP:0040284",
    "excluded": "HP:0040285",
}
EXCLUDED = "HP:0040285"

# Orphanet age-of-onset and inheritance labels -> HPO terms (names checked in hp.obo).
ONSET_TERMS: dict[str, str] = {
    "antenatal": "HP:0030674",  # Antenatal onset
    "neonatal": "HP:0003623",  # Neonatal onset
    "infancy": "HP:0003593",  # Infantile onset
    "childhood": "HP:0011463",  # Childhood onset
    "adolescent": "HP:0003621",  # Juvenile onset
    "adult": "HP:0003581",  # Adult onset
    "elderly": "HP:0003584",  # Late onset
}
INHERITANCE_TERMS: dict[str, str] = {
    "autosomal dominant": "HP:0000006",
    "autosomal recessive": "HP:0000007",
    "x-linked recessive": "HP:0001419",
    "x-linked dominant": "HP:0001423",
    "mitochondrial": "HP:0001427",
    "multigenic/multifactorial": "HP:0001426",  # Non-Mendelian (formerly multifactorial)
    "y-linked": "HP:0001450",
    "semi-dominant": "HP:0032113",  # Semidominant inheritance
    "oligogenic": "HP:0010983",  # Oligogenic inheritance
}
# Labels that state nothing: no attribute is recorded for them.
_NO_DATA = frozenset({"", "no data", "no data available", "not yet documented"})

MAPPING_PREDICATES: dict[str, MappingPredicate] = {
    "E": "exact",
    "NTBT": "broader",  # the ORPHA code is narrower than the target
    "BTNT": "narrower",
    "ND": "related",
    "W": "related",
}
# Orphanet's names of external terminologies -> our CURIE prefixes (and zero padding).
_XREF_PREFIXES: dict[str, tuple[str, int]] = {
    "omim": ("OMIM", 0),
    "icd-10": ("ICD10", 0),
    "icd-11": ("ICD11", 0),
    "mesh": ("MESH", 0),
    "umls": ("UMLS", 0),
    "mondo": ("MONDO", 7),
    "gard": ("GARD", 7),
    "meddra": ("MEDDRA", 0),
}
# Gene cross-references worth keeping; ClinVar and Genatlas only repeat the symbol.
_GENE_PREFIXES: dict[str, str] = {
    "hgnc": "HGNC",
    "omim": "OMIM",
    "ensembl": "Ensembl",
    "swissprot": "UniProtKB",
    "reactome": "Reactome",
    "entrez": "NCBIGene",
    "ncbi gene": "NCBIGene",
    "ncbigene": "NCBIGene",
}

# ASCII digits only (\d takes any script's), and few enough for int(): 4,300 are refused.
_ORPHA_CODE = re.compile(r"^[0-9]{1,12}$")
_HP_ID = re.compile(r"^HP:[0-9]{7}$")
# Inline markup in Orphanet texts, including the mistyped "<i<SYNE1</i>" seen in packets.
_TAG = re.compile(r"</?(?:i|b|em|strong|sup|sub|br|p|span)\b[^<>]*[<>]?", re.IGNORECASE)
_PMID = re.compile(r"^(\d+)\s*\[PMID\]$", re.IGNORECASE)
_VERSION = re.compile(r"^\s*([0-9][0-9.]*)")


def fetch(cache_dir: Path, *, base_url: str | None = None) -> Path:
    """Download the latest ORPHApackets archive into ``cache_dir/orphanet``."""
    url = f"{base_url.rstrip('/')}/{PACKETS_FILE}" if base_url else PACKETS_URL
    target = cache_dir / NAME / PACKETS_FILE
    download(url, target)
    return target


def locate(directory: Path) -> Path | None:
    """The Orphanet release in a directory laid out like ../shared/data, packets first."""
    # Imported here: both readers import this module's record builders.
    from rareinfo.sources import orphanet_packets, orphanet_xml

    candidates = _candidate_dirs(directory)
    for candidate in candidates:
        found = orphanet_packets.find(candidate)
        if found is not None:
            return found
    return orphanet_xml.find(candidates)


def read(path: Path) -> Iterator[Record]:
    """Yield the release, then every disease, mapping, annotation, gene and prevalence."""
    from rareinfo.sources import orphanet_packets, orphanet_xml

    if orphanet_packets.is_packets(path):
        return orphanet_packets.read(path)
    if orphanet_xml.is_products(path):
        return orphanet_xml.read(path)
    raise FileNotFoundError(
        f"{path} holds no Orphanet release: expected ORPHApackets (a .tar.gz or a directory "
        "of ORPHApacket_*.json) or Orphadata XML products (en_product1.xml, ...); "
        "download one with `rareinfo sync orphanet` or point --from at a directory holding them"
    )


def _candidate_dirs(directory: Path) -> list[Path]:
    """DIR, DIR/orphanet and their immediate subdirectories, in that order."""
    tops = [d for d in (directory, directory / NAME) if d.is_dir()]
    subs = [s for top in tops for s in sorted(top.iterdir()) if s.is_dir() and s not in tops]
    return tops + subs


# --- the classification graph -------------------------------------------------------


class Classification:
    """Parents of each disorder and the classification heads above it (product 3/packets)."""

    def __init__(self) -> None:
        self._parents: dict[str, set[str]] = {}
        self._names: dict[str, str] = {}
        self._kinds: dict[str, str] = {}
        self._heads: dict[str, frozenset[str]] = {}

    def add(self, code: str, name: str | None, kind: str | None, parents: Iterable[str]) -> None:
        """Record a disorder (a packet or a product 3 node) and the parents it names."""
        self._parents.setdefault(code, set()).update(p for p in parents if p != code)
        if name:
            self._names.setdefault(code, name)
        if kind:
            self._kinds.setdefault(code, kind)
        self._heads.clear()

    def __contains__(self, code: object) -> bool:
        return code in self._parents

    def codes(self) -> list[str]:
        """Every disorder the graph knows, in ascending code order."""
        return sorted(self._parents, key=int)

    def name_of(self, code: str) -> str | None:
        """The disorder's name as the classification gives it."""
        return self._names.get(code)

    def kind_of(self, code: str) -> str | None:
        """The disorder type as the classification gives it (packets, current product 3)."""
        return self._kinds.get(code)

    def parents_of(self, code: str) -> tuple[str, ...]:
        """ORPHA ids of the direct parents, in code order, without the umbrella."""
        found = self._parents.get(code, set()) - {UMBRELLA}
        return tuple(f"ORPHA:{p}" for p in sorted(found, key=int))

    def categories_of(self, code: str) -> tuple[str, ...]:
        """Names of the classification heads above the disorder, sorted."""
        names = {self._names[h] for h in self._heads_above(code, set()) if h in self._names}
        return tuple(sorted(names))

    def _is_head(self, code: str) -> bool:
        # Only a disorder the graph knows can be a head: a parent seen only as somebody's
        # parent (a packet missing from the release) may well have parents of its own.
        parents = self._parents.get(code)
        return parents is not None and code != UMBRELLA and parents <= {UMBRELLA}

    def _heads_above(self, code: str, visiting: set[str]) -> frozenset[str]:
        cached = self._heads.get(code)
        if cached is not None:
            return cached
        visiting.add(code)
        heads: set[str] = set()
        for parent in self._parents.get(code, set()):
            if parent in visiting:  # a cycle in the data: stop rather than loop
                continue
            if self._is_head(parent):
                heads.add(parent)
            heads |= self._heads_above(parent, visiting)
        visiting.discard(code)
        self._heads[code] = frozenset(heads)
        return self._heads[code]


# --- record builders shared by both forms ---------------------------------------------
# Each takes the source's raw strings and raises ValueError with the reason when they
# cannot make a record; the readers turn that into a Problem with the location.


@lru_cache(maxsize=4096)  # called for every record of a disorder, with the same code
def orpha_id(code: str | None) -> str:
    """``ORPHA:<code>`` for a numeric OrphaCode."""
    text = (code or "").strip()
    if not _ORPHA_CODE.match(text):
        raise ValueError(f"OrphaCode {code!r} is not a number")
    return f"ORPHA:{int(text)}"


def clean(text: str | None) -> str | None:
    """Text with Orphanet's inline HTML (<i>...</i>, entities) removed; None when empty."""
    if text is None:
        return None
    cleaned = " ".join(html.unescape(_TAG.sub("", text)).split())
    return None if cleaned.lower() in _NO_DATA else cleaned


def disease(
    code: str,
    name: str | None,
    *,
    synonyms: Iterable[str] = (),
    definition: str | None = None,
    kind: str | None = None,
    xrefs: Iterable[str] = (),
    tree: Classification | None = None,
    obsolete: bool = False,
    replaced_by: str | None = None,
) -> DiseaseRecord:
    """A DiseaseRecord with parents and categories taken from the classification graph."""
    disease_id = orpha_id(code)
    label = clean(name)
    if not label:
        raise ValueError(f"{disease_id} has no name")
    plain = str(int(code))
    seen = {label}
    unique: list[Synonym] = []
    for text in (clean(s) for s in synonyms):
        if text and text not in seen:
            seen.add(text)
            unique.append(Synonym(text, "EXACT"))
    return DiseaseRecord(
        source=NAME,
        id=disease_id,
        name=label,
        synonyms=tuple(unique),
        definition=clean(definition),
        xrefs=tuple(sorted(set(xrefs))),
        parents=tree.parents_of(plain) if tree else (),
        categories=tree.categories_of(plain) if tree else (),
        kind=clean(kind),
        obsolete=obsolete,
        replaced_by=replaced_by,
    )


def xref_id(source: str | None, reference: str | None) -> str:
    """The CURIE of an external reference: OMIM:…, ICD10:C91.0, MESH:D…, GARD:0000522."""
    src = (source or "").strip()
    ref = (reference or "").strip()
    if not src or not ref:
        raise ValueError(f"external reference {source!r}:{reference!r} lacks a source or code")
    prefix, width = _XREF_PREFIXES.get(src.lower(), (re.sub(r"[^A-Za-z0-9]", "", src).upper(), 0))
    local = ref.split(":", 1)[1].strip() if ref.upper().startswith(f"{prefix}:") else ref
    if width:
        if not local.isdigit() or len(local) > width:
            raise ValueError(f"{src} reference {ref!r} is not a number of up to {width} digits")
        local = local.zfill(width)
    if prefix == "OMIM" and not local.isdigit():
        raise ValueError(f"OMIM reference {ref!r} is not a number")
    return f"{prefix}:{local}"


def mapping(code: str, object_id: str, relation: str | None, status: str | None) -> DiseaseMapping:
    """A DiseaseMapping with the predicate normalised from Orphanet's relation code."""
    raw = (relation or "").strip()
    relation_code = re.split(r"[\s(]", raw, maxsplit=1)[0].upper() if raw else ""
    # No relation at all is a plain cross-reference; an unknown one never means "exact".
    predicate: MappingPredicate = (
        MAPPING_PREDICATES.get(relation_code, "related") if relation_code else "xref"
    )
    return DiseaseMapping(
        source=NAME,
        subject_id=orpha_id(code),
        object_id=object_id,
        predicate=predicate,
        relation=relation_code,
        justification=clean(status),
    )


@lru_cache(maxsize=64)  # a handful of labels, over 100,000 times
def frequency(label: str | None) -> Frequency | None:
    """The HPO frequency class for an Orphanet frequency label; None when none is given."""
    raw = (label or "").strip()
    if not raw:
        return None
    term = FREQUENCY_TERMS.get(raw.split("(", 1)[0].strip().lower())
    if term is None:
        raise ValueError(f"frequency {raw!r} is not an Orphanet frequency class")
    fraction, hpo_label = FREQUENCY_CLASSES[term]
    return Frequency(fraction, hpo_label, raw, term=term)


def annotation(
    code: str, hpo_id: str | None, frequency_label: str | None, diagnostic: bool
) -> PhenotypeAnnotation:
    """One disorder-phenotype statement; Excluded (0%) becomes a negated annotation."""
    term = (hpo_id or "").strip()
    if not _HP_ID.match(term):
        raise ValueError(f"phenotype {hpo_id!r} is not an HPO id")
    freq = frequency(frequency_label)
    return PhenotypeAnnotation(
        source=NAME,
        disease_id=orpha_id(code),
        phenotype_id=term,
        aspect="P",
        negated=freq is not None and freq.term == EXCLUDED,
        frequency=freq,
        modifiers=(DIAGNOSTIC_CRITERION,) if diagnostic else (),
    )


def gene(
    code: str,
    symbol: str | None,
    name: str | None,
    association: str | None,
    references: Iterable[tuple[str | None, str | None]],
) -> GeneAssociation:
    """A gene association; the gene is named by NCBI Gene when given, else by HGNC."""
    label = (symbol or "").strip()
    if not label:
        raise ValueError("gene without a symbol")
    xrefs: set[str] = set()
    for source, reference in references:
        prefix = _GENE_PREFIXES.get((source or "").strip().lower())
        local = (reference or "").strip()
        if prefix and local:
            xrefs.add(f"{prefix}:{local}")
    ncbi = sorted(x for x in xrefs if x.startswith("NCBIGene:"))
    hgnc = sorted(x for x in xrefs if x.startswith("HGNC:"))
    if not ncbi and not hgnc:
        raise ValueError(f"gene {label} has neither an NCBI Gene nor an HGNC id")
    return GeneAssociation(
        source=NAME,
        disease_id=orpha_id(code),
        gene_id=(ncbi or hgnc)[0],
        symbol=label,
        association=clean(association),
        name=clean(name),
        xrefs=tuple(sorted(xrefs)),
    )


def prevalence(
    code: str,
    *,
    kind: str | None,
    qualification: str | None,
    prevalence_class: str | None,
    value: str | None,
    region: str | None,
    validation: str | None,
    sources: str | None,
) -> Prevalence:
    """One prevalence statement of product 9 or a packet."""
    type_label = clean(kind)
    if not type_label:
        raise ValueError("prevalence without a type")
    return Prevalence(
        source=NAME,
        disease_id=orpha_id(code),
        type=type_label,
        qualification=clean(qualification),
        prevalence_class=clean(prevalence_class),
        value=_mean_value(value),
        region=clean(region),
        validation=clean(validation),
        references=_references(sources),
    )


def _mean_value(text: str | None) -> float | None:
    cleaned = clean(text)
    if cleaned is None:
        return None
    try:
        number = float(cleaned)
    except ValueError as exc:
        raise ValueError(f"mean value {text!r} is not a number") from exc
    return number or None  # 0.0 is Orphanet's "no value given"


def _references(text: str | None) -> tuple[str, ...]:
    """"11389160[PMID]_[EXPERT]" -> ("PMID:11389160", "[EXPERT]")."""
    out: list[str] = []
    for part in (text or "").split("_"):
        item = part.strip()
        if not item:
            continue
        match = _PMID.match(item)
        reference = f"PMID:{match.group(1)}" if match else item
        if reference not in out:
            out.append(reference)
    return tuple(out)


def attribute(
    code: str, which: Literal["onset", "inheritance"], label: str | None
) -> DiseaseAttribute | None:
    """An onset or inheritance fact with its HPO term; None for "No data available"."""
    value = clean(label)
    if value is None:
        return None
    key = value.lower()
    if which == "onset":
        term = ONSET_TERMS.get(key)
    else:
        term = INHERITANCE_TERMS.get(key.removesuffix(" inheritance").strip())
    return DiseaseAttribute(NAME, orpha_id(code), which, value, term)


def version_of(text: str | None) -> str | None:
    """"1.3.42 / 4.1.8 [2025-03-03]" -> "1.3.42"."""
    match = _VERSION.match(text or "")
    return match.group(1) if match else None


def date_of(text: str | None) -> date | None:
    """The day of "2025-12-09 10:41:42"; None when there is none."""
    try:
        return date.fromisoformat((text or "").strip()[:10])
    except ValueError:
        return None


def plain_code(text: str | None) -> str | None:
    """The OrphaCode without padding ("0513" -> "513"); None when not a number."""
    value = (text or "").strip()
    return str(int(value)) if _ORPHA_CODE.match(value) else None
