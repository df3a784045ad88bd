"""The Orphanet reader on tiny hand-made ORPHApackets and Orphadata XML products.

Fixtures (tests/fixtures/orphanet_mini): ``packets/json`` (5 good packets, one cut-off
JSON, one without a Label, one with malformed items), ``xml_current`` (products 1, 3, 4,
6, 7, 9 in the OrphaCode schema, holding the same facts for ORPHA:166024 as its packet),
``xml_older`` (OrphaNumber schema, ISO-8859-1, some gzipped, odd names, one file without
an XML declaration) and ``xml_broken`` (a truncated product 1, a product 4 declaring
UTF-8 but holding ISO-8859-1 bytes).
"""

from __future__ import annotations

import gzip
import shutil
import tarfile
import threading
from collections.abc import Iterator
from datetime import date
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, TypeVar

import pytest

from rareinfo.records import (
    DiseaseAttribute,
    DiseaseMapping,
    DiseaseRecord,
    GeneAssociation,
    PhenotypeAnnotation,
    Prevalence,
    Problem,
    Record,
    SourceRelease,
    Synonym,
)
from rareinfo.sources import orphanet
from rareinfo.sources.hpo import FREQUENCY_CLASSES

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "orphanet_mini"
PACKETS = MINI / "packets"
CURRENT = MINI / "xml_current"
OLDER = MINI / "xml_older"
BROKEN = MINI / "xml_broken"
T = TypeVar("T")
MED = "ORPHA:166024"  # Multiple epiphyseal dysplasia-macrocephaly-facial dysmorphism syndrome


def read(path: Path) -> list[Record]:
    return list(orphanet.read(path))


def of_type(records: list[Record], kind: type[T]) -> list[T]:
    return [r for r in records if isinstance(r, kind)]


def about(records: list[Record], disease_id: str) -> set[Record]:
    """Every record stating something about one disease."""
    keys = ("id", "disease_id", "subject_id")
    return {r for r in records if disease_id in (getattr(r, k, None) for k in keys)}


def disease(records: list[Record], disease_id: str) -> DiseaseRecord:
    return next(r for r in of_type(records, DiseaseRecord) if r.id == disease_id)


def pack(source: Path, archive: Path) -> Path:
    """A packets archive laid out like the official one: json/ORPHApacket_*.json."""
    with tarfile.open(archive, "w:gz") as tar:
        for file in sorted(source.iterdir()):
            tar.add(file, arcname=f"json/{file.name}")
    return archive


@pytest.fixture(scope="module")
def packets() -> list[Record]:
    return read(PACKETS)


@pytest.fixture(scope="module")
def current() -> list[Record]:
    return read(CURRENT)


@pytest.fixture(scope="module")
def older() -> list[Record]:
    return read(OLDER)


# --- declared facts -----------------------------------------------------------------


def test_info_declares_licence_attribution_downloads_and_minimums() -> None:
    info = orphanet.INFO
    assert (info.name, info.licence) == ("orphanet", "CC BY 4.0")
    assert "Orphanet" in info.attribution and "INSERM" in info.attribution
    assert "CC BY 4.0" in info.attribution
    assert info.downloads[0].startswith("https://github.com/Orphanet/orphapacket/")
    assert "https://www.orphadata.com/data/xml/en_product1.xml" in info.downloads
    assert {key for key, _ in info.minimum_counts} == {
        "diseases", "annotations", "gene associations", "mappings", "prevalences"}
    assert dict(info.minimum_counts)["diseases"] >= 9_000


# --- packets ------------------------------------------------------------------------


def test_packets_stream_starts_with_the_release(packets: list[Record]) -> None:
    assert packets[0] == SourceRelease("orphanet", "9.9.9", date(2099, 1, 2), str(PACKETS))
    assert not of_type(packets[1:], SourceRelease)


def test_archive_and_directory_give_the_same_records(tmp_path: Path,
                                                      packets: list[Record]) -> None:
    # Named without "orphapacket": recognised by the packet files it holds.
    archive = pack(PACKETS / "json", tmp_path / "release-2099.tar.gz")
    from_archive = read(archive)
    assert from_archive[0] == SourceRelease("orphanet", "9.9.9", date(2099, 1, 2), str(archive))
    def facts(records: list[Record]) -> list[str]:  # order follows the archive's members
        return sorted(repr(r) for r in records[1:] if not isinstance(r, Problem))

    assert facts(from_archive) == facts(packets)
    assert len(of_type(from_archive, Problem)) == len(of_type(packets, Problem))
    assert all(p.location.startswith("release-2099.tar.gz#json/ORPHApacket_")
               for p in of_type(from_archive, Problem))


def test_packet_disease_record(packets: list[Record]) -> None:
    med = disease(packets, MED)
    assert med.name == "Multiple epiphyseal dysplasia-macrocephaly-facial dysmorphism syndrome"
    assert med.synonyms == (Synonym("Multiple epiphyseal dysplasia, Al-Gazali type", "EXACT"),
                            Synonym("MED-MFD", "EXACT"))  # the repeated synonym once
    assert med.definition == "A rare bone dysplasia with genu valgum & macrocephaly."
    assert med.kind == "Disease"
    assert med.parents == ("ORPHA:251",)
    assert med.categories == ("Rare bone disease", "Rare genetic disease")
    assert med.xrefs == ("OMIM:600969", "OMIM:607131", "OMIM:607132", "OMIM:607133",
                         "OMIM:607134")
    assert (med.obsolete, med.replaced_by) == (False, None)


def test_parents_in_every_packet_shape_and_heads_below_the_umbrella(
    packets: list[Record],
) -> None:
    group = disease(packets, "ORPHA:251")  # Parents given as {"Parent": [...]}
    assert group.parents == ("ORPHA:93419", "ORPHA:98053")
    assert group.categories == ("Rare bone disease", "Rare genetic disease")
    assert group.kind == "Clinical group"
    head = disease(packets, "ORPHA:93419")  # a classification head: "Rare disorders" above
    assert (head.parents, head.categories, head.kind) == ((), (), "Category")


def test_mapping_relations_are_normalised(packets: list[Record]) -> None:
    found = {(m.object_id, m.predicate, m.relation, m.justification)
             for m in of_type(packets, DiseaseMapping) if m.subject_id == MED}
    assert found == {
        ("OMIM:607131", "exact", "E", None),
        ("OMIM:600969", "broader", "NTBT", None),  # ORPHA code narrower than the target
        ("OMIM:607132", "narrower", "BTNT", None),
        ("OMIM:607133", "related", "ND", None),
        ("OMIM:607134", "related", "W", None),
    }


def test_frequencies_map_to_hpo_classes(packets: list[Record]) -> None:
    rows = {a.phenotype_id: a for a in of_type(packets, PhenotypeAnnotation)
            if a.disease_id == MED}
    expected = {
        "HP:0000256": ("HP:0040280", "Obligate (100%)"),
        "HP:0002654": ("HP:0040281", "Very frequent (99-80%)"),
        "HP:0004322": ("HP:0040282", "Frequent (79-30%)"),
        "HP:0002059": ("HP:0040283", "Occasional (29-5%)"),
        "HP:0003468": ("HP:0040284", "Very rare (<4-1%)"),
        "HP:0001249": ("HP:0040285", "Excluded (0%)"),
    }
    for hpo_id, (term, raw) in expected.items():
        frequency = rows[hpo_id].frequency
        assert frequency is not None
        assert (frequency.term, frequency.raw) == (term, raw)
        assert (frequency.fraction, frequency.label) == FREQUENCY_CLASSES[term]
        assert rows[hpo_id].negated == (term == "HP:0040285")
        assert rows[hpo_id].aspect == "P" and rows[hpo_id].modifiers == ()


def test_gene_association(packets: list[Record]) -> None:
    (kif7,) = [g for g in of_type(packets, GeneAssociation) if g.disease_id == MED]
    assert kif7 == GeneAssociation(
        "orphanet", MED, "HGNC:30497", "KIF7", "Disease-causing germline mutation(s) in",
        "kinesin family member 7", ("HGNC:30497", "OMIM:611254"))  # ClinVar repeats the symbol


def test_prevalences(packets: list[Record]) -> None:
    rows = {p.type: p for p in of_type(packets, Prevalence) if p.disease_id == MED}
    cases = rows["Cases/families"]
    assert (cases.qualification, cases.prevalence_class, cases.value, cases.region) == (
        "Case(s)", None, 4.0, "Worldwide")
    assert cases.references == ("PMID:11389160", "PMID:9689990", "[EXPERT]")
    point = rows["Point prevalence"]
    assert (point.prevalence_class, point.value, point.validation) == (
        "<1 / 1 000 000", None, None)
    assert point.references == ("ORPHANET", "PMID:11389160")
    (alexander,) = [p for p in of_type(packets, Prevalence) if p.disease_id == "ORPHA:58"]
    assert (alexander.type, alexander.value, alexander.region) == (
        "Annual incidence", 0.037, "Japan")


def test_onset_and_inheritance_with_hpo_terms(packets: list[Record]) -> None:
    facts = {(a.disease_id, a.attribute, a.value, a.term)
             for a in of_type(packets, DiseaseAttribute)}
    assert facts == {
        (MED, "onset", "Infancy", "HP:0003593"),
        (MED, "onset", "Neonatal", "HP:0003623"),  # listed twice, recorded once
        (MED, "inheritance", "Autosomal recessive", "HP:0000007"),
        ("ORPHA:58", "onset", "All ages", None),  # "No data available" records nothing
        ("ORPHA:58", "inheritance", "Autosomal dominant", "HP:0000006"),
        ("ORPHA:58", "inheritance", "Mitochondrial inheritance", "HP:0001427"),
    }


def test_malformed_packets_are_reported_and_the_rest_read(packets: list[Record]) -> None:
    problems = {(p.location, p.message.split(":")[0]) for p in of_type(packets, Problem)}
    assert ("ORPHApacket_999001.json", "not valid JSON") in problems
    assert ("ORPHApacket_999002.json", "ORPHA") in problems  # "ORPHA:999002 has no name"
    bad_items = [p.message for p in of_type(packets, Problem)
                 if p.location == "ORPHApacket_999003.json"]
    assert len(bad_items) == 6
    assert any("'HP:12' is not an HPO id" in m for m in bad_items)
    assert any("'Sometimes' is not an Orphanet frequency class" in m for m in bad_items)
    assert any("neither an NCBI Gene nor an HGNC id" in m for m in bad_items)
    assert any("not objects" in m for m in bad_items)
    # The well-formed parts of the damaged packet are still read.
    assert disease(packets, "ORPHA:999003").name == "Hand-made disorder with malformed items"
    assert [a.phenotype_id for a in of_type(packets, PhenotypeAnnotation)
            if a.disease_id == "ORPHA:999003"] == ["HP:0001263"]
    assert {d.id for d in of_type(packets, DiseaseRecord)} == {
        "ORPHA:58", "ORPHA:251", "ORPHA:93419", "ORPHA:98053", MED, "ORPHA:999003"}


def test_truncated_archive_is_reported_after_the_packets_before_the_cut(
    tmp_path: Path,
) -> None:
    whole = pack(PACKETS / "json", tmp_path / "whole.tar.gz").read_bytes()
    raw = gzip.decompress(whole)
    cut = tmp_path / "orphapackets-cut.tar"
    cut.write_bytes(raw[: len(raw) // 2 + 100])
    records = read(cut)
    assert isinstance(records[0], SourceRelease)
    assert of_type(records, DiseaseRecord)  # packets before the cut
    assert any("archive unreadable" in p.message or "truncated" in p.message
               for p in of_type(records, Problem))


# --- both forms -----------------------------------------------------------------------


def test_packets_and_xml_give_the_same_records(packets: list[Record],
                                               current: list[Record]) -> None:
    from_packet = about(packets, MED)
    assert len(from_packet) == 18
    assert from_packet == about(current, MED)


# --- current XML schema -------------------------------------------------------------------


def test_xml_release_comes_from_the_jdbor_header(current: list[Record]) -> None:
    assert current[0] == SourceRelease("orphanet", "9.9.9", date(2099, 1, 2), str(CURRENT))


def test_xml_mappings_normalise_every_terminology(current: list[Record]) -> None:
    found = {(m.object_id, m.predicate, m.relation, m.justification)
             for m in of_type(current, DiseaseMapping) if m.subject_id == "ORPHA:58"}
    assert found == {
        ("OMIM:203450", "exact", "E", "Validated"),
        ("ICD10:E75.2", "broader", "NTBT", "Validated"),
        ("ICD11:8A44.1", "exact", "E", "Not yet validated"),
        ("MESH:D038261", "exact", "E", None),
        ("UMLS:C0270726", "exact", "E", None),
        ("MONDO:0008752", "exact", "E", None),
        ("GARD:0005772", "exact", "E", None),
        ("MEDDRA:10001708", "xref", "", None),  # no relation given: a plain cross-reference
    }
    assert "GARD:0005772" in disease(current, "ORPHA:58").xrefs


def test_inactive_entity_is_obsolete_and_moved(current: list[Record]) -> None:
    gone = disease(current, "ORPHA:999010")
    assert gone.obsolete
    assert gone.replaced_by == "ORPHA:58"  # "Moved to" wins over "Referred to"
    assert not disease(current, "ORPHA:58").obsolete
    assert not disease(current, MED).obsolete  # an empty-label flag is not a status


def test_diagnostic_criterion_goes_to_modifiers(current: list[Record]) -> None:
    rows = {a.phenotype_id: a for a in of_type(current, PhenotypeAnnotation)
            if a.disease_id == "ORPHA:58"}
    assert rows["HP:0000256"].modifiers == (orphanet.DIAGNOSTIC_CRITERION,)
    assert rows["HP:0001250"].modifiers == ()


def test_xml_gene_prefers_ncbi_and_keeps_xrefs(current: list[Record]) -> None:
    (gfap,) = [g for g in of_type(current, GeneAssociation) if g.disease_id == "ORPHA:58"]
    assert gfap.gene_id == "NCBIGene:2670"
    assert gfap.xrefs == ("Ensembl:ENSG00000131095", "HGNC:4235", "NCBIGene:2670",
                          "OMIM:137780", "UniProtKB:P14136")
    assert gfap.association == "Disease-causing germline mutation(s) (gain of function) in"


def test_xml_prevalence_validation_and_inheritance_terms(current: list[Record]) -> None:
    (japan,) = [p for p in of_type(current, Prevalence) if p.disease_id == "ORPHA:58"]
    assert (japan.value, japan.validation, japan.references) == (
        0.037, "Validated", ("PMID:21533827", "[EXPERT]"))
    facts = {(a.attribute, a.value, a.term) for a in of_type(current, DiseaseAttribute)
             if a.disease_id == "ORPHA:58"}
    assert facts == {("onset", "All ages", None),
                     ("inheritance", "Autosomal dominant", "HP:0000006"),
                     ("inheritance", "Semi-dominant", "HP:0032113")}


def test_xml_problems_carry_file_and_disorder(current: list[Record]) -> None:
    assert {(p.location, p.message) for p in of_type(current, Problem)} == {
        ("en_product1.xml#Disorder id=99012", "disorder without a numeric OrphaCode/OrphaNumber"),
        ("en_product6.xml#ORPHA:58", "gene LOCUS1 has neither an NCBI Gene nor an HGNC id"),
        ("en_product9_prev.xml#ORPHA:58", "mean value 'not a number' is not a number"),
    }
    # The malformed prevalence is skipped, its neighbour read.
    assert len([p for p in of_type(current, Prevalence) if p.disease_id == "ORPHA:58"]) == 1


def test_without_product1_diseases_come_from_the_other_products(tmp_path: Path) -> None:
    for file in CURRENT.iterdir():
        if file.name != "en_product1.xml":
            shutil.copy(file, tmp_path / file.name)
    records = read(tmp_path)
    med = disease(records, MED)
    assert (med.kind, med.parents) == ("Disease", ("ORPHA:251",))
    assert med.categories == ("Rare bone disease", "Rare genetic disease")
    assert disease(records, "ORPHA:98053").kind == "Category"
    ids = [d.id for d in of_type(records, DiseaseRecord)]
    assert len(ids) == len(set(ids))  # each disease once, however many products name it


# --- older schema, ISO-8859-1, any name and compression ----------------------------------


def test_older_schema_in_iso_8859_1(older: list[Record]) -> None:
    assert older[0] == SourceRelease("orphanet", "1.3.1", date(2020, 3, 1), str(OLDER))
    assert not of_type(older, Problem)
    behcet = disease(older, "ORPHA:117")
    assert behcet.name == "Behçet disease"
    assert [s.text for s in behcet.synonyms] == ["Maladie de Behçet",
                                                 "Adamantiades-Behçet disease"]
    assert behcet.definition == "Behçet disease is a systemic vasculitis of unknown origin."
    assert behcet.parents == ("ORPHA:93672", "ORPHA:98006")
    assert behcet.categories == ("Rare neurologic disease",
                                 "Rare systemic or rheumatologic disease")
    assert behcet.xrefs == ("ICD10:M35.2", "MESH:D001528", "OMIM:109650")


def test_older_products_of_every_kind_are_read(older: list[Record]) -> None:
    assert [(a.phenotype_id, a.modifiers) for a in of_type(older, PhenotypeAnnotation)] == [
        ("HP:0000155", ("diagnostic criterion",)), ("HP:0100614", ())]
    (hla,) = of_type(older, GeneAssociation)  # from a gzipped, upper-case-named file
    assert (hla.gene_id, hla.association) == ("HGNC:4932", "Major susceptibility factor in")
    (prevalence,) = of_type(older, Prevalence)
    assert prevalence.references == ("Dr Véronique PINGAULT[EXPERT]",)
    # From the file without an XML declaration: UTF-8 fails, ISO-8859-1 is used.
    assert {(a.value, a.term) for a in of_type(older, DiseaseAttribute)} == {
        ("Adult", "HP:0003581"), ("Multigenic/multifactorial", "HP:0001426")}


# --- broken files ---------------------------------------------------------------------


def test_truncated_xml_and_wrong_encoding_are_reported_and_the_rest_read() -> None:
    records = read(BROKEN)
    problems = {p.location: p.message for p in of_type(records, Problem)}
    assert problems.keys() == {"en_product1.xml:12", "en_product4.xml:8"}
    assert "not well-formed" in problems["en_product1.xml:12"]
    assert "not valid UTF-8 as declared" in problems["en_product4.xml:8"]
    assert [d.id for d in of_type(records, DiseaseRecord)] == ["ORPHA:58"]  # before the cut
    assert [a.disease_id for a in of_type(records, PhenotypeAnnotation)] == [
        "ORPHA:58", "ORPHA:117", MED]  # before, at and after the undecodable bytes


def test_truncated_gzip_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    data = gzip.compress((CURRENT / "en_product4.xml").read_bytes())
    (tmp_path / "en_product4.xml.gz").write_bytes(data[: len(data) - 40])
    records = read(tmp_path)
    assert len(of_type(records, Problem)) == 1


def _many_disorders(count: int) -> bytes:
    rows = "".join(
        f'<Disorder id="{n}"><OrphaCode>{n}</OrphaCode><Name lang="en">Disorder {n}</Name>'
        "<HPODisorderAssociationList><HPODisorderAssociation><HPO><HPOId>HP:0000256</HPOId>"
        "</HPO><HPOFrequency><Name>Frequent (79-30%)</Name></HPOFrequency>"
        "</HPODisorderAssociation></HPODisorderAssociationList></Disorder>\n"
        for n in range(1, count + 1))
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<JDBOR date="2099-01-02 00:00:00">'
            f"<DisorderList>{rows}</DisorderList></JDBOR>\n").encode()


def test_cut_gzip_download_gives_every_disorder_before_the_cut(tmp_path: Path) -> None:
    data = gzip.compress(_many_disorders(3000))
    (tmp_path / "product4.xml.gz").write_bytes(data[: len(data) * 6 // 10])
    records = read(tmp_path)
    (problem,) = of_type(records, Problem)
    assert "truncated" in problem.message
    read_rows = len(of_type(records, PhenotypeAnnotation))
    assert 1_000 < read_rows < 3_000


@pytest.mark.parametrize(("head", "name", "message"), [
    (b'<?xml version="1.0" encoding="x-klingon"?>', b"Alexander disease", "unknown encoding"),
    # No declaration: UTF-8 is confirmed by the first name, then Latin-1 bytes appear.
    (b"", "Behçet".encode() + b" or B\xe9hcet", "not valid UTF-8 ("),
])
def test_encoding_trouble_is_reported(tmp_path: Path, head: bytes, name: bytes,
                                      message: str) -> None:
    raw = (head + b'<JDBOR date="2099-01-02"><DisorderList><Disorder><OrphaCode>58</OrphaCode>'
           b"<Name>" + name + b"</Name><AverageAgeOfOnsetList><AverageAgeOfOnset>"
           b"<Name>Adult</Name></AverageAgeOfOnset></AverageAgeOfOnsetList></Disorder>"
           b"</DisorderList></JDBOR>")
    (tmp_path / "en_product9_ages.xml").write_bytes(raw)
    records = read(tmp_path)
    (problem,) = of_type(records, Problem)
    assert message in problem.message
    assert len(of_type(records, DiseaseAttribute)) == 1  # and the file is still read


def test_classification_cycle_does_not_loop() -> None:
    tree = orphanet.Classification()
    tree.add("1", "Head", "Category", [])
    tree.add("2", "Group", None, ["1", "3"])
    tree.add("3", "Other group", None, ["2"])
    assert tree.categories_of("3") == ("Head",)
    assert tree.parents_of("2") == ("ORPHA:1", "ORPHA:3")


# --- finding a release, fetching one ---------------------------------------------------


def test_locate_prefers_packets_and_recognises_any_layout(tmp_path: Path) -> None:
    assert orphanet.locate(tmp_path) is None
    xml_dir = tmp_path / "orphanet" / "orphadata-xml"
    shutil.copytree(CURRENT, xml_dir)
    shutil.copytree(OLDER, tmp_path / "orphanet" / "older-without-product1-first")
    (tmp_path / "orphanet" / "older-without-product1-first" / "en_product1.xml").unlink()
    assert orphanet.locate(tmp_path) == xml_dir  # product 1 present, and most products
    archive = pack(PACKETS / "json", tmp_path / "orphanet" / "ORPHApackets_2099.tgz")
    assert orphanet.locate(tmp_path) == archive
    assert orphanet.locate(tmp_path / "orphanet") == archive
    assert next(iter(orphanet.read(tmp_path / "orphanet"))) == SourceRelease(
        "orphanet", "9.9.9", date(2099, 1, 2), str(tmp_path / "orphanet"))


def test_locate_finds_unpacked_packets_and_plain_products(tmp_path: Path) -> None:
    shutil.copytree(PACKETS, tmp_path / "orphanet" / "orphapacket-master")
    assert orphanet.locate(tmp_path) == tmp_path / "orphanet" / "orphapacket-master" / "json"
    flat = tmp_path / "flat"
    shutil.copytree(OLDER, flat)
    assert orphanet.locate(flat) == flat


def test_read_refuses_a_directory_without_a_release(tmp_path: Path) -> None:
    (tmp_path / "notes.xml").write_text("<notes/>")
    with pytest.raises(FileNotFoundError, match="no Orphanet release"):
        orphanet.read(tmp_path)


@pytest.fixture()
def mirror(tmp_path: Path) -> Iterator[str]:
    """A local HTTP server serving a packets archive, like a mirror of the release."""
    served = tmp_path / "served"
    served.mkdir()
    pack(PACKETS / "json", served / orphanet.PACKETS_FILE)
    handler: Any = partial(_QuietHandler, directory=str(served))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def test_fetch_downloads_the_packets_into_the_cache(tmp_path: Path, mirror: str) -> None:
    target = orphanet.fetch(tmp_path / "cache", base_url=mirror)
    assert target == tmp_path / "cache" / "orphanet" / orphanet.PACKETS_FILE
    assert orphanet.locate(tmp_path / "cache") == target
    with tarfile.open(target) as tar:
        assert "json/ORPHApacket_166024.json" in tar.getnames()
    assert len(of_type(read(target), DiseaseRecord)) == 6


def test_definition_cleaning_drops_markup_and_entities() -> None:
    cleaned = orphanet.clean("<I>In vitro</I> &lt;x&gt; <i<SYNE1</i> test")
    assert cleaned == "In vitro <x> SYNE1 test"
    assert orphanet.clean("  no data ") is None
