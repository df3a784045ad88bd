"""Building a snapshot: contents, QC minimums, atomic swap, read API."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from rareinfo.kb.build import BuildError, SourceRun
from rareinfo.kb.queries import COVERAGE_SQL, KnowledgeBase, KnowledgeBaseMissing
from rareinfo.records import Record, SourceRelease
from rareinfo.service.building import build_snapshot
from rareinfo.service.model_store import open_model
from rareinfo.sources import hpo


def test_build_counts_and_problems(tmp_path: Path, mini_release: Path) -> None:
    url = f"sqlite:///{tmp_path / 'kb.sqlite'}"
    summary = build_snapshot(url, [SourceRun(hpo.INFO, hpo.read(mini_release))],
                             enforce_minimums=False)
    (source,) = summary.sources
    assert source.version == "2099-01-01"
    assert source.counts["phenotype terms"] == 14
    assert source.counts["diseases"] == 4
    assert source.counts["annotations"] == 12
    assert source.counts["gene associations"] == 2
    assert source.problems == 3
    assert [p.location for p in source.first_problems] == [
        "phenotype.hpoa:16", "phenotype.hpoa:17", "genes_to_phenotype.txt:5"]
    assert source.shortfalls  # the tiny release is far below the stated minimums


def test_minimums_enforced_keep_the_old_snapshot(tmp_path: Path, mini_release: Path) -> None:
    path = tmp_path / "kb.sqlite"
    url = f"sqlite:///{path}"
    build_snapshot(url, [SourceRun(hpo.INFO, hpo.read(mini_release))], enforce_minimums=False)
    before = path.read_bytes()
    with pytest.raises(BuildError, match="expected at least"):
        build_snapshot(url, [SourceRun(hpo.INFO, hpo.read(mini_release))])
    assert path.read_bytes() == before
    # beside the database only the directories of diagnosis models and search indexes,
    # where the live snapshot keeps its own
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kb.sqlite", "kb.sqlite.diagnosis",
                                                        "kb.sqlite.search"]
    assert open_model(KnowledgeBase(url))[1] is None


def test_failed_build_leaves_the_previous_snapshot_serving(tmp_path: Path,
                                                           mini_release: Path) -> None:
    path = tmp_path / "kb.sqlite"
    url = f"sqlite:///{path}"
    build_snapshot(url, [SourceRun(hpo.INFO, hpo.read(mini_release))], enforce_minimums=False)
    kb = KnowledgeBase(url)
    assert kb.disease("OMIM:613065") is not None

    def exploding() -> Iterator[Record]:
        yield SourceRelease("hpo", "x", None, "nowhere")
        raise OSError("disk went away")

    with pytest.raises(OSError, match="disk went away"):
        build_snapshot(url, [SourceRun(hpo.INFO, exploding())], enforce_minimums=False)
    assert KnowledgeBase(url).disease("OMIM:613065") is not None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kb.sqlite", "kb.sqlite.diagnosis",
                                                        "kb.sqlite.search"]
    assert len(list((tmp_path / "kb.sqlite.diagnosis").iterdir())) == 1  # the live model
    assert len(list((tmp_path / "kb.sqlite.search").iterdir())) == 1  # the live index


def test_swap_is_atomic_for_open_readers(tmp_path: Path, mini_release: Path) -> None:
    path = tmp_path / "kb.sqlite"
    url = f"sqlite:///{path}"
    build_snapshot(url, [SourceRun(hpo.INFO, hpo.read(mini_release))], enforce_minimums=False)
    reader = sqlite3.connect(path)
    reader.execute("BEGIN")
    old = reader.execute("SELECT value FROM snapshot_info WHERE key='built_at'").fetchone()
    inode = path.stat().st_ino
    build_snapshot(url, [SourceRun(hpo.INFO, hpo.read(mini_release))], enforce_minimums=False)
    assert path.stat().st_ino != inode
    # The open reader still sees its complete old snapshot.
    assert reader.execute("SELECT count(*) FROM disease").fetchone() == (4,)
    assert reader.execute("SELECT value FROM snapshot_info WHERE key='built_at'").fetchone() == old
    reader.close()


def test_missing_database_says_to_build(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseMissing, match="rareinfo build"):
        KnowledgeBase(f"sqlite:///{tmp_path / 'none.sqlite'}")


def test_disease_page_facts(mini_kb_url: str) -> None:
    kb = KnowledgeBase(mini_kb_url)
    disease = kb.disease("OMIM:100001")
    assert disease is not None
    assert disease.name == "Test syndrome"
    assert [s.id for s in disease.symptoms] == ["HP:0002240", "HP:0001250", "HP:0006721"]
    liver = disease.symptoms[0]
    assert liver.lay_names == ("Enlarged liver",)
    assert liver.frequency_label == "Very frequent (80-99%)"
    assert liver.onset is not None and liver.onset.name == "Congenital onset"
    seizure = disease.symptoms[1]
    assert (seizure.frequency_n, seizure.frequency_m) == (3, 7)
    assert [m.name for m in seizure.modifiers] == ["Nonprogressive"]
    assert [s.id for s in disease.excluded] == ["HP:0002488"]
    assert [t.name for t in disease.inheritance] == ["Autosomal dominant inheritance"]
    assert [t.name for t in disease.onset] == ["Congenital onset"]
    assert [t.name for t in disease.clinical_course] == ["Nonprogressive"]
    assert disease.references[0].curie == "PMID:111"
    assert disease.last_curated == date(2022, 1, 2)
    assert [r.version for r in disease.releases] == ["2099-01-01"]


def test_all_example_rows(mini_kb_url: str) -> None:
    disease = KnowledgeBase(mini_kb_url).disease("OMIM:613065")
    assert disease is not None
    assert [(s.id, s.name, s.source) for s in disease.symptoms] == [
        ("HP:0006721", "Acute lymphoblastic leukemia", "hpo")]
    assert [(t.id, t.name) for t in disease.inheritance] == [
        ("HP:0010982", "Polygenic inheritance")]
    assert [g.symbol for g in disease.genes] == ["HLA-A"]


def test_identifier_resolution(mini_kb_url: str) -> None:
    kb = KnowledgeBase(mini_kb_url)
    assert kb.resolve_disease("613065") == "OMIM:613065"
    assert kb.resolve_disease("Orphanet_513") == "ORPHA:513"
    assert kb.resolve_disease("OMIM:1") is None
    assert kb.resolve_disease("not an id") is None
    assert kb.resolve_phenotype("hp_0002240") == "HP:0002240"
    assert kb.resolve_phenotype("HP:0001405") == "HP:0002240"  # alt_id
    assert kb.resolve_phenotype("HP:0999999") is None


def test_phenotype_page_facts(mini_kb_url: str) -> None:
    term = KnowledgeBase(mini_kb_url).phenotype("HP:0006721")
    assert term is not None
    assert [p.id for p in term.parents] == ["HP:0002488"]
    assert [(d.id, d.frequency_label) for d in term.diseases] == [
        ("ORPHA:513", "Always (100%)"), ("OMIM:100001", "35%"), ("OMIM:613065", None)]
    acute = KnowledgeBase(mini_kb_url).phenotype("HP:0002488")
    assert acute is not None and [c.id for c in acute.children] == ["HP:0006721"]
    assert acute.diseases == ()  # the only annotation is a NOT


def test_status(mini_kb_url: str) -> None:
    status = KnowledgeBase(mini_kb_url).status()
    assert (status.diseases, status.phenotypes, status.annotations) == (4, 14, 12)
    assert status.problems == 3
    assert status.releases[0].counts["annotations"] == 12


def test_coverage_is_counted_by_the_build_and_by_older_snapshots(tmp_path: Path,
                                                                 mini_release: Path) -> None:
    path = tmp_path / "kb.sqlite"
    url = f"sqlite:///{path}"
    build_snapshot(url, [SourceRun(hpo.INFO, hpo.read(mini_release))], enforce_minimums=False)
    stored = KnowledgeBase(url).status().coverage
    assert stored["pages"] == 4 and stored["pages with symptoms"] == 4
    assert list(stored) == list(COVERAGE_SQL)
    with sqlite3.connect(path) as conn:  # a snapshot built before coverage was stored
        conn.execute(f"DELETE FROM snapshot_info WHERE key IN "
                     f"({', '.join('?' * len(COVERAGE_SQL))})", list(COVERAGE_SQL))
    assert KnowledgeBase(url).status().coverage == stored
    with sqlite3.connect(path) as conn:  # what is stored is what is shown
        conn.execute("INSERT INTO snapshot_info VALUES ('pages with genes', '41')")
    assert KnowledgeBase(url).status().coverage["pages with genes"] == 41


def test_snapshot_of_another_schema_version_asks_for_a_rebuild(tmp_path: Path,
                                                                mini_release: Path) -> None:
    path = tmp_path / "kb.sqlite"
    build_snapshot(f"sqlite:///{path}", [SourceRun(hpo.INFO, hpo.read(mini_release))],
          enforce_minimums=False)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE snapshot_info SET value = '0' WHERE key = 'schema_version'")
    with pytest.raises(KnowledgeBaseMissing, match="run `rareinfo build`"):
        KnowledgeBase(f"sqlite:///{path}")


def test_identifiers_of_a_page(mini_kb_url: str) -> None:
    kb = KnowledgeBase(mini_kb_url)
    ids = kb.identifiers_of("OMIM:613065")
    assert "OMIM:613065" in ids and ids == sorted(ids)
