"""Plain-language answers as structure: site boilerplate removed, paragraphs and lists kept.

The MedQuAD documents keep the sites' layout only as whitespace: a new line or a run of
spaces between paragraphs, and list items as ``-`` after a run of spaces. ``structure``
turns that back into paragraphs, lists and sub-headings. ``clean`` removes what the
sites printed around the content and only that: GARD's restatement of the HPO symptom
table (the page shows the table itself, with IDs), the "Español" link at the top of
NHLBI pages, NIHSeniorHealth's video player instructions, the "On this Page" list of the
page's own headings at the top of CDC pages, MedlinePlus' "Summary :" label and its
closing credit line (kept apart as the credit, not dropped).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rareinfo.records import PlainBlock

# GARD prints the HPO table as prose between these two sentences; the end sentence is
# the same on every page of the 2017 site.
_HPO_START = re.compile(r"The Human Phenotype Ontology provides the following list of signs "
                        r"and symptoms")
_HPO_END = "may be rare or common."
# The Spanish-page link, as crawled (the "ñ" was lost: "Espaol").
_SPANISH_LINK = re.compile(r"^\s*Espa(?:ñ|n)?ol\s*(?:\n|\s{2,})")
# Video player instructions (with the nested "(AUD)" and "(Esc)" of the real text).
_VIDEO = re.compile(r"\(\s*Watch the video[^()]*(?:\([^()]*\)[^()]*)*\)")
# CDC pages open with "On this Page" and the page's headings, run together in the crawl.
# The list ends where its first heading comes again (the content's first heading) or at
# the first wide gap, whichever is first; a list holds no sentence, so a stretch that
# does (or a page without either end) is left whole rather than cut into the content.
_ON_THIS_PAGE = re.compile(r"\bOn this Page\s+(?=[A-Z])(?!You\b)")
_PAGE_LIST_START = 200  # "On this Page" comes at most after the page's title
_PAGE_LIST_LENGTH = 2000
_SENTENCE_END = re.compile(r"[.!]\s")
_SUMMARY_LABEL = re.compile(r"^\s*Summary\s*:\s*")
# A MedlinePlus summary ends with the agency it comes from, after a wide gap.
_CREDIT = re.compile(r"\s{3,}((?:NIH: )?[A-Z][\w.,'’ &-]{3,100})\s*$")
_CREDIT_WORDS = ("NIH", "Institute", "Centers", "Department", "Dept.", "Office", "Agency",
                 "Administration", "Food", "National", "Health")
_GAP = re.compile(r"\n|\s{2,}")
_BULLET = re.compile(r"^-\s*")
_END_PUNCTUATION = (".", "!", "?", ":", ";", ")", '"', "”", "'")
_QUESTION_WORDS = ("what", "how", "is", "are", "can", "do", "does", "who", "when", "why",
                   "which", "should", "will", "where")
_QUESTION = re.compile(r"(?<![\w-])([A-Z][^.?!]{3,250}\?)(?=\s+[A-Z0-9\"“(]|\s*$)")
_HEADING_WORDS = 8
_ITEM_WORDS = 14


@dataclass(frozen=True, slots=True)
class Cleaned:
    """An answer's text with the site's boilerplate taken out, and what was taken."""

    text: str
    credit: str | None
    removed: tuple[str, ...]  # names of the boilerplate removed, for the tests and reports


def clean(text: str, collection: str) -> Cleaned:
    """Remove the site boilerplate of ``collection`` from one answer, keep all content."""
    text = text.replace("\xa0", " ").replace("\r\n", "\n")
    removed: list[str] = []
    credit = None
    if collection == "GARD":
        text, cut = _without_hpo_table(text)
        if cut:
            removed.append("hpo-table")
    if collection == "NHLBI" and _SPANISH_LINK.match(text):
        text = _SPANISH_LINK.sub("", text, count=1)
        removed.append("spanish-link")
    text, cut = _without_page_contents(text)
    if cut:
        removed.append("page-contents")
    if _VIDEO.search(text):
        text = _VIDEO.sub(" ", text)
        removed.append("video-instructions")
    if collection == "MPlusHealthTopics":
        if _SUMMARY_LABEL.match(text):
            text = _SUMMARY_LABEL.sub("", text, count=1)
            removed.append("summary-label")
        found = _CREDIT.search(text)
        if found and _is_credit(found.group(1)):
            credit = found.group(1).strip()
            text = text[: found.start()]
            removed.append("credit")
    return Cleaned(text.strip(), credit, tuple(removed))


def _is_credit(line: str) -> bool:
    words = line.split()
    return (not line.rstrip().endswith((".", "?", "!", ":"))
            and len(words) <= 15 and any(word in line for word in _CREDIT_WORDS))


def _without_hpo_table(text: str) -> tuple[str, bool]:
    start = _HPO_START.search(text)
    if start is None:
        return text, False
    end = text.find(_HPO_END, start.end())
    # Without the closing sentence the rest is the table itself (a cut page).
    rest = text[end + len(_HPO_END):] if end >= 0 else ""
    return text[: start.start()] + "\n" + rest, True


def _without_page_contents(text: str) -> tuple[str, bool]:
    found = _ON_THIS_PAGE.search(text)
    if found is None or found.start() > _PAGE_LIST_START:
        return text, False
    rest = text[found.end():]
    first = rest.split()[:2]
    ends = []
    if len(first) == 2:
        again = re.compile(rf"(?<!\S){re.escape(first[0])}\s+{re.escape(first[1])}(?!\S)")
        repeated = again.search(rest, len(first[0]) + 1)
        if repeated:
            ends.append(repeated.start())
    gap = _GAP.search(rest)
    if gap:
        ends.append(gap.start())
    if not ends:
        return text, False
    end = min(ends)
    listed = rest[:end]
    if not listed.strip() or len(listed) > _PAGE_LIST_LENGTH or _SENTENCE_END.search(listed):
        return text, False
    return text[:found.start()] + "\n" + rest[end:], True


def structure(text: str, *, questions_are_headings: bool = False) -> tuple[PlainBlock, ...]:
    """Paragraphs, lists and sub-headings of a cleaned answer, every word kept in order."""
    segments = _segments(text)
    if questions_are_headings:
        segments = [piece for segment in segments for piece in _split_questions(segment)]
    blocks: list[PlainBlock] = []
    items: list[str] = []
    introduced = False  # the previous paragraph ended with ":" (a list follows)

    def close_list() -> None:
        if items:
            blocks.append(PlainBlock("list", items=tuple(items)))
            items.clear()

    for index, (segment, bullet) in enumerate(segments):
        last = index == len(segments) - 1
        if bullet or (introduced and _looks_like_item(segment)):
            items.append(segment)
            continue
        close_list()
        introduced = False
        question = questions_are_headings and _is_question(segment)
        if question or (_looks_like_heading(segment) and not last):
            blocks.append(PlainBlock("heading", text=segment))
        else:
            blocks.append(PlainBlock("paragraph", text=segment))
            introduced = segment.endswith(":")
    close_list()
    return tuple(blocks)


def _segments(text: str) -> list[tuple[str, bool]]:
    """(text, is a list item) for each piece between gaps, sentences never cut in two."""
    out: list[tuple[str, bool]] = []
    for raw in _GAP.split(text):
        piece = " ".join(raw.split())
        if not piece:
            continue
        if piece == "-":  # "-  Fever": the item's words come after a wide gap
            out.append(("", True))
            continue
        bullet = _BULLET.match(piece) is not None and len(piece) > 1 and piece[1] in " \t"
        if bullet:
            out.append((_BULLET.sub("", piece, count=1), True))
        elif out and out[-1][1] and not out[-1][0]:
            out[-1] = (piece, True)
        elif out and not out[-1][1] and not out[-1][0].endswith(_END_PUNCTUATION) \
                and piece[:1].islower():
            # A double space inside a sentence is not a paragraph break.
            out[-1] = (f"{out[-1][0]} {piece}", False)
        else:
            out.append((piece, False))
    return [(piece, bullet) for piece, bullet in out if piece]


def _split_questions(segment: tuple[str, bool]) -> list[tuple[str, bool]]:
    """GARD answers hold their sub-headings as question sentences: one block each."""
    text, bullet = segment
    if bullet:
        return [segment]
    out: list[tuple[str, bool]] = []
    position = 0
    for found in _QUESTION.finditer(text):
        question = found.group(1)
        if question.split(" ", 1)[0].lower() not in _QUESTION_WORDS:
            continue
        before = text[position:found.start()].strip()
        if before:
            out.append((before, False))
        out.append((question, False))
        position = found.end()
    rest = text[position:].strip()
    if rest:
        out.append((rest, False))
    return out


def _is_question(text: str) -> bool:
    return text.endswith("?") and text.split(" ", 1)[0].lower() in _QUESTION_WORDS


def _looks_like_heading(text: str) -> bool:
    return (len(text.split()) <= _HEADING_WORDS and not text.endswith(_END_PUNCTUATION)
            and text[:1].isupper() and not text.endswith(","))


def _looks_like_item(text: str) -> bool:
    """An unmarked list item after "...:": a short phrase, not a sentence."""
    return len(text.split()) <= _ITEM_WORDS and not text.endswith((".", ":", "?", "!"))


def words(blocks: tuple[PlainBlock, ...]) -> list[str]:
    """Every word of the blocks in order (what the tests compare with the source text)."""
    out: list[str] = []
    for block in blocks:
        for piece in (block.text, *block.items):
            out.extend(piece.split())
    return out
