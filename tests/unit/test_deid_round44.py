"""De-identification, issue 20 round 44: social handles after "on Instagram as", national IDs
with spaces and a letter; lower-case "<town> regional", church names, a lower-case "<name>'s
ark", NHS trusts joined by "and", "<Name> Eye and Ear", "<Name> <Name>" after "team at",
hospital acronyms, a university after "my uni (", "Region 1 Medical Center", Dutch "in het",
Romanian "Spitalul ... Sf.", Turkish "Eğitim ve Araştırma Hastanesi", Marathi and Persian
hospitals; named days dating an event; names next to "autocorrect", before "sorry, his name
is", "for short", nicknames in quotes, "name is <Name>", Dutch "Mijn dochter <Name>"; "almost
six", "sorry, seven,", plural ages, "a member of our church (39)"; "Fort <Name>", corrected
places, lower-case states, a town signed after an e-mail, "<Town>, <State>", Haitian, Urdu,
Arabic and Marathi places. Kept: "the Four Corners", "the Navy", "tell me", Spanish verbs
after "Mis hijos", Tagalog pronouns, nationalities in the plural, eponyms in a corrected
syndrome, "noted at age 3", "the US I", Hindi function words, Tamil "district", "the VA" as
a payer. Invented texts, none of the labelled sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("My niece is on Instagram as milo.and.me_2019 now.", "milo.and.me_2019"),
        ("Her national ID is 63-123456 K 07, is that needed?", "63-123456 K 07"),
        ("My aunt was treated at hattiesburg regional last spring.", "hattiesburg regional"),
        ("We worship at Mount Zion Methodist and the pastor asked.", "Mount Zion Methodist"),
        ("will the scans be done at oliver's ark?", "oliver's ark"),
        ("She trained at Guy's and St Thomas' before moving.", "Guy's and St Thomas'"),
        ("He was seen at Massachusetts Eye and Ear for his RP.", "Massachusetts Eye and Ear"),
        ("The team at Blue Ridge in Asheville suspects EDS.", "Blue Ridge"),
        ("my uni (Bangor) needs proof of my POTS diagnosis", "Bangor"),
        ("Is the QEH able to do the biopsy?", "QEH"),
        ("She is treated at the District 2 General Hospital.", "District 2 General Hospital"),
        ("Hij is onder behandeling in het Radboud voor Pompe.", "Radboud"),
        ("Fiul meu este internat la Spitalul Clinic Sf. Maria din Iași.", "Sf. Maria"),
        ("Oğlum Ankara Şehir Eğitim ve Araştırma Hastanesi'nde tedavi görüyor.",
         "Ankara Şehir Eğitim ve Araştırma Hastanesi"),
        ("आम्ही नागपूरला राहतो आणि मेयो हॉस्पिटलमध्ये जातो.", "मेयो हॉस्पिटल"),
        ("در بیمارستان شهید\u200cزاده بستری شد.", "بیمارستان شهید\u200cزاده"),
        ("Her first fit was on Valentine's Day last year.", "Valentine's Day"),
        ("my son liam... no lewis, autocorrect!! has Noonan syndrome", "lewis"),
        ("Our girl Ada... sorry, autocorrect, Ida, is 4.", "Ida"),
        ("My pupil Kwame... sorry, his name is Kofi (12), has HbSS.", "Kwame"),
        ("I'm Alexandra, Sasha for short, and I have Wilson disease.", "Sasha"),
        ('Our daughter Elizabeth, "Lizzie", is 5 and has Rett syndrome.', "Lizzie"),
        ("He is 19, name is Bram. He has Fabry disease.", "Bram"),
        ("Mijn zoon Daan is vier jaar en heeft Duchenne.", "Daan"),
        ("My grandson is almost four and has Angelman syndrome.", "almost four"),
        ("My girl Maisie, sorry, eight, has cystinosis.", "eight"),
        ("our sons r 12 and 9 and both have Duchenne.", "12"),
        ("A friend of ours (44) has Wilson disease.", "44"),
        ("They live in Port Talbot and the child has Menkes disease.", "Port Talbot"),
        ("We are near Abilene... no, Sweetwater, Texas.", "Abilene"),
        ("we r in tulsa... sorry norman ok. is there a clinic", "norman"),
        ("we live in Boise idaho and he has Alport", "idaho"),
        ("Contact me at jan.ross@example.com, Bishop's Stortford.", "Bishop's Stortford"),
        ("She studies in Austin, Texas writing a thesis.", "Texas"),
        ("Nou rete nan Nò, pitit mwen gen drepanositoz.", "Nò"),
        ("ہم کراچی میں رہتے ہیں۔", "کراچی"),
        ("نحن من نابلس وابني مريض.", "نابلس"),
        ("आम्ही पुणे येथे राहतो.", "पुणे"),
    ],
)
def test_round44_finds(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Is cystic fibrosis common in the Four Corners region?", "Four Corners"),
        ("My husband served in the Navy and now has ALS.", "Navy"),
        ("Please can someone tell me if this is normal.", "tell me"),
        ("¿Mis hijos pueden tener la enfermedad de Gaucher?", "pueden"),
        ("Normal po ba na umiiyak pa rin siyang madalas?", "siyang"),
        ("Is Fabry disease more common in Armenians?", "Armenians"),
        ("Is there onset risk if it was noted at age 3?", "3"),
        ("Is there a registry in the US I can join?", "I can"),
        ("हम पुणे में रहते हैं और केईएम अस्पताल जाते हैं।", "हैं और"),
        ("நாங்கள் சேலம் மாவட்டத்தில் வசிக்கிறோம்.", "மாவட்டத்தில்"),
        ("Does the VA pay for genetic testing?", "VA"),
    ],
)
def test_round44_keeps(text: str, kept: str) -> None:
    assert kept in deidentify(text).text


@pytest.mark.parametrize(
    "text",
    [
        "Our church supports families with Batten disease.",
        "The baptist church down the road runs a Rett syndrome group.",
        "The Eye and Ear hospital said the cataract is congenital.",
        "Can my son get Skyclarys before 16?",
        "The child is almost 100% dependent on the G-tube.",
        "Her name is not important; she has Prader-Willi syndrome.",
        "my son... no wait, autocorrect again, it is about Kabuki syndrome",
    ],
)
def test_round44_leaves_ordinary_questions(text: str) -> None:
    assert deidentify(text).text == text
