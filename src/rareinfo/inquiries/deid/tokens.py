"""Words of a question, spans of it, and look-ups over them shared by the detectors."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from rareinfo.inquiries.deid.patterns import POSSESSIVE
from rareinfo.inquiries.deid.vocabulary import WORD, phrases


@dataclass(frozen=True, slots=True)
class Span:
    """A proposed identifying span of the text (offsets, kind)."""

    start: int
    end: int
    kind: str
    strong: bool = True  # weak spans (guessed from word lists) yield to protected terms


@dataclass(frozen=True, slots=True)
class Token:
    """A word of the text with its offsets."""

    start: int
    end: int
    text: str
    core: str  # the word without a possessive 's

    @property
    def core_end(self) -> int:
        return self.start + len(self.core)

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper()


# ---------------------------------------------------------------------------- helpers


def tokenize(text: str) -> list[Token]:
    return [
        Token(m.start(), m.end(), m.group(), POSSESSIVE.sub("", m.group()))
        for m in WORD.finditer(text)
    ]


def token_at(tokens: list[Token], pos: int) -> int:
    """Index of the first token starting at or after ``pos``."""
    lo, hi = 0, len(tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if tokens[mid].start < pos:
            lo = mid + 1
        else:
            hi = mid
    return lo


def gap_between(text: str, a: Token, b: Token) -> str:
    return text[a.end : b.start]


def name_spans(run: list[Token], strong: bool) -> Iterator[Span]:
    for tok in run:
        yield Span(tok.start, tok.core_end, "name", strong)


@lru_cache(maxsize=1)
def _region_words() -> frozenset[str]:
    return frozenset(" ".join(p) for v in phrases("regions.txt").values() for p in v)


def is_region(word: str) -> bool:
    return word in _region_words()


def match_phrase(
    tokens: list[Token], text: str, i: int, table: dict[str, tuple[tuple[str, ...], ...]]
) -> int:
    """Number of tokens from ``i`` forming an entry of ``table`` (0 when none)."""
    first = tokens[i].core if tokens[i].core in table else tokens[i].text
    for phrase in table.get(first, ()):
        n = len(phrase)
        if i + n > len(tokens):
            continue
        words = [tokens[i + k].text for k in range(n)]
        words[-1] = tokens[i + n - 1].core if words[-1] != phrase[-1] else words[-1]
        if tuple(words) != phrase:
            continue
        if all(
            gap_between(text, tokens[i + k], tokens[i + k + 1]) in (" ", ", ", ". ")
            for k in range(n - 1)
        ):
            return n
    return 0


# ---------------------------------------------------------------------------- assembly


class Ranges:
    """Character ranges answering "does this span overlap any of them?" in log time."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        pairs = sorted(ranges)
        self.starts = [start for start, _ in pairs]
        self.max_end = list(accumulate((end for _, end in pairs), max))

    def overlap(self, span: Span) -> bool:
        k = bisect_left(self.starts, span.end)
        return k > 0 and self.max_end[k - 1] > span.start


def same_length_lower(text: str) -> str:
    """Lower case without changing the length (offsets must still hold)."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
