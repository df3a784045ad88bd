"""De-identification, issue 20 round 24: English institutions by class (religious hospital
names, "X for Children", an acronym and a saint, churches and employers by their ending, a
university's acronym after a student's "at", a name asked about before "have a ... clinic"),
French "le Centre" with capitalised words, a hospital cut at a title, Chinese hospitals by city
and brand; a social-media handle; a child named in a list with a bracketed age, an appositive
after a role or an age, "I'm First Last in", a sign-off after thanks of other languages, a
nickname "(X to everyone)"; an age corrected without punctuation, a Yoruba age; two places
joined by "or" before a state. Kept: a pregnancy's weeks, a possessive or article opening an
institution, a health number's label, a region, greetings, the common and question words a
hospital rule of a script without capitals ran back over. Invented texts, none of the labelled
sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("My niece was admitted to Our Lady of Lourdes Regional last week with Kawasaki disease.",
         "Our Lady of Lourdes Regional"),
        ("He had his spinal fusion at Sacred Heart in Pensacola. Is that common for SMA?",
         "Sacred Heart"),
        ("Our neurologist at St. Bernadette's says it is Rett syndrome.", "St. Bernadette's"),
        ("She is followed at Shriners for Children in Tampa for osteogenesis imperfecta.",
         "Shriners for Children"),
        ("The ER at SSM Saint Clare sent us home with a fever and she has sickle cell.",
         "SSM Saint Clare"),
        ("The deacon at New Hope Missionary Baptist wants to organise meals for our son.",
         "New Hope Missionary Baptist"),
        ("Our youth leader at Calvary Chapel asked about epilepsy plans.", "Calvary Chapel"),
        ("I manage payroll at Delmarva Poultry Farms and a worker has myasthenia gravis.",
         "Delmarva Poultry Farms"),
        ("My son (20) at UMBC has been diagnosed with POTS. Can he live in a dorm?", "UMBC"),
        ("Does Maunalani have a metabolic clinic for adults with PKU?", "Maunalani"),
        ("Ma fille est suivie au Centre Hospitalier Sud Francilien pour une drépanocytose.",
         "Centre Hospitalier Sud Francilien"),
        ("Meu filho é tratado no Hospital Municipal Dr. Quintella e tem hemofilia.",
         "Quintella"),
        ("我媽媽在林口長庚確診為紅斑性狼瘡。", "林口長庚"),
        ("我女儿在北京协和医院看过，说是法布雷病。", "北京协和医院"),
        ("My insta is marisol.b_22 if you want to reach me. My son has Angelman syndrome.",
         "marisol.b_22"),
        ("IG: teo.and.the.twins — our twins have SMA type 1.", "teo.and.the.twins"),
        ("My grandkids Aurelio (4) and Wednesday (2) both have cystinosis.", "Wednesday"),
        ("A new fourth-grader, Tavita, has type 1 diabetes and Addison disease.", "Tavita"),
        ("Tenemos una niña de 6 años, Yamileth, con fibrosis quística.", "Yamileth"),
        ("I'm Séverine Lachapelle in Gatineau and I have Fabry disease.", "Séverine Lachapelle"),
        ("Please call me back about Fanconi anemia. Merci, Ghislain", "Ghislain"),
        ("My daughter Philippa (Pippa to everyone) has Marfan syndrome.", "Pippa"),
        ("my girl is 8, sorry 9 since monday, and she has Dravet syndrome", "9"),
        ("Ìyá mi ti pé ọdún mẹ́fà, ó ní àrùn sickle cell.", "ọdún mẹ́fà"),
        ("Her hospital number is KGH20098811, and she has lupus.", "KGH20098811"),
    ],
)
def test_round24_finds(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("I'm 22 weeks pregnant and the scan suggests skeletal dysplasia.", "22 weeks"),
        ("She is 30 weeks along and the baby has hydrops.", "30 weeks"),
        ("My son is 7. Our Aetna plan denied his enzyme therapy.", "Our"),
        ("Dear colleague, PHIN 100 200 300, referral for Alport syndrome.", "PHIN"),
        ("Who treats Gaucher disease on the Gulf Coast?", "Gulf Coast"),
        ("Mornin', my son has Stickler syndrome. Is it genetic?", "Mornin'"),
        ("میری بیٹی کی تشخیص جناح ہسپتال میں ہوئی۔", "تشخیص"),
        ("શું સિવિલ હોસ્પિટલમાં સારવાર મળે છે?", "શું"),
        ("Is there support for children with Alagille syndrome?", "support for children"),
        ("Is there a Foundation for Children with Rare Diseases grant?", "Foundation for Children"),
        ("Does Trikafta have a generic version yet?", "Trikafta"),
        ("She is 9, no longer on steroids, and has Duchenne.", "no longer"),
        ("Our Lady of Lourdes is a shrine we visited; my son has spina bifida.", "Our Lady"),
        ("I'm 44, Métis, from northern Manitoba and have Fabry disease.", "Métis"),
        ("Merci, Docteur, pour les informations sur la maladie de Gaucher.", "Docteur"),
        ("Le Centre de référence nous a orientés vers un généticien.", "Centre de référence"),
    ],
)
def test_round24_keeps(text: str, kept: str) -> None:
    assert kept in deidentify(text).text, deidentify(text).text
