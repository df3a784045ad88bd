"""MedQuAD question-answer documents: one NIH page each, as ``PlainText`` sections.

A document is one page of an NIH site: ``<Document id source url>`` with ``<Focus>`` (the
disease), ``<FocusAnnotations>`` (UMLS CUIs, synonyms) and ``<QAPair>``s whose
``Question@qtype`` names the section. A few NINDS pages use an older layout
(``<doc docid corpus url>``, ``<doctitle-focus>``, ``<pair>``); both are read. Documents
come from the released tar.gz archives (streamed, never unpacked to disk), a directory
of XML files, or one XML file.
"""

from __future__ import annotations

import re
import tarfile
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import get_args

from rareinfo.records import PlainCollection, PlainText, Problem
from rareinfo.sources import tabular
from rareinfo.sources.gard import gard_id
from rareinfo.sources.medlineplus.text import clean, structure

NAME = "medlineplus"
# MedQuAD was crawled in 2017 (Ben Abacha and Demner-Fushman, BMC Bioinformatics 2019).
CAPTURED = "~2017"
COLLECTIONS: tuple[str, ...] = get_args(PlainCollection)
_ARCHIVE = re.compile(r"\.(tar\.gz|tgz|tar)$", re.IGNORECASE)
_DOCUMENT = re.compile(r"(^|/)[^/]*\d+(_\d+)?\.xml$")
_GARD_URL = re.compile(r"/gard/(\d+)(?:/|$)")
_CUI = re.compile(r"^C\d{7}$")
# What tarfile raises on a damaged archive; TypeError: Python 3.11's stream reader on a
# gzip header cut short.
_ARCHIVE_DAMAGE: tuple[type[Exception], ...] = (
    tarfile.TarError, OSError, EOFError, zlib.error, TypeError)
_MAX_DOCUMENT = 4 << 20  # the largest real document is ~200 kB

Document = tuple[str, bytes]  # (location, the XML bytes)


def is_archive(path: Path) -> bool:
    """True for a MedQuAD release archive by name."""
    return path.is_file() and _ARCHIVE.search(path.name) is not None and "medquad" in \
        path.name.lower()


def has_documents(directory: Path) -> bool:
    """True when ``directory`` (or a folder below it) holds MedQuAD XML files."""
    return any(_is_document_file(p) for p in directory.rglob("*.xml"))


def _is_document_file(file: Path) -> bool:
    return _DOCUMENT.search(file.name) is not None and "mplus_topics" not in file.name


def documents(path: Path) -> Iterator[Document | Problem]:
    """Each document's location and bytes, from an archive, a directory or one file."""
    if path.is_file():
        if _ARCHIVE.search(path.name):
            yield from _archive_documents(path)
        else:
            yield from _file_document(path, path.name)
        return
    for file in sorted(path.rglob("*.xml")):
        if _is_document_file(file):
            yield from _file_document(file, str(file.relative_to(path)))


def _file_document(file: Path, where: str) -> Iterator[Document | Problem]:
    try:
        yield (where, file.read_bytes())
    except OSError as exc:
        yield Problem(NAME, where, f"cannot read the document: {exc}")


def _archive_documents(archive: Path) -> Iterator[Document | Problem]:
    count = 0
    try:
        with tarfile.open(archive, "r|*") as tar:
            for member in tar:
                if not member.isfile() or not _DOCUMENT.search(member.name):
                    continue
                where = f"{archive.name}#{member.name.removeprefix('./')}"
                if member.size > _MAX_DOCUMENT:
                    yield Problem(NAME, where, f"document of {member.size} bytes: too large")
                    continue
                handle = tar.extractfile(member)
                if handle is not None:
                    count += 1
                    yield (where, handle.read())
    except _ARCHIVE_DAMAGE as exc:
        yield Problem(NAME, archive.name,
                      f"archive unreadable after {count} documents (truncated or corrupt?): "
                      f"{exc}")
        return
    if count == 0:
        yield Problem(NAME, archive.name, "archive holds no MedQuAD XML documents")
    elif not tabular.gzip_complete(archive):
        # tarfile takes a stream cut between two members for the end of the archive.
        yield Problem(NAME, archive.name, f"archive ends early after {count} documents "
                                          "(truncated download?): the rest are missing")


def parse(where: str, data: bytes) -> Iterator[PlainText | Problem]:
    """The sections of one document with content, or a Problem saying what is wrong."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        yield Problem(NAME, where, f"not well-formed XML: {exc}")
        return
    if root.tag == "Document":
        head = _Head(root.get("id"), root.get("source"), root.get("url"),
                     _text(root.find("Focus")), root.findall("FocusAnnotations/UMLS/CUIs/CUI"),
                     root.findall("FocusAnnotations/Synonyms/Synonym"))
        pairs = [(p.find("Question"), p.find("Answer")) for p in root.iter("QAPair")]
    elif root.tag == "doc":
        head = _Head(root.get("docid"), root.get("corpus"), root.get("url"),
                     _text(root.find("doctitle-focus")), root.findall("umls/cui"), [])
        pairs = [(p.find("question"), p.find("answer")) for p in root.iter("pair")]
    else:
        yield Problem(NAME, where, f"not a MedQuAD document: root element <{root.tag}>")
        return
    problem = head.problem()
    if problem:
        yield Problem(NAME, where, problem)
        return
    if not pairs:
        yield Problem(NAME, where, "document has no question-answer pairs")
        return
    yield from _sections(where, head, pairs)


class _Head:
    """What a document says about itself, before its sections."""

    def __init__(self, document_id: str | None, collection: str | None, url: str | None,
                 focus: str | None, cuis: list[ET.Element], synonyms: list[ET.Element]) -> None:
        self.document_id = (document_id or "").strip()
        self.collection = (collection or "").strip()
        self.url = (url or "").strip()
        self.focus = " ".join((focus or "").split())
        self.cuis = tuple(dict.fromkeys(
            c for c in (_text(e) or "" for e in cuis) if _CUI.match(c)))
        self.synonyms = tuple(dict.fromkeys(
            s for s in (" ".join((_text(e) or "").split()) for e in synonyms) if s))

    def problem(self) -> str | None:
        if self.collection not in COLLECTIONS:
            return f"unknown collection {self.collection!r}"
        if not self.document_id:
            return "document without an id"
        if not self.url.startswith(("http://", "https://")):
            return f"document without a web address: {self.url!r}"
        if not self.focus:
            return "document without a focus (the disease it is about)"
        return None

    def gard(self) -> str | None:
        found = _GARD_URL.search(self.url) if self.collection == "GARD" else None
        return gard_id(found.group(1)) if found else None


def _sections(where: str, head: _Head,
              pairs: list[tuple[ET.Element | None, ET.Element | None]]) -> Iterator[
                  PlainText | Problem]:
    collection: PlainCollection = head.collection  # type: ignore[assignment]  # checked
    gard = head.gard()
    if collection == "GARD" and gard is None:
        yield Problem(NAME, where, f"GARD page address without a GARD id: {head.url}")
    for position, (question, answer) in enumerate(pairs, start=1):
        section = (question.get("qtype") or "").strip().lower() if question is not None else ""
        if not section:
            yield Problem(NAME, f"{where}#{position}", "answer without a question type")
            continue
        raw = "".join(answer.itertext()) if answer is not None else ""
        if not raw.strip():
            continue  # MedQuAD left some answers out on purpose (copyright); nothing to show
        cleaned = clean(raw, collection)
        blocks = structure(cleaned.text, questions_are_headings=collection == "GARD")
        if not any(block.kind != "heading" for block in blocks):
            continue  # only boilerplate (GARD's HPO table) under the heading
        yield PlainText(
            source=NAME, collection=collection, document_id=f"{collection}:{head.document_id}",
            url=head.url, focus=head.focus, section=section, blocks=blocks,
            question=" ".join((_text(question) or "").split()), position=position,
            cuis=head.cuis, gard_id=gard, synonyms=head.synonyms, credit=cleaned.credit,
            captured=CAPTURED)


def _text(element: ET.Element | None) -> str | None:
    if element is None:
        return None
    return "".join(element.itertext()).strip() or None
