"""The ``rareinfo`` command: build, sync, serve, show, search, diagnose, status, export and the
information center's staff, inquiries and user database.

The Typer application (``rareinfo.cli.application``) is built when first asked for, not
when this package is imported: the console script first tries the plain form of a
diagnosis batch (``rareinfo.cli.quick_batch``), which needs neither Typer nor Rich
(decisions/0019).
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rareinfo.cli.application import (
        EXIT_BUILD_FAILED,
        EXIT_NO_KB,
        EXIT_NOT_FOUND,
        EXIT_USAGE,
        app,
        fail,
    )

__all__ = ["EXIT_BUILD_FAILED", "EXIT_NOT_FOUND", "EXIT_NO_KB", "EXIT_USAGE", "app", "fail",
           "main"]


def __getattr__(name: str) -> Any:
    """The application's names (``app``, ``fail``, the exit codes), imported on first use."""
    if name in __all__ and name != "main":
        from rareinfo.cli import application

        return getattr(application, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """Console-script entry point."""
    if sys.argv[1:2] == ["diagnose"]:
        # A diagnosis computes nothing through BLAS, but OpenBLAS, loaded with NumPy,
        # starts a thread per core, which cost a diagnosing process 0.04-0.06 s of CPU
        # (a fifth of a 500-case batch). A value set by the user is kept.
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    from rareinfo.cli.quick_batch import quick_batch

    try:
        done = quick_batch(sys.argv[1:])
    except KeyboardInterrupt:
        from rareinfo.cli.common import err

        err.print("interrupted")
        sys.exit(130)
    if not done:
        from rareinfo.cli.application import run

        run()
