"""De-identification, issue 20 round 27: initials without dots before a "duPont" name, a campus
after an acronym and "Health", an Arabic hospital named after a king or prince, a school by its
short form after "goes to", an insurer after "insurance ... with", a hospital named "Dr X's";
"one of our N-year-olds", a bare age after "a child in our care", Albanian and South Slavic
ages after "has"; a lower-case state code after a town; a Hindi name between नाम and है, an
Amharic name between ስም and ነው, a Japanese given name after 娘/息子, a South Slavic name after
a kin word. Kept: the Amharic word ስም, "one of our patients", lower-case words after a town
that are no state code. Invented texts, none of the labelled sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import KEPT_BY_EVERY_ROUND, covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("We saw Nemours first... no, JT vanBuren follows her for the scoliosis.", "JT vanBuren"),
        ("The letter from OU Health Edmond says she has Alport syndrome.", "Edmond"),
        ("هل يعالج مستشفى الأمير سلطان العسكري مرض فابري؟", "مستشفى الأمير سلطان العسكري"),
        ("She goes to Lincoln Park Prep and has type 1 narcolepsy.", "Lincoln Park Prep"),
        ("Our insurance number is on file with Zenvara and they refused the enzyme therapy.",
         "Zenvara"),
        ("He was treated at Dr Okafor's in the city for his Wilson disease.", "Dr Okafor's"),
        ("One of our 9-year-olds has Alagille syndrome. Can she do PE?", "9-year-old"),
        ("A child in our care, 11, has cystinosis. What eye drops help?", "11"),
        ("Vajza ime ka 9 vjeç dhe ka talasemi.", "9 vjeç"),
        ("Moj sin ima 4 godine i ima cističnu fibrozu.", "4 godine"),
        ("Moja kći Mateja ima Rettov sindrom.", "Mateja"),
        ("my son was seen in Billings mt. he has marfan syndrome", "mt"),
        ("मेरी बेटी का नाम अनन्या है, उसे थैलेसीमिया है।", "अनन्या"),
        ("የልጄ ስም ዳዊት ነው፣ ሄሞፊሊያ አለበት።", "ዳዊት"),
        ("息子大翔は筋ジストロフィーです。", "大翔"),
    ],
)
def test_round27_finds(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("የልጄ ስም ዳዊት ነው፣ ሄሞፊሊያ አለበት።", "ስም"),
        ("One of our patients has Alagille syndrome.", "patients"),
        ("A child in our care has cystinosis and needs eye drops.", "cystinosis"),
        ("Our insurance is with the hospital plan, does it cover Strensiq?", "Strensiq"),
        ("We went to Boston or, well, nearby, for the Fontan surgery.", "or"),
        ("息子は筋ジストロフィーです。", "筋ジストロフィー"),
        ("She goes to High School next year and has Turner syndrome.", "Turner syndrome"),
        *KEPT_BY_EVERY_ROUND,
    ],
)
def test_round27_keeps(text: str, kept: str) -> None:
    assert not covered(text, kept), deidentify(text).text
    assert kept in deidentify(text).text


def test_round27_keeps_a_hindi_question_word() -> None:
    text = "इस बीमारी का नाम क्या है?"
    assert deidentify(text).text == text
