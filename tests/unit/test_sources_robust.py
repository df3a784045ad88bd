"""Regressions for the reader crashes the fuzzer found: each damage is now a counted Problem.

One test per class of crash, on tiny hand-made files: digits that ``int()`` refuses
("²", 5,000 digits), damaged gzip streams, damaged workbooks, JSON of the wrong shape or
nested too deeply, CSV rows the csv module refuses, and archives cut between members.
"""

from __future__ import annotations

import gzip
import io
import json
import shutil
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from rareinfo.records import (
    Article,
    ClinicalTrial,
    DiseaseRecord,
    OrphanDesignation,
    Problem,
    Record,
)
from rareinfo.sources import (
    abstracts,
    clinicaltrials,
    fda_orphan,
    gard,
    hpo,
    mondo,
    orphanet,
    pubmed,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
HUGE = "9" * 5000  # past int()'s 4,300-digit limit


def _problems(records: Iterator[Record]) -> tuple[list[Record], list[Problem]]:
    items = list(records)
    return [r for r in items if not isinstance(r, Problem)], \
        [r for r in items if isinstance(r, Problem)]


def _cut_gzip(data: bytes) -> bytes:
    whole = gzip.compress(data, mtime=0)
    return whole[: len(whole) // 2]


# --- digits int() refuses -------------------------------------------------------------------


@pytest.mark.parametrize("value", ["²", HUGE, "0" * 20 + "522x"])
def test_gard_id_refuses_digits_int_cannot_read(value: str) -> None:
    assert gard.gard_id(value) is None
    assert gard.gard_id("0000522") == "GARD:0000522"


def test_gard_tsv_row_with_a_huge_identifier_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "pyobo_gard.tsv").write_text(
        "identifier\tname\n522\tAcute lymphoid leukemia\n" f"{HUGE}\tHuge\n²\tSuperscript\n")
    good, problems = _problems(gard.read(tmp_path))
    assert [r.id for r in good if isinstance(r, DiseaseRecord)] == ["GARD:0000522"]
    assert [p.location for p in problems] == ["pyobo_gard.tsv:3", "pyobo_gard.tsv:4"]


@pytest.mark.parametrize("text", [f"In {HUGE} patients treated with imatinib.",
                                  "We enrolled ² patients.", f"Cohort (n = {HUGE}) of patients."])
def test_patient_count_ignores_numbers_int_cannot_read(text: str) -> None:
    assert abstracts.patient_count("", [("RESULTS", text)]) is None
    assert abstracts.patient_count("", [("RESULTS", "We enrolled 288 patients.")]) == 288


@pytest.mark.parametrize("month", ["²", HUGE])
def test_pubmed_month_int_cannot_read_is_left_as_text(tmp_path: Path, month: str) -> None:
    xml = (MINI_EFETCH.replace("<Month>Jul</Month>", f"<Month>{month}</Month>", 1)
           if "<Month>Jul</Month>" in MINI_EFETCH else MINI_EFETCH)
    (tmp_path / "efetch.xml").write_text(xml)
    good, problems = _problems(pubmed.read(tmp_path))
    assert problems == [] and any(isinstance(r, Article) for r in good)


MINI_EFETCH = """<?xml version="1.0"?>
<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>39000001</PMID><Article>
<Journal><JournalIssue><PubDate><Year>2024</Year><Month>Jul</Month></PubDate></JournalIssue>
<Title>J</Title></Journal><ArticleTitle>A title</ArticleTitle></Article></MedlineCitation>
</PubmedArticle></PubmedArticleSet>
"""


@pytest.mark.parametrize("tag", ["Year", "Day"])
def test_pubmed_date_part_too_big_for_a_date_is_left_out(tmp_path: Path, tag: str) -> None:
    value = "2024" if tag == "Year" else "12"
    (tmp_path / "efetch.xml").write_text(MINI_EFETCH.replace(
        "<Month>Jul</Month>", "<Month>Jul</Month><Day>12</Day>").replace(
        f"<{tag}>{value}</{tag}>", f"<{tag}>{'9' * 20}</{tag}>"))
    good, problems = _problems(pubmed.read(tmp_path))
    article = next(r for r in good if isinstance(r, Article))
    assert problems == [] and article.published is None


@pytest.mark.parametrize("text", ["12-Foo-2020", "Foo 3, 2020", "²", "²²²²²"])
def test_fda_dates_that_are_not_dates_are_none(text: str) -> None:
    assert fda_orphan.parse_date(text) is None


# --- damaged gzip streams -------------------------------------------------------------------


def test_pubmed_cut_gzip_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "efetch.xml.gz").write_bytes(_cut_gzip(MINI_EFETCH.encode() * 40))
    _, problems = _problems(pubmed.read(tmp_path))
    assert len(problems) == 1 and problems[0].location.startswith("efetch.xml.gz")


def test_clinicaltrials_cut_gzip_is_a_problem(tmp_path: Path) -> None:
    page = (FIXTURES / "ctgov_mini" / "search_phelan_page1.json").read_bytes()
    (tmp_path / "page.json.gz").write_bytes(_cut_gzip(page + b" " * 4000))
    _, problems = _problems(clinicaltrials.read(tmp_path))
    assert [p.location for p in problems] == ["page.json.gz"]


def test_mondo_cut_gzip_obo_and_json_are_problems(tmp_path: Path) -> None:
    release = FIXTURES / "mondo_mini"
    (tmp_path / "mondo.obo.gz").write_bytes(
        _cut_gzip((release / "release" / "mondo.obo").read_bytes() * 20))
    (tmp_path / "mondo.json.gz").write_bytes(
        _cut_gzip((release / "obographs" / "mondo.json").read_bytes() * 5))
    _, problems = _problems(mondo.read(tmp_path))
    assert sorted(p.location for p in problems) == ["mondo.json.gz", "mondo.obo.gz"]


def test_gard_cut_gzip_json_is_a_problem(tmp_path: Path) -> None:
    site = (FIXTURES / "gard_mini" / "gard_site_2024-03.json").read_bytes()
    (tmp_path / "gard_site.json.gz").write_bytes(_cut_gzip(site * 10))
    _, problems = _problems(gard.read(tmp_path))
    assert [p.location for p in problems] == ["gard_site.json.gz"]


def test_fda_cut_gzip_csv_is_a_problem(tmp_path: Path) -> None:
    csv_text = (FIXTURES / "fda_mini" / "oopd_mini_2022-07.csv").read_bytes()
    (tmp_path / "oopd_2022-07.csv").write_bytes(_cut_gzip(csv_text * 30))
    _, problems = _problems(fda_orphan.read(tmp_path))
    assert [p.location for p in problems] == ["oopd_2022-07.csv"]


def test_orphanet_xml_gzip_too_damaged_to_sniff_is_a_problem(tmp_path: Path) -> None:
    older = FIXTURES / "orphanet_mini" / "xml_older"
    shutil.copy(older / "en_product1.xml", tmp_path)
    (tmp_path / "en_product3_181.xml.gz").write_bytes(
        (older / "en_product3_181.xml.gz").read_bytes()[:40])
    good, problems = _problems(orphanet.read(tmp_path))
    assert any(isinstance(r, DiseaseRecord) for r in good)
    assert [p.location for p in problems] == ["en_product3_181.xml.gz"]


def test_packets_archive_cut_between_members_is_a_problem(tmp_path: Path) -> None:
    packets = sorted((FIXTURES / "orphanet_mini" / "packets" / "json").glob("*_5*.json"))
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for packet in packets:
            info = tarfile.TarInfo(f"x/json/{packet.name}")
            info.size = packet.stat().st_size
            tar.addfile(info, io.BytesIO(packet.read_bytes()))
    whole = buffer.getvalue()
    (tmp_path / "orphapackets.tar.gz").write_bytes(whole)
    assert _problems(orphanet.read(tmp_path / "orphapackets.tar.gz"))[1] == []
    for keep in range(len(whole) // 2, len(whole), 5):  # some cuts fall between members
        (tmp_path / "orphapackets.tar.gz").write_bytes(whole[:keep])
        problems = _problems(orphanet.read(tmp_path / "orphapackets.tar.gz"))[1]
        assert problems, f"cut at {keep} of {len(whole)} bytes went unreported"
        assert all(p.location == "orphapackets.tar.gz" for p in problems)


@pytest.mark.parametrize("keep", [3, 5, 11])
def test_packets_archive_cut_inside_its_gzip_header_is_a_problem(tmp_path: Path,
                                                                 keep: int) -> None:
    packet = FIXTURES / "orphanet_mini" / "packets" / "json" / "ORPHApacket_58.json"
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        tar.add(packet, arcname=f"x/json/{packet.name}")
    (tmp_path / "orphapackets.tar.gz").write_bytes(buffer.getvalue()[:keep])
    problems = _problems(orphanet.read(tmp_path / "orphapackets.tar.gz"))[1]
    assert [p.location for p in problems] == ["orphapackets.tar.gz"]


# --- damaged workbooks and CSV rows ---------------------------------------------------------


def test_damaged_xlsx_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    whole = bytearray((FIXTURES / "fda_mini" / "oopd_mini_2026-04.xlsx").read_bytes())
    target = tmp_path / "oopd_2026-04.xlsx"
    seen_problem = False
    for index in range(0, len(whole), 97):
        damaged = bytearray(whole)
        damaged[index] ^= 0xFF
        target.write_bytes(bytes(damaged))
        try:
            items = list(fda_orphan.read(tmp_path))
        except FileNotFoundError:
            continue  # no longer recognisable as an export at all
        seen_problem = seen_problem or any(
            isinstance(p, Problem) and "workbook unreadable" in p.message for p in items)
    assert seen_problem


def test_csv_row_the_csv_module_refuses_leaves_later_rows(tmp_path: Path) -> None:
    header = "Generic Name,Orphan Designation,Date Designated\n"
    rows = ["alpha,Treatment of A,01/02/2003\n", "beta,Treatment of B,\x00\n",
            f"gamma,Treatment of C {'x' * 200_000},01/02/2003\n",
            "delta,Treatment of D,01/02/2003\n"]
    (tmp_path / "oopd_2022-07.csv").write_text(header + "".join(rows))
    good, problems = _problems(fda_orphan.read(tmp_path))
    names = [r.generic_name for r in good if isinstance(r, OrphanDesignation)]
    assert names[0] == "alpha" and names[-1] == "delta"
    assert any("unreadable CSV" in p.message for p in problems)


# --- JSON of the wrong shape or depth -------------------------------------------------------


def test_clinicaltrials_modules_of_the_wrong_shape(tmp_path: Path) -> None:
    study = json.loads((FIXTURES / "ctgov_mini" / "NCT02710084.json").read_text())
    study["protocolSection"]["statusModule"] = ["not", "an", "object"]
    study["protocolSection"]["designModule"] = "text"
    (tmp_path / "study.json").write_text(json.dumps(study))
    good, problems = _problems(clinicaltrials.read(tmp_path))
    trial = next(r for r in good if isinstance(r, ClinicalTrial))
    assert trial.status is None and trial.study_type is None and problems == []
    study["protocolSection"]["identificationModule"] = [1, 2]
    (tmp_path / "study.json").write_text(json.dumps(study))
    assert len(_problems(clinicaltrials.read(tmp_path))[1]) == 1


@pytest.mark.parametrize("reader", ["clinicaltrials", "mondo", "gard"])
def test_json_nested_too_deeply_is_a_problem(tmp_path: Path, reader: str) -> None:
    deep = "[" * 200_000 + "]" * 200_000
    if reader == "clinicaltrials":
        (tmp_path / "page.json").write_text('{"studies": ' + deep + ', "protocolSection": 1}')
        read = clinicaltrials.read
    elif reader == "mondo":
        (tmp_path / "mondo.json").write_text('{"graphs": [], "x": "MONDO_1", "y": ' + deep + "}")
        read = mondo.read
    else:
        (tmp_path / "gard_site.json").write_text(
            '[{"id": 1, "name": "x", "encodedName": "x"}, ' + deep + "]")
        read = gard.read
    _, problems = _problems(read(tmp_path))
    assert problems


@pytest.mark.parametrize("reader", ["mondo", "gard", "orphanet"])
def test_json_integer_int_cannot_read_is_a_problem(tmp_path: Path, reader: str) -> None:
    if reader == "mondo":
        (tmp_path / "mondo.json").write_text('{"graphs": [], "x": "MONDO_1", "n": ' + HUGE + "}")
        read = mondo.read
    elif reader == "gard":
        (tmp_path / "gard_site.json").write_text(
            '[{"id": 522, "name": "Acute lymphoid leukemia", "encodedName": "x"}, '
            '{"id": ' + HUGE + ', "name": "x", "encodedName": "x"}]')
        read = gard.read
    else:
        packet = FIXTURES / "orphanet_mini" / "packets" / "json" / "ORPHApacket_58.json"
        shutil.copy(packet, tmp_path)
        (tmp_path / "ORPHApacket_59.json").write_text('{"Orphapacket": {"ORPHAcode": '
                                                      + HUGE + "}}")
        read = orphanet.read
    good, problems = _problems(read(tmp_path))
    assert len(problems) == 1
    assert reader == "mondo" or any(isinstance(r, DiseaseRecord) for r in good)


@pytest.mark.parametrize("code", [f'"{HUGE}"', '"٣"', f'"{"[" * 100_000}"'])
def test_orphacode_int_cannot_read_is_a_problem(tmp_path: Path, code: str) -> None:
    (tmp_path / "ORPHApacket_1.json").write_text(
        '{"Orphapacket": {"ORPHAcode": ' + code + ', "Label": "x"}}')
    _, problems = _problems(orphanet.read(tmp_path))
    assert [p.location for p in problems] == ["ORPHApacket_1.json"]


def test_packet_nested_too_deeply_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "ORPHApacket_1.json").write_text("[" * 200_000 + "]" * 200_000)
    _, problems = _problems(orphanet.read(tmp_path))
    assert [p.message for p in problems] == ["not valid JSON: nested too deeply"]


# --- damage that used to pass unnoticed ------------------------------------------------------


def _hpo_release(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "hpo_mini", tmp_path / "hpo")
    return tmp_path / "hpo"


def test_hpo_lines_not_utf8_are_counted_once_per_file(tmp_path: Path) -> None:
    release = _hpo_release(tmp_path)
    clean = [p.location for p in hpo.read(release) if isinstance(p, Problem)]
    genes = release / "genes_to_phenotype.txt"
    genes.write_bytes(genes.read_bytes().replace(b"\n", b"\xe9\n", 2))
    annotations = release / "phenotype.hpoa"
    lines = annotations.read_bytes().split(b"\n")
    annotations.write_bytes(b"\n".join([*lines[:-3], lines[-3] + b"\xff", *lines[-2:]]))
    damaged = [p for p in hpo.read(release) if isinstance(p, Problem)]
    added = [p for p in damaged if p.location not in clean or "UTF-8" in p.message]
    assert sorted(p.location for p in added if "UTF-8" in p.message) == [
        "genes_to_phenotype.txt:1", f"phenotype.hpoa:{len(lines) - 2}"]
    assert [p.message for p in added if p.location == "genes_to_phenotype.txt:1"] == [
        "2 line(s) not UTF-8 (first at line 1); undecodable bytes replaced with U+FFFD"]


def test_hpo_gene_id_in_other_digits_is_a_problem(tmp_path: Path) -> None:
    release = _hpo_release(tmp_path)
    genes = release / "genes_to_phenotype.txt"
    rows = genes.read_text().splitlines()
    fields = rows[1].split("\t")
    genes.write_text("\n".join([*rows, "\t".join(["²", *fields[1:]])]) + "\n")
    problems = [p for p in hpo.read(release) if isinstance(p, Problem)]
    assert f"genes_to_phenotype.txt:{len(rows) + 1}" in [p.location for p in problems]


def test_obo_without_a_term_stanza_is_a_problem(tmp_path: Path) -> None:
    release = _hpo_release(tmp_path)
    (release / "hp.obo").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(32, 127)) * 10)
    problems = [p for p in hpo.read(release) if isinstance(p, Problem)]
    assert ("hp.obo:1", "no [Term] stanza: not an OBO ontology (damaged or wrong file?)") in [
        (p.location, p.message) for p in problems]
