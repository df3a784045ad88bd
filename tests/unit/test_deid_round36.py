"""De-identification, issue 20 round 36: a weekday, "the" and an ordinal day with no month; an
institution, "de/di" and its place as one institution; a lower-case school by its ending; a
charity's lower-case name after "at the"; a lower-case state code at the end of a question; a
lower-case town after "[institution] in" and in "we're in X now"; a town after 我們住; a
country's official Arabic name; a number after "[name] is" before "n"; a corrected age in
words; a French age in compound words; a client's name before an age in brackets; a lower-case
self-introduction. Kept: "one of N", a lone "university", an eponym before "-like". Invented
texts, none of the labelled sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import KEPT_BY_EVERY_ROUND, covered


def test_round36_weekday_and_ordinal_day_is_one_date() -> None:
    text = "Her echo is on Friday the 14th, should we stop the propranolol?"
    dates = [r.original for r in deidentify(text).redactions if r.kind == "date"]
    assert dates == ["Friday the 14th"], deidentify(text).text


@pytest.mark.parametrize(
    "text",
    [
        "A minha filha é seguida no Hospital Santa Luzia de Viana, tem Rett.",
        "Mia madre è seguita all'Ospedale Civile di Brescia per la SLA.",
    ],
)
def test_round36_institution_de_place_is_one_institution(text: str) -> None:
    kinds = [r.kind for r in deidentify(text).redactions]
    assert kinds == ["institution"], deidentify(text).text


@pytest.mark.parametrize(
    ("text", "part"),
    [
        (
            "my daughter plays soccer at lakeside ridge middle. is it safe with Ehlers-Danlos?",
            "lakeside ridge middle",
        ),
        ("can she still volunteer at the salvation army with her lupus?", "salvation army"),
        ("we just moved, is there a Fabry clinic anywhere in nm?", "nm"),
        ("he had his biopsy at Mercy Medical Center in dubuque. is that normal?", "dubuque"),
        ("we used to live in the city but we're in wapakoneta now", "wapakoneta"),
        ("我们住桃园。我女儿有庞贝病。", "桃园"),
        ("نعيش الآن في المملكة المغربية وابني مصاب بالتليف الكيسي.", "المملكة المغربية"),
        ("my son Brixton is 4 n the cardiologist wants an MRI", "4"),
        ("She's nine, sorry, I wrote eight before. She has Rett syndrome.", "eight"),
        ("Bonjour, j'ai trente-deux ans et une maladie de Fabry.", "trente-deux ans"),
        ("I coach a student, Thaddeus (twelve), who has Duchenne.", "Thaddeus"),
        ("hi im yarelis n i have Sjogren syndrome", "yarelis"),
    ],
)
def test_round36_finds(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("On Monday the first thing we did was call the genetics team.", "Monday"),
        ("she is one of 4 sisters with Fabry disease", "one of 4"),
        ("My daughter is at university in the city, can she drink with PKU?", "university"),
        ("Are Ehlers-Danlos-like features and Marfan-like features the same?", "Marfan-like"),
        ("Is methotrexate safe at very high doses in junior high students?", "very high"),
        ("his ferritin was at an all time high. is that hemochromatosis?", "all time high"),
        ("her CK stayed at dangerously high levels with the statin", "dangerously high"),
        ("we're in remission now after the chemo", "remission"),
        ("我们住院了，孩子有癫痫。", "住院"),
        ("hi im worried n scared about the Chiari surgery", "worried"),
        ("Is this much bruising normal in me?", "me"),
        ("is heat intolerance common in ms?", "ms"),
        *KEPT_BY_EVERY_ROUND,
    ],
)
def test_round36_keeps(text: str, kept: str) -> None:
    assert not covered(text, kept), deidentify(text).text
    assert kept in deidentify(text).text
