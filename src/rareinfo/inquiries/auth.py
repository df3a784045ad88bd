"""Staff accounts and sign-in: argon2 passwords, server-side sessions, CSRF, lockout.

Sessions live in the user-data database (``staff_session``), so any number of app
servers share them. The browser holds only a random token; the table holds its SHA-256
digest. Every session has its own CSRF token that each POST must echo. Repeated failed
sign-ins lock the account and the client address for a while, whether or not the account
exists, so the lockout reveals nothing about which addresses have accounts.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from urllib.parse import urlsplit

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import Column, Connection, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from rareinfo.inquiries.staff_tables import login_failure, staff_account, staff_session

MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 1024
# Touch last_seen_at at most this often, so reading pages does not write on every request.
_TOUCH_EVERY = timedelta(seconds=60)
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,255}$")
STAFF_HOME = "/staff"


class AccountError(ValueError):
    """An account cannot be created or changed as asked (the message says why)."""


@dataclass(frozen=True, slots=True)
class AuthPolicy:
    """How long sessions last and when repeated failures lock sign-in."""

    session_lifetime: timedelta = timedelta(hours=12)
    idle_timeout: timedelta = timedelta(hours=1)
    account_failures: int = 5
    address_failures: int = 20
    lockout: timedelta = timedelta(minutes=15)


@dataclass(frozen=True, slots=True)
class StaffAccount:
    """An information specialist who may use the console."""

    id: int
    email: str
    name: str
    active: bool
    created_at: datetime
    last_sign_in_at: datetime | None


@dataclass(frozen=True, slots=True)
class StaffSession:
    """A signed-in session: whose it is, its CSRF token and when it ends."""

    account: StaffAccount
    csrf_token: str
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class SignInOutcome:
    """A new session (with the cookie token to hand out) or why there is none."""

    token: str | None = None
    session: StaffSession | None = None
    locked_until: datetime | None = None


def utcnow() -> datetime:
    """The current time in UTC (timezone-aware)."""
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything stored here is UTC."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    return PasswordHasher()  # argon2id with the library's current recommended costs


@lru_cache(maxsize=1)
def _decoy_hash() -> str:
    return _hasher().hash(secrets.token_urlsafe(16))


def hash_password(password: str) -> str:
    """The argon2id hash of a password, after checking it is acceptable."""
    check_password(password)
    return _hasher().hash(password)


def check_password(password: str) -> None:
    """Raise AccountError if the password is too short or too long."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"the password must have at least {MIN_PASSWORD_LENGTH} characters")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise AccountError(f"the password must have at most {MAX_PASSWORD_LENGTH} characters")


def verify_password(password_hash: str, password: str) -> bool:
    """Whether ``password`` matches ``password_hash`` (False for a malformed hash)."""
    try:
        return _hasher().verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def normalise_email(email: str) -> str:
    """The account key: the address trimmed and lower-cased; AccountError if malformed."""
    value = email.strip().lower()
    if not _EMAIL.match(value):
        raise AccountError(f"not an e-mail address: {email.strip()[:80]!r}")
    return value


def _account(row: object) -> StaffAccount:
    m = row._mapping  # type: ignore[attr-defined]
    last = m["last_sign_in_at"]
    return StaffAccount(id=m["id"], email=m["email"], name=m["name"], active=bool(m["active"]),
                        created_at=as_utc(m["created_at"]),
                        last_sign_in_at=as_utc(last) if last is not None else None)


def add_account(conn: Connection, email: str, name: str, password: str,
                now: datetime | None = None) -> StaffAccount:
    """Create an active staff account; AccountError if the address is taken or invalid."""
    address = normalise_email(email)
    display = " ".join(name.split())
    if not display or len(display) > 200:
        raise AccountError("the name must have between 1 and 200 characters")
    password_hash = hash_password(password)
    if find_account(conn, address) is not None:
        raise AccountError(f"an account for {address} already exists")
    try:
        conn.execute(insert(staff_account).values(
            email=address, name=display, password_hash=password_hash, active=True,
            created_at=now or utcnow(), last_sign_in_at=None))
    except IntegrityError:  # created by someone else in the meantime
        raise AccountError(f"an account for {address} already exists") from None
    found = find_account(conn, address)
    assert found is not None
    return found


def find_account(conn: Connection, email: str) -> StaffAccount | None:
    """The account for an e-mail address, active or not."""
    row = conn.execute(select(staff_account).where(
        staff_account.c.email == email.strip().lower())).first()
    return _account(row) if row is not None else None


def list_accounts(conn: Connection) -> list[StaffAccount]:
    """Every staff account, by e-mail address."""
    rows = conn.execute(select(staff_account).order_by(staff_account.c.email))
    return [_account(row) for row in rows]


def disable_account(conn: Connection, email: str) -> StaffAccount:
    """Stop an account from signing in and end its sessions; AccountError if unknown."""
    found = find_account(conn, email)
    if found is None:
        raise AccountError(f"no staff account for {email.strip()[:80]}")
    conn.execute(update(staff_account).where(staff_account.c.id == found.id)
                 .values(active=False))
    conn.execute(delete(staff_session).where(staff_session.c.account_id == found.id))
    return StaffAccount(found.id, found.email, found.name, False, found.created_at,
                        found.last_sign_in_at)


def token_digest(token: str) -> str:
    """What the session table stores for a cookie token."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def _failures_since(conn: Connection, column: Column[str], value: str,
                    since: datetime) -> int:
    count = conn.execute(select(func.count()).select_from(login_failure).where(
        column == value, login_failure.c.at > since)).scalar_one()
    return int(count)


def locked_until(conn: Connection, email: str, address: str, policy: AuthPolicy,
                 now: datetime | None = None) -> datetime | None:
    """When sign-in opens again for this account or address, or None if it is open."""
    now = now or utcnow()
    since = now - policy.lockout
    key = email.strip().lower()
    ends: list[datetime] = []
    for column, value, limit in ((login_failure.c.email, key, policy.account_failures),
                                 (login_failure.c.address, address, policy.address_failures)):
        if _failures_since(conn, column, value, since) >= limit:
            latest = conn.execute(select(func.max(login_failure.c.at)).where(
                column == value)).scalar_one()
            ends.append(as_utc(latest) + policy.lockout)
    return max(ends) if ends else None


def sign_in(conn: Connection, email: str, password: str, address: str,
            policy: AuthPolicy, now: datetime | None = None) -> SignInOutcome:
    """Check the credentials and open a new session, unless locked out or wrong.

    A failure is recorded (and must be committed by the caller) whatever its cause. The
    same argon2 work is done for unknown addresses, so timing does not tell them apart;
    none is done while locked.
    """
    now = now or utcnow()
    key = email.strip().lower()[:320]
    conn.execute(delete(login_failure).where(login_failure.c.at <= now - policy.lockout))
    locked = locked_until(conn, key, address, policy, now)
    if locked is not None:
        # Refused before any argon2 work, so hammering a locked sign-in costs us nothing.
        return SignInOutcome(locked_until=locked)
    row = conn.execute(select(staff_account).where(staff_account.c.email == key)).first()
    stored = row._mapping["password_hash"] if row is not None else _decoy_hash()
    matches = verify_password(stored, password[:MAX_PASSWORD_LENGTH])
    if row is None or not matches or not row._mapping["active"]:
        conn.execute(insert(login_failure).values(email=key, address=address[:64], at=now))
        return SignInOutcome(locked_until=locked_until(conn, key, address, policy, now))
    account = _account(row)
    account = StaffAccount(account.id, account.email, account.name, True,
                           account.created_at, now)
    if _hasher().check_needs_rehash(stored):
        conn.execute(update(staff_account).where(staff_account.c.id == account.id)
                     .values(password_hash=_hasher().hash(password)))
    conn.execute(update(staff_account).where(staff_account.c.id == account.id)
                 .values(last_sign_in_at=now))
    conn.execute(delete(login_failure).where(login_failure.c.email == key))
    token, session = _open_session(conn, account, policy, now)
    return SignInOutcome(token=token, session=session)


def _open_session(conn: Connection, account: StaffAccount, policy: AuthPolicy,
                  now: datetime) -> tuple[str, StaffSession]:
    # Always a fresh random token: an identifier planted before sign-in is never promoted.
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    expires = now + policy.session_lifetime
    conn.execute(delete(staff_session).where(staff_session.c.expires_at <= now))
    conn.execute(insert(staff_session).values(
        token_digest=token_digest(token), account_id=account.id, csrf_token=csrf,
        created_at=now, last_seen_at=now, expires_at=expires))
    return token, StaffSession(account=account, csrf_token=csrf, expires_at=expires)


def session_for(conn: Connection, token: str | None, policy: AuthPolicy,
                now: datetime | None = None) -> StaffSession | None:
    """The live session for a cookie token, or None (unknown, expired, idle, disabled)."""
    if not token or len(token) > 256:
        return None
    now = now or utcnow()
    digest = token_digest(token)
    row = conn.execute(
        select(staff_session, staff_account.c.email, staff_account.c.name,
               staff_account.c.active, staff_account.c.created_at.label("account_created"),
               staff_account.c.last_sign_in_at)
        .join(staff_account, staff_account.c.id == staff_session.c.account_id)
        .where(staff_session.c.token_digest == digest)).first()
    if row is None:
        return None
    m = row._mapping
    last_seen = as_utc(m["last_seen_at"])
    expires = as_utc(m["expires_at"])
    if not m["active"] or now >= expires or now - last_seen >= policy.idle_timeout:
        conn.execute(delete(staff_session).where(staff_session.c.token_digest == digest))
        return None
    if now - last_seen >= _TOUCH_EVERY:
        conn.execute(update(staff_session).where(staff_session.c.token_digest == digest)
                     .values(last_seen_at=now))
    last_sign_in = m["last_sign_in_at"]
    account = StaffAccount(
        id=m["account_id"], email=m["email"], name=m["name"], active=True,
        created_at=as_utc(m["account_created"]),
        last_sign_in_at=as_utc(last_sign_in) if last_sign_in is not None else None)
    return StaffSession(account=account, csrf_token=m["csrf_token"], expires_at=expires)


def sign_out(conn: Connection, token: str | None) -> None:
    """End the session of this cookie token (nothing happens for an unknown one)."""
    if token:
        conn.execute(delete(staff_session).where(
            staff_session.c.token_digest == token_digest(token)))


def csrf_matches(expected: str, given: str | None) -> bool:
    """Constant-time comparison of the session's CSRF token with the submitted one."""
    if not given or not expected:
        return False
    return hmac.compare_digest(expected.encode(), given.encode("utf-8", "surrogatepass"))


def safe_next(value: str | None) -> str:
    """A post-sign-in destination: only a local path inside /staff, else /staff itself.

    Rejects absolute and scheme-relative URLs (``//evil``, ``/\\evil``), other paths,
    dot segments and control characters, so sign-in is never an open redirect.
    """
    if not value or len(value) > 2000:
        return STAFF_HOME
    if any(ord(ch) < 0x21 or ch in "\\\x7f" for ch in value):
        return STAFF_HOME
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or value.startswith("//"):
        return STAFF_HOME
    path = parts.path
    if path != STAFF_HOME and not path.startswith(STAFF_HOME + "/"):
        return STAFF_HOME
    segments = path.split("/")
    if any(seg in (".", "..") or "%" in seg for seg in segments):
        return STAFF_HOME
    if path.startswith(STAFF_HOME + "/sign-"):
        return STAFF_HOME
    return path + (f"?{parts.query}" if parts.query else "")
