"""De-identification, issue 20 round 31: a part of a month before a month ("mid-March 2022"),
a lower-case month abbreviation and a day after "born/on", the year a correction takes back;
"N and a half", ages in brackets after a list of names (and the names), a child's age in
brackets after a group word, an age in brackets after a corrected name or after an age, "is
N, not M", "At N, she", Persian, Punjabi and Amharic ages in words; "St. X hospital/Parish",
"Health City X", Vietnamese "Bệnh viện Trẻ em X", Indonesian "RSUP Dr. X", Yoruba
"Ilé-ìwòsàn X", a Chinese branch hospital, an acronym after "told by"; names after a
correction, a typo, "my mum is", a role and commas, "sorry wrong name", and "my name is" in
Yoruba, Hebrew and Punjabi; "State: XX" in a form, a lower-case country of two words, a
lower-case town and state code, "Grand X" after a place, a Chinese county. Kept: an
Arabic-script hospital stops at a verb or a medical word, a cut-off eponym a correction
replaces, question words of other languages. Invented texts, none of the labelled sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import KEPT_BY_EVERY_ROUND, covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("He started the new diet mid-March 2022 and the seizures eased.", "mid-March 2022"),
        ("She was diagnosed early October 2021 with Wilson disease.", "early October 2021"),
        ("my little one born aug 14 has cystic fibrosis, is salt ok", "aug 14"),
        ("Correction: Tobias was born in 2015, not 2014, and has Fabry disease.", "2014"),
        ("Our boy Lorcan is three and a half and has Menkes disease.", "three and a half"),
        ("Our kids, Wilhelmina, Bartholomew and Clementine (12, 8 and 5), have PKU.",
         "Bartholomew"),
        ("Our kids, Wilhelmina, Bartholomew and Clementine (12, 8 and 5), have PKU.", "8"),
        ("One of our pupils (9 years) has Duchenne muscular dystrophy.", "9 years"),
        ("A fourth grader (10) in my class has sickle cell disease.", "10"),
        ("Two of my pupils (8 and 9) have haemophilia A.", "9"),
        ("My daughter Saoirse... sorry, Sorcha, (13) has Marfan syndrome.", "13"),
        ("Quick fix: Matteo is 6, not 5, and has Noonan syndrome.", "5"),
        ("> At 7, she would usually start the new brace.", "7"),
        ("دخترم مریم هفت ساله است و تالاسمی دارد.", "هفت ساله"),
        ("پسرم نه سال دارد و به بیماری ویلسون مبتلاست.", "نه سال"),
        ("ਮੇਰਾ ਪੁੱਤਰ ਦਸ ਸਾਲ ਦਾ ਹੈ।", "ਦਸ ਸਾਲ"),
        ("ልጄ የአምስት ዓመት ልጅ ነው።", "አምስት ዓመት"),
        ("My aunt was treated at St. Elsbeths hospital for Fabry disease.",
         "St. Elsbeths hospital"),
        ("Her church, St. Wenceslas Parish, is raising money for her.", "St. Wenceslas Parish"),
        ("He was diagnosed at Medical City Dallas with Kawasaki disease.", "Medical City Dallas"),
        ("Cháu được Bệnh viện Trẻ em Cần Thơ chẩn đoán bệnh Kawasaki.",
         "Bệnh viện Trẻ em Cần Thơ"),
        ("Anak saya dirawat di RSUP Dr. M. Djamil karena talasemia.", "RSUP Dr. M. Djamil"),
        ("She was told by QEHB that it might be Addison disease.", "QEHB"),
        ("Sorry, autocorrect - Thaddeus is 4 and has Pompe disease.", "Thaddeus"),
        ("My mum is Philippa, 67, and has myasthenia gravis.", "Philippa"),
        ("His teacher, Marigold Fenwick, wants advice about his epilepsy.", "Marigold Fenwick"),
        ("my son tobs... sorry wrong name, my son is Rafe and has CF", "tobs"),
        ("שמי נועה, אני בת 30 ויש לי תסמונת מרפן.", "נועה"),
        ("Orúkọ mi ni Adébáyọ̀, mo ní àrùn sickle cell.", "Adébáyọ̀"),
        ("Name: A | City: Tulsa | State: OK | Q: is Pompe disease inherited?", "OK"),
        ("we live near christchurch, new zealand and my son has CF", "new zealand"),
        ("we are in colorado springs co. my son has hemophilia", "colorado springs"),
        ("we moved from south africa last year and my son has CF", "south africa"),
        ("We are in Freeport, Grand Bahama and my son has sickle cell disease.", "Grand Bahama"),
    ],
)
def test_round31_finds(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("پسرم در بیمارستان امام بستری بود. گفتند سندرم مارفان دارد.", "سندرم"),
        ("Our baby has Holt... sorry, TAR syndrome. Is it inherited?", "Holt"),
        ("Cât timp durează tratamentul pentru boala Wilson?", "Cât"),
        ("Kuna dawa ya ugonjwa wa seli mundu?", "Kuna"),
        ("ਮੇਰੀ ਧੀ ਨੂੰ ਥੈਲੇਸੀਮੀਆ ਹੈ।", "ਨੂੰ"),
        ("The dose is 9 mg, not 8 mg, for Wilson disease.", "8 mg"),
        ("His dose is 20, not 15, units of insulin a day.", "15"),
        ("He was diagnosed by MRI and EEG with Rasmussen encephalitis.", "MRI"),
        ("Is OK to give ibuprofen with Fabry disease?", "OK"),
        ("We run a toddler group and one child has PKU.", "toddler group"),
        ("The dose goes up in the middle of the treatment.", "middle"),
        ("My son is Ok, thanks, but his Marfan syndrome worries us.", "Ok"),
        ("We saw Guy's and St Thomas' for his Alport syndrome.", "Alport syndrome"),
        *KEPT_BY_EVERY_ROUND,
    ],
)
def test_round31_keeps(text: str, kept: str) -> None:
    assert not covered(text, kept), deidentify(text).text
    assert kept in deidentify(text).text
