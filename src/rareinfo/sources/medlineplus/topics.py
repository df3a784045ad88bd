"""MedlinePlus health topics XML (the official daily download) as ``PlainText`` summaries.

Each English ``<health-topic>`` gives one "information" section: its ``full-summary``
(HTML: paragraphs and lists, as an element tree in some files and as escaped text in
others), its title, "also called" names, MeSH headings and primary NIH institute. The
file is read element by element (``iterparse``), each topic dropped once read.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path

from rareinfo.records import PlainBlock, PlainCollection, PlainText, Problem
from rareinfo.sources import tabular

NAME = "medlineplus"
COLLECTION: PlainCollection = "MPlusHealthTopics"
FILE_NAME = re.compile(r"mplus_topics[^/]*\.xml(\.gz)?$", re.IGNORECASE)
_GENERATED = "%m/%d/%Y %H:%M:%S"
_BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "div"}
_CREDIT = re.compile(r"^(NIH: .+|Centers for Disease Control and Prevention|"
                     r"Food and Drug Administration)$")


def is_topics_file(path: Path) -> bool:
    """True for a health topics XML file by its official name."""
    return path.is_file() and FILE_NAME.search(path.name) is not None


def generated(path: Path) -> date | None:
    """The ``date-generated`` of a health topics file (read from its first lines)."""
    found = re.search(r'date-generated="([^"]+)"', _head(path))
    if not found:
        return None
    try:
        return datetime.strptime(found.group(1), _GENERATED).date()
    except ValueError:
        return None


def _head(path: Path) -> str:
    return tabular.sniff(path, 4096)


def read_topics(path: Path) -> Iterator[PlainText | Problem]:
    """One information section per English health topic with a summary."""
    where = path.name
    day = generated(path)
    count = 0
    try:
        with tabular.open_binary(path) as handle:
            for _, element in ET.iterparse(handle, events=("end",)):
                if element.tag != "health-topic":
                    continue
                count += 1
                yield from _topic(f"{where}#{element.get('id') or count}", element, day)
                element.clear()
    except ET.ParseError as exc:
        yield Problem(NAME, where, f"health topics XML broken after {count} topics: {exc}")
    except tabular.CORRUPT as exc:
        yield Problem(NAME, where, f"health topics file unreadable after {count} topics "
                                   f"(truncated or corrupt?): {exc}")


def _topic(where: str, element: ET.Element,
           day: date | None) -> Iterator[PlainText | Problem]:
    if (element.get("language") or "English") != "English":
        return
    topic_id = (element.get("id") or "").strip()
    title = " ".join((element.get("title") or "").split())
    url = (element.get("url") or "").strip()
    if not topic_id or not title or not url.startswith(("http://", "https://")):
        yield Problem(NAME, where, "health topic without an id, title or address")
        return
    summary = element.find("full-summary")
    blocks, credit = summary_blocks(summary) if summary is not None else ((), None)
    if not blocks:
        yield Problem(NAME, where, f"health topic {title!r} has no summary")
        return
    institute = element.find("primary-institute")
    if credit is None and institute is not None and (institute.text or "").strip():
        credit = " ".join((institute.text or "").split())
    synonyms = tuple(dict.fromkeys(
        " ".join((e.text or "").split()) for e in element.findall("also-called")
        if (e.text or "").strip()))
    yield PlainText(source=NAME, collection=COLLECTION,
                    document_id=f"{COLLECTION}:topic-{topic_id}", url=url, focus=title,
                    section="information", blocks=blocks,
                    question=f"What is {title}?", position=1, synonyms=synonyms,
                    credit=credit, captured=day.isoformat() if day else "")


def summary_blocks(summary: ET.Element) -> tuple[tuple[PlainBlock, ...], str | None]:
    """Paragraphs and lists of a ``full-summary`` (elements or escaped HTML), and its credit."""
    html = (summary.text or "") + "".join(
        ET.tostring(child, encoding="unicode") for child in summary)
    parser = _Summary()
    parser.feed(html)
    parser.close()
    blocks = parser.blocks()
    credit = None
    if blocks and blocks[-1].kind == "paragraph" and _CREDIT.match(blocks[-1].text):
        credit = blocks[-1].text
        blocks = blocks[:-1]
    return tuple(blocks), credit


class _Summary(HTMLParser):
    """Collects <p> paragraphs and <ul>/<ol> items; other tags keep only their words."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._out: list[PlainBlock] = []
        self._items: list[str] = []
        self._text: list[str] = []
        self._lists = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS or tag in ("ul", "ol", "br"):
            self._flush()
        if tag in ("ul", "ol"):
            self._lists += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag in ("ul", "ol"):
            self._lists = max(0, self._lists - 1)
            if not self._lists:
                self._close_list()

    def handle_data(self, data: str) -> None:
        self._text.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._text).split())
        self._text.clear()
        if not text:
            return
        if self._lists:
            self._items.append(text)
        else:
            self._close_list()
            self._out.append(PlainBlock("paragraph", text=text))

    def _close_list(self) -> None:
        if self._items:
            self._out.append(PlainBlock("list", items=tuple(self._items)))
            self._items = []

    def blocks(self) -> list[PlainBlock]:
        self._flush()
        self._close_list()
        return self._out
