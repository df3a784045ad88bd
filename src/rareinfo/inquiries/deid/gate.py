"""Regular expressions that skip texts they cannot match.

Most cue patterns of the detectors find nothing in most texts, yet each scans the whole
text at every position. ``gated(...)`` compiles a pattern as ``re.compile`` does and works
out once, from the pattern's parse tree, a set of strings of which every match must contain
one ("hospital", "Hospital" for ``[Hh]ospital``; each alternative's own cue for a
``(?:a|b)``). A search first checks that one of them occurs in the text (``str``
containment) and answers "no match" without scanning when none does, so results are those
of the plain pattern. Patterns with no such string (``\\w+``) are simply searched.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")

_LIMIT = 64  # at most this many strings in a set (more is slower to check than to scan)
_NEED_LIMIT = 256  # at most this many strings one of which a match needs
# a shorter text (a word, a name) is scanned at once: checking would cost more than it saves
_SHORT = 64
# a pattern works out its requirement after this many texts: a single question is not kept
# waiting for the analysis of a thousand patterns, a batch soon has them all
_WARM_UP = 20
_casefix: Any = importlib.import_module("re._casefix")
# Under IGNORECASE a character matches a letter when their simple lower cases agree, or when
# it is one of the letter's few extra case forms (long s, dotless i, Greek final sigma, old
# Cyrillic forms); ``str.lower`` gives the simple lower case except for a dotted capital I
# and a capital sigma. A text holding one of these characters is always scanned.
_FOLD_EXCEPTIONS = frozenset(
    "\u0130\u03a3"
    + "".join(chr(c) for extra in _casefix._EXTRA_CASES.values() for c in extra if c >= 128)
)

Strings = frozenset[str]
# an exact set: every string the node can match (in lower case when ``folded``)
Exact = tuple[Strings, bool] | None
# a requirement: every match contains one of the first strings, or one of the second in the
# lower-cased text, or (when the third item is true) a decimal digit
Need = tuple[Strings, Strings, bool] | None
_ANY_DIGIT = re.compile(r"\d")
_NEEDS_DIGIT: Need = (frozenset(), frozenset(), True)


def _foldable(strings: Strings) -> bool:
    """Whether a text holding one of ``strings`` holds it in lower case once lower-cased."""
    return all(len(c.lower()) == 1 and c not in _FOLD_EXCEPTIONS for s in strings for c in s)


def _literal(code: int, fold: bool) -> Exact:
    char = chr(code)
    if not fold or (char.isascii() and not char.isalpha()):
        return frozenset([char]), False
    lower = char.lower()
    if len(lower) != 1 or char in _FOLD_EXCEPTIONS or lower in _FOLD_EXCEPTIONS:
        return None
    if any(chr(c) not in _FOLD_EXCEPTIONS for c in _casefix._EXTRA_CASES.get(ord(lower), ())):
        return None
    return frozenset([lower]), True


def _product(a: Exact, b: Exact) -> Exact:
    if a is None or b is None:
        return None
    (left, left_folded), (right, right_folded) = a, b
    folded = left_folded or right_folded
    if folded:
        if not _foldable(left | right):
            return None
        left = frozenset(s.lower() for s in left)
        right = frozenset(s.lower() for s in right)
    if len(left) * len(right) > _LIMIT:
        return None
    return frozenset(x + y for x in left for y in right), folded


def _union(parts: list[Exact]) -> Exact:
    if any(p is None for p in parts):
        return None
    sets = [p for p in parts if p is not None]
    folded = any(f for _, f in sets)
    if folded and not _foldable(frozenset(s for strings, _ in sets for s in strings)):
        return None
    joined = frozenset(s.lower() if folded else s for strings, _ in sets for s in strings)
    return (joined, folded) if len(joined) <= _LIMIT else None


def _as_need(exact: Exact) -> Need:
    if exact is None or not exact[0] or "" in exact[0]:
        return None
    if exact[1]:
        return frozenset(), exact[0], False
    return exact[0], frozenset(), False


def _either(needs: list[Need]) -> Need:
    """What a match of one of several alternatives needs."""
    if any(n is None for n in needs):
        return None
    plain = frozenset(s for n in needs if n is not None for s in n[0])
    folded = frozenset(s for n in needs if n is not None for s in n[1])
    if len(plain) + len(folded) > _NEED_LIMIT:
        return None
    return plain, folded, any(n is not None and n[2] for n in needs)


def _digits(items: Any) -> bool:
    """Whether a character set matches decimal digits only."""
    for item_op, item_av in items:
        if item_op is _c.CATEGORY and item_av is _c.CATEGORY_DIGIT:
            continue
        if item_op is _c.LITERAL and chr(item_av).isdecimal():
            continue
        if item_op is _c.RANGE and all(
            chr(c).isdecimal() for c in range(item_av[0], item_av[1] + 1)
        ):
            continue
        return False
    return True


def _better(a: Need, b: Need) -> Need:
    """The more selective of two requirements: longer shortest string, then fewer strings."""
    if a is None:
        return b
    if b is None:
        return a

    def key(need: tuple[Strings, Strings, bool]) -> tuple[int, int, int]:
        plain, folded, digit = need
        shortest = min([len(s) for s in plain | folded] + [1] * digit)
        return (shortest, -len(plain) - len(folded) - digit, -len(folded))

    return a if key(a) >= key(b) else b


def _node(op: Any, av: Any, fold: bool) -> tuple[Exact, Need]:
    """The exact set and the requirement of one parse-tree node."""
    if op is _c.LITERAL:
        exact = _literal(av, fold)
        return exact, _as_need(exact)
    if op is _c.IN:
        if _digits(av):
            return None, _NEEDS_DIGIT
        chars: list[Exact] = []
        for item_op, item_av in av:
            if item_op is _c.LITERAL:
                chars.append(_literal(item_av, fold))
            elif (
                item_op is _c.RANGE
                and item_av[1] - item_av[0] < 10
                and (not fold or item_av[1] < 128)
            ):
                chars.extend(_literal(c, fold) for c in range(item_av[0], item_av[1] + 1))
            else:  # a negation, a category (\d, \w), a wide range
                return None, None
        exact = _union(chars)
        return exact, _as_need(exact)
    if op is _c.BRANCH:
        alternatives = [_sequence(p, fold) for p in av[1]]
        exact = _union([e for e, _ in alternatives])
        return exact, _better(_as_need(exact), _either([n for _, n in alternatives]))
    if op is _c.SUBPATTERN:
        _group, add, delete, pattern = av
        inner_fold = (fold or bool(add & _c.SRE_FLAG_IGNORECASE)) and not (
            delete & _c.SRE_FLAG_IGNORECASE
        )
        return _sequence(pattern, inner_fold)
    if op is _c.ATOMIC_GROUP:
        return _sequence(av, fold)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, high, pattern = av
        exact, need = _sequence(pattern, fold)
        if low == 0:
            if high == 1 and exact is not None:
                return _union([exact, (frozenset([""]), False)]), None
            return None, None
        repeated: Exact = exact if low == high else None
        for _ in range(low - 1):
            repeated = _product(repeated, exact)
        return repeated, need
    if op is _c.AT:
        return (frozenset([""]), False), None
    if op is _c.ASSERT:  # what a positive look-around sees is in the text too
        _direction, pattern = av
        return (frozenset([""]), False), _sequence(pattern, fold)[1]
    if op is _c.ASSERT_NOT:
        return (frozenset([""]), False), None
    return None, None  # any character, back-references, conditionals


def _sequence(pattern: Any, fold: bool) -> tuple[Exact, Need]:
    """The exact set and the requirement of a sequence of nodes: the best of each node's
    requirement and of each run of nodes with exact sets, joined."""
    whole: Exact = (frozenset([""]), False)
    run: Exact = (frozenset([""]), False)
    need: Need = None
    for op, av in pattern:
        exact, node_need = _node(op, av, fold)
        need = _better(need, node_need)
        whole = _product(whole, exact)
        joined = _product(run, exact)
        if joined is None:
            need = _better(need, _as_need(run))
            joined = exact if exact is not None else (frozenset([""]), False)
        run = joined
    return whole, _better(need, _as_need(run))


def requirement(pattern: re.Pattern[str]) -> Need:
    """Strings of which every match of ``pattern`` contains one (of the lower-cased text
    when the second item is true), or None when the pattern has no such set."""
    if pattern.flags & (re.LOCALE | re.ASCII) or not isinstance(pattern.pattern, str):
        return None
    tree = _parser.parse(pattern.pattern, pattern.flags)
    return _sequence(tree, bool(tree.state.flags & re.IGNORECASE))[1]


class Gated:
    """A compiled pattern that answers "no match" at once for a text lacking every string
    one of its matches needs; otherwise the plain pattern's answer."""

    __slots__ = ("_check", "_last", "_texts", "compiled")

    def __init__(self, compiled: re.Pattern[str]) -> None:
        self.compiled = compiled
        self._check: Callable[[str], bool] | None = None
        self._last: tuple[str, bool] = ("", True)  # the last text asked about, its answer
        self._texts = 0  # texts searched before the requirement is worked out

    @property
    def pattern(self) -> str:
        return self.compiled.pattern

    @property
    def flags(self) -> int:
        return self.compiled.flags

    @property
    def groups(self) -> int:
        return self.compiled.groups

    @property
    def groupindex(self) -> Any:
        return self.compiled.groupindex

    def may_match(self, text: str) -> bool:
        """False when no match can be in ``text``."""
        if len(text) < _SHORT:
            return True
        last = self._last
        if last[0] is text:
            return last[1]
        check = self._check
        if check is None:
            self._texts += 1
            if self._texts < _WARM_UP:
                return True
            check = self._check = _checker(requirement(self.compiled))
        answer = check(text)
        self._last = (text, answer)
        return answer

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.search(string, pos, endpos) if self.may_match(string) else None

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(string, pos, endpos) if self.may_match(string) else None

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        return self.compiled.fullmatch(string, pos, endpos) if self.may_match(string) else None

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        if self.may_match(string):
            return self.compiled.finditer(string, pos, endpos)
        return iter(())

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.compiled.findall(string, pos, endpos) if self.may_match(string) else []

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return self.compiled.sub(repl, string, count) if self.may_match(string) else string

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        if self.may_match(string):
            return self.compiled.split(string, maxsplit)
        return [string]


_last_lowered: tuple[str, str | None] = ("", "")


def _lower(text: str) -> str | None:
    """The text in lower case, or None when it holds a character lower-casing misses. The
    last answer is kept, with its text (one tuple: threads never see a text with another's
    answer): the detectors ask about one text many times in a row."""
    global _last_lowered
    last = _last_lowered
    if last[0] is text:
        return last[1]
    lowered = text.lower() if _FOLD_EXCEPTIONS.isdisjoint(text) else None
    _last_lowered = (text, lowered)
    return lowered


def _checker(need: Need) -> Callable[[str], bool]:
    if need is None:
        return lambda text: True
    plain, folded, digit = (_shortest(need[0]), _shortest(need[1]), need[2])

    def check(text: str) -> bool:
        if any(map(text.__contains__, plain)) or (digit and _ANY_DIGIT.search(text)):
            return True
        if folded:
            lower = _lower(text)
            return lower is None or any(map(lower.__contains__, folded))
        return False

    return check


def _shortest(strings: Strings) -> tuple[str, ...]:
    """The strings, less those holding another (which adds nothing: the shorter is there)."""
    return tuple(sorted(s for s in strings if not any(t != s and t in s for t in strings)))


def gated(source: str, flags: int = 0) -> Gated:
    """``re.compile(source, flags)``, skipping texts it cannot match (see the module)."""
    return Gated(re.compile(source, flags))
