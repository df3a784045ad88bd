"""The whole knowledge base built on PostgreSQL equals the one built on SQLite.

Every source in ../shared/data plus the embedded HPO release goes through the same code
into both backends; counts, coverage and a sample of whole disease and phenotype pages
(sections, facts, sources) must come out the same, and the web app must serve them.
"""

from __future__ import annotations

import dataclasses
import random
from typing import Any

import pytest
from fastapi.testclient import TestClient

from rareinfo.kb.queries import KnowledgeBase
from rareinfo.service import plan as pipeline
from rareinfo.service.building import build_snapshot
from rareinfo.web.app import create_app
from tests.conftest import SHARED_DATA
from tests.pgserver import PostgresServer

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def shared_pg_kb_url(postgres: PostgresServer, tmp_path_factory: pytest.TempPathFactory) -> str:
    url = postgres.create_database()
    planned = pipeline.plan(SHARED_DATA, tmp_path_factory.mktemp("empty-cache-pg"))
    build_snapshot(url, pipeline.runs(planned))
    return url


def _without_load_times(value: Any) -> Any:
    """A page as comparable data: releases differ only in when they were loaded."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data = {f.name: _without_load_times(getattr(value, f.name))
                for f in dataclasses.fields(value) if f.name != "loaded_at"}
        return (type(value).__name__, data)
    if isinstance(value, tuple | list):
        return [_without_load_times(v) for v in value]
    return value


def test_counts_and_coverage_agree(shared_kb_url: str, shared_pg_kb_url: str) -> None:
    lite, pg = KnowledgeBase(shared_kb_url).status(), KnowledgeBase(shared_pg_kb_url).status()
    assert pg.diseases == lite.diseases > 10_000
    assert pg.phenotypes == lite.phenotypes
    assert pg.annotations == lite.annotations
    assert pg.problems == lite.problems
    assert pg.coverage == lite.coverage
    assert [(r.source, r.version, r.counts) for r in pg.releases] == [
        (r.source, r.version, r.counts) for r in lite.releases]


def test_disease_and_phenotype_pages_agree(shared_kb_url: str, shared_pg_kb_url: str) -> None:
    lite, pg = KnowledgeBase(shared_kb_url), KnowledgeBase(shared_pg_kb_url)
    ids = sorted(lite.disease_names())
    sample = [*random.Random(1).sample(ids, 150), "MONDO:0004967", "ORPHA:558"]
    for disease_id in sample:
        page = lite.disease(disease_id)
        if page is None:
            continue
        assert _without_load_times(pg.disease(disease_id)) == _without_load_times(page), (
            disease_id)
    for term in ("HP:0001250", "HP:0006721", "HP:0000118"):
        assert _without_load_times(pg.phenotype(term)) == _without_load_times(
            lite.phenotype(term))
    for identifier in ("ORPHA:513", "GARD:0000522", "OMIM:613065", "522"):
        assert pg.resolve_identifier(identifier) == lite.resolve_identifier(identifier)


def test_pages_served_from_postgres(shared_pg_kb_url: str) -> None:
    with TestClient(create_app(shared_pg_kb_url)) as client:
        page = client.get("/diseases/ORPHA:513", follow_redirects=True)
        assert page.status_code == 200
        assert "Acute lymphoblastic leukemia" in page.text
        for path in ("/", "/browse/A", "/about", "/phenotypes/HP:0001250",
                     "/api/v1/status", "/search?q=lymphoblastic+leukemia",
                     "/api/v1/autocomplete?q=marf"):
            assert client.get(path).status_code == 200, path
        trials = client.get("/diseases/ORPHA:513/trials", follow_redirects=True)
        assert trials.status_code == 200


def test_same_results_for_the_shared_paths(shared_kb_url: str, shared_pg_kb_url: str) -> None:
    """The JSON of a few disease pages is byte-for-byte the same on both backends."""
    with TestClient(create_app(shared_kb_url)) as lite, \
            TestClient(create_app(shared_pg_kb_url)) as pg:
        for path in ("/api/v1/diseases/MONDO:0004967", "/api/v1/diseases/OMIM:154700",
                     "/api/v1/phenotypes/HP:0001166"):
            a, b = lite.get(path, follow_redirects=True), pg.get(path, follow_redirects=True)
            assert a.status_code == b.status_code == 200, path
            assert _drop_load_times(a.json()) == _drop_load_times(b.json()), path


def _drop_load_times(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_load_times(v) for k, v in value.items() if k != "loaded_at"}
    if isinstance(value, list):
        return [_drop_load_times(v) for v in value]
    return value
