"""De-identification, issue 20 round 35: a date's span takes in "the" before its ordinal day and
the weekday before it; a year of the Ethiopian calendar; a lower-case children's hospital after
"at"; a charity by its ending after "run/volunteer at"; a postcode whose area is "HP"; a town
after "we are from" in Arabic; an island after "from [place] on"; a friend's lower-case name and
its age in brackets; two names after a plural kin word; a Tagalog age between commas. Kept: a
place-named infection, a disease's abbreviation before "genetic", a mountain range, "X-speaking",
a contraction without its apostrophe. Invented texts, none of the labelled sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import KEPT_BY_EVERY_ROUND, covered


def _date_of(text: str) -> str:
    return next(r.original for r in deidentify(text).redactions if r.kind == "date")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("My daughter was born on the 5th of June with Apert syndrome.", "the 5th of June"),
        ("Her MRI is on the 21st of October 2027, is sedation safe in Leigh syndrome?",
         "the 21st of October 2027"),
        ("We fly home on Fri, 9 Oct 2026 and he has Pompe disease.", "Fri, 9 Oct 2026"),
        ("The clinic moved us to thursday 12 March for his Fabry infusion.",
         "thursday 12 March"),
        ("Can we see you on Tuesday the 4th of May about Alport syndrome?",
         "Tuesday the 4th of May"),
    ],
)
def test_round35_date_edges(text: str, date: str) -> None:
    assert _date_of(text) == date, deidentify(text).text


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("ልጄ በ2014 ዓ.ም. ታመመ።", "2014 ዓ.ም."),
        ("my niece is at maple grove children's for her Rett syndrome", "maple grove children's"),
        ("I volunteer at Tiny Valves Parents Network. Do you have leaflets on Noonan syndrome?",
         "Tiny Valves Parents Network"),
        ("Please send the booklet on Alport syndrome to HP19 8QT.", "HP19 8QT"),
        ("مرحبا، نحن من الموصل وابني مصاب بمرض بومبي.", "الموصل"),
        ("My aunt from Cairns on Thursday Island has Fabry disease.", "Thursday Island"),
        ("lol my bff zuzu (15) has POTS and faints a lot", "zuzu"),
        ("lol my bff zuzu (15) has POTS and faints a lot", "15"),
        ("my cousins Minh and Khoa both have beta thalassemia.", "Minh"),
        ("my cousins Minh and Khoa both have beta thalassemia.", "Khoa"),
        ("Ang pamangkin ko na si Lito, apat na taon, ay may Duchenne.", "apat na taon"),
    ],
)
def test_round35_finds(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Does Ross River virus cause long-term joint pain?", "Ross River"),
        ("Is Murray Valley encephalitis the same as Barmah Forest virus?", "Murray Valley"),
        ("Sindbis virus vs Ross River: which one gives a rash?", "Ross River"),
        ("My baby has arthrogryposis. Is AMC genetic?", "AMC"),
        ("¿Es frecuente la bartonelosis en los Andes?", "Andes"),
        ("We are a French-speaking family; is there a leaflet on Pompe disease?",
         "French-speaking"),
        ("my sister lina doesnt have the Fabry variant", "doesnt"),
        ("Take the 2nd dose on the 1st of the month.", "the 1st of the month"),
        ("My friend has myasthenia gravis, is it genetic?", "My friend has"),
        ("My cousin survived Lassa fever last year.", "survived"),
        ("my friend worries she has Behçet disease too", "worries"),
        ("at my children's school the nurse knows about his epilepsy", "my children's school"),
        ("She is a member of our local support group for Turner syndrome.", "support group"),
        ("Ang anak ko, tatlong taon na ang nakalipas, ay nagkasakit.", "tatlong taon"),
        *KEPT_BY_EVERY_ROUND,
    ],
)
def test_round35_keeps(text: str, kept: str) -> None:
    assert not covered(text, kept), deidentify(text).text
    assert kept in deidentify(text).text
