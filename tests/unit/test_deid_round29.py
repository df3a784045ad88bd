"""De-identification, issue 20 round 29: a day as an ordinal before "of" and a month ("born the
9th of May", with "the" unless a preposition comes first), "May the 9th"; a corrected age after
an approximate one, "N and a quarter", "I'm <name> N from", "<name> here (N,", a form's "Age:
N", the age at a diagnosis ("diagnosed with X at 5 weeks"), Indonesian tens after a kin word;
an institution "X & Y Center at Z", "Hôpital d'enfants" and a name, "RS Dr." and a name; a
lower-case town and region, a hyphenated region after a town, a Yoruba state after ìpínlẹ̀, an
Arabic town after نحن في; a second parent after "&", a Romanian name after "sunt", an Urdu
name of two words. Kept: an approximate age ("40-something"), a pregnancy's weeks after
"pregnant", a state after "I'm", a compass word before a continent, "worth it", the scheme
that issued a number, a disease after "works for". Invented texts, none of the labelled
sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import KEPT_BY_EVERY_ROUND, covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("My nephew Rowan was born the 9th of May and has Pompe disease.", "the 9th of May"),
        ("She was born the twenty-second of October 2018 with Pfeiffer syndrome.",
         "the twenty-second of October 2018"),
        ("Her EEG was done on the 14th of February at the local hospital.", "14th of February"),
        ("He was born September the 12th and has biotinidase deficiency.", "September the 12th"),
        ("I'm 50-something... well 53, and I have late-onset Pompe disease.", "53"),
        ("My grandson Ezekiel (2 and a half) has Menkes disease.", "2 and a half"),
        ("hello im tamsin 31 from leeds, i have Gaucher disease type 1", "31"),
        ("Hi, Ottoline here (42, near the coast). I have hereditary angioedema.", "42"),
        ("Name: Corvin Hale / Age: 61 / Question: Is Kennedy disease inherited?", "61"),
        ("Our boy was diagnosed with galactosaemia at 5 weeks. Is his diet enough?", "5 weeks"),
        ("Apakah talasemia bisa diturunkan? Ayah saya enam puluh dua tahun.",
         "enam puluh dua tahun"),
        ("She is followed at the Lip & Palate Center at Marbury for her Stickler syndrome.",
         "Lip & Palate Center at Marbury"),
        ("Mon fils est suivi à l'Hôpital d'enfants Marcel Tessier pour une drépanocytose.",
         "Hôpital d'enfants Marcel Tessier"),
        ("Anak saya dirawat di RSUP Dr. Wahidin untuk penyakit Gaucher.", "RSUP Dr. Wahidin"),
        ("hi we live in flin flon saskatchewan and my son has PKU", "saskatchewan"),
        ("Our daughter (9) lives in Pietermaritzburg, KwaZulu-Natal and has Fanconi anaemia.",
         "KwaZulu-Natal"),
        ("A ń gbé ní ìpínlẹ̀ Ọ̀yọ́. Ọmọ mi ní àrùn sickle cell.", "Ọ̀yọ́"),
        ("ابنتي مصابة بالتليف الكيسي. نحن في الزرقاء الآن.", "الزرقاء"),
        ("Bună, sunt Smărăndița, am boala Wilson. Ce tratament există?", "Smărăndița"),
        ("We are Odile & Bram, parents of a boy with Lowe syndrome.", "Bram"),
        ("میری بہن ماہ نور کو لیوپس ہے۔", "ماہ نور"),
        ("We visited Northern Ireland for a Fabry disease meeting.", "Northern Ireland"),
    ],
)
def test_round29_finds(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("I'm 60-something and just learned I carry a Fabry variant.", "60-something"),
        ("I'm pregnant (24 weeks) and have myasthenia gravis. Is pyridostigmine safe?",
         "24 weeks"),
        ("I'm pregnant and have von Willebrand disease.", "pregnant"),
        ("How common is Gaucher disease in families from Eastern Europe?", "Eastern"),
        ("Is a second opinion worth it for Marfan syndrome?", "worth"),
        ("Mi hijo tiene fibrosis quística; su número del SIS es 555123. ¿Cubre el tratamiento?",
         "SIS"),
        ("Does omaveloxolone work well for FA in adults?", "FA"),
        ("After the 3rd dose of nusinersen he sat up alone.", "3rd dose"),
        ("Her infantile spasms began at 4 months; is vigabatrin first line?", "4 months"),
        ("Were you diagnosed with PKU at 2 weeks by the newborn screen?", "newborn screen"),
        ("She was diagnosed with Ohtahara syndrome after the jerks started at 3 weeks.",
         "3 weeks"),
        # round 35 takes a weekday and "the" into the date ("Friday the 9th of May")
        ("Her clinic visit is on the 9th of May for Krabbe disease.", "clinic visit is on"),
        *KEPT_BY_EVERY_ROUND,
    ],
)
def test_round29_keeps(text: str, kept: str) -> None:
    assert not covered(text, kept), deidentify(text).text
    assert kept in deidentify(text).text
