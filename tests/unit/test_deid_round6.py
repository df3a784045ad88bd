"""De-identification, issue 20 round 6: the reviewer's flags widened by class (numbers that
could be records, acronyms where an institution goes, names and towns in lower case, the
whole of a flagged name), the bench's "removed or flagged" figure, and the removal rules
widened for record numbers, institutions, ages and places."""

from __future__ import annotations

import pytest
from bench.deid import Question, Span, flagged_chars, score, span_safe

from rareinfo.inquiries.deid import MedicalVocabulary
from rareinfo.inquiries.deid.flags import Flag, unclassified
from rareinfo.inquiries.deid.redact import Deidentified, Redaction

_VOCABULARY = MedicalVocabulary.of(["spinal muscular atrophy", "Spinraza"], ["Fabry disease"])


def _flagged(text: str) -> list[str]:
    return [f.word for f in unclassified(text, _VOCABULARY)]


def test_a_number_that_could_be_a_record_is_flagged() -> None:
    assert "000 4471 2290" in _flagged("Please reply about card 000 4471 2290 soon.")
    assert "K000417892" in _flagged("Versichertennummer K000417892.")


@pytest.mark.parametrize(
    "text",
    [
        "Diagnosed in 2019 and treated 2019-2021.",
        "He takes 2500 mg a day and 10000 IU of vitamin D.",
        "The trial NCT05115110 and OMIM 253300 say so.",
        "The variant c.1521_1523delCTT was found, PMID 12345678.",
        "Treatment costs $125000 a year.",
    ],
)
def test_years_measurements_money_and_public_ids_are_not_flagged(text: str) -> None:
    assert not [w for w in _flagged(text) if any(c.isdigit() for c in w)]


def test_an_acronym_where_an_institution_goes_is_flagged() -> None:
    assert "MGEN" in _flagged("La MGEN prend-elle en charge les frais ?")
    assert "TK" in _flagged("Er ist bei der TK versichert.")


def test_a_name_or_town_in_lower_case_is_flagged() -> None:
    assert "gary" in _flagged("hi this is gary calling about spinal muscular atrophy")
    assert _flagged("she has spinal muscular atrophy and takes Spinraza") == []


def test_the_whole_of_a_flagged_name_is_flagged() -> None:
    words = _flagged("I am a dentist at Zorvath Hub Dental in the town.")
    assert [w for w in words if w in {"Zorvath", "Hub", "Dental"}] == ["Zorvath", "Hub", "Dental"]


def test_ordinary_words_of_a_capitalised_name_are_flagged() -> None:
    assert {"Swim", "Club"} <= set(_flagged("I coach at the Swim Club on Mondays."))


def test_removed_or_flagged_counts_each_letter_of_a_span() -> None:
    # "Ann Obi lives in Xq, MRN 123": the name removed, the town flagged, the number neither
    text = "Ann Obi lives in Xq, MRN 123"
    redaction = Redaction(0, 7, "name", "Ann Obi", "[name]")
    result = Deidentified("[name]" + text[7:], (redaction,))
    town = result.text.index("Xq")
    flags = (Flag(town, town + 2, "Xq", "test"),)
    flagged = flagged_chars(text, result, flags)
    removed = [i < 7 for i in range(len(text) + 1)]
    assert [i for i, f in enumerate(flagged) if f] == [17, 18]
    assert span_safe(text, Span(0, 7, "name"), removed, flagged)
    assert span_safe(text, Span(17, 19, "place"), removed, flagged)
    assert not span_safe(text, Span(25, 28, "record_number"), removed, flagged)
    # punctuation needs no cover; one letter neither removed nor flagged leaks the span
    assert span_safe(text, Span(17, 20, "place"), removed, flagged)
    assert not span_safe(text, Span(4, 13, "name"), removed, flagged)


def test_the_bench_reports_removed_or_flagged_and_the_reviewers_burden() -> None:
    text = "Write to jo@example.com about Fabry disease."
    start = text.index("jo@")
    question = Question("q1", "dev", text, (Span(start, start + 14, "email"),))
    figures = score([question], vocabulary=_VOCABULARY)
    assert figures["span_recall"] == 1.0
    assert figures["removed_or_flagged"] == 1.0
    assert figures["questions_unseen_leak"] == 0.0
    assert figures["flags_per_question"] == 0.0
