"""The ranking policy both searchers follow, and the query parsing they share.

Ranking, best first: identifier match; exact full name (any word order); every query word
as a whole word; words completed from prefixes; words with typos; then partial matches,
which hold at least half of the meaningful (non-stopword) query words *and* at least half of
the query's information (rare words weigh more), best share first. Inside a band: fewer
extra words, then name > synonym > layperson, then weight.
"""

from __future__ import annotations

from dataclasses import dataclass

from rareinfo.curie import candidate_curies, normalize_curie
from rareinfo.normalize import (
    MAX_QUERY_LENGTH,
    STOPWORDS,
    distinct_words,
    is_usable_query,
    meaningful_words,
    normalize,
)
from rareinfo.search.base import ENTITY_KINDS, EntityKind

# Score bands, far enough apart that no in-band adjustment can cross into another band.
IDENTIFIER = 600_000.0
EXACT_NAME = 500_000.0
WHOLE_WORDS = 400_000.0
PREFIXES = 300_000.0
TYPOS = 200_000.0
PARTIAL_STEP = 50.0  # partial matches score 0..17 steps by the share of the query they match
PARTIAL_STEPS = 18
BEGINS = EXACT_NAME  # autocomplete: the name begins with what was typed
CONTAINS = WHOLE_WORDS  # autocomplete: the typed words occur anywhere in the name

# In-band score: -extra words (capped) + field bonus + weight bonus + typo quality. The
# bonuses together stay below one extra word, so a shorter name always wins.
MAX_EXTRA_WORDS = 45
FIELD_BONUS: dict[str, float] = {"name": 0.2, "synonym": 0.1, "layperson": 0.0}
WEIGHT_BONUS_PER_UNIT = 0.005  # weight is ~log(1 + annotations): at most ~0.05
MAX_WEIGHT = 10.0
TYPO_QUALITY = 0.5  # the largest bonus for fewer edits

MIN_PREFIX = 3  # search: shorter query words only match whole words
MIN_FUZZY = 4  # no typo tolerance below this length
MIN_SHARE = 0.5  # partial matches: the least share of the query's information to match
SUGGEST_POOL = 1000  # "did you mean": candidate names compared as whole strings
SUGGEST_STEM = 4  # ... and, for a word too garbled for that, names sharing its start
SUGGEST_CUTOFF = 60.0
BEYOND = "\U0010ffff"  # sorts after every character that normalised text can hold


def max_typos(word: str) -> int:
    """Edit distance tolerated in a query word: none when short, more when long."""
    if len(word) < MIN_FUZZY:
        return 0
    return 1 if len(word) < 9 else 2


def browse_key(letter: object, kind: object) -> str | None:
    """The browse shelf asked for: "a".."z", "0" for "0" or "#"; None when not one of them."""
    if not isinstance(letter, str) or len(letter) != 1 or kind not in ENTITY_KINDS:
        return None
    key = "0" if letter in "0#" else normalize(letter)
    return key if key == "0" or (len(key) == 1 and "a" <= key <= "z") else None


def normalized_entry(text_: str, field_: str) -> tuple[str, int]:
    """The ``norm`` and ``meaningful`` columns of a search entry."""
    if field_ == "identifier":
        return normalize_curie(text_) or text_.strip(), 0
    # A word longer than any query cannot be asked for, and would not fit a tsvector lexeme
    # (2 kB) if a source held a giant one.
    norm = " ".join(word for word in normalize(text_).split() if len(word) <= MAX_QUERY_LENGTH)
    words = set(norm.split())
    meaningful = (len(words) - len(STOPWORDS.intersection(words))) or len(words)
    return norm, min(meaningful, 255)


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """A usable query: the identifiers it may spell and its normalised text."""

    kinds: tuple[EntityKind, ...]
    candidates: tuple[str, ...]  # CURIEs the query may spell, then the query as typed
    spells_identifier: bool  # it parses as an identifier, or holds a colon
    text: str  # normalised; empty when the query is an identifier lookup

    @property
    def words(self) -> list[str]:
        """Distinct words, in order."""
        return distinct_words(self.text)

    @property
    def meaningful(self) -> list[str]:
        """The words a match must account for: all but stopwords (unless that is all)."""
        return meaningful_words(self.text)


def parse_query(query: object, kind: object) -> ParsedQuery | None:
    """The query's candidate identifiers and normalised text, or None if unusable."""
    kinds = tuple(k for k in ENTITY_KINDS if kind is None or k == kind)
    if not kinds or not is_usable_query(query):
        return None
    stripped = query.strip()
    parsed = candidate_curies(stripped)
    candidates = tuple(dict.fromkeys([*parsed, stripped]))
    spells = bool(parsed) or ":" in stripped
    curie = normalize_curie(stripped)
    if curie is not None and any(c.isdigit() for c in curie.partition(":")[2]):
        # "OMIM:613065" or "hp_0006721" is a lookup, not words to find in names
        return ParsedQuery(kinds, candidates, spells, "")
    return ParsedQuery(kinds, candidates, spells, normalize(query))
