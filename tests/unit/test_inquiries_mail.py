"""Sending answers through a real local SMTP server (aiosmtpd), and failing clearly."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import UTC, datetime
from email import message_from_bytes
from email.message import Message
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from rareinfo.config import Settings
from rareinfo.inquiries import mail
from rareinfo.inquiries.store import Inquiry

NOW = datetime(2026, 11, 21, tzinfo=UTC)
INQUIRY = Inquiry(
    id=1, reference="Q-2026-ABCDEFGH", created_at=NOW, updated_at=NOW, status="claimed",
    disease_id="OMIM:100001", asker_type="family", email="asker@example.org",
    question="Is it inherited?\nWe live in Lyon.", answer=None, consent_publish=False,
    claimed_by="ann@staff", claimed_at=NOW, answered_by=None, answered_at=None,
    closed_at=None, purged_at=None, published=False, published_at=None)


class Inbox:
    """An aiosmtpd handler that keeps what it receives, or refuses recipients."""

    def __init__(self, refuse: bool = False) -> None:
        self.messages: list[tuple[Envelope, Message]] = []
        self.refuse = refuse

    async def handle_RCPT(self, server: SMTP, session: Session, envelope: Envelope,  # noqa: N802
                          address: str, options: list[str]) -> str:
        if self.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session,  # noqa: N802
                          envelope: Envelope) -> str:
        content = envelope.content
        assert isinstance(content, bytes)
        self.messages.append((envelope, message_from_bytes(content)))
        return "250 Message accepted"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(handler: Inbox) -> Iterator[Controller]:
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    try:
        yield controller
    finally:
        controller.stop()


@pytest.fixture
def inbox() -> Iterator[tuple[Inbox, int]]:
    handler = Inbox()
    for controller in _serve(handler):
        yield handler, int(controller.port)


def _settings(port: int, **extra: Any) -> Settings:
    values: dict[str, Any] = {
        "smtp_host": "127.0.0.1", "smtp_port": port, "smtp_timeout_seconds": 5,
        "mail_from": "rareinfo <answers@rareinfo.example>",
        "public_base_url": "https://rareinfo.example/", **extra}
    return Settings(**values)


def test_answer_arrives_with_reference_and_question(inbox: tuple[Inbox, int]) -> None:
    handler, port = inbox
    message_id = mail.send_answer(_settings(port), INQUIRY, "It can be inherited.\nSee OMIM.")
    [(envelope, message)] = handler.messages
    assert envelope.rcpt_tos == ["asker@example.org"]
    assert envelope.mail_from == "answers@rareinfo.example"
    assert message["Subject"] == "Your question to rareinfo (Q-2026-ABCDEFGH)"
    assert message["Message-ID"] == message_id and "@rareinfo.example>" in message_id
    body = message.get_payload(decode=True)
    assert isinstance(body, bytes)
    text = body.decode().replace("\r\n", "\n")
    assert "It can be inherited.\nSee OMIM." in text
    assert "> Is it inherited?\n> We live in Lyon." in text
    assert "not medical advice" in text and "https://rareinfo.example/" in text


def test_refused_recipient_is_an_error() -> None:
    for controller in _serve(Inbox(refuse=True)):
        with pytest.raises(mail.MailError, match="refused the recipient"):
            mail.send_answer(_settings(int(controller.port)), INQUIRY, "Answer")


def test_unreachable_or_unconfigured_server_is_an_error() -> None:
    with pytest.raises(mail.MailError, match=r"cannot reach the mail server 127\.0\.0\.1"):
        mail.send_answer(_settings(_free_port()), INQUIRY, "Answer")
    with pytest.raises(mail.MailError, match="no SMTP server is configured"):
        mail.send_answer(Settings(smtp_host=None), INQUIRY, "Answer")


def test_starttls_against_a_server_without_it_is_an_error(inbox: tuple[Inbox, int]) -> None:
    handler, port = inbox
    with pytest.raises(mail.MailError, match="STARTTLS"):
        mail.send_answer(_settings(port, smtp_starttls=True), INQUIRY, "Answer")
    assert handler.messages == []


def test_silent_server_times_out() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)  # accepts the connection but never greets
        settings = _settings(int(listener.getsockname()[1]), smtp_timeout_seconds=0.5)
        with pytest.raises(mail.MailError, match="did not answer in time"):
            mail.send_answer(settings, INQUIRY, "Answer")


def test_purged_question_cannot_be_mailed() -> None:
    purged = Inquiry(**{**{f: getattr(INQUIRY, f) for f in INQUIRY.__slots__},
                        "email": None})
    with pytest.raises(mail.MailError, match="no e-mail address"):
        mail.send_answer(_settings(_free_port()), purged, "Answer")
