"""The Mondo readers on a tiny hand-made release (tests/fixtures/mondo_mini)."""

from __future__ import annotations

import gzip
import shutil
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest

from rareinfo.records import DiseaseMapping, DiseaseRecord, Problem, Record, SourceRelease, Synonym
from rareinfo.sources import mondo

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "mondo_mini"
RELEASE = FIXTURE / "release"
OBO = RELEASE / "mondo.obo"
JSON = FIXTURE / "obographs" / "mondo.json"
SSSOM = RELEASE / "sssom" / "mondo_exactmatch_orphanet.sssom.tsv"

Triple = tuple[str, str, str, str]


def _records(items: Sequence[Record]) -> dict[str, DiseaseRecord]:
    return {r.id: r for r in items if isinstance(r, DiseaseRecord)}


def _mappings(items: Sequence[Record]) -> set[Triple]:
    return {(m.subject_id, m.object_id, m.predicate, m.relation)
            for m in items if isinstance(m, DiseaseMapping)}


def _problems(items: Sequence[Record]) -> list[Problem]:
    return [p for p in items if isinstance(p, Problem)]


def test_terms_keep_names_definitions_typed_synonyms_xrefs_and_parents() -> None:
    terms = _records(list(mondo.read_obo(OBO)))
    assert set(terms) == {"MONDO:0000001", "MONDO:0004967", "MONDO:0000002", "MONDO:0000003"}
    all_ = terms["MONDO:0004967"]
    assert all_.source == "mondo" and all_.name == "acute lymphoblastic leukemia"
    assert all_.definition == "A leukemia of lymphoblasts."
    assert all_.synonyms == (
        Synonym("acute lymphoblastic leukaemia", "EXACT", "OMO:0003005"),
        Synonym("ALL", "EXACT", "ABBREVIATION"),
        Synonym("precursor lymphoid neoplasm", "BROAD"),
        Synonym("lymphoblastic leukemia, acute", "RELATED"),
    )
    # Normalised: Orphanet -> ORPHA, GARD padded to seven digits; unknown prefixes kept.
    assert all_.xrefs == ("DOID:9952", "GARD:0000522", "ICD10CM:C91.0", "NCIT:C3167", "ORPHA:513")
    assert all_.parents == ("MONDO:0000001",)
    assert not all_.obsolete and all_.replaced_by is None


def test_obsolete_terms_keep_their_replacement() -> None:
    terms = _records(list(mondo.read_obo(OBO)))
    assert terms["MONDO:0000002"].obsolete
    assert terms["MONDO:0000002"].replaced_by == "MONDO:0004967"
    assert terms["MONDO:0000003"].obsolete and terms["MONDO:0000003"].replaced_by is None


def test_ontology_mappings_exact_for_equivalence_and_skos_xref_for_the_rest() -> None:
    mappings = _mappings(list(mondo.read_obo(OBO)))
    term = "MONDO:0004967"
    assert (term, "ORPHA:513", "exact", "MONDO:equivalentTo") in mappings
    assert (term, "DOID:9952", "exact", "MONDO:equivalentTo") in mappings
    assert (term, "UMLS:C0023449", "exact", "skos:exactMatch") in mappings  # IRI form
    assert (term, "OMIM:613065", "narrower", "skos:narrowMatch") in mappings
    assert (term, "NCIT:C3167", "close", "skos:closeMatch") in mappings
    assert (term, "GARD:0000522", "xref", "oboInOwl:hasDbXref") in mappings
    assert (term, "ICD10CM:C91.0", "xref", "oboInOwl:hasDbXref") in mappings
    # An exact xref is not repeated as a plain xref, nor the skos copy of it.
    assert (term, "ORPHA:513", "xref", "oboInOwl:hasDbXref") not in mappings
    assert (term, "DOID:9952", "exact", "skos:exactMatch") not in mappings
    assert ("MONDO:0100999", term, "exact", "oboInOwl:hasAlternativeId") in mappings
    assert ("MONDO:0000002", "OMIM:100000", "exact", "MONDO:equivalentObsolete") in mappings
    assert ("MONDO:0000003", "MONDO:0000001", "related", "oboInOwl:consider") in mappings


def test_imported_classes_and_typedefs_are_not_diseases() -> None:
    items = list(mondo.read_obo(OBO))
    assert not _problems(items)
    assert all(not r.id.startswith("UBERON") for r in _records(items).values())


def test_obographs_json_gives_the_same_records_as_obo() -> None:
    from_obo, from_json = list(mondo.read_obo(OBO)), list(mondo.read_obographs(JSON))
    assert _records(from_json) == _records(from_obo)
    assert _mappings(from_json) == _mappings(from_obo)
    assert [p.location for p in _problems(from_json)] == ["mondo.json#7", "mondo.json#8"]


def test_malformed_obo_stanza_is_reported_and_the_rest_read(tmp_path: Path) -> None:
    text = OBO.read_text().replace("name: disease\n", "name disease without colon\n")
    (tmp_path / "mondo.obo").write_text(text)
    items = list(mondo.read_obo(tmp_path / "mondo.obo"))
    (problem,) = _problems(items)
    line = int(problem.location.split(":")[1])
    assert text.splitlines()[line - 1] == "[Term]"
    assert "MONDO:0004967" in _records(items) and "MONDO:0000001" not in _records(items)


def test_bad_obographs_json_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    broken = tmp_path / "mondo.json"
    broken.write_text(JSON.read_text()[:500])
    (problem,) = list(mondo.read_obographs(broken))
    assert isinstance(problem, Problem) and "invalid JSON" in problem.message


def test_sssom_rows_every_predicate_justification_and_normalised_objects() -> None:
    items = list(mondo.read_sssom(SSSOM))
    rows = {(m.subject_id, m.object_id): m for m in items if isinstance(m, DiseaseMapping)}
    exact = rows[("MONDO:0004967", "ORPHA:513")]
    assert (exact.predicate, exact.relation) == ("exact", "skos:exactMatch")
    assert exact.justification == "semapv:ManualMappingCuration"
    # subject skos:broadMatch object: the object is the broader concept.
    assert rows[("MONDO:0004967", "ORPHA:98838")].predicate == "broader"
    assert rows[("MONDO:0000001", "MESH:D004194")].predicate == "narrower"
    assert rows[("MONDO:0000001", "OMIM:100000")].predicate == "close"
    related = rows[("MONDO:0000001", "UMLS:C0012634")]
    assert (related.predicate, related.relation) == ("related", "skos:relatedMatch")
    assert ("MONDO:0000001", "ORPHA:1") not in rows  # predicate_modifier Not
    problems = _problems(items)
    assert [p.location for p in problems] == [f"{SSSOM.name}:16", f"{SSSOM.name}:17"]
    assert "columns" in problems[0].message and "skos:sameAs" in problems[1].message


def test_sssom_hasdbxref_is_xref_and_gard_ids_are_padded() -> None:
    path = RELEASE / "sssom" / "mondo_hasdbxref_gard.sssom.tsv"
    objects = {(m.object_id, m.predicate, m.relation)
               for m in mondo.read_sssom(path) if isinstance(m, DiseaseMapping)}
    assert objects == {("GARD:0000522", "xref", "oboInOwl:hasDbXref"),
                       ("GARD:0000017", "xref", "oboInOwl:hasDbXref")}


def test_sssom_metadata_header_is_parsed() -> None:
    lines = (" curie_map:", "   MONDO: http://purl.obolibrary.org/obo/MONDO_",
             " mapping_set_version: http://x/releases/2099-02-03/m.tsv", " license: 'CC0'")
    assert mondo.sssom_metadata(lines) == {
        "curie_map": "", "mapping_set_version": "http://x/releases/2099-02-03/m.tsv",
        "license": "CC0"}


def test_subclass_edges_become_broader_mappings_child_to_parent() -> None:
    items = list(mondo.read_edges(RELEASE / "mondo-rare_edges.kgx.tsv"))
    assert _mappings(items) == {("MONDO:0004967", "MONDO:0000001", "broader", "rdfs:subClassOf")}
    (problem,) = _problems(items)  # the gene edge is skipped, the short row reported
    assert problem.location == "mondo-rare_edges.kgx.tsv:4"


def test_obsoletes_tsv_gives_obsolete_records_with_replacements() -> None:
    items = list(mondo.read_obsoletes(RELEASE / "obsoletes.tsv"))
    terms = _records(items)
    assert terms["MONDO:0000050"] == DiseaseRecord(
        "mondo", "MONDO:0000050", "obsolete MONDO:0000050", obsolete=True,
        replaced_by="MONDO:0000051")
    assert terms["MONDO:0000052"].replaced_by is None
    assert terms["MONDO:0000053"].replaced_by == "HP:0001115"
    assert ("MONDO:0000052", "OMIMPS:601419", "related", "oboInOwl:consider") in _mappings(items)
    (problem,) = _problems(items)
    assert problem.location == "obsoletes.tsv:6" and "not a Mondo term" in problem.message


def test_read_directory_release_first_dedupes_and_prefers_sssom_justification() -> None:
    items = list(mondo.read(RELEASE))
    assert items[0] == SourceRelease("mondo", "2099-01-01", date(2099, 1, 1), str(RELEASE))
    terms = _records(items)
    # obsoletes.tsv repeats MONDO:0000002 with another replacement: the ontology's wins.
    assert terms["MONDO:0000002"].replaced_by == "MONDO:0004967"
    assert {"MONDO:0000050", "MONDO:0000052", "MONDO:0000053"} <= set(terms)
    key = ("MONDO:0004967", "ORPHA:513", "exact")
    exact = [m for m in items if isinstance(m, DiseaseMapping)
             and (m.subject_id, m.object_id, m.predicate) == key]
    assert len(exact) == 1 and exact[0].justification == "semapv:ManualMappingCuration"
    keys = [(m.subject_id, m.object_id, m.predicate) for m in items
            if isinstance(m, DiseaseMapping)]
    assert len(keys) == len(set(keys))


def test_release_falls_back_to_the_newest_mapping_set_version(tmp_path: Path) -> None:
    shutil.copytree(RELEASE / "sssom", tmp_path / "sssom")
    release = mondo.release_of(tmp_path)
    assert (release.version, release.released) == ("2099-02-03", date(2099, 2, 3))


def test_gzip_and_any_file_names_are_recognised(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "mondo").mkdir(parents=True)
    for source, name in ((OBO, "ontology.bin"), (SSSOM, "set-1.gz")):
        (data / "mondo" / name).write_bytes(gzip.compress(source.read_bytes()))
    assert mondo.locate(data) == data / "mondo"
    items = list(mondo.read(data / "mondo"))
    assert items[0] == SourceRelease("mondo", "2099-01-01", date(2099, 1, 1), str(data / "mondo"))
    assert "MONDO:0004967" in _records(items)
    assert ("MONDO:0004967", "ORPHA:98838", "broader", "skos:broadMatch") in _mappings(items)


def test_files_are_recognised_by_content() -> None:
    kinds = {path.name: mondo.file_kind(path) for path in RELEASE.rglob("*") if path.is_file()}
    assert kinds == {"mondo.obo": "obo", "mondo_exactmatch_orphanet.sssom.tsv": "sssom",
                     "mondo_hasdbxref_gard.sssom.tsv": "sssom",
                     "mondo-rare_edges.kgx.tsv": "edges", "obsoletes.tsv": "obsoletes"}
    assert mondo.file_kind(JSON) == "json"


def test_truncated_gzip_is_a_problem_after_the_rows_before_it(tmp_path: Path) -> None:
    row = "MONDO:0000001\tdisease\tskos:exactMatch\t\tOrphanet:9\tx\tsemapv:LexicalMatching\n"
    packed = gzip.compress((SSSOM.read_text() + row * 5000).encode())
    (tmp_path / "cut.sssom.tsv.gz").write_bytes(packed[: len(packed) // 2])
    items = list(mondo.read_sssom(tmp_path / "cut.sssom.tsv.gz"))
    assert any(isinstance(item, DiseaseMapping) for item in items)
    assert "truncated or corrupt" in _problems(items)[-1].message


def test_locate_finds_a_flat_directory_and_nothing_elsewhere(tmp_path: Path) -> None:
    assert mondo.locate(RELEASE) == RELEASE
    (tmp_path / "notes.txt").write_text("nothing to see")
    assert mondo.locate(tmp_path) is None
    with pytest.raises(FileNotFoundError):
        next(iter(mondo.read(tmp_path)))


def test_identifiers_in_every_spelling_are_normalised() -> None:
    assert mondo.to_curie("<http://purl.obolibrary.org/obo/MONDO_0000002>") == "MONDO:0000002"
    assert mondo.to_curie('"MONDO_0008810"') == "MONDO:0008810"
    assert mondo.to_curie("http://www.orpha.net/ORDO/Orphanet_513") == "ORPHA:513"
    assert mondo.to_curie("GARD:522") == "GARD:0000522"
    assert mondo.to_curie("mesh:D004194") == "MESH:D004194"
    assert mondo.to_curie("http://identifiers.org/hgnc/7883") == "HGNC:7883"
    assert mondo.to_curie("icd11.foundation:733056203") == "icd11.foundation:733056203"


def test_fetch_downloads_the_ontology_and_mapping_sets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str, Path]] = []
    monkeypatch.setattr(mondo, "download", lambda url, dest: calls.append((url, dest)))
    assert mondo.fetch(tmp_path, base_url="http://mirror/mondo/") == tmp_path / "mondo"
    assert calls[0] == ("http://mirror/mondo/mondo.obo", tmp_path / "mondo" / "mondo.obo")
    assert ("http://mirror/mondo/mappings/mondo_exactmatch_orphanet.sssom.tsv",
            tmp_path / "mondo" / "sssom" / "mondo_exactmatch_orphanet.sssom.tsv") in calls
    assert len(calls) == 1 + len(mondo.MAPPING_SETS)
    assert mondo.INFO.downloads[0] == "http://purl.obolibrary.org/obo/mondo.obo"
