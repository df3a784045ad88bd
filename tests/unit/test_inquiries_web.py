"""Asking a question on the web and through the API; published answers on disease pages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from rareinfo.config import Settings
from rareinfo.inquiries import db, store
from rareinfo.web.app import create_app
from rareinfo.web.pages.answers import answer_html
from rareinfo.web.userdata import default_userdata_url

QUESTION = "Is this inherited? My daughter was diagnosed last year."


def _client(kb_url: str, userdata_url: str, **settings: Any) -> TestClient:
    app = create_app(kb_url, Settings(**settings), userdata_url=userdata_url)
    return TestClient(app, follow_redirects=False)


@pytest.fixture
def userdata_url(tmp_path: Path) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'userdata.sqlite'}"
    yield url
    db.dispose(url)


@pytest.fixture
def client(mini_kb_url: str, userdata_url: str) -> Iterator[TestClient]:
    with _client(mini_kb_url, userdata_url, rate_limit_ask_ip_per_hour=0,
                 rate_limit_ask_email_per_day=0) as client:
        yield client


def _form(**overrides: str) -> dict[str, str]:
    return {"question": QUESTION, "disease": "", "disease_name": "", "asker_type": "family",
            "email": "asker@example.org", "website": "", **overrides}


def _inquiries(url: str) -> list[store.Inquiry]:
    with db.engine(url).connect() as conn:
        return store.list_inquiries(conn, store.QueueFilter(statuses=None))


def test_forms_general_and_per_disease(client: TestClient) -> None:
    general = client.get("/ask")
    assert general.status_code == 200 and "not medical advice" in general.text
    assert general.headers["cache-control"] == "no-store"
    assert 'name="consent" value="yes">' in general.text  # unchecked by default
    assert 'name="website"' in general.text  # the honeypot
    for value in ("patient", "family", "clinician", "researcher", "other"):
        assert f'value="{value}"' in general.text
    page = client.get("/diseases/OMIM:100001/ask")
    assert page.status_code == 200 and "Ask a question about Test syndrome" in page.text
    assert 'name="disease" type="hidden" value="OMIM:100001"' in page.text
    moved = client.get("/diseases/613065/ask")
    assert moved.status_code == 301 and moved.headers["location"] == "/diseases/OMIM:613065/ask"
    assert client.get("/diseases/NOPE:1/ask").status_code == 404
    prefilled = client.get("/ask", params={"disease": "OMIM:100001"})
    assert "Ask a question about Test syndrome" in prefilled.text


def test_submit_redirects_to_the_reference(client: TestClient, userdata_url: str) -> None:
    response = client.post("/ask", data=_form(disease="613065", consent="yes"))
    assert response.status_code == 303
    [stored] = _inquiries(userdata_url)
    assert response.headers["location"] == (
        f"/ask/received?ref={stored.reference}&disease=OMIM:613065")
    assert (stored.disease_id, stored.asker_type, stored.consent_publish) == (
        "OMIM:613065", "family", True)
    assert stored.question == QUESTION and stored.email == "asker@example.org"
    done = client.get(response.headers["location"])
    assert done.status_code == 200 and stored.reference in done.text
    assert "asker@example.org" not in done.text and "daughter" not in done.text
    assert client.get("/ask/received", params={"ref": "nonsense"}).status_code == 404


def test_disease_chosen_by_name_or_refused_with_suggestions(client: TestClient,
                                                            userdata_url: str) -> None:
    assert client.post("/ask", data=_form(disease_name="test syndrome")).status_code == 303
    assert _inquiries(userdata_url)[0].disease_id == "OMIM:100001"
    near = client.post("/ask", data=_form(disease_name="test syndrom"))
    assert near.status_code == 422 and "did you mean Test syndrome" in near.text
    assert QUESTION in near.text  # what was typed is kept
    unknown = client.post("/ask", data=_form(disease="OMIM:999999"))
    assert unknown.status_code == 422 and "No disease is known" in unknown.text
    assert len(_inquiries(userdata_url)) == 1


@pytest.mark.parametrize(("form", "status", "message"), [
    (_form(question="short"), 422, "Write at least 10 characters"),
    (_form(email="nobody"), 422, "Give a valid e-mail address"),
    (_form(asker_type="robot"), 422, "Please say who is asking"),
    (_form(website="http://spam.example"), 400, "could not be accepted"),
    (_form(question="x" * 70_000), 413, "too large"),
    (_form(disease_name="Test\x07syndrome"), 422, "control characters"),
])
def test_bad_forms_are_refused_clearly(client: TestClient, userdata_url: str,
                                       form: dict[str, str], status: int,
                                       message: str) -> None:
    response = client.post("/ask", data=form)
    assert response.status_code == status and message in response.text
    assert _inquiries(userdata_url) == []


def test_only_urlencoded_forms_from_this_site(client: TestClient, userdata_url: str) -> None:
    other = client.post("/ask", data=_form(), headers={"Origin": "https://evil.example"})
    assert other.status_code == 403 and "another site" in other.text
    referer = client.post("/ask", data=_form(), headers={"Referer": "https://evil.example/x"})
    assert referer.status_code == 403
    null = client.post("/ask", data=_form(), headers={"Origin": "null"})
    assert null.status_code == 403
    multipart = client.post("/ask", files={"question": ("q.txt", b"hello there world")})
    assert multipart.status_code == 415
    same = client.post("/ask", data=_form(), headers={"Origin": "http://testserver"})
    assert same.status_code == 303
    assert len(_inquiries(userdata_url)) == 1


def test_rate_limits_per_address_and_per_email(mini_kb_url: str, userdata_url: str) -> None:
    with _client(mini_kb_url, userdata_url, rate_limit_ask_ip_per_hour=0,
                 rate_limit_ask_email_per_day=1) as client:
        statuses = [client.post("/ask", data=_form()).status_code for _ in range(4)]
        assert statuses == [303, 303, 303, 429]
        limited = client.post("/ask", data=_form())
        assert "for this e-mail address" in limited.text
        assert int(limited.headers["retry-after"]) > 60
        assert client.post("/ask", data=_form(email="other@example.org")).status_code == 303
    with _client(mini_kb_url, userdata_url, rate_limit_ask_ip_per_hour=1,
                 rate_limit_ask_email_per_day=0) as client:
        bodies = [{"question": QUESTION, "email": f"a{i}@example.org", "asker_type": "other"}
                  for i in range(6)]
        statuses = [client.post("/api/v1/questions", json=b).status_code for b in bodies]
        assert statuses == [201] * 5 + [429]


def test_api_submit(client: TestClient, userdata_url: str) -> None:
    created = client.post("/api/v1/questions", json={
        "question": QUESTION, "email": "Doc@Example.org", "asker_type": "clinician",
        "disease": "ORPHA:513", "consent_publish": False})
    assert created.status_code == 201
    body = created.json()
    [stored] = _inquiries(userdata_url)
    assert body["reference"] == stored.reference and body["disease"] == stored.disease_id
    assert "Doc@Example.org".lower() not in created.text.lower()
    bad = client.post("/api/v1/questions", json={"question": QUESTION, "email": "x@y.org",
                                                 "asker_type": "alien"})
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_input"
    unknown = client.post("/api/v1/questions", json={
        "question": QUESTION, "email": "x@y.org", "asker_type": "other", "disease": "OMIM:1"})
    assert unknown.status_code == 422 and "no disease" in unknown.json()["error"]["message"]
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/questions" in paths and "/api/v1/diseases/{identifier}/questions" in paths


def _publish(url: str, question: str, answer: str, disease: str = "OMIM:100001") -> int:
    with db.engine(url).begin() as conn:
        asked = store.submit(conn, question="Original text with Anna Smith, 5 years old.",
                             email="anna@example.org", asker_type="family",
                             disease_id=disease, consent_publish=True)
        store.claim(conn, asked.id, "ann@staff")
        store.mark_answered(conn, asked.id, "ann@staff", "Dear Anna, it is inherited.")
        store.publish(conn, asked.id, "ann@staff", question, answer)
        return asked.id


def test_published_answers_show_at_once_on_page_and_api(client: TestClient,
                                                         userdata_url: str) -> None:
    empty = client.get("/diseases/OMIM:100001").text
    assert "Questions and answers" in empty and "No questions about this disease" in empty
    assert 'href="/diseases/OMIM:100001/ask"' in empty
    assert client.get("/api/v1/diseases/OMIM:100001/questions").json() == []
    inquiry_id = _publish(userdata_url, "Is it inherited? My child [name] has it.",
                          "It is [autosomal dominant](/phenotypes/HP:0000006).")
    page = client.get("/diseases/OMIM:100001").text  # the cached page must not be served
    assert "My child [name] has it." in page
    assert '<a href="/phenotypes/HP:0000006">autosomal dominant</a>' in page
    assert "Anna" not in page and "anna@example.org" not in page
    api = client.get("/api/v1/diseases/OMIM:100001/questions").json()
    assert [(q["question"], q["disease"]) for q in api] == [
        ("Is it inherited? My child [name] has it.", "OMIM:100001")]
    assert set(api[0]) == {"question", "answer", "published", "disease"}
    moved = client.get("/api/v1/diseases/613065/questions")
    assert moved.headers["location"] == "/api/v1/diseases/OMIM:613065/questions"
    with db.engine(userdata_url).begin() as conn:
        store.unpublish(conn, inquiry_id, "ann@staff")
    assert "My child [name]" not in client.get("/diseases/OMIM:100001").text


def test_published_text_is_inert_html(client: TestClient, userdata_url: str) -> None:
    _publish(userdata_url, '<script>alert("q")</script> Is it <b>rare</b>?',
             '<img src=x onerror=alert(1)> [click](javascript:alert(1)) '
             '[ok](https://example.org/"onmouseover=alert(1))')
    page = client.get("/diseases/OMIM:100001").text
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert 'href="javascript' not in page and '"onmouseover' not in page


def test_answer_html_paragraphs_and_links() -> None:
    html = answer_html("First line\nsecond line.\n\nSee https://omim.org/entry/1. "
                       "And [trials](/diseases/OMIM:1/trials).")
    assert html == ('<p>First line<br>second line.</p><p>See <a href="https://omim.org/entry/1"'
                    ' rel="noopener nofollow">https://omim.org/entry/1</a>. And '
                    '<a href="/diseases/OMIM:1/trials">trials</a>.</p>')


def test_unavailable_user_database_never_breaks_pages(mini_kb_url: str,
                                                      tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    broken = f"sqlite:///{blocker / 'userdata.sqlite'}"
    with _client(mini_kb_url, broken) as client:
        page = client.get("/diseases/OMIM:100001")
        assert page.status_code == 200 and "Test syndrome" in page.text
        refused = client.post("/ask", data=_form())
        assert refused.status_code == 503 and "user database is unavailable" in refused.text
        api = client.get("/api/v1/diseases/OMIM:100001/questions")
        assert api.status_code == 503 and api.json()["error"]["code"] == "unavailable"
        assert str(blocker) not in refused.text
        # Once the cause is gone, the next attempt (after the retry interval) succeeds.
        blocker.unlink()
        blocker.mkdir()
        client.app.state.userdata.RETRY = 0  # type: ignore[attr-defined]
        assert client.post("/ask", data=_form()).status_code == 303
    db.dispose(broken)


def test_user_database_location_defaults(tmp_path: Path) -> None:
    plain = Settings(data_dir=tmp_path, database_url=None, userdata_url=None)
    assert plain.resolved_userdata_url() == f"sqlite:///{tmp_path / 'userdata.sqlite'}"
    pg = "postgresql+psycopg://u@127.0.0.1:5432/rareinfo"
    assert Settings(database_url=pg, userdata_url=None).resolved_userdata_url() == pg
    explicit = Settings(userdata_url="sqlite:////srv/u.sqlite")
    assert default_userdata_url(explicit, "sqlite:////kb/rareinfo.sqlite") == (
        "sqlite:////srv/u.sqlite")
    unset = Settings(data_dir=tmp_path, userdata_url=None)
    assert default_userdata_url(unset, "sqlite:////kb/rareinfo.sqlite") == (
        "sqlite:////kb/userdata.sqlite")
    assert default_userdata_url(unset, pg) == pg


def test_default_user_database_beside_the_knowledge_base(mini_kb_url: str,
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    monkeypatch.delenv("RAREINFO_USERDATA_URL", raising=False)
    settings = Settings(userdata_url=None, rate_limit_ask_ip_per_hour=0)
    app = create_app(mini_kb_url, settings)
    with TestClient(app, follow_redirects=False) as client:
        url = client.app.state.userdata.url  # type: ignore[attr-defined]
        assert url == default_userdata_url(settings, mini_kb_url)
        asked = client.post("/api/v1/questions", json={
            "question": QUESTION, "email": "beside@example.org", "asker_type": "other"})
        assert asked.status_code == 201
        with db.engine(url).begin() as conn:
            found = store.get_by_reference(conn, asked.json()["reference"])
            assert found is not None and found.email == "beside@example.org"
            store.purge(conn, "test", reference=found.reference)
        assert client.get("/diseases/OMIM:100001").status_code == 200
    db.dispose(url)
