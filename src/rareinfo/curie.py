"""Compact identifiers (CURIEs): parsing, normalisation and links to their home pages.

>>> normalize_curie("hp_0006721")
'HP:0006721'
>>> normalize_curie("Orphanet_513")
'ORPHA:513'
>>> candidate_curies("613065")
['OMIM:613065', 'ORPHA:613065', 'GARD:0613065', 'MONDO:0613065', 'HP:0613065']
"""

from __future__ import annotations

import re

# Every spelling of a prefix seen in the sources and in user input -> the canonical prefix.
_PREFIX_ALIASES: dict[str, str] = {
    "hp": "HP",
    "hpo": "HP",
    "omim": "OMIM",
    "mim": "OMIM",
    "omimps": "OMIMPS",
    "orpha": "ORPHA",
    "orphanet": "ORPHA",
    "ordo": "ORPHA",
    "decipher": "DECIPHER",
    "mondo": "MONDO",
    "gard": "GARD",
    "doid": "DOID",
    "umls": "UMLS",
    "mesh": "MESH",
    "msh": "MESH",
    "ncbigene": "NCBIGene",
    "ncbi_gene": "NCBIGene",
    "entrez": "NCBIGene",
    "pmid": "PMID",
    "pubmed": "PMID",
    "snomedct_us": "SNOMEDCT_US",
    "snomedct": "SNOMEDCT_US",
    "snomed": "SNOMEDCT_US",
    "icd10": "ICD10",
    "icd-10": "ICD10",
    "icd10cm": "ICD10CM",
    "isbn": "ISBN",
    "isbn-13": "ISBN",
    "isbn-10": "ISBN",
    "http": "URL",
    "https": "URL",
}

# Prefixes whose local part is a zero-padded number of fixed width.
_PADDED: dict[str, int] = {"HP": 7, "MONDO": 7, "GARD": 7}

_CURIE_RE = re.compile(
    r"^\s*([A-Za-z][A-Za-z0-9_.\-]*?)\s*[:_ ]\s*([A-Za-z0-9][A-Za-z0-9.\-]*)\s*$"
)
_BARE_NUMBER_RE = re.compile(r"^\s*(\d{1,7})\s*$")
_MAX_LEN = 80


def canonical_prefix(prefix: str) -> str | None:
    """The canonical spelling of a prefix, or None when it is not one we know."""
    return _PREFIX_ALIASES.get(prefix.strip().lower())


def normalize_curie(text: str) -> str | None:
    """Return the canonical CURIE for any accepted spelling, or None if it is not one.

    Accepts ``OMIM:613065``, ``omim 613065``, ``Orphanet_513``, ``hp_0006721``,
    ``HP:6721`` (padded to seven digits) and ``MONDO:0005148``.
    """
    if not text or len(text) > _MAX_LEN:
        return None
    match = _CURIE_RE.match(text)
    if match is None:
        return None
    prefix = canonical_prefix(match.group(1))
    if prefix is None or prefix == "URL":
        return None
    local = match.group(2)
    width = _PADDED.get(prefix)
    if width is not None:
        if not local.isdigit() or len(local) > width:
            return None
        local = local.zfill(width)
    elif prefix in {"OMIM", "ORPHA", "DECIPHER", "NCBIGene", "PMID"} and not local.isdigit():
        return None
    return f"{prefix}:{local}"


def candidate_curies(text: str) -> list[str]:
    """CURIEs a bare identifier might mean: a number could be OMIM, Orphanet, GARD or Mondo."""
    curie = normalize_curie(text)
    if curie is not None:
        return [curie]
    match = _BARE_NUMBER_RE.match(text or "")
    if match is None:
        return []
    number = match.group(1)
    out = [f"OMIM:{number}", f"ORPHA:{int(number)}", f"GARD:{number.zfill(7)}"]
    out += [f"MONDO:{number.zfill(7)}", f"HP:{number.zfill(7)}"]
    return out


def looks_like_identifier(text: str) -> bool:
    """True when the text is shaped like an identifier rather than words."""
    return bool(candidate_curies(text))


_LINKS: dict[str, str] = {
    "OMIM": "https://omim.org/entry/{local}",
    "OMIMPS": "https://omim.org/phenotypicSeries/PS{local}",
    "ORPHA": "https://www.orpha.net/en/disease/detail/{local}",
    "DECIPHER": "https://www.deciphergenomics.org/syndrome/{local}",
    "MONDO": "https://monarchinitiative.org/MONDO:{local}",
    "HP": "https://hpo.jax.org/browse/term/HP:{local}",
    "GARD": "https://rarediseases.info.nih.gov/diseases/{gard_number}/index",
    "NCBIGene": "https://www.ncbi.nlm.nih.gov/gene/{local}",
    "PMID": "https://pubmed.ncbi.nlm.nih.gov/{local}/",
    "UMLS": "https://uts.nlm.nih.gov/uts/umls/concept/{local}",
    "DOID": "https://disease-ontology.org/?id=DOID:{local}",
    "MESH": "https://meshb.nlm.nih.gov/record/ui?ui={local}",
}


def external_url(curie: str) -> str | None:
    """The home page of an identifier at its issuing authority, when we know one."""
    prefix, _, local = curie.partition(":")
    if prefix == "URL":
        return local if local.startswith("http") else None
    template = _LINKS.get(prefix)
    if template is None or not local:
        return None
    return template.format(local=local, gard_number=local.lstrip("0") or "0")


def monarch_url(curie: str) -> str:
    """The Monarch Initiative page for any disease or phenotype identifier."""
    return f"https://monarchinitiative.org/{curie}"
