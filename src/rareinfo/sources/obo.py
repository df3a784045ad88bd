"""OBO 1.4 flat files (hp.obo, mondo.obo) read with fastobo, tolerant of bad stanzas.

fastobo parses the whole file in Rust (about 1.3 s for hp.obo); when a stanza is
malformed it stops, so we then fall back to parsing stanza by stanza, reporting each
bad one with its line number and keeping all the good ones.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import fastobo

from rareinfo.records import Synonym, SynonymScope

_SCOPES: frozenset[str] = frozenset({"EXACT", "BROAD", "NARROW", "RELATED"})


@dataclass(slots=True)
class OboTerm:
    """The clauses of one [Term] stanza that rareinfo uses."""

    id: str
    line: int
    name: str | None = None
    definition: str | None = None
    comment: str | None = None
    synonyms: list[Synonym] = field(default_factory=list)
    xrefs: list[str] = field(default_factory=list)
    parents: list[str] = field(default_factory=list)
    alt_ids: list[str] = field(default_factory=list)
    obsolete: bool = False
    replaced_by: str | None = None
    consider: list[str] = field(default_factory=list)
    subsets: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class OboError:
    """A stanza that could not be parsed."""

    line: int
    message: str


@dataclass(frozen=True, slots=True)
class OboHeader:
    """The header facts we keep: the release."""

    data_version: str | None


_DATA_VERSION_RE = re.compile(r"^data-version:\s*(\S+)", re.MULTILINE)
_VERSION_INFO_RE = re.compile(r'owl:versionInfo\s+"([^"]+)"')


def read_header(path: Path) -> OboHeader:
    """Read the data-version (or owl:versionInfo) from the header without parsing the file."""
    with path.open(encoding="utf-8", errors="replace") as handle:
        head = []
        for line in handle:
            if line.startswith("["):
                break
            head.append(line)
    text = "".join(head)
    match = _DATA_VERSION_RE.search(text) or _VERSION_INFO_RE.search(text)
    return OboHeader(match.group(1) if match else None)


def iter_terms(path: Path) -> Iterator[OboTerm | OboError]:
    """Yield every [Term] stanza of an OBO file, and an OboError for each malformed one.

    Bytes that are not UTF-8 are replaced (and reported once); a file without a single
    [Term] stanza is reported, since it is not the ontology it was taken for.
    """
    text = path.read_text(encoding="utf-8", errors="replace")
    if (bad := text.find(_REPLACED)) >= 0:
        lines = sum(1 for line in text.splitlines() if _REPLACED in line)
        first = text.count("\n", 0, bad) + 1
        yield OboError(first, f"{lines} line(s) not UTF-8 (first at line {first}); "
                              "undecodable bytes replaced with U+FFFD")
    if not _TERM_STANZA.search(text):
        yield OboError(1, "no [Term] stanza: not an OBO ontology (damaged or wrong file?)")
        return
    try:
        doc = fastobo.loads(text)
    except SyntaxError:
        yield from _iter_terms_tolerant(text)
        return
    line_of = _stanza_lines(text)
    for frame in doc:
        if isinstance(frame, fastobo.term.TermFrame):
            yield _convert(frame, line_of.get(str(frame.id), 0))


_REPLACED = "\ufffd"
_TERM_STANZA = re.compile(r"^\[Term\]", re.MULTILINE)
_STANZA_ID_RE = re.compile(r"^\[(\w+)\]\s*\nid:\s*(\S+)", re.MULTILINE)


def _stanza_lines(text: str) -> dict[str, int]:
    lines: dict[str, int] = {}
    line, position = 1, 0
    for match in _STANZA_ID_RE.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        lines[match.group(2)] = line
    return lines


def _iter_terms_tolerant(text: str) -> Iterator[OboTerm | OboError]:
    starts = [m.start() for m in re.finditer(r"^\[", text, re.MULTILINE)]
    header = text[: starts[0]] if starts else text
    try:
        fastobo.loads(header)
    except SyntaxError:
        header = "format-version: 1.2\n"
    bounds = [*starts, len(text)]
    line, position = 1, 0
    for begin, end in itertools.pairwise(bounds):
        stanza = text[begin:end]
        line += text.count("\n", position, begin)
        position = begin
        if not stanza.startswith("[Term]"):
            continue
        try:
            doc = fastobo.loads(header + "\n" + stanza)
        except SyntaxError as exc:
            yield OboError(line, _syntax_message(exc, line, header))
            continue
        for frame in doc:
            yield _convert(frame, line)


def _syntax_message(exc: SyntaxError, stanza_line: int, header: str) -> str:
    offset = (exc.lineno or 0) - header.count("\n") - 2
    where = stanza_line + max(offset, 0)
    return f"line {where}: {exc.msg}"


def _convert(frame: Any, line: int) -> OboTerm:
    term = OboTerm(id=str(frame.id), line=line)
    for clause in frame:
        kind = type(clause).__name__
        if kind == "NameClause":
            term.name = str(clause.name)
        elif kind == "DefClause":
            term.definition = str(clause.definition)
        elif kind == "CommentClause":
            term.comment = str(clause.comment)
        elif kind == "SynonymClause":
            term.synonyms.append(_synonym(clause.synonym))
        elif kind == "XrefClause":
            term.xrefs.append(str(clause.xref.id))
        elif kind == "IsAClause":
            term.parents.append(str(clause.term))
        elif kind == "AltIdClause":
            term.alt_ids.append(str(clause.alt_id))
        elif kind == "IsObsoleteClause":
            term.obsolete = bool(clause.obsolete)
        elif kind == "ReplacedByClause":
            term.replaced_by = str(clause.term)
        elif kind == "ConsiderClause":
            term.consider.append(str(clause.term))
        elif kind == "SubsetClause":
            term.subsets.append(str(clause.subset))
    return term


def _synonym(synonym: Any) -> Synonym:
    scope: SynonymScope = synonym.scope if synonym.scope in _SCOPES else "RELATED"
    kind = str(synonym.type) if synonym.type is not None else None
    return Synonym(text=str(synonym.desc), scope=scope, type=kind)
