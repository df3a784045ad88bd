"""`rareinfo deidentify`, `rareinfo inquiries purge` and `rareinfo db upgrade`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rareinfo.cli import app
from rareinfo.inquiries import db, store
from rareinfo.inquiries.deid import deidentify

runner = CliRunner()
TEXT = ("Hello, my name is Maria Lopez and my son was born on 12/03/2015. Call me on "
        "555-123-4567 or write to maria.lopez@example.org. Is Marfan syndrome inherited?")


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`rareinfo deidentify` keeps its compiled word tables in a directory of the test's."""
    monkeypatch.setenv("RAREINFO_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture
def userdata(tmp_path: Path) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'data' / 'userdata.sqlite'}"
    yield url
    db.dispose(url)


def _ask(url: str, email: str, days_ago: int = 0) -> store.Inquiry:
    db.upgrade(url)
    with db.engine(url).begin() as conn:
        return store.submit(conn, question="Is Marfan syndrome inherited?", email=email,
                            asker_type="patient",
                            now=datetime.now(UTC) - timedelta(days=days_ago))


def test_deidentify_is_the_library_function_on_stdin() -> None:
    result = runner.invoke(app, ["deidentify"], input=TEXT)
    assert result.exit_code == 0, result.output
    assert result.stdout == deidentify(TEXT).text
    assert "maria.lopez@example.org" not in result.stdout
    assert "555-123-4567" not in result.stdout and "Marfan syndrome" in result.stdout
    as_json = json.loads(runner.invoke(app, ["deidentify", "--json"], input=TEXT).stdout)
    assert as_json["text"] == deidentify(TEXT).text
    kinds = {r["kind"] for r in as_json["redactions"]}
    assert {"email", "phone"} <= kinds
    assert all(TEXT[r["start"]:r["end"]] == r["original"] for r in as_json["redactions"])


def test_db_upgrade_creates_the_schema(userdata: str) -> None:
    result = runner.invoke(app, ["db", "upgrade", "--userdata", userdata])
    assert result.exit_code == 0, result.output
    assert f"at revision {db.head_revision()}" in result.stdout
    assert db.current_revision(userdata) == db.head_revision()


def test_db_upgrade_failure_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = runner.invoke(app, ["db", "upgrade", "--userdata",
                                 f"sqlite:///{blocker / 'u.sqlite'}"])
    assert result.exit_code == 2
    assert "cannot create the directory of the user database" in result.output
    assert "Traceback" not in result.output


def test_purge_by_email_and_reference(userdata: str) -> None:
    first = _ask(userdata, "a@example.org")
    second = _ask(userdata, "A@Example.org")
    third = _ask(userdata, "b@example.org")
    result = runner.invoke(app, ["inquiries", "purge", "--email", "a@example.org",
                                 "--userdata", userdata])
    assert result.exit_code == 0, result.output
    assert f"Purged 2 questions: {first.reference}, {second.reference}" in result.stdout
    again = runner.invoke(app, ["inquiries", "purge", "--email", "a@example.org",
                                "--userdata", userdata])
    assert again.exit_code == 1 and "Nothing to purge" in again.stdout
    by_ref = runner.invoke(app, ["inquiries", "purge", "--reference", third.reference,
                                 "--userdata", userdata])
    assert by_ref.exit_code == 0 and third.reference in by_ref.stdout
    with db.engine(userdata).connect() as conn:
        assert all(i.email is None and i.question is None for i in store.list_inquiries(
            conn, store.QueueFilter(statuses=None)))


def test_purge_expired_uses_the_retention_setting(userdata: str,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    old = _ask(userdata, "old@example.org", days_ago=40)
    _ask(userdata, "new@example.org", days_ago=5)
    monkeypatch.setenv("RAREINFO_CONTACT_RETENTION_DAYS", "30")
    result = runner.invoke(app, ["inquiries", "purge", "--expired", "--userdata", userdata])
    assert result.exit_code == 0, result.output
    assert f"Purged 1 question: {old.reference}" in result.stdout


@pytest.mark.parametrize(("args", "code", "message"), [
    ([], 2, "exactly one of"),
    (["--email", "x@y.org", "--expired"], 2, "exactly one of"),
    (["--email", "not an address"], 2, "valid e-mail"),
    (["--reference", "Q-2026-ZZZZZZZZ"], 1, "no question has the reference"),
])
def test_purge_usage_errors(userdata: str, args: list[str], code: int, message: str) -> None:
    result = runner.invoke(app, ["inquiries", "purge", *args, "--userdata", userdata])
    assert result.exit_code == code and message in result.output
    assert "Traceback" not in result.output


def test_deidentify_jsonl_answers_each_line_and_counts_the_bad_ones() -> None:
    lines = [json.dumps({"id": "a", "text": TEXT}), json.dumps("Dr. Smith in Leeds"),
             "not json", json.dumps({"id": "b"}), ""]
    result = runner.invoke(app, ["deidentify", "--jsonl"], input="\n".join(lines) + "\n")
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 2
    assert "2 line(s) unreadable" in result.stderr
    assert out[0]["id"] == "a" and out[0]["text"] == deidentify(TEXT).text
    assert out[1] == {**out[1], "id": None, "text": deidentify("Dr. Smith in Leeds").text}
    assert out[2]["line"] == 3 and out[3]["line"] == 4 and len(out) == 4
