"""Phenotype-driven differential diagnosis: HPO terms, plain words or a phenopacket in,
every annotated disease ranked out, each with the reasons for its rank.

    model = PhenotypeModel.from_records(terms, annotations, disease_names)
    diagnosis = model.rank(["HP:0001250", "HP:0001263"], excluded=["HP:0000365"], top=20)
"""

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
