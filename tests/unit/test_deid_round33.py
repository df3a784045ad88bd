"""De-identification, issue 20 round 33: a lower-case hospital holding a hospital's word, "X &
Y" after "at", a county agency's letters, a therapy practice or childminder by its ending,
an employer before a job, the Spanish article of a business's name, a state code in brackets
after an institution; "SURNAME, Given" in a form, initials signed under "Thanks,", names
after a Portuguese title or an Indonesian kin word; Indonesian tens in brackets, Hindi and
Bengali ages after the word for age. Kept: eponyms before a disease's word and again after
"it's", lower-case "halls", "praia", "christmas", "na" before a place. Invented texts, none
of the labelled sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import KEPT_BY_EVERY_ROUND, covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("she was seen at bradford royal infirmary for her Wilson disease", "bradford royal"),
        ("we were at oakfield memorial clinic, then no wait memorial sloane", "memorial sloane"),
        ("I'm a midwife at Mothers & Babies and a mum has Fabry disease.", "Mothers & Babies"),
        ("A caseworker at Pinal County DCS asked about his Rett syndrome.", "DCS"),
        ("I work at Blue Heron Pediatric Therapy with a child with Angelman syndrome.",
         "Blue Heron Pediatric Therapy"),
        ("I run Busy Bees Childminding and a child has PKU.", "Busy Bees Childminding"),
        ("My dad is a Qantas engineer with Fabry disease.", "Qantas"),
        ("Mi hijo trabaja en Panadería Los Robles y tiene síndrome de Marfan.", "Los Robles"),
        ("I'm a nurse at St. Brigid's Hospital (NH). Is there a Pompe registry?", "NH"),
        ("RE: WOJCIECHOWSKI, Apolonia\nDOB: 3/4/1960\nQuery Pompe disease.",
         "WOJCIECHOWSKI, Apolonia"),
        ("Is there a leaflet on Rett syndrome?\nThanks,\nA-M", "A-M"),
        ("Bom dia, sou a enfermeira Gracinda do posto de saúde.", "Gracinda"),
        ("Ayah saya Suparman sakit penyakit Fabry.", "Suparman"),
        ("Ayah saya (tujuh puluh dua tahun) kena penyakit Fabry.", "tujuh puluh dua tahun"),
        ("मेरी बेटी की उम्र सात साल है। उसे रेट सिंड्रोम है।", "सात साल"),
        ("আমার ছেলের বয়স সাত বছর। তার রেট সিনড্রোম।", "সাত বছর"),
    ],
)
def test_round33_finds(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Is Lafora disease the same as Unverricht disease?", "Lafora"),
        ("Is Adie pupil related to Holmes-Adie syndrome?", "Adie"),
        ("He has Sever disease... no, it's Sever. Should he rest?", "it's Sever"),
        ("the doctor said its Kearns-Sayre they think", "Kearns-Sayre"),
        ("She has Fabry disease and lives in halls at uni.", "halls"),
        ("Ele pode ir à praia com síndrome de Marfan?", "praia"),
        ("will he be home for christmas with his PKU", "christmas"),
        ("We were in general very happy with the royal blue brace.", "in general"),
        ("There is a cyst in my left eye, is it Coats disease?", "left eye"),
        ("Can a Fabry patient be an Uber driver?", "Fabry"),
        *KEPT_BY_EVERY_ROUND,
    ],
)
def test_round33_keeps(text: str, kept: str) -> None:
    assert not covered(text, kept), deidentify(text).text
    assert kept in deidentify(text).text
