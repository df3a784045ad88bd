"""The information center's people and questions: staff, inquiries, db, deidentify.

Accounts for the question console at /staff, purging askers' details, the user database
schema, and de-identification of a text on standard input.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from rareinfo.cli.common import EXIT_NOT_FOUND, EXIT_USAGE, UserdataOption, fail, out

# -- staff accounts (the question console at /staff) --
staff_app = typer.Typer(help="Staff accounts for the question console (/staff).",
                        no_args_is_help=True)


def _staff_database(userdata: str | None) -> str:
    """The user database URL, upgraded to the current schema."""
    from rareinfo.config import load_settings
    from rareinfo.inquiries import db

    url = userdata or load_settings().resolved_userdata_url()
    try:
        db.upgrade(url)
    except db.UserDataError as exc:
        fail(str(exc), EXIT_USAGE)
    return url


def _read_new_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    value: str = typer.prompt("Password", hide_input=True, confirmation_prompt=True,
                              err=True)
    return value


@staff_app.command("add")
def staff_add_command(
    email: Annotated[str, typer.Argument(help="The specialist's e-mail address (sign-in name).")],
    name: Annotated[str, typer.Option("--name", help="Name shown in the console and audit log.")],
    password_stdin: Annotated[bool, typer.Option(
        "--password-stdin", help="Read the password from the first line of standard input "
        "instead of prompting twice.")] = False,
    userdata: UserdataOption = None,
) -> None:
    """Create a staff account that can sign in to the console."""
    from rareinfo.inquiries import auth, db

    url = _staff_database(userdata)
    try:
        address = auth.normalise_email(email)
        password = _read_new_password(password_stdin)
        auth.check_password(password)
        with db.engine(url).begin() as conn:
            account = auth.add_account(conn, address, name, password)
    except auth.AccountError as exc:
        fail(str(exc), EXIT_USAGE)
    finally:
        db.dispose(url)
    out.print(f"Added staff account {account.email} ({account.name})", highlight=False)


@staff_app.command("list")
def staff_list_command(userdata: UserdataOption = None) -> None:
    """List staff accounts: e-mail, name, active, created, last sign-in."""
    from rich.table import Table

    from rareinfo.inquiries import auth, db

    url = _staff_database(userdata)
    try:
        with db.engine(url).connect() as conn:
            accounts = auth.list_accounts(conn)
    finally:
        db.dispose(url)
    if not accounts:
        out.print("No staff accounts yet; add one with `rareinfo staff add EMAIL --name NAME`.")
        return
    table = Table(title="Staff accounts")
    for column in ("email", "name", "active", "created", "last sign-in"):
        table.add_column(column)
    for a in accounts:
        table.add_row(a.email, a.name, "yes" if a.active else "no",
                      f"{a.created_at:%Y-%m-%d %H:%M}",
                      f"{a.last_sign_in_at:%Y-%m-%d %H:%M}" if a.last_sign_in_at else "never")
    out.print(table)


@staff_app.command("disable")
def staff_disable_command(
    email: Annotated[str, typer.Argument(help="The account's e-mail address.")],
    userdata: UserdataOption = None,
) -> None:
    """Stop an account from signing in and end its open sessions."""
    from rareinfo.inquiries import auth, db

    url = _staff_database(userdata)
    try:
        with db.engine(url).begin() as conn:
            account = auth.disable_account(conn, email)
    except auth.AccountError as exc:
        fail(str(exc), EXIT_NOT_FOUND)
    finally:
        db.dispose(url)
    out.print(f"Disabled staff account {account.email}; its sessions have ended.",
              highlight=False)


# -- questions: de-identification, purging, the user database --
inquiries_app = typer.Typer(help="Questions sent to the information center.",
                            no_args_is_help=True)
db_app = typer.Typer(help="The user database (questions, staff accounts, audit log).",
                     no_args_is_help=True)


def deidentify_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print the text and every "
                       "redaction (kind, position, original) as JSON.")] = False,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="Many texts in one process: read one "
                     "JSON object a line ({\"id\": ..., \"text\": ...}, or a JSON string), "
                     "write one JSON object a line (id, text, redactions).")] = False,
) -> None:
    """Read text on standard input, write it with identifying details removed."""
    from rareinfo.config import load_settings
    from rareinfo.inquiries.deid import batch
    from rareinfo.inquiries.deid.medical import vocabulary_at

    # the knowledge base's medical names when one is built, else HPO's; compiled once per
    # snapshot and read from the cache directory after that
    settings = load_settings()
    vocabulary = vocabulary_at(settings.resolved_database_url(), settings.resolved_cache_dir())
    if jsonl:
        if bad := batch.deidentify_lines(sys.stdin.buffer, sys.stdout, vocabulary):
            fail(f'{bad} line(s) unreadable, answered with {{"line": N, "error": ...}}',
                 EXIT_USAGE)
        return
    try:
        text = sys.stdin.read()
    except UnicodeDecodeError:
        fail("standard input is not UTF-8 text", EXIT_USAGE)
    sys.stdout.write(batch.deidentified(text, vocabulary, as_json=as_json))


@inquiries_app.command("purge")
def inquiries_purge_command(
    email: Annotated[str | None, typer.Option("--email", help="Every question sent from "
                     "this address.")] = None,
    reference: Annotated[str | None, typer.Option("--reference", help="One question, by "
                         "its reference (Q-2026-...).")] = None,
    expired: Annotated[bool, typer.Option("--expired", help="Every question older than "
                       "RAREINFO_CONTACT_RETENTION_DAYS.")] = False,
    userdata: UserdataOption = None,
) -> None:
    """Delete askers' contact details and original texts; published versions stay."""
    from rareinfo.config import load_settings
    from rareinfo.inquiries import db, store

    if sum((email is not None, reference is not None, expired)) != 1:
        fail("give exactly one of --email ADDR, --reference REF or --expired", EXIT_USAGE)
    url = _staff_database(userdata)
    try:
        with db.engine(url).begin() as conn:
            if expired:
                days = load_settings().contact_retention_days
                purged = store.expire_contacts(conn, days)
            else:
                purged = store.purge(conn, "cli", email=email, reference=reference)
    except store.InquiryNotFound as exc:
        fail(str(exc), EXIT_NOT_FOUND)
    except store.InquiryError as exc:
        fail(str(exc), EXIT_USAGE)
    finally:
        db.dispose(url)
    if not purged:
        out.print("Nothing to purge: no question with contact details or original text "
                  "matched.")
        if email is not None:
            raise typer.Exit(EXIT_NOT_FOUND)
        return
    out.print(f"Purged {len(purged)} question{'s' if len(purged) != 1 else ''}: "
              f"{', '.join(purged)}", highlight=False)


@db_app.command("upgrade")
def db_upgrade_command(userdata: UserdataOption = None) -> None:
    """Create or upgrade the user database schema to this version of rareinfo."""
    from rareinfo.inquiries import db

    url = _staff_database(userdata)
    try:
        revision = db.current_revision(url)
    finally:
        db.dispose(url)
    out.print(f"User database {db.safe_url(url)} is at revision {revision} (the newest).",
              highlight=False)
