"""The embedded bundle: openly licensed source releases shipped inside the package.

Laid out like a release directory (one folder per source), so every source's ``locate``
finds its files here; ``MANIFEST.json`` gives each file's source, release, licence,
attribution and SHA-256. Made by ``scripts/make_bundle.py`` from official release files.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

_HERE = Path(__file__).resolve().parent


def location() -> Path | None:
    """The bundle's directory, or None when this installation carries no bundle."""
    return _HERE if (_HERE / "MANIFEST.json").is_file() else None


def manifest() -> dict[str, Any]:
    """The bundle's manifest (files, releases, licences, checksums); empty without one."""
    where = location()
    if where is None:
        return {}
    data: dict[str, Any] = json.loads((where / "MANIFEST.json").read_text())
    return data


def damaged_files() -> list[str]:
    """Files of the bundle whose SHA-256 differs from the manifest's (or that are missing)."""
    where = location()
    damaged = []
    for entry in manifest().get("files", []):
        path = where / entry["file"] if where else None
        if path is None or not path.is_file() or hashlib.sha256(
                path.read_bytes()).hexdigest() != entry["sha256"]:
            damaged.append(entry["file"])
    return damaged
