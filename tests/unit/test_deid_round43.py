"""De-identification, issue 20 round 43: health systems named by a person or place with no
"hospital" word, hospital acronyms, "Dr. <Name> Regional Hospital", lower-case schools,
"<Name> Lodge", "<Town> Fire Department", French, Spanish, Polish, Turkish, Chinese, Korean,
Hebrew and Urdu institutions; lower-case names after a cue, "<Name> is 9 and has", "I'm
<Name>, 31,", names after "(DOB", "prefers", "writing about" and in other languages; Thai
Buddhist-era years; fractional, corrected and corrected-number ages; lower-case "town st",
hyphenated towns with a state, Labrador, "en RDC", Haitian, Māori, Thai, Hindi, Chinese and
Arabic places. Kept: onset ages after a symptom verb, typical ages, "Dr <Surname>" as a
name, two institutions joined by "at", a region joined to a hospital by "and",
"Deutschland <Noun>", a place before a disease, "Kann man", "the Bible", Vietnamese
"ngày", a Persian hospital's trailing word, a name corrected away. Invented texts, none of
the labelled sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("They sent us to City of Hope for the transplant.", "City of Hope"),
        ("She had her scan at James Paget in the spring.", "James Paget"),
        ("he was admitted to Piedmont twice this year", "Piedmont"),
        ("Is Darnall able to do an echo?", "Darnall"),
        ("We are seen at Mass General for Children every month.", "Mass General for Children"),
        ("is there a lupus clinic at rush", "rush"),
        ("La seguono al Meyer per la fibrosi cistica.", "Meyer"),
        ("Her rheumatologist at UVM wants a biopsy.", "UVM"),
        ("Zij wordt gevolgd in het UMCG.", "UMCG"),
        ("He was born at the Dr. Amos Whitlock Memorial Hospital in May.", "Dr. Amos Whitlock"),
        ("the nurse at school (lincoln elementary) called me", "lincoln elementary"),
        ("I volunteer at Birch Hill Lodge near Kendal.", "Birch Hill Lodge"),
        ("He joined the Harlow Fire Department last year.", "Harlow Fire Department"),
        ("Il est suivi à l'Hôpital d'Enfants Marie Curie.", "Hôpital d'Enfants Marie Curie"),
        ("La atienden en el Hospital del Niño Poblano.", "Hospital del Niño Poblano"),
        ("Leczy się w Szpitalu Wojewódzkim nr 2 w Kielcach.", "Szpitalu Wojewódzkim nr 2"),
        ("Kızım Hacettepe Üniversitesi'nde takip ediliyor.", "Hacettepe Üniversitesi"),
        ("我女儿在绍兴市人民医院确诊。", "绍兴市人民医院"),
        ("부산대학교병원에서 진단을 받았어요.", "부산대학교병원"),
        ("הבת שלי מטופלת בסורוקה.", "סורוקה"),
        ("my nan beryl is ninety and has myasthenia", "beryl"),
        ("my husband is ezra (52) and has acromegaly", "ezra"),
        ("my husband is ezra (52) and has acromegaly", "52"),
        ("i'm maisie's mum, she has Rett", "maisie"),
        ("my son kit... i mean rafe is 7 n has Perthes", "rafe"),
        ("Thanks. Gideon is 8 and has Sotos syndrome.", "Gideon"),
        ("I'm Petra, 44, and I have myasthenia gravis.", "Petra"),
        ("I'm Petra, 44, and I have myasthenia gravis.", "44"),
        ("Our son Caspian (DOB 01/01/2024) has a VSD.", "Caspian"),
        ("My stepdaughter Henrietta now prefers Etta.", "Etta"),
        ("> thank you for writing about Bartholomew and Noonan syndrome.", "Bartholomew"),
        ("Oğlum Deniz beş yaşında ve SMA hastası.", "Deniz"),
        ("Mój syn Kacper ma pięć lat.", "Kacper"),
        ("Olá, sou a Mariana e o meu filho tem fibrose quística.", "Mariana"),
        ("Pitit fi m Nadège gen senk an.", "Nadège"),
        ("Orúkọ mi ni Tọ́lá, mo ń gbé ní Èkó.", "Tọ́lá"),
        ("مرحبا، أنا سامر من حلب.", "سامر"),
        ("من آرش هستم و از شیراز می‌نویسم.", "آرش"),
        ("دخترم ستاره پنج سال دارد.", "ستاره"),
        ("میں گجرات سے عمران ہوں۔", "عمران"),
        ("ลูกชายชื่อกล้าอายุสามขวบ", "กล้า"),
        ("เกิดปีพ.ศ. 2563 ที่บ้าน", "พ.ศ. 2563"),
        ("my son is 5 and a half and has CF", "5 and a half"),
        ("She is 6 months old, 3 months corrected.", "3 months"),
        ("He started Myozyme at two weeks.", "two weeks"),
        ("My daughter is siete... sorry, 7, and has Rett.", "siete"),
        ("My daughter is siete... sorry, 7, and has Rett.", "7"),
        ("they said she wouldn't make 3 and she is 9 now", "3"),
        ("Pitit gason m gen dizan.", "dizan"),
        ("we live in tulsa ok and need a geneticist", "tulsa"),
        ("we live in Hope ar and need a geneticist", "ar"),
        ("were from cedar falls. is there a clinic", "cedar falls"),
        ("Address: Wailea-Makena, HI", "Wailea-Makena"),
        ("We moved to Labrador last spring.", "Labrador"),
        ("a festival in reading in june", "reading"),
        ("Nous vivons en RDC depuis 2020.", "RDC"),
        ("Mwen soti Sen Rafayèl.", "Sen Rafayèl"),
        ("We live in Te Kuiti and the clinic is far.", "Te Kuiti"),
        ("บ้านอยู่ที่สันทราย ไกลจากโรงพยาบาล", "สันทราย"),
        ("हम पटना में रहते हैं।", "पटना"),
        ("每個月要去高雄看醫生。", "高雄"),
        ("نعيش في عُمان منذ سنتين.", "عُمان"),
    ],
)
def test_round43_finds(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("He lost his words at 3 and we worry about school.", "3"),
        ("Her tremor appeared in the left hand at seven.", "seven"),
        ("Is surgery usually at age 4 for this?", "4"),
        ("We rush to the ER every time.", "rush"),
        ("Is the Piedmont region far from Turin?", "Piedmont"),
        ("He is a Labrador retriever owner and has asthma.", "Labrador retriever"),
        ("I keep reading in the news about it.", "reading"),
        ("Kann man mit Marfan-Syndrom Sport machen?", "Kann"),
        ("Is that from the Bible or a doctor?", "Bible"),
        ("Gibt es in Deutschland Elterngruppen für Kinder mit Rett?", "Elterngruppen"),
        ("Is Jacobsen syndrome the same as 11q deletion?", "Jacobsen syndrome"),
        ("my son has it and my nan also has it", "also"),
        ("Is Hunter syndrome the same as MPS II? Hunter is 9 and has it.", "Hunter syndrome"),
        ("Can she take Tylenol? She prefers Tylenol to Advil.", "Tylenol"),
        ("Could you write about Fabry and its kidney effects?", "Fabry"),
        ("Is there a rare disease clinic at a high school level?", "high"),
        ("The drug is normally started at 5 years.", "5 years"),
    ],
)
def test_round43_keeps(text: str, kept: str) -> None:
    assert not covered(text, kept), deidentify(text).text
    assert kept in deidentify(text).text


def test_round43_two_institutions_joined_by_at() -> None:
    text = "She goes to Tiny Acorns Nursery at St Hilda's Church in Leeds."
    assert covered(text, "Tiny Acorns Nursery")
    assert "at" in deidentify(text).text.split()


def test_round43_dr_surname_is_a_name() -> None:
    result = deidentify("His surgeon at Leeds General is Dr Abernethy.")
    assert [r.original for r in result.redactions if r.kind == "name"] == ["Abernethy"]


def test_round43_region_and_hospital() -> None:
    text = "We live near Mobile, Alabama and Children's of Alabama sees him."
    kinds = {r.original: r.kind for r in deidentify(text).redactions}
    assert kinds.get("Alabama") == "place"
    assert " and " in deidentify(text).text


def test_round43_vietnamese_date_and_persian_tail() -> None:
    vietnamese = "Cháu sinh ngày 4 tháng 6 năm 2020, bị bệnh."
    assert "ngày" in deidentify(vietnamese).text
    assert covered(vietnamese, "4 tháng 6 năm 2020")
    persian = "در بیمارستان امام رضا خون می‌گیرد."
    assert "خون" in deidentify(persian).text


def test_round43_name_corrected_away() -> None:
    text = "hi, my son Bram is 4.\nsorry his name is Bran not Bram, autocorrect"
    result = deidentify(text)
    assert result.text.count("Bram") == 1


def test_round43_institution_in_a_correction() -> None:
    text = "she was at Emory — sorry, not Emory, Grady — for her crisis"
    assert covered(text, "Grady")


@pytest.mark.parametrize(
    "text",
    [
        "Is it safe to rush the dose increase of baclofen?",
        "He prefers Keppra over Depakote. Is that ok?",
        "my aunt who lives nearby has Marfan and my uncle also has it",
        "He regressed at 18 months and lost his words. Is that autism or Rett?",
    ],
)
def test_round43_leaves_ordinary_questions(text: str) -> None:
    assert deidentify(text).text == text


def test_round43_a_dose_is_no_age() -> None:
    text = "The dose is 3 and a quarter tablets a day."
    assert deidentify(text).text == text


@pytest.mark.parametrize(
    "text",
    [
        "Is PIMS the same as Kawasaki disease?",
        "Our Local Fire Department gave a talk on epilepsy first aid.",
    ],
)
def test_round43_leaves_acronyms_and_departments(text: str) -> None:
    assert deidentify(text).text == text
