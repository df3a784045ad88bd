"""Link FDA orphan designations to disease pages by the disease names their text mentions.

A designation ("Treatment of Philadelphia chromosome-positive acute lymphoblastic
leukemia") and its approved indication are scanned for the names and synonyms of every
page, compared as canonical words (case, accents, punctuation, plurals and British
spellings folded). The longest name wins and claims its words, so "acute myeloid
leukemia" never also yields "leukemia", and a name must cover whole words: no substring
luck; nor may it follow "non" ("non-small cell lung cancer" is not small cell lung cancer).
A match on a subtype page also links the subtype's parent pages (one level up), so
a drug for T-cell ALL is listed on the ALL page too.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, Engine, Row, insert, select

from rareinfo.kb import schema
from rareinfo.kb.models import Product, Release, Treatment
from rareinfo.normalize import normalize

# Articles only: "of", "with", "and" tell names apart ("X with Y" is not "X Y").
_DROPPED = frozenset({"the", "a", "an"})
# Names too general to say what a drug treats, though some source lists them as diseases.
_TOO_GENERAL = frozenset({"disease", "disorder", "syndrome", "condition", "patient",
                          "relapse", "remission", "infection", "hypersensitivity",
                          "tumor", "cancer", "neoplasm", "malignancy", "deficiency"})
# An n-gram naming more pages than this is ambiguous: it links none of them.
MAX_PAGES_PER_NAME = 3
_POSITIVE_RE = re.compile(r"(?<=\w)\+")  # "Ph+ ALL": the sign is the meaning
_NEGATIVE_RE = re.compile(r"(?<=\w)-(?=[\s),;/]|$)")  # "Ph- ALL", not "T-cell"
_ACRONYM_RE = re.compile(r"(?<![\w-])[^\W_]+(?![\w-])")

Tokens = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class NameMatch:
    """A page whose name or synonym a text mentions."""

    disease_id: str
    how: str  # exact name | synonym
    matched: str  # the name as the text writes it (canonical words)


def canonical_word(word: str) -> str:
    """One spelling for British/American variants and singular/plural of a normalised word."""
    if len(word) > 4:
        word = word.replace("ae", "e").replace("oe", "e")
    if len(word) > 5 and word.endswith("our"):
        word = word[:-3] + "or"  # tumour, behaviour
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "os")):
        return word[:-1]
    return word


def canonical_tokens(text: str) -> Tokens:
    """The canonical words of a text, signs spelled out ("Ph+" -> "ph positive")."""
    text = _NEGATIVE_RE.sub(" negative", _POSITIVE_RE.sub(" positive", text))
    return tuple(canonical_word(w) for w in normalize(text).split() if w not in _DROPPED)


def _capitalised_words(text: str) -> set[str]:
    """The canonical forms of the stand-alone words written in capitals ("ALL", not "PD-1")."""
    return {canonical_word(w.lower()) for w in _ACRONYM_RE.findall(text) if w.isupper()}


def _is_short(tokens: Tokens) -> bool:
    """A one-word name of four letters or fewer: an acronym ("ALL", "cf"), matched in capitals."""
    return len(tokens) == 1 and len(tokens[0]) <= 4


def _usable(tokens: Tokens) -> bool:
    """A name that can say what a drug treats: not a bare number or a word like "disease"."""
    if len(tokens) == 1 and tokens[0] in _TOO_GENERAL:
        return False
    if _is_short(tokens):
        return sum(ch.isalpha() for ch in tokens[0]) >= 2
    return any(sum(ch.isalpha() for ch in t) >= 3 for t in tokens)


class NameIndex:
    """Every page name and synonym, keyed by its canonical words, for longest-first scans."""

    def __init__(self, names: Iterable[tuple[str, str, str]]) -> None:
        """Index (disease_id, name, kind) rows; kind "name" ranks above "synonym"."""
        found: dict[Tokens, dict[str, str]] = defaultdict(dict)
        for disease_id, name, kind in names:
            tokens = canonical_tokens(name)
            if not _usable(tokens):
                continue
            how = "exact name" if kind == "name" else "synonym"
            pages = found[tokens]
            if pages.get(disease_id) != "exact name":
                pages[disease_id] = how
        self.entries = {tokens: _unambiguous(pages) for tokens, pages in found.items()}
        self.longest = max((len(t) for t in self.entries), default=0)

    def find(self, text: str) -> list[NameMatch]:
        """The pages a text names: longest names first, each word used by one name only."""
        tokens = canonical_tokens(text)
        capitals = _capitalised_words(text)
        candidates = [hit for start in range(len(tokens))
                      if (hit := self._longest_at(tokens, start, capitals)) is not None]
        taken = [False] * len(tokens)
        matches: list[NameMatch] = []
        for start, length in sorted(candidates, key=lambda c: (-c[1], c[0])):
            if any(taken[start:start + length]):
                continue
            taken[start:start + length] = [True] * length
            key = tokens[start:start + length]
            matches += [NameMatch(d, how, " ".join(key)) for d, how in self.entries[key]]
        return matches

    def _longest_at(self, tokens: Tokens, start: int,
                    capitals: set[str]) -> tuple[int, int] | None:
        if start > 0 and tokens[start - 1] == "non":
            return None  # "non-small cell lung cancer" does not name small cell lung cancer
        for length in range(min(self.longest, len(tokens) - start), 0, -1):
            key = tokens[start:start + length]
            if key in self.entries and (not _is_short(key) or key[0] in capitals):
                return start, length
        return None


    def named_within(self, matched: str, pages: Iterable[str] | None) -> list[str]:
        """Those of ``pages`` named by some run of words inside a matched name.

        A subtype's drug counts for the parent only when the subtype's name names the
        parent ("T-cell acute lymphoblastic leukemia" holds "acute lymphoblastic
        leukemia"): classification edges alone put B-cell CLL under ALL in some releases.
        """
        if not pages:
            return []
        words = tuple(matched.split())
        inner = {d for length in range(1, len(words))
                 for start in range(len(words) - length + 1)
                 for d, _ in self.entries.get(words[start:start + length], ())}
        return [p for p in pages if p in inner]


def _unambiguous(pages: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """The pages a name stands for: those it is the name of, else all, unless too many."""
    named = {d: how for d, how in pages.items() if how == "exact name"} or pages
    return tuple(sorted(named.items())) if len(named) <= MAX_PAGES_PER_NAME else ()


def link_designations(engine: Engine) -> int:
    """Fill ``designation_link`` for every loaded designation; returns the rows written."""
    rows = designation_links(engine)
    with engine.begin() as conn:
        for start in range(0, len(rows), 5000):
            conn.execute(insert(schema.designation_link), rows[start:start + 5000])
    return len(rows)


def designation_links(engine: Engine) -> list[dict[str, Any]]:
    """The ``designation_link`` rows for the loaded designations and pages (not written)."""
    with engine.connect() as conn:
        designations = _designations(conn)
        if not designations:
            return []
        index = page_name_index(conn)
        parents = _parents(conn)
    return list(_link_rows(designations, index, parents))


def _designations(conn: Connection) -> list[tuple[str, str, str | None]]:
    od = schema.orphan_designation
    rows = conn.execute(select(od.c.key, od.c.designation, od.c.approved_indication))
    return [(r.key, r.designation, r.approved_indication) for r in rows]


def page_name_index(conn: Connection) -> NameIndex:
    """The names and synonyms of every page, indexed for finding them in a text."""
    return NameIndex(_page_names(conn))


def _page_names(conn: Connection) -> Iterator[tuple[str, str, str]]:
    n = schema.disease_name
    rows = conn.execute(select(n.c.disease_id, n.c.name, n.c.kind).where(
        n.c.disease_id.is_not(None), n.c.kind.in_(("name", "synonym"))))
    for row in rows:
        yield row.disease_id, row.name, row.kind


def _parents(conn: Connection) -> dict[str, list[str]]:
    link = schema.disease_link
    out: dict[str, list[str]] = defaultdict(list)
    for row in conn.execute(select(link.c.disease_id, link.c.other_id)
                            .where(link.c.relation == "parent").distinct()):
        out[row.disease_id].append(row.other_id)
    return out


def _link_rows(designations: list[tuple[str, str, str | None]], index: NameIndex,
               parents: dict[str, list[str]]) -> Iterator[dict[str, Any]]:
    for key, designation, indication in designations:
        for field_, text in (("designation", designation), ("indication", indication)):
            if not text:
                continue
            matches = index.find(text)
            linked: dict[str, dict[str, Any]] = {}
            for match in matches:  # longest first: a page keeps its longest name
                linked.setdefault(match.disease_id, _row(key, match.disease_id, field_,
                                                         match.how, match.matched, None))
            for match in matches:
                for parent in index.named_within(match.matched, parents.get(match.disease_id)):
                    linked.setdefault(parent, _row(key, parent, field_, "subtype",
                                                   match.matched, match.disease_id))
            yield from linked.values()


def _row(key: str, disease_id: str, field_: str, how: str, matched: str,
         via: str | None) -> dict[str, Any]:
    return {"designation_key": key, "disease_id": disease_id, "field": field_, "how": how,
            "matched": matched, "via": via}


def page_treatments(conn: Connection, disease_id: str,
                    releases: tuple[Release, ...]) -> tuple[Product, ...]:
    """The orphan products for a page: approved first (by name), then designations only.

    Each product is one entry with its designations and approvals inside (group_products).

    An approval is listed where its approved indication names the page; its designation
    text counts only when the indication names no page at all, so a product designated
    for a disease but approved for another is never shown as approved for this one.
    """
    link, od = schema.designation_link, schema.orphan_designation
    keys = select(link.c.designation_key).where(link.c.disease_id == disease_id)
    links = conn.execute(select(link).where(link.c.designation_key.in_(keys))).all()
    if not links:
        return ()
    rows = conn.execute(select(od).where(od.c.key.in_({r.designation_key for r in links})))
    fields: dict[str, set[str]] = defaultdict(set)
    for r in links:
        fields[r.designation_key].add(r.field)
    here = {(r.designation_key, r.field): r for r in links if r.disease_id == disease_id}
    version = {r.source: r.version for r in releases}
    out = []
    for row in rows:
        field_ = "indication" if row.approval_status == "approved" and (
            "indication" in fields[row.key]) else "designation"
        if (found := here.get((row.key, field_))) is None or _withdrawn_only(row):
            continue
        out.append(_treatment(row, found, version.get(row.source, "unknown")))
    return group_products(out)


def _event_date(t: Treatment) -> date:
    return t.approval_date or t.designated or date.min


def product_key(generic_name: str) -> str:
    """What makes two rows one product: the generic name, normalised."""
    return " ".join(canonical_tokens(generic_name)) or generic_name.casefold()


def _best_trade_name(spellings: list[str]) -> str:
    # A brand as written in running text beats the export's capitals.
    return max(spellings, key=lambda name: (not name.isupper(), spellings.count(name)))


def group_products(treatments: Iterable[Treatment]) -> tuple[Product, ...]:
    """One entry per product, its designations and approvals inside by date, oldest first.

    A product is its generic name; when rows name it under several trade names, each trade
    name is its own product, and rows without a trade name join the only one if there is
    exactly one (the FDA writes the trade name on the approval row only).
    """
    by_generic: dict[str, list[Treatment]] = defaultdict(list)
    for t in treatments:
        by_generic[product_key(t.generic_name)].append(t)
    products = []
    for rows in by_generic.values():
        # Trade names as the FDA writes them, case aside ("IMBRUVICA" is "Imbruvica").
        spellings: dict[str, list[str]] = defaultdict(list)
        for t in rows:
            if t.trade_name:
                spellings[normalize(t.trade_name)].append(t.trade_name)
        trades = sorted(spellings)
        groups: dict[str | None, list[Treatment]] = defaultdict(list)
        for t in rows:
            own = normalize(t.trade_name) if t.trade_name else None
            groups[own if len(trades) > 1 else (trades[0] if trades else None)].append(t)
        for key, events in groups.items():
            trade = _best_trade_name(spellings[key]) if key else None
            events.sort(key=lambda t: (_event_date(t), t.approved))
            approved = [t for t in events if t.approved]
            named = (approved or events)[-1]
            products.append(Product(
                generic_name=named.generic_name, trade_name=trade, sponsor=named.sponsor,
                approved=bool(approved), events=tuple(events), source=named.source,
                release=named.release))
    products.sort(key=lambda p: (not p.approved, p.generic_name.casefold(),
                                 p.trade_name or ""))
    return tuple(products)


def _withdrawn_only(row: Row[Any]) -> bool:
    return bool(row.designation_status == "withdrawn" and row.approval_status != "approved")


def _treatment(row: Row[Any], link: Row[Any], release: str) -> Treatment:
    return Treatment(
        generic_name=row.generic_name, trade_name=row.trade_name, sponsor=row.sponsor,
        designation=row.designation, designated=row.designated,
        approved=row.approval_status == "approved",
        approved_indication=row.approved_indication, approval_date=row.approved,
        matched=link.matched, how=link.how, via=link.via, source=row.source, release=release)
