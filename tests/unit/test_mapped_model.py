"""A diagnosing process's quick start: the stored model mapped without the knowledge base,
ranking, explaining and counting exactly as through the knowledge base."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rareinfo import locations
from rareinfo.cli import app
from rareinfo.config import load_settings
from rareinfo.kb import snapshots
from rareinfo.kb.queries import KnowledgeBase
from rareinfo.kb.snapshot_info import plain_sqlite_file
from rareinfo.phenotype.batch import rank_cases
from rareinfo.service.mapped_model import open_mapped
from rareinfo.service.model_store import open_model

runner = CliRunner()
CASES = [
    (["HP:0001250", "HP:0001263"], []),
    (["HP:0000252"], ["HP:0001250"]),
    (["HP:0001250"], []),
    (["HP:0000118"], ["HP:0000252"]),
]


def test_the_quick_way_ranks_and_counts_as_the_knowledge_base(mini_kb_url: str) -> None:
    mapped = open_mapped(mini_kb_url)
    if snapshots.backend_of(mini_kb_url) == "postgresql":
        assert mapped is None  # a PostgreSQL snapshot's model comes through the schema
        return
    assert mapped is not None
    kb = KnowledgeBase(mini_kb_url)
    model, notice = open_model(kb)
    assert notice is None and mapped.pages == kb.page_counts()
    for present, excluded in CASES:
        for method in ("lr", "resnik-bma"):
            first = mapped.model.rank(present, excluded, method=method, explain=5)
            second = model.rank(present, excluded, method=method, explain=5)
            assert first.to_dict() == second.to_dict()
    # plain words read the term synonyms from the snapshot on first use
    assert mapped.model.map_text("seizures, no small head") == model.map_text(
        "seizures, no small head")


def test_the_quick_way_declines_what_it_cannot_read(mini_kb_url: str, tmp_path: Path) -> None:
    assert open_mapped(f"sqlite:///{tmp_path / 'none.sqlite'}") is None
    assert open_mapped("postgresql://localhost/rareinfo") is None
    (tmp_path / "other.sqlite").write_bytes(b"not a database")
    assert open_mapped(f"sqlite:///{tmp_path / 'other.sqlite'}") is None
    if snapshots.backend_of(mini_kb_url) == "sqlite":
        # any other spelling of the same file goes through the knowledge base instead
        assert open_mapped(mini_kb_url + "?mode=ro") is None


@pytest.mark.parametrize("url", ["sqlite:///rareinfo.sqlite", "sqlite:////tmp/a b/kb.sqlite",
                                 "sqlite:///./x/kb.sqlite", "sqlite:////tmp/kb.sqlite?mode=ro",
                                 "sqlite:///", "sqlite+pysqlite:////tmp/kb.sqlite",
                                 "sqlite:////tmp/k%20b.sqlite"])
def test_a_plain_sqlite_url_names_the_file_sqlalchemy_finds(url: str) -> None:
    plain = plain_sqlite_file(url)
    if plain is not None:
        assert plain == snapshots.sqlite_file(url)


@pytest.mark.parametrize("environment", [
    {}, {"RAREINFO_DATA_DIR": "/tmp/somewhere"}, {"rareinfo_data_dir": "/tmp/lower"},
    {"RAREINFO_DATABASE_URL": "postgresql://db/x", "RAREINFO_DATA_DIR": "/tmp/ignored"},
    {"RAREINFO_DATABASE_URL": "", "RAREINFO_DATA_DIR": "/tmp/empty-url"},
])
def test_the_database_url_without_settings_is_the_settings_one(
    environment: dict[str, str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    for key in list(os.environ):
        if key.lower().startswith("rareinfo_"):
            monkeypatch.delenv(key)
    for key, value in environment.items():
        monkeypatch.setenv(key, value)
    assert locations.database_url() == load_settings().resolved_database_url()


def test_cli_diagnosis_is_the_same_either_way(mini_kb_url: str) -> None:
    if snapshots.backend_of(mini_kb_url) != "sqlite":
        return
    # "sqlite+pysqlite:" names the same file, but only the knowledge base reads that form
    through_kb = mini_kb_url.replace("sqlite:", "sqlite+pysqlite:", 1)
    for args in (["HP:0001250", "HP:0002240", "--json"], ["HP:0006721", "-x", "HP:0001250"],
                 ["--text", "seizures, enlarged liver", "--json"], ["--text", "fits"]):
        quick = runner.invoke(app, ["diagnose", *args, "--database", mini_kb_url])
        slow = runner.invoke(app, ["diagnose", *args, "--database", through_kb])
        assert quick.exit_code == slow.exit_code == 0, quick.output + slow.output
        assert quick.output == slow.output


def test_a_batch_in_processes_writes_what_one_process_writes(mini_kb_url: str) -> None:
    model, _ = open_model(KnowledgeBase(mini_kb_url))
    lines = [json.dumps({"id": f"case-{i}", "present": CASES[i % 4][0],
                         "excluded": CASES[i % 4][1]}) for i in range(130)]
    lines.insert(7, "not json")
    outputs = []
    for jobs in (1, 2):
        sink = io.StringIO()
        report = rank_cases(model, lines, sink, top=3, jobs=jobs)
        assert (report.cases, report.written, report.malformed) == (131, 130, 1)
        outputs.append(sink.getvalue())
    assert outputs[0] == outputs[1]
    assert [json.loads(line)["id"] for line in outputs[0].splitlines()] == [
        f"case-{i}" for i in range(130)]


PROBE = """
import sys
from typer.testing import CliRunner
from rareinfo.cli import app
result = CliRunner().invoke(app, sys.argv[1:])
assert result.exit_code == 0, result.output
print("\\n".join(sorted(sys.modules)))
"""
# A diagnosis on a stored SQLite model needs none of these (decisions/0019); of SciPy only
# the package's version, for the stored model's stamp.
NOT_NEEDED = ("scipy.sparse", "sqlalchemy", "pydantic_settings", "httpx", "rareinfo.kb.queries",
              "rareinfo.kb.schema", "rareinfo.sources", "rareinfo.inquiries", "rareinfo.web")


def test_a_diagnosing_process_loads_no_database_layer(mini_kb_url: str, tmp_path: Path) -> None:
    if snapshots.backend_of(mini_kb_url) != "sqlite":
        return
    cases = tmp_path / "cases.jsonl"
    cases.write_text('{"id": "a", "present": ["HP:0001250"]}\n')
    for args in (["diagnose", "HP:0001250", "HP:0002240"],
                 ["diagnose", "--cases", str(cases), "--out", str(tmp_path / "out.jsonl")]):
        done = subprocess.run([sys.executable, "-c", PROBE, *args, "--database", mini_kb_url],
                              capture_output=True, text=True, check=True)
        loaded = set(done.stdout.split())
        needless = sorted(m for m in loaded
                          if any(m == n or m.startswith(n + ".") for n in NOT_NEEDED))
        assert needless == [], (args, needless)


def test_the_quick_batch_options_are_the_commands(mini_kb_url: str) -> None:
    import typer.main

    from rareinfo.cli.quick_batch import QUICK_BATCH_OPTIONS, QUICK_BATCH_RANGES

    command = typer.main.get_command(app).commands["diagnose"]  # type: ignore[attr-defined]
    params = {name: p for p in command.params for name in p.opts}
    for name, default in QUICK_BATCH_OPTIONS.items():
        param = params[name]
        assert param.envvar is None and not param.multiple and not param.is_flag
        assert (None if param.default is None else str(param.default)) == default, name
        if name in QUICK_BATCH_RANGES:
            assert (param.min, param.max) == QUICK_BATCH_RANGES[name]


def test_the_quick_batch_writes_what_typer_writes(mini_kb_url: str, tmp_path: Path) -> None:
    from rareinfo.cli.quick_batch import quick_batch

    cases = tmp_path / "cases.jsonl"
    cases.write_text("".join(json.dumps({"id": f"c{i}", "present": present,
                                         "excluded": excluded}) + "\n"
                             for i, (present, excluded) in enumerate(CASES)) + "oops\n")
    for extra in ([], ["--top", "2"], ["--top", "10"], ["--jobs", "2", "--method", "lin-bma"]):
        argv = ["diagnose", "--cases", str(cases), "--out", str(tmp_path / "quick.jsonl"),
                *extra, "--database", mini_kb_url]
        if snapshots.backend_of(mini_kb_url) != "sqlite":  # no model to map: Typer's way
            assert not quick_batch(argv)
            assert not (tmp_path / "quick.jsonl").exists()
            continue
        assert quick_batch(argv)
        typer_argv = [*argv[:4], str(tmp_path / "typer.jsonl"), *argv[5:]]
        done = runner.invoke(app, typer_argv)
        assert done.exit_code == 0, done.output
        assert (tmp_path / "quick.jsonl").read_text() == (tmp_path / "typer.jsonl").read_text()
    out = str(tmp_path / "x.jsonl")
    for declined in (["diagnose", "--cases", str(cases)], ["search", "--cases", str(cases)],
                     ["diagnose", f"--cases={cases}", "--out", out],
                     ["diagnose", "--cases", str(cases), "--out", out, "--top", "0"],
                     ["diagnose", "--cases", str(cases), "--out", out, "--top", "²"],
                     ["diagnose", "--cases", str(cases), "--out", out, "--jobs", "-1"],
                     ["diagnose", "--cases", str(cases), "--out", out, "--method", "x"],
                     ["diagnose", "--cases", str(cases), "--out", out, "--out", out],
                     ["diagnose", "--cases", str(cases), "--out", out, "--json", "x"],
                     ["diagnose", "--cases", str(cases), "--out", out, "--help", "x"]):
        assert not quick_batch(declined)
    assert not Path(out).exists()


def test_a_quick_batch_process_imports_neither_typer_nor_rich(mini_kb_url: str,
                                                             tmp_path: Path) -> None:
    if snapshots.backend_of(mini_kb_url) != "sqlite":
        return
    cases = tmp_path / "cases.jsonl"
    cases.write_text('{"id": "a", "present": ["HP:0001250"]}\n')
    probe = ("import sys\nfrom rareinfo.cli import main\nsys.argv[0] = 'rareinfo'\n"
             "import os\ntry:\n    main()\nfinally:\n    print(sorted(m for m in sys.modules "
             "if m.split('.')[0] in ('pydantic', 'typer', 'click', 'rich')))\n"
             "    print(os.environ.get('OPENBLAS_NUM_THREADS'))")
    environment = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    for threads, expected in ((None, "1"), ("3", "3")):  # one thread unless set
        done = subprocess.run([sys.executable, "-c", probe, "diagnose", "--cases", str(cases),
                               "--out", str(tmp_path / "out.jsonl"), "--database",
                               mini_kb_url], capture_output=True, text=True, check=False,
                              env=environment if threads is None
                              else {**environment, "OPENBLAS_NUM_THREADS": threads})
        assert done.returncode == 0, done.stderr
        assert done.stdout.splitlines() == [
            f"1 of 1 cases ranked into {tmp_path / 'out.jsonl'}", "[]", expected]
    assert json.loads((tmp_path / "out.jsonl").read_text())["id"] == "a"


def test_a_quick_batch_reports_as_typer_does(mini_kb_url: str, tmp_path: Path) -> None:
    """Skipped lines, a batch with nothing ranked and a message Rich would rewrite go
    through the command's own report: the same output and exit code as Typer's."""
    cases = tmp_path / "cases.jsonl"
    for text in ('{"id": "a", "present": ["HP:0001250"]}\noops\n', "oops\n"):
        cases.write_text(text)
        outputs = []
        for entry in ("quick", "typer"):
            out = tmp_path / "[bold]x:y.jsonl"
            probe = ("import sys\nfrom rareinfo.cli import main\n"
                     "sys.argv[0] = 'rareinfo'\nmain()" if entry == "quick" else
                     "import sys\nfrom rareinfo.cli import app\napp(sys.argv[1:])")
            done = subprocess.run([sys.executable, "-c", probe, "diagnose", "--cases",
                                   str(cases), "--out", str(out), "--database", mini_kb_url],
                                  capture_output=True, text=True, check=False,
                                  env={**os.environ, "COLUMNS": "200"})
            outputs.append((done.returncode, done.stdout, done.stderr, out.read_text()))
        assert outputs[0] == outputs[1]
        assert "bold" not in outputs[0][1]  # Rich took it as markup, as Typer's way does


def test_plain_output_is_what_rich_prints() -> None:
    from rich.console import Console

    from rareinfo.cli.quick_batch import plain_output

    for message in ("1,234 of 1,235 cases ranked into out/ranked.jsonl",
                    "3 of 3 cases ranked into /tmp/ünïcode dir/r.jsonl"):
        assert plain_output(message)
        sink = io.StringIO()
        Console(file=sink, soft_wrap=True).print(message)
        assert sink.getvalue() == message + "\n"
    for message in ("into [red]x", "into :smile:", "into a\tb"):
        assert not plain_output(message)
