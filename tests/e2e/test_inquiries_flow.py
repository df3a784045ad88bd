"""The information center end to end in chromium: ask, answer by e-mail, publish.

A real `rareinfo serve` with its own user database and an SMTP server (aiosmtpd) started
here; the specialist account is created with the real `rareinfo staff add`.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from typing import Any

import httpx
import pytest
from aiosmtpd.controller import Controller
from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, expect

from rareinfo.inquiries import db, store
from tests.e2e.conftest import _free_port, serving

pytestmark = pytest.mark.e2e

STAFF_EMAIL = "specialist@rareinfo.test"
STAFF_PASSWORD = "information specialist passphrase"
ASKER_EMAIL = "maria.gonzalez@example.com"
DISEASE = "OMIM:613065"  # acute lymphocytic leukemia, susceptibility to, 1
# Every kind of identifying detail the issue names, in one realistic question.
IDENTIFYING = {
    "name": "Maria Gonzalez",
    "child's name": "Sofia",
    "age": "6 years old",
    "date of birth": "14/02/2019",
    "city": "Springfield",
    "hospital": "St. Jude Children's Research Hospital",
    "e-mail": ASKER_EMAIL,
    "phone": "555 201 3344",
    "record number": "55512345",
}
QUESTION = (
    "Hello, my name is Maria Gonzalez and my daughter Sofia is 6 years old (born 14/02/2019). "
    "We live in Springfield and she was diagnosed with acute lymphoblastic leukemia at "
    "St. Jude Children's Research Hospital last month. Is this leukemia inherited, and should "
    "her brother be tested? Are there clinical trials for children? Her medical record "
    "number is MRN 55512345. You can reach me at maria.gonzalez@example.com or on "
    "+1 555 201 3344."
)
ANSWER = ("Thank you for your question. Most acute lymphoblastic leukemia is not inherited; "
          "a brother does not usually need testing. You can read more here: ")


@dataclass
class Inbox:
    """What the local SMTP server received."""

    messages: list[Message] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd hook
        self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"


@dataclass(frozen=True)
class Portal:
    """The served portal, its user database and the inbox."""

    url: str
    userdata_url: str
    inbox: Inbox


@pytest.fixture(scope="module")
def portal(full_kb_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Portal]:
    inbox = Inbox()
    smtp_port, port = _free_port(), _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    userdata_url = f"sqlite:///{tmp_path_factory.mktemp('userdata') / 'userdata.sqlite'}"
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "RAREINFO_DATABASE_URL": full_kb_url,
           "RAREINFO_USERDATA_URL": userdata_url, "RAREINFO_SMTP_HOST": "127.0.0.1",
           "RAREINFO_SMTP_PORT": str(smtp_port),
           "RAREINFO_MAIL_FROM": "rareinfo <answers@rareinfo.test>",
           "RAREINFO_PUBLIC_BASE_URL": url}
    added = subprocess.run(
        [sys.executable, "-m", "rareinfo", "staff", "add", STAFF_EMAIL, "--name",
         "Riley Specialist", "--password-stdin"],
        input=STAFF_PASSWORD + "\n", env=env, capture_output=True, text=True, timeout=60)
    assert added.returncode == 0, added.stderr
    try:
        with serving(env, port=port):
            yield Portal(url, userdata_url, inbox)
    finally:
        controller.stop()
        db.dispose(userdata_url)


@pytest.fixture()
def staff_page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    context.close()


def _sign_in(page: Page, portal: Portal) -> None:
    page.goto(f"{portal.url}/staff")
    expect(page).to_have_url(re.compile(r"/staff/sign-in\?next=%2Fstaff$"))
    page.fill("#email", STAFF_EMAIL)
    page.fill("#password", STAFF_PASSWORD)
    page.click("button:has-text('Sign in')")
    expect(page).to_have_url(f"{portal.url}/staff")
    expect(page.locator(".staff-who")).to_contain_text("Riley Specialist")


def _watch_for_scripts(page: Page) -> list[str]:
    """Record any dialog opened by a script and any CSP violation reported."""
    seen: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        seen.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    def on_console(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            seen.append(f"console: {message.text}")

    page.on("dialog", on_dialog)
    page.on("console", on_console)
    return seen


def test_ask_answer_by_email_and_publish_without_identifying_details(
        page: Page, staff_page: Page, portal: Portal) -> None:
    problems = _watch_for_scripts(page) + _watch_for_scripts(staff_page)

    # The asker: from the disease page to the form, with consent.
    page.goto(f"{portal.url}/diseases/{DISEASE}")
    disease_url = page.url
    page.click("text=Ask a question about this disease")
    page.fill("#question", QUESTION)
    page.check("input[name=asker_type][value=family]")
    page.fill("#email", ASKER_EMAIL)
    page.check("input[name=consent]")
    page.click("button:has-text('Send the question')")
    reference = page.locator(".reference").inner_text()
    assert re.fullmatch(r"Q-\d{4}-[A-Z0-9]{8}", reference)

    # The specialist: sign in, find it in the queue, claim.
    _sign_in(staff_page, portal)
    staff_page.click(f"text={reference}")
    expect(staff_page.locator("#question-text")).to_have_text(QUESTION)
    staff_page.click("#claim")
    expect(staff_page.locator(".staff-done")).to_have_text("You claimed this question.")

    # Answer, with a link into the knowledge base inserted from search.
    staff_page.fill("#answer", ANSWER)
    staff_page.locator("#answer").press("End")
    staff_page.fill("#kb-search", "acute lymphoblastic leukemia")
    staff_page.locator(".kb-results button", has_text="Disease page").first.click()
    answer = staff_page.locator("#answer").input_value()
    link = re.search(r"\[([^\]]+)\]\((http://127\.0\.0\.1:\d+/diseases/[^)\s]+)\)", answer)
    assert answer.startswith(ANSWER) and link is not None, answer
    assert httpx.get(link[2], follow_redirects=True).status_code == 200

    # Send: the e-mail arrives at the local SMTP server with the answer.
    staff_page.click("#send-answer")
    expect(staff_page.locator(".staff-done")).to_have_text("The answer was sent by e-mail.")
    [mail] = portal.inbox.messages
    assert mail["To"] == ASKER_EMAIL
    assert reference in mail["Subject"]
    body = mail.get_payload(decode=True)
    assert isinstance(body, bytes)
    assert ANSWER.strip() in body.decode() and link[2] in body.decode()

    # Publication review: redactions highlighted; the proposed text has none of the details.
    staff_page.click("#review-publish")
    assert staff_page.locator("#question-review mark.redaction").count() >= len(IDENTIFYING) - 2
    proposed = staff_page.locator("#public-question").input_value()
    left = [kind for kind, detail in IDENTIFYING.items() if detail in proposed]
    assert not left, f"identifying details left for publication: {left}\n{proposed}"
    assert "leukemia inherited" in proposed  # the medical content stays
    staff_page.click("#publish")
    expect(staff_page.locator(".staff-done")).to_have_text("Published on the disease page.")

    # The disease page shows the published question, without any identifying detail.
    page.goto(disease_url)
    section = page.locator("#questions")
    expect(section.locator(".qa-question")).to_have_count(1)
    expect(section.locator(".qa-answer a", has_text=link[1])).to_have_count(1)
    html = page.content()
    for kind, detail in IDENTIFYING.items():
        assert detail not in html, kind
    assert reference not in html
    assert "Is this leukemia inherited" in section.inner_text()

    # The audit log names who did what.
    staff_page.goto(f"{portal.url}/staff/audit")
    log = staff_page.locator("table.audit").inner_text()
    for action in ("submitted", "claimed", "answer_sent", "published"):
        assert action in log
    assert STAFF_EMAIL in log
    assert problems == []


def test_markup_in_a_question_stays_inert_in_console_and_on_the_page(
        page: Page, staff_page: Page, portal: Portal) -> None:
    problems = _watch_for_scripts(page) + _watch_for_scripts(staff_page)
    hostile = ('Is it inherited? <script>window.__pwned = 1; alert("script")</script>'
               '<img src="x" onerror="window.__pwned = 2; alert(\'img\')">'
               '<a href="javascript:alert(3)">link</a>')
    answer = 'No. <img src=x onerror="window.__pwned = 3"> [click](javascript:alert(4))'
    response = httpx.post(f"{portal.url}/api/v1/questions", json={
        "question": hostile, "email": "asker@example.org", "asker_type": "patient",
        "disease": DISEASE, "consent_publish": True})
    assert response.status_code == 201, response.text
    reference = response.json()["reference"]

    _sign_in(staff_page, portal)
    staff_page.click(f"text={reference}")
    expect(staff_page.locator("#question-text")).to_have_text(hostile)
    assert staff_page.evaluate("window.__pwned") is None

    with db.engine(portal.userdata_url).begin() as conn:
        found = store.get_by_reference(conn, reference)
        assert found is not None
        store.claim(conn, found.id, STAFF_EMAIL)
        store.mark_answered(conn, found.id, STAFF_EMAIL, answer)
    staff_page.goto(f"{staff_page.url.split('?')[0]}/publish")
    staff_page.fill("#public-question", hostile)
    staff_page.fill("#public-answer", answer)
    staff_page.click("#publish")
    if staff_page.locator("input[name=confirm]").count():
        staff_page.check("input[name=confirm]")
        staff_page.click("#publish")
    expect(staff_page.locator(".staff-done")).to_have_text("Published on the disease page.")
    assert staff_page.evaluate("window.__pwned") is None

    page.goto(f"{portal.url}/diseases/{DISEASE}")
    expect(page.locator("#questions .qa-question", has_text="<script>")).to_have_count(1)
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#questions script, #questions img").count() == 0
    assert page.locator("#questions a[href^='javascript']").count() == 0
    assert not [p for p in problems if p.startswith("dialog")]


def test_words_the_tool_cannot_classify_are_marked_and_confirmed_before_publishing(
        staff_page: Page, portal: Portal) -> None:
    # A surname with no cue and in no list: the rules leave it, the review screen must not.
    question = ("Is Fabry disease inherited? We asked Grzegorzewski at the clinic and "
                "he was not sure. My brother has kidney problems.")
    response = httpx.post(f"{portal.url}/api/v1/questions", json={
        "question": question, "email": "asker2@example.org", "asker_type": "family",
        "disease": DISEASE, "consent_publish": True})
    assert response.status_code == 201, response.text
    reference = response.json()["reference"]
    with db.engine(portal.userdata_url).begin() as conn:
        found = store.get_by_reference(conn, reference)
        assert found is not None
        store.claim(conn, found.id, STAFF_EMAIL)
        store.mark_answered(conn, found.id, STAFF_EMAIL, "Fabry disease is X-linked.")

    _sign_in(staff_page, portal)
    staff_page.goto(f"{portal.url}/staff/inquiries/{found.id}/publish")
    expect(staff_page.locator("#question-review mark.flag")).to_have_text(["Grzegorzewski"])
    checkbox = staff_page.locator("#flagged-words input[value=Grzegorzewski]")
    expect(checkbox).not_to_be_checked()

    # Publishing without confirming the word is refused, and says why.
    staff_page.click("#publish")
    expect(staff_page.locator("[role=alert]")).to_contain_text("1 word could not be classified")
    with db.engine(portal.userdata_url).connect() as conn:
        assert store.published_question(conn, found.id) is None

    # Confirmed word by word, it publishes.
    staff_page.check("#flagged-words input[value=Grzegorzewski]")
    staff_page.click("#publish")
    expect(staff_page.locator(".staff-done")).to_have_text("Published on the disease page.")
    with db.engine(portal.userdata_url).connect() as conn:
        published = store.published_question(conn, found.id)
    assert published is not None and "Grzegorzewski" in published.question


def test_console_needs_sign_in_in_the_browser(page: Page, portal: Portal) -> None:
    page.goto(f"{portal.url}/staff/audit")
    expect(page).to_have_url(re.compile(r"/staff/sign-in\?next=%2Fstaff%2Faudit$"))
    page.fill("#email", STAFF_EMAIL)
    page.fill("#password", "wrong password, twelve+")
    page.click("button:has-text('Sign in')")
    expect(page.locator("[role=alert]")).to_have_text("Wrong e-mail address or password.")
    page.fill("#password", STAFF_PASSWORD)
    page.click("button:has-text('Sign in')")
    expect(page).to_have_url(f"{portal.url}/staff/audit")
    cookies = {c["name"]: c for c in page.context.cookies()}
    session = cookies["rareinfo_staff"]
    assert session["httpOnly"] and session["sameSite"] == "Strict"
    assert session["path"] == "/staff"
    assert page.evaluate("document.cookie") == ""
