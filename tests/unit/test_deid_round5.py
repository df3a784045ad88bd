"""De-identification, issue 20 round 5: given names of more cultures and Malay/Arabic
particles; a found name, place or institution widened over the words of its name; places
by shape (hyphen-joined towns, Australian address lines, "X state", a compass word after a
cue, accents the gazetteer lacks, a town opened by an article, a street without its
number); institutions by what a person does with them (goes to, is under, is with an
insurer, an organisation closed by its region, a town then "General"); identifiers in
issuers' shapes; feasts with "last"/"weekend"; ages in brackets with a sex, a name opening
a sentence before its age; and what must stay."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Patient Farhana Akter, 41, came with pancreatitis.", "Farhana"),
        ("My son Vikram Yadav has Fabry disease.", "Vikram Yadav"),
        ("Patient: Siti Nurhaliza binti Ahmad Faizal, 6, with SMA.", "binti Ahmad Faizal"),
        ("My nephew Bilal ud Din is 9 and has thalassaemia.", "ud Din"),
        ("Our daughter Saoirse has EB and is 8.", "Saoirse"),
        ("Questions from Rangi Tawhiri about his mokopuna.", "Tawhiri"),
        ("Brooklynn just turned two and was diagnosed with Menkes disease.", "Brooklynn"),
        ("Patient initials: K.T. Diagnosis: Alström syndrome.", "K.T."),
    ],
)
def test_names(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("We moved to Stratford-upon-Avon last year.", "Stratford-upon-Avon"),
        ("Our address is 9 Kent St, Mawson Lakes SA 5095.", "Mawson Lakes SA 5095"),
        ("We are in Enugu state, can you help?", "Enugu"),
        ("She was seen at the WCH in North Adelaide.", "North Adelaide"),
        ("Vivimos en Huaraz, Áncash, cerca de la mina.", "Áncash"),
        ("Is the same true in all of España?", "España"),
        ("He is a teacher at a school in Bath.", "Bath"),
        ("We live in Dublin 8, near the canal.", "Dublin 8"),
        ("She lives in El Alto and works in La Paz.", "El Alto"),
        ("Apollo Children's, Greams Road, Chennai.", "Greams Road"),
    ],
)
def test_places(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("she has been poorly and now goes to wellstar kennestone.", "wellstar kennestone"),
        ("We're with Bupa Arabia, policy pending.", "Bupa Arabia"),
        ("My counsellor at Genetic Health Victoria said no.", "Genetic Health Victoria"),
        ("Her physio at Bondi Junction Physiotherapy WA said so.", "Physiotherapy WA"),
        ("lo atienden en la fundación santa fe de bogotá.", "fundación santa fe"),
        ("She was admitted to Sarawak General on Monday.", "Sarawak General"),
        ("Our GP at Kelmscott Medical, Perth, said so.", "Kelmscott Medical"),
        ("She is seen at Queen's in Honolulu.", "Queen's"),
        ("Our son is under Crumlin for his EB.", "Crumlin"),
        ("They attend Little Learners Childcare in Ipswich.", "Little Learners Childcare"),
        ("Tenemos seguro con GNP pero no cubre.", "GNP"),
        ("Temos plano de saúde com a Amil, mas negaram.", "Amil"),
    ],
)
def test_institutions(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("National ID GHA-712345678-9 attached.", "GHA-712345678-9"),
        ("Patient folder NMC-2023-552301.", "NMC-2023-552301"),
        ("My employee number is on KPT/EMP/0047719.", "KPT/EMP/0047719"),
        ("RUT 12.345.678-K please.", "12.345.678-K"),
        ("NHIF no. 5521 0093. Thank you.", "5521 0093"),
        ("Mon numéro est ABCD 8503 1212 pour la RAMQ.", "ABCD 8503 1212"),
    ],
)
def test_record_numbers(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("He was diagnosed last Diwali in Pune.", "last Diwali"),
        ("Treatment started Memorial Day weekend.", "Memorial Day weekend"),
        ("She has lived here since Matariki last year.", "Matariki last year"),
    ],
)
def test_dates(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("so i (m, 24) just got my results", "24"),
        ("I (19, f) have Marfan.", "19"),
        ("my uncle Ramesh 52 have CMT", "52"),
        ("Mrs O'Brien, who's 79, lives alone.", "79"),
        ("Levi is 12 now and blind.", "12"),
        ("One of our patients, 58, has Erdheim-Chester.", "58"),
    ],
)
def test_ages(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("My friend said it isn't rare.", "said"),
        ("The sister told me it is genetic.", "told"),
        ("We applied for Orphan Drug designation.", "Orphan"),
        ("Follow up: the GP wants to stop Naglazyme for my son with MPS VI.", "VI"),
        ("Does she have Cornelia-de-Lange syndrome?", "Cornelia-de-Lange"),
        ("He goes to bed early and is under investigation.", "investigation"),
        ("She goes to physio.", "physio"),
        ("Is it true the Silk Road spread it?", "Silk"),
        ("Surgery was at Great Ormond Street.", "Surgery"),
        ("CAG repeats (42, normal <36).", "42"),
        ("Ferritin is 12.", "Ferritin"),
        ("Meu pai, Seu João, tem 80 anos.", "Seu"),
    ],
)
def test_kept(text: str, word: str) -> None:
    kept = deidentify(text)
    assert word in kept.text, kept.text
