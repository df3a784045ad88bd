"""The Orphanet reader on the real files in ../shared/data/orphanet.

The full ORPHApackets (9,960 packets, release 1.3.42 of 2025-12-09) are read once per
module; read times are printed (run with ``-s`` to see them), never asserted.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TypeVar

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
)
from rareinfo.sources import orphanet

pytestmark = pytest.mark.integration
R = TypeVar("R")

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
ORPHANET = DATA / "orphanet"
PACKETS = ORPHANET / "orphapackets-2025-12-json.tar.gz"
TRIMMED = ORPHANET / "orphadata-xml-2025-12-trimmed"
FULL_2021 = ORPHANET / "orphadata-xml-2021-03-full"
PRODUCT3_2020 = ORPHANET / "orphadata-product3-2020-03"
KEPT = {"ORPHA:513", "ORPHA:58", "ORPHA:166024"}  # diseases whose records are kept
# Record type -> the count key the build checks against INFO.minimum_counts.
COUNT_KEYS: dict[type, str] = {
    DiseaseRecord: "diseases",
    PhenotypeAnnotation: "annotations",
    GeneAssociation: "gene associations",
    DiseaseMapping: "mappings",
    Prevalence: "prevalences",
}


@dataclass
class Reading:
    """What a full read gave: counts, problems, time and the records of a few diseases."""

    release: Record | None = None
    counts: Counter[str] = field(default_factory=Counter)
    problems: list[Problem] = field(default_factory=list)
    kept: list[Record] = field(default_factory=list)
    seconds: float = 0.0


def read_all(path: Path) -> Reading:
    """Read a release streaming, keeping only counts and the records of KEPT diseases."""
    reading = Reading()
    start = time.perf_counter()
    for record in orphanet.read(path):
        reading.counts[type(record).__name__] += 1
        if reading.release is None:
            reading.release = record
        elif isinstance(record, Problem):
            reading.problems.append(record)
        elif KEPT & {getattr(record, k, None) for k in ("id", "disease_id", "subject_id")}:
            reading.kept.append(record)
    reading.seconds = time.perf_counter() - start
    print(f"\n{path.name}: {reading.seconds:.2f} s, {dict(reading.counts)}")
    return reading


@pytest.fixture(scope="module")
def packets() -> Reading:
    return read_all(PACKETS)


def records_of(reading: Reading, kind: type[R], disease_id: str) -> list[R]:
    keys = ("id", "disease_id", "subject_id")
    return [r for r in reading.kept if isinstance(r, kind)
            and disease_id in (getattr(r, k, None) for k in keys)]


def test_locate_finds_the_packets_in_the_shared_layout() -> None:
    assert orphanet.locate(DATA) == PACKETS
    assert orphanet.locate(ORPHANET) == PACKETS


def test_full_packets_meet_the_stated_minimums(packets: Reading) -> None:
    assert packets.release == SourceRelease("orphanet", "1.3.42", date(2025, 12, 9), str(PACKETS))
    assert packets.counts["DiseaseRecord"] >= 9_900
    by_key = {key: packets.counts[kind.__name__] for kind, key in COUNT_KEYS.items()}
    for key, minimum in orphanet.INFO.minimum_counts:
        assert by_key[key] >= minimum, key
    # The few malformed items of the release, each with its packet.
    assert len(packets.problems) <= 5
    assert all(p.location.startswith(f"{PACKETS.name}#json/ORPHApacket_")
               for p in packets.problems)


def test_acute_lymphoblastic_leukemia(packets: Reading) -> None:
    (all_,) = records_of(packets, DiseaseRecord, "ORPHA:513")
    assert all_.name == "Acute lymphoblastic leukemia"
    synonyms = {s.text for s in all_.synonyms}
    assert {"ALL", "Acute lymphocytic leukemia"} <= synonyms
    assert all_.definition is not None
    assert all_.definition.startswith("A rare disease characterized by malignant proliferation")
    assert all_.kind == "Clinical group"
    assert "ORPHA:547" in all_.parents  # Non-Hodgkin lymphoma
    assert {"Rare hematologic disease", "Rare neoplastic disease"} <= set(all_.categories)
    mappings = {(m.object_id, m.predicate, m.relation)
                for m in records_of(packets, DiseaseMapping, "ORPHA:513")}
    assert ("OMIM:613065", "exact", "E") in mappings
    assert ("OMIM:247640", "narrower", "BTNT") in mappings
    # The packets carry OMIM references only; ICD-10, GARD, ... come with product 1.
    assert {object_id.split(":")[0] for object_id, _, _ in mappings} == {"OMIM"}
    prevalences = records_of(packets, Prevalence, "ORPHA:513")
    assert ("Annual incidence", "1-9 / 100 000", "Europe") in {
        (p.type, p.prevalence_class, p.region) for p in prevalences}
    onsets = records_of(packets, DiseaseAttribute, "ORPHA:513")
    assert [(a.attribute, a.value) for a in onsets] == [("onset", "All ages")]


def test_trimmed_xml_agrees_with_the_packets(packets: Reading) -> None:
    """The trimmed XML is edited test data: compare the facts both forms really share.

    Known differences: the XML definitions, parents (its product 3 is made up) and
    prevalence references differ; the XML adds validation statuses, mappings to other
    terminologies and gene cross-references (Ensembl, ...) that packets do not carry.
    """
    xml = read_all(TRIMMED)
    assert xml.release == SourceRelease("orphanet", "1.3.42", date(2025, 12, 9), str(TRIMMED))
    assert not xml.problems
    for code in ("ORPHA:166024", "ORPHA:58"):
        (a,), (b,) = records_of(packets, DiseaseRecord, code), records_of(xml, DiseaseRecord, code)
        assert (a.name, a.kind) == (b.name, b.kind)
        assert {s.text for s in a.synonyms} <= {s.text for s in b.synonyms}

        def omim(reading: Reading, code: str = code) -> set[tuple[str, str, str]]:
            return {(m.object_id, m.predicate, m.relation)
                    for m in records_of(reading, DiseaseMapping, code)
                    if m.object_id.startswith("OMIM:")}

        assert omim(packets) == omim(xml)
    # Onset and inheritance of ORPHA:166024 (the trimmed product 9 lacks ORPHA:58).
    onsets = set(records_of(packets, DiseaseAttribute, "ORPHA:166024"))
    assert len(onsets) == 3
    assert onsets == set(records_of(xml, DiseaseAttribute, "ORPHA:166024"))
    # Phenotypes: the XML holds two rows for ORPHA:58, identical in the packet.
    xml_rows = set(records_of(xml, PhenotypeAnnotation, "ORPHA:58"))
    assert len(xml_rows) == 2
    assert xml_rows <= set(records_of(packets, PhenotypeAnnotation, "ORPHA:58"))
    (kif7,) = records_of(packets, GeneAssociation, "ORPHA:166024")
    (kif7_xml,) = records_of(xml, GeneAssociation, "ORPHA:166024")
    assert (kif7.gene_id, kif7.symbol, kif7.name, kif7.association) == (
        kif7_xml.gene_id, kif7_xml.symbol, kif7_xml.name, kif7_xml.association)
    point = {(p.type, p.qualification, p.prevalence_class, p.value, p.region)
             for p in records_of(packets, Prevalence, "ORPHA:166024")}
    assert ("Point prevalence", "Class only", "<1 / 1 000 000", None, "Worldwide") in point
    assert ("Point prevalence", "Class only", "<1 / 1 000 000", None, "Worldwide") in {
        (p.type, p.qualification, p.prevalence_class, p.value, p.region)
        for p in records_of(xml, Prevalence, "ORPHA:166024")}


def test_iso_8859_1_full_products_read_without_problems() -> None:
    full = read_all(FULL_2021)
    assert full.release == SourceRelease("orphanet", "1.3.7", date(2021, 3, 1), str(FULL_2021))
    assert not full.problems
    assert full.counts["PhenotypeAnnotation"] == 102_872
    assert full.counts["Prevalence"] == 15_431
    assert full.counts["DiseaseAttribute"] > 10_000
    (alexander,) = records_of(full, DiseaseRecord, "ORPHA:58")
    assert alexander.name == "Alexander disease"
    macrocephaly = [a for a in records_of(full, PhenotypeAnnotation, "ORPHA:58")
                    if a.phenotype_id == "HP:0000256"]
    assert macrocephaly and macrocephaly[0].frequency is not None
    assert macrocephaly[0].frequency.term == "HP:0040281"
    for product in sorted(FULL_2021.iterdir()):  # each product alone: counts and time
        alone = read_all(product)
        assert not alone.problems


def test_accented_names_survive_iso_8859_1() -> None:
    ages = FULL_2021 / "orphadata_prod9_epidemiological_ages.xml.gz"
    names = {r.name for r in orphanet.read(ages) if isinstance(r, DiseaseRecord)}
    assert {"Albers-Schönberg osteopetrosis", "Sjögren-Larsson syndrome"} <= names


def test_older_classification_schema() -> None:
    older = read_all(PRODUCT3_2020)
    assert older.release == SourceRelease("orphanet", "1.3.1", date(2020, 3, 1),
                                          str(PRODUCT3_2020))
    assert not older.problems
    assert older.counts["DiseaseRecord"] > 2_900
    diseases = {r.id: r for r in orphanet.read(PRODUCT3_2020) if isinstance(r, DiseaseRecord)}
    assert diseases["ORPHA:34217"].name == "Naxos disease"
    assert diseases["ORPHA:34217"].parents == ("ORPHA:247",)
    assert diseases["ORPHA:34217"].categories == ("Rare cardiac disease",)
    assert diseases["ORPHA:117"].name == "Behçet disease"
    assert diseases["ORPHA:117"].categories == ("Rare neurologic disease",)
