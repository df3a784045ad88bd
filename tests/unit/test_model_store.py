"""The diagnosis model stored with each snapshot: mapped, identical to a rebuilt one."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from rareinfo.kb import snapshots
from rareinfo.kb.build import SourceRun
from rareinfo.kb.queries import KnowledgeBase
from rareinfo.phenotype import stored
from rareinfo.phenotype.from_kb import model_of
from rareinfo.phenotype.model import PhenotypeModel
from rareinfo.service.building import build_snapshot
from rareinfo.service.diagnosis import model_of_release
from rareinfo.service.live import LiveSnapshot
from rareinfo.service.model_store import INFO_KEY, model_directory, open_model
from rareinfo.sources import hpo

CASES = [
    (["HP:0001250", "HP:0001263"], []),
    (["HP:0000252"], ["HP:0001250"]),
    (["HP:0001250"], []),
    (["HP:0000118"], ["HP:0000252"]),
]


def same_rankings(first: PhenotypeModel, second: PhenotypeModel) -> None:
    for present, excluded in CASES:
        for method in ("lr", "resnik-bma"):
            a = first.rank(present, excluded, method=method, explain=5)
            b = second.rank(present, excluded, method=method, explain=5)
            assert a.to_dict() == b.to_dict()


def test_stored_model_ranks_as_the_rebuilt_one(mini_kb_url: str) -> None:
    kb = KnowledgeBase(mini_kb_url)
    model, notice = open_model(kb)
    assert notice is None
    same_rankings(model, model_of(kb))
    # plain words need the term synonyms, read again from the snapshot
    assert model.map_text("seizures").present == model_of(kb).map_text("seizures").present


def test_stored_arrays_are_read_only_views(mini_release: Path, tmp_path: Path) -> None:
    model = model_of_release(mini_release)
    path = tmp_path / "model"
    stored.write_file(model, path)
    mapped = stored.read_file(path)
    assert not mapped.data.ic.flags.writeable
    assert mapped.ontology.terms is None
    same_rankings(mapped, model)


def test_bytes_of_other_code_or_damaged_are_refused(mini_release: Path) -> None:
    blob = stored.to_bytes(model_of_release(mini_release))
    with pytest.raises(stored.StoredModelError, match="truncated"):
        stored.from_bytes(blob[: len(blob) // 2])
    with pytest.raises(stored.StoredModelError, match="not a stored"):
        stored.from_bytes(b"x" * 100)
    other = blob.replace(stored.format_stamp().encode(), b"0" * 16, 1)
    with pytest.raises(stored.StoredModelError, match="another version"):
        stored.from_bytes(other)


def _build(url: str, release: Path) -> None:
    build_snapshot(url, [SourceRun(hpo.INFO, hpo.read(release))], enforce_minimums=False)


def _forget_model(url: str) -> None:
    """Make the live snapshot look like one built before models and page counts were stored."""
    with sqlite3.connect(snapshots.sqlite_file(url)) as db:
        db.execute("DELETE FROM snapshot_info WHERE key IN (?, 'pages', 'pages with symptoms')",
                   (INFO_KEY,))
    db.close()


def test_a_snapshot_without_a_model_builds_one_with_a_notice(
    mini_release: Path, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'kb.sqlite'}"
    _build(url, mini_release)
    expected, _ = open_model(KnowledgeBase(url))
    counts = KnowledgeBase(url).page_counts()
    assert counts == {"pages": 4, "pages with symptoms": 4}
    _forget_model(url)
    model, notice = open_model(KnowledgeBase(url))
    assert notice is not None and "rareinfo build" in notice
    same_rankings(model, expected)
    assert KnowledgeBase(url).page_counts() == counts  # counted when not stored


def test_an_unreadable_model_file_is_rebuilt_with_a_notice(
    mini_release: Path, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'kb.sqlite'}"
    _build(url, mini_release)
    for path in model_directory(url).iterdir():
        path.write_bytes(b"damaged")
    model, notice = open_model(KnowledgeBase(url))
    assert notice is not None and "cannot be read" in notice
    assert model.rank(["HP:0001250"]).results


def test_a_swap_brings_the_matching_model(
    mini_release: Path, tmp_path: Path, make_release: Callable[[Path], Path]
) -> None:
    url = f"sqlite:///{tmp_path / 'kb.sqlite'}"
    _build(url, mini_release)
    live = LiveSnapshot(url)
    first = live.get()
    before = first.model().disease_ids
    smaller = make_release(tmp_path / "smaller")
    _build(url, smaller)
    _build(url, smaller)  # the first snapshot's model is no longer live: deleted
    assert len(list(model_directory(url).iterdir())) == 2
    assert first.model().disease_ids == before  # a reader keeps the model it mapped
    second = KnowledgeBase(url)
    model, notice = open_model(second)
    assert notice is None
    assert model.disease_ids == model_of(second).disease_ids != before


@pytest.fixture
def make_release(mini_release: Path) -> Callable[[Path], Path]:
    """A copy of the tiny release without its first annotated disease."""

    def make(directory: Path) -> Path:
        directory.mkdir()
        for source in mini_release.iterdir():
            lines = source.read_text().splitlines(keepends=True)
            if source.name == "phenotype.hpoa":
                first = next(line.split("\t")[0] for line in lines
                             if line.strip() and not line.startswith(("#", "database_id")))
                lines = [line for line in lines if not line.startswith(first + "\t")]
            (directory / source.name).write_text("".join(lines))
        return directory

    return make
