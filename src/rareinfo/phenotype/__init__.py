"""Phenotype-driven differential diagnosis: HPO terms, plain words or a phenopacket in,
every annotated disease ranked out, each with the reasons for its rank.

    model = PhenotypeModel.from_records(terms, annotations, disease_names)
    diagnosis = model.rank(["HP:0001250", "HP:0001263"], excluded=["HP:0000365"], top=20)

Its names are imported on first use: a process that maps a stored model and ranks a
batch needs few of these modules (decisions/0019).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rareinfo.phenotype.batch import BatchReport, CaseLineError, rank_cases
    from rareinfo.phenotype.likelihood import LikelihoodRatio, LikelihoodSettings
    from rareinfo.phenotype.model import (
        DEFAULT_METHOD,
        METHODS,
        PhenotypeModel,
        UnknownMethodError,
    )
    from rareinfo.phenotype.phenopacket import (
        PhenopacketCase,
        PhenopacketError,
        parse_phenopacket,
        read_phenopacket,
    )
    from rareinfo.phenotype.results import (
        Diagnosis,
        DiseaseFeature,
        MatchedPair,
        RankedDisease,
        Term,
    )
    from rareinfo.phenotype.text import SymptomIndex, TextMapping, TextMatch

__all__ = [
    "DEFAULT_METHOD",
    "METHODS",
    "BatchReport",
    "CaseLineError",
    "Diagnosis",
    "DiseaseFeature",
    "LikelihoodRatio",
    "LikelihoodSettings",
    "MatchedPair",
    "PhenopacketCase",
    "PhenopacketError",
    "PhenotypeModel",
    "RankedDisease",
    "SymptomIndex",
    "Term",
    "TextMapping",
    "TextMatch",
    "UnknownMethodError",
    "parse_phenopacket",
    "rank_cases",
    "read_phenopacket",
]

# name -> the module that defines it
_HOMES = {
    name: f"rareinfo.phenotype.{module}"
    for module, names in (
        ("batch", ("BatchReport", "CaseLineError", "rank_cases")),
        ("likelihood", ("LikelihoodRatio", "LikelihoodSettings")),
        ("model", ("DEFAULT_METHOD", "METHODS", "PhenotypeModel", "UnknownMethodError")),
        ("phenopacket", ("PhenopacketCase", "PhenopacketError", "parse_phenopacket",
                         "read_phenopacket")),
        ("results", ("Diagnosis", "DiseaseFeature", "MatchedPair", "RankedDisease", "Term")),
        ("text", ("SymptomIndex", "TextMapping", "TextMatch")),
    )
    for name in names
}


def __getattr__(name: str) -> Any:
    """The package's names, each imported from its module when first asked for."""
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(_HOMES[name]), name)
    globals()[name] = value
    return value
