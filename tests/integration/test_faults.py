"""Faults: a build killed halfway, the database restarting, the disk filling up.

In every case the snapshot that was serving keeps serving, the service recovers by itself,
and the next build succeeds. bench/faults.py measures the same under load.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from rareinfo.cli import app as cli_app
from rareinfo.kb.build import SourceRun
from rareinfo.kb.queries import KnowledgeBase
from rareinfo.service.building import build_snapshot
from rareinfo.sources import hpo
from rareinfo.web.app import create_app
from tests.pgserver import running_postgres

REPO = Path(__file__).resolve().parents[2]

# A build that loads the tiny release, then hangs in the middle of a second source, so
# that the test can kill it at a known point with its staging snapshot half written.
HANGING_BUILD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from rareinfo.kb.build import SourceRun
    from rareinfo.service.building import build_snapshot
    from rareinfo.records import SourceRelease
    from rareinfo.sources import hpo, gard

    def hang():
        yield SourceRelease("gard", "x", None, "test")
        print("halfway", flush=True)
        while True:
            time.sleep(1)
            yield from ()

    build_snapshot(sys.argv[1], [SourceRun(hpo.INFO, hpo.read(Path(sys.argv[2]))),
                                 SourceRun(gard.INFO, hang())], enforce_minimums=False)
""")


def _build_mini(url: str, mini_release: Path) -> None:
    build_snapshot(url, [SourceRun(hpo.INFO, hpo.read(mini_release))], enforce_minimums=False)


def _leftovers(url: str) -> list[str]:
    if url.startswith("sqlite"):
        path = Path(url.removeprefix("sqlite:///"))
        return sorted(p.name for p in path.parent.glob(f"{path.name}.building-*"))
    with create_engine(url).connect() as conn:
        live = conn.execute(text("SELECT schema_name, previous FROM rareinfo_kb_live")).one()
        names = conn.execute(text(
            "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'kb\\_%'")).scalars().all()
    return sorted(n for n in names if n not in live)


@pytest.mark.integration
def test_killed_build_keeps_the_old_snapshot_and_the_next_build_succeeds(
    new_kb_url: Callable[[str], str], mini_release: Path
) -> None:
    url = new_kb_url("killed")
    _build_mini(url, mini_release)
    before = KnowledgeBase(url)
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    process = subprocess.Popen([sys.executable, "-c", HANGING_BUILD, url, str(mini_release)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert process.stdout is not None
    line = process.stdout.readline().decode()
    assert line.strip() == "halfway", process.stderr.read().decode() if process.stderr else ""
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)

    assert _leftovers(url), "the killed build left its half-written snapshot behind"
    after = KnowledgeBase(url)
    assert after.key == before.key  # still the old snapshot
    disease = after.disease("OMIM:613065")
    assert disease is not None and disease.symptoms

    _build_mini(url, mini_release)
    assert KnowledgeBase(url).key != before.key
    assert _leftovers(url) == []  # the next build cleaned up after the killed one


@pytest.mark.integration
def test_second_concurrent_build_is_refused_on_postgres(
    postgres: object, mini_release: Path) -> None:
    from tests.pgserver import PostgresServer

    assert isinstance(postgres, PostgresServer)
    url = postgres.create_database()
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    process = subprocess.Popen([sys.executable, "-c", HANGING_BUILD, url, str(mini_release)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    try:
        assert process.stdout is not None
        assert process.stdout.readline().decode().strip() == "halfway"
        result = CliRunner().invoke(cli_app, ["build", "--database", url])
        assert result.exit_code == 4
        assert "another build is running" in result.output
    finally:
        process.kill()
        process.wait(timeout=10)


@pytest.fixture()
def own_postgres() -> Iterator[object]:
    """A server of this test's own, since the test stops and starts it."""
    with running_postgres() as server:
        yield server


@pytest.mark.integration
def test_database_restart_answers_503_then_recovers(own_postgres: object,
                                                    mini_release: Path) -> None:
    from tests.pgserver import PostgresServer

    assert isinstance(own_postgres, PostgresServer)
    url = own_postgres.create_database()
    _build_mini(url, mini_release)
    with TestClient(create_app(url)) as client:
        assert client.get("/api/v1/search", params={"q": "leukemia"}).status_code == 200
        own_postgres.stop("fast")
        during = [client.get("/api/v1/diseases/OMIM:613065?x=1"),
                  client.get("/phenotypes/HP:0001250"),
                  client.get("/api/v1/status")]
        for response in during:
            assert response.status_code == 503, response.text
            assert "Traceback" not in response.text
        own_postgres.start()
        # No restart of the app: the pool notices dead connections and reconnects.
        assert client.get("/api/v1/diseases/OMIM:613065").status_code == 200
        assert client.get("/phenotypes/HP:0001250").status_code == 200


@pytest.mark.integration
def test_disk_full_during_a_build_is_a_clear_error_and_the_old_snapshot_survives(
    mini_release: Path,
) -> None:
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root (CI runs as root)")
    mount = Path(tempfile.mkdtemp(prefix="rareinfo-full-"))
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], check=True)
    try:
        url = f"sqlite:///{mount / 'rareinfo.sqlite'}"
        _build_mini(url, mini_release)
        first = KnowledgeBase(url)
        before = first.key
        first.close()
        result = CliRunner().invoke(cli_app, ["build", "--database", url])  # full release
        assert result.exit_code == 4, result.output
        message = " ".join(result.output.split())
        assert "ran out of space" in message and "previous" in message
        assert "Traceback" not in result.output
        kb = KnowledgeBase(url)
        assert kb.key == before
        assert kb.disease("OMIM:613065") is not None
        kb.close()
        assert sorted(p.name for p in mount.iterdir()) == [
            "rareinfo.sqlite", "rareinfo.sqlite.diagnosis", "rareinfo.sqlite.search"]
    finally:
        subprocess.run(["umount", str(mount)], check=False)
        mount.rmdir()
