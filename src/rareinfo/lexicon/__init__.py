"""Everyday words for HPO terms: a curated vocabulary kept as data.

``everyday_words.tsv`` (shipped with the package) lists the phrases parents and patients
use for frequent rare-disease features ("fits", "floppy baby", "swollen glands in the
neck"), each with the HPO term it means and the family of lay texts the wording comes from
(MedlinePlus, GARD, NHS, the "Condition 101" example, or common usage). It sits at the
foundation so that both the knowledge-base build (phenotype search entries) and the
plain-words mapper (``rareinfo.phenotype.text``) read the same list.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

COLUMNS = ("phrase", "hpo_id", "hpo_name", "wording_from")


class LexiconError(ValueError):
    """The vocabulary file is malformed (a packaging defect, not user input)."""


@dataclass(frozen=True, slots=True)
class EverydayPhrase:
    """One everyday wording of an HPO term."""

    text: str
    term_id: str
    term_name: str  # the term's name when the row was curated, for readers of the file
    wording_from: str


def parse(lines: list[str], origin: str = "everyday_words.tsv") -> tuple[EverydayPhrase, ...]:
    """Read the vocabulary's rows; a malformed row is an error naming its line."""
    if not lines or tuple(lines[0].rstrip("\n").split("\t")) != COLUMNS:
        raise LexiconError(f"{origin}: the header must be {' | '.join(COLUMNS)}")
    phrases: list[EverydayPhrase] = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        cells = line.rstrip("\n").split("\t")
        if len(cells) != len(COLUMNS) or not all(c.strip() for c in cells):
            raise LexiconError(f"{origin}:{number}: expected {len(COLUMNS)} non-empty cells")
        text, term_id, term_name, wording_from = (c.strip() for c in cells)
        if not term_id.startswith("HP:"):
            raise LexiconError(f"{origin}:{number}: {term_id!r} is not an HPO identifier")
        phrases.append(EverydayPhrase(text, term_id, term_name, wording_from))
    return tuple(phrases)


@lru_cache(maxsize=1)
def everyday_phrases() -> tuple[EverydayPhrase, ...]:
    """The shipped everyday-words vocabulary."""
    text = resources.files(__package__).joinpath("everyday_words.tsv").read_text("utf-8")
    return parse(text.splitlines(keepends=True))
