"""What probing the finished rounds with ordinary medical questions found wrongly removed.

A town or a word read as an employer or a hospital, directly before a word that makes it
the name of a medical criterion, protocol, classification or phenotype, is medical and
stays: "work for Bombay phenotype patients", "the Ghent criteria", "the Manchester
criteria", "the Boston criteria", "a Bombay blood group". The issue's own examples ("Bombay
phenotype", "the Toronto protocol") were kept alone but not after "work for", where an
employer rule took the word. (A given name that is also an English auxiliary, "Can Kaftrio be
taken with food?", is handled where given names are read, in ``names``.)"""

from __future__ import annotations

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.vocabulary import Lexicon

_NAMED_CRITERION = gated(
    r"[^\S\n]+(?:phenotypes?|protocols?|criteria|classification|nosology"
    r"|blood[^\S\n]+(?:group|type))\b"
)
_ONE_WORD = gated(r"[A-Z][\w'’-]+")


def clamp_probed(lex: Lexicon, text: str, spans: list[Span]) -> list[Span]:
    """``spans`` less the words the module's docstring keeps."""
    del lex  # same signature as the rounds' clamps
    return [
        s
        for s in spans
        if not (
            s.kind in ("institution", "place", "name")
            and _ONE_WORD.fullmatch(text, s.start, s.end)
            and _NAMED_CRITERION.match(text, s.end)
        )
    ]
