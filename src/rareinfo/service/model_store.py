"""The diagnosis model of a snapshot: computed by the build, stored with it, then only mapped.

SQLite: the model is one file in the directory ``<database file>.diagnosis/`` beside the
database, named by a random token that the snapshot records in ``snapshot_info``
(key ``diagnosis_model``). Renaming a new database over the live one therefore brings its
model along: a process reads the token from the snapshot it opened and maps that file
(``rareinfo.phenotype.stored``). A build keeps the live snapshot's model and its own and
deletes the rest (those of earlier or failed builds); a process that mapped a deleted
file keeps reading it until it lets go.

PostgreSQL: the model lives inside the snapshot's schema, in the table ``diagnosis_model``
(parts of at most 64 MB), so it comes and goes with the schema; each app server reads it
once per snapshot into memory (no rebuild, but no mapping: the bytes come over the wire).

A snapshot built before models were stored has none: the model is then built from the
snapshot's facts (several seconds) and the caller is told so in one line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, func, insert, select
from sqlalchemy.exc import DBAPIError

from rareinfo.kb import schema, snapshots
from rareinfo.kb.queries import DiagnosisFacts, KnowledgeBase
from rareinfo.phenotype import stored
from rareinfo.phenotype.from_kb import model_of
from rareinfo.phenotype.model import PhenotypeModel
from rareinfo.service import sidecar
from rareinfo.service.mapped_model import (
    IN_SCHEMA,
    INFO_KEY,
    SUFFIX,
    is_token,
    model_directory_of,
)

__all__ = [
    "INFO_KEY",
    "IN_SCHEMA",
    "SUFFIX",
    "diagnosis_model_writer",
    "model_directory",
    "open_model",
]

PART = 64 * 1024 * 1024

Notice = str | None  # one line when the model had to be built instead of mapped


def model_directory(url: str) -> Path:
    """Where the models of an SQLite knowledge base's snapshots are kept."""
    return model_directory_of(snapshots.sqlite_file(url))


def diagnosis_model_writer(url: str) -> Callable[[Engine], None]:
    """The build step that computes a snapshot's model and stores it with the snapshot."""

    def diagnosis_model(engine: Engine) -> None:
        with engine.connect() as conn:
            terms = conn.execute(select(func.count()).select_from(schema.phenotype)).scalar()
        if not terms:
            return  # no ontology loaded (a build that skipped its checks): nothing to rank
        blob = stored.to_bytes(model_of(DiagnosisFacts(engine)))
        if engine.dialect.name == "postgresql":
            with engine.begin() as conn:
                for number, start in enumerate(range(0, len(blob), PART)):
                    conn.execute(insert(schema.diagnosis_model),
                                 {"part": number, "data": blob[start:start + PART]})
            token = IN_SCHEMA
        else:
            token = sidecar.new_token()
            directory = model_directory(url)
            directory.mkdir(parents=True, exist_ok=True)
            sidecar.write_atomically(directory / f"{token}{SUFFIX}", blob)
            sidecar.remove_unused(directory, SUFFIX,
                                  keep={token, sidecar.live_info(url, INFO_KEY)})
        with engine.begin() as conn:
            conn.execute(insert(schema.snapshot_info), {"key": INFO_KEY, "value": token})

    return diagnosis_model


def open_model(kb: KnowledgeBase) -> tuple[PhenotypeModel, Notice]:
    """The snapshot's stored model, mapped; built from its facts (with a notice) if none."""
    try:
        model = _stored_model(kb)
    except (OSError, stored.StoredModelError, DBAPIError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return model_of(kb), (f"the diagnosis model stored with this knowledge base cannot "
                              f"be read ({reason}); built it instead (a few seconds)")
    if model is None:
        return model_of(kb), ("this knowledge base was built without a stored diagnosis "
                              "model; built it now (a few seconds); `rareinfo build` stores "
                              "one")
    model.term_records = kb.phenotype_terms
    return model, None


def _stored_model(kb: KnowledgeBase) -> PhenotypeModel | None:
    with kb.engine.connect() as conn:
        token = conn.execute(select(schema.snapshot_info.c.value).where(
            schema.snapshot_info.c.key == INFO_KEY)).scalar()
        if token is None:
            return None
        if token == IN_SCHEMA:
            m = schema.diagnosis_model
            parts = conn.execute(select(m.c.data).order_by(m.c.part)).scalars().all()
            return stored.from_bytes(b"".join(parts))
    if kb.engine.dialect.name == "postgresql" or not is_token(str(token)):
        raise stored.StoredModelError(f"unknown stored model {token!r}")
    return stored.read_file(model_directory(kb.url) / f"{token}{SUFFIX}")

