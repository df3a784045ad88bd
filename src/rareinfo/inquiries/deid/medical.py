"""The medical vocabulary of a knowledge base: what de-identification keeps there."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from rareinfo.inquiries.deid import store
from rareinfo.inquiries.deid.vocabulary import MedicalVocabulary, default_vocabulary

if TYPE_CHECKING:
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


def vocabulary_at(url: str, cache_dir: Path | None = None) -> MedicalVocabulary:
    """The medical names of the knowledge base at ``url`` when there is one, else the HPO
    default (a CLI run without a built knowledge base still works). With ``cache_dir``,
    read from (or kept in) the stored tables of that snapshot (``deid.store``), so the
    knowledge base itself (and SQLAlchemy) is opened only when the snapshot is new."""
    directory = cache_dir / "deid" if cache_dir is not None else None
    snapshot = _snapshot_identity(url) if directory is not None else None
    if directory is not None and snapshot is not None:
        stored = store.load(directory, snapshot)
        if stored is not None:
            return stored
    from sqlalchemy.exc import SQLAlchemyError

    from rareinfo.kb.queries import KnowledgeBase, KnowledgeBaseMissing

    try:
        vocabulary = vocabulary_of(KnowledgeBase(url))
    except (KnowledgeBaseMissing, SQLAlchemyError):
        vocabulary, snapshot = default_vocabulary(), "default"
    if directory is not None and snapshot is not None:
        store.save(directory, snapshot, vocabulary)
    return vocabulary


def _snapshot_identity(url: str) -> str:
    """What changes when a new snapshot goes live: for an SQLite file its inode, time and
    size (a build renames a new file over the old one), read without SQLAlchemy; else the
    live schema's name; "default" when there is no knowledge base."""
    if url.startswith("sqlite:///"):
        path = url.removeprefix("sqlite:///").split("?", 1)[0]
        try:
            stat = os.stat(path)
        except OSError:
            return "default"
        return f"{url}\n{stat.st_ino}-{stat.st_mtime_ns}-{stat.st_size}"
    from sqlalchemy.exc import SQLAlchemyError

    from rareinfo.kb import snapshots

    try:
        return f"{url}\n{snapshots.live_key(url)}"
    except (snapshots.NoSnapshot, snapshots.SnapshotError, SQLAlchemyError):
        return "default"
