"""The in-memory search index as stored bytes: built once per snapshot, loaded by every process.

Building the index from a snapshot's search entries normalises and sorts ~250k texts and
precomputes the best entries of every heavy prefix: seconds of CPU, a minute on a loaded
machine. Loading it back is unpickling the finished structures, with the garbage collector
paused (the index holds about a million objects and no cycles).

The bytes are: a header (magic, length of a JSON index), the JSON index (the format stamp
and the snapshot's token) and the index's attributes as successive pickles of one pickler,
so they share one memo (a word is stored once, however many structures hold it). One
unpickling holds the GIL throughout; loading attribute by attribute lets a server answer
other requests between them while it loads in a thread (at most ~0.2 s apart).

The pickles depend on the classes of the index, on the normalisation and ranking code
whose results it holds and on the Python version, so a stored index carries a stamp of
them (:func:`format_stamp`); one stamped by other code, or made for another snapshot, is
refused and the caller builds the index afresh. As for the stored diagnosis model, the
bytes are written by the same installation that reads them, beside the snapshot: no more
trusted, and no less, than the snapshot itself.
"""

from __future__ import annotations

import hashlib
import io
import json
import pickle
import struct
import sys
from functools import cache
from pathlib import Path

from rareinfo.search.memory import SearchIndex, paused_gc

_HEADER = struct.Struct("<8sQ")  # magic, length of the JSON index that follows
_MAGIC = b"RISEARCH"
# The modules whose code decides what a built index holds: a change to any of them changes
# the stamp. The search entries themselves belong to the snapshot.
_SOURCES = ("curie.py", "normalize.py", "search/base.py", "search/memory.py",
            "search/postings.py", "search/ranking.py", "search/stored.py")


class StoredIndexError(ValueError):
    """Stored index bytes that this installation cannot use for this snapshot."""


@cache
def format_stamp() -> str:
    """A digest of the code and Python version a stored index depends on."""
    digest = hashlib.sha256(f"python {sys.version_info[:2]}".encode())
    package = Path(__file__).resolve().parent.parent
    for name in _SOURCES:
        digest.update((package / name).read_bytes())
    return digest.hexdigest()[:16]


def to_bytes(index: SearchIndex, token: str) -> bytes:
    """The index as one blob, marked as the index of the snapshot ``token``."""
    state = index.__getstate__()
    body = io.BytesIO()
    pickler = pickle.Pickler(body, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dump(len(state))
    for item in state.items():
        pickler.dump(item)
    header = json.dumps({"stamp": format_stamp(), "snapshot": token}).encode()
    return _HEADER.pack(_MAGIC, len(header)) + header + body.getvalue()


def from_bytes(data: bytes, token: str) -> SearchIndex:
    """The index stored by :func:`to_bytes` for the snapshot ``token``."""
    view = memoryview(data)
    if len(view) < _HEADER.size:
        raise StoredIndexError("stored search index is truncated")
    magic, length = _HEADER.unpack(view[:_HEADER.size])
    if magic != _MAGIC:
        raise StoredIndexError("not a stored search index")
    try:
        header = json.loads(bytes(view[_HEADER.size:_HEADER.size + length]))
    except ValueError as exc:
        raise StoredIndexError("stored search index is damaged") from exc
    if header.get("stamp") != format_stamp():
        raise StoredIndexError("stored search index was made by another version of rareinfo "
                               "or Python")
    if header.get("snapshot") != token:
        raise StoredIndexError("stored search index belongs to another snapshot")
    unpickler = pickle.Unpickler(io.BytesIO(view[_HEADER.size + length:]))
    state: dict[str, object] = {}
    try:
        with paused_gc():
            for _ in range(unpickler.load()):
                name, value = unpickler.load()
                state[name] = value
    except (pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError) as exc:
        raise StoredIndexError(f"stored search index is damaged ({type(exc).__name__})") from exc
    if set(state) != set(SearchIndex().__getstate__()):
        raise StoredIndexError("stored bytes hold no search index")
    index = SearchIndex.__new__(SearchIndex)
    index.__setstate__(state)
    return index


def read_file(path: Path, token: str) -> SearchIndex:
    """Load the stored index of the snapshot ``token`` from a file."""
    return from_bytes(path.read_bytes(), token)
