"""The staff console over HTTP: sign-in security, the answering workflow, publication.

Real app, real user database (SQLite file and PostgreSQL), real SMTP server (aiosmtpd).
"""

from __future__ import annotations

import html
import re
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
from aiosmtpd.controller import Controller
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import select

from rareinfo.config import Settings
from rareinfo.inquiries import auth, db, store
from rareinfo.inquiries.staff_tables import login_failure
from rareinfo.kb.build import SourceRun
from rareinfo.service.building import build_snapshot
from rareinfo.sources import hpo
from rareinfo.web.app import create_app

pytestmark = pytest.mark.integration

PASSWORD = "a long staff passphrase"
STAFF = "sam.specialist@example.org"
HOST = "testserver.local"  # the cookie domain of the TestClient's host
DISEASE = "ORPHA:513"
QUESTION = ("My son Tom Baker (7 years old, born 03/04/2018) was diagnosed at St Mary's "
            "Hospital in Leeds. Is acute lymphoblastic leukemia inherited? Call me on "
            "0113 496 0000 or write to jane.baker@example.com. MRN 12345678.")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Inbox:
    """An SMTP handler that keeps what it receives."""

    messages: list[Message] = field(default_factory=list)
    recipients: list[list[str]] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd hook
        self.messages.append(message_from_bytes(envelope.content))
        self.recipients.append(list(envelope.rcpt_tos))
        return "250 OK"


@pytest.fixture()
def smtp() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox, port
    controller.stop()


@pytest.fixture(scope="module")
def kb_url(tmp_path_factory: pytest.TempPathFactory, mini_release: Path) -> str:
    """The tiny knowledge base (SQLite: the user database is what varies here)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('staff-kb') / 'rareinfo.sqlite'}"
    build_snapshot(url, [SourceRun(hpo.INFO, hpo.read(mini_release))], enforce_minimums=False)
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def userdata_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'userdata.sqlite'}"
    else:
        url = request.getfixturevalue("pg_url")
    db.upgrade(url)
    with db.engine(url).begin() as conn:
        auth.add_account(conn, STAFF, "Sam Specialist", PASSWORD)
    yield url
    db.dispose(url)


@pytest.fixture()
def sqlite_userdata(tmp_path: Path) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'userdata.sqlite'}"
    db.upgrade(url)
    with db.engine(url).begin() as conn:
        auth.add_account(conn, STAFF, "Sam Specialist", PASSWORD)
    yield url
    db.dispose(url)


def _client(kb_url: str, userdata: str, **settings: Any) -> TestClient:
    values = {"public_base_url": "http://testserver", "mail_from": "rareinfo <a@rareinfo.test>",
              "smtp_host": "127.0.0.1", "smtp_port": _free_port(), **settings}
    app = create_app(kb_url, settings=Settings(**values), userdata_url=userdata)
    return TestClient(app, follow_redirects=False)


@pytest.fixture()
def client(kb_url: str, sqlite_userdata: str) -> Iterator[TestClient]:
    with _client(kb_url, sqlite_userdata) as client:
        yield client


def _submit(url: str, question: str = QUESTION, consent: bool = True) -> store.Inquiry:
    with db.engine(url).begin() as conn:
        return store.submit(conn, question=question, email="jane.baker@example.com",
                            asker_type="family", disease_id=DISEASE, consent_publish=consent)


def _sign_in(client: TestClient, email: str = STAFF, password: str = PASSWORD,
             next_path: str = "/staff") -> Response:
    form = client.get("/staff/sign-in", params={"next": next_path})
    assert form.status_code == 200
    token = re.search(r'name="signin_token" value="([^"]+)"', form.text)
    assert token is not None
    response: Response = client.post("/staff/sign-in", data={
        "email": email, "password": password, "next": next_path,
        "signin_token": token[1]})
    return response


def _csrf(client: TestClient, path: str = "/staff") -> str:
    page = client.get(path)
    assert page.status_code == 200, page.text
    found = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert found is not None
    return found[1]


def _state(url: str, inquiry_id: int) -> store.Inquiry:
    with db.engine(url).connect() as conn:
        found = store.get(conn, inquiry_id)
    assert found is not None
    return found


# -- no access without signing in --

def test_every_console_page_sends_strangers_to_sign_in(client: TestClient,
                                                        sqlite_userdata: str) -> None:
    q = _submit(sqlite_userdata)
    for path in ("/staff", f"/staff/inquiries/{q.id}", f"/staff/inquiries/{q.id}/publish",
                 "/staff/audit", "/staff?status=all"):
        response = client.get(path)
        assert response.status_code == 303, path
        assert response.headers["location"].startswith("/staff/sign-in?next=%2Fstaff")
        assert "Tom Baker" not in response.text and "jane.baker" not in response.text
    for action in ("claim", "draft", "send", "close", "publish", "unpublish"):
        response = client.post(f"/staff/inquiries/{q.id}/{action}",
                               data={"answer": "x", "question": "y", "csrf_token": "guess"})
        assert response.status_code == 303, action
        # After signing in, back to the question's page (never to the POST-only address).
        assert response.headers["location"] == (
            f"/staff/sign-in?next=%2Fstaff%2Finquiries%2F{q.id}")
    assert _state(sqlite_userdata, q.id).status == "new"
    # A made-up session cookie is no session either.
    client.cookies.set("rareinfo_staff", "made-up-token", domain=HOST, path="/staff")
    assert client.get("/staff").status_code == 303


def test_unpublished_questions_never_reach_public_pages(client: TestClient,
                                                        sqlite_userdata: str) -> None:
    _submit(sqlite_userdata)
    for path in (f"/diseases/{DISEASE}", f"/api/v1/diseases/{DISEASE}/questions",
                 "/search?q=leukemia+inherited", "/api/v1/search?q=leukemia+Leeds"):
        response = client.get(path)
        assert response.status_code in (200, 301, 404), path
        assert "Tom Baker" not in response.text and "jane.baker" not in response.text, path


# -- sign-in --

def test_sign_in_sets_a_strict_session_cookie(client: TestClient) -> None:
    response = _sign_in(client, email="SAM.Specialist@example.org")
    assert response.status_code == 303
    assert response.headers["location"] == "/staff"
    cookie = next(v for v in response.headers.get_list("set-cookie")
                  if v.startswith("rareinfo_staff="))
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/staff" in cookie
    assert "Secure" not in cookie  # plain http here; see the https test below
    page = client.get("/staff")
    assert page.status_code == 200
    assert "Signed in as Sam Specialist" in page.text
    assert page.headers["cache-control"] == "no-store"


def test_session_cookie_is_secure_over_https(kb_url: str, sqlite_userdata: str) -> None:
    with _client(kb_url, sqlite_userdata) as plain:
        client = TestClient(plain.app, base_url="https://testserver", follow_redirects=False)
        response = _sign_in(client)
    assert response.status_code == 303
    cookie = next(v for v in response.headers.get_list("set-cookie")
                  if v.startswith("rareinfo_staff="))
    assert "Secure" in cookie


@pytest.mark.parametrize(("proto", "secure"), [("https", True), ("http", False)])
def test_session_cookie_is_secure_behind_a_trusted_tls_proxy(
        kb_url: str, sqlite_userdata: str, proto: str, secure: bool) -> None:
    app = _client(kb_url, sqlite_userdata, trusted_proxies=["10.1.2.0/24"]).app

    async def sign_in() -> Response:
        transport = httpx.ASGITransport(app=app, client=("10.1.2.3", 40000))
        async with httpx.AsyncClient(transport=transport, base_url="http://portal") as client:
            headers = {"X-Forwarded-Proto": proto, "X-Forwarded-For": "198.51.100.9"}
            form = await client.get("/staff/sign-in", headers=headers)
            token = re.search(r'name="signin_token" value="([^"]+)"', form.text)
            assert token is not None
            # The client speaks http to the proxy here, so it would not send back a Secure
            # cookie by itself: hand the sign-in cookie over as a browser on https would.
            signin_cookie = form.headers["set-cookie"].split(";")[0]
            wrong = await client.post("/staff/sign-in", data={
                "email": "nobody@example.org", "password": PASSWORD, "signin_token": token[1]},
                headers={**headers, "Cookie": signin_cookie})
            assert wrong.status_code == 401
            return await client.post("/staff/sign-in", data={
                "email": STAFF, "password": PASSWORD, "signin_token": token[1]},
                headers={**headers, "Cookie": signin_cookie})

    response = anyio.run(sign_in)
    assert response.status_code == 303
    cookie = next(v for v in response.headers.get_list("set-cookie")
                  if v.startswith("rareinfo_staff="))
    assert ("Secure" in cookie) is secure
    # Failed sign-ins count against the client the proxy names, not the proxy.
    with db.engine(sqlite_userdata).connect() as conn:
        addresses = conn.execute(select(login_failure.c.address)).scalars().all()
    assert addresses == ["198.51.100.9"]


def test_wrong_password_is_refused_without_saying_which_part(client: TestClient) -> None:
    wrong = _sign_in(client, password="not the password")
    unknown = _sign_in(client, email="nobody@example.org")
    for response in (wrong, unknown):
        assert response.status_code == 401
        assert "Wrong e-mail address or password." in response.text
        assert "rareinfo_staff=" not in response.headers.get("set-cookie", "")


def test_sign_in_form_needs_its_token(client: TestClient) -> None:
    response = client.post("/staff/sign-in", data={"email": STAFF, "password": PASSWORD})
    assert response.status_code == 403
    assert "rareinfo_staff=" not in response.headers.get("set-cookie", "").split(";")[0]
    assert client.get("/staff").status_code == 303


def test_lockout_after_five_failures(client: TestClient) -> None:
    for _ in range(4):
        assert _sign_in(client, password="guessing again").status_code == 401
    # The fifth failure says so at once; then even the right password is refused.
    assert _sign_in(client, password="guessing again").status_code == 429
    locked = _sign_in(client)
    assert locked.status_code == 429
    assert "Too many failed sign-ins" in locked.text
    assert client.get("/staff").status_code == 303


def test_lockout_per_address_covers_other_accounts(kb_url: str,
                                                   sqlite_userdata: str) -> None:
    with _client(kb_url, sqlite_userdata, staff_lockout_address_failures=3) as client:
        for i in range(2):
            assert _sign_in(client, email=f"guess{i}@example.org").status_code == 401
        assert _sign_in(client, email="guess2@example.org").status_code == 429
        assert _sign_in(client).status_code == 429


def test_open_redirects_are_refused(client: TestClient) -> None:
    form = client.get("/staff/sign-in", params={"next": "https://evil.example/x"})
    assert 'name="next" value="/staff"' in form.text
    for target in ("//evil.example/staff", "https://evil.example", "/\\evil.example",
                   "/staff/../x", "http:/evil.example"):
        client.cookies.clear()
        response = _sign_in(client, next_path=target)
        assert response.status_code == 303
        assert response.headers["location"] == "/staff", target
    client.cookies.clear()
    assert _sign_in(client, next_path="/staff/audit").headers["location"] == "/staff/audit"


def test_a_planted_session_id_is_never_kept(client: TestClient) -> None:
    # An attacker's own valid session, planted in the victim's browser before sign-in ...
    _sign_in(client)
    planted = client.cookies.get("rareinfo_staff")
    assert planted
    response = _sign_in(client)
    fresh = client.cookies.get("rareinfo_staff")
    # ... is replaced by a new one and ended.
    assert fresh and fresh != planted
    assert response.status_code == 303
    other = TestClient(client.app, follow_redirects=False)
    other.cookies.set("rareinfo_staff", planted, domain=HOST, path="/staff")
    assert other.get("/staff").status_code == 303
    # A made-up identifier set before sign-in is not adopted either.
    client.cookies.clear()
    client.cookies.set("rareinfo_staff", "attacker-chosen-id", domain=HOST, path="/staff")
    _sign_in(client)
    assert client.cookies.get("rareinfo_staff") != "attacker-chosen-id"


def test_sign_out_ends_the_session(client: TestClient) -> None:
    _sign_in(client)
    token = client.cookies.get("rareinfo_staff")
    response = client.post("/staff/sign-out", data={"csrf_token": _csrf(client)})
    assert response.status_code == 303
    assert response.headers["location"] == "/staff/sign-in"
    other = TestClient(client.app, follow_redirects=False)
    other.cookies.set("rareinfo_staff", token or "", domain=HOST, path="/staff")
    assert other.get("/staff").status_code == 303


def test_disabled_account_loses_its_session(client: TestClient, sqlite_userdata: str) -> None:
    _sign_in(client)
    assert client.get("/staff").status_code == 200
    with db.engine(sqlite_userdata).begin() as conn:
        auth.disable_account(conn, STAFF)
    assert client.get("/staff").status_code == 303
    assert _sign_in(client).status_code == 401


# -- CSRF --

def test_every_post_needs_the_session_csrf_token(client: TestClient,
                                                 sqlite_userdata: str) -> None:
    q = _submit(sqlite_userdata)
    _sign_in(client)
    token = _csrf(client)
    for bad in ({}, {"csrf_token": ""}, {"csrf_token": token[:-2] + "xx"}):
        for action in ("claim", "draft", "send", "close", "publish", "unpublish"):
            response = client.post(f"/staff/inquiries/{q.id}/{action}",
                                   data={"answer": "An answer.", **bad})
            assert response.status_code == 403, (action, bad)
            assert "security token" in response.text
        assert client.post("/staff/sign-out", data=bad).status_code == 403
    assert _state(sqlite_userdata, q.id).status == "new"
    # A token from another session does not work in this one.
    other = TestClient(client.app, follow_redirects=False)
    _sign_in(other)
    assert client.post(f"/staff/inquiries/{q.id}/claim",
                       data={"csrf_token": _csrf(other)}).status_code == 403
    assert client.post(f"/staff/inquiries/{q.id}/claim",
                       data={"csrf_token": token}).status_code == 303
    assert _state(sqlite_userdata, q.id).status == "claimed"


def test_forms_of_another_type_are_refused(client: TestClient, sqlite_userdata: str) -> None:
    q = _submit(sqlite_userdata)
    _sign_in(client)
    response = client.post(f"/staff/inquiries/{q.id}/claim",
                           json={"csrf_token": _csrf(client)})
    assert response.status_code == 415


# -- XSS --

def test_question_markup_is_inert_in_the_console(client: TestClient,
                                                 sqlite_userdata: str) -> None:
    hostile = ('<script>alert("x")</script><img src=x onerror="alert(1)"> '
               'Is this <b>inherited</b>?')
    q = _submit(sqlite_userdata, question=hostile)
    _sign_in(client)
    for path in ("/staff", f"/staff/inquiries/{q.id}"):
        page = client.get(path).text
        assert "<script>alert" not in page and "<img src=x" not in page
        assert "&lt;script&gt;" in page
    assert "script-src 'self'" in client.get("/staff").headers["content-security-policy"]


# -- the workflow --

def test_claim_answer_send_publish_unpublish(kb_url: str, userdata_url: str,
                                             smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    q = _submit(userdata_url)
    with _client(kb_url, userdata_url, smtp_port=port) as client:
        assert _sign_in(client, next_path=f"/staff/inquiries/{q.id}").headers[
            "location"] == f"/staff/inquiries/{q.id}"
        queue = client.get("/staff", params={"asker": "family", "disease": DISEASE})
        assert q.reference in queue.text
        assert q.reference not in client.get("/staff", params={"asker": "clinician"}).text
        assert q.reference not in client.get("/staff", params={"age": "7"}).text
        token = _csrf(client, f"/staff/inquiries/{q.id}")

        done = client.post(f"/staff/inquiries/{q.id}/claim", data={"csrf_token": token})
        assert done.headers["location"] == f"/staff/inquiries/{q.id}?done=claimed"
        page = client.get(done.headers["location"]).text
        assert "You claimed this question." in page and 'id="answer"' in page
        assert 'data-search="/api/v1/search"' in page

        answer = ("Most childhood leukemia is not inherited. See "
                  "[Acute lymphoblastic leukemia](http://testserver/diseases/ORPHA:513) "
                  "and [trials](http://testserver/diseases/ORPHA:513/trials).")
        client.post(f"/staff/inquiries/{q.id}/draft", data={"csrf_token": token,
                                                           "answer": answer})
        assert _state(userdata_url, q.id).answer == answer
        sent = client.post(f"/staff/inquiries/{q.id}/send", data={"csrf_token": token,
                                                                 "answer": answer})
        assert sent.headers["location"] == f"/staff/inquiries/{q.id}?done=sent"
        assert _state(userdata_url, q.id).status == "answered"
        assert inbox.recipients == [["jane.baker@example.com"]]
        body = inbox.messages[0].get_payload(decode=True)
        assert isinstance(body, bytes)
        assert b"[Acute lymphoblastic leukemia](http://testserver/diseases/ORPHA:513)" in body

        review = client.get(f"/staff/inquiries/{q.id}/publish")
        assert review.status_code == 200
        assert review.text.count('<mark class="redaction"') >= 3
        proposed_q = re.search(r'name="question"[^>]*>([^<]*)</textarea>', review.text)
        proposed_a = re.search(r'name="answer"[^>]*>([^<]*)</textarea>', review.text)
        assert proposed_q and proposed_a
        public_question = html.unescape(proposed_q[1])
        public_answer = html.unescape(proposed_a[1])
        for detail in ("Tom Baker", "03/04/2018", "0113 496 0000", "jane.baker@example.com",
                       "12345678"):
            assert detail not in public_question
        # Links into the portal survive de-identification.
        assert "(http://testserver/diseases/ORPHA:513)" in public_answer

        published = client.post(f"/staff/inquiries/{q.id}/publish", data={
            "csrf_token": token, "question": public_question, "answer": public_answer})
        assert published.status_code == 303, published.text
        with db.engine(userdata_url).connect() as conn:
            public = store.published_question(conn, q.id)
        assert public is not None and public.question == public_question.strip()
        api = client.get(f"/api/v1/diseases/{DISEASE}/questions").json()
        assert [p["question"] for p in api] == [public_question.strip()]

        withdrawn = client.post(f"/staff/inquiries/{q.id}/unpublish",
                                data={"csrf_token": token})
        assert withdrawn.headers["location"].endswith("done=unpublished")
        assert client.get(f"/api/v1/diseases/{DISEASE}/questions").json() == []

        closed = client.post(f"/staff/inquiries/{q.id}/close",
                             data={"csrf_token": token, "reason": "answered"})
        assert closed.headers["location"].endswith("done=closed")
        audit = client.get("/staff/audit").text
        for action in ("signed_in", "claimed", "draft_saved", "answer_sent", "published",
                       "unpublished", "closed"):
            assert f"<td data-label=\"What\">{action}</td>" in audit, action
        assert q.reference in audit


def test_send_failure_leaves_the_question_unsent(client: TestClient,
                                                 sqlite_userdata: str) -> None:
    q = _submit(sqlite_userdata)
    _sign_in(client)
    token = _csrf(client)
    client.post(f"/staff/inquiries/{q.id}/claim", data={"csrf_token": token})
    response = client.post(f"/staff/inquiries/{q.id}/send",
                           data={"csrf_token": token, "answer": "A careful answer."})
    assert response.status_code == 502
    assert "The answer was NOT sent" in response.text
    assert "A careful answer." in response.text
    state = _state(sqlite_userdata, q.id)
    assert state.status == "claimed" and state.answer == "A careful answer."
    assert "send_failed" in client.get("/staff/audit").text


def test_publishing_needs_consent_and_a_second_look(client: TestClient,
                                                    sqlite_userdata: str) -> None:
    no_consent = _submit(sqlite_userdata, consent=False)
    consented = _submit(sqlite_userdata)
    with db.engine(sqlite_userdata).begin() as conn:
        for q in (no_consent, consented):
            store.claim(conn, q.id, STAFF)
            store.mark_answered(conn, q.id, STAFF, "General information.")
    _sign_in(client)
    token = _csrf(client)
    refused = client.get(f"/staff/inquiries/{no_consent.id}/publish")
    assert refused.status_code == 409
    assert "did not consent" in refused.text
    forced = client.post(f"/staff/inquiries/{no_consent.id}/publish", data={
        "csrf_token": token, "question": "A question.", "answer": "An answer.",
        "confirm": "yes"})
    assert forced.status_code == 409
    assert not _state(sqlite_userdata, no_consent.id).published
    # Identifying details typed back in are caught before publishing ...
    again = client.post(f"/staff/inquiries/{consented.id}/publish", data={
        "csrf_token": token, "question": "Write to jane.baker@example.com please.",
        "answer": "General information."})
    assert again.status_code == 422
    assert "identifying detail" in again.text
    assert not _state(sqlite_userdata, consented.id).published
    # ... unless the specialist confirms they are not identifying.
    confirmed = client.post(f"/staff/inquiries/{consented.id}/publish", data={
        "csrf_token": token, "question": "Is it inherited?",
        "answer": "General information.", "confirm": "yes"})
    assert confirmed.status_code == 303
    assert _state(sqlite_userdata, consented.id).published


def test_someone_elses_claim_must_be_taken_over(client: TestClient,
                                                sqlite_userdata: str) -> None:
    q = _submit(sqlite_userdata)
    with db.engine(sqlite_userdata).begin() as conn:
        store.claim(conn, q.id, "colleague@example.org")
    _sign_in(client)
    token = _csrf(client)
    refused = client.post(f"/staff/inquiries/{q.id}/draft",
                          data={"csrf_token": token, "answer": "Mine now"})
    assert refused.status_code == 422
    assert "colleague@example.org has claimed" in refused.text
    page = client.get(f"/staff/inquiries/{q.id}").text
    assert "Take over from colleague@example.org" in page
    client.post(f"/staff/inquiries/{q.id}/claim", data={"csrf_token": token})
    assert _state(sqlite_userdata, q.id).claimed_by == STAFF


def test_bad_filters_and_missing_questions_answer_clearly(client: TestClient) -> None:
    _sign_in(client)
    assert client.get("/staff", params={"status": "bogus"}).status_code == 422
    assert client.get("/staff", params={"asker": "robot"}).status_code == 422
    assert client.get("/staff", params={"age": "5"}).status_code == 422
    missing = client.get("/staff/inquiries/999999")
    assert missing.status_code == 404
    assert "no question with this number" in missing.text
    assert client.get("/staff/inquiries/abc").status_code == 422


def test_words_no_list_knows_are_confirmed_one_by_one(client: TestClient,
                                                       sqlite_userdata: str) -> None:
    q = _submit(sqlite_userdata)
    with db.engine(sqlite_userdata).begin() as conn:
        store.claim(conn, q.id, STAFF)
        store.mark_answered(conn, q.id, STAFF, "General information.")
    _sign_in(client)
    token = _csrf(client)
    texts: dict[str, str | list[str]] = {
        "csrf_token": token, "answer": "General information.",
        "question": "Is it inherited? We asked Grzegorzewski and Okonkwo about it."}
    review = client.post(f"/staff/inquiries/{q.id}/publish", data=texts)
    assert review.status_code == 422
    assert "could not be classified" in review.text
    assert '<mark class="flag"' in review.text
    flagged = re.findall(r'name="confirm_word" value="([^"]*)"', review.text)
    assert {"Grzegorzewski", "Okonkwo"} <= set(flagged)
    all_but_one = [w for w in flagged if w != "Okonkwo"]
    one_left = client.post(f"/staff/inquiries/{q.id}/publish",
                           data={**texts, "confirm_word": all_but_one})
    assert one_left.status_code == 422 and "1 word could not" in one_left.text
    assert 'value="Grzegorzewski" checked' in one_left.text
    assert not _state(sqlite_userdata, q.id).published
    every = client.post(f"/staff/inquiries/{q.id}/publish",
                        data={**texts, "confirm_word": flagged})
    assert every.status_code == 303
    assert _state(sqlite_userdata, q.id).published
