"""The diagnosis model of a knowledge-base snapshot."""

from __future__ import annotations

from rareinfo.kb.queries import KnowledgeBase
from rareinfo.phenotype.model import PhenotypeModel


def model_of(kb: KnowledgeBase) -> PhenotypeModel:
    """Build the diagnosis model over HPO's disease annotations in this snapshot (~6 s)."""
    return PhenotypeModel.from_records(
        kb.phenotype_terms(), kb.phenotype_annotations(("hpo",)), kb.source_disease_names(),
        kb.disease_genes(("hpo",)),
    )
