"""Identity resolution: which identifiers name the same disease, and which is primary.

The rules (decisions/0004-identity.md), in order of trust:

1. Mondo exact matches (skos:exactMatch, equivalentTo xrefs) merge identifiers.
2. GARD via Mondo: a GARD id that Mondo cross-references from exactly one Mondo term joins
   that term's disease.
   Mondo may name several Orphanet entities exact equals of one term; all join it.
3. Other sources' exact statements (Orphanet relation E) merge too, unless the merge would
   join two diseases that Mondo keeps apart (both already hold a MONDO id) or two Orphanet
   entities (both already hold an ORPHA id). Such a rejected statement is kept as a
   conflict: the two pages link to each other ("Orphanet considers these the same").
4. Broader/narrower statements (Orphanet NTBT/BTNT, classification parents, Mondo
   subclass edges) never merge; they become parent-group and subtype links.
5. By name, last: an entry that no mapping joined to anything (a GARD id no Mondo term
   cross-references, a DECIPHER id, an id only HPO annotates, an Orphanet entity newer
   than Mondo's release) joins the page one of whose names or exact synonyms equals its
   name, when exactly one page has that name and the join puts no two MONDO or ORPHA ids
   together. Never a MONDO term. Recorded as a name match.

The primary identifier of a disease is the first present of MONDO, ORPHA, OMIM, DECIPHER,
GARD (lowest number within a prefix), so it is stable from one build to the next.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

PRIMARY_ORDER = ("MONDO", "ORPHA", "OMIM", "DECIPHER", "GARD")
# Prefixes of which a disease may hold only one identifier when merging by a non-Mondo
# statement: two MONDO terms or two Orphanet entities are two diseases by definition.
_EXCLUSIVE = ("MONDO", "ORPHA")


@dataclass(frozen=True, slots=True)
class Statement:
    """A source's mapping between two identifiers (see records.DiseaseMapping)."""

    source: str
    subject: str
    object: str
    predicate: str  # exact, broader, narrower, close, related, xref


@dataclass(frozen=True, slots=True)
class Conflict:
    """An exact statement that was not followed, and why."""

    statement: Statement
    reason: str


@dataclass(frozen=True, slots=True)
class NameMatch:
    """An entry joined to a page because the page has its name (rule 5)."""

    curie: str
    page: str  # the primary identifier of the page it joined
    name: str  # the name as the entry writes it


@dataclass(slots=True)
class Identity:
    """The result: every identifier's disease and every disease's identifiers."""

    primary_of: dict[str, str] = field(default_factory=dict)
    members: dict[str, list[str]] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    replaced: dict[str, str] = field(default_factory=dict)  # obsolete id -> primary
    obsolete: set[str] = field(default_factory=set)  # obsolete ids with no replacement
    name_matches: list[NameMatch] = field(default_factory=list)


class _Clusters:
    """Union-find over identifiers, tracking which prefixes each cluster holds."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.prefixes: dict[str, dict[str, int]] = {}

    def add(self, curie: str) -> None:
        if curie not in self.parent:
            self.parent[curie] = curie
            self.prefixes[curie] = {prefix_of(curie): 1}

    def find(self, curie: str) -> str:
        root = curie
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[curie] != root:  # path compression
            self.parent[curie], curie = root, self.parent[curie]
        return root

    def clash(self, a: str, b: str, exclusive: tuple[str, ...] = _EXCLUSIVE) -> str | None:
        """Why joining the clusters of a and b would merge two distinct diseases, if it would."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return None
        for prefix in exclusive:
            if self.prefixes[ra].get(prefix) and self.prefixes[rb].get(prefix):
                return f"both sides already have a {prefix} identifier"
        return None

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if len(self.prefixes[ra]) < len(self.prefixes[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        for prefix, count in self.prefixes.pop(rb).items():
            self.prefixes[ra][prefix] = self.prefixes[ra].get(prefix, 0) + count


def prefix_of(curie: str) -> str:
    """The prefix of a CURIE."""
    return curie.split(":", 1)[0]


def primary_key(curie: str) -> tuple[int, int, str]:
    """Sort key choosing the primary identifier of a disease."""
    prefix, _, local = curie.partition(":")
    rank = PRIMARY_ORDER.index(prefix) if prefix in PRIMARY_ORDER else len(PRIMARY_ORDER)
    return (rank, int(local) if local.isdigit() else 0, curie)


def resolve(
    diseases: Iterable[str],
    statements: Iterable[Statement],
    obsolete: dict[str, str | None] | None = None,
    names: Mapping[str, Names] | None = None,
) -> Identity:
    """Cluster identifiers into diseases by the rules above.

    ``diseases`` are the identifiers some source describes (they get pages);
    ``obsolete`` maps retired identifiers to their replacement (or None); ``names`` gives
    each described identifier's normalised name and exact synonyms (for rule 5).
    """
    retired = obsolete or {}
    statements = list(statements)
    # Identifiers some Mondo term cross-references: Mondo has spoken, no name guess.
    referenced = {s.object for s in statements if s.source == "mondo" and _mondo_gard(s)}
    clusters = _Clusters()
    described = {d for d in diseases if d not in retired}
    for curie in described:
        clusters.add(curie)
    conflicts: list[Conflict] = []
    for statement in _in_trust_order(statements, retired):
        clusters.add(statement.subject)
        clusters.add(statement.object)
        # Mondo may call several Orphanet entities its exact equal (a disease and its only
        # subtype); only two Mondo terms are two diseases by Mondo's own word.
        exclusive = ("MONDO",) if statement.source == "mondo" else _EXCLUSIVE
        reason = clusters.clash(statement.subject, statement.object, exclusive)
        if reason is None:
            clusters.union(statement.subject, statement.object)
        else:
            conflicts.append(Conflict(statement, reason))
    matches = _join_by_name(clusters, described, names or {}, referenced)
    identity = _identity(clusters, described, retired, conflicts)
    identity.name_matches = [NameMatch(m.curie, identity.primary_of[m.page], m.name)
                             for m in matches if m.page in identity.primary_of]
    return identity


# HPO annotates OMIM and Orphanet entries apart by design; which of them are one disease is
# for the mappings to say, so two entries only HPO describes never join each other by name.
_HPO_ONLY = frozenset({"hpo"})


@dataclass(frozen=True, slots=True)
class Names:
    """An entry's name as written and the normalised forms it is known by."""

    name: str
    key: str  # the normalised name
    keys: frozenset[str]  # the normalised name and exact synonyms
    sources: frozenset[str] = frozenset()  # the sources describing the entry


def _join_by_name(clusters: _Clusters, described: set[str], names: Mapping[str, Names],
                  referenced: set[str]) -> list[NameMatch]:
    groups: dict[str, list[str]] = defaultdict(list)
    for curie in clusters.parent:
        groups[clusters.find(curie)].append(curie)
    # A MONDO term is a disease by Mondo's word; a GARD id Mondo cross-references is
    # Mondo's call too: neither is joined by a guess.
    loners = sorted((members[0] for members in groups.values()
                     if len(members) == 1 and members[0] in names
                     and members[0] not in referenced and prefix_of(members[0]) != "MONDO"),
                    key=primary_key, reverse=True)
    # Pages that some mapping built come first; another lone entry only when none has it.
    alone = set(loners)
    pages_named: dict[str, set[str]] = defaultdict(set)
    loners_named: dict[str, set[str]] = defaultdict(set)
    for members in groups.values():
        if any(m in described for m in members):
            for member in members:
                if (entry := names.get(member)) is not None:
                    for key in entry.keys:
                        (loners_named if member in alone else pages_named)[key].add(member)
    matches = []
    for curie in loners:
        entry = names[curie]
        own = clusters.find(curie)
        found = {clusters.find(m) for m in pages_named.get(entry.key, ())} - {own} or {
            clusters.find(m) for m in loners_named.get(entry.key, ())
            if not (entry.sources == names[m].sources == _HPO_ONLY)} - {own}
        if entry.key and len(found) == 1:
            page = next(iter(found))
            # Never two current Orphanet entities in one page; an ORPHA id only HPO still
            # annotates is no Orphanet entity of this release.
            exclusive = ("ORPHA",) if "orphanet" in entry.sources else ()
            if clusters.clash(page, curie, exclusive) is None:
                clusters.union(page, curie)
                matches.append(NameMatch(curie, page, entry.name))
    return matches


def _in_trust_order(statements: Iterable[Statement],
                    retired: dict[str, str | None]) -> list[Statement]:
    mondo_exact: list[Statement] = []
    gard_xrefs: dict[str, set[str]] = defaultdict(set)
    others: list[Statement] = []
    for s in statements:
        if s.subject in retired or s.object in retired or s.subject == s.object:
            continue
        if s.source == "mondo" and s.predicate == "exact":
            mondo_exact.append(s)
        elif s.source == "mondo" and s.predicate == "xref" and _mondo_gard(s):
            gard_xrefs[s.object].add(s.subject)
        elif s.predicate == "exact":
            others.append(s)
    unique_gard = [Statement("mondo", next(iter(terms)), gard, "exact")
                   for gard, terms in sorted(gard_xrefs.items()) if len(terms) == 1]
    key = _statement_key
    return sorted(mondo_exact, key=key) + unique_gard + sorted(others, key=key)


def _mondo_gard(s: Statement) -> bool:
    return prefix_of(s.subject) == "MONDO" and prefix_of(s.object) == "GARD"


def _statement_key(s: Statement) -> tuple[str, str, str]:
    return (s.source, s.subject, s.object)


def _identity(clusters: _Clusters, described: set[str], retired: dict[str, str | None],
              conflicts: list[Conflict]) -> Identity:
    groups: dict[str, list[str]] = defaultdict(list)
    for curie in clusters.parent:
        groups[clusters.find(curie)].append(curie)
    identity = Identity(conflicts=conflicts)
    for group in groups.values():
        if not any(c in described for c in group):
            continue  # only mapping endpoints: no source describes this disease
        group.sort(key=primary_key)
        primary = group[0]
        identity.members[primary] = group
        for curie in group:
            identity.primary_of[curie] = primary
    for old, new in retired.items():
        target = identity.primary_of.get(new) if new else None
        if target is not None:
            identity.replaced[old] = target
        else:
            identity.obsolete.add(old)
    return identity
