"""Askers' contact details and unpublished texts never reach a public page, API or error."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from rareinfo.config import Settings
from rareinfo.inquiries import db, store
from rareinfo.inquiries.deid import deidentify
from rareinfo.inquiries.tables import inquiry
from rareinfo.web.app import create_app

pytestmark = pytest.mark.integration

EMAIL = "Zebulon.Quartermaine7731@example.org"
PHONE = "555-019-7731"
PUBLISHED = (f"My son has hereditary symptoms. Please write to {EMAIL} or call {PHONE}. "
             "Is this condition inherited?")
UNPUBLISHED = "Confidential: kidney biopsy result XQZW-UNPUBLISHED-4411 for my daughter."
SECRETS = (EMAIL.lower(), PHONE, "XQZW-UNPUBLISHED-4411", "zebulon", "quartermaine")


@pytest.fixture
def setup(mini_kb_url: str, tmp_path: Path) -> Iterator[tuple[TestClient, str, list[str]]]:
    url = f"sqlite:///{tmp_path / 'userdata.sqlite'}"
    app = create_app(mini_kb_url, Settings(rate_limit_ask_ip_per_hour=0,
                                           rate_limit_ask_email_per_day=0), userdata_url=url)
    with TestClient(app, follow_redirects=False) as client:
        first = client.post("/ask", data={
            "question": PUBLISHED, "disease": "OMIM:100001", "asker_type": "family",
            "email": EMAIL, "consent": "yes", "website": ""})
        assert first.status_code == 303
        second = client.post("/api/v1/questions", json={
            "question": UNPUBLISHED, "disease": "OMIM:100001", "asker_type": "patient",
            "email": EMAIL, "consent_publish": False})
        assert second.status_code == 201 and EMAIL.lower() not in second.text.lower()
        references = [first.headers["location"].split("ref=")[1].split("&")[0],
                      second.json()["reference"]]
        with db.engine(url).begin() as conn:
            published = store.get_by_reference(conn, references[0])
            assert published is not None and published.question == PUBLISHED
            store.claim(conn, published.id, "ann@staff")
            store.mark_answered(conn, published.id, "ann@staff",
                                f"Dear parent ({EMAIL}), it is usually inherited.")
            store.publish(conn, published.id, "ann@staff", deidentify(PUBLISHED).text,
                          deidentify("It is usually inherited; see the symptoms.").text)
        yield client, url, references
    db.dispose(url)


def _public_responses(client: TestClient, references: list[str]) -> dict[str, str]:
    pages = [
        "/", "/about", "/browse/T", "/diseases/OMIM:100001", "/diseases/OMIM:100001/trials",
        "/diseases/OMIM:100001/feed.atom", "/api/v1/diseases/OMIM:100001",
        "/api/v1/diseases/OMIM:100001/questions", "/api/v1/openapi.json", "/ask",
        "/diseases/OMIM:100001/ask", f"/search?q={EMAIL}", "/search?q=Quartermaine7731",
        f"/api/v1/search?q={EMAIL}", "/api/v1/search?q=Zebulon", "/search?q=biopsy",
        "/api/v1/search?q=XQZW-UNPUBLISHED-4411",
        "/api/v1/autocomplete?q=Zebulon", f"/diseases/{EMAIL}", f"/api/v1/diseases/{EMAIL}",
        f"/phenotypes/{EMAIL}", "/api/v1/questions", "/ask/received?ref=nonsense",
        *[f"/ask/received?ref={r}&disease=OMIM:100001" for r in references],
        *[f"/api/v1/questions/{r}" for r in references], *[f"/questions/{r}" for r in references],
    ]
    bodies = {path: client.get(path).text for path in pages}
    bad = client.post("/api/v1/questions", json={"question": "x", "email": EMAIL,
                                                 "asker_type": "nobody"})
    bodies["POST /api/v1/questions (invalid)"] = bad.text
    return bodies


def test_contact_details_and_unpublished_texts_never_leak(
        setup: tuple[TestClient, str, list[str]]) -> None:
    client, _, references = setup
    bodies = _public_responses(client, references)
    page = bodies["/diseases/OMIM:100001"]
    assert "Is this condition inherited?" in page  # the published question is there
    for path, body in bodies.items():
        lowered = body.lower()
        # A page may echo what its own request asked for (the search box); nothing else.
        for secret in (s for s in SECRETS if s.lower() not in path.lower()):
            assert secret.lower() not in lowered, f"{secret!r} leaked on {path}"


def test_purge_keeps_the_published_version_only(
        setup: tuple[TestClient, str, list[str]]) -> None:
    client, url, references = setup
    with db.engine(url).begin() as conn:
        assert store.purge(conn, "cli", email=EMAIL) == references
        rows = conn.execute(select(inquiry)).all()
    for row in rows:
        values = " ".join(str(v) for v in row).lower()
        assert all(secret.lower() not in values for secret in SECRETS)
    assert "Is this condition inherited?" in client.get("/diseases/OMIM:100001").text
    questions = client.get("/api/v1/diseases/OMIM:100001/questions").json()
    assert len(questions) == 1 and EMAIL.lower() not in str(questions).lower()
