"""Orphadata XML products, streamed: 1 (disorders), 3 (classifications), 4, 6 and 9.

Files are recognised by what they contain, whatever their names and compression
(``en_product1.xml``, ``orphadata_prod4_phenotypes.xml.gz``, ...). Both the current
schema (``OrphaCode``) and the older one (``OrphaNumber``, product 3 rooted at a
``DisorderList``) are read. Text is decoded here, not by expat: the declared encoding is
respected; without a declaration UTF-8 is tried and ISO-8859-1 used when it fails; bytes
that break the declared encoding are reported and replaced so the rest is still read.
"""

from __future__ import annotations

import codecs
import re
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal, Protocol
from xml.etree import ElementTree as ET

from rareinfo.records import Problem, Record, SourceRelease
from rareinfo.sources import orphanet as core

Role = Literal["classification", "disorders", "facts"]

CHUNK = 1 << 16
_SNIFF = 1 << 16
_XML_NAME = re.compile(r"\.xml(\.gz)?$", re.IGNORECASE)
_DECLARED = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)[\"']")
_JDBOR = re.compile(r"<JDBOR\b([^>]*)>")
_ATTRIBUTE = re.compile(r"""(\w+)\s*=\s*["']([^"']*)["']""")
# Markers of each role, looked for in the first 64 KB: the first role that matches wins.
_MARKERS: tuple[tuple[Role, tuple[str, ...]], ...] = (
    ("classification", ("<ClassificationNode", "<ClassificationList")),
    ("facts", ("<HPODisorderAssociation", "<DisorderGeneAssociation", "<PrevalenceList",
               "<AverageAgeOfOnset", "<TypeOfInheritance")),
    ("disorders", ("<DisorderMappingRelation", "<SummaryInformation", "<TextualInformation",
                   "<DisorderFlagList", "<SynonymList")),
)
_ROLE_ORDER: dict[Role, int] = {"classification": 0, "disorders": 1, "facts": 2}


@dataclass(frozen=True, slots=True)
class Product:
    """An Orphadata XML file: what it holds and the JDBOR release it comes from."""

    path: Path
    role: Role
    version: str | None
    released: date | None


def sniff(path: Path) -> Product | None:
    """The product a file is, judged from its first 64 KB; None if not one we read."""
    if not path.is_file() or not _XML_NAME.search(path.name):
        return None
    head = _head(path).decode("latin-1")  # markers are ASCII: any byte decodes
    root = _JDBOR.search(head)
    if root is None:
        return None
    attributes = dict(_ATTRIBUTE.findall(root.group(1)))
    for role, markers in _MARKERS:
        if any(marker in head for marker in markers):
            return Product(path, role, core.version_of(attributes.get("version")),
                           core.date_of(attributes.get("date")))
    return None


def _head(path: Path) -> bytes:
    """The first 64 KB of the (decompressed) file, or as much as a damaged file gives."""
    try:
        with path.open("rb") as handle:
            data = handle.read(_SNIFF)
        if not data.startswith(b"\x1f\x8b"):
            return data
        # zlib rather than gzip: it hands over what it has when the stream is cut short.
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, _SNIFF)
    except (OSError, zlib.error):
        return b""


def damaged_in(path: Path) -> Iterator[tuple[Path, str]]:
    """Compressed XML files of a file or directory too damaged to tell what they hold."""
    files = sorted(path.iterdir()) if path.is_dir() else [path]
    for file in files:
        if file.is_file() and _XML_NAME.search(file.name) and sniff(file) is None:
            reason = _gzip_damage(file)
            if reason is not None:
                yield file, reason


def _gzip_damage(path: Path) -> str | None:
    """What is wrong with the start of a gzip file; None when it reads (or is not gzip)."""
    try:
        with path.open("rb") as handle:
            data = handle.read(_SNIFF)
        if not data.startswith(b"\x1f\x8b"):
            return None
        unzip = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = unzip.decompress(data, _SNIFF)
    except (OSError, zlib.error) as exc:
        return f"not a readable gzip file ({exc})"
    if len(out) < _SNIFF and len(data) < _SNIFF and not unzip.eof:
        return f"gzip stream cut short after {len(out):,} bytes"
    return None


def products_in(path: Path) -> list[Product]:
    """The products of a file or (non-recursively) a directory, in reading order."""
    files = sorted(path.iterdir()) if path.is_dir() else [path]
    found = [p for p in (sniff(f) for f in files) if p is not None]
    return sorted(found, key=lambda p: (_ROLE_ORDER[p.role], p.path.name))


def is_products(path: Path) -> bool:
    """True when the path is, or directly holds, an Orphadata product we read."""
    return bool(products_in(path)) if path.exists() else False


def find(directories: Iterable[Path]) -> Path | None:
    """The directory with the most complete product set: product 1 first, then newest."""
    best: tuple[bool, int, date] | None = None
    chosen: Path | None = None
    for directory in directories:
        found = products_in(directory)
        if not found:
            continue
        newest = max((p.released for p in found if p.released), default=date.min)
        score = (any(p.role == "disorders" for p in found), len(found), newest)
        if best is None or score > best:
            best, chosen = score, directory
    return chosen


def read(path: Path) -> Iterator[Record]:
    """Yield the release, then the records of every product in the file or directory."""
    products = products_in(path)
    newest = max(products, key=lambda p: p.released or date.min, default=None)
    version = (newest.version if newest else None) or "unknown"
    yield SourceRelease(core.NAME, version, newest.released if newest else None, str(path))
    for damaged, reason in damaged_in(path):
        yield Problem(core.NAME, damaged.name, f"{reason}: cannot tell which Orphadata "
                                               "product it is, so it is not read")
    tree = core.Classification()
    for product in (p for p in products if p.role == "classification"):
        yield from _classification(product.path, tree)
    named: set[str] = set()
    disorders = [p for p in products if p.role == "disorders"]
    for product in disorders:
        yield from _product1(product.path, tree, named)
    if not disorders:  # no product 1: name diseases from the classification, then the rest
        yield from _diseases_of(tree, named)
    for product in (p for p in products if p.role == "facts"):
        yield from _facts(product.path, tree, None if disorders else named)


# --- product 1: disorders, names, synonyms, definitions, cross-references -------------


def _product1(path: Path, tree: core.Classification, named: set[str]) -> Iterator[Record]:
    for found in _coded_disorders(path):
        if isinstance(found, Problem):
            yield found
            continue
        item, code, where = found
        try:
            records = _disorder_records(item, code, tree, where)
        except ValueError as exc:
            yield Problem(core.NAME, where, str(exc))
            continue
        named.add(code)
        yield from records


def _disorder_records(
    elem: ET.Element, code: str, tree: core.Classification, where: str
) -> list[Record]:
    """The disease record of a product 1 Disorder, then its mappings (or their Problems)."""
    mappings: list[Record] = []
    xrefs: list[str] = []
    for ref in elem.iterfind("ExternalReferenceList/ExternalReference"):
        try:
            object_id = core.xref_id(_text(ref, "Source"), _text(ref, "Reference"))
            relation = _text(ref, "DisorderMappingRelation/Name")
            status = _text(ref, "DisorderMappingValidationStatus/Name")
            mappings.append(core.mapping(code, object_id, relation, status))
            xrefs.append(object_id)
        except ValueError as exc:
            mappings.append(Problem(core.NAME, where, str(exc)))
    obsolete = _is_obsolete(elem)
    record = core.disease(
        code,
        _text(elem, "Name"),
        synonyms=[s for s in (_text(x) for x in elem.iterfind("SynonymList/Synonym")) if s],
        definition=_definition(elem),
        kind=_text(elem, "DisorderType/Name"),
        xrefs=xrefs,
        tree=tree,
        obsolete=obsolete,
        replaced_by=_replacement(elem, code) if obsolete else None,
    )
    return [record, *mappings]


def _is_obsolete(elem: ET.Element) -> bool:
    labels = [(_text(f, "Label") or "").lower()
              for f in elem.iterfind("DisorderFlagList/DisorderFlag")]
    return any(word in label for label in labels for word in ("inactive", "obsolete",
                                                                "deprecated"))


def _replacement(elem: ET.Element, code: str) -> str | None:
    """The disorder an inactive one was moved to (preferred) or is referred to."""
    found: dict[str, str] = {}
    for link in elem.iterfind("DisorderDisorderAssociationList/DisorderDisorderAssociation"):
        kind = (_text(link, "DisorderDisorderAssociationType/Name") or "").lower()
        target = core.plain_code(_text(link, "TargetDisorder/OrphaCode")
                                 or _text(link, "TargetDisorder/OrphaNumber"))
        if target and target != code and kind in ("moved to", "referred to"):
            found.setdefault(kind, f"ORPHA:{target}")
    return found.get("moved to") or found.get("referred to")


def _definition(elem: ET.Element) -> str | None:
    for section in elem.iter("TextSection"):
        if (_text(section, "TextSectionType/Name") or "").lower() == "definition":
            return _text(section, "Contents")
    return None


# --- products 4, 6, 9: phenotypes, genes, prevalence, onset and inheritance -------------


def _facts(
    path: Path, tree: core.Classification, named: set[str] | None
) -> Iterator[Record]:
    """Every fact a Disorder element holds; its disease too when no product 1 named it."""
    for found in _coded_disorders(path):
        if isinstance(found, Problem):
            yield found
            continue
        item, code, where = found
        if named is not None and code not in named:
            named.add(code)
            try:
                yield core.disease(code, _text(item, "Name"),
                                   kind=_text(item, "DisorderType/Name"), tree=tree)
            except ValueError as exc:
                yield Problem(core.NAME, where, str(exc))
        yield from _annotations(item, code, where)
        yield from _genes(item, code, where)
        yield from _prevalences(item, code, where)
        yield from _attributes(item, code)


def _annotations(elem: ET.Element, code: str, where: str) -> Iterator[Record]:
    for link in elem.iter("HPODisorderAssociation"):
        criteria = (_text(link, "DiagnosticCriteria/Name") or "").lower()
        try:
            yield core.annotation(code, _text(link, "HPO/HPOId"),
                                  _text(link, "HPOFrequency/Name"), "diagnostic" in criteria)
        except ValueError as exc:
            yield Problem(core.NAME, where, str(exc))


def _genes(elem: ET.Element, code: str, where: str) -> Iterator[Record]:
    for link in elem.iter("DisorderGeneAssociation"):
        refs = [(_text(r, "Source"), _text(r, "Reference"))
                for r in link.iterfind("Gene/ExternalReferenceList/ExternalReference")]
        try:
            yield core.gene(code, _text(link, "Gene/Symbol"), _text(link, "Gene/Name"),
                            _text(link, "DisorderGeneAssociationType/Name"), refs)
        except ValueError as exc:
            yield Problem(core.NAME, where, str(exc))


def _prevalences(elem: ET.Element, code: str, where: str) -> Iterator[Record]:
    for item in elem.iter("Prevalence"):
        try:
            yield core.prevalence(
                code,
                kind=_text(item, "PrevalenceType/Name"),
                qualification=_text(item, "PrevalenceQualification/Name"),
                prevalence_class=_text(item, "PrevalenceClass/Name"),
                value=_text(item, "ValMoy"),
                region=_text(item, "PrevalenceGeographic/Name"),
                validation=_text(item, "PrevalenceValidationStatus/Name"),
                sources=_text(item, "Source"),
            )
        except ValueError as exc:
            yield Problem(core.NAME, where, str(exc))


def _attributes(elem: ET.Element, code: str) -> Iterator[Record]:
    lists: tuple[tuple[Literal["onset", "inheritance"], str], ...] = (
        ("onset", "AverageAgeOfOnsetList/AverageAgeOfOnset"),
        ("inheritance", "TypeOfInheritanceList/TypeOfInheritance"),
    )
    for which, xpath in lists:
        seen: set[str] = set()
        for item in elem.iterfind(xpath):
            fact = core.attribute(code, which, _text(item, "Name"))
            if fact is not None and fact.value not in seen:
                seen.add(fact.value)
                yield fact


# --- product 3: classifications ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Node:
    code: str
    name: str | None
    kind: str | None
    parent: str | None


def _classification(path: Path, tree: core.Classification) -> Iterator[Problem]:
    """Add every node of a classification file to the graph; yield what is malformed."""
    for item in _nodes(path):
        if isinstance(item, Problem):
            yield item
        else:
            tree.add(item.code, item.name, item.kind, [item.parent] if item.parent else [])


def _nodes(path: Path) -> Iterator[_Node | Problem]:
    """Each classification node with its parent, streaming.

    Current schema: ``Classification/ClassificationNodeRootList/ClassificationNode/
    (Disorder, ClassificationNodeChildList/ClassificationNode...)``. Older schema: the
    head is ``DisorderList/Disorder`` and the tree hangs below it, with a top
    ``ClassificationNode`` that has no disorder of its own.
    """
    stack: list[ET.Element] = []
    nodes: list[str | None] = []  # the code of each open ClassificationNode
    head: str | None = None  # older schema: the disorder enclosing the whole tree
    for item in _events(path):
        if isinstance(item, Problem):
            yield item
            continue
        event, elem = item
        if event == "start":
            stack.append(elem)
            if elem.tag == "ClassificationNode":
                nodes.append(None)
            continue
        stack.pop()
        parent = stack[-1].tag if stack else ""
        if elem.tag in ("OrphaCode", "OrphaNumber") and parent == "Disorder" and (
            len(stack) >= 2 and stack[-2].tag == "DisorderList"
        ):
            head = core.plain_code(elem.text)
        elif elem.tag == "Disorder" and parent in ("ClassificationNode", "DisorderList"):
            code = _code(elem)
            if code is None:
                yield Problem(core.NAME, f"{path.name}#Disorder id={elem.get('id')}",
                              "classification node without a numeric OrphaCode/OrphaNumber")
            else:
                up = next((c for c in reversed(nodes[:-1]) if c), None) or head
                if parent == "ClassificationNode":
                    nodes[-1] = code
                yield _Node(code, _text(elem, "Name"), _text(elem, "DisorderType/Name"),
                            up if up != code else None)
            _release(elem, stack)
        elif elem.tag == "ClassificationNode":
            nodes.pop()
            _release(elem, stack)


# --- streaming ------------------------------------------------------------------------


def _disorders(path: Path) -> Iterator[ET.Element | Problem]:
    """Each ``Disorder`` element of a product, complete, then released from memory."""
    stack: list[ET.Element] = []
    for item in _events(path):
        if isinstance(item, Problem):
            yield item
            continue
        event, elem = item
        if event == "start":
            stack.append(elem)
            continue
        stack.pop()
        if elem.tag == "Disorder":
            yield elem
            _release(elem, stack)
        elif len(stack) <= 2:  # list containers and record wrappers: done with them
            _release(elem, stack)


def _release(elem: ET.Element, stack: list[ET.Element]) -> None:
    elem.clear()
    if stack:
        stack[-1].remove(elem)


def _events(path: Path) -> Iterator[tuple[str, ET.Element] | Problem]:
    """Start and end events of a file; a Problem where it stops being well-formed."""
    parser: ET.XMLPullParser[ET.Element] = ET.XMLPullParser(events=("start", "end"))
    text = _Decoder()
    try:
        with _open(path) as raw:
            for chunk in text.chunks(raw):
                parser.feed(chunk)
                yield from _drain(parser)
            parser.close()
            yield from _drain(parser)
    except ET.ParseError as exc:
        line, column = exc.position
        yield Problem(core.NAME, f"{path.name}:{line}",
                      f"XML not well-formed at column {column} ({exc}); the rest is skipped")
    except (OSError, EOFError, zlib.error) as exc:
        yield Problem(core.NAME, path.name, f"file unreadable (truncated download?): {exc}")
    if text.problem:
        yield Problem(core.NAME, f"{path.name}:{text.problem[0]}", text.problem[1])


def _drain(parser: ET.XMLPullParser[ET.Element]) -> Iterator[tuple[str, ET.Element]]:
    for event in parser.read_events():
        # Only start/end events were asked for: each is (name, element).
        if len(event) == 2 and isinstance(event[1], ET.Element):
            yield event[0], event[1]


class _Readable(Protocol):
    def read(self, size: int, /) -> bytes: ...


@contextmanager
def _open(path: Path) -> Iterator[_Readable]:
    with path.open("rb") as handle:
        if handle.read(2) != b"\x1f\x8b":
            handle.seek(0)
            yield handle
        else:
            handle.seek(0)
            yield _Gunzip(handle)


class _Gunzip:
    """Decompresses gzip as it reads, handing over every byte before a cut-off end.

    ``gzip.GzipFile`` drops the data of the read that meets a truncated end; a cut
    download should still give every disorder before the cut.
    """

    def __init__(self, handle: _Readable) -> None:
        self._handle = handle
        self._unzip = zlib.decompressobj(16 + zlib.MAX_WBITS)

    def read(self, size: int, /) -> bytes:
        """Up to ``size`` decompressed bytes; b"" at the end; EOFError if cut short."""
        while True:
            if self._unzip.eof:  # end of a member: another may follow
                data = self._unzip.unused_data or self._handle.read(CHUNK)
                if not data:
                    return b""
                self._unzip = zlib.decompressobj(16 + zlib.MAX_WBITS)
            else:
                data = self._unzip.unconsumed_tail or self._handle.read(CHUNK)
                if not data:
                    raise EOFError("compressed file ended before the end-of-stream marker")
            out = self._unzip.decompress(data, size)
            if out:
                return out


class _Decoder:
    """Bytes -> text: declared encoding, else UTF-8 with an ISO-8859-1 fallback."""

    def __init__(self) -> None:
        self.problem: tuple[int, str] | None = None  # (line, what is wrong)
        self._lines = 1
        self._non_ascii = False

    def chunks(self, raw: _Readable) -> Iterator[str]:
        """The decoded text, chunk by chunk."""
        data = raw.read(CHUNK)
        encoding, declared = self._encoding(data)
        decoder = codecs.getincrementaldecoder(encoding)("strict")
        while data:
            pending = decoder.getstate()[0]
            try:
                text = decoder.decode(data)
            except UnicodeDecodeError as exc:
                encoding, errors = self._recover(encoding, declared, pending + data, exc)
                decoder = codecs.getincrementaldecoder(encoding)(errors)
                text = decoder.decode(pending + data)
            yield self._count(text)
            data = raw.read(CHUNK)
        try:
            yield self._count(decoder.decode(b"", final=True))
        except UnicodeDecodeError:
            self.problem = self.problem or (self._lines, f"ends inside a {_shown(encoding)} "
                                                         "character")

    def _encoding(self, head: bytes) -> tuple[str, bool]:
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16", True
        match = _DECLARED.match(head.removeprefix(codecs.BOM_UTF8))
        if match is None:
            return "utf-8-sig", False
        name = match.group(1).decode("ascii")
        try:
            found = codecs.lookup(name).name
        except LookupError:
            self.problem = (1, f"declares the unknown encoding {name!r}; read as UTF-8")
            return "utf-8-sig", False
        return ("utf-8-sig" if found == "utf-8" else found), True

    def _recover(
        self, encoding: str, declared: bool, data: bytes, exc: UnicodeDecodeError
    ) -> tuple[str, str]:
        # Valid multi-byte UTF-8 before the bad byte means the file is UTF-8 and damaged.
        utf8_seen = self._non_ascii or not data[: exc.start].isascii()
        if not declared and not utf8_seen:
            return "iso-8859-1", "strict"  # no declaration and no UTF-8 seen: Latin-1
        line = self._lines + data[: exc.start].count(b"\n")
        self.problem = self.problem or (line, f"not valid {_shown(encoding)}"
                                              f"{' as declared' if declared else ''} "
                                              f"({exc.reason}); undecodable bytes replaced "
                                              "with U+FFFD and the rest read")
        return encoding, "replace"

    def _count(self, text: str) -> str:
        self._lines += text.count("\n")
        self._non_ascii = self._non_ascii or not text.isascii()
        return text


# --- small helpers -----------------------------------------------------------------------


def _shown(encoding: str) -> str:
    return encoding.removesuffix("-sig").upper()


def _text(elem: ET.Element, path: str = "") -> str | None:
    found = elem.find(path) if path else elem
    if found is None:
        return None
    text = "".join(found.itertext()).strip()
    return text or None


def _code(elem: ET.Element) -> str | None:
    return core.plain_code(_text(elem, "OrphaCode") or _text(elem, "OrphaNumber"))


def _coded_disorders(path: Path) -> Iterator[tuple[ET.Element, str, str] | Problem]:
    """Each Disorder with its OrphaCode and location; a Problem for one without a code."""
    for item in _disorders(path):
        if isinstance(item, Problem):
            yield item
            continue
        code, where = _identify(path, item)
        if code is None:
            yield Problem(core.NAME, where, "disorder without a numeric OrphaCode/OrphaNumber")
            continue
        yield item, code, where


def _identify(path: Path, elem: ET.Element) -> tuple[str | None, str]:
    code = _code(elem)
    label = f"ORPHA:{code}" if code else f"Disorder id={elem.get('id')}"
    return code, f"{path.name}#{label}"


def _diseases_of(tree: core.Classification, named: set[str]) -> Iterator[Record]:
    for code in tree.codes():
        named.add(code)
        try:
            yield core.disease(code, tree.name_of(code), kind=tree.kind_of(code), tree=tree)
        except ValueError as exc:
            yield Problem(core.NAME, f"classification#ORPHA:{code}", str(exc))
