"""Which of a page's names to list as "other names" (decisions/0020-trustworthy-pages.md).

Sources give many spellings of one name ("acute lymphoblastic leukaemia (disease)",
"ALL - acute lymphoblastic leukemia", "Acute lymphoblastic leukemia"). Names equal after
folding case, punctuation, accents, British spelling and qualifier suffixes are one name,
shown once in its best-written form. A name one letter away from another name of the page
("precursor lymphoblasic leukemia") is a source typo, and a broader term ("Precursor
lymphoid neoplasm") is not another name of this disease: both stay searchable (the search
index reads every source name) but are not listed.

>>> fold_name("acute lymphoblastic leukaemia (disease)")
'acute lymphoblastic leukemia'
>>> fold_name("ALL - acute lymphocytic leukemia")
'acute lymphocytic leukemia'
>>> fold_name("leukemia, acute lymphoblastic")
'acute lymphoblastic leukemia'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rareinfo.kb.treatments import canonical_word
from rareinfo.normalize import normalize

# Parenthesised or trailing words that qualify a name without changing what it names
# (SNOMED-style semantic tags and "disease" appended by term lists).
_QUALIFIERS = frozenset({"disease", "disorder", "finding", "syndrome", "morphologic abnormality",
                         "clinical", "diagnosis"})
_TRAILING_PAREN_RE = re.compile(r"\s*\(([^()]*)\)\s*$")
_TRAILING_QUALIFIER_RE = re.compile(r",\s*(disease|disorder)\s*$", re.IGNORECASE)
_POSSESSIVE_RE = re.compile(r"(?<=\w)['’]s\b")  # "Behçet's disease" is "Behçet disease"
_LEADING_ACRONYM_RE = re.compile(r"^\s*([A-Za-z0-9]{2,8})\s+-\s+(.+)$")
# Nouns naming a class of diseases rather than one: a synonym ending in one of them while
# the page's own name does not is a broader term ("Precursor lymphoid neoplasm" for ALL).
_CLASS_NOUNS = frozenset({"neoplasm", "neoplasia", "malignancy", "tumor", "cancer"})
SHOWN_FIRST = 8  # other names listed before "more names"


def _initials(text: str) -> str:
    return "".join(word[0] for word in normalize(text).split())


def _strip_qualifiers(name: str) -> str:
    text = name.strip()
    for _ in range(2):  # "x (all) (disease)"
        match = _TRAILING_PAREN_RE.search(text)
        if match is None:
            break
        inner, rest = match.group(1).strip(), text[:match.start()]
        if normalize(inner) in _QUALIFIERS or (
                len(inner) >= 2 and normalize(inner) == _initials(rest)):
            text = rest
        else:
            break
    text = _TRAILING_QUALIFIER_RE.sub("", text)
    acronym = _LEADING_ACRONYM_RE.match(text)
    if acronym and normalize(acronym.group(1)) == _initials(acronym.group(2)):
        text = acronym.group(2)
    return text


def fold_name(name: str) -> str:
    """The key under which spellings of one name coincide."""
    text = _POSSESSIVE_RE.sub("", _strip_qualifiers(name))
    parts = [p.strip() for p in text.split(",")]
    # OMIM-style inversion: "Leukemia, acute lymphoblastic" is "acute lymphoblastic leukemia".
    if len(parts) == 2 and all(parts) and not parts[1][:1].isdigit():
        text = f"{parts[1]} {parts[0]}"
    return " ".join(canonical_word(w) for w in normalize(text).split())


def one_letter_apart(a: str, b: str) -> bool:
    """True when ``a`` is ``b`` with one letter left out or put in (words of 5+ letters)."""
    if abs(len(a) - len(b)) != 1:
        return False
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    for i, (x, y) in enumerate(zip(short, long_, strict=False)):
        if x != y:
            return short[i:] == long_[i + 1:] and _typo_word(long_, i)
    return _typo_word(long_, len(long_) - 1)


def _typo_word(text: str, index: int) -> bool:
    """True when the word around ``index`` is letters only, 5 or more ("cln4b" is a name)."""
    start = text.rfind(" ", 0, index) + 1
    end = text.find(" ", index)
    word = text[start:end if end >= 0 else len(text)]
    return len(word) >= 5 and word.isalpha()


def _display(name: str) -> str:
    # Term lists write names in lower case; a listed name starts with a capital.
    return name[:1].upper() + name[1:] if name.islower() else name


def _written_score(name: str) -> tuple[int, int, int]:
    # Accents kept, capitals where the source wrote them, no lower-case-only copies.
    accents = sum(1 for ch in name if ord(ch) > 127 and ch.isalpha())
    capitals = int(any(ch.isupper() for ch in name))
    return (accents, capitals, -len(name))


@dataclass(frozen=True, slots=True)
class SourceName:
    """A name of a page as one source writes it."""

    name: str
    source: str


def is_broader(name: str, page_name: str) -> bool:
    """True for a name of a class of diseases where the page names one disease."""
    words = fold_name(name).split()
    page_words = fold_name(page_name).split()
    return bool(words) and words[-1] in _CLASS_NOUNS and not (
        page_words and page_words[-1] in _CLASS_NOUNS) and not set(words) & set(page_words[-1:])


def other_names(page_name: str, names: Sequence[SourceName],
                source_order: Sequence[str] = ("orphanet", "mondo", "gard", "hpo"),
                other_pages: Iterable[str] = ()) -> tuple[str, ...]:
    """The other names to list: one per folded name, best written, most useful first.

    ``names`` come in the order the sources list them; ``other_pages`` are the folded
    names of the page's parent groups (a parent's name is never another name of this one).
    """
    rank = {source: i for i, source in enumerate(source_order)}
    ordered = sorted(names, key=lambda n: rank.get(n.source, len(rank)))
    groups: dict[str, list[str]] = {}
    for entry in ordered:
        groups.setdefault(fold_name(entry.name), []).append(entry.name)
    own = fold_name(page_name)
    excluded = set(other_pages) | {own}
    keys = [k for k in groups if k and k not in excluded]
    # A typo sits one letter from a name whose words the page's other names use more.
    words = Counter(w for k, spellings in groups.items() for w in k.split() for _ in spellings)
    support = {k: sum(words[w] for w in k.split()) for k in groups}
    # The page's own name is right; else on a tie the shorter is the typo: sources drop
    # letters ("behet's" for "behçet's").
    typos = {k for k in keys for other in groups if other != k and one_letter_apart(k, other)
             and (other == own or (support[other], len(other)) > (support[k], len(k)))}
    out: list[str] = []
    for key in keys:
        if key in typos or is_broader(groups[key][0], page_name):
            continue
        # The best-written spelling of the first-listed source, compared among spellings.
        out.append(_display(max(groups[key], key=_written_score)))
    return tuple(out)
