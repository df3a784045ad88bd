"""Small pieces of English the overview's sentences are put together with."""

from __future__ import annotations

from collections.abc import Sequence


def join_words(items: Sequence[str], last: str = "and") -> str:
    """"a", "a and b", "a, b and c"; "a; b, c; and d" when an item holds a comma."""
    if len(items) <= 1:
        return "".join(items)
    if any("," in item for item in items):
        return f"{'; '.join(items[:-1])}; {last} {items[-1]}"
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def lower_first(text: str) -> str:
    """"low muscle tone" for "Low muscle tone"; acronyms and names kept ("EEG", "Wilms")."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and (first[1].isupper() or any(c.isdigit() for c in first)):
        return text
    return text[:1].lower() + text[1:]


def cap(text: str) -> str:
    """The text with its first letter upper case."""
    return text[:1].upper() + text[1:]
