"""Questions and their life: submit, claim, draft, answer, close, publish, purge.

Every function takes an open ``Connection``; the caller owns the transaction
(``with db.engine(url).begin() as conn: ...``) so a state change and its audit event
commit together. Every state change writes an audit event through ``record_event``.

Statuses go new -> claimed -> answered -> closed; publication is a separate flag. The
public version of a question is stored apart (table ``publication``) and holds only the
reviewed, de-identified texts, so purging the original never touches it.
"""

from __future__ import annotations

import re
import secrets
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, delete, func, insert, or_, select, update

from rareinfo.inquiries.tables import (
    ASKER_TYPES,
    STATUSES,
    audit_log,
    inquiry,
    publication,
    publication_state,
)

MIN_QUESTION = 10
MAX_QUESTION = 5000
MAX_ANSWER = 20_000
MAX_EMAIL = 254
MAX_DISEASE_ID = 80
# A pragmatic check, not RFC 5322: one @, no spaces, a dot in the domain.
_EMAIL = re.compile(r"^[^@\s<>\"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")
# No 0/O, 1/I/L: read over the phone without confusion. 31**8 ~ 8.5e11 per year.
_REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
_REFERENCE = re.compile(r"^Q-\d{4}-[A-Z0-9]{8}$")
SYSTEM_ACTOR = "system"


class InquiryError(ValueError):
    """A request the store refuses (invalid input or state); the message says why."""


class InquiryNotFound(InquiryError):
    """No question has that id or reference."""


@dataclass(frozen=True, slots=True)
class Inquiry:
    """One question as the staff see it (contact and original texts None once purged)."""

    id: int
    reference: str
    created_at: datetime
    updated_at: datetime
    status: str
    disease_id: str | None
    asker_type: str
    email: str | None
    question: str | None
    answer: str | None
    consent_publish: bool
    claimed_by: str | None
    claimed_at: datetime | None
    answered_by: str | None
    answered_at: datetime | None
    closed_at: datetime | None
    purged_at: datetime | None
    published: bool
    published_at: datetime | None


@dataclass(frozen=True, slots=True)
class PublishedQuestion:
    """The public, de-identified version of a question and its answer."""

    inquiry_id: int
    disease_id: str | None
    question: str
    answer: str
    published_at: datetime


@dataclass(frozen=True, slots=True)
class AuditEvent:
    """Who did what to which question, and when."""

    id: int
    at: datetime
    actor: str
    action: str
    inquiry_id: int | None
    detail: str


@dataclass(frozen=True, slots=True)
class QueueFilter:
    """Which questions a queue shows; None means any."""

    statuses: Sequence[str] | None = ("new", "claimed")
    disease_id: str | None = None
    asker_type: str | None = None
    min_age_days: int | None = None
    max_age_days: int | None = None
    claimed_by: str | None = None
    limit: int = 100
    offset: int = 0


def now_utc() -> datetime:
    """The current time, in UTC."""
    return datetime.now(UTC)


def _aware(value: datetime | None) -> datetime | None:
    # SQLite hands times back without a zone; every stored time is UTC.
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def _inquiry(row: Any) -> Inquiry:
    values = dict(row._mapping)
    for key, value in values.items():
        if isinstance(value, datetime):
            values[key] = _aware(value)
    values["consent_publish"] = bool(values["consent_publish"])
    values["published"] = bool(values["published"])
    return Inquiry(**values)


# -- audit log --

def record_event(conn: Connection, actor: str, action: str, inquiry_id: int | None,
                 detail: str = "", *, at: datetime | None = None) -> None:
    """Append one audit event. ``detail`` must not hold contact details or question text."""
    conn.execute(insert(audit_log).values(at=at or now_utc(), actor=actor, action=action,
                                          inquiry_id=inquiry_id, detail=detail))


def audit_events(conn: Connection, inquiry_id: int | None = None, limit: int = 200,
                 offset: int = 0) -> list[AuditEvent]:
    """Audit events, newest first; only those of one question when ``inquiry_id`` is set."""
    query = select(audit_log).order_by(audit_log.c.at.desc(), audit_log.c.id.desc())
    if inquiry_id is not None:
        query = query.where(audit_log.c.inquiry_id == inquiry_id)
    rows = conn.execute(query.limit(limit).offset(offset)).all()
    return [AuditEvent(id=r.id, at=_aware(r.at) or r.at, actor=r.actor, action=r.action,
                       inquiry_id=r.inquiry_id, detail=r.detail) for r in rows]


# -- asking --

def normalise_email(email: str) -> str:
    """The address as stored and compared: stripped, lower case; InquiryError if invalid."""
    value = email.strip().lower()
    if len(value) > MAX_EMAIL or not _EMAIL.match(value):
        raise InquiryError("email: give a valid e-mail address for the answer")
    return value


def validate_question(text: str) -> str:
    """The question text stripped; InquiryError when too short, too long or binary."""
    value = text.strip()
    if len(value) < MIN_QUESTION:
        raise InquiryError(f"question: write at least {MIN_QUESTION} characters")
    if len(value) > MAX_QUESTION:
        raise InquiryError(f"question: at most {MAX_QUESTION} characters")
    if any(ord(ch) < 32 and ch not in "\n\r\t" for ch in value) or "\x7f" in value:
        raise InquiryError("question: contains control characters")
    return value


def new_reference(year: int) -> str:
    """A fresh reference like Q-2026-7KQ2M9XA, random so references cannot be enumerated."""
    tail = "".join(secrets.choice(_REFERENCE_ALPHABET) for _ in range(8))
    return f"Q-{year}-{tail}"


def submit(conn: Connection, *, question: str, email: str, asker_type: str,
           disease_id: str | None = None, consent_publish: bool = False,
           now: datetime | None = None) -> Inquiry:
    """Store a new question and return it (with its reference); InquiryError if invalid."""
    text = validate_question(question)
    address = normalise_email(email)
    if asker_type not in ASKER_TYPES:
        raise InquiryError(f"asker_type: one of {', '.join(ASKER_TYPES)}")
    disease = (disease_id or "").strip() or None
    if disease is not None and len(disease) > MAX_DISEASE_ID:
        raise InquiryError(f"disease: at most {MAX_DISEASE_ID} characters")
    when = now or now_utc()
    reference = new_reference(when.year)
    while conn.execute(select(inquiry.c.id).where(inquiry.c.reference == reference)).first():
        reference = new_reference(when.year)
    new_id = conn.execute(insert(inquiry).values(
        reference=reference, created_at=when, updated_at=when, status="new",
        disease_id=disease, asker_type=asker_type, email=address, question=text,
        answer=None, consent_publish=consent_publish, published=False,
    ).returning(inquiry.c.id)).scalar_one()
    record_event(conn, "asker", "submitted", new_id,
                 f"disease={disease or '-'} asker={asker_type} consent={consent_publish}",
                 at=when)
    return _require(conn, new_id)


# -- reading --

def get(conn: Connection, inquiry_id: int) -> Inquiry | None:
    """One question by id, or None."""
    row = conn.execute(select(inquiry).where(inquiry.c.id == inquiry_id)).first()
    return _inquiry(row) if row is not None else None


def get_by_reference(conn: Connection, reference: str) -> Inquiry | None:
    """One question by its reference (case-insensitive), or None."""
    value = reference.strip().upper()
    if not _REFERENCE.match(value):
        return None
    row = conn.execute(select(inquiry).where(inquiry.c.reference == value)).first()
    return _inquiry(row) if row is not None else None


def _require(conn: Connection, inquiry_id: int) -> Inquiry:
    found = get(conn, inquiry_id)
    if found is None:
        raise InquiryNotFound(f"no question has the id {inquiry_id}")
    return found


def _queue_conditions(flt: QueueFilter, now: datetime) -> list[Any]:
    conditions: list[Any] = []
    if flt.statuses is not None:
        unknown = [s for s in flt.statuses if s not in STATUSES]
        if unknown:
            raise InquiryError(f"status: one of {', '.join(STATUSES)}")
        conditions.append(inquiry.c.status.in_(list(flt.statuses)))
    if flt.disease_id:
        conditions.append(inquiry.c.disease_id == flt.disease_id)
    if flt.asker_type:
        conditions.append(inquiry.c.asker_type == flt.asker_type)
    if flt.min_age_days is not None:
        conditions.append(inquiry.c.created_at <= now - timedelta(days=flt.min_age_days))
    if flt.max_age_days is not None:
        conditions.append(inquiry.c.created_at >= now - timedelta(days=flt.max_age_days))
    if flt.claimed_by:
        conditions.append(inquiry.c.claimed_by == flt.claimed_by)
    return conditions


def list_inquiries(conn: Connection, flt: QueueFilter | None = None,
                   now: datetime | None = None) -> list[Inquiry]:
    """The questions matching a filter, oldest first (the queue order)."""
    flt = flt or QueueFilter()
    query = (select(inquiry).where(*_queue_conditions(flt, now or now_utc()))
             .order_by(inquiry.c.created_at, inquiry.c.id)
             .limit(flt.limit).offset(flt.offset))
    return [_inquiry(r) for r in conn.execute(query).all()]


def count_inquiries(conn: Connection, flt: QueueFilter | None = None,
                    now: datetime | None = None) -> int:
    """How many questions match a filter (ignoring its limit and offset)."""
    flt = flt or QueueFilter()
    query = select(func.count()).select_from(inquiry).where(
        *_queue_conditions(flt, now or now_utc()))
    return int(conn.execute(query).scalar_one())


# -- the specialist's workflow --

def _change(conn: Connection, found: Inquiry, when: datetime, **values: Any) -> Inquiry:
    conn.execute(update(inquiry).where(inquiry.c.id == found.id)
                 .values(updated_at=when, **values))
    return _require(conn, found.id)


def _open(conn: Connection, inquiry_id: int, allowed: Sequence[str], doing: str) -> Inquiry:
    found = _require(conn, inquiry_id)
    if found.status not in allowed:
        raise InquiryError(f"cannot {doing} question {found.reference}: it is {found.status}")
    return found


def claim(conn: Connection, inquiry_id: int, actor: str,
          now: datetime | None = None) -> Inquiry:
    """Take a new (or someone else's claimed) question: it becomes claimed by ``actor``."""
    found = _open(conn, inquiry_id, ("new", "claimed"), "claim")
    when = now or now_utc()
    detail = f"from {found.claimed_by}" if found.claimed_by and found.claimed_by != actor else ""
    changed = _change(conn, found, when, status="claimed", claimed_by=actor, claimed_at=when)
    record_event(conn, actor, "claimed", found.id, detail, at=when)
    return changed


def save_draft(conn: Connection, inquiry_id: int, actor: str, answer: str,
               now: datetime | None = None) -> Inquiry:
    """Keep a draft answer on a claimed question."""
    found = _open(conn, inquiry_id, ("claimed",), "draft an answer to")
    text = _answer_text(answer, allow_empty=True)
    when = now or now_utc()
    changed = _change(conn, found, when, answer=text)
    record_event(conn, actor, "draft_saved", found.id, f"{len(text)} characters", at=when)
    return changed


def mark_answered(conn: Connection, inquiry_id: int, actor: str, answer: str,
                  now: datetime | None = None) -> Inquiry:
    """Record that ``answer`` was sent to the asker: claimed -> answered."""
    found = _open(conn, inquiry_id, ("claimed",), "answer")
    if found.email is None:
        raise InquiryError(f"cannot answer question {found.reference}: its contact details "
                           "were deleted")
    text = _answer_text(answer, allow_empty=False)
    when = now or now_utc()
    changed = _change(conn, found, when, status="answered", answer=text, answered_by=actor,
                      answered_at=when)
    record_event(conn, actor, "answer_sent", found.id, f"{len(text)} characters", at=when)
    return changed


def close(conn: Connection, inquiry_id: int, actor: str, reason: str = "",
          now: datetime | None = None) -> Inquiry:
    """Close a question (answered, spam, duplicate, ...); ``reason`` goes to the audit log."""
    found = _open(conn, inquiry_id, ("new", "claimed", "answered"), "close")
    when = now or now_utc()
    changed = _change(conn, found, when, status="closed", closed_at=when)
    record_event(conn, actor, "closed", found.id, reason[:500], at=when)
    return changed


def _answer_text(answer: str, *, allow_empty: bool) -> str:
    text = answer.strip()
    if not text and not allow_empty:
        raise InquiryError("answer: write the answer first")
    if len(text) > MAX_ANSWER:
        raise InquiryError(f"answer: at most {MAX_ANSWER} characters")
    return text


# -- publication --

def publish(conn: Connection, inquiry_id: int, actor: str, question: str, answer: str,
            now: datetime | None = None) -> PublishedQuestion:
    """Publish the reviewed de-identified texts (never the originals) of an answered question.

    Only with the asker's consent, only once answered, never after a purge. Publishing
    again replaces the public texts.
    """
    found = _open(conn, inquiry_id, ("answered", "closed"), "publish")
    if not found.consent_publish:
        raise InquiryError(f"cannot publish question {found.reference}: the asker did not "
                           "consent to publication")
    if found.purged_at is not None:
        raise InquiryError(f"cannot publish question {found.reference}: the asker's data "
                           "was deleted")
    public_question = question.strip()
    public_answer = _answer_text(answer, allow_empty=False)
    if not public_question:
        raise InquiryError("question: the public question is empty")
    if len(public_question) > MAX_QUESTION:
        raise InquiryError(f"question: at most {MAX_QUESTION} characters")
    when = now or now_utc()
    values = {"disease_id": found.disease_id, "question": public_question,
              "answer": public_answer, "published_at": when, "published_by": actor}
    if found.published:
        conn.execute(update(publication).where(publication.c.inquiry_id == found.id)
                     .values(**values))
    else:
        conn.execute(insert(publication).values(inquiry_id=found.id, **values))
    _change(conn, found, when, published=True, published_at=when)
    _bump_publication_version(conn)
    record_event(conn, actor, "republished" if found.published else "published", found.id,
                 "", at=when)
    return PublishedQuestion(found.id, found.disease_id, public_question, public_answer, when)


def unpublish(conn: Connection, inquiry_id: int, actor: str,
              now: datetime | None = None) -> Inquiry:
    """Withdraw the public version of a question."""
    found = _require(conn, inquiry_id)
    if not found.published:
        raise InquiryError(f"question {found.reference} is not published")
    when = now or now_utc()
    conn.execute(delete(publication).where(publication.c.inquiry_id == found.id))
    changed = _change(conn, found, when, published=False, published_at=None)
    _bump_publication_version(conn)
    record_event(conn, actor, "unpublished", found.id, "", at=when)
    return changed


def published_question(conn: Connection, inquiry_id: int) -> PublishedQuestion | None:
    """The public version of one question, or None."""
    row = conn.execute(select(publication).where(publication.c.inquiry_id == inquiry_id)).first()
    return _published(row) if row is not None else None


def published_for_disease(conn: Connection, disease_id: str | Sequence[str],
                          limit: int = 100) -> list[PublishedQuestion]:
    """The published questions and answers of one disease, newest first.

    ``disease_id`` may be every identifier the page answers to (its current and replaced
    ones), so questions filed under an identifier that a later build merged or renamed
    stay on the page.
    """
    ids = [disease_id] if isinstance(disease_id, str) else list(disease_id)
    rows = conn.execute(
        select(publication).where(publication.c.disease_id.in_(ids))
        .order_by(publication.c.published_at.desc(), publication.c.inquiry_id.desc())
        .limit(limit)).all()
    return [_published(r) for r in rows]


def published_disease_ids(conn: Connection) -> frozenset[str]:
    """Every disease identifier that some published question is filed under."""
    return frozenset(conn.execute(select(publication.c.disease_id).distinct()
                                  .where(publication.c.disease_id.is_not(None))).scalars())


def _published(row: Any) -> PublishedQuestion:
    return PublishedQuestion(inquiry_id=row.inquiry_id, disease_id=row.disease_id,
                             question=row.question, answer=row.answer,
                             published_at=_aware(row.published_at) or row.published_at)


_local_changes = 0
_local_lock = threading.Lock()


def local_publication_changes() -> int:
    """How many publication changes this process has made (cheap staleness hint for caches)."""
    return _local_changes


def publication_version(conn: Connection) -> int:
    """A number that goes up whenever anything published changes (all processes)."""
    return int(conn.execute(select(publication_state.c.version)
                            .where(publication_state.c.id == 1)).scalar_one_or_none() or 0)


def _bump_publication_version(conn: Connection) -> None:
    global _local_changes
    conn.execute(update(publication_state).where(publication_state.c.id == 1)
                 .values(version=publication_state.c.version + 1))
    with _local_lock:
        _local_changes += 1


# -- privacy --

def purge(conn: Connection, actor: str, *, email: str | None = None,
          reference: str | None = None, now: datetime | None = None) -> list[str]:
    """Delete contact details and original texts of the questions of an address or reference.

    A published de-identified version stays published. Returns the references purged.
    """
    if (email is None) == (reference is None):
        raise InquiryError("purge: give exactly one of an e-mail address or a reference")
    if email is not None:
        condition = inquiry.c.email == normalise_email(email)
    else:
        found = get_by_reference(conn, reference or "")
        if found is None:
            raise InquiryNotFound(f"no question has the reference {reference!r}")
        condition = inquiry.c.id == found.id
    return _purge_where(conn, actor, condition, "purged", now or now_utc())


def expire_contacts(conn: Connection, retention_days: int,
                    now: datetime | None = None) -> list[str]:
    """Purge every question older than ``retention_days``; returns the references purged."""
    if retention_days < 0:
        raise InquiryError("retention: the number of days cannot be negative")
    when = now or now_utc()
    cutoff = when - timedelta(days=retention_days)
    return _purge_where(conn, SYSTEM_ACTOR, inquiry.c.created_at < cutoff, "expired", when)


def _purge_where(conn: Connection, actor: str, condition: Any, action: str,
                 when: datetime) -> list[str]:
    personal = or_(inquiry.c.email.is_not(None), inquiry.c.question.is_not(None),
                   inquiry.c.answer.is_not(None))
    rows = conn.execute(select(inquiry.c.id, inquiry.c.reference)
                        .where(condition, personal).order_by(inquiry.c.id)).all()
    if not rows:
        return []
    ids = [r.id for r in rows]
    conn.execute(update(inquiry).where(inquiry.c.id.in_(ids)).values(
        email=None, question=None, answer=None, purged_at=when, updated_at=when))
    for row in rows:
        record_event(conn, actor, action, row.id, "contact details and original texts deleted",
                     at=when)
    return [r.reference for r in rows]


# -- staff console --

def references_of(conn: Connection, inquiry_ids: set[int]) -> dict[int, str]:
    """The references of some questions by id (for lists such as the audit log)."""
    if not inquiry_ids:
        return {}
    rows = conn.execute(select(inquiry.c.id, inquiry.c.reference)
                        .where(inquiry.c.id.in_(sorted(inquiry_ids)))).all()
    return {r.id: r.reference for r in rows}
