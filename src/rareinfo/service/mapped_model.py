"""A diagnosing process's quick start: the stored model of an SQLite snapshot, mapped.

``rareinfo.service.model_store`` stores a snapshot's diagnosis model beside its SQLite
file and opens it through the knowledge base. A process that only diagnoses (the
``diagnose`` command, one case or a batch) needs from the snapshot nothing but the model's
token and the page counts, so it reads them with ``sqlite3``
(``rareinfo.kb.snapshot_info``) and maps the model without importing SQLAlchemy or the
knowledge-base layer (decisions/0019). Whenever that is not possible (PostgreSQL, an
unusual URL, no snapshot, a snapshot of another schema, no stored model, a model of other
code) ``open_mapped`` answers None and the caller takes the knowledge base's way, which
explains or rebuilds.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from rareinfo.kb.snapshot_info import PAGE_COUNTS_SQL, plain_sqlite_file, read_info
from rareinfo.phenotype import stored
from rareinfo.phenotype.model import PhenotypeModel

if TYPE_CHECKING:
    from rareinfo.records import PhenotypeTerm

INFO_KEY = "diagnosis_model"  # snapshot_info: the model file's token, or IN_SCHEMA
IN_SCHEMA = "in-schema"
SUFFIX = ".model"


class MappedDiagnosis(NamedTuple):
    """A snapshot's stored model, and its page counts for the ranking's scope sentence (a
    named tuple: a frozen dataclass took 0.5 ms of a diagnosing process to make)."""

    model: PhenotypeModel
    pages: dict[str, int]


def model_directory_of(database: Path) -> Path:
    """Where the models of the snapshots of the SQLite file ``database`` are kept."""
    return database.with_name(f"{database.name}.diagnosis")


def is_token(value: str) -> bool:
    """Whether ``value`` is a model file's token (16 hexadecimal digits)."""
    return len(value) == 16 and all(c in "0123456789abcdef" for c in value)


def open_mapped(url: str) -> MappedDiagnosis | None:
    """The stored model of the SQLite snapshot at ``url``, mapped; None if that cannot be."""
    database = plain_sqlite_file(url)
    if database is None:
        return None
    info = read_info(database, (INFO_KEY, *PAGE_COUNTS_SQL))
    if info is None or any(key not in info for key in PAGE_COUNTS_SQL):
        return None
    token = info.get(INFO_KEY)
    if token is None or not is_token(token):
        return None
    try:
        model = stored.read_file(model_directory_of(database) / f"{token}{SUFFIX}")
    except (OSError, stored.StoredModelError):
        return None
    model.term_records = lambda: _term_records(url)
    return MappedDiagnosis(model, {key: int(info[key]) for key in PAGE_COUNTS_SQL})


def _term_records(url: str) -> Iterator[PhenotypeTerm]:
    """The snapshot's HPO term records: only plain-words input needs them (then imported)."""
    from rareinfo.kb.queries import KnowledgeBase

    kb = KnowledgeBase(url)
    try:
        yield from kb.phenotype_terms()
    finally:
        kb.close()
