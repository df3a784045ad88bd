"""FDA orphan drug designations and approvals (the OOPD database export, xlsx or csv).

The export is what the FDA's "Search Orphan Drug Designations and Approvals" page gives
from "Export to Excel": one row per designation, or per approval when a designation was
approved more than once. The real files have quirks this reader absorbs:

- dates as Excel dates, "03/17/2026", "9/05/17" (two-digit years), "2026-03-17" or
  "17-Mar-2026";
- padded cells (zip codes stored as "' 08002 ' "), empty rows, footnote rows ("Note: ...");
- columns renamed or added between releases ("Date Designation Withdrawn or Revoked"
  appeared after 2022): headers are matched by alias, not position;
- CSV copies that are not UTF-8 (read as Windows-1252);
- text damaged inside the FDA's own export, where a Latin-1 letter swallowed the two
  characters after it ("Beh祴s" for "Behçet’s", "S麡ry" for "Sézary"): repaired, the
  apostrophe the damage dropped before a possessive "s" restored, and reported as a
  problem so the damage stays visible.

A directory may hold several exports; the newest (date in the file name, xlsx before csv
for the same date) is read, since every release repeats all earlier approvals.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl  # type: ignore[import-untyped]  # no type information is published

from rareinfo.records import OrphanDesignation, Problem, Record, SourceRelease
from rareinfo.sources import tabular
from rareinfo.sources.base import DownloadError, SourceInfo, download

NAME = "fda_orphan"
SEARCH_URL = "https://www.accessdata.fda.gov/scripts/opdlisting/oopd/index.cfm"
EXPORT_NAME = "oopd_export.xlsx"

INFO = SourceInfo(
    name=NAME,
    title="FDA Orphan Drug Designations and Approvals",
    homepage=SEARCH_URL,
    licence="Public domain (US government work)",
    attribution=(
        "Orphan drug designations and approvals from the U.S. Food and Drug Administration, "
        "Office of Orphan Products Development (OOPD) database."
    ),
    downloads=(SEARCH_URL,),
    minimum_counts=(("orphan designations", 1_000),),
    build_order=50,
)

# Header aliases, compared without case, spaces or punctuation. A header matches a field
# when it equals an alias or starts with one ending in "*" (the long exclusivity header).
_ALIASES: dict[str, tuple[str, ...]] = {
    "generic_name": ("genericname", "generic", "drugname", "productname", "activeingredient"),
    "trade_name": ("tradename", "brandname", "proprietaryname"),
    "designated": ("datedesignated", "designationdate", "dateofdesignation"),
    "designation": ("orphandesignation", "designation", "designatedindication",
                    "designateduse"),
    "designation_status": ("orphandesignationstatus", "designationstatus"),
    "withdrawn": ("datedesignationwithdrawnorrevoked", "datewithdrawnorrevoked",
                  "datewithdrawn", "withdrawndate"),
    "approval_status": ("fdaorphanapprovalstatus", "orphanapprovalstatus", "approvalstatus"),
    "approved_indication": ("approvedlabeledindication", "approvedindication",
                            "labeledindication"),
    "approved": ("marketingapprovaldate", "approvaldate", "dateofapproval",
                 "dateapproved"),
    "exclusivity_end": ("exclusivityenddate", "orphanexclusivityenddate", "exclusivityend"),
    "exclusive_indication": ("exclusivityprotectedindication*",),
    "sponsor": ("sponsorcompany", "sponsor", "sponsorname", "company"),
    "sponsor_country": ("sponsorcountry", "country"),
    "designation_id": ("cfgridkey", "gridkey", "designationid"),
}
_REQUIRED = ("generic_name", "designation")
_DATE_FIELDS = ("designated", "withdrawn", "approved", "exclusivity_end")
_MONTHS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
    start=1)}
_SLASH_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")
_NAMED_DATE = re.compile(r"^(\d{1,2})[- ]([A-Za-z]{3})[a-z]*\.?[- ,]+(\d{2}|\d{4})$")
_US_NAMED_DATE = re.compile(r"^([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})$")
# The Orphan Drug Act dates from 1983: a two-digit year of 83 or more is in the 1900s.
_CENTURY_PIVOT = 83
_EXCEL_EPOCH = date(1899, 12, 30)
_PADDING = " '\"\t\r\n\u00a0"
_PREAMBLE_ROWS = 10
_FOOTNOTE = re.compile(r"^\s*(note|\*)\b", re.IGNORECASE)
# What openpyxl raises on a damaged workbook: the zip layer (bad CRC, broken deflate
# stream), the XML layer (ParseError is a SyntaxError) or its own reading of the parts.
_XLSX_DAMAGE: tuple[type[Exception], ...] = (
    OSError, EOFError, zipfile.BadZipFile, zlib.error, SyntaxError, KeyError, ValueError,
    TypeError, IndexError, AttributeError, NotImplementedError, RuntimeError)


@dataclass(frozen=True, slots=True)
class _Export:
    path: Path
    form: str  # "xlsx" or "csv"
    version: str | None
    released: date | None


def fetch(cache_dir: Path, *, base_url: str | None = None, url: str | None = None) -> Path:
    """Download an OOPD export from ``url`` (or ``base_url``/oopd_export.xlsx) into the cache.

    The FDA serves the export only as the answer to its search form, so there is no fixed
    official URL to fetch: save it from the search page, or mirror it and give its URL.
    """
    source = url or (f"{base_url.rstrip('/')}/{EXPORT_NAME}" if base_url else None)
    if source is None:
        raise DownloadError(
            f"the FDA orphan drug export has no fixed download URL: open {SEARCH_URL}, "
            "search all designations and approvals, choose Export to Excel, then load the "
            "file with --from (or pass its URL)")
    target = cache_dir / NAME
    name = source.rsplit("/", 1)[-1] or EXPORT_NAME
    download(source, target / name)
    return target


def export_form(path: Path) -> str | None:
    """"xlsx" or "csv" when the file is an OOPD export (recognised by its headers), else None."""
    if path.name.endswith((".meta.json", ".part")):
        return None
    workbook_name = path.name.lower().endswith(".xlsx")
    if zipfile.is_zipfile(path) or workbook_name:
        try:
            cells = _xlsx_header(path)
        except _XLSX_DAMAGE:
            # A damaged workbook named as one (a cut download) is read, to be reported.
            return "xlsx" if workbook_name else None
        return "xlsx" if cells is not None and _columns(cells) is not None else None
    for line in tabular.sniff(path, 16_384).splitlines()[:_PREAMBLE_ROWS]:
        try:
            header = next(csv.reader([line]))
        except (csv.Error, StopIteration):
            return None
        if _columns(header) is not None:
            return "csv"
    return None


def locate(directory: Path) -> Path | None:
    """The OOPD exports in a data directory: ``DIR/fda``, ``DIR/fda_orphan`` or ``DIR``."""
    for candidate in (directory / "fda", directory / NAME, directory):
        if any(export_form(item) for item in tabular.source_files(candidate)):
            return candidate
    return None


def read(path: Path) -> Iterator[Record]:
    """Yield the release, then one OrphanDesignation per row of the newest export."""
    exports = _exports(path)
    if not exports:
        raise FileNotFoundError(
            f"no FDA orphan drug export (xlsx or csv with Generic Name and Orphan Designation "
            f"columns) in {path}; save one from {SEARCH_URL} and point --from at it")
    export = exports[0]
    yield SourceRelease(NAME, export.version or "unknown", export.released, str(export.path))
    rows = _xlsx_rows(export.path) if export.form == "xlsx" else _csv_rows(export.path)
    yield from _records(rows, export.path.name)


def _exports(path: Path) -> list[_Export]:
    found = []
    for item in tabular.source_files(path):
        form = export_form(item)
        if form is not None:
            dated = tabular.find_date(item.name)
            found.append(_Export(item, form, *(dated or (None, None))))
    # Newest first; for one date, the xlsx (the FDA's own form) before a converted csv.
    return sorted(found, key=lambda e: (e.released or date.min, e.form == "xlsx"),
                  reverse=True)


# Rows: (location, cells) pairs, the header first, cells as the file holds them.
_Row = tuple[str, list[object]]


def _xlsx_header(path: Path) -> list[object] | None:
    """The first non-blank row of the first sheet; raises one of _XLSX_DAMAGE if damaged."""
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        for row in workbook.worksheets[0].iter_rows(values_only=True):
            if any(cell not in (None, "") for cell in row):
                return list(row)
        return None
    finally:
        workbook.close()


def _xlsx_rows(path: Path) -> Iterator[_Row]:
    # read_only streams rows from the sheet XML instead of loading the whole workbook.
    number = 0
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except _XLSX_DAMAGE as exc:
        yield path.name, [Problem(NAME, path.name, f"workbook unreadable: {_damage(exc)}")]
        return
    try:
        sheet = workbook.worksheets[0]
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield f"{path.name}:{number}", list(row)
    except _XLSX_DAMAGE as exc:
        where = f"{path.name}:{number + 1}"
        yield where, [Problem(NAME, where, f"workbook unreadable from row {number + 1} "
                                           f"(damaged file?): {_damage(exc)}")]
    finally:
        workbook.close()


def _damage(exc: Exception) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def _csv_rows(path: Path) -> Iterator[_Row]:
    try:
        decoded = tabular.load_text(path)
    except tabular.CORRUPT as exc:
        yield path.name, [Problem(NAME, path.name, f"file unreadable (truncated download?): "
                                                   f"{exc}")]
        return
    if decoded.bad_line is not None:
        yield f"{path.name}:{decoded.bad_line}", [Problem(
            NAME, f"{path.name}:{decoded.bad_line}", "not UTF-8; read as Windows-1252")]
    reader = csv.reader(io.StringIO(decoded.text, newline=""))
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            # The reader starts afresh on the next line: one bad row (a NUL, a field over
            # the csv module's size limit) is reported, the rows after it are still read.
            yield f"{path.name}:{reader.line_num}", [Problem(
                NAME, f"{path.name}:{reader.line_num}", f"unreadable CSV: {exc}")]
            continue
        yield f"{path.name}:{reader.line_num}", list(row)


def _normal_header(cell: object) -> str:
    return re.sub(r"[^a-z0-9*]", "", str(cell or "").lower()).rstrip("*")


def _columns(header: Iterable[object]) -> dict[str, int] | None:
    """Field -> column index, when the header names at least the required fields."""
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        name = _normal_header(cell)
        for field, aliases in _ALIASES.items():
            if field not in columns and any(
                    name.startswith(a[:-1]) if a.endswith("*") else name == a for a in aliases):
                columns[field] = index
                break
    return columns if all(field in columns for field in _REQUIRED) else None


def _records(rows: Iterator[_Row], name: str) -> Iterator[OrphanDesignation | Problem]:
    columns: dict[str, int] | None = None
    seen: dict[str, str] = {}
    preamble = 0
    for where, cells in rows:
        if cells and isinstance(cells[0], Problem):
            yield cells[0]
            continue
        if columns is None:
            # Title lines may stand above the header: take the first row that names columns.
            columns = _columns(cells)
            preamble += 1
            if columns is None and preamble >= _PREAMBLE_ROWS:
                yield Problem(NAME, where, "no Generic Name and Orphan Designation headers")
                return
            continue
        if _blank_or_footnote(cells):
            continue
        yield from _row_records(cells, columns, where, seen)


def _blank_or_footnote(cells: list[object]) -> bool:
    texts = [_text(c) for c in cells]
    filled = [t for t in texts if t]
    return not filled or (len(filled) == 1 and bool(_FOOTNOTE.match(filled[0])))


def _row_records(cells: list[object], columns: dict[str, int], where: str,
                 seen: dict[str, str]) -> Iterator[OrphanDesignation | Problem]:
    values: dict[str, object] = {
        field: cells[index] if index < len(cells) else None for field, index in columns.items()}
    texts: dict[str, str | None] = {}
    for field, value in values.items():
        if field in _DATE_FIELDS:
            continue
        text, repaired = repair_mojibake(_text(value))
        if repaired:
            yield Problem(NAME, where, f"{field}: text damaged in the export; "
                                       f"read {_text(value)!r} as {text!r}")
        texts[field] = text or None
    dates: dict[str, date | None] = {}
    for field in _DATE_FIELDS:
        raw = values.get(field)
        dates[field] = parse_date(raw)
        if dates[field] is None and _text(raw):
            yield Problem(NAME, where, f"{field}: unreadable date {_text(raw)!r}")
    record = _designation(texts, dates, where)
    if isinstance(record, OrphanDesignation) and record.key in seen:
        yield Problem(NAME, where, f"repeats the row at {seen[record.key]}; skipped")
        return
    if isinstance(record, OrphanDesignation):
        seen[record.key] = where
    yield record


def _designation(texts: dict[str, str | None], dates: dict[str, date | None],
                 where: str) -> OrphanDesignation | Problem:
    generic, designation = texts.get("generic_name"), texts.get("designation")
    if not generic and texts.get("trade_name"):
        generic = texts["trade_name"]
    if not generic or not designation:
        return Problem(NAME, where, "row without a generic name or an orphan designation")
    status = (texts.get("designation_status") or "").lower()
    approval = (texts.get("approval_status") or "").lower()
    approved = dates["approved"] is not None or "approved" in status or "approved" in approval
    withdrawn = dates["withdrawn"] is not None or "withdrawn" in status or "revoked" in status
    return OrphanDesignation(
        source=NAME,
        key=_key(texts, dates),
        generic_name=generic,
        designation=designation,
        trade_name=texts.get("trade_name"),
        sponsor=texts.get("sponsor"),
        sponsor_country=texts.get("sponsor_country"),
        designated=dates["designated"],
        designation_status="withdrawn" if withdrawn else "designated",
        withdrawn=dates["withdrawn"],
        approval_status="approved" if approved else "designated",
        approved_indication=texts.get("approved_indication"),
        approved=dates["approved"],
        exclusivity_end=dates["exclusivity_end"],
        exclusive_indication=texts.get("exclusive_indication"),
        designation_id=texts.get("designation_id"),
    )


def _key(texts: dict[str, str | None], dates: dict[str, date | None]) -> str:
    """Designation id, approval date and a digest of the indications: stable across releases.

    One designation approved twice on one day for two indications gives two rows, so the
    approval date alone does not tell rows apart; the digest ignores case and spacing so a
    re-typed export keeps its keys.
    """
    def folded(text: str | None) -> str:
        return re.sub(r"[^a-z0-9]", "", (text or "").lower())

    approved = dates["approved"].isoformat() if dates["approved"] else "designated"
    basis = "|".join(folded(texts.get(f)) for f in
                     ("approved_indication", "exclusive_indication"))
    ident = texts.get("designation_id")
    if not ident:  # no grid key column: name the designation by what it is
        ident = "x" + hashlib.sha256("|".join(folded(texts.get(f)) for f in (
            "generic_name", "designation")).encode()).hexdigest()[:10]
        basis += "|" + (dates["designated"].isoformat() if dates["designated"] else "")
    return f"{ident}/{approved}/{hashlib.sha256(basis.encode()).hexdigest()[:8]}"


def _text(value: object) -> str:
    """A cell as clean text: padding quotes and spaces removed, whitespace collapsed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).strip(_PADDING).split())


def parse_date(value: object) -> date | None:
    """A date from an xlsx cell or any of the export's text forms; None when unreadable."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _excel_serial(float(value))
    text = _text(value)
    if not text:
        return None
    if text.replace(".", "", 1).isdecimal():  # not isdigit: float() refuses "²"
        return _excel_serial(float(text))
    try:
        return _parse_text_date(text)
    except ValueError:
        return None


def _parse_text_date(text: str) -> date | None:
    if match := _SLASH_DATE.match(text):
        month, day, year = match.groups()
        return date(_full_year(year), int(month), int(day))
    if match := _ISO_DATE.match(text):
        year, month, day = match.groups()
        return date(int(year), int(month), int(day))
    if match := _NAMED_DATE.match(text):
        day, month, year = match.groups()
        return date(_full_year(year), _month(month), int(day))
    if match := _US_NAMED_DATE.match(text):
        month, day, year = match.groups()
        return date(int(year), _month(month), int(day))
    return None


def _month(name: str) -> int:
    """The month of a three-letter name; ValueError for any other three letters."""
    number = _MONTHS.get(name.lower())
    if number is None:
        raise ValueError(f"{name!r} is not a month")
    return number


def _full_year(text: str) -> int:
    year = int(text)
    if len(text) == 4:
        return year
    return 1900 + year if year >= _CENTURY_PIVOT else 2000 + year


def _excel_serial(number: float) -> date | None:
    # Serial day numbers between 1950 and 2100; anything else is not a date.
    if not 18_264 <= number <= 73_051:
        return None
    return _EXCEL_EPOCH + timedelta(days=int(number))


def repair_mojibake(text: str) -> tuple[str, bool]:
    """Undo the export's damage where a Latin-1 letter swallowed the next characters.

    The FDA export read Windows-1252 bytes as UTF-8 lead and continuation bytes: "ç" (E7)
    followed by "et" became the three-byte character U+7974 "祴". Each continuation byte
    kept only its low six bits, so the lost characters are guessed: an ASCII letter first,
    else a Latin-1 letter, else the ASCII character. Returns (text, whether repaired).
    """
    if not any(_damaged(ch) for ch in text):
        return text, False
    out = []
    for i, ch in enumerate(text):
        if not _damaged(ch):
            out.append(ch)
            continue
        data = ch.encode("utf-8")
        out.append(chr(data[0]))
        out.extend(_guess(byte & 0x3F) for byte in data[1:])
        if _POSSESSIVE_S.match(text, i + 1):
            # The byte after the swallowed ones, a Windows-1252 right quote (0x92), was a
            # stray continuation byte the export dropped: "Beh祴s" is "Behçet’s".
            out.append("\u2019")
    return "".join(out), True


_POSSESSIVE_S = re.compile(r"s(?![^\W\d_])")


def _damaged(ch: str) -> bool:
    # Only scripts an FDA export has no business holding: CJK ideographs and Greek.
    code = ord(ch)
    if not (0x0370 <= code <= 0x03FF or 0x3400 <= code <= 0x9FFF):
        return False
    return 0xC0 <= ch.encode("utf-8")[0] <= 0xFF


def _guess(bits: int) -> str:
    for base in (0x40, 0xC0, 0x00):
        candidate = chr(base | bits)
        if candidate.isalpha() and (base != 0x40 or candidate.islower()):
            return candidate
    return chr(bits if chr(bits).isprintable() else 0x40 | bits)
