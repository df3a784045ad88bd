"""`rareinfo staff add|list|disable`: accounts from the command line."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from rareinfo.cli import app
from rareinfo.inquiries import auth, db

runner = CliRunner()
PASSWORD = "twelve chars or more"


def test_add_list_disable(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new' / 'userdata.sqlite'}"
    added = runner.invoke(app, ["staff", "add", "Ana@Example.org", "--name", "Ana López",
                                "--password-stdin", "--userdata", url], input=PASSWORD + "\n")
    assert added.exit_code == 0, added.output
    assert "Added staff account ana@example.org (Ana López)" in added.output
    with db.engine(url).begin() as conn:
        outcome = auth.sign_in(conn, "ana@example.org", PASSWORD, "192.0.2.1",
                               auth.AuthPolicy())
    assert outcome.token is not None
    listed = runner.invoke(app, ["staff", "list", "--userdata", url])
    assert listed.exit_code == 0
    assert "ana@example.org" in listed.output and "yes" in listed.output
    disabled = runner.invoke(app, ["staff", "disable", "ANA@example.org", "--userdata", url])
    assert disabled.exit_code == 0
    with db.engine(url).begin() as conn:
        assert auth.session_for(conn, outcome.token, auth.AuthPolicy()) is None
    db.dispose(url)


def test_prompted_password_must_match_twice(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'userdata.sqlite'}"
    result = runner.invoke(app, ["staff", "add", "b@example.org", "--name", "B",
                                 "--userdata", url],
                           input=f"{PASSWORD}\nsomething else\n{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 0, result.output
    with db.engine(url).connect() as conn:
        assert [a.email for a in auth.list_accounts(conn)] == ["b@example.org"]
    db.dispose(url)


def test_mistakes_are_one_line_errors(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'userdata.sqlite'}"
    base = ["--userdata", url]
    short = runner.invoke(app, ["staff", "add", "c@example.org", "--name", "C",
                                "--password-stdin", *base], input="short\n")
    assert short.exit_code == 2
    assert "at least 12 characters" in short.output
    bad = runner.invoke(app, ["staff", "add", "not-an-address", "--name", "C",
                              "--password-stdin", *base], input=PASSWORD + "\n")
    assert bad.exit_code == 2 and "not an e-mail address" in bad.output
    runner.invoke(app, ["staff", "add", "c@example.org", "--name", "C", "--password-stdin",
                        *base], input=PASSWORD + "\n")
    again = runner.invoke(app, ["staff", "add", "C@example.org", "--name", "C",
                                "--password-stdin", *base], input=PASSWORD + "\n")
    assert again.exit_code == 2 and "already exists" in again.output
    missing = runner.invoke(app, ["staff", "disable", "nobody@example.org", *base])
    assert missing.exit_code == 1 and "no staff account" in missing.output
    unreachable = runner.invoke(app, ["staff", "list", "--userdata",
                                      "sqlite:////proc/no/such/dir/userdata.sqlite"])
    assert unreachable.exit_code == 2
    assert "error:" in unreachable.output and "Traceback" not in unreachable.output
    db.dispose(url)
