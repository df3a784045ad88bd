"""De-identification, issue 20 round 48: institutions. A church after "my/our church", an
agency or insurer an id is held with, an employer in brackets, a family support service or
parents' group by its name, a university by a short name, a hospital in lower case after the
staff who work there or a correction, "the hospital is <name>". Kept: honorifics after "our
church,", a bare agency's letters, "NHS" as an employer, support groups named for a disease,
ordinary places after "at" ("at home", "at night"), plain words after a hospital's name.
Invented texts, none of the labelled sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        # a church after "my/our church"
        ("Our church Grace Fellowship Tulsa is collecting for her Rett syndrome care.",
         "Grace Fellowship Tulsa"),
        ("my church, Hope Chapel Kinsale, prays for him.", "Hope Chapel Kinsale"),
        # an agency or insurer an id is held with
        ("The claim number with Bluecross Texas is 77-A. They refuse the chair.",
         "Bluecross Texas"),
        ("Her case number with Nevada DCFS is 4410. Can we get testing?", "Nevada DCFS"),
        # an employer in brackets
        ("My husband's employer (Vantor Logistics in Leeds) won't give him leave.",
         "Vantor Logistics"),
        # a family support service by its name
        ("A worker from Kestrel Family Support visited us about Angelman syndrome.",
         "Kestrel Family Support"),
        # a university by a short name
        ("My brother studies at Plymouth uni and has Fabry disease.", "Plymouth"),
        # a lower-case hospital after its staff or a correction
        ("the doctors at st judes... no sorry at mott said its batten disease", "mott"),
        ("dr kowalski at saint agnes said maybe cystic fibrosis", "saint agnes"),
        ("the neuro at brookvale medical says its CMT", "brookvale medical"),
        # "the hospital is <name>"
        ("we live far away and the hospital is mercyhurst, is that ok", "mercyhurst"),
    ],
)
def test_round48_finds(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("a lady in our church, Ms. Odell, has scleroderma.", "our church, Ms."),
        ("His case number with DCFS is 55-12. Can we share records?", "DCFS"),
        ("My employer (NHS) said I can't have leave for Pompe disease.", "NHS"),
        ("The Marfan Support Group was helpful with the aortic scans.", "Marfan Support Group"),
        ("the neuro at brookvale now says its probably CIDP", "now says"),
        ("My brother studies at Plymouth uni and has Fabry disease.", "uni"),
    ],
)
def test_round48_keeps(text: str, kept: str) -> None:
    assert kept in deidentify(text).text


@pytest.mark.parametrize(
    "text",
    [
        "the doctors at home said to rest. Is that right for Alport syndrome?",
        "the nurses at night said he was fine. the team at clinic says the MRI is normal.",
        "our hospital is brilliant and the hospital is ours. Is ERT given weekly?",
        "the consultants at the hospital said he has Alport syndrome.",
        "the team at diagnosis said he would not walk. Is that true for SMA?",
        "the hospital is wonderful. the clinic was crowded, is that normal for CF?",
        "Does Duchenne muscular dystrophy affect the heart?",
        "My church, the local one, helps with transport to the clinic.",
    ],
)
def test_round48_leaves_ordinary_questions(text: str) -> None:
    assert deidentify(text).text == text
