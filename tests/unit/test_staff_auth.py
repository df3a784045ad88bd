"""Staff sign-in: passwords, sessions, lockout, CSRF tokens and safe redirects."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import Engine, select

from rareinfo.inquiries import auth, db
from rareinfo.inquiries.staff_tables import login_failure, staff_account, staff_session

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
POLICY = auth.AuthPolicy(session_lifetime=timedelta(hours=8), idle_timeout=timedelta(minutes=30),
                         account_failures=5, address_failures=8, lockout=timedelta(minutes=15))
PASSWORD = "correct horse battery staple"


@pytest.fixture()
def engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    # Real argon2id at its lowest cost: these tests are about sessions and lockout.
    cheap = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    monkeypatch.setattr(auth, "_hasher", lambda: cheap)
    monkeypatch.setattr(auth, "_decoy_hash", lambda: cheap.hash("decoy"))
    url = f"sqlite:///{tmp_path / 'userdata.sqlite'}"
    db.upgrade(url)
    with db.engine(url).begin() as conn:
        auth.add_account(conn, " Ana.Lopez@Example.org ", "Ana  López", PASSWORD, now=T0)
    yield db.engine(url)
    db.dispose(url)


def _sign_in(engine: Engine, email: str = "ana.lopez@example.org", password: str = PASSWORD,
             address: str = "192.0.2.10", now: datetime = T0) -> auth.SignInOutcome:
    with engine.begin() as conn:
        return auth.sign_in(conn, email, password, address, POLICY, now)


def test_password_hash_is_argon2id_and_verifies() -> None:
    hashed = auth.hash_password(PASSWORD)
    assert hashed.startswith("$argon2id$")
    assert auth.verify_password(hashed, PASSWORD)
    assert not auth.verify_password(hashed, PASSWORD + "!")
    assert not auth.verify_password("not a hash", PASSWORD)


def test_short_password_and_bad_address_are_refused(engine: Engine) -> None:
    with engine.begin() as conn:
        with pytest.raises(auth.AccountError, match="at least 12"):
            auth.add_account(conn, "b@example.org", "B", "short")
        with pytest.raises(auth.AccountError, match="not an e-mail"):
            auth.add_account(conn, "no-at-sign", "B", PASSWORD)
        with pytest.raises(auth.AccountError, match="already exists"):
            auth.add_account(conn, "ANA.LOPEZ@example.org", "Again", PASSWORD)


def test_account_is_stored_normalised(engine: Engine) -> None:
    with engine.connect() as conn:
        [account] = auth.list_accounts(conn)
    assert (account.email, account.name, account.active) == (
        "ana.lopez@example.org", "Ana López", True)
    assert account.created_at == T0


def test_sign_in_opens_a_session_stored_as_a_digest(engine: Engine) -> None:
    outcome = _sign_in(engine, email="ANA.LOPEZ@example.org")
    assert outcome.token and outcome.session and outcome.locked_until is None
    assert outcome.session.expires_at == T0 + POLICY.session_lifetime
    with engine.begin() as conn:
        stored = conn.execute(select(staff_session.c.token_digest)).scalars().all()
        found = auth.session_for(conn, outcome.token, POLICY, T0 + timedelta(minutes=5))
    assert stored == [auth.token_digest(outcome.token)]
    assert outcome.token not in stored
    assert found is not None
    assert found.account.email == "ana.lopez@example.org"
    assert found.csrf_token == outcome.session.csrf_token


def test_every_sign_in_gets_new_tokens(engine: Engine) -> None:
    first, second = _sign_in(engine), _sign_in(engine)
    assert first.token != second.token
    assert first.session and second.session
    assert first.session.csrf_token != second.session.csrf_token


def test_wrong_password_or_unknown_account_gives_nothing(engine: Engine) -> None:
    assert _sign_in(engine, password="wrong password here").token is None
    assert _sign_in(engine, email="nobody@example.org").token is None
    with engine.connect() as conn:
        emails = conn.execute(select(login_failure.c.email)).scalars().all()
    assert sorted(emails) == ["ana.lopez@example.org", "nobody@example.org"]


def test_five_failures_lock_the_account_even_for_the_right_password(engine: Engine) -> None:
    for minute in range(5):
        outcome = _sign_in(engine, password="guess guess guess", now=T0 + timedelta(minutes=minute))
    assert outcome.locked_until == T0 + timedelta(minutes=4) + POLICY.lockout
    locked = _sign_in(engine, now=T0 + timedelta(minutes=10), address="198.51.100.7")
    assert locked.token is None and locked.locked_until is not None
    reopened = _sign_in(engine, now=T0 + timedelta(minutes=20))
    assert reopened.token is not None


def test_success_clears_the_account_failures(engine: Engine) -> None:
    for minute in range(4):
        _sign_in(engine, password="guess guess guess", now=T0 + timedelta(minutes=minute))
    assert _sign_in(engine, now=T0 + timedelta(minutes=5)).token
    assert _sign_in(engine, password="guess guess guess",
                    now=T0 + timedelta(minutes=6)).locked_until is None


def test_many_failures_from_one_address_lock_that_address(engine: Engine) -> None:
    for i in range(POLICY.address_failures):
        _sign_in(engine, email=f"guess{i}@example.org", address="203.0.113.5")
    assert _sign_in(engine, address="203.0.113.5").token is None
    assert _sign_in(engine, address="203.0.113.6").token is not None


def test_session_expires_and_idles_out(engine: Engine) -> None:
    token = _sign_in(engine).token
    with engine.begin() as conn:
        assert auth.session_for(conn, token, POLICY, T0 + timedelta(minutes=20)) is not None
        # Seen at minute 20: idle time counts from there.
        assert auth.session_for(conn, token, POLICY, T0 + timedelta(minutes=45)) is not None
        assert auth.session_for(conn, token, POLICY, T0 + timedelta(minutes=80)) is None
        # An idle-expired session is deleted, not just refused.
        assert auth.session_for(conn, token, POLICY, T0 + timedelta(minutes=46)) is None
    late = _sign_in(engine).token
    with engine.begin() as conn:
        moments = [T0 + timedelta(minutes=25 * k) for k in range(1, 24)]
        alive = [auth.session_for(conn, late, POLICY, at) is not None for at in moments]
    # Kept busy, it still ends at the absolute lifetime (8 h = 480 min: alive up to 475).
    assert alive == [at < T0 + POLICY.session_lifetime for at in moments]
    assert alive.count(True) == 19 and alive.count(False) == 4


def test_sign_out_and_disable_end_sessions(engine: Engine) -> None:
    first, second = _sign_in(engine).token, _sign_in(engine).token
    with engine.begin() as conn:
        auth.sign_out(conn, first)
        assert auth.session_for(conn, first, POLICY, T0) is None
        assert auth.session_for(conn, second, POLICY, T0) is not None
        disabled = auth.disable_account(conn, "ana.lopez@example.org")
        assert not disabled.active
        assert auth.session_for(conn, second, POLICY, T0) is None
        with pytest.raises(auth.AccountError, match="no staff account"):
            auth.disable_account(conn, "nobody@example.org")
    assert _sign_in(engine).token is None


def test_unknown_or_oversized_tokens_are_no_session(engine: Engine) -> None:
    with engine.begin() as conn:
        assert auth.session_for(conn, None, POLICY, T0) is None
        assert auth.session_for(conn, "made-up", POLICY, T0) is None
        assert auth.session_for(conn, "x" * 5000, POLICY, T0) is None


def test_csrf_comparison() -> None:
    assert auth.csrf_matches("abc123", "abc123")
    assert not auth.csrf_matches("abc123", "abc124")
    assert not auth.csrf_matches("abc123", "")
    assert not auth.csrf_matches("abc123", None)
    assert not auth.csrf_matches("", "")


@pytest.mark.parametrize(("given", "expected"), [
    ("/staff", "/staff"),
    ("/staff/inquiries/12", "/staff/inquiries/12"),
    ("/staff?status=new&asker=family", "/staff?status=new&asker=family"),
    (None, "/staff"),
    ("", "/staff"),
    ("https://evil.example/staff", "/staff"),
    ("//evil.example/staff", "/staff"),
    ("/\\evil.example", "/staff"),
    ("\\\\evil.example", "/staff"),
    ("/staffing", "/staff"),
    ("/", "/staff"),
    ("/diseases/OMIM:1", "/staff"),
    ("/staff/../admin", "/staff"),
    ("/staff/%2e%2e/admin", "/staff"),
    ("/staff/\r\nSet-Cookie:x", "/staff"),
    ("javascript:alert(1)", "/staff"),
    ("/staff/sign-in?next=//evil.example", "/staff"),
    ("/staff/sign-out", "/staff"),
])
def test_safe_next_keeps_redirects_inside_the_console(given: str | None, expected: str) -> None:
    assert auth.safe_next(given) == expected


def test_weaker_hashes_are_upgraded_at_sign_in(engine: Engine,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    # The account was hashed at the fixture's low cost; the real hasher wants more.
    stronger = PasswordHasher(time_cost=2, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(auth, "_hasher", lambda: stronger)
    assert _sign_in(engine).token
    with engine.connect() as conn:
        stored = conn.execute(select(staff_account.c.password_hash)).scalar_one()
    assert not stronger.check_needs_rehash(stored)
    assert stronger.verify(stored, PASSWORD)
