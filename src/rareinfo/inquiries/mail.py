"""Sending an answer by e-mail through the configured SMTP server.

The caller sends first and records the question as answered only when this returns, so a
failure (``MailError``, with a one-line reason) leaves the question unsent.
"""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr

from rareinfo.config import Settings
from rareinfo.inquiries.store import Inquiry

NOT_ADVICE = ("This answer is general information, not medical advice; please talk to a "
              "healthcare professional about your own situation.")


class MailError(RuntimeError):
    """The answer could not be sent; the message says why."""


def answer_message(inquiry: Inquiry, answer: str, settings: Settings) -> EmailMessage:
    """The e-mail carrying ``answer`` to the asker of ``inquiry``."""
    if not inquiry.email:
        raise MailError(f"question {inquiry.reference} has no e-mail address any more")
    message = EmailMessage()
    message["From"] = settings.mail_from
    message["To"] = inquiry.email
    message["Subject"] = f"Your question to rareinfo ({inquiry.reference})"
    message["Date"] = formatdate(localtime=False, usegmt=True)
    domain = parseaddr(settings.mail_from)[1].rpartition("@")[2] or "localhost"
    message["Message-ID"] = make_msgid(domain=domain)
    quoted = "\n".join(f"> {line}" for line in (inquiry.question or "").splitlines())
    base = settings.public_base_url.rstrip("/")
    message.set_content(
        f"Hello,\n\nthank you for your question (reference {inquiry.reference}).\n\n"
        f"{answer.strip()}\n\n{NOT_ADVICE}\n\n"
        f"Your question was:\n{quoted}\n\n"
        f"rareinfo — genetic and rare disease information\n{base}/\n"
    )
    return message


def send_answer(settings: Settings, inquiry: Inquiry, answer: str) -> str:
    """Send the answer; returns the Message-ID. Raises MailError when it was not sent."""
    if not settings.smtp_host:
        raise MailError("no SMTP server is configured (set RAREINFO_SMTP_HOST)")
    message = answer_message(inquiry, answer, settings)
    try:
        with smtplib.SMTP(settings.smtp_host, settings.smtp_port,
                          timeout=settings.smtp_timeout_seconds) as smtp:
            if settings.smtp_starttls:
                smtp.starttls(context=ssl.create_default_context())
            if settings.smtp_user:
                smtp.login(settings.smtp_user, settings.smtp_password or "")
            refused = smtp.send_message(message)
    except smtplib.SMTPResponseException as exc:
        reason = exc.smtp_error.decode(errors="replace") if isinstance(
            exc.smtp_error, bytes) else str(exc.smtp_error)
        raise MailError(f"the mail server refused the message ({exc.smtp_code} {reason})"
                        ) from exc
    except smtplib.SMTPRecipientsRefused as exc:
        raise MailError("the mail server refused the recipient address") from exc
    except smtplib.SMTPServerDisconnected as exc:
        # smtplib reports a read timeout as a disconnection.
        if "timed out" in str(exc):
            raise MailError(f"the mail server {settings.smtp_host}:{settings.smtp_port} did "
                            "not answer in time") from exc
        raise MailError(f"sending failed: {exc}") from exc
    except (smtplib.SMTPException, ssl.SSLError) as exc:
        raise MailError(f"sending failed: {exc}") from exc
    except TimeoutError as exc:
        raise MailError(f"the mail server {settings.smtp_host}:{settings.smtp_port} did not "
                        "answer in time") from exc
    except OSError as exc:
        raise MailError(f"cannot reach the mail server {settings.smtp_host}:"
                        f"{settings.smtp_port}: {exc.strerror or exc}") from exc
    if refused:
        raise MailError("the mail server refused the recipient address")
    return str(message["Message-ID"])
