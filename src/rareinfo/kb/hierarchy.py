"""Which parent-group edges a page shows as fact (decisions/0020-trustworthy-pages.md).

Sources classify diseases in several views: Orphanet's classification, Mondo's, and
Orphanet's broader/narrower cross-references (NTBT/BTNT), which relate an Orphanet entity
to an OMIM entry rather than classify it. An edge "child under parent" stated in one view
is contradicted when a more trusted classification (Orphanet's, then Mondo's; cross-
references last) classifies the child, knows the parent, and does not put the child
anywhere under it (at any depth). A contradicted edge is not shown as fact; the page shows
it as that source's view. Edges left on a loop (two pages each other's parent, or longer)
give way least trusted first: a family tree has none.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

# Relations that classify (a complete view of where each disease belongs); the others are
# cross-reference statements, which can be contradicted but do not contradict.
CLASSIFYING = frozenset({"classification parent", "rdfs:subClassOf"})
# Classifications in order of trust: Orphanet's is curated for rare diseases as a whole;
# Mondo's rare-disease subset edges are derived (they put B-cell CLL under ALL).
CLASSIFICATION_ORDER = ("orphanet", "mondo")
LOOP = "the sources' edges form a loop here"
DISPUTED_PARENT = "disputed-parent"  # the disease_link relation of a disputed edge


@dataclass(frozen=True, slots=True)
class Edge:
    """A page-level statement: ``child`` is under ``parent`` according to ``source``."""

    child: str
    parent: str
    source: str
    relation: str

    @property
    def view(self) -> tuple[str, bool]:
        """The view stating it: (source, whether it classifies)."""
        return (self.source, self.relation in CLASSIFYING)


@dataclass(frozen=True, slots=True)
class Disputed:
    """An edge not shown as fact, and why."""

    edge: Edge
    reason: str


class _View:
    """One classification view as a parent graph, with memoised ancestor sets."""

    def __init__(self, edges: Iterable[Edge]) -> None:
        self.parents: dict[str, set[str]] = defaultdict(set)
        self.known: set[str] = set()
        for e in edges:
            self.parents[e.child].add(e.parent)
            self.known.update((e.child, e.parent))
        self._ancestors: dict[str, frozenset[str]] = {}

    def ancestors(self, page: str) -> frozenset[str]:
        found = self._ancestors.get(page)
        if found is None:
            seen: set[str] = set()
            stack = list(self.parents.get(page, ()))
            while stack:
                node = stack.pop()
                if node not in seen:
                    seen.add(node)
                    stack.extend(self.parents.get(node, ()))
            found = self._ancestors[page] = frozenset(seen)
        return found


def trust(edge: Edge) -> int:
    """Rank of the view stating an edge: Orphanet's classification, Mondo's, then the rest."""
    source, classifies = edge.view
    if not classifies:
        return len(CLASSIFICATION_ORDER)
    return CLASSIFICATION_ORDER.index(source) if source in CLASSIFICATION_ORDER else len(
        CLASSIFICATION_ORDER) - 1


def judge(edges: Iterable[Edge]) -> tuple[list[Edge], list[Disputed]]:
    """Split page-level edges into those shown as fact and those disputed."""
    unique = list(dict.fromkeys(e for e in edges if e.child != e.parent))
    by_view: dict[tuple[str, bool], list[Edge]] = defaultdict(list)
    for e in unique:
        by_view[e.view].append(e)
    views = sorted(((trust(group[0]), key[0], _View(group)) for key, group in by_view.items()
                    if key[1]), key=lambda v: (v[0], v[1]))
    accepted: list[Edge] = []
    disputed: list[Disputed] = []
    for e in unique:
        rank = trust(e)
        against = next((source for r, source, view in views
                        if r < rank and e.child in view.parents and e.parent in view.known
                        and e.parent not in view.ancestors(e.child)), None)
        if against is None:
            accepted.append(e)
        else:
            disputed.append(Disputed(e, f"{against} classifies it elsewhere"))
    # Loops: the least trusted edges on them give way first; a loop within one view's
    # own statements is disputed whole.
    for rank in sorted({trust(e) for e in accepted}, reverse=True):
        looped = in_cycles({(e.child, e.parent) for e in accepted})
        if not looped:
            break
        out = [e for e in accepted if (e.child, e.parent) in looped and trust(e) >= rank]
        disputed += [Disputed(e, LOOP) for e in out]
        accepted = [e for e in accepted if e not in set(out)]
    return accepted, disputed


def in_cycles(pairs: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """The (child, parent) pairs lying on a cycle of the graph (Tarjan's components)."""
    graph: dict[str, list[str]] = defaultdict(list)
    for child, parent in pairs:
        graph[child].append(parent)
    component = _components(graph)
    return {(c, p) for c, p in pairs if component.get(c) is not None
            and component.get(c) == component.get(p)}


def _components(graph: dict[str, list[str]]) -> dict[str, int]:
    """Strongly connected components of size > 1 (iterative Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: dict[str, int] = {}
    counter = 0
    for root in list(graph):
        if root in index:
            continue
        work = [(root, iter(graph.get(root, ())))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(graph.get(child, ()))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                members = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    members.append(top)
                    if top == node:
                        break
                if len(members) > 1:
                    for m in members:
                        out[m] = index[node]
    return out


def cycles(pairs: set[tuple[str, str]]) -> list[list[str]]:
    """The groups of pages that lie on a common cycle, each sorted."""
    graph: dict[str, list[str]] = defaultdict(list)
    for child, parent in pairs:
        graph[child].append(parent)
    groups: dict[int, list[str]] = defaultdict(list)
    for page, component in _components(graph).items():
        groups[component].append(page)
    return sorted(sorted(g) for g in groups.values())
