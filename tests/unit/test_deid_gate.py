"""The gated patterns of deid.gate answer exactly as the plain ones do."""

from __future__ import annotations

import re

import pytest

from rareinfo.inquiries.deid import gate
from rareinfo.inquiries.deid.gate import Gated, requirement

PATTERNS = [
    r"\b(?:[Ll]ive|[Ll]iving)\s+in\s+([A-Z]\w+)",
    r"(?i)\bhospital\b",
    r"(?i)\b(?:sister|son)\b",  # "ſon" and "ſiſter" match under IGNORECASE
    r"(?i)\bkid\b",  # so does the Kelvin sign: "\u212aid"
    r"(?i)\bdi\b",  # and a dotted capital I: "D\u0130"
    r"(?i)σοφία",  # final and medial sigma
    r"\d{4}",  # Arabic-Indic digits are digits too
    r"(?<=\bDr\. )[A-Z]\w+",
    r"(?:Mr|Mrs)?\.? ?Smith",
    r"(?i:St\.?|Saint) [A-Z]\w+|\bHôpital\b",
    r"[Сс]ын[ауе]? ([А-Я]\w+)",
    r"\w+",
]
TEXTS = [
    "",
    "We live in Leeds and my son sees Dr. Patel at St James hospital since 2019.",
    "my \u017fon and my \u017fi\u017fter (no other cues here, a long enough text for checks)",
    "THE \u212aID IS SEVEN, writing from somewhere with a long enough text to be checked",
    "D\u0130 and more words so that the text is long enough to be checked by the gate",
    "ΣΟΦΊΑ and Σοφία: a Greek name written twice, in a text long enough to be checked",
    "born in \u0661\u0669\u0668\u0667 (Arabic-Indic digits) in a text long enough for the check",
    "Мой сын Артём and a Latin sentence that makes the text long enough for the check",
    "nothing to see in this sentence at all, which is long enough to be checked by it",
    "Saint Albans, Hôpital Necker, Mrs Smith: all of them in one long enough sentence",
]


@pytest.mark.parametrize("source", PATTERNS)
def test_gated_answers_as_the_plain_pattern(source: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gate, "_WARM_UP", 0)
    plain, gated = re.compile(source), Gated(re.compile(source))
    for text in TEXTS:
        assert [m.span() for m in gated.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]
        assert gated.findall(text) == plain.findall(text)
        assert bool(gated.search(text)) == bool(plain.search(text))
        assert gated.sub("#", text) == plain.sub("#", text)


def test_requirement_is_a_set_of_cues() -> None:
    need = requirement(re.compile(r"(?i)\b(?:lives|living)\s+in\b"))
    assert need == (frozenset(), frozenset({"lives", "living"}), False)
    assert requirement(re.compile(r"\w+")) is None
    assert requirement(re.compile(r"\d+ ?kg")) == (frozenset({"kg", " kg"}), frozenset(), False)
    assert requirement(re.compile(r"[0-9]+|\d\d")) == (frozenset(), frozenset(), True)
