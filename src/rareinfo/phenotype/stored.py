"""The diagnosis model as stored bytes: computed once per snapshot, mapped by every process.

A model is pickled (protocol 5) with every NumPy array kept out of band: the pickle holds
the structure (names, identifiers, small dictionaries), and the arrays' bytes follow it in
one blob, each at a 64-byte aligned offset. Reading maps the blob and hands the arrays to
the unpickler as views of that mapping, so a process starts diagnosing after reading the
small pickle, whatever the size of the arrays, and several processes share the pages.
SciPy's sparse matrices are pickled as their arrays and read back as
``rareinfo.phenotype.compressed.CompressedMatrix``, so reading a model, ranking and
explaining with its stored scorer never import SciPy (a quarter of a second per process).

The pickle depends on the classes of this package and on NumPy and SciPy, so a stored
model carries a stamp of them (``format_stamp``); a model stamped by other code is not
read, and the caller builds one afresh. The bytes are written by the build of the same
installation that reads them: no more trusted, and no less, than the snapshot itself.
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import json
import mmap
import pickle
import struct
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from rareinfo.phenotype.compressed import reduce_sparse
from rareinfo.phenotype.likelihood import LikelihoodRatio
from rareinfo.phenotype.model import DEFAULT_METHOD, PhenotypeModel

ALIGN = 64
_HEADER = struct.Struct("<8sQ")  # magic, length of the JSON index that follows
_MAGIC = b"RIMODEL1"
# The modules whose classes a stored model is made of: a change to any of them changes the
# stamp. The symptom-text index is not stored (it is built on first use of plain words).
_SOURCES = ("curie.py", "records.py", "phenotype/compressed.py", "phenotype/genes.py",
            "phenotype/likelihood.py",
            "phenotype/matrices.py", "phenotype/model.py", "phenotype/mondo_links.py",
            "phenotype/mondo_links.tsv", "phenotype/ontology.py",
            "phenotype/scoring.py", "phenotype/stored.py", "phenotype/term_rows.py")


class StoredModelError(ValueError):
    """Stored model bytes that cannot be read by this installation."""


@cache
def format_stamp() -> str:
    """A digest of the code and library versions a stored model depends on."""
    digest = hashlib.sha256(f"numpy {np.__version__} scipy {_scipy_version()}".encode())
    package = Path(__file__).resolve().parent.parent
    for name in _SOURCES:
        digest.update((package / name).read_bytes())
    return digest.hexdigest()[:16]


def _scipy_version() -> str:
    """SciPy's version file as text, read without importing SciPy (a fortieth of a batch
    process's time); its version otherwise."""
    spec = importlib.util.find_spec("scipy")
    for location in (spec.submodule_search_locations or []) if spec is not None else []:
        version = Path(location) / "version.py"
        if version.is_file():
            return version.read_text(encoding="utf-8")
    import scipy

    return str(scipy.__version__)


def prepared(model: PhenotypeModel) -> PhenotypeModel:
    """The model with its default scorer's arrays (and its terms' rows) computed, ready to
    be stored."""
    scorer = model.scorer(DEFAULT_METHOD)
    if isinstance(scorer, LikelihoodRatio):
        scorer.prepare_rows()
    return model


def to_bytes(model: PhenotypeModel) -> bytes:
    """The model (with its default scorer) as one blob: index, pickle, aligned arrays."""
    buffers: list[pickle.PickleBuffer] = []
    sink = io.BytesIO()
    _Pickler(sink, protocol=5, buffer_callback=buffers.append).dump(prepared(model))
    structure = sink.getvalue()
    views = [buffer.raw() for buffer in buffers]
    offsets: list[int] = []
    position = _aligned(len(structure))
    for view in views:
        offsets.append(position)
        position = _aligned(position + view.nbytes)
    index = json.dumps({"stamp": format_stamp(), "pickle": len(structure),
                        "arrays": [[o, v.nbytes] for o, v in zip(offsets, views, strict=True)]
                        }).encode()
    head = _HEADER.pack(_MAGIC, len(index)) + index
    start = _aligned(len(head))
    blob = bytearray(start + position)
    blob[:len(head)] = head
    blob[start:start + len(structure)] = structure
    for offset, view in zip(offsets, views, strict=True):
        blob[start + offset:start + offset + view.nbytes] = view
    return bytes(blob)


def from_bytes(data: bytes | memoryview | mmap.mmap) -> PhenotypeModel:
    """The model stored by :func:`to_bytes`; its arrays are read-only views of ``data``."""
    view = memoryview(data)
    if len(view) < _HEADER.size:
        raise StoredModelError("stored diagnosis model is truncated")
    magic, length = _HEADER.unpack(view[:_HEADER.size])
    if magic != _MAGIC:
        raise StoredModelError("not a stored diagnosis model")
    index = json.loads(bytes(view[_HEADER.size:_HEADER.size + length]))
    if index["stamp"] != format_stamp():
        raise StoredModelError("stored diagnosis model was made by another version of "
                               "rareinfo or NumPy/SciPy")
    start = _aligned(_HEADER.size + length)
    structure = view[start:start + index["pickle"]]
    arrays: Sequence[memoryview] = [view[start + o:start + o + n] for o, n in index["arrays"]]
    if start + max((o + n for o, n in index["arrays"]), default=0) > len(view):
        raise StoredModelError("stored diagnosis model is truncated")
    model = pickle.loads(structure, buffers=arrays)
    if not isinstance(model, PhenotypeModel):
        raise StoredModelError("stored bytes hold no diagnosis model")
    return model


def write_file(model: PhenotypeModel, path: Path) -> None:
    """Store the model in a file (written beside it, then renamed into place)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.partial")
    partial.write_bytes(to_bytes(model))
    partial.replace(path)


def read_file(path: Path) -> PhenotypeModel:
    """Map a stored model file; the arrays stay on disk until touched (shared by processes)."""
    with path.open("rb") as handle:
        mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    # The arrays keep the mapping alive; it is released with the last of them.
    return from_bytes(mapped)


class _Pickler(pickle.Pickler):
    """Pickles SciPy's sparse matrices as their arrays (``rareinfo.phenotype.compressed``)."""

    def reducer_override(self, obj: Any) -> Any:
        """The arrays of a CSR or CSC matrix; NotImplemented (the usual way) otherwise."""
        reduced = reduce_sparse(obj)
        return NotImplemented if reduced is None else reduced


def _aligned(position: int) -> int:
    return (position + ALIGN - 1) // ALIGN * ALIGN
