"""De-identification, issue 20 round 15: institutions by head word ("... Network", "... Hub"),
"the Mater", French "collège" in lower case; ages in words with a fraction, in Spanish number
words, Kannada and Quechua; lower-case names after a greeting or one's partner; a handle with
dots after a platform; names after "my 5yo", a dash, "We are ... and ...", "el doctor", above
an email; Indic-script places after place cues, AIIMS in Devanagari and Gurmukhi; a Chinese
record cue; a town after a removed place before a stop. Kept: languages and peoples,
sign-offs, German everyday words, eponyms after "maladie de", a law's
name, "for TB" after a hospital. Invented texts, none of the labelled sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Our son was diagnosed at Riverbend Health Network last spring.", "Riverbend"),
        ("I volunteer at Saint Brigid's Parent Hub in the town.", "Saint Brigid's Parent Hub"),
        ("She had her scans at the Mater and they found a cyst.", "Mater"),
        ("Je travaille au collège Paul-Éluard à Nantes.", "collège Paul-Éluard"),
        ("Our grandson is four and a half and has Noonan syndrome.", "four and a half"),
        ("- Rosa (six and three-quarters) has no signs yet", "six and three-quarters"),
        ("Mi hija tiene catorce años y tiene lupus.", "catorce años"),
        ("ನನ್ನ ಮಗಳು ಶ್ರುತಿ 7 ವರ್ಷ.", "7 ವರ್ಷ"),
        ("Churiypa sutin Amaru, suqta watayuq.", "suqta watayuq"),
        ("hi i'm wren... i'm 15 and have POTS", "wren"),
        ("hi i'm sam, im 17 and have Crohn's.", "sam"),
        ("my bf juniper has Crohn's and wants to know about trials", "juniper"),
        ("hey, my tiktok is frosty.fern.life if you want to chat about EDS", "frosty.fern.life"),
        ("my 4yo Peregrine has the same rash.", "Peregrine"),
        ("What is the outlook for Pfeiffer syndrome? — Evangeline in Tulsa", "Evangeline"),
        ("We are Lorcan and Maisie Tregarthen, parents of a boy with SMA.", "Maisie Tregarthen"),
        ("el doctor Villaseñor dice que no hay tratamiento.", "Villaseñor"),
        ("Thanks for your help.\nOdalys Brennick\nodalys.b@example.org", "Odalys Brennick"),
        ("Ñuqa Saturnina Mamani kani, Puno llaqtamanta.", "Saturnina Mamani"),
        ("हम सीवान, बिहार से हैं और बेटे को हीमोफीलिया है।", "सीवान"),
        ("ਅਸੀਂ ਮੋਗਾ ਤੋਂ ਹਾਂ।", "ਮੋਗਾ"),
        ("मेरी माँ का इलाज एम्स रायपुर में हुआ।", "एम्स रायपुर"),
        ("என் அப்பா முருகேசன் (68 வயது) சேலத்தில் வசிக்கிறார்.", "முருகேசன்"),
        ("আমরা বর্ধমানে থাকি।", "বর্ধমান"),
        ("我儿子的住院号：8802311，请问怎么办？", "8802311"),
        ("Mia nonna vive in una RSA (Villa Aurora) e ha la SLA.", "Villa Aurora"),
        ("We live in Lerwick, Shetland. Is there a clinic nearby?", "Shetland"),
        ("we're both 31 and carriers of a GJB2 variant", "31"),
    ],
)
def test_round15_finds(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Do you have leaflets in Gujarati? My mother only reads Gujarati.", "only reads Gujarati"),
        ("Can Tamil families get the newborn screen?", "Can Tamil families"),
        ("My husband is Acadian and I am Cajun; should we test?", "I am Cajun"),
        ("Thank you.\nRegards,\nthe family", "Regards"),
        ("Is Best disease the same as Best vitelliform dystrophy?", "Best disease"),
        ("hi my son rowan has a rash", "hi my son"),
        ("Guten Tag. Meine Tochter hat Morbus Fabry.", "Meine Tochter"),
        ("Est-ce que la maladie de Basedow est rare?", "maladie de Basedow"),
        ("¿El tratamiento está en la Ley Ricarte Soto?", "Ley Ricarte Soto"),
        ("He was treated at Karunda Hospital for TB last year.", "for TB"),
        ("hi i'm worried, my son has a rash after amoxicillin.", "worried"),
        ("hi i'm deaf, and my son has Usher syndrome.", "deaf"),
        ("my son also has hypotonia. Is that related?", "also has hypotonia"),
        ("He takes 2 and a half tablets of baclofen a day.", "2 and a half tablets"),
        ("We got a referral to the Rare Disease Network.", "Rare Disease Network"),
        ("Mi abuela vive en el Chaco.", "en el"),
        ("Tengo fiebre mediterránea familiar desde los 12.", "desde los 12"),
        ("Buongiorno, sono Marta Lunardi di Verona.", " di "),
        ("Did Alice in Wonderland syndrome come from migraines?", "Alice in Wonderland"),
    ],
)
def test_round15_keeps(text: str, kept: str) -> None:
    assert kept in deidentify(text).text, deidentify(text).text
