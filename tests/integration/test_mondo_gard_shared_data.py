"""The Mondo and GARD readers over the real files in ../shared/data."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from rareinfo.records import DiseaseMapping, DiseaseRecord, Problem, Record, SourceRelease
from rareinfo.sources import gard, mondo

pytestmark = pytest.mark.integration

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
SSSOM = DATA / "mondo" / "sssom"


def _timed(label: str, records: Iterator[Record]) -> list[Record]:
    start = time.perf_counter()
    items = list(records)
    kinds = Counter(type(item).__name__ for item in items)
    print(f"\n{label}: {time.perf_counter() - start:.2f} s, {dict(kinds)}")
    return items


@pytest.fixture(scope="module")
def mondo_items() -> list[Record]:
    location = mondo.locate(DATA)
    assert location == DATA / "mondo"
    return _timed("mondo.read(shared/data/mondo)", mondo.read(location))


@pytest.fixture(scope="module")
def gard_items() -> list[Record]:
    location = gard.locate(DATA)
    assert location == DATA / "gard"
    return _timed("gard.read(shared/data/gard)", gard.read(location))


def _mappings(path: Path) -> list[DiseaseMapping]:
    items = _timed(f"mondo.read_sssom({path.name})", mondo.read_sssom(path))
    assert not [item for item in items if isinstance(item, Problem)]
    return [item for item in items if isinstance(item, DiseaseMapping)]


def test_sssom_exact_match_sets_are_complete() -> None:
    omim = _mappings(SSSOM / "mondo_exactmatch_omim.sssom.tsv")
    orphanet = _mappings(SSSOM / "mondo_exactmatch_orphanet.sssom.tsv")
    assert len(omim) == 10_045 and len(orphanet) == 9_785
    assert {m.predicate for m in omim + orphanet} == {"exact"}
    assert all(m.object_id.startswith("ORPHA:") for m in orphanet)
    assert {m.justification for m in orphanet} == {"semapv:ManualMappingCuration"}
    assert any((m.subject_id, m.object_id) == ("MONDO:0004967", "ORPHA:513") for m in orphanet)


def test_gard_xref_set_links_all_to_gard_522() -> None:
    xrefs = _mappings(SSSOM / "mondo_hasdbxref_gard.sssom.tsv")
    assert len(xrefs) == 15_947
    assert {m.predicate for m in xrefs} == {"xref"}
    assert all(len(m.object_id) == len("GARD:0000522") for m in xrefs)
    assert any((m.subject_id, m.object_id) == ("MONDO:0004967", "GARD:0000522") for m in xrefs)


def test_mondo_directory_meets_its_minimums(mondo_items: list[Record]) -> None:
    release = mondo_items[0]
    assert isinstance(release, SourceRelease)
    assert (release.version, str(release.released)) == ("2026-08-04", "2026-08-04")
    counts = {
        "diseases": sum(isinstance(item, DiseaseRecord) for item in mondo_items),
        "mappings": sum(isinstance(item, DiseaseMapping) for item in mondo_items),
    }
    print(f"mondo counts: {counts}")
    for what, minimum in mondo.INFO.minimum_counts:
        assert counts[what] >= minimum
    problems = [item for item in mondo_items if isinstance(item, Problem)]
    assert [p.location for p in problems] == ["obsoletes.tsv:2"]  # a DOID class, not Mondo's


def test_mondo_samples_typed_synonyms_xrefs_and_obsoletes(mondo_items: list[Record]) -> None:
    terms = {item.id: item for item in mondo_items if isinstance(item, DiseaseRecord)}
    t2d = terms["MONDO:0005148"]
    assert ("T2D", "EXACT", "ABBREVIATION") in {(s.text, s.scope, s.type) for s in t2d.synonyms}
    assert t2d.parents == ("MONDO:0005015",)
    prune = terms["MONDO:0007032"]
    assert {"GARD:0007479", "ORPHA:2970", "OMIM:100100", "UMLS:C0033770"} <= set(prune.xrefs)
    assert terms["MONDO:0000002"].obsolete
    assert terms["MONDO:0000002"].replaced_by == "MONDO:0009299"
    edges = {(m.subject_id, m.object_id) for m in mondo_items
             if isinstance(m, DiseaseMapping) and m.relation == "rdfs:subClassOf"}
    assert len(edges) == 28_842
    assert ("MONDO:0000004", "MONDO:0002816") in edges


def test_gard_list_is_merged_and_complete(gard_items: list[Record]) -> None:
    release = gard_items[0]
    assert isinstance(release, SourceRelease)
    assert release.version == "2025-10-31, 2024-03, 2021-09"
    records = {item.id: item for item in gard_items if isinstance(item, DiseaseRecord)}
    print(f"gard: {len(records)} diseases, "
          f"{sum(bool(r.categories) for r in records.values())} with categories, "
          f"{sum(bool(r.translations) for r in records.values())} with a Spanish name")
    assert len(records) >= 6_000
    assert len(records) >= dict(gard.INFO.minimum_counts)["diseases"]
    assert not [item for item in gard_items if isinstance(item, Problem)]
    assert all(len(gard_id) == len("GARD:0000522") for gard_id in records)


def test_gard_522_is_acute_lymphoblastic_leukemia_with_cancer(gard_items: list[Record]) -> None:
    records = {item.id: item for item in gard_items if isinstance(item, DiseaseRecord)}
    all_ = records["GARD:0000522"]
    # The 2025-10-31 list renamed it; the site list's name is kept as a synonym.
    assert all_.name == "Acute lymphoid leukemia"
    names = {s.text for s in all_.synonyms}
    assert {"Acute lymphoblastic leukemia", "Acute lymphocytic leukemia", "ALL"} <= names
    assert all_.categories == ("Cancer", "Hematology")
    site = [item for item in gard.read(DATA / "gard" / "gard_pypi_diseases.trimmed_2024-03.json")
            if isinstance(item, DiseaseRecord) and item.id == "GARD:0000522"]
    assert site[0].name == "Acute lymphoblastic leukemia"


def test_mondo_gard_links_reach_gard_records(
    mondo_items: list[Record], gard_items: list[Record]
) -> None:
    gard_ids = {item.id for item in gard_items if isinstance(item, DiseaseRecord)}
    linked = {m.object_id for m in mondo_items
              if isinstance(m, DiseaseMapping) and m.object_id.startswith("GARD:")}
    print(f"GARD ids cross-referenced by Mondo: {len(linked)}, "
          f"of which in the GARD lists: {len(linked & gard_ids)}; "
          f"GARD list entries Mondo links: {len(gard_ids & linked)} of {len(gard_ids)}")
    assert "GARD:0000522" in linked & gard_ids
