"""The GARD readers on a tiny hand-made disease list (tests/fixtures/gard_mini)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest

from rareinfo.records import DiseaseRecord, Problem, Record, SourceRelease, Synonym
from rareinfo.sources import gard
from rareinfo.sources.base import DownloadError

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "gard_mini"
SITE = FIXTURE / "gard_site_2024-03.json"
PYOBO = FIXTURE / "pyobo_2025-10-31_gard.tsv"
SYNONYMS = FIXTURE / "pyobo_2025-10-31_gard.synonyms.tsv"
NCATS = FIXTURE / "ncats_gard-id-name-synonyms_2021-09.json"


def _records(items: Sequence[Record]) -> dict[str, DiseaseRecord]:
    return {r.id: r for r in items if isinstance(r, DiseaseRecord)}


def _problems(items: Sequence[Record]) -> list[Problem]:
    return [p for p in items if isinstance(p, Problem)]


def _texts(record: DiseaseRecord) -> list[str]:
    return [s.text for s in record.synonyms]


def test_site_json_ids_names_synonyms_categories_and_spanish_names() -> None:
    items = list(gard.read(SITE))
    assert items[0] == SourceRelease("gard", "2024-03", date(2024, 3, 1), str(SITE))
    records = _records(items)
    assert set(records) == {"GARD:0000522", "GARD:0008197", "GARD:0010525", "GARD:0000003",
                            "GARD:0000005"}
    all_ = records["GARD:0000522"]
    assert all_.source == "gard" and all_.name == "Acute lymphoblastic leukemia"
    assert all_.synonyms == (Synonym("ALL"), Synonym("Acute lymphoblastic leukemia/lymphoma"),
                             Synonym("Acute lymphocytic leukemia"))
    assert all(s.scope == "EXACT" for s in all_.synonyms)
    assert all_.categories == ("Cancer", "Hematology")
    assert all_.translations == ()
    # Only the Spanish page's address is given: no name is rebuilt from it.
    assert records["GARD:0008197"].translations == (
        ("es-page", "12345/sindrome-de-smith-magenis"),)
    assert records["GARD:0010525"].translations == (("es-page", "13099/microdelecion-15q112"),)
    assert records["GARD:0000003"].translations == ()  # no spanishId: no address
    assert records["GARD:0000005"].translations == ()  # slug "---": no page at all


def test_site_json_malformed_entries_are_problems_and_the_rest_read() -> None:
    problems = _problems(list(gard.read(SITE)))
    assert [p.location for p in problems] == [f"{SITE.name}#{n}" for n in (6, 7, 8, 9)]
    assert "missing or malformed id" in problems[0].message
    assert "'abc'" in problems[1].message
    assert "synonyms" in problems[2].message and "no name" in problems[3].message


def test_ncats_json_with_a_bom() -> None:
    items = list(gard.read(NCATS))
    records = _records(items)
    assert records["GARD:0000522"].synonyms == (Synonym("ALL"),
                                                 Synonym("Acute lymphocytic leukemia"))
    # The same id twice in one list (GARD:0000001 and GARD:1): one record, synonyms joined.
    gracile = records["GARD:0000001"]
    assert gracile.name == "GRACILE syndrome" and _texts(gracile) == ["Fellman disease"]
    (problem,) = _problems(items)
    assert problem.location == f"{NCATS.name}#4" and "12345678" in problem.message


def test_pyobo_tsv_with_synonyms_file_and_malformed_rows() -> None:
    items = list(gard.read(PYOBO))
    records = _records(items)
    assert set(records) == {"GARD:0000522", "GARD:0008197", "GARD:0000007"}
    assert records["GARD:0000522"].name == "Acute lymphoid leukemia"
    assert [p.location for p in _problems(items)] == [f"{PYOBO.name}:5", f"{PYOBO.name}:6"]
    assert "columns" in _problems(items)[1].message
    synonyms = _records(list(gard.read(SYNONYMS)))["GARD:0000522"].synonyms
    # hasRelatedSynonym is pyobo's default for an unscoped synonym: EXACT; broad is kept.
    assert synonyms == (Synonym("all", "EXACT"), Synonym("leukemia", "BROAD"))


def test_directory_merge_newest_name_older_names_as_synonyms_case_kept() -> None:
    items = list(gard.read(FIXTURE))
    release = items[0]
    assert isinstance(release, SourceRelease)
    assert release.version == "2025-10-31, 2024-03, 2021-09"
    assert release.released == date(2025, 10, 31)
    records = _records(items)
    assert set(records) == {"GARD:0000522", "GARD:0008197", "GARD:0010525", "GARD:0000003",
                            "GARD:0000005", "GARD:0000007", "GARD:0000001"}
    all_ = records["GARD:0000522"]
    assert all_.name == "Acute lymphoid leukemia"  # the newest list's name
    assert _texts(all_) == ["Acute lymphoblastic leukemia", "ALL", "Acute lymphocytic leukemia",
                            "precursor lymphoid neoplasm", "leukemia",
                            "Acute lymphoblastic leukemia/lymphoma"]
    assert all_.categories == ("Cancer", "Hematology")  # only the site JSON has them
    smith = records["GARD:0008197"]
    assert smith.name == "Smith-Magenis syndrome"  # not pyobo's "Smith-magenis syndrome"
    assert _texts(smith) == ["smith magenis syndrome", "SMS", "17p11.2 microdeletion syndrome"]
    assert smith.translations == (("es-page", "12345/sindrome-de-smith-magenis"),)


def test_directory_merge_problems_from_every_list() -> None:
    problems = _problems(list(gard.read(FIXTURE)))
    locations = [p.location for p in problems]
    assert len(problems) == 8
    assert f"{SYNONYMS.name}:6" in locations  # gard:77 has synonyms but no name anywhere
    assert f"{PYOBO.name}:5" in locations and f"{SITE.name}#6" in locations


def test_bad_json_reports_the_damage_and_reads_past_it(tmp_path: Path) -> None:
    text = SITE.read_text().replace('"id":8197,"name"', '"id":8197 "name"')
    broken = tmp_path / "gard_site.json"
    broken.write_text(text[: text.index('{"id":5,')])  # truncated, too
    items = list(gard.read(broken))
    assert set(_records(items)) == {"GARD:0000522", "GARD:0010525", "GARD:0000003"}
    problems = _problems(items)
    assert problems[0].location == "gard_site.json:2" and "invalid JSON" in problems[0].message
    assert problems[-1].message.startswith("JSON list not closed")


def test_wrong_encoding_is_reported_and_read_as_windows_1252(tmp_path: Path) -> None:
    entries = [{"id": 1, "name": "Sjögren syndrome"}, {"id": 2, "name": "Behçet disease"}]
    site = tmp_path / "gard-site.json"
    site.write_bytes(json.dumps(entries, ensure_ascii=False, indent=0).encode("cp1252"))
    items = list(gard.read(site))
    assert _records(items)["GARD:0000001"].name == "Sjögren syndrome"
    assert [p.location for p in _problems(items)] == ["gard-site.json:4"]
    tsv = PYOBO.read_text().replace("A disease only", "Sjögren disease only").encode("cp1252")
    (tmp_path / "gard.tsv").write_bytes(tsv)
    items = list(gard.read(tmp_path / "gard.tsv"))
    assert _records(items)["GARD:0000007"].name.startswith("Sjögren")
    assert "not UTF-8" in _problems(items)[-1].message


def test_other_json_lists_are_not_taken_for_gard(tmp_path: Path) -> None:
    (tmp_path / "trials.json").write_text('[{"id": 1, "name": "A trial"}]')
    assert gard.file_form(tmp_path / "trials.json") is None
    assert gard.file_form(SITE) == "site" and gard.file_form(NCATS) == "ncats"
    assert gard.file_form(PYOBO) == "pyobo" and gard.file_form(SYNONYMS) == "pyobo_synonyms"


def test_gzip_and_any_file_names_are_recognised(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "gard").mkdir(parents=True)
    (data / "gard" / "list.download").write_bytes(gzip.compress(NCATS.read_bytes()))
    assert gard.locate(data) == data / "gard"
    assert "GARD:0000522" in _records(list(gard.read(data / "gard")))
    assert gard.locate(FIXTURE) == FIXTURE
    assert gard.locate(tmp_path / "data" / "gard" / "..") is not None
    (tmp_path / "empty").mkdir()
    assert gard.locate(tmp_path / "empty") is None
    with pytest.raises(FileNotFoundError):
        next(iter(gard.read(tmp_path / "empty")))


def test_undated_lists_take_the_download_date(tmp_path: Path) -> None:
    (tmp_path / "diseases.trimmed.json").write_bytes(SITE.read_bytes())
    (tmp_path / "diseases.trimmed.json.meta.json").write_text(
        json.dumps({"url": gard.SITE_URL, "last_modified": "Tue, 03 Mar 2099 10:00:00 GMT"}))
    release = gard.release_of(tmp_path)
    assert (release.version, release.released) == ("2099-03-03", date(2099, 3, 3))


@pytest.mark.parametrize(("value", "expected"), [
    (522, "GARD:0000522"), ("522", "GARD:0000522"), ("GARD:522", "GARD:0000522"),
    ("gard:0000522", "GARD:0000522"), ("GARD:0000522", "GARD:0000522"),
    (0, None), (True, None), ("abc", None), ("OMIM:522", None), (None, None),
    (12_345_678, None), ("GARD:0000000", None),
])
def test_gard_ids_are_seven_digit_padded(value: object, expected: str | None) -> None:
    assert gard.gard_id(value) == expected


def test_fetch_downloads_every_form_and_fails_only_if_all_fail(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    def fake_download(url: str, dest: Path) -> None:
        calls.append(url)
        if url.endswith(".json"):
            raise DownloadError("the GARD site is down")

    monkeypatch.setattr(gard, "download", fake_download)
    assert gard.fetch(tmp_path, base_url="http://mirror/gard") == tmp_path / "gard"
    assert calls == ["http://mirror/gard/diseases.trimmed.json", "http://mirror/gard/gard.tsv",
                     "http://mirror/gard/gard.synonyms.tsv"]
    monkeypatch.setattr(gard, "download", lambda url, dest: (_ for _ in ()).throw(
        DownloadError(url)))
    with pytest.raises(DownloadError):
        gard.fetch(tmp_path)
    assert gard.INFO.downloads[0] == "https://rarediseases.info.nih.gov/assets/diseases.trimmed.json"
