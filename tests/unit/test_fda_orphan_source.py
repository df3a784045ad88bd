"""The FDA orphan drug export reader on tiny xlsx and csv copies of the real format."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from rareinfo.records import OrphanDesignation, Problem, Record, SourceRelease
from rareinfo.sources import fda_orphan
from rareinfo.sources.base import DownloadError
from tests.replay_server import ReplayServer

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "fda_mini"
XLSX = MINI / "oopd_mini_2026-04.xlsx"
CSV = MINI / "oopd_mini_2022-07.csv"


def _designations(items: list[Record]) -> dict[str, OrphanDesignation]:
    return {r.trade_name or r.generic_name: r for r in items if isinstance(r, OrphanDesignation)}


def _problems(items: list[Record]) -> list[Problem]:
    return [r for r in items if isinstance(r, Problem)]


def test_xlsx_release_comes_first_with_the_date_in_the_name() -> None:
    items = list(fda_orphan.read(XLSX))
    assert items[0] == SourceRelease("fda_orphan", "2026-04", date(2026, 4, 1), str(XLSX))


def test_xlsx_rows_become_designations_with_dates_and_statuses() -> None:
    rows = _designations(list(fda_orphan.read(XLSX)))
    assert set(rows) == {"Kymriah (tisagenlecleucel)", "Blincyto", "OTEZLA", "Zenapax"}
    kymriah = rows["Kymriah (tisagenlecleucel)"]
    assert kymriah.approval_status == "approved" and kymriah.approved == date(2017, 8, 30)
    assert kymriah.designated == date(2014, 1, 31)
    assert kymriah.exclusivity_end == date(2024, 8, 30)
    assert kymriah.sponsor == "Novartis Pharmaceuticals Corporation"
    assert kymriah.designation_id == "415113"
    assert kymriah.key.startswith("415113/2017-08-30/")
    assert "acute lymphoblastic leukemia" in (kymriah.approved_indication or "")
    zenapax = rows["Zenapax"]
    assert zenapax.designation_status == "withdrawn" and zenapax.withdrawn == date(2024, 9, 12)


def test_xlsx_quirks_are_absorbed_and_reported() -> None:
    items = list(fda_orphan.read(XLSX))
    rows = _designations(items)
    assert rows["OTEZLA"].generic_name == "apremilast"  # padded cell
    assert rows["OTEZLA"].exclusivity_end == date(2026, 7, 19)  # a text date in an xlsx
    assert "Behçet’s Disease" in (rows["OTEZLA"].approved_indication or "")
    messages = " | ".join(p.message for p in _problems(items))
    assert "text damaged in the export" in messages
    assert "unreadable date 'sometime in 2004'" in messages
    assert "repeats the row at oopd_mini_2026-04.xlsx:2" in messages
    assert "row without a generic name" in messages
    assert rows["Zenapax"].exclusivity_end is None  # the unreadable date, not a guess
    assert not any("Note" in p.message for p in _problems(items))  # footnotes are not rows


def test_csv_with_renamed_columns_two_digit_years_and_cp1252() -> None:
    items = list(fda_orphan.read(CSV))
    rows = _designations(items)
    assert rows["Tracleer"].designated == date(2000, 10, 6)
    assert rows["Tracleer"].approved == date(2001, 11, 20)
    assert rows["Tracleer"].exclusivity_end == date(2008, 11, 20)
    assert rows["Cystadane"].designated == date(1994, 5, 16)
    assert rows["Cystadane"].approved == date(1996, 10, 25)
    assert rows["Cystadane"].sponsor_country == "France"
    assert rows["POTELIGEO"].approval_status == "designated" and rows["POTELIGEO"].approved is None
    assert any("not UTF-8" in p.message for p in _problems(items))


def test_the_same_row_keeps_its_key_across_releases() -> None:
    new = _designations(list(fda_orphan.read(XLSX)))["Kymriah (tisagenlecleucel)"]
    old = _designations(list(fda_orphan.read(CSV)))["Kymriah (tisagenlecleucel)"]
    assert new.key == old.key


@pytest.mark.parametrize(("text", "expected"), [
    ("03/17/2026", date(2026, 3, 17)),
    ("3/5/17", date(2017, 3, 5)),
    ("10/06/00", date(2000, 10, 6)),
    ("5/16/94", date(1994, 5, 16)),
    ("2026-03-17", date(2026, 3, 17)),
    ("2026-03-17 00:00:00", date(2026, 3, 17)),
    ("17-Mar-2026", date(2026, 3, 17)),
    ("17 March 2026", date(2026, 3, 17)),
    ("March 17, 2026", date(2026, 3, 17)),
    (" ' 03/17/2026 ' ", date(2026, 3, 17)),
    (46098, date(2026, 3, 17)),  # an Excel serial day number
    ("", None),
    ("n/a", None),
    ("13/45/2020", None),
    (7, None),
])
def test_parse_date_forms(text: object, expected: date | None) -> None:
    assert fda_orphan.parse_date(text) == expected


@pytest.mark.parametrize(("damaged", "repaired"), [
    ("Beh\u7974s disease", "Behçet’s disease"),  # the dropped apostrophe restored
    ("Beh\u7974sa", "Behçetsa"),  # no possessive: nothing added
    ("S\u9ea1ry syndrome", "Sézary syndrome"),
    ("Tomtebodav\u49e5n 23A", "Tomtebodavägen 23A"),
    ("\u03ace-de-France", "Île-de-France"),
])
def test_repair_mojibake(damaged: str, repaired: str) -> None:
    assert fda_orphan.repair_mojibake(damaged) == (repaired, True)


def test_clean_text_is_left_alone() -> None:
    assert fda_orphan.repair_mojibake("Sjögren syndrome") == ("Sjögren syndrome", False)


def test_directory_reads_the_newest_export_only(tmp_path: Path) -> None:
    (tmp_path / "fda").mkdir()
    for source in (XLSX, CSV):
        shutil.copy(source, tmp_path / "fda" / source.name)
    assert fda_orphan.locate(tmp_path) == tmp_path / "fda"
    release = next(fda_orphan.read(tmp_path / "fda"))
    assert isinstance(release, SourceRelease) and release.version == "2026-04"
    assert release.location.endswith(".xlsx")


def test_locate_ignores_other_files(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("a,b\n1,2\n")
    assert fda_orphan.locate(tmp_path) is None
    with pytest.raises(FileNotFoundError):
        list(fda_orphan.read(tmp_path))


def test_fetch_needs_a_url() -> None:
    with pytest.raises(DownloadError, match="Export to Excel"):
        fda_orphan.fetch(Path("/nonexistent"))


def test_fetch_from_a_mirror(tmp_path: Path) -> None:
    with ReplayServer() as server:
        server.add("/mirror/oopd_export.xlsx", XLSX.read_bytes(),
                   content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        target = fda_orphan.fetch(tmp_path, base_url=f"{server.url}/mirror")
    assert (target / "oopd_export.xlsx").read_bytes() == XLSX.read_bytes()
    assert len(_designations(list(fda_orphan.read(target)))) == 4
