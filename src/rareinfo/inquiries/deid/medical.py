"""The medical vocabulary of a knowledge base: what de-identification keeps there."""

from __future__ import annotations

from functools import lru_cache

from rareinfo.inquiries.deid.vocabulary import MedicalVocabulary
from rareinfo.kb.queries import KnowledgeBase


@lru_cache(maxsize=2)
def vocabulary_of(kb: KnowledgeBase) -> MedicalVocabulary:
    """Phenotype terms and synonyms, disease names, gene symbols and drug names (FDA
    generic and trade names) of ``kb``; built once per knowledge base object, so a new
    snapshot brings its own."""
    terms: list[str] = []
    diseases: list[str] = []
    for kind, text in kb.medical_names():
        (diseases if kind == "disease" else terms).append(text)
    return MedicalVocabulary.of(terms, diseases)
