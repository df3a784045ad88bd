"""ORPHApackets: one JSON document per disorder, in a (.tar.gz) archive or a directory.

The archive is read twice, streaming, one packet at a time: a first pass gathers the
classification graph (parents of every disorder) so that each disease record can carry
its classification heads; the second pass yields the records.

The packets use several shapes for the same list (``[{"Parent": [...]}]``,
``{"Parent": [...]}``, ``[{"Prevalence": {...}}]``, plain ``"no data"``), all normalised
by :func:`_unwrap`. They carry no entity status (inactive, moved to), no validation
status, no diagnostic criteria and only OMIM cross-references: those come with the XML.
"""

from __future__ import annotations

import json
import re
import tarfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

from rareinfo.records import DiseaseMapping, Problem, Record, SourceRelease
from rareinfo.sources import orphanet as core
from rareinfo.sources import tabular

PACKET_NAME = re.compile(r"orphapacket[^/\\]*\.json$", re.IGNORECASE)
_TAR_NAME = re.compile(r"\.(tar|tar\.gz|tgz|tar\.bz2|tar\.xz)$", re.IGNORECASE)
_PEEK_MEMBERS = 64  # an archive with a packet among its first members is a packets archive
_NO_DATA = frozenset({"", "no data"})

Document = tuple[str, bytes]  # (location, the packet's JSON text)
# What tarfile raises on a damaged archive; TypeError: Python 3.11's stream reader on a
# gzip header cut short (ord() of an empty read).
_ARCHIVE_DAMAGE: tuple[type[Exception], ...] = (
    tarfile.TarError, OSError, EOFError, zlib.error, TypeError)


def is_packets(path: Path) -> bool:
    """True for a packets archive, a packet file, or a directory holding packets."""
    if path.is_dir():
        return _packet_dir(path) is not None or any(_archives(path))
    return path.is_file() and (_is_archive(path) or PACKET_NAME.search(path.name) is not None)


def find(directory: Path) -> Path | None:
    """A packets archive, or a directory of packet files, directly in ``directory``."""
    return next(_archives(directory), None) or _packet_dir(directory)


def read(path: Path) -> Iterator[Record]:
    """Yield the release, then the records of every packet, each packet's disease first."""
    source = _source_of(path)
    tree, release = _survey(source)
    yield SourceRelease(core.NAME, release[0], core.date_of(release[1]), str(path))
    for item in _documents(source):
        if isinstance(item, Problem):
            yield item
        else:
            yield from _packet_records(item[0], item[1], tree)


def _source_of(path: Path) -> Path:
    # A directory may hold the archive rather than the packets themselves.
    if path.is_dir() and _packet_dir(path) is None:
        archive = next(_archives(path), None)
        if archive is not None:
            return archive
    return path


def _survey(source: Path) -> tuple[core.Classification, tuple[str, str | None]]:
    """The classification graph, and the (version, date) of the first well-formed packet."""
    tree = core.Classification()
    first: tuple[str | None, str | None] | None = None
    for item in _documents(source, verify=False):
        try:
            packet = _packet(item[1]) if not isinstance(item, Problem) else None
        except ValueError:
            packet = None  # reported by the second pass, like unreadable members
        code = core.plain_code(_text(packet.get("ORPHAcode"))) if packet else None
        if packet is None or code is None:
            continue
        parents = [core.plain_code(_text(p.get("ORPHAcode"))) for p in _dicts(packet, "Parents")]
        kind = _text(_first(packet.get("DisorderType"), "value"))
        tree.add(code, _text(packet.get("Label")), kind, [p for p in parents if p])
        if first is None:
            first = (core.version_of(_text(packet.get("version"))),
                     _text(packet.get("creationDate")))
    version, stamp = first or (None, None)
    return tree, (version or (stamp or "unknown")[:10], stamp)


# --- where packets are ---------------------------------------------------------------


def _is_archive(path: Path) -> bool:
    return _TAR_NAME.search(path.name) is not None


def _archives(directory: Path) -> Iterator[Path]:
    """Packet archives directly in ``directory``: by name, else by their first members."""
    for path in sorted(directory.iterdir()):
        if (path.is_file() and _is_archive(path)
                and ("orphapacket" in path.name.lower() or _peek_for_packets(path))):
            yield path


def _peek_for_packets(archive: Path) -> bool:
    try:
        with tarfile.open(archive, "r|*") as tar:
            for number, member in enumerate(tar):
                if PACKET_NAME.search(member.name):
                    return True
                if number >= _PEEK_MEMBERS:
                    return False
    except _ARCHIVE_DAMAGE:
        return False
    return False


def _packet_dir(directory: Path) -> Path | None:
    """``directory`` or its ``json`` subdirectory when it holds packet files."""
    for candidate in (directory, directory / "json"):
        if candidate.is_dir() and any(
            PACKET_NAME.search(p.name) and p.is_file() for p in candidate.iterdir()
        ):
            return candidate
    return None


def _documents(source: Path, *, verify: bool = True) -> Iterator[Document | Problem]:
    """Each packet's location and bytes, streaming from an archive, directory or file.

    ``verify`` checks that a compressed archive is complete (another pass over the file).
    """
    if source.is_file() and _is_archive(source):
        yield from _archive_documents(source, verify=verify)
        return
    directory = _packet_dir(source) if source.is_dir() else None
    files = _sorted_packets(directory) if directory else [source]
    for file in files:
        try:
            yield (file.name, file.read_bytes())
        except OSError as exc:
            yield Problem(core.NAME, file.name, f"cannot read the packet: {exc}")


def _sorted_packets(directory: Path) -> list[Path]:
    files = [p for p in directory.iterdir() if p.is_file() and PACKET_NAME.search(p.name)]
    return sorted(files, key=lambda p: (len(p.name), p.name))  # numeric order of codes


def _archive_documents(archive: Path, *, verify: bool) -> Iterator[Document | Problem]:
    count = 0
    try:
        with tarfile.open(archive, "r|*") as tar:
            for member in tar:
                if not member.isfile() or not PACKET_NAME.search(member.name):
                    continue
                handle = tar.extractfile(member)
                if handle is not None:
                    data = handle.read()
                    count += 1
                    yield (f"{archive.name}#{member.name}", data)
    except _ARCHIVE_DAMAGE as exc:
        yield Problem(core.NAME, archive.name,
                      f"archive unreadable after {count} packets (truncated or corrupt?): {exc}")
        return
    if count == 0:
        yield Problem(core.NAME, archive.name, "archive holds no ORPHApacket_*.json files")
    elif verify and not tabular.gzip_complete(archive):
        # tarfile takes a stream cut between two members for the end of the archive.
        yield Problem(core.NAME, archive.name, f"archive ends early after {count} packets "
                                               "(truncated download?): the rest are missing")


# --- one packet -> records -------------------------------------------------------------


def _packet_records(where: str, data: bytes, tree: core.Classification) -> list[Record]:
    """The records of one packet; Problems for what is malformed, never an exception."""
    try:
        packet = _packet(data)
        code = core.plain_code(_text(packet.get("ORPHAcode")))
        if code is None:
            raise ValueError(f"no numeric ORPHAcode (found {packet.get('ORPHAcode')!r})")
        mappings, out = _mappings(code, packet, where)
        record = core.disease(
            code,
            _text(packet.get("Label")),
            synonyms=[s for s in (_text(x) for x in _unwrap(packet.get("Synonyms"), "Synonym"))
                      if s],
            definition=_definition(packet.get("TextSection")),
            kind=_text(_first(packet.get("DisorderType"), "value")),
            xrefs=[m.object_id for m in mappings],
            tree=tree,
        )
    except ValueError as exc:
        return [Problem(core.NAME, where, str(exc))]
    records: list[Record] = [record, *mappings, *out, *_misshapen(code, packet, where)]
    for build in (_annotations, _genes, _prevalences, _attributes):
        records.extend(build(code, packet, where))
    return records


_LISTS = (("ExternalReferences", "ExternalReference"), ("Parents", "Parent"),
          ("Phenotypes", "Phenotype"), ("Genes", "Gene"), ("Prevalences", "Prevalence"),
          ("AverageAgeOfOnsets", "AverageAgeOfOnset"), ("TypeOfInheritances", "TypeOfInheritance"))


def _misshapen(code: str, packet: dict[str, Any], where: str) -> Iterator[Problem]:
    """One Problem per list holding items that are not objects (they are left out)."""
    for field, key in _LISTS:
        bad = [i for i in _unwrap(packet.get(field), key) if not isinstance(i, dict)]
        if bad:
            yield Problem(core.NAME, where,
                          f"ORPHA:{code}: {len(bad)} {field} item(s) are not objects: {bad[0]!r}")


def _packet(data: bytes) -> dict[str, Any]:
    try:
        document = json.loads(data)
    except ValueError as exc:  # also covers bytes that are not UTF-8/16/32
        raise ValueError(f"not valid JSON: {exc}") from exc
    except RecursionError as exc:
        raise ValueError("not valid JSON: nested too deeply") from exc
    packet = document.get("Orphapacket") if isinstance(document, dict) else None
    if not isinstance(packet, dict):
        raise ValueError("not an ORPHApacket: no top-level 'Orphapacket' object")
    return packet


def _mappings(
    code: str, packet: dict[str, Any], where: str
) -> tuple[list[DiseaseMapping], list[Record]]:
    mappings: list[DiseaseMapping] = []
    problems: list[Record] = []
    for ref in _dicts(packet, "ExternalReferences", "ExternalReference"):
        try:
            object_id = core.xref_id(_text(ref.get("Source")), _text(ref.get("Reference")))
            mappings.append(core.mapping(code, object_id, _text(ref.get("DisorderMappingRelation")),
                                         _text(ref.get("DisorderMappingValidationStatus"))))
        except ValueError as exc:
            problems.append(_problem(where, code, exc))
    return mappings, problems


def _annotations(code: str, packet: dict[str, Any], where: str) -> Iterator[Record]:
    for item in _dicts(packet, "Phenotypes", "Phenotype"):
        criteria = (_text(item.get("DiagnosticCriteria")) or "").lower()
        try:
            yield core.annotation(code, _text(item.get("HPOId")), _text(item.get("HPOFrequency")),
                                  "diagnostic" in criteria)
        except ValueError as exc:
            yield _problem(where, code, exc)


def _genes(code: str, packet: dict[str, Any], where: str) -> Iterator[Record]:
    for item in _dicts(packet, "Genes", "Gene"):
        refs = [(_text(r.get("Source")), _text(r.get("Reference")))
                for r in _dicts(item, "ExternalReferences", "ExternalReference")]
        try:
            yield core.gene(code, _text(item.get("Symbol")), _text(item.get("Name")),
                            _text(item.get("DisorderGeneAssociationType")), refs)
        except ValueError as exc:
            yield _problem(where, code, exc)


def _prevalences(code: str, packet: dict[str, Any], where: str) -> Iterator[Record]:
    for item in _dicts(packet, "Prevalences", "Prevalence"):
        try:
            yield core.prevalence(
                code,
                kind=_text(item.get("PrevalenceType")),
                qualification=_text(item.get("PrevalenceQualification")),
                prevalence_class=_text(item.get("PrevalenceClass")),
                value=_text(item.get("ValMoy")),
                region=_text(item.get("PrevalenceGeographic")),
                validation=_text(item.get("PrevalenceValidationStatus")),
                sources=_text(item.get("Source")),
            )
        except ValueError as exc:
            yield _problem(where, code, exc)


def _attributes(code: str, packet: dict[str, Any], where: str) -> Iterator[Record]:
    fields: tuple[tuple[Literal["onset", "inheritance"], str, str], ...] = (
        ("onset", "AverageAgeOfOnsets", "AverageAgeOfOnset"),
        ("inheritance", "TypeOfInheritances", "TypeOfInheritance"),
    )
    for which, field, key in fields:
        seen: set[str] = set()
        for item in _dicts(packet, field, key):
            fact = core.attribute(code, which, _text(item.get("value")))
            if fact is not None and fact.value not in seen:
                seen.add(fact.value)
                yield fact


def _problem(where: str, code: str, exc: Exception) -> Problem:
    return Problem(core.NAME, where, f"ORPHA:{code}: {exc}")


# --- JSON shapes ----------------------------------------------------------------------


def _unwrap(value: object, key: str) -> list[Any]:
    """The items of a packet list in any of its shapes; "no data" and None give none."""
    items = value if isinstance(value, list) else [value]
    out: list[Any] = []
    for item in items:
        if isinstance(item, dict) and key in item:
            inner = item[key]
            out.extend(inner if isinstance(inner, list) else [inner])
        elif item is not None and not (isinstance(item, str) and item.strip().lower() in _NO_DATA):
            out.append(item)
    return [i for i in out if i is not None]


def _dicts(owner: dict[str, Any], field: str, key: str | None = None) -> list[dict[str, Any]]:
    """The object items of ``owner[field]`` (items of the wrong shape are left out)."""
    wrapper = key or field.removesuffix("s")
    return [i for i in _unwrap(owner.get(field), wrapper) if isinstance(i, dict)]


def _first(value: object, key: str) -> object:
    return value.get(key) if isinstance(value, dict) else value


def _text(value: object) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str | int | float):
        return str(value).strip()
    return None


def _definition(value: object) -> str | None:
    for section in _unwrap(value, "TextSection"):
        if isinstance(section, dict) and (
            (_text(section.get("TextSectionType")) or "Definition").lower() == "definition"
        ):
            return _text(section.get("Contents"))
    return None
