"""Audit checks of what pages show: products, names, modes, frequencies and text.

Pages are read through the read API (``KnowledgeBase.disease``), exactly as the web and
the command line show them. Reading all 17,000 pages takes minutes, so a cheap pass over
the tables first picks the pages that could show each defect (a page whose rows hold no
two designations cannot repeat a product); only those are read and judged.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from sqlalchemy import Connection, func, select

from rareinfo.kb import schema
from rareinfo.kb.audit.types import Finding
from rareinfo.kb.disease_page import frequency_band
from rareinfo.kb.models import Disease, SourcedTerm
from rareinfo.kb.names import fold_name, one_letter_apart
from rareinfo.kb.queries import KnowledgeBase
from rareinfo.kb.treatments import product_key
from rareinfo.normalize import normalize

_MOJIBAKE_RE = re.compile(r"[ÃÂ][\u0080-\u00bf]|â€|[\u3400-\u9fff]|\ufffd")
# Lower case only: "Hemophilia A" ends in a letter, not an article.
_DANGLING_RE = re.compile(r"\b(in|of|the|and|with|to|for|by)\s*$")
# Spanish medical words that are always written with an accent: their plain form shows a
# name rebuilt from a web address, not written by a person.
_UNACCENTED_SPANISH = frozenset({
    "sindrome", "deficit", "congenita", "congenito", "genetica", "genetico", "cronica",
    "cronico", "atipica", "atipico", "hipofisis", "linfoblastica", "mieloide", "cardiaca",
    "oftalmoplejia", "hemolitica", "autoinmune", "enfermedad"})
_ACCENT_NEEDED = frozenset(_UNACCENTED_SPANISH - {"mieloide", "autoinmune", "enfermedad"})
# "as: 1) chemotherapy ...; b) ...": list marks, not brackets ("type 2)" is a bracket).
_LIST_MARK_RE = re.compile(r"(?:^|(?<=[:;,.]\s)|(?<=[:;,.]))\s*(?:[a-z]|[ivx]{1,4}|\d{1,2})\)")
_WRITTEN_WORD_RE = re.compile(r"\w+(?:['’]\w+)?")
_EMPTY_MODES = frozenset({"not applicable", "unknown"})


def scan_pages(kb: KnowledgeBase, findings: dict[str, list[Finding]]) -> int:
    """Read the candidate pages and add their findings; returns how many pages were read."""
    with kb.engine.connect() as conn:
        candidates = sorted(_candidates(conn))
    for page_id in candidates:
        page = kb.disease(page_id)
        if page is not None:
            judge_page(page, findings)
    kb.disease.cache_clear()
    return len(candidates)


def judge_page(page: Disease, findings: dict[str, list[Finding]]) -> None:
    """Add the content findings of one page."""
    findings["repeated products"] += _repeated_products(page)
    findings["folded duplicate names"] += _folded_names(page)
    findings["repeated modes"] += _repeated_modes(page, "inheritance", page.inheritance)
    findings["repeated modes"] += _repeated_modes(page, "onset", page.onset)
    findings["silent frequency disagreement"] += _frequencies(page)
    findings["damaged text"] += _damaged(page, findings["damaged source text"])


def _repeated_products(page: Disease) -> list[Finding]:
    # A product is its generic and trade name: Sprycel and Phyrago are two dasatinibs.
    entries = Counter((product_key(t.generic_name), normalize(t.trade_name or ""))
                      for t in page.treatments)
    return [Finding(page.id, f"{page.id}: {' / '.join(filter(None, key))!r} in {n} "
                             "treatment entries")
            for key, n in sorted(entries.items()) if n > 1]


def _folded_names(page: Disease) -> list[Finding]:
    groups: dict[str, list[str]] = defaultdict(list)
    for name in (page.name, *page.synonyms):
        groups[fold_name(name)].append(name)
    return [Finding(page.id, f"{page.id}: " + " = ".join(repr(n) for n in names))
            for names in groups.values() if len(names) > 1]


def mode_key(term: SourcedTerm) -> str:
    """What mode a row states: its HPO term, else its folded name without 'inheritance'."""
    return term.id or fold_name(term.name).removesuffix(" inheritance")


def _repeated_modes(page: Disease, what: str, terms: tuple[SourcedTerm, ...]) -> list[Finding]:
    out = []
    keys = Counter(mode_key(t) for t in terms)
    for key, n in sorted(keys.items()):
        if n > 1:
            out.append(Finding(page.id, f"{page.id}: {what} {key!r} in {n} rows"))
    empty = [t.name for t in terms if t.name.casefold() in _EMPTY_MODES]
    if empty and len(terms) > len(empty):
        out.append(Finding(page.id, f"{page.id}: {what} lists {', '.join(empty)} beside a mode"))
    return out


def _frequencies(page: Disease) -> list[Finding]:
    out = []
    for row in page.symptoms:
        bands = {frequency_band(f.fraction) for f in row.frequencies if f.fraction is not None}
        if len(bands) > 1 and not getattr(row, "sources_disagree", False):
            figures = " / ".join(f"{f.label or f.fraction} {f.source}" for f in row.frequencies)
            out.append(Finding(page.id, f"{page.id} {row.id} {row.name}: {figures}"))
    return out


def _texts(page: Disease) -> Iterable[tuple[str, str]]:
    yield "name", page.name
    for name in page.synonyms:
        yield "other name", name
    if page.definition:
        yield "definition", page.definition
    if page.spanish_name:
        yield "Spanish name", page.spanish_name
    for gene in page.genes:
        if gene.association:
            yield f"gene {gene.symbol}", gene.association
    for t in page.treatments:
        for text in (getattr(t, "designation", None), getattr(t, "approved_indication", None)):
            if text:
                yield "treatment", text
        for event in getattr(t, "events", ()):
            for text in (event.designation, event.approved_indication):
                if text:
                    yield "treatment", text


def damage(text: str, where: str, possessives: set[str]) -> str | None:
    """What is wrong with a text, if anything."""
    if (m := _MOJIBAKE_RE.search(text)) is not None:
        return f"broken encoding {m.group()!r}"
    words = normalize(text).split()
    if where == "Spanish name" and _ACCENT_NEEDED & set(words) and text.isascii():
        return "Spanish without its accents (rebuilt from a web address)"
    # Words as written, apostrophes kept: "Behçets" where a name of the page has "Behçet's".
    written = {w.casefold() for w in _WRITTEN_WORD_RE.findall(text)}
    # Sources spell "Wilsons disease" and "Farmers lung" so; a word with a repaired letter
    # ("Behçets" where a name says "Behçet's") lost its apostrophe in the repair.
    lost = None if where in ("name", "other name") else next(
        (w for w in sorted(written) if w in possessives and not w.isascii()), None)
    if lost is not None:
        return f"lost apostrophe in {lost!r}"
    if where.startswith("gene ") and _DANGLING_RE.search(text):
        return "dangling fragment"
    return None


def source_damage(text: str) -> str | None:
    """How a source left a text broken (cut off, an unclosed bracket), if it did."""
    if _DANGLING_RE.search(text.rstrip(" .")):
        return "cut off by the source"
    if text.count("(") != _LIST_MARK_RE.sub("", text).count(")"):
        return "an unclosed bracket in the source"
    return None


def _damaged(page: Disease, source: list[Finding]) -> list[Finding]:
    # Words written "Behçet's" in some name of the page: "Behçets" elsewhere lost a character.
    possessives = {re.sub("['’]", "", w).casefold() for n in (page.name, *page.synonyms)
                   for w in re.findall(r"\w+['’]s\b", n)}
    out = []
    for where, text in _texts(page):
        problem = damage(text, where, possessives)
        if problem is not None:
            out.append(Finding(page.id, f"{page.id} {where}: {text[:90]!r}: {problem}"))
        if where in ("definition", "treatment") and (broken := source_damage(text)):
            source.append(Finding(page.id, f"{page.id} {where}: ...{text[-60:]!r}: {broken}"))
    names = sorted({fold_name(n) for n in (page.name, *page.synonyms)})
    for a in names:  # "behet's syndrome" beside "behçet's syndrome": a letter was dropped
        out += [Finding(page.id, f"{page.id} other name: {a!r} beside {b!r}: lost character")
                for b in names if len(b) == len(a) + 1 and one_letter_apart(a, b)]
    return out


def _candidates(conn: Connection) -> set[str]:
    """Pages whose rows could show a content defect (a superset; the pages judge)."""
    found: set[str] = set()
    link = schema.designation_link
    found.update(r.disease_id for r in conn.execute(
        select(link.c.disease_id).group_by(link.c.disease_id).having(func.count() > 1)))
    a, attr = schema.annotation, schema.disease_attribute
    modes: Counter[str] = Counter()
    for r in conn.execute(select(a.c.disease_id, func.count()).where(
            a.c.aspect.in_(("I", "C")), a.c.disease_id.is_not(None))
            .group_by(a.c.disease_id)):
        modes[r[0]] += r[1]
    for r in conn.execute(select(attr.c.disease_id, func.count()).where(
            attr.c.disease_id.is_not(None)).group_by(attr.c.disease_id)):
        modes[r[0]] += r[1]
    found.update(page for page, n in modes.items() if n > 1)
    for r in conn.execute(select(a.c.disease_id).where(
            a.c.frequency.is_not(None), a.c.disease_id.is_not(None))
            .group_by(a.c.disease_id, a.c.phenotype_id).having(func.count() > 1)):
        found.add(r.disease_id)
    found.update(_name_candidates(conn))
    found.update(_text_candidates(conn))
    return found


def _name_candidates(conn: Connection) -> set[str]:
    n, d = schema.disease_name, schema.disease
    keys: dict[str, set[str]] = defaultdict(set)
    counts: Counter[str] = Counter()
    for r in conn.execute(select(n.c.disease_id, n.c.name).where(
            n.c.disease_id.is_not(None), n.c.kind.in_(("name", "synonym")))):
        key = fold_name(r.name)
        if key not in keys[r.disease_id]:
            keys[r.disease_id].add(key)
        counts[r.disease_id] += 1
    for page in conn.execute(select(d.c.id).where(d.c.spanish_name.is_not(None))).scalars():
        keys[page].add("")  # read pages with a Spanish name for the text check
        counts[page] += 2
    return {page for page, n in counts.items() if n > len(keys[page])}


def _text_candidates(conn: Connection) -> set[str]:
    d, g, n = schema.disease, schema.disease_gene, schema.disease_name
    link = schema.designation_link
    found = set(conn.execute(select(link.c.disease_id).distinct()).scalars())
    found.update(r.id for r in conn.execute(select(d.c.id, d.c.definition))
             if r.definition and (_MOJIBAKE_RE.search(r.definition)
                                  or source_damage(r.definition)))
    found.update(r.disease_id for r in conn.execute(
        select(g.c.disease_id, g.c.association).where(g.c.disease_id.is_not(None)))
        if r.association and _DANGLING_RE.search(r.association))
    found.update(r.disease_id for r in conn.execute(
        select(n.c.disease_id, n.c.name).where(n.c.disease_id.is_not(None)))
        if _MOJIBAKE_RE.search(r.name) or "'s" in r.name or "’s" in r.name)
    return found
