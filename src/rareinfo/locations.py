"""Where the knowledge base is, from the environment, without the settings machinery.

``rareinfo.config.Settings`` reads every deployment setting through pydantic-settings,
which costs a command about a tenth of a second to import and set up. A process that only
needs the knowledge base's URL (``rareinfo diagnose``) asks here instead; ``Settings``
takes its defaults from the same functions, and a test checks that both answer alike.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_PREFIX = "RAREINFO_"


def default_data_dir() -> Path:
    """Where rareinfo keeps its database and download cache unless told otherwise."""
    import platformdirs  # 0.02 s of CPU to import: only when the data directory is unset

    return Path(platformdirs.user_data_dir("rareinfo", appauthor=False))


def environment(field: str) -> str | None:
    """The value of ``RAREINFO_<FIELD>``, its name in any case, as pydantic-settings reads it."""
    wanted = f"{ENV_PREFIX}{field}".lower()
    found = None
    for key, value in os.environ.items():
        if key.lower() == wanted:
            found = value
    return found


def sqlite_url(data_dir: Path, name: str) -> str:
    """The URL of the SQLite file ``name`` in ``data_dir``."""
    return f"sqlite:///{data_dir / name}"


def database_url() -> str:
    """The knowledge base's URL: RAREINFO_DATABASE_URL, else an SQLite file in the data
    directory (RAREINFO_DATA_DIR or the user's data directory)."""
    explicit = environment("database_url")
    if explicit:
        return explicit
    data_dir = environment("data_dir")
    return sqlite_url(Path(data_dir) if data_dir is not None else default_data_dir(),
                      "rareinfo.sqlite")
