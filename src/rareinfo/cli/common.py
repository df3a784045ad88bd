"""What every command shares: the consoles, exit codes, common options and errors.

Kept light on purpose: this module is imported for ``rareinfo --help``, so the knowledge
base, settings and anything heavier are imported inside the functions that use them.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console

if TYPE_CHECKING:
    from rareinfo.config import Settings
    from rareinfo.kb.queries import KnowledgeBase

out = Console(soft_wrap=True)
err = Console(stderr=True)

EXIT_NOT_FOUND = 1
EXIT_USAGE = 2
EXIT_NO_KB = 3
EXIT_BUILD_FAILED = 4
EXIT_PORT_BUSY = 5

DatabaseOption = Annotated[
    str | None,
    typer.Option("--database", help="Database URL (default: RAREINFO_DATABASE_URL or an "
                 "SQLite file in the user data directory)."),
]

UserdataOption = Annotated[
    str | None,
    typer.Option("--userdata", help="User database URL (default: RAREINFO_USERDATA_URL, "
                 "else the knowledge base's PostgreSQL, else userdata.sqlite in the data "
                 "directory)."),
]


def fail(message: str, code: int) -> NoReturn:
    """Print one line saying what is wrong (and what to do) and exit with ``code``."""
    err.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def settings_and_url(database: str | None) -> tuple[Settings, str]:
    """The settings, and the knowledge base URL: ``--database`` if given, else configured."""
    from rareinfo.config import load_settings

    settings = load_settings()
    return settings, database or settings.resolved_database_url()


def database_url(database: str | None) -> str:
    """The knowledge base URL, as ``settings_and_url`` finds it, without loading the settings
    (for commands that need nothing else from them)."""
    from rareinfo.locations import database_url as configured

    return database or configured()


def open_kb(url: str) -> KnowledgeBase:
    """The knowledge base at ``url``, or exit saying how to build one."""
    from rareinfo.kb.queries import KnowledgeBase, KnowledgeBaseMissing

    try:
        return KnowledgeBase(url)
    except KnowledgeBaseMissing as exc:
        fail(str(exc), EXIT_NO_KB)


def json_default(value: object) -> str:
    """JSON for the values ``json.dumps`` does not know: dates, as ISO 8601."""
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")
