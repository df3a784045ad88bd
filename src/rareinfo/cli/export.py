"""``rareinfo export``: the knowledge base in bulk, for other tools and portals.

Formats: ``jsonl`` (one disease page a line, in the JSON API's documented model), ``site``
(a static copy of every disease and phenotype page and its JSON: rareinfo.web.site),
``sssom`` (the identity clusters as an SSSOM mapping set) and ``hpoa`` (the merged
disease-phenotype annotations in phenotype.hpoa's columns).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from rareinfo.cli.common import EXIT_USAGE, DatabaseOption, err, fail, open_kb, settings_and_url

if TYPE_CHECKING:
    from rich.progress import Progress

    from rareinfo.kb.queries import KnowledgeBase


class Format(StrEnum):
    """What ``rareinfo export`` writes."""

    jsonl = "jsonl"
    site = "site"
    sssom = "sssom"
    hpoa = "hpoa"


# phenotype.hpoa's columns, in its order (HPO annotation format 2.0).
HPOA_COLUMNS = ("database_id", "disease_name", "qualifier", "hpo_id", "reference",
                "evidence", "onset", "frequency", "sex", "modifier", "aspect", "biocuration")
SSSOM_COLUMNS = ("subject_id", "subject_label", "predicate_id", "object_id",
                 "mapping_justification", "comment")
# How each kind of member joined its cluster (rareinfo.kb.identity), as SSSOM says it.
JOINED_BY = {
    "mapping": "an exact match (skos:exactMatch) in Mondo's curated mappings",
    "orphanet": "an Orphanet cross-reference with relation E (exact)",
}
CURIE_MAP = {
    "MONDO": "http://purl.obolibrary.org/obo/MONDO_",
    "ORPHA": "http://www.orpha.net/ORDO/Orphanet_",
    "OMIM": "https://omim.org/entry/",
    "GARD": "https://rarediseases.info.nih.gov/diseases/",
    "DOID": "http://purl.obolibrary.org/obo/DOID_",
    "MESH": "http://id.nlm.nih.gov/mesh/",
    "UMLS": "http://linkedlifedata.com/resource/umls/id/",
    "DECIPHER": "https://www.deciphergenomics.org/syndrome/",
    "semapv": "https://w3id.org/semapv/vocab/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
}


def export_command(
    fmt: Annotated[Format, typer.Option("--format", help="jsonl, site, sssom or hpoa.")],
    out_path: Annotated[Path, typer.Option(
        "--out", help="The file to write (for site: the folder).")],
    database: DatabaseOption = None,
) -> None:
    """Write the knowledge base in bulk: disease pages, identity clusters or annotations."""
    if not out_path.parent.exists():
        fail(f"the folder of --out {out_path} does not exist", EXIT_USAGE)
    _, url = settings_and_url(database)
    if fmt == Format.site:
        _export_site(open_kb(url), out_path)
        return
    if out_path.is_dir():
        fail(f"--out {out_path} is a folder; give a file name", EXIT_USAGE)
    kb = open_kb(url)
    writer = {Format.jsonl: write_jsonl, Format.sssom: write_sssom,
              Format.hpoa: write_hpoa}[fmt]
    started = time.perf_counter()
    partial = out_path.with_name(out_path.name + ".partial")
    with _progress() as progress, partial.open("w", encoding="utf-8", newline="") as stream:
        task = progress.add_task(f"Exporting {fmt.value}", total=None)
        count = writer(kb, stream, lambda done, total: progress.update(
            task, completed=done, total=total))
    partial.replace(out_path)  # a reader never sees half a file
    err.print(f"{count:,} {_unit(fmt)} written to {out_path} in "
              f"{time.perf_counter() - started:.1f} s", highlight=False)


def _export_site(kb: KnowledgeBase, out_path: Path) -> None:
    from rareinfo.web.site import write_site

    if out_path.exists() and (not out_path.is_dir() or any(out_path.iterdir())):
        fail(f"--out {out_path} must be a new or empty folder", EXIT_USAGE)
    started = time.perf_counter()
    with _progress() as progress:
        task = progress.add_task("Exporting site", total=None)
        count = write_site(kb, out_path, lambda done, total: progress.update(
            task, completed=done, total=total))
    err.print(f"{count:,} pages (HTML and JSON) written to {out_path} in "
              f"{time.perf_counter() - started:.1f} s; open {out_path / 'index.html'}",
              highlight=False)


def _unit(fmt: Format) -> str:
    return {Format.jsonl: "diseases", Format.site: "pages", Format.sssom: "mappings",
            Format.hpoa: "annotations"}[fmt]


Report = Callable[[int, int], None]


def write_jsonl(kb: KnowledgeBase, stream: TextIO, report: Report) -> int:
    """One JSON line per disease page, in the API's model; returns the count."""
    from sqlalchemy import func, select

    from rareinfo.kb import schema
    from rareinfo.web.prerender import stored_or_rendered

    with kb.engine.connect() as conn:
        total = int(conn.execute(select(func.count()).select_from(schema.disease))
                    .scalar_one())
    written = 0
    # The snapshot's pre-rendered API bodies when it has them: the same bytes the API
    # serves, without rendering every page again.
    for _, _, body in stored_or_rendered(kb, "/api/v1/diseases/"):
        stream.write(body.decode() + "\n")
        written += 1
        if written % 200 == 0 or written == total:
            report(written, total)
    return written


def write_sssom(kb: KnowledgeBase, stream: TextIO, report: Report) -> int:
    """The identity clusters as an SSSOM/TSV mapping set; returns the mapping count."""
    from rareinfo import __version__

    status = kb.status()
    rows = list(_cluster_rows(kb))
    used = {_prefix(row[0]) for row in rows} | {_prefix(row[3]) for row in rows}
    # Every prefix used is declared; those without a known IRI go through identifiers.org.
    curie_map = {**CURIE_MAP, **{p: f"https://identifiers.org/{p}:" for p in sorted(used)
                                 if p not in CURIE_MAP}}
    # The metadata block is YAML: every value is written as a JSON string, which YAML
    # reads as the same string whatever colons or quotes it holds.
    metadata = {
        "mapping_set_id": "https://w3id.org/rareinfo/clusters/"
                          f"{_safe_id(status.built_at)}.sssom.tsv",
        "mapping_set_description": "Identifiers rareinfo treats as one disease: each object "
                                   "is a member of the cluster whose page is the subject.",
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "mapping_tool": f"rareinfo {__version__}",
        "mapping_date": (status.built_at or "")[:10],
    }
    stream.write("# curie_map:\n")
    for prefix, iri in curie_map.items():
        stream.write(f"#   {prefix}: {json.dumps(iri)}\n")
    for key, value in metadata.items():
        if value:
            stream.write(f"# {key}: {json.dumps(value)}\n")
    stream.write("\t".join(SSSOM_COLUMNS) + "\n")
    for done, row in enumerate(rows, 1):
        stream.write("\t".join(_tsv(value) for value in row) + "\n")
        if done % 5000 == 0 or done == len(rows):
            report(done, len(rows))
    return len(rows)


def _cluster_rows(kb: KnowledgeBase) -> Iterator[tuple[str, ...]]:
    from sqlalchemy import select

    from rareinfo.kb import schema

    ids, d = schema.disease_identifier, schema.disease
    with kb.engine.connect() as conn:
        query = (select(ids.c.disease_id, d.c.name, ids.c.curie, ids.c.source)
                 .join(d, d.c.id == ids.c.disease_id)
                 .where(ids.c.status == "current", ids.c.curie != ids.c.disease_id)
                 .order_by(ids.c.disease_id, ids.c.curie))
        for row in conn.execute(query):
            joined = JOINED_BY.get(row.source, f"the {row.source} source's own record")
            yield (row.disease_id, row.name, "skos:exactMatch", row.curie,
                   "semapv:ManualMappingCuration", f"joined by {joined}")


def write_hpoa(kb: KnowledgeBase, stream: TextIO, report: Report) -> int:
    """The merged annotations of every disease, per source, in phenotype.hpoa's columns."""
    from sqlalchemy import func, select

    from rareinfo.kb import schema

    a, d = schema.annotation, schema.disease
    stream.write(f"#description: rareinfo merged disease-phenotype annotations (HPO and "
                 f"Orphanet), one row per source annotation; database_id is the rareinfo "
                 f"disease, reference starts with the source's own disease id\n"
                 f"#date: {(kb.status().built_at or '')[:10]}\n")
    stream.write("\t".join(HPOA_COLUMNS) + "\n")
    written = 0
    with kb.engine.connect() as conn:
        total = int(conn.execute(select(func.count()).select_from(a)
                                 .where(a.c.disease_id.is_not(None))).scalar_one())
        query = (select(a, d.c.name.label("disease_name")).join(d, d.c.id == a.c.disease_id)
                 .order_by(a.c.disease_id, a.c.phenotype_id, a.c.source))
        for row in conn.execute(query):
            refs = [row.source_disease_id, *[r for r in (row.refs or "").split(";")
                                             if r and r != row.source_disease_id]]
            curation = row.curators or row.source
            if row.curated_on is not None:
                curation = f"{curation}[{row.curated_on.isoformat()}]"
            stream.write("\t".join(_tsv(v) for v in (
                row.disease_id, row.disease_name, "NOT" if row.negated else "",
                row.phenotype_id, ";".join(refs), row.evidence or "", row.onset or "",
                row.frequency_raw or "", row.sex or "", row.modifiers or "", row.aspect,
                curation)) + "\n")
            written += 1
            if written % 10000 == 0 or written == total:
                report(written, total)
    return written


def _prefix(curie: str) -> str:
    return curie.split(":", 1)[0]


def _safe_id(value: str | None) -> str:
    return "".join(c for c in (value or "unknown") if c.isalnum())


def _tsv(value: object) -> str:
    return str(value).replace("\t", " ").replace("\n", " ")


def _progress() -> Progress:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                    MofNCompleteColumn(), TimeElapsedColumn(), console=err, transient=True)
