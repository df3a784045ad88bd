"""Mondo disease ontology: mondo.obo / mondo.json, SSSOM mapping sets, edges and obsoletes.

What each file gives (every file may be gzip-compressed; files are recognised by content):

- ``mondo.obo`` or ``mondo.json`` (obographs): one ``DiseaseRecord`` per MONDO term (name,
  definition, synonyms with scope and type, xrefs, is_a parents, obsolete, replaced_by),
  and a ``DiseaseMapping`` per statement about another identifier:

  * an xref qualified ``{source="MONDO:equivalentTo"}`` (or ``MONDO:equivalentObsolete``,
    ``MONDO:obsoleteEquivalent``) -> "exact", ``relation`` the qualifier; any other xref
    -> "xref" (``oboInOwl:hasDbXref``);
  * ``property_value: skos:exactMatch X`` (and broad/narrow/close/relatedMatch) -> the
    SKOS predicate, ``relation`` the SKOS term;
  * ``alt_id`` -> "exact" from the alternative id to the term (``oboInOwl:hasAlternativeId``)
    so merged-away MONDO ids keep resolving; ``consider`` of an obsolete term -> "related"
    (``oboInOwl:consider``).

- ``*.sssom.tsv``: one ``DiseaseMapping`` per row. SSSOM reads "subject predicate object",
  so ``subject skos:broadMatch object`` says the object is broader: "broader". Rows with
  ``predicate_modifier: Not`` state a non-match and are skipped.

- ``*edges*.kgx.tsv`` (the rare-disease subset's subclass edges): ``DiseaseMapping(child,
  parent, "broader", "rdfs:subClassOf")``. The edges carry no names, so they cannot be
  ``DiseaseRecord``s; a broader mapping is the record type whose meaning fits (the object
  is the broader disease) and identity resolution treats broader as a link, never a merge.
  The file's gene edges (RO:0004003 to HGNC) are skipped: no symbol is given.

- ``obsoletes.tsv``: an obsolete ``DiseaseRecord`` (named "obsolete MONDO:…", since the file
  gives no label) with ``replaced_by``, so old ids redirect; "consider" -> related mapping.

``read`` yields the release, then the mapping sets first (they carry the mapping
justification), then the ontology, obsoletes and edges; a term or mapping (subject,
object, predicate) already yielded is not repeated, so mondo.obo's own copy of an SSSOM
row and obsoletes.tsv rows for terms the ontology gave are dropped.

Identifiers are normalised with rareinfo.curie (Orphanet:513 -> ORPHA:513, GARD:522 ->
GARD:0000522); prefixes it does not know (NCIT, SCTID, MEDGEN, ...) are kept as given.
"""

from __future__ import annotations

import contextlib
import functools
import json
import re
import shutil
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from rareinfo.curie import normalize_curie
from rareinfo.records import (
    DiseaseMapping,
    DiseaseRecord,
    MappingPredicate,
    Problem,
    Record,
    SourceRelease,
    Synonym,
    SynonymScope,
)
from rareinfo.sources import obo, tabular
from rareinfo.sources.base import SourceInfo, download

NAME = "mondo"
ONTOLOGY_URL = "http://purl.obolibrary.org/obo/mondo.obo"
MAPPINGS_URL = "http://purl.obolibrary.org/obo/mondo/mappings"
MAPPING_SETS = (
    "mondo_exactmatch_omim", "mondo_exactmatch_orphanet", "mondo_hasdbxref_gard",
    "mondo_exactmatch_doid", "mondo_exactmatch_efo", "mondo_exactmatch_icd10cm",
    "mondo_exactmatch_icd11.foundation", "mondo_exactmatch_medgen", "mondo_exactmatch_mesh",
    "mondo_exactmatch_ncit", "mondo_exactmatch_sctid", "mondo_exactmatch_umls",
    "mondo_hasdbxref_icd10cm",
)

INFO = SourceInfo(
    name=NAME,
    title="Mondo Disease Ontology",
    homepage="https://mondo.monarchinitiative.org/",
    licence="CC BY 4.0 (ontology); CC0 (SSSOM mapping sets)",
    attribution=(
        "This service uses the Mondo Disease Ontology (mondo.monarchinitiative.org), "
        "licensed CC BY 4.0. Vasilevsky NA et al., Mondo: Unifying diseases for the world, "
        "by the world. medRxiv 2022."
    ),
    downloads=(ONTOLOGY_URL, *(f"{MAPPINGS_URL}/{name}.sssom.tsv" for name in MAPPING_SETS)),
    # The mapping sets are what identity resolution needs; a complete fetch has ~150,000
    # rows, the offline copy in ../shared/data (samples, obsoletes.tsv, three full mapping
    # sets) ~68,000; an empty or HTML download has none. Current terms are not floored:
    # the offline copy holds only a 16-term sample of mondo.obo (obsoletes are counted apart).
    minimum_counts=(("mappings", 30_000),),
    build_order=30,
)

_EXACT_QUALIFIERS = frozenset(
    {"MONDO:equivalentTo", "MONDO:equivalentObsolete", "MONDO:obsoleteEquivalent"}
)
_PREDICATES: dict[str, MappingPredicate] = {
    "skos:exactMatch": "exact",
    "skos:broadMatch": "broader",
    "skos:narrowMatch": "narrower",
    "skos:closeMatch": "close",
    "skos:relatedMatch": "related",
    "oboInOwl:hasDbXref": "xref",
    "owl:equivalentClass": "exact",
    "rdfs:subClassOf": "broader",
    "oboInOwl:hasAlternativeId": "exact",
    "oboInOwl:consider": "related",
    **{qualifier: "exact" for qualifier in _EXACT_QUALIFIERS},
}
_NAMESPACES = (
    ("http://www.w3.org/2004/02/skos/core#", "skos:"),
    ("http://www.geneontology.org/formats/oboInOwl#", "oboInOwl:"),
    ("http://www.w3.org/2002/07/owl#", "owl:"),
    ("http://www.w3.org/2000/01/rdf-schema#", "rdfs:"),
    ("http://purl.obolibrary.org/obo/mondo#", ""),  # Mondo's own synonym types: ABBREVIATION
)
# IRIs of the identifiers Mondo maps to, as they appear in mondo.json and obsoletes.tsv.
_IRI_PREFIXES = (
    ("http://www.orpha.net/ORDO/Orphanet_", "ORPHA:"),
    ("https://omim.org/entry/", "OMIM:"),
    ("http://identifiers.org/omim/", "OMIM:"),
    ("https://omim.org/phenotypicSeries/PS", "OMIMPS:"),
    ("http://identifiers.org/mesh/", "MESH:"),
    ("http://linkedlifedata.com/resource/umls/id/", "UMLS:"),
    ("http://identifiers.org/umls/", "UMLS:"),
    ("http://identifiers.org/hgnc/", "HGNC:"),
    ("http://identifiers.org/snomedct/", "SCTID:"),
    ("http://identifiers.org/medgen/", "MEDGEN:"),
    ("https://rarediseases.info.nih.gov/diseases/", "GARD:"),
)
_OBO_PURL = "http://purl.obolibrary.org/obo/"
_OBO_PURL_LOCAL = re.compile(r"^([A-Za-z][A-Za-z0-9.]*)_(\S+)$")
_MONDO_ID = re.compile(r"^MONDO:\d{7}$")
_MONDO_SUBJECT = re.compile(r"^MONDO:\d+\t", re.MULTILINE)
_SCOPES: dict[str, SynonymScope] = {
    "hasExactSynonym": "EXACT", "hasBroadSynonym": "BROAD",
    "hasNarrowSynonym": "NARROW", "hasRelatedSynonym": "RELATED",
}
_MAPPING_LINE = re.compile(
    r"^(?:\[(?P<stanza>\w+)\]"
    r"|id:[ \t]*(?P<id>\S+)"
    r"|xref:[ \t]*(?P<xref>\S+)[^{\n]*\{(?P<qualifiers>[^}\n]*)\}"
    r"|property_value:[ \t]*(?:skos:|http://www\.w3\.org/2004/02/skos/core#)"
    r"(?P<skos>\w+Match)[ \t]+\"?(?P<object>[^\s\"]+))",
    re.MULTILINE,
)
_SOURCE_QUALIFIER = re.compile(r'source="([^"]*)"')


def fetch(cache_dir: Path, *, base_url: str | None = None) -> Path:
    """Download mondo.obo and the SSSOM mapping sets into ``cache_dir/mondo``."""
    target = cache_dir / NAME
    ontology = f"{base_url.rstrip('/')}/mondo.obo" if base_url else ONTOLOGY_URL
    mappings = f"{base_url.rstrip('/')}/mappings" if base_url else MAPPINGS_URL
    download(ontology, target / "mondo.obo")
    for name in MAPPING_SETS:
        download(f"{mappings}/{name}.sssom.tsv", target / "sssom" / f"{name}.sssom.tsv")
    return target


def file_kind(path: Path) -> str | None:
    """What a Mondo file is ("obo", "json", "sssom", "edges", "obsoletes"), by its content."""
    head = tabular.sniff(path)
    first = head.split("\n", 1)[0]
    if "ontology: mondo" in head or ("[Term]" in head and "\nid: MONDO:" in head):
        return "obo"
    if '"graphs"' in head and "MONDO_" in head:
        return "json"
    if "subject_id" in head and "object_id" in head and _MONDO_SUBJECT.search(head):
        return "sssom"  # a set whose subjects are Mondo terms, not another's set naming Mondo
    if first.startswith("id\tsubject\tpredicate\tobject") and "MONDO:" in head:
        return "edges"
    if first.startswith("?cls\t") and "MONDO_" in head:
        return "obsoletes"
    return None


def locate(directory: Path) -> Path | None:
    """The Mondo files in a data directory: ``DIR/mondo`` or ``DIR`` itself, else None."""
    return tabular.locate(directory, NAME, file_kind)


def _classify(path: Path) -> dict[str, list[Path]]:
    kinds: dict[str, list[Path]] = {k: [] for k in ("sssom", "obo", "json", "obsoletes", "edges")}
    for item in tabular.source_files(path):
        kind = file_kind(item)
        if kind is not None:
            kinds[kind].append(item)
    return kinds


def read(path: Path) -> Iterator[Record]:
    """Yield the release, then every term, mapping, obsolete id and subclass edge."""
    files = _classify(path)
    if not any(files.values()):
        raise FileNotFoundError(
            f"no Mondo files (mondo.obo, mondo.json, *.sssom.tsv, edges, obsoletes) in {path}; "
            "download them with `rareinfo sync mondo` or point --from at a copy"
        )
    yield release_of(path, files)
    readers = (
        (files["sssom"], read_sssom), (files["obo"], read_obo), (files["json"], read_obographs),
        (files["obsoletes"], read_obsoletes), (files["edges"], read_edges),
    )
    terms: set[str] = set()
    mappings: set[tuple[str, str, str]] = set()
    for paths, reader in readers:
        for item in paths:
            for record in reader(item):
                if isinstance(record, DiseaseRecord):
                    if record.id in terms:
                        continue
                    terms.add(record.id)
                elif isinstance(record, DiseaseMapping):
                    key = (record.subject_id, record.object_id, record.predicate)
                    if key in mappings:
                        continue
                    mappings.add(key)
                yield record


def release_of(path: Path, files: dict[str, list[Path]] | None = None) -> SourceRelease:
    """The release: the ontology's data-version, else the newest mapping set's version."""
    files = files if files is not None else _classify(path)
    versions = [*map(_obo_version, files["obo"]), *map(_json_version, files["json"])]
    version = next(filter(None, versions), None)
    if version is None:
        dated = [found for f in files["sssom"] if (found := _sssom_version(f)) is not None]
        version = max(dated, key=lambda found: found[1])[0] if dated else None
    found = tabular.find_date(version) if version else None
    if found is not None:
        version = found[0]  # "releases/2026-10-06/mondo.obo" -> "2026-10-06"
    return SourceRelease(NAME, version or "unknown", found[1] if found else None, str(path))


def _obo_version(path: Path) -> str | None:
    try:
        with _plain_copy(path, limit=tabular.SNIFF_BYTES) as plain:
            return obo.read_header(plain).data_version
    except tabular.CORRUPT:
        return None  # read_obo reports the damaged file


def _json_version(path: Path) -> str | None:
    # The graph's meta (with its version IRI) precedes the nodes in obographs output.
    match = re.search(r'"version"\s*:\s*"([^"]+)"', tabular.sniff(path))
    return match.group(1) if match else None


def _sssom_version(path: Path) -> tuple[str, date] | None:
    meta = sssom_metadata(tabular.read_header(path).metadata)
    for key in ("mapping_set_version", "mapping_date", "publication_date"):
        if key in meta and (found := tabular.find_date(meta[key])) is not None:
            return found
    return None


@contextlib.contextmanager
def _plain_copy(path: Path, *, limit: int | None = None) -> Iterator[Path]:
    """The file itself, or a decompressed temporary copy (obo.py reads plain files only)."""
    if not tabular.is_gzip(path):
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="rareinfo-mondo-") as tmp:
        plain = Path(tmp) / path.name.removesuffix(".gz")
        with tabular.open_binary(path) as source, plain.open("wb") as out:
            if limit is None:
                shutil.copyfileobj(source, out, 1 << 20)
            else:
                out.write(source.read(limit))
        yield plain


@functools.lru_cache(maxsize=1 << 16)  # parents and mapped ids recur across terms and rows
def to_curie(text: str) -> str:
    """Normalise an identifier in CURIE, OBO PURL or known IRI form; unknown ones kept."""
    value = text.strip().strip("<>\"")
    for prefix, curie_prefix in _IRI_PREFIXES:
        if value.startswith(prefix):
            value = curie_prefix + value[len(prefix):]
            break
    else:
        if value.startswith(_OBO_PURL):
            local = _OBO_PURL_LOCAL.match(unquote(value[len(_OBO_PURL):]))
            value = f"{local.group(1)}:{local.group(2)}" if local else value
    return normalize_curie(value) or value


def _compact(iri: str) -> str:
    for namespace, prefix in _NAMESPACES:
        if iri.startswith(namespace):
            return prefix + iri[len(namespace):]
    return to_curie(iri) if iri.startswith(_OBO_PURL) else iri


# --- the ontology -------------------------------------------------------------------------


def read_obo(path: Path) -> Iterator[DiseaseRecord | DiseaseMapping | Problem]:
    """Yield a DiseaseRecord and its mappings per MONDO [Term] of mondo.obo."""
    try:
        yield from _read_obo(path)
    except tabular.CORRUPT as exc:
        yield Problem(NAME, path.name, f"file unreadable (truncated download?): {exc}")


def _read_obo(path: Path) -> Iterator[DiseaseRecord | DiseaseMapping | Problem]:
    with _plain_copy(path) as plain:
        matches = _scan_matches(plain.read_text(encoding="utf-8", errors="replace"))
        for item in obo.iter_terms(plain):
            if isinstance(item, obo.OboError):
                yield Problem(NAME, f"{path.name}:{item.line}", item.message)
                continue
            if item.id.startswith("MONDO:"):  # Mondo also declares a few imported classes
                yield from _term_records(item, matches.get(item.id, []), f"{path.name}:{item.line}")


def _scan_matches(text: str) -> dict[str, list[tuple[str, str]]]:
    """(relation, object) per term: xref qualifiers and skos property values, which
    obo.OboTerm does not keep."""
    found: dict[str, list[tuple[str, str]]] = {}
    current: list[tuple[str, str]] | None = None
    in_term = False
    for match in _MAPPING_LINE.finditer(text):
        if match.group("stanza") is not None:
            in_term, current = match.group("stanza") == "Term", None
        elif match.group("id") is not None:
            current = found.setdefault(match.group("id"), []) if in_term else None
        elif current is None:
            continue
        elif match.group("xref") is not None:
            sources = _SOURCE_QUALIFIER.findall(match.group("qualifiers"))
            exact = next((s for s in sources if s in _EXACT_QUALIFIERS), None)
            if exact is not None:
                current.append((exact, match.group("xref")))
        else:
            current.append((f"skos:{match.group('skos')}", match.group("object")))
    return found


def _term_records(
    term: obo.OboTerm, matches: list[tuple[str, str]], where: str
) -> Iterator[DiseaseRecord | DiseaseMapping | Problem]:
    if not _MONDO_ID.match(term.id) or not term.name:
        yield Problem(NAME, where, f"term {term.id!r} without a name or a valid MONDO id")
        return
    xrefs = tuple(dict.fromkeys(to_curie(x) for x in term.xrefs))
    yield DiseaseRecord(
        source=NAME, id=term.id, name=term.name, definition=term.definition,
        synonyms=tuple(term.synonyms), xrefs=xrefs,
        parents=tuple(to_curie(p) for p in term.parents),
        obsolete=term.obsolete,
        replaced_by=to_curie(term.replaced_by) if term.replaced_by else None,
    )
    statements = [(relation, to_curie(obj)) for relation, obj in matches]
    exact = {obj for relation, obj in statements if _PREDICATES.get(relation) == "exact"}
    statements += [("oboInOwl:hasDbXref", x) for x in xrefs if x not in exact]
    statements += [("oboInOwl:consider", to_curie(c)) for c in term.consider]
    seen: set[tuple[str, MappingPredicate]] = set()
    for relation, obj in statements:
        predicate = _PREDICATES.get(relation)
        if predicate is not None and (obj, predicate) not in seen:
            seen.add((obj, predicate))
            yield DiseaseMapping(NAME, term.id, obj, predicate, relation)
    for alt in term.alt_ids:
        yield DiseaseMapping(NAME, to_curie(alt), term.id, "exact", "oboInOwl:hasAlternativeId")


def read_obographs(path: Path) -> Iterator[DiseaseRecord | DiseaseMapping | Problem]:
    """Yield the same records as read_obo from mondo.json (obographs JSON)."""
    try:
        decoded = tabular.load_text(path)
    except tabular.CORRUPT as exc:
        yield Problem(NAME, path.name, f"file unreadable (truncated download?): {exc}")
        return
    if decoded.bad_line is not None:
        yield Problem(NAME, f"{path.name}:{decoded.bad_line}", "not UTF-8; read as Windows-1252")
    try:
        document = json.loads(decoded.text)
    except json.JSONDecodeError as exc:
        yield Problem(NAME, f"{path.name}:{exc.lineno}", f"invalid JSON: {exc.msg}")
        return
    except ValueError as exc:  # an integer of over 4,300 digits
        yield Problem(NAME, path.name, f"invalid JSON: {exc}")
        return
    except RecursionError:
        yield Problem(NAME, path.name, "JSON nested too deeply to be an obographs document")
        return
    graphs = document.get("graphs") if isinstance(document, dict) else None
    if not isinstance(graphs, list):
        yield Problem(NAME, f"{path.name}:1", "not an obographs document: no 'graphs' list")
        return
    for graph in graphs:
        if not isinstance(graph, dict):
            continue
        parents = _graph_parents(graph.get("edges") or [])
        for index, node in enumerate(graph.get("nodes") or [], start=1):
            yield from _node_records(node, parents, f"{path.name}#{index}")


def _graph_parents(edges: list[Any]) -> dict[str, list[str]]:
    parents: dict[str, list[str]] = {}
    for edge in edges:
        if isinstance(edge, dict) and edge.get("pred") in ("is_a", "rdfs:subClassOf"):
            parents.setdefault(to_curie(str(edge.get("sub"))), []).append(
                to_curie(str(edge.get("obj"))))
    return parents


def _node_records(
    node: Any, parents: dict[str, list[str]], where: str
) -> Iterator[DiseaseRecord | DiseaseMapping | Problem]:
    if not isinstance(node, dict) or not isinstance(node.get("id"), str):
        yield Problem(NAME, where, "node without an id")
        return
    term_id = to_curie(node["id"])
    if not term_id.startswith("MONDO:") or node.get("type", "CLASS") != "CLASS":
        return
    meta = _dict(node.get("meta"))
    label = node.get("lbl")
    term = obo.OboTerm(id=term_id, line=0, name=label if isinstance(label, str) else None)
    definition = _dict(meta.get("definition")).get("val")
    term.definition = definition if isinstance(definition, str) else None
    term.synonyms = [s for s in map(_json_synonym, meta.get("synonyms") or []) if s]
    term.parents = parents.get(term_id, [])
    term.obsolete = bool(meta.get("deprecated"))
    matches: list[tuple[str, str]] = []
    for xref in meta.get("xrefs") or []:
        if isinstance(xref, dict) and isinstance(xref.get("val"), str):
            term.xrefs.append(xref["val"])
            matches += _xref_qualifiers(xref)
    for value in meta.get("basicPropertyValues") or []:
        _property_value(term, matches, value)
    yield from _term_records(term, matches, where)


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _json_synonym(value: Any) -> Synonym | None:
    if not isinstance(value, dict) or not isinstance(value.get("val"), str):
        return None
    scope = _SCOPES.get(_compact(str(value.get("pred", ""))).split(":")[-1], "RELATED")
    kind = value.get("synonymType")
    return Synonym(value["val"], scope, _compact(kind) if isinstance(kind, str) else None)


def _xref_qualifiers(xref: dict[str, Any]) -> list[tuple[str, str]]:
    values = _dict(xref.get("meta")).get("basicPropertyValues") or []
    sources = [v.get("val") for v in values
               if isinstance(v, dict) and str(v.get("pred", "")).endswith("source")]
    exact = next((s for s in sources if s in _EXACT_QUALIFIERS), None)
    return [(exact, xref["val"])] if exact else []


def _property_value(term: obo.OboTerm, matches: list[tuple[str, str]], value: Any) -> None:
    if not isinstance(value, dict) or not isinstance(value.get("val"), str):
        return
    predicate, val = _compact(str(value.get("pred", ""))), value["val"]
    if predicate in ("IAO:0100001", "term replaced by"):
        term.replaced_by = val
    elif predicate == "oboInOwl:consider":
        term.consider.append(val)
    elif predicate == "oboInOwl:hasAlternativeId":
        term.alt_ids.append(val)
    elif predicate.startswith("skos:") and predicate.endswith("Match"):
        matches.append((predicate, val))


# --- mapping sets, obsoletes, edges ---------------------------------------------------------


def sssom_metadata(lines: tuple[str, ...]) -> dict[str, str]:
    """The top-level ``key: value`` pairs of an SSSOM ``#`` header (nested maps skipped)."""
    meta: dict[str, str] = {}
    for line in lines:
        if line.startswith(" ") and not line.startswith("  "):
            line = line[1:]  # "# key: value": one space after the '#'
        if line[:1].isspace() or ":" not in line:
            continue
        key, _, value = line.partition(":")
        meta[key.strip()] = value.strip().strip("\"'")
    return meta


def read_sssom(path: Path) -> Iterator[DiseaseMapping | Problem]:
    """Yield one DiseaseMapping per row of an SSSOM mapping set."""
    for item in tabular.iter_tsv(path):
        if isinstance(item, tabular.Header):
            missing = {"subject_id", "predicate_id", "object_id"} - set(item.columns)
            if missing:
                yield Problem(NAME, f"{path.name}:1", f"not SSSOM: no {', '.join(sorted(missing))}")
                return
        elif isinstance(item, tabular.RowError):
            yield Problem(NAME, f"{path.name}:{item.line}", item.message)
        elif (mapping := _sssom_mapping(item.values, f"{path.name}:{item.line}")) is not None:
            yield mapping


def _sssom_mapping(values: dict[str, str], where: str) -> DiseaseMapping | Problem | None:
    subject, obj = values["subject_id"].strip(), values["object_id"].strip()
    relation = _compact(values["predicate_id"].strip())
    predicate = _PREDICATES.get(relation)
    if ":" not in subject or ":" not in obj:
        return Problem(NAME, where, f"subject {subject!r} or object {obj!r} is not a CURIE")
    if predicate is None:
        return Problem(NAME, where, f"unknown mapping predicate {relation!r}")
    if values.get("predicate_modifier", "").strip() == "Not":
        return None  # a curated non-match: nothing to link
    justification = values.get("mapping_justification", "").strip() or None
    return DiseaseMapping(NAME, to_curie(subject), to_curie(obj), predicate, relation,
                          justification)


def read_edges(path: Path) -> Iterator[DiseaseMapping | Problem]:
    """Yield a broader DiseaseMapping (child -> parent) per subclass edge of a KGX file."""
    for item in tabular.iter_tsv(path):
        if isinstance(item, tabular.Header):
            if not {"subject", "predicate", "object"} <= set(item.columns):
                yield Problem(NAME, f"{path.name}:1", "not a KGX edge file")
                return
        elif isinstance(item, tabular.RowError):
            yield Problem(NAME, f"{path.name}:{item.line}", item.message)
        elif item.values["predicate"].strip() == "biolink:subclass_of":
            child, parent = item.values["subject"].strip(), item.values["object"].strip()
            if not child or not parent:
                yield Problem(NAME, f"{path.name}:{item.line}", "edge without subject or object")
                continue
            yield DiseaseMapping(NAME, to_curie(child), to_curie(parent), "broader",
                                 "rdfs:subClassOf")


def read_obsoletes(path: Path) -> Iterator[DiseaseRecord | DiseaseMapping | Problem]:
    """Yield an obsolete DiseaseRecord (with replaced_by) per row of obsoletes.tsv."""
    columns: tuple[str, ...] = ()
    for item in tabular.iter_tsv(path):
        if isinstance(item, tabular.Header):
            if len(item.columns) < 2:
                yield Problem(NAME, f"{path.name}:1", "expected obsolete and replacement columns")
                return
            columns = item.columns
        elif isinstance(item, tabular.RowError):
            yield Problem(NAME, f"{path.name}:{item.line}", item.message)
        else:
            yield from _obsolete(item, columns, f"{path.name}:{item.line}")


def _obsolete(
    row: tabular.Row, columns: tuple[str, ...], where: str
) -> Iterator[DiseaseRecord | DiseaseMapping | Problem]:
    cells = [row.values[c].strip() for c in columns]
    term_id = to_curie(cells[0])
    if not _MONDO_ID.match(term_id):
        yield Problem(NAME, where, f"obsolete class {cells[0]!r} is not a Mondo term")
        return
    replaced_by = to_curie(cells[1]) if cells[1] else None
    yield DiseaseRecord(NAME, term_id, f"obsolete {term_id}", obsolete=True,
                        replaced_by=replaced_by)
    for consider in cells[2:3]:
        if consider:
            yield DiseaseMapping(NAME, term_id, to_curie(consider), "related", "oboInOwl:consider")
