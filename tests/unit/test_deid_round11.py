"""De-identification, issue 20 round 11: what was neither removed nor flagged. A chat
speaker's handle with an underscore after a timestamp, every time it comes back; an age one
gives of oneself ("i'm 27f", "ich bin 45 und", "... here (19)"), of one's kin in Spanish, with
its unit before a diagnosis or after an operation, before Tamil "age" or Amharic "years";
institutions by a certain shape (a government department, a church named with "the", a
hospital's wing). Invented texts, none of the labelled sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("[10:01] river_mum: hello\n[10:02] Agent: Hi\n[10:02] river_mum: Pompe", "river_mum"),
        ("hi i'm 27f with Marfan syndrome, is pregnancy safe", "27"),
        ("I am 41M and have hereditary angioedema.", "41"),
        ("Hallo, ich bin 45 und habe Morbus Fabry.", "45"),
        ("Hi, Priya here (19), I have POTS and EDS.", "19"),
        ("Mi hermana de 34 tiene lupus y está embarazada.", "34"),
        ("Our boy at 3 weeks was diagnosed with galactosemia.", "3 weeks"),
        ("She had a Kasai procedure at 7 weeks and is jaundiced.", "7 weeks"),
        ("என் அப்பாவுக்கு 70 வயது, அவருக்கு நோய்.", "70 வயது"),
        ("ልጄ 6 ዓመቷ ነው።", "6 ዓመቷ"),
        ("I work for the Free State Department of Health in town.", "Free State Department"),
        ("A worker with Eastern Bay Department of Child Services called.", "Child Services"),
        ("We attend Christ the King Catholic Church in the village.", "Christ the King"),
        ("She was born at Rosie Wing last spring.", "Rosie Wing"),
        ("Gran lives in a care home (Larkfield Court, near the sea).", "Larkfield Court"),
        ("I visit clients for Sunrise Valley Homecare twice a day.", "Sunrise Valley Homecare"),
    ],
)
def test_round11_finds(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The dose was 40 mg at 8 weeks of treatment.", "8 weeks"),
        ("Ich bin 2 Stunden gefahren.", "2 Stunden"),
        ("Mi hijo de 5 kg.", "5 kg"),
        ("[10:01] Agent: hello, see report_final.pdf", "Agent"),
        ("Patients at the Maternity Wing get support.", "Wing"),
        ("Our Home Care team visits twice a week.", "Our Home Care"),
        ("He had his first absence seizure at 9 weeks.", "9 weeks"),
    ],
)
def test_round11_keeps(text: str, kept: str) -> None:
    assert kept in deidentify(text).text, deidentify(text).text


def test_round11_keeps_an_ordinary_department() -> None:
    text = "She was seen by the Health Department of the county."
    assert "Health Department" in deidentify(text).text, deidentify(text).text


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Salve, mia figlia Ginevra, di 6 anni, ha la fibrosi cistica.", "Ginevra"),
        ("Hola, mi hijo Bruno tiene atrofia muscular espinal.", "Bruno"),
        ("मेरा बेटा आरव 7 साल का है।", "आरव"),
        ("میرا نام فرحانہ بیگم ہے، میں یہاں سے ہوں۔", "فرحانہ بیگم"),
        ("میری بیٹی کی عمر تین سال ہے۔", "تین سال"),
        ("ابني عمره ثلاث سنوات.", "ثلاث سنوات"),
        ("Ɗana yana da shekaru biyar.", "biyar"),
        ("안녕하세요. 저는 부산에 사는 이서연입니다.", "이서연"),
        ("横浜に住んでいる田中陽子です。", "田中陽子"),
    ],
)
def test_round11_finds_after_a_cue(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Mio figlio Non ha febbre.", "Non"),
    ],
)
def test_round11_keeps_after_a_cue(text: str, kept: str) -> None:
    assert kept in deidentify(text).text, deidentify(text).text
