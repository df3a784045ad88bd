"""Hypothesis strategies that damage a file the ways real downloads and exports get damaged.

A mutation is a pure function bytes -> bytes; strategies draw its parameters, so a failing
example shrinks to the smallest damage that breaks a reader.
"""

from __future__ import annotations

import codecs
import gzip
import re
from collections.abc import Callable

from hypothesis import strategies as st

Mutation = Callable[[bytes], bytes]


class Named:
    """A mutation with a readable repr, so a failing example says what was done."""

    def __init__(self, apply: Mutation, label: str) -> None:
        self._apply = apply
        self._label = label

    def __call__(self, data: bytes) -> bytes:
        return self._apply(data)

    def __repr__(self) -> str:
        return self._label if len(self._label) < 200 else self._label[:200] + "...)"

# Byte strings that mean something to one of the formats read, or to a decoder.
TOKENS: tuple[bytes, ...] = (
    b"\x00", b"\xff", b"\xc3", b"\xe9", b"\x80\x80", codecs.BOM_UTF8, codecs.BOM_UTF16_LE,
    b"\r", b"\r\n", b"\n", b"\t", b"\t\t", b",", b'"', b"'", b"\\", b"#", b":", b"!", b"{",
    b"}", b"[", b"]", b"[]", b"{}", b"null", b"true", b"-1", b"0", b"1e999", b"NaN",
    b"<", b">", b"</", b"/>", b"&", b"&amp;", b"&#0;", b"&bogus;", b"<![CDATA[", b"]]>",
    b"<!--", b"<?xml", b'<?xml version="1.0" encoding="ISO-8859-1"?>', b"<Disorder>",
    b"</Disorder>", b"<OrphaCode>", b"[Term]\n", b"[Typedef]\n", b"id: ", b"is_a: ",
    b"name: ", b'def: "', b"synonym: ", b"xref: ", "²".encode(), "٣".encode(), "Ⅻ".encode(),
    "\u2028".encode(), "\ud7ff".encode(), b"HP:", b"OMIM:", b"ORPHA:", b"MONDO:",
    b"GARD:", b"NCT", b"PMID", b"9" * 40, b"9" * 5000, b"-" * 300, b"A" * 70_000,
)


def _flip(index: int, mask: int) -> Mutation:
    def apply(data: bytes) -> bytes:
        if not data:
            return data
        i = index % len(data)
        return data[:i] + bytes([data[i] ^ mask]) + data[i + 1:]
    return Named(apply, f"flip({index}, {mask:#x})")


def _delete(start: int, length: int) -> Mutation:
    def apply(data: bytes) -> bytes:
        i = start % (len(data) + 1)
        return data[:i] + data[i + length:]
    return Named(apply, f"delete({start}, {length})")


def _insert(position: int, chunk: bytes) -> Mutation:
    def apply(data: bytes) -> bytes:
        i = position % (len(data) + 1)
        return data[:i] + chunk + data[i:]
    return Named(apply, f"insert({position}, {chunk!r})")


def _truncate(position: int) -> Mutation:
    def apply(data: bytes) -> bytes:
        return data[: position % (len(data) + 1)]
    return Named(apply, f"truncate({position})")


def _lines(op: str, first: int, second: int) -> Mutation:
    def apply(data: bytes) -> bytes:
        lines = data.splitlines(keepends=True)
        if not lines:
            return data
        i, j = first % len(lines), second % len(lines)
        if op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "remove":
            del lines[i]
        else:
            lines[i], lines[j] = lines[j], lines[i]
        return b"".join(lines)
    return Named(apply, f"lines({op!r}, {first}, {second})")


_DIGITS = re.compile(rb"\d+")


def _huge_number(which: int, digits: int) -> Mutation:
    """Replace one run of digits with an enormous number."""
    def apply(data: bytes) -> bytes:
        runs = list(_DIGITS.finditer(data))
        if not runs:
            return data
        found = runs[which % len(runs)]
        return data[: found.start()] + b"9" * digits + data[found.end():]
    return Named(apply, f"huge_number({which}, {digits})")


def _reencode(how: str) -> Mutation:
    def apply(data: bytes) -> bytes:
        text = data.decode("utf-8", errors="replace")
        if how == "latin-1":
            return text.encode("latin-1", errors="replace")
        if how == "utf-16":
            return text.encode("utf-16")
        if how == "bom":
            return codecs.BOM_UTF8 + data
        return data.replace(b"\n", b"\r\n") if how == "crlf" else data.replace(b" ", b"\x00")
    return Named(apply, f"reencode({how!r})")


def _empty(data: bytes) -> bytes:
    return b""


def _gunzipped(inner: Mutation) -> Mutation:
    """Apply ``inner`` to the decompressed content of a gzip file and compress again."""
    def apply(data: bytes) -> bytes:
        try:
            plain = gzip.decompress(data)
        except (OSError, EOFError):
            return inner(data)
        return gzip.compress(inner(plain), mtime=0)
    return Named(apply, f"gunzipped({inner!r})")


def _compose(steps: list[Mutation]) -> Mutation:
    def apply(data: bytes) -> bytes:
        for step in steps:
            data = step(data)
        return data
    return Named(apply, f"compose({steps!r})")


positions = st.integers(min_value=0, max_value=1 << 24)
chunks = st.one_of(st.sampled_from(TOKENS), st.binary(min_size=1, max_size=48))

one_mutation: st.SearchStrategy[Mutation] = st.one_of(
    st.builds(_flip, positions, st.integers(min_value=1, max_value=255)),
    st.builds(_delete, positions, st.integers(min_value=1, max_value=400)),
    st.builds(_insert, positions, chunks),
    st.builds(_truncate, positions),
    st.builds(_lines, st.sampled_from(("duplicate", "remove", "swap")), positions, positions),
    st.builds(_huge_number, positions, st.sampled_from((20, 400, 5000))),
    st.builds(_reencode, st.sampled_from(("latin-1", "utf-16", "bom", "crlf", "nul"))),
    st.just(Named(_empty, "empty")),
)


@st.composite
def file_mutations(draw: st.DrawFn, *, gzipped: bool = False) -> Mutation:
    """One to three mutations of a whole file (of its content too, when it is gzip)."""
    steps = draw(st.lists(one_mutation, min_size=1, max_size=3))
    mutation = _compose(steps)
    if gzipped and draw(st.booleans()):
        return _gunzipped(mutation)
    return mutation


line_damage: st.SearchStrategy[Mutation] = st.one_of(
    st.builds(_flip, positions, st.integers(min_value=1, max_value=255)),
    st.builds(_delete, positions, st.integers(min_value=1, max_value=200)),
    st.builds(_insert, positions, chunks),
    st.builds(_truncate, positions),
    st.builds(_huge_number, positions, st.sampled_from((20, 5000))),
    st.builds(_reencode, st.sampled_from(("latin-1", "nul"))),
    st.binary(max_size=80).map(lambda junk: Named(lambda _data: junk, f"replace({junk!r})")),
)
