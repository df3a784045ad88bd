"""A fact that declares page sections reaches the page, the JSON API and `rareinfo show`
without any of them knowing the fact: the one-module path for a new source's text."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection
from typer.testing import CliRunner

from rareinfo.cli import app as cli_app
from rareinfo.kb.build import SourceRun
from rareinfo.kb.facts import Fact, base
from rareinfo.kb.models import PageSection
from rareinfo.records import PlainBlock
from rareinfo.service.building import build_snapshot
from rareinfo.sources import hpo
from rareinfo.web.app import create_app


@dataclass(frozen=True)
class SupportGroupNote:
    """A record a new source would yield (never loaded here: the page reads the section)."""

    disease_id: str
    text: str


def support_sections(conn: Connection, disease_id: str) -> Iterable[PageSection]:
    if disease_id == "OMIM:100001":
        yield PageSection("support", "Support groups", (
            PlainBlock("paragraph", "Families meet every spring."),
            PlainBlock("list", items=("Test Syndrome Network", "Rare Friends"))),
            source="hpo", url="https://example.org/support")


@pytest.fixture
def declared_support_fact(monkeypatch: pytest.MonkeyPatch) -> None:
    fact = Fact(SupportGroupNote, (), lambda record: (), lambda record: "notes",
                page=support_sections)
    monkeypatch.setitem(base._DECLARED, SupportGroupNote, fact)


@pytest.fixture
def sections_kb_url(new_kb_url: Callable[[str], str], mini_release: Path) -> str:
    # A snapshot of its own: pages are cached per snapshot, and other tests render the
    # same pages of the shared mini knowledge base without this fact.
    url = new_kb_url("sections")
    build_snapshot(url, [SourceRun(hpo.INFO, hpo.read(mini_release))], enforce_minimums=False)
    return url


@pytest.mark.usefixtures("declared_support_fact")
def test_a_declared_section_is_on_the_page_the_api_and_the_text(sections_kb_url: str) -> None:
    mini_kb_url = sections_kb_url
    with TestClient(create_app(mini_kb_url)) as client:
        html = client.get("/diseases/OMIM:100001").text
        assert '<section id="support"' in html and "<h2>Support groups</h2>" in html
        assert "Families meet every spring." in html and "<li>Rare Friends</li>" in html
        assert 'href="https://example.org/support"' in html
        body = client.get("/api/v1/diseases/OMIM:100001").json()
        (section,) = body["sections"]
        assert section["title"] == "Support groups" and section["source"] == "hpo"
        assert section["blocks"][1]["items"] == ["Test Syndrome Network", "Rare Friends"]
        other = client.get("/api/v1/diseases/OMIM:613065").json()
        assert other["sections"] == []
    shown = CliRunner().invoke(cli_app, ["show", "OMIM:100001", "--database", mini_kb_url])
    assert shown.exit_code == 0
    assert "Support groups" in shown.output and "• Rare Friends" in shown.output
