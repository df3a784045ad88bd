"""Local source files: finding them, compression, text encoding and tab-separated tables.

Shared by the Mondo (SSSOM, KGX edges, obsoletes) and GARD (pyobo TSV, JSON) readers.
A file may be gzip-compressed whatever its name: compression is recognised by content.
Text that is not UTF-8 is read as Windows-1252 (what mis-encoded files of this field
almost always are) and reported, never fatal.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import re
import zlib
from collections.abc import Callable, Generator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

FALLBACK_ENCODING = "cp1252"
SNIFF_BYTES = 65_536
_GZIP_MAGIC = b"\x1f\x8b"
_BOM = "\ufeff"
# Files a download leaves beside the data (base.download): never source data themselves.
_SIDECAR_SUFFIXES = (".meta.json", ".part")
_DATE_RE = re.compile(r"(?<!\d)(\d{4})-(\d{2})(?:-(\d{2}))?(?!\d)")
# What reading a truncated or damaged (gzip) file raises.
CORRUPT: tuple[type[Exception], ...] = (EOFError, OSError, zlib.error)
_CORRUPT = CORRUPT


def is_gzip(path: Path) -> bool:
    """True when the file is gzip-compressed, whatever its name says."""
    with path.open("rb") as handle:
        return handle.read(2) == _GZIP_MAGIC


def open_binary(path: Path) -> io.BufferedIOBase:
    """Open a file for reading bytes, transparently decompressing gzip."""
    if is_gzip(path):
        return gzip.open(path, "rb")
    return path.open("rb")


def sniff(path: Path, size: int = SNIFF_BYTES) -> str:
    """The first ``size`` bytes of a file as text (decompressed), or "" if unreadable.

    A cut or damaged gzip file gives what it holds before the damage, so that it is still
    recognised, and its reader reports the damage instead of the file going unnoticed.
    """
    try:
        with path.open("rb") as handle:
            head = _gunzip_head(handle, size) if is_gzip(path) else handle.read(size)
    except OSError:
        return ""
    return head.decode("utf-8", errors="replace").removeprefix(_BOM)


def _gunzip_head(handle: io.BufferedIOBase, size: int) -> bytes:
    """Up to ``size`` decompressed bytes: all a truncated or damaged stream gives."""
    unzip = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = bytearray()
    while len(out) < size:
        if unzip.eof:  # another gzip member may follow
            data = unzip.unused_data or handle.read(SNIFF_BYTES)
            unzip = zlib.decompressobj(16 + zlib.MAX_WBITS)
        else:
            data = unzip.unconsumed_tail or handle.read(SNIFF_BYTES)
        if not data:
            break
        try:
            out += unzip.decompress(data, size - len(out))
        except zlib.error:
            break
    return bytes(out)


def gzip_complete(path: Path) -> bool:
    """False when a gzip file's stream stops before its end-of-stream marker."""
    unzip = zlib.decompressobj(16 + zlib.MAX_WBITS)
    with path.open("rb") as handle:
        if handle.read(2) != b"\x1f\x8b":
            return True  # not gzip: nothing to tell
        handle.seek(0)
        try:
            while chunk := handle.read(1 << 20):
                while chunk:
                    unzip.decompress(chunk, 1 << 22)
                    if not unzip.eof:
                        chunk = unzip.unconsumed_tail
                        continue
                    chunk = unzip.unused_data.lstrip(b"\0")  # gzip allows zero padding
                    if chunk:  # another gzip member follows
                        unzip = zlib.decompressobj(16 + zlib.MAX_WBITS)
        except zlib.error:
            return False
    return unzip.eof


@dataclass(frozen=True, slots=True)
class Decoded:
    """A whole file as text; ``bad_line`` is where it stopped being UTF-8, if it did."""

    text: str
    bad_line: int | None = None


def load_text(path: Path) -> Decoded:
    """Read a whole (possibly compressed) file as text: UTF-8 with or without a BOM."""
    with open_binary(path) as handle:
        data = handle.read()
    try:
        return Decoded(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return Decoded(data.decode(FALLBACK_ENCODING, errors="replace"), line)


def encoding_message(lines: int, first: int) -> str:
    """The problem text for lines that were not UTF-8."""
    return f"{lines} line(s) not UTF-8 (first at line {first}); read as Windows-1252"


@dataclass(frozen=True, slots=True)
class Header:
    """The top of a table: leading ``#`` lines (without the ``#``) and the column names."""

    metadata: tuple[str, ...]
    columns: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Row:
    """One data line of a table, by column name."""

    line: int
    values: dict[str, str]


@dataclass(frozen=True, slots=True)
class RowError:
    """A line (or a whole file) that could not be read as a row."""

    line: int
    message: str


def iter_tsv(path: Path) -> Generator[Header | Row | RowError, None, None]:
    """Yield the table's Header first, then a Row or RowError per non-blank data line."""
    metadata: list[str] = []
    columns: tuple[str, ...] | None = None
    bad_lines, first_bad, number = 0, 0, 0
    corrupt: RowError | None = None
    try:
        with open_binary(path) as handle:
            for number, raw in enumerate(handle, start=1):
                text, ok = _decode_line(raw, first=number == 1)
                if not ok:
                    bad_lines += 1
                    first_bad = first_bad or number
                if not text.strip():
                    continue
                if columns is None:
                    if text.startswith("#"):
                        metadata.append(text[1:])
                        continue
                    columns = tuple(c.strip() for c in text.split("\t"))
                    yield Header(tuple(metadata), columns)
                    continue
                yield _row(number, text, columns)
    except _CORRUPT as exc:
        corrupt = RowError(number + 1, f"file is truncated or corrupt: {exc}")
    if columns is None:
        yield Header(tuple(metadata), ())
    if corrupt is not None:
        yield corrupt
    if bad_lines:
        yield RowError(first_bad, encoding_message(bad_lines, first_bad))


def read_header(path: Path) -> Header:
    """Only the Header of a table (for its metadata), reading no further."""
    with contextlib.closing(iter_tsv(path)) as items:
        first = next(items)
    return first if isinstance(first, Header) else Header((), ())


def _decode_line(raw: bytes, *, first: bool) -> tuple[str, bool]:
    try:
        text, ok = raw.decode("utf-8"), True
    except UnicodeDecodeError:
        text, ok = raw.decode(FALLBACK_ENCODING, errors="replace"), False
    if first:
        text = text.removeprefix(_BOM)
    return text.rstrip("\r\n"), ok


def _row(number: int, text: str, columns: tuple[str, ...]) -> Row | RowError:
    fields = text.split("\t")
    if len(fields) != len(columns):
        return RowError(number, f"expected {len(columns)} tab-separated columns, "
                                f"found {len(fields)}")
    return Row(number, dict(zip(columns, fields, strict=True)))


def find_date(text: str) -> tuple[str, date] | None:
    """The first ISO date (YYYY-MM-DD or YYYY-MM) in a name or version string."""
    for match in _DATE_RE.finditer(text):
        year, month, day = match.group(1), match.group(2), match.group(3)
        try:
            return match.group(0), date(int(year), int(month), int(day or 1))
        except ValueError:
            continue
    return None


def source_files(path: Path) -> list[Path]:
    """The data files of a path: itself, or every file below a directory (sorted)."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        return []
    return sorted(
        item for item in path.rglob("*")
        if item.is_file()
        and not any(part.startswith(".") for part in item.relative_to(path).parts)
        and not item.name.endswith(_SIDECAR_SUFFIXES)
    )


def locate(directory: Path, subdir: str, recognise: Callable[[Path], object]) -> Path | None:
    """Where a source's files are: ``directory/subdir`` or ``directory`` itself, else None.

    ``recognise`` returns something truthy for a file that belongs to the source.
    """
    for candidate in (directory / subdir, directory):
        if any(recognise(item) for item in source_files(candidate)):
            return candidate
    return None
