"""The ``rareinfo`` Typer application: every command, registered in the order ``--help``
lists them.

One module per command group; each imports what its commands need inside them, so that
``rareinfo --help`` loads neither the knowledge base nor the web app nor NumPy.
"""

from __future__ import annotations

import sys

import typer

from rareinfo.cli import build, diagnose, export, inquiries, query, serve
from rareinfo.cli.common import (
    EXIT_BUILD_FAILED,
    EXIT_NO_KB,
    EXIT_NOT_FOUND,
    EXIT_USAGE,
    err,
    fail,
)

__all__ = ["EXIT_BUILD_FAILED", "EXIT_NOT_FOUND", "EXIT_NO_KB", "EXIT_USAGE", "app", "fail",
           "run"]

app = typer.Typer(
    name="rareinfo",
    help="Genetic and rare disease information center: build, serve and query the knowledge base.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# Registered here, in the order `rareinfo --help` lists them.
app.command("build")(build.build_command)
app.command("sync")(build.sync_command)
app.command("serve")(serve.serve_command)
app.command("show")(query.show_command)
app.command("search")(query.search_command)
app.command("diagnose")(diagnose.diagnose_command)
app.command("status")(query.status_command)
app.command("audit")(query.audit_command)
app.command("export")(export.export_command)
app.add_typer(inquiries.staff_app, name="staff")
app.add_typer(inquiries.inquiries_app, name="inquiries")
app.add_typer(inquiries.db_app, name="db")
app.command("deidentify")(inquiries.deidentify_command)


def run() -> None:
    """Run the command named by ``sys.argv`` through Typer."""
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
