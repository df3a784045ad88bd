"""De-identification, issue 20 round 9: English institutions with no cue but a certain head
or tail (care and service settings, churches, teams, broadcasters, firms, health systems),
names written surname first with an initial or as an initial after a clinical cue, ages
written "51F" or after "turn", lower-case months, another language's year after "in",
Chinese and Japanese dates, hospitals and schools by their head in German, French,
Vietnamese and Dutch. Invented texts, none of the labelled sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        # care and service settings, churches, teams by their tail
        ("My nan lives at Willow Brook Senior Living in Ohio.", "Willow Brook Senior Living"),
        ("The twins go to Sunny Meadow Early Learning Centre.", "Sunny Meadow Early Learning"),
        ("We did two rounds of IVF at Bayview Fertility Clinic.", "Bayview Fertility"),
        ("We go to Harvest Rain Assembly every Sunday.", "Harvest Rain Assembly"),
        ("He plays netball for the Tauranga Tigers U16 now.", "Tauranga Tigers U16"),
        ("My son plays rugby for Northside Juniors.", "Northside Juniors"),
        # broadcasters, firms, health systems
        ("I'm a producer at KTVX Channel 4 News in Utah.", "KTVX Channel 4"),
        ("I am a paralegal at Hartwell & Quayle acting for her.", "Hartwell & Quayle"),
        ("He was seen at Atrium Health Carolinas Medical Center.", "Carolinas Medical Center"),
        ("She was treated at Providence St. Vincent last year.", "Providence St. Vincent"),
        ("My son spent a week at Health Sciences North.", "Health Sciences North"),
        # names with an initial, ages by their sex letter or after "turn"
        ("Patient: Okonkwo, Adaeze T. - 51F - seen today.", "Okonkwo, Adaeze T."),
        ("Patient: Okonkwo, Adaeze T. - 51F - seen today.", "51"),
        ("Referring K. Montague for a second opinion.", "K. Montague"),
        ("my son turned 9 last week and has Fabry disease.", "9"),
        # dates: lower-case months after a cue, a year after another language's "in"
        ("she has been in hospital twice since october.", "october"),
        ("Mi hijo fue diagnosticado en 2018 en Sevilla.", "2018"),
        ("我儿子出生于2021年3月15日，在上海。", "2021年3月15日"),
        # hospitals and schools by their head in German, French, Vietnamese, Dutch
        ("Meine Tochter geht in die Grundschule Sonnenberg.", "Grundschule Sonnenberg"),
        ("Con trai tôi nằm ở Bệnh viện Bạch Mai.", "Bạch Mai"),
        ("Onze dochter lag in het Isala Ziekenhuis.", "Isala Ziekenhuis"),
        ("Mon fils est suivi au Centre Médical Les Palmiers.", "Les Palmiers"),
        # names after a Vietnamese or Hindi kin word, a Chinese name before "born"
        ("Con trai tôi Nguyễn Minh Khoa 6 tuổi bị bệnh Pompe.", "Nguyễn Minh Khoa"),
        ("मेरा बेटा आरव 5 साल का है।", "आरव"),
        ("我兒子林柏翰出生於台北。", "林柏翰"),
        # a place one lives in or comes from, Chinese and Hindi
        ("我们一家住在无锡。", "无锡"),
        ("हम इंदौर से हैं।", "इंदौर"),
        ("Mera beta bimar hai, treatment kahan milega Haryana mein?", "Haryana"),
        # a Russian centre by its adjective, an Arabic "I am", forum and hyphenated handles
        ("Лечимся в Областном центре детской хирургии в Омске.", "Областном центре детской"),
        ("أنا ليلى العمري، عمري ٣٠ سنة.", "ليلى العمري"),
        ("I'm a mod of r/PompeParents and on Venmo @Save-Little-Ana now.", "r/PompeParents"),
        ("I'm a mod of r/PompeParents and on Venmo @Save-Little-Ana now.", "@Save-Little-Ana"),
    ],
)
def test_round9_finds(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Reduced Fertility in males is part of the picture.", "Reduced Fertility"),
        ("The World Health Assembly discussed rare diseases.", "World Health"),
        ("Accident and Emergency sent us home.", "Accident and Emergency"),
        ("She turned 180 degrees on the bed.", "180"),
        ("他3年前确诊。", "3年"),
        ("Turn 2 of the screw, then stop.", "2"),
        ("My daughter may have it in may.", "may."),
        ("Mera beta bimar hai, kya SMA mein Zolgensma milega?", "SMA"),
        ("Он был в центре внимания, а Центр крови помог.", "центре внимания"),
        ("The Church Assembly met; 3/4 of the r/ sub.", "Church Assembly"),
        ("我女儿出生时很小。", "出生时"),
    ],
)
def test_round9_keeps(text: str, kept: str) -> None:
    assert kept in deidentify(text).text, deidentify(text).text
