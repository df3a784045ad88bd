"""The medical vocabulary of a knowledge base: what de-identification keeps there."""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy.exc import SQLAlchemyError

from rareinfo.inquiries.deid.vocabulary import MedicalVocabulary, default_vocabulary
from rareinfo.kb.queries import KnowledgeBase, KnowledgeBaseMissing


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


def vocabulary_at(url: str) -> MedicalVocabulary:
    """The medical names of the knowledge base at ``url`` when there is one, else the HPO
    default (a CLI run without a built knowledge base still works)."""
    try:
        return vocabulary_of(KnowledgeBase(url))
    except (KnowledgeBaseMissing, SQLAlchemyError):
        return default_vocabulary()
