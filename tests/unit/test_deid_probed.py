"""De-identification: what probing the finished rounds with ordinary medical questions found
wrongly removed. A drug name after "Can/Will/May" at the head of a question is no given name
("Can" is a Turkish one); a place word before "phenotype/protocol/criteria/classification/blood
group" names something medical, also after "work for". Names after those words, and
employers and towns elsewhere, are still removed. A second probe: "real/legal name" is no
name, a plural of an everyday noun after "drive to" is no town, and the verb of a question
about a relative ("Can her brother donate blood?") is no name; real names, towns and known
given names in those places are still removed. Invented texts, none of the labelled
sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import covered


@pytest.mark.parametrize(
    "text",
    [
        "Can Nusinersa be given at home or only in hospital?",
        "Will Oxlumo work if the kidneys are already damaged?",
        "May Cerdelga be taken with grapefruit juice?",
        "Does the Toronto protocol work for Bombay phenotype patients?",
        "Is the plan based on the Ghent criteria or the older Berlin nosology?",
        "Would a Bombay blood group change what transfusions she can have?",
        "Does this trial follow the Manchester criteria?",
        "My daughter (real name withheld) has Pompe disease.",
        "Her legal name is different, is that a problem for the registry?",
        "The long drive to appointments wears us out.",
        "Is the trip to infusions covered by the charity?",
        "Can her brother donate blood if he carries the variant?",
        "Should my sister get tested for Fabry disease?",
        "Could his grandmother pass it on?",
    ],
)
def test_probed_questions_stay_whole(text: str) -> None:
    assert deidentify(text).text == text


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("My son Can is 6 and has SMA type 2.", "Can"),
        ("Can Mehmet come with me to the clinic? He is my son.", "Mehmet"),
        ("My husband works for Brindlewood Foods in Leeds.", "Leeds"),
        ("We moved from Bombay to Pune last year; she has Gaucher disease.", "Bombay"),
        ("My daughter's real name is Petra and she is 6.", "Petra"),
        ("can my son liam take ibuprofen with his meds", "liam"),
        ("We make the long drive to Tamworth for her infusions.", "Tamworth"),
    ],
)
def test_probed_details_still_removed(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text
