"""The search index stored with each SQLite snapshot: loaded, never stale, identical to a
freshly built one."""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from rareinfo.kb.build import SourceRun
from rareinfo.kb.queries import KnowledgeBase
from rareinfo.search import stored
from rareinfo.search.base import EntityKind, SearchEntry, SearchHit
from rareinfo.search.entries import read_entries
from rareinfo.search.memory import SearchIndex
from rareinfo.search.plain_text import WithPlainText
from rareinfo.service.building import build_snapshot
from rareinfo.service.live import LiveSnapshot, PendingSearcher, open_searcher
from rareinfo.service.search_store import INFO_KEY, index_directory, index_file, open_index
from rareinfo.sources import hpo

QUERIES = ["s", "sk", "skin", "skin syndrome", "syndrme", "kidney ataxia 5", "spleen atax",
           "aorta stenosis 12 variant", "X:17", "17", "liver", "sternum aplasia", "zzz",
           "seizure", "seizrue", "fits", "hp:0001250", "microcephaly", "abnormal", "eye"]


def _entries() -> list[SearchEntry]:
    """Enough names for the precomputed paths of common prefixes to be stored too."""
    stems = ["syndrome", "dysplasia", "atrophy", "ataxia", "anemia", "aplasia", "stenosis"]
    places = ["skull", "spine", "skin", "aorta", "kidney", "liver", "spleen", "sternum"]
    entries = []
    for i in range(1500):
        name = f"{places[i % len(places)]} {stems[i % len(stems)]} {i % 97}"
        kind: EntityKind = "disease" if i % 3 else "phenotype"
        weight = (i * 7919) % 13 / 2
        entries += [SearchEntry(kind, f"X:{i}", name, name, "name", weight),
                    SearchEntry(kind, f"X:{i}", name, f"{name} variant", "synonym", 0.0),
                    SearchEntry(kind, f"X:{i}", name, f"X:{i}", "identifier", weight)]
    entries.append(SearchEntry("phenotype", "HP:0001250", "Seizure", "Fits", "layperson", 6.0))
    return entries


def same_answers(first: SearchIndex, second: SearchIndex) -> None:
    """Every query method gives the same hits with the same scores."""
    assert len(first) == len(second)
    for query in QUERIES:
        for kind in (None, "disease", "phenotype", "gene"):
            assert first.search(query, kind=kind, limit=30) == second.search(
                query, kind=kind, limit=30), query
            assert first.search(query, kind=kind, offset=20) == second.search(
                query, kind=kind, offset=20), query
            assert first.count(query, kind=kind) == second.count(query, kind=kind), query
            assert first.autocomplete(query, kind=kind) == second.autocomplete(
                query, kind=kind), query
        assert first.suggest(query) == second.suggest(query), query
    browsed: tuple[EntityKind, ...] = ("disease", "phenotype")
    for letter in "asxz0":
        for kind_ in browsed:
            assert first.browse(letter, kind=kind_) == second.browse(letter, kind=kind_)


def test_a_stored_index_answers_as_the_built_one() -> None:
    built = SearchIndex.build(_entries())
    built.search("syndrme")  # the typo cache is not stored: a loaded index starts empty
    loaded = stored.from_bytes(stored.to_bytes(built, "0123456789abcdef"), "0123456789abcdef")
    assert loaded is not built
    same_answers(loaded, SearchIndex.build(_entries()))
    assert loaded.search("skin")  # non-empty answers were compared


def test_bytes_of_another_snapshot_version_or_damaged_are_refused() -> None:
    blob = stored.to_bytes(SearchIndex.build(_entries()[:30]), "0123456789abcdef")
    with pytest.raises(stored.StoredIndexError, match="another snapshot"):
        stored.from_bytes(blob, "fedcba9876543210")
    other = blob.replace(stored.format_stamp().encode(), b"0" * 16)
    with pytest.raises(stored.StoredIndexError, match="another version"):
        stored.from_bytes(other, "0123456789abcdef")
    with pytest.raises(stored.StoredIndexError, match="damaged"):
        stored.from_bytes(blob[:-40], "0123456789abcdef")
    with pytest.raises(stored.StoredIndexError, match="not a stored search index"):
        stored.from_bytes(b"RIMODEL1" + blob[8:], "0123456789abcdef")
    with pytest.raises(stored.StoredIndexError, match="truncated"):
        stored.from_bytes(blob[:5], "0123456789abcdef")


@pytest.fixture()
def kb_url(tmp_path: Path, mini_release: Path) -> str:
    url = f"sqlite:///{tmp_path / 'kb.sqlite'}"
    build_snapshot(url, [SourceRun(hpo.INFO, hpo.read(mini_release))], enforce_minimums=False)
    return url


def _token(url: str) -> str:
    with sqlite3.connect(url.removeprefix("sqlite:///")) as db:
        (token,) = db.execute("SELECT value FROM snapshot_info WHERE key = ?",
                              (INFO_KEY,)).fetchone()
    return str(token)


def test_the_build_stores_the_index_and_a_process_loads_it(kb_url: str) -> None:
    kb = KnowledgeBase(kb_url)
    notices: list[str] = []
    loaded = open_index(kb, notices.append)
    assert notices == []
    assert [p.name for p in index_directory(kb_url).iterdir()] == [
        index_file(kb_url, _token(kb_url)).name]
    same_answers(loaded, SearchIndex.build(read_entries(kb.engine)))
    assert loaded.search("seizure")[0].curie == "HP:0001250"


def test_a_build_keeps_only_the_live_snapshots_index_and_its_own(kb_url: str,
                                                                  mini_release: Path) -> None:
    tokens = [_token(kb_url)]
    for _ in range(2):
        build_snapshot(kb_url, [SourceRun(hpo.INFO, hpo.read(mini_release))],
                       enforce_minimums=False)
        tokens.append(_token(kb_url))
    assert len(set(tokens)) == 3
    # the first snapshot was live during the second build, not during the third
    assert sorted(p.name for p in index_directory(kb_url).iterdir()) == sorted(
        index_file(kb_url, token).name for token in tokens[1:])


def test_a_missing_or_damaged_index_is_built_said_and_stored(kb_url: str) -> None:
    kb = KnowledgeBase(kb_url)
    path = index_file(kb_url, _token(kb_url))
    expected = SearchIndex.build(read_entries(kb.engine))
    earlier = path.with_name(f"{_token(kb_url)}.{'0' * 16}.index")  # of another version
    damages: list[tuple[Callable[[], object], str]] = [
        (lambda: path.replace(earlier), "none stored for this version"),
        (lambda: path.write_bytes(b"RISEARCH" + b"\0" * 40), "cannot be used")]
    for damage, reason in damages:
        damage()
        notices: list[str] = []
        same_answers(open_index(kb, notices.append), expected)
        assert len(notices) == 1 and reason in notices[0], notices
        # stored for the next process, which then only loads it
        assert list(index_directory(kb_url).iterdir()) == [path]
        quiet: list[str] = []
        same_answers(open_index(kb, quiet.append), expected)
        assert quiet == []


def test_an_index_of_another_snapshot_is_never_served(kb_url: str, tmp_path: Path,
                                                      mini_release: Path) -> None:
    other_url = f"sqlite:///{tmp_path / 'other.sqlite'}"
    build_snapshot(other_url, [SourceRun(hpo.INFO, hpo.read(mini_release))],
                   enforce_minimums=False)
    # The other snapshot's file put where this snapshot's should be: refused by its header.
    index_file(other_url, _token(other_url)).replace(index_file(kb_url, _token(kb_url)))
    notices: list[str] = []
    open_index(KnowledgeBase(kb_url), notices.append)
    assert len(notices) == 1 and "another snapshot" in notices[0]


def test_a_snapshot_without_a_stored_index_is_still_searchable(
        kb_url: str, caplog: pytest.LogCaptureFixture) -> None:
    path = kb_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as db:
        db.execute("DELETE FROM snapshot_info WHERE key = ?", (INFO_KEY,))
    for stale in index_directory(kb_url).iterdir():
        stale.unlink()
    with caplog.at_level(logging.WARNING):
        snapshot = LiveSnapshot(kb_url).get()  # built in a thread; searches wait for it
        assert isinstance(snapshot.index, WithPlainText)
        assert isinstance(snapshot.index.inner, PendingSearcher)
        assert snapshot.index.search("seizure")[0].curie == "HP:0001250"
    assert "built without one" in caplog.text
    assert list(index_directory(kb_url).iterdir()) == []  # nothing to name a file after
    assert open_searcher(KnowledgeBase(kb_url)).search("seizure")


def test_a_pending_searcher_answers_once_made_and_pages_need_not_wait() -> None:
    go, made = threading.Event(), threading.Event()

    def make() -> SearchIndex:
        go.wait(timeout=30)
        return SearchIndex.build(_entries())

    pending = PendingSearcher(make, then=made.set)
    answers: list[list[SearchHit]] = []
    searching = threading.Thread(target=lambda: answers.append(pending.search("skin")))
    searching.start()
    searching.join(timeout=0.3)
    assert searching.is_alive() and not answers  # waits for the index ...
    go.set()
    searching.join(timeout=30)
    assert answers == [SearchIndex.build(_entries()).search("skin")]  # ... then answers
    assert made.wait(timeout=30)
    assert pending.count("skin") == len(pending.search("skin", limit=10_000))


def test_a_searcher_that_could_not_be_made_raises_its_error_to_every_call() -> None:
    def make() -> SearchIndex:
        raise sqlite3.OperationalError("disk I/O error")

    pending = PendingSearcher(make)
    for _ in range(2):
        with pytest.raises(sqlite3.OperationalError, match="disk I/O error"):
            pending.autocomplete("sk")
