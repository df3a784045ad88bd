"""The layout's rules, checked on the source itself (decisions/0012-layout.md).

Imports go one way, down the data flow; no module takes another module's private names;
no module grows past 700 lines.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
PACKAGE = SRC / "rareinfo"

# Layers, lowest first. A module may import its own unit and any lower layer.
LAYERS: tuple[tuple[str, ...], ...] = (
    # where the knowledge base is, from the environment: below the settings that use it
    ("rareinfo.locations",),
    ("rareinfo", "rareinfo.records", "rareinfo.curie", "rareinfo.config",
     "rareinfo.normalize", "rareinfo.lexicon"),
    ("rareinfo.sources",),
    ("rareinfo.link",),
    ("rareinfo.kb",),
    ("rareinfo.search", "rareinfo.phenotype"),
    ("rareinfo.inquiries",),
    ("rareinfo.service",),
    ("rareinfo.web", "rareinfo.cli", "rareinfo.__main__"),
)
# The one sideways import: `rareinfo serve` starts the web application.
SIDEWAYS = {("rareinfo.cli", "rareinfo.web"), ("rareinfo.__main__", "rareinfo.cli")}
MAX_LINES = 700


@dataclass(frozen=True)
class Import:
    module: str  # the importing module
    target: str  # the module imported from
    names: tuple[str, ...]  # names taken from it (empty for `import x`)
    line: int


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def unit_of(module: str) -> str:
    """The layer entry a module belongs to: the longest matching unit name."""
    units = [u for layer in LAYERS for u in layer]
    # The package itself ("rareinfo") holds only its version: it is no prefix of others.
    matches = [u for u in units
               if module == u or (u != "rareinfo" and module.startswith(u + "."))]
    if not matches:
        raise AssertionError(f"{module} is in no layer: add it to LAYERS in {__file__}")
    return max(matches, key=len)


def rank_of(unit: str) -> int:
    return next(i for i, layer in enumerate(LAYERS) if unit in layer)


def imports_of(module: str, path: Path) -> list[Import]:
    tree = ast.parse(path.read_text(), str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: list[Import] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("rareinfo"):
                found.append(Import(module, target, tuple(a.name for a in node.names),
                                    node.lineno))
        elif isinstance(node, ast.Import):
            found += [Import(module, alias.name, (), node.lineno) for alias in node.names
                      if alias.name.startswith("rareinfo")]
    return found


ALL = modules()


def all_imports() -> list[Import]:
    return [imp for module, path in ALL.items() for imp in imports_of(module, path)]


def test_every_module_is_in_a_layer() -> None:
    for module in ALL:
        unit_of(module)


def test_imports_go_down_the_data_flow() -> None:
    wrong = []
    for imp in all_imports():
        here, there = unit_of(imp.module), unit_of(imp.target)
        if here == there or (here, there) in SIDEWAYS:
            continue
        if rank_of(there) >= rank_of(here):
            wrong.append(f"{imp.module}:{imp.line} imports {imp.target} "
                         f"({there} is not below {here})")
    assert not wrong, "\n".join(wrong)


def _is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def test_no_module_takes_another_modules_private_names() -> None:
    wrong = [f"{imp.module}:{imp.line} takes {name} from {imp.target}"
             for imp in all_imports() for name in imp.names
             if _is_private(name) and imp.target != imp.module]
    for module, path in ALL.items():
        tree = ast.parse(path.read_text(), str(path))
        imported = {alias.asname or alias.name for node in ast.walk(tree)
                    if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                        "rareinfo") for alias in node.names}
        imported |= {(alias.asname or alias.name).split(".")[0] for node in ast.walk(tree)
                     if isinstance(node, ast.Import) for alias in node.names
                     if alias.name.startswith("rareinfo")}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and _is_private(node.attr)
                    and isinstance(node.value, ast.Name) and node.value.id in imported):
                wrong.append(f"{module}:{node.lineno} uses {node.value.id}.{node.attr}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("module", sorted(ALL))
def test_no_module_is_over_700_lines(module: str) -> None:
    lines = len(ALL[module].read_text().splitlines())
    assert lines <= MAX_LINES, f"{module} has {lines} lines: make it a package"


def test_the_rules_catch_an_upward_import(tmp_path: Path) -> None:
    # The checker itself: an import from kb up into search is found.
    path = tmp_path / "probe.py"
    path.write_text("from rareinfo.search.base import SearchHit\n")
    (imp,) = imports_of("rareinfo.kb.probe", path)
    assert rank_of(unit_of(imp.target)) >= rank_of(unit_of(imp.module))
