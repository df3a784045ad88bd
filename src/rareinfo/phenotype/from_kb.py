"""The diagnosis model of a knowledge-base snapshot."""

from __future__ import annotations

from rareinfo.kb.queries import DiagnosisFacts
from rareinfo.phenotype.model import PhenotypeModel


def model_of(kb: DiagnosisFacts) -> PhenotypeModel:
    """Build the diagnosis model over HPO's disease annotations in a snapshot (~6 s)."""
    return PhenotypeModel.from_records(
        kb.phenotype_terms(), kb.phenotype_annotations(("hpo",)), kb.source_disease_names(),
        kb.disease_genes(("hpo",)),
    )
