"""Pages pre-rendered into the snapshot at build time, and served from it."""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select, update
from typer.testing import CliRunner

from rareinfo.cli import app
from rareinfo.config import Settings
from rareinfo.inquiries import db, store
from rareinfo.kb.build import SourceRun
from rareinfo.kb.queries import KnowledgeBase
from rareinfo.service.building import build_snapshot
from rareinfo.sources import hpo
from rareinfo.web.app import create_app
from rareinfo.web.fastpath import PageFastPath
from rareinfo.web.prerender import prerendered, render_pages, rendered_page
from tests.unit.test_identity_build import runs

MARK = b"<!-- served from the snapshot -->"
BUILD_TIME = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[^\"<]*")


def _undated(body: bytes) -> bytes:
    """The body without build times (two builds of the same release differ only there)."""
    return BUILD_TIME.sub(b"(time)", body)


def mark_pages(engine: Engine) -> None:
    """Mark every stored page, so a test can tell a page was served from the table."""
    with engine.begin() as conn:
        rows = conn.execute(select(rendered_page.c.address, rendered_page.c.body)).all()
        for row in rows:
            conn.execute(update(rendered_page).where(rendered_page.c.address == row.address)
                         .values(body=gzip.compress(gzip.decompress(row.body) + MARK)))


@pytest.fixture(scope="module")
def rendered_kb_url(new_kb_url: Callable[[str], str], mini_release: Path) -> str:
    url = new_kb_url("rendered")
    build_snapshot(url, [SourceRun(hpo.INFO, hpo.read(mini_release))],
                   enforce_minimums=False, derive=(render_pages, mark_pages))
    return url


@pytest.fixture
def client(rendered_kb_url: str, tmp_path: Path) -> Iterator[TestClient]:
    userdata_url = f"sqlite:///{tmp_path / 'userdata.sqlite'}"
    app = create_app(rendered_kb_url, Settings(), userdata_url=userdata_url)
    with TestClient(app, follow_redirects=False) as client:
        yield client
    db.dispose(userdata_url)


def test_every_page_is_stored_as_served(rendered_kb_url: str,
                                        mini_kb_url: str) -> None:
    kb = KnowledgeBase(rendered_kb_url)
    with kb.engine.connect() as conn:
        stored = {row.address: gzip.decompress(row.body).removesuffix(MARK)
                  for row in conn.execute(select(rendered_page))}
    kb.close()
    assert "/diseases/OMIM:100001" in stored and "/api/v1/phenotypes/HP:0002240" in stored
    # The same bytes as a live render over a knowledge base built without the pages.
    with TestClient(create_app(mini_kb_url, Settings()), follow_redirects=False) as live:
        for address in ("/diseases/OMIM:100001", "/phenotypes/HP:0002240",
                        "/api/v1/diseases/OMIM:100001", "/api/v1/phenotypes/HP:0002240"):
            assert _undated(live.get(address).content) == _undated(stored[address]), address


def test_pages_are_served_from_the_snapshot(client: TestClient) -> None:
    for address in ("/diseases/OMIM:613065", "/phenotypes/HP:0002240",
                    "/api/v1/diseases/OMIM:613065", "/api/v1/phenotypes/HP:0002240"):
        assert client.get(address).content.endswith(MARK), address
    # Other identifiers still redirect; unknown ones are still 404.
    assert client.get("/diseases/613065").status_code == 301
    assert client.get("/diseases/OMIM:999999").status_code == 404


def test_stored_bytes_go_out_as_they_are(client: TestClient, rendered_kb_url: str) -> None:
    kb = KnowledgeBase(rendered_kb_url)
    with kb.engine.connect() as conn:
        stored = conn.execute(select(rendered_page.c.body).where(
            rendered_page.c.address == "/phenotypes/HP:0002240")).scalar_one()
    kb.close()
    for _ in range(2):  # the first answer reads the table, the second the worker's cache
        raw = client.get("/phenotypes/HP:0002240", headers={"Accept-Encoding": "gzip"})
        assert raw.headers["content-encoding"] == "gzip"
        assert "Accept-Encoding" in raw.headers["vary"]
        assert gzip.decompress(stored) == raw.content  # httpx decoded exactly those bytes
        plain = client.get("/phenotypes/HP:0002240",
                           headers={"Accept-Encoding": "identity"})
        assert "content-encoding" not in plain.headers
        assert plain.content == raw.content


def test_published_questions_are_rendered_live(client: TestClient) -> None:
    assert client.get("/diseases/OMIM:100001").content.endswith(MARK)
    userdata: object = client.app.state.userdata  # type: ignore[attr-defined]
    with db.engine(userdata.url).begin() as conn:  # type: ignore[attr-defined]
        asked = store.submit(conn, question="Is it inherited?", email="a@example.org",
                             asker_type="family", disease_id="OMIM:100001",
                             consent_publish=True)
        store.claim(conn, asked.id, "ann@staff")
        store.mark_answered(conn, asked.id, "ann@staff", "Yes.")
        store.publish(conn, asked.id, "ann@staff", "Is it inherited?", "Yes, it is.")
    page = client.get("/diseases/OMIM:100001").content
    assert b"Yes, it is." in page and not page.endswith(MARK)


def test_a_page_at_hand_goes_out_as_its_route_sends_it(client: TestClient) -> None:
    state = client.app.state  # type: ignore[attr-defined]
    shortcut = PageFastPath(client.app, state.live, state.userdata)
    for address in ("/diseases/OMIM:100001", "/phenotypes/HP:0002240",
                    "/api/v1/diseases/OMIM:100001", "/api/v1/phenotypes/HP:0002240"):
        for accept in ("gzip", "identity"):
            # A query string takes the route; the route keeps the body for the worker.
            routed = client.get(address + "?via=route", headers={"Accept-Encoding": accept})
            assert shortcut.at_hand(address) is not None, address
            direct = client.get(address, headers={"Accept-Encoding": accept})
            assert direct.status_code == routed.status_code == 200
            assert direct.headers.multi_items() == routed.headers.multi_items(), address
            assert direct.content == routed.content and direct.content.endswith(MARK)
    # Redirects, unknown pages and sub-pages are the routes' to answer.
    for address in ("/diseases/613065", "/diseases/OMIM:999999", "/diseases/OMIM:100001/trials"):
        assert shortcut.at_hand(address) is None, address


def test_stored_pages_are_read_nearby_only_from_the_snapshot_itself(
        rendered_kb_url: str, kb_backend: str) -> None:
    kb = KnowledgeBase(rendered_kb_url)
    nearby = prerendered.nearby(kb, "/phenotypes/HP:0002240")
    kb.close()
    if kb_backend != "sqlite":
        assert nearby is None  # a database server is waited on in a worker thread
        return
    assert nearby is not None and gzip.decompress(nearby.data).endswith(MARK)
    assert prerendered.nearby(kb, "/phenotypes/HP:9999999") is None
    # The file holds another build than the snapshot asked about (one was just swapped in).
    elsewhere = KnowledgeBase(rendered_kb_url, key="1-2-3")
    assert prerendered.nearby(elsewhere, "/phenotypes/HP:0002240") is None
    elsewhere.close()


@pytest.fixture(scope="module")
def merged_rendered_url(new_kb_url: Callable[[str], str], mini_release: Path) -> str:
    url = new_kb_url("merged-rendered")
    build_snapshot(url, runs(mini_release, with_gone=False), enforce_minimums=False,
                   derive=(render_pages, mark_pages))
    return url


def test_a_question_filed_under_another_identifier_is_on_the_page(
        merged_rendered_url: str, tmp_path: Path) -> None:
    userdata_url = f"sqlite:///{tmp_path / 'userdata.sqlite'}"
    app = create_app(merged_rendered_url, Settings(), userdata_url=userdata_url)
    with TestClient(app, follow_redirects=False) as client:
        assert client.get("/diseases/MONDO:0004967").content.endswith(MARK)
        with db.engine(userdata_url).begin() as conn:
            asked = store.submit(conn, question="Is it inherited?", email="a@example.org",
                                 asker_type="family", disease_id="ORPHA:513",
                                 consent_publish=True)
            store.claim(conn, asked.id, "ann@staff")
            store.mark_answered(conn, asked.id, "ann@staff", "Yes.")
            store.publish(conn, asked.id, "ann@staff", "Is it inherited?", "Yes, it is.")
        for _ in range(2):  # rendered once, then kept by the worker
            page = client.get("/diseases/MONDO:0004967").content
            assert b"Yes, it is." in page and not page.endswith(MARK)
        assert client.get("/diseases/MONDO:0013108").content.endswith(MARK)
    db.dispose(userdata_url)


def test_export_reads_the_stored_pages(rendered_kb_url: str, tmp_path: Path) -> None:
    out = tmp_path / "diseases.jsonl"
    result = CliRunner().invoke(app, ["export", "--format", "jsonl", "--out", str(out),
                                      "--database", rendered_kb_url])
    assert result.exit_code == 0, result.output
    lines = out.read_text().splitlines()
    assert lines and all(line.endswith(MARK.decode()) for line in lines)
