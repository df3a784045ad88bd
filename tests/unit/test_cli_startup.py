"""The command line starts without loading what only some commands need."""

from __future__ import annotations

import subprocess
import sys

from typer.testing import CliRunner

from rareinfo.cli import app
from rareinfo.sources import registry

# Loaded by the commands that use them, never for `rareinfo --help`.
HEAVY = ("numpy", "scipy", "sqlalchemy", "uvicorn", "fastapi", "jinja2", "pydantic_settings",
         "httpx", "openpyxl", "rapidfuzz", "rareinfo.web", "rareinfo.phenotype", "rareinfo.kb",
         "rareinfo.service", "rareinfo.sources", "rareinfo.search.memory", "rareinfo.inquiries")

PROBE = """
import sys
from typer.testing import CliRunner
from rareinfo.cli import app
result = CliRunner().invoke(app, sys.argv[1:])
assert result.exit_code == 0, result.output
print("\\n".join(sorted(sys.modules)))
"""


def _modules_loaded_by(*args: str) -> set[str]:
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True,
                          text=True, check=True)
    return set(done.stdout.split())


def test_help_loads_no_heavy_module() -> None:
    for args in (("--help",), ("diagnose", "--help"), ("staff", "--help")):
        loaded = _modules_loaded_by(*args)
        heavy = sorted(m for m in loaded if any(m == h or m.startswith(h + ".") for h in HEAVY))
        assert heavy == [], (args, heavy)


def test_sync_help_names_every_source() -> None:
    result = CliRunner().invoke(app, ["sync", "--help"], env={"COLUMNS": "300"})
    assert result.exit_code == 0
    for name in registry.names():
        assert name in result.output
