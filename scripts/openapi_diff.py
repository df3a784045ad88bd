"""Compare two OpenAPI documents of the API and print what changed, breaking changes first.

    python scripts/openapi_diff.py --dump new.json          # this checkout's document
    git stash; python scripts/openapi_diff.py --dump old.json; git stash pop
    python scripts/openapi_diff.py old.json new.json

Breaking: removed operations, parameters or response fields; renamed operation ids or
tags (generated clients rename methods); changed field or parameter types, including a
field that became nullable or an enum that gained values clients may receive.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

Doc = dict[str, Any]
NOISE = ("description", "title", "examples", "example")


def _operations(doc: Doc) -> dict[tuple[str, str], Doc]:
    return {(method.upper(), path.replace(":path", "")): op
            for path, item in doc.get("paths", {}).items() for method, op in item.items()}


def _shape(schema: Any) -> Any:
    if isinstance(schema, dict):
        return {k: _shape(v) for k, v in schema.items() if k not in NOISE}
    if isinstance(schema, list):
        return [_shape(v) for v in schema]
    return schema


def diff(old: Doc, new: Doc) -> tuple[list[str], list[str]]:
    """(breaking, additive) changes from ``old`` to ``new``."""
    breaking: list[str] = []
    added: list[str] = []
    before, after = _operations(old), _operations(new)
    for key in before.keys() - after.keys():
        breaking.append(f"operation removed: {key[0]} {key[1]}")
    for key in sorted(after.keys() - before.keys()):
        added.append(f"operation added: {key[0]} {key[1]}")
    for key in sorted(before.keys() & after.keys()):
        was, now = before[key], after[key]
        where = f"{key[0]} {key[1]}"
        if was.get("operationId") != now.get("operationId"):
            breaking.append(f"{where}: operationId {was.get('operationId')} -> "
                            f"{now.get('operationId')}")
        if was.get("tags") != now.get("tags"):
            breaking.append(f"{where}: tags {was.get('tags')} -> {now.get('tags')}")
        params = {p["name"]: p for p in was.get("parameters", [])}
        for p in now.get("parameters", []):
            old_p = params.pop(p["name"], None)
            if old_p is None:
                (breaking if p.get("required") else added).append(
                    f"{where}: parameter {p['name']} added")
            elif _shape(old_p.get("schema")) != _shape(p.get("schema")):
                breaking.append(f"{where}: parameter {p['name']} schema "
                                f"{_shape(old_p.get('schema'))} -> {_shape(p.get('schema'))}")
        for name in params:
            breaking.append(f"{where}: parameter {name} removed")
        body_was = _shape(was.get("requestBody"))
        body_now = _shape(now.get("requestBody"))
        if body_was != body_now:
            added.append(f"{where}: request body {body_was} -> {body_now}")
    schemas_was = old.get("components", {}).get("schemas", {})
    schemas_now = new.get("components", {}).get("schemas", {})
    for name in sorted(schemas_was.keys() - schemas_now.keys()):
        breaking.append(f"schema removed: {name}")
    for name in sorted(schemas_now.keys() - schemas_was.keys()):
        added.append(f"schema added: {name}")
    for name in sorted(schemas_was.keys() & schemas_now.keys()):
        fields_was = schemas_was[name].get("properties", {})
        fields_now = schemas_now[name].get("properties", {})
        for field in sorted(fields_was.keys() - fields_now.keys()):
            breaking.append(f"{name}.{field} removed")
        for field in sorted(fields_now.keys() - fields_was.keys()):
            added.append(f"{name}.{field} added")
        for field in sorted(fields_was.keys() & fields_now.keys()):
            if _shape(fields_was[field]) != _shape(fields_now[field]):
                breaking.append(f"{name}.{field}: {_shape(fields_was[field])} -> "
                                f"{_shape(fields_now[field])}")
    return breaking, added


def _dump(path: Path) -> None:
    from rareinfo.web.app import create_app

    with tempfile.TemporaryDirectory() as where:
        app = create_app(f"sqlite:///{where}/none.sqlite",
                         userdata_url=f"sqlite:///{where}/userdata.sqlite")
        path.write_text(json.dumps(app.openapi(), indent=1, sort_keys=True))


def main() -> int:
    """Dump this checkout's document, or print the changes between two."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path, nargs="?")
    parser.add_argument("new", type=Path, nargs="?")
    parser.add_argument("--dump", type=Path, help="write this checkout's document here")
    args = parser.parse_args()
    if args.dump:
        _dump(args.dump)
        return 0
    if args.old is None or args.new is None:
        parser.error("give OLD.json NEW.json, or --dump FILE")
    breaking, added = diff(json.loads(args.old.read_text()), json.loads(args.new.read_text()))
    print(f"Breaking ({len(breaking)}):")
    print("\n".join(f"  {line}" for line in breaking) or "  none")
    print(f"Additive ({len(added)}):")
    print("\n".join(f"  {line}" for line in added) or "  none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
