"""De-identification, issue 20 round 34: a lower-case clinic by its ending after "at", a
state's university after "at", a children's hospital by a short name families use, a sports
club by its ending, an employer after "drives/works for", a town after a form's "Town:", a
lower-case state code after a place at a sentence's end, a surname after "our surname is".
Kept: one word before an infection's or a disease's word or abbreviation, "MS." after a place
read as the state. Invented texts, none of the labelled sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import KEPT_BY_EVERY_ROUND, covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("my son is seen at sunny hill kids clinic for his Pompe disease",
         "sunny hill kids clinic"),
        ("im a junior at idaho state and my lupus flares", "idaho state"),
        ("we see dr Okafor at lurie in Chicago for her Rett syndrome", "lurie"),
        ("He was sent to Sick Kids for his Alport syndrome.", "Sick Kids"),
        ("we were at sick kids for his Alport syndrome.", "sick kids"),
        ("My son plays for Hollow Creek FC and has Osgood-Schlatter disease.", "Hollow Creek FC"),
        ("My wife drives for Amazon and has Fabry disease.", "Amazon"),
        ("contact form | Name: Bo | Town: Ilfracombe | Q: is Wilson disease genetic?",
         "Ilfracombe"),
        ("my mum has Pompe disease and we live in Springfield or", " or"),
        ("Meu filho teve febre em março e tem síndrome de Marfan.", "março"),
        ("Mi hija nació en julio con síndrome de Rett.", "julio"),
        ("We farm in Mallee, Victoria and my son has Alport syndrome.", "Mallee"),
        ("He is 9, sorry, I wrote 8 before. He has Alport syndrome.", "8"),
        ("我爸爸建國80歲，住在台中，有法布瑞氏症。", "建國"),
        ("我女儿在川大儿院确诊了雷特综合征。", "川大儿院"),
        ("our surname is Marfan, and my son has Marfan syndrome. Is it common?", "Marfan"),
    ],
)
def test_round34_finds(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("After Coxsackie myocarditis can my son play football?", "Coxsackie"),
        ("Is Hendra virus the same as Nipah virus?", "Hendra"),
        ("We live in Tupelo, MS. She was told she has Fabry disease.", "She"),
        ("we saw her at the clinic and then at our local eye clinic", "our local eye clinic"),
        ("he was seen at the genetics clinic for Angelman syndrome", "genetics clinic"),
        ("she is followed at sickle cell clinic and at bone marrow transplant clinic",
         "sickle cell clinic"),
        ("we go to peds genetics and metabolic clinic for her PKU", "metabolic clinic"),
        ("he plays for the school team and has Sever disease", "the school team"),
        ("my dad works for the council and has Fabry disease", "works for"),
        ("hi everyone, is Pompe disease in or out of the newborn screen?", "in or out"),
        ("El médico dijo que en mayoría de casos el síndrome de Rett es leve.", "mayoría"),
        ("我儿子在医院确诊了雷特综合征。", "医院"),
        ("我媽媽今年78歲，有法布瑞氏症。", "今年"),
        ("We live in Jackson, MS. My wife was diagnosed with MS last year.", "with MS"),
        ("Is enzyme therapy given to sick kids with Pompe disease?", "sick kids"),
        ("oh gosh, is Rett syndrome in girls only? I had to chop his food.", "chop"),
        ("In addition, Texas has a Rett clinic.", "addition"),
        ("the state of ohio state law on Medicaid waivers", "state law"),
        *KEPT_BY_EVERY_ROUND,
    ],
)
def test_round34_keeps(text: str, kept: str) -> None:
    assert not covered(text, kept), deidentify(text).text
    assert kept in deidentify(text).text
