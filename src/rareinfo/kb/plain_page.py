"""The plain-language part of a page: NIH's texts in the order of a "Condition 101" page.

A page shows the texts linked to it (rareinfo.kb.plain_links): its own, then those about
a childhood or adult form of it. A subtype's texts are shown too, under a heading naming
the subtype, and a page without texts of its own shows its parent's the same way; both
only when the subtype's name holds the parent's (classification edges alone put B-cell
CLL under ALL, and CLL must never show ALL's text).
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, Row, select

from rareinfo.kb import schema
from rareinfo.kb.models import PlainGroup, PlainPassage, PlainSection
from rareinfo.kb.plain_links import FORM_WORDS
from rareinfo.kb.treatments import canonical_tokens
from rareinfo.records import PlainBlock, PlainBlockKind

# The page's sections in the order and words of the "Condition 101" page, and the
# question types whose answers go in each.
SECTIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("What is it?", "plain-what", ("information",)),
    ("Symptoms", "plain-symptoms", ("symptoms",)),
    ("Causes", "plain-causes", ("causes", "genetic changes", "susceptibility")),
    ("Is it inherited?", "plain-inherited", ("inheritance",)),
    ("How common is it?", "plain-frequency", ("frequency",)),
    ("Diagnosis and tests", "plain-diagnosis", ("exams and tests",)),
    ("Treatment", "plain-treatment", ("treatment",)),
    ("Outlook", "plain-outlook", ("outlook",)),
    ("Complications", "plain-complications", ("complications",)),
    ("Prevention", "plain-prevention", ("prevention",)),
    ("Research", "plain-research", ("research",)),
)
COLLECTIONS: dict[str, str] = {
    "GHR": "MedlinePlus Genetics (formerly Genetics Home Reference)",
    "GARD": "GARD, NIH Genetic and Rare Diseases Information Center",
    "MPlusHealthTopics": "MedlinePlus",
    "CancerGov": "National Cancer Institute (PDQ)",
    "NINDS": "National Institute of Neurological Disorders and Stroke",
    "NIDDK": "National Institute of Diabetes and Digestive and Kidney Diseases",
    "NHLBI": "National Heart, Lung, and Blood Institute",
    "CDC": "Centers for Disease Control and Prevention",
    "NIHSeniorHealth": "NIHSeniorHealth (National Institute on Aging)",
}
_ORDER = {name: rank for rank, name in enumerate(COLLECTIONS)}
_SECTION_OF = {qtype: index for index, (_, _, qtypes) in enumerate(SECTIONS)
               for qtype in qtypes}


def page_plain(conn: Connection, disease_id: str, name: str) -> tuple[PlainGroup, ...]:
    """The plain-language groups of one page: own, forms, subtypes, else parents."""
    link = schema.plain_link
    own = list(conn.execute(select(link).where(link.c.disease_id == disease_id)))
    groups = [g for g in (_group(conn, "own", disease_id, name, None,
                                 [r for r in own if r.about is None]),) if g]
    by_form: dict[str, list[Row[Any]]] = defaultdict(list)
    for row in own:
        if row.about is not None:
            by_form[row.about].append(row)
    for about, rows in by_form.items():
        group = _group(conn, "form", disease_id, name, f"About {_form_name(about, name)}",
                       rows)
        if group:
            groups.append(group)
    for child_id, child_name in _named_relatives(conn, disease_id, name, "child"):
        rows = list(conn.execute(select(link).where(link.c.disease_id == child_id)))
        group = _group(conn, "subtype", child_id, child_name,
                       f"About {_lower_first(child_name)}, a subtype", rows)
        if group:
            groups.append(group)
    if not own:
        for parent_id, parent_name in _named_relatives(conn, disease_id, name, "parent"):
            rows = list(conn.execute(select(link).where(link.c.disease_id == parent_id,
                                                        link.c.about.is_(None))))
            group = _group(conn, "parent", parent_id, parent_name,
                           f"About {_lower_first(parent_name)}, the broader condition", rows)
            if group:
                groups.append(group)
    return tuple(groups)


def _named_relatives(conn: Connection, disease_id: str, name: str,
                     relation: str) -> list[tuple[str, str]]:
    """Subtypes whose name holds this page's name, or parents whose name this one holds."""
    dl, d = schema.disease_link, schema.disease
    rows = conn.execute(select(d.c.id, d.c.name).join(dl, dl.c.other_id == d.c.id).where(
        dl.c.disease_id == disease_id, dl.c.relation == relation).order_by(dl.c.id)).all()
    mine = canonical_tokens(name)
    found: dict[str, str] = {}
    for row in rows:
        theirs = canonical_tokens(row.name)
        inner, outer = (mine, theirs) if relation == "child" else (theirs, mine)
        if inner and inner != outer and _contains(outer, inner):
            found.setdefault(row.id, row.name)
    return list(found.items())


def _contains(words: tuple[str, ...], part: tuple[str, ...]) -> bool:
    return any(words[i:i + len(part)] == part for i in range(len(words) - len(part) + 1))


def _group(conn: Connection, relation: str, about_id: str, about_name: str,
           heading: str | None, links: list[Row[Any]]) -> PlainGroup | None:
    if not links:
        return None
    s = schema.plain_section
    rows = conn.execute(select(s).where(s.c.document_id.in_([r.document_id for r in links]))
                        .order_by(s.c.id)).all()
    passages: dict[int, list[tuple[int, int, PlainPassage]]] = defaultdict(list)
    seen: set[tuple[str, int]] = set()
    for row in rows:
        index = _SECTION_OF.get(row.section)
        if index is None or (row.document_id, row.position) in seen:
            continue  # a question type without a section here; or a repeated excerpt
        seen.add((row.document_id, row.position))
        passages[index].append((_ORDER.get(row.collection, 99), row.id, _passage(row)))
    sections = tuple(
        PlainSection(SECTIONS[index][0], SECTIONS[index][1],
                     tuple(p for _, _, p in sorted(passages[index], key=lambda x: x[:2])))
        for index in sorted(passages))
    return PlainGroup(relation, about_id, about_name, heading, sections) if sections else None


def _passage(row: Row[Any]) -> PlainPassage:
    blocks = tuple(_block(b) for b in json.loads(row.blocks))
    return PlainPassage(blocks, row.collection, COLLECTIONS.get(row.collection, row.collection),
                        row.url, row.captured, row.focus, row.credit)


def _block(data: dict[str, Any]) -> PlainBlock:
    kind: PlainBlockKind = data["kind"]
    return PlainBlock(kind, data.get("text") or "", tuple(data.get("items") or ()))


def _lower_first(name: str) -> str:
    """"childhood acute ..." for "Childhood acute ..."; acronyms ("ALL", "HbA1c") kept."""
    if len(name) > 1 and name[1].isupper():
        return name
    return name[:1].lower() + name[1:]


def _form_name(about: str, page_name: str) -> str:
    """"adult acute lymphoblastic leukemia": the form's words, then the page's name."""
    words = [w.lower() for w in about.split() if w.lower() in FORM_WORDS]
    return " ".join([*words, _lower_first(page_name)]) if words else about

