"""De-identification, issue 20 round 4: national ids named bare, letter-and-digit codes,
extensions and phone cues of other languages, Discord handles, dates in Islamic and Hebrew
months and e-mail headers in Portuguese, more feasts; names after "i am", particles after a
title, closing initials, "Md."; employers after more jobs, firms, charities, newspapers,
acronyms before their staff or after their place; towns before their city, areas named
"State", codes in compounds; and what must stay: eponyms after a word that is a name,
prepositions of phenotype names, team acronyms."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Our NHIS number is 73829104 and he has sickle cell.", "73829104"),
        ("His Iqama is 2345678901, can he be treated here?", "2345678901"),
        ("My NID 19901234567 is on the form.", "19901234567"),
        ("Re your ticket HD-2024-07-331: yes, please.", "HD-2024-07-331"),
        ("Carnet XKJ88120034 attached.", "XKJ88120034"),
        ("Her HMC number is 3456789.", "3456789"),
    ],
)
def test_record_numbers(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Teléfono de la consulta 4455 6677 interno 203.", "4455 6677 interno 203"),
        ("Telefone 3344 5566 ramal 12, falar com a enfermagem.", "3344 5566 ramal 12"),
        ("find me on Discord as pompe.mum#0427 any time", "pompe.mum#0427"),
        ("PO Box 14, RR 2, Grey County", "RR 2"),
    ],
)
def test_contacts(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("He was admitted on 14 Shawwal with a crisis.", "14 Shawwal"),
        ("Em qui., 9 de jan. de 2025 às 10:02, Rui escreveu:", "qui., 9 de jan. de 2025"),
        ("The pump failed on Presidents' Day weekend.", "Presidents' Day"),
        ("We found out on Martin Luther King Day.", "Martin Luther King Day"),
        ("Ela nasceu dia 21/09 e tem AME.", "21/09"),
        ("His next appt is Thurs 4/17.", "4/17"),
        ("Empezó en octubre del año pasado.", "octubre del año pasado"),
    ],
)
def test_dates(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Grandpa died at 58 of what was probably Fabry.", "58"),
        ("diagnosed at 9, now 23. is pregnancy safe?", "23"),
        ("My son, Kwabena, is 7 and has sickle cell.", "7"),
        ("F, 33, with POTS and fainting", "33"),
        ("41/M here, just diagnosed with HAE", "41"),
        ("my baby Zara 5 weeks has jaundice", "5 weeks"),
    ],
)
def test_ages(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("hi i am Thandeka i am 19 and have Fabry disease", "Thandeka"),
        ("our coach mrs de Klerk says it is rare", "de Klerk"),
        ("I see a patient, Naledi K., with Gaucher disease.", "Naledi K."),
        ("I am Mohd. Faizal Rahman from Johor.", "Mohd. Faizal Rahman"),
        ("Mi neuróloga es la doctora Etxeberria.", "Etxeberria"),
        ("my lil bro Deshawn has sickle cell", "Deshawn"),
        ("The index case, Oriana, was diagnosed at 2.", "Oriana"),
        ("The surgeon who saw him is Dr. Young.", "Young"),
        ("cc: Minho Park (husband)", "Minho Park"),
        ("My tamariki, Aperahama and Huia, both have it.", "Aperahama"),
    ],
)
def test_names(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("I'm a reporter at The Daily Courier covering rare diseases.", "The Daily Courier"),
        ("My husband is a mechanic w Halfords and our son has CF.", "Halfords"),
        ("I'm a paralegal at Okafor & Bello LLP in Abuja.", "Okafor & Bello LLP"),
        ("I am a pharmacist in Davao at Rose Pharmacy.", "Rose Pharmacy"),
        ("Her school, Coláiste Íde, has been great.", "Coláiste Íde"),
        ("The LUTH doctors said there is no cure.", "LUTH"),
        ("KATH refused to admit her twice.", "KATH"),
        ("He goes to Tiny Tots daycare on Mondays.", "Tiny Tots"),
        ("Our local hospital is Wexford General.", "Wexford General"),
        ("My husband drives for Bolt at night.", "Bolt"),
        ("The social worker from Ohio JFS called.", "Ohio JFS"),
        ("Seen at Hospital Materno Infantil 1 de Mayo in Lima.", "Hospital Materno Infantil"),
        ("Treated at Clínica Dr. José A. Ruiz Ortega.", "José A. Ruiz Ortega"),
        ("Covered by Blue Cross Blue Shield of Kansas City.", "Blue Cross Blue Shield of Kansas"),
        ("y mi mutualista es Médica Uruguaya", "Médica Uruguaya"),
        ("Mi obra social es IOMA y no cubre.", "IOMA"),
        ("a banker with Access Bank in Ibadan", "Access Bank"),
        ("I am an employee of Vale in Itabira.", "Vale"),
    ],
)
def test_institutions(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("We live in Warri, Delta State, Nigeria.", "Delta State"),
        ("Are there UK-based support groups?", "UK"),
        ("any trials in ireland or the uk", "uk"),
        ("we are in nsw and she is 3", "nsw"),
        ("sorry — Ballyhaunis, Co. Mayo, Ireland.", "Ballyhaunis"),
        ("my aunt, 77, of Koramangala, Bengaluru, has ATTR.", "Koramangala"),
        ("Bom dia, sou do Porto e tenho Wilson.", "Porto"),
        ("There's a chemist on Bold Street in Liverpool.", "Liverpool"),
        ("Is there a clinic in South Africa outside Johannesburg?", "South Africa"),
        ("Notre adresse : 8 rue de la Paix, 75002 Paris.", "8 rue de la Paix, 75002"),
        ("Abitiamo in Via Garibaldi 8, 20121 Milano.", "Via Garibaldi 8, 20121"),
        ("Wir wohnen in der Hauptstraße 5a, 1010 Wien.", "Hauptstraße 5a, 1010"),
        ("We live at 22 Marine Parade, Brighton.", "22 Marine Parade"),
    ],
)
def test_places(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ('Is "Best vitelliform macular dystrophy" the same? Dr. Best says so.', "Best vitelliform"),
        ("I'm his great-grandmother, I'm 84.", "great-grandmother, I'm"),
        ("The NICU nurses and the MDT staff were kind.", "MDT staff"),
        ("The MHRA said it is not licensed yet.", "MHRA"),
        ("We applied for Orphan Drug designation.", "Orphan Drug"),
        ("The sequence is ENST00000003084 and NM_000492.4.", "ENST00000003084"),
        ("Santiago, Chile\nRUT 15.432.876-K", "RUT"),
        ("Will's brain MRI was clear; our son Will is 7.", "brain MRI"),
        ("Surgery is booked for next week.", "booked"),
        ("In short, is 5 mg enough?", "5 mg"),
        ("His CAG number is 42.", "42"),
        ("Power was 4/5 in the legs.", "4/5"),
        ("He scored on 3/5 of the tests.", "3/5"),
        ("She lives on Humira and prednisone.", "Humira"),
        ("She was seen in the Paediatric Neurology clinic.", "Paediatric Neurology clinic"),
        ("We go to the Marfan clinic on Friday.", "Marfan clinic"),
    ],
)
def test_kept(text: str, kept: str) -> None:
    assert kept in deidentify(text).text, deidentify(text).text
