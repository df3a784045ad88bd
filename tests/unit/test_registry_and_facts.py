"""The source registry is derived from the modules; facts are declared once and round-trip."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, insert, select

from rareinfo.kb import schema
from rareinfo.kb.facts import (
    declared,
    disease_phenotypes,
    fact_for,
    genes,
    phenotypes,
    stamped_tables,
)
from rareinfo.records import (
    Curation,
    Frequency,
    GeneAssociation,
    PhenotypeAnnotation,
    PhenotypeTerm,
    Record,
    Synonym,
)
from rareinfo.sources import registry
from rareinfo.sources.base import SourceInfo


def test_registry_holds_every_source_module_in_build_order() -> None:
    assert registry.names() == ("hpo", "orphanet", "mondo", "gard", "fda_orphan",
                                "clinicaltrials", "pubmed", "medlineplus")
    for source in registry.registered():
        assert isinstance(source.info, SourceInfo)
        assert source.info.licence and source.info.attribution and source.info.downloads


def test_helper_modules_are_not_sources() -> None:
    assert "obo" not in registry.names() and "tabular" not in registry.names()


def test_hpo_ships_inside_a_package_and_is_located_like_any_source(tmp_path: Path) -> None:
    hpo = registry.get("hpo")
    assert hpo.default_location is not None
    assert hpo.locate(hpo.default_location()) == hpo.default_location()
    assert hpo.locate(tmp_path) is None
    assert registry.get("gard").default_location is None


def test_unknown_source_names_the_known_ones() -> None:
    with pytest.raises(registry.UnknownSource, match="known sources: hpo, orphanet"):
        registry.get("omim")


def test_every_record_type_but_the_stream_markers_is_declared_as_a_fact() -> None:
    stored = {fact.record for fact in declared()}
    markers = {"SourceRelease", "Problem"}
    every = {t for t in Record.__args__ if t.__name__ not in markers}
    assert stored == every


def test_stamped_tables_are_derived_from_their_columns() -> None:
    assert {t.name for t in stamped_tables()} == {
        "annotation", "disease_gene", "disease_name", "disease_category", "prevalence",
        "disease_attribute"}


def _round_trip(record: object) -> list[object]:
    engine = create_engine("sqlite://")
    schema.metadata.create_all(engine)
    fact = fact_for(type(record))
    assert fact is not None
    with engine.begin() as conn:
        for table, row in fact.rows(record):
            conn.execute(insert(table), [row])
    with engine.connect() as conn:
        if isinstance(record, PhenotypeAnnotation):
            return [disease_phenotypes.record_of(r) for r in conn.execute(
                select(schema.annotation))]
        if isinstance(record, GeneAssociation):
            return [genes.record_of(r) for r in conn.execute(select(schema.disease_gene))]
        return list(phenotypes.read_terms(conn))


def test_an_annotation_keeps_every_field_through_the_knowledge_base() -> None:
    record = PhenotypeAnnotation(
        "hpo", "OMIM:154700", "HP:0001166", "P", negated=False,
        frequency=Frequency(3 / 7, "3/7", "3/7", 3, 7), onset="HP:0003577", sex="female",
        modifiers=("HP:0012828",), evidence="PCS", references=("PMID:1", "OMIM:154700"),
        curation=(Curation("HPO:skoehler", date(2020, 1, 2)),))
    assert _round_trip(record) == [record]


def test_a_gene_association_and_a_term_keep_every_field() -> None:
    gene = GeneAssociation("orphanet", "ORPHA:558", "NCBIGene:2200", "FBN1",
                           association="Disease-causing germline mutation(s) in",
                           name="fibrillin 1", xrefs=("HGNC:3603",))
    assert _round_trip(gene) == [gene]
    term = PhenotypeTerm("hpo", "HP:0001166", "Arachnodactyly", definition="Long fingers.",
                         synonyms=(Synonym("Long fingers", "EXACT", "layperson"),),
                         xrefs=("UMLS:C0003706",), parents=("HP:0001238",),
                         alt_ids=("HP:0001505",))
    assert _round_trip(term) == [term]
