"""The stored word tables and vocabulary of a snapshot: written once, read back, never stale."""

from __future__ import annotations

from pathlib import Path

from rareinfo.inquiries.deid import deidentify, store
from rareinfo.inquiries.deid.medical import vocabulary_at
from rareinfo.inquiries.deid.vocabulary import MedicalVocabulary

VOCABULARY = MedicalVocabulary.of(["Seizure", "muscle weakness"], ["Marfan syndrome"])


def test_a_stored_vocabulary_reads_back_the_same(tmp_path: Path) -> None:
    assert store.save(tmp_path, "sqlite:///kb\n1-2-3", VOCABULARY) is not None
    loaded = store.load(tmp_path, "sqlite:///kb\n1-2-3")
    assert loaded is not None
    assert (loaded.words, loaded.eponyms, loaded.written_lower) == (
        VOCABULARY.words,
        VOCABULARY.eponyms,
        VOCABULARY.written_lower,
    )
    text = "My son Liam (7) lives in Leeds and has Marfan syndrome."
    assert deidentify(text, loaded).text == deidentify(text, VOCABULARY).text


def test_another_snapshot_does_not_read_the_stored_file(tmp_path: Path) -> None:
    store.save(tmp_path, "sqlite:///kb\n1-2-3", VOCABULARY)
    assert store.load(tmp_path, "sqlite:///kb\n1-2-4") is None
    assert store.stamp("a") != store.stamp("b")


def test_a_damaged_file_is_ignored(tmp_path: Path) -> None:
    (tmp_path / f"{store.stamp('x')}{store.SUFFIX}").write_bytes(b"not marshal data")
    assert store.load(tmp_path, "x") is None


def test_a_directory_that_cannot_be_written_costs_only_time(tmp_path: Path) -> None:
    blocked = tmp_path / "a file"
    blocked.write_text("in the way")
    assert store.save(blocked / "deid", "x", VOCABULARY) is None


def test_without_a_knowledge_base_the_default_is_stored_and_read_back(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'none.sqlite'}"
    first = vocabulary_at(url, tmp_path)
    assert list((tmp_path / "deid").glob(f"*{store.SUFFIX}"))
    again = vocabulary_at(url, tmp_path)
    assert again.words == first.words
