"""A stored sparse matrix that a diagnosis reads without importing SciPy.

Importing ``scipy.sparse`` costs a process more than importing NumPy (about a quarter
of a second of CPU: SciPy builds an array-API copy of NumPy's namespace). A stored model
(``rareinfo.phenotype.stored``) therefore keeps each SciPy CSR or CSC matrix as a
``CompressedMatrix``: its ``indptr``, ``indices``, ``data`` and ``shape``, which is all
that ranking and explaining with the stored scorer read. Anything else asked of it (a
method, an operator, slicing) builds the SciPy matrix from the same arrays, without
copying, and answers from it; ``materialize`` swaps the SciPy matrices into a model's
objects before code that computes with them (building another ranking method).

The SciPy matrix is made exactly as unpickling one does (the class's ``__new__``, then its
attributes), so it is the matrix that was stored.
"""

from __future__ import annotations

import importlib
from typing import Any

import numpy as np
from numpy.typing import NDArray

_LEAVES = (str, bytes, int, float, np.ndarray)  # hold no matrix: not walked
_SCIPY_FORMATS = {("scipy.sparse._csr", "csr_matrix"), ("scipy.sparse._csc", "csc_matrix")}


class CompressedMatrix:
    """A CSR or CSC matrix's arrays, standing in for the SciPy matrix until it is needed."""

    __slots__ = ("_kind", "_matrix", "_state", "data", "indices", "indptr", "shape")

    def __init__(self, module: str, name: str, state: dict[str, Any]) -> None:
        if (module, name) not in _SCIPY_FORMATS:
            raise ValueError(f"not a stored sparse matrix class: {module}.{name}")
        self._kind = (module, name)
        self._state = state
        self._matrix: Any = None
        self.data: NDArray[Any] = state["data"]
        self.indices: NDArray[Any] = state["indices"]
        self.indptr: NDArray[Any] = state["indptr"]
        self.shape: tuple[int, int] = (int(state["_shape"][0]), int(state["_shape"][1]))

    @property
    def format(self) -> str:
        """"csr" or "csc", as SciPy names it."""
        return "csr" if self._kind[1] == "csr_matrix" else "csc"

    @property
    def dtype(self) -> np.dtype[Any]:
        """The type of the stored values."""
        return self.data.dtype

    @property
    def nnz(self) -> int:
        """Number of stored values."""
        return int(self.indptr[-1])

    def scipy(self) -> Any:
        """The SciPy matrix over the same arrays (built on first call, then kept)."""
        if self._matrix is None:
            module, name = self._kind
            cls = getattr(importlib.import_module(module), name)
            matrix = cls.__new__(cls)
            matrix.__dict__.update(self._state)
            self._matrix = matrix
        return self._matrix

    def __reduce__(self) -> tuple[Any, ...]:
        return restore, (*self._kind, self._state)

    def __getattr__(self, name: str) -> Any:
        # only reached for what the arrays above do not answer: SciPy answers it
        if name.startswith("__") or name in CompressedMatrix.__slots__:
            raise AttributeError(name)
        return getattr(self.scipy(), name)

    def __getitem__(self, key: Any) -> Any:
        return self.scipy()[key]

    def __matmul__(self, other: Any) -> Any:
        return self.scipy() @ _plain(other)

    def __rmatmul__(self, other: Any) -> Any:
        return _plain(other) @ self.scipy()

    def __mul__(self, other: Any) -> Any:
        return self.scipy() * _plain(other)

    def __rmul__(self, other: Any) -> Any:
        return _plain(other) * self.scipy()

    def __add__(self, other: Any) -> Any:
        return self.scipy() + _plain(other)

    def __radd__(self, other: Any) -> Any:
        return _plain(other) + self.scipy()

    def __sub__(self, other: Any) -> Any:
        return self.scipy() - _plain(other)

    def __rsub__(self, other: Any) -> Any:
        return _plain(other) - self.scipy()

    def __neg__(self) -> Any:
        return -self.scipy()


def restore(module: str, name: str, state: dict[str, Any]) -> CompressedMatrix:
    """Unpickling a stored sparse matrix: its arrays, SciPy left unimported."""
    return CompressedMatrix(module, name, state)


def reduce_sparse(matrix: Any) -> tuple[Any, ...] | None:
    """How a stored model pickles a SciPy CSR or CSC matrix (None for anything else)."""
    kind = (type(matrix).__module__, type(matrix).__name__)
    if kind not in _SCIPY_FORMATS:
        return None
    return restore, (*kind, dict(matrix.__dict__))


def _plain(value: Any) -> Any:
    return value.scipy() if isinstance(value, CompressedMatrix) else value


def materialize(root: object) -> None:
    """Replace every ``CompressedMatrix`` reachable from ``root``'s attributes (through
    objects, tuples, lists and dicts) by its SciPy matrix, in place."""
    seen: set[int] = set()
    pending: list[object] = [root]
    while pending:
        item = pending.pop()
        if id(item) in seen or isinstance(item, _LEAVES):
            continue
        seen.add(id(item))
        if isinstance(item, dict):
            for key, value in item.items():
                if isinstance(value, CompressedMatrix):
                    item[key] = value.scipy()
                elif not isinstance(value, _LEAVES):
                    pending.append(value)
            continue
        if isinstance(item, list):
            for position, value in enumerate(item):
                if isinstance(value, CompressedMatrix):
                    item[position] = value.scipy()
                elif not isinstance(value, _LEAVES):
                    pending.append(value)
            continue
        if isinstance(item, tuple):
            pending.extend(v for v in item if not isinstance(v, _LEAVES))
            continue
        for name in _attribute_names(item):
            value = getattr(item, name, None)
            if isinstance(value, CompressedMatrix):
                object.__setattr__(item, name, value.scipy())  # frozen dataclasses too
            elif value is not None:
                pending.append(value)


def _attribute_names(item: object) -> list[str]:
    """The instance attributes of an object of this package (others are not walked)."""
    if not type(item).__module__.startswith("rareinfo."):
        return []
    names = list(getattr(item, "__dict__", {}))
    for klass in type(item).__mro__:
        names.extend(getattr(klass, "__slots__", ()))
    return names
