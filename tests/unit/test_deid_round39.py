"""De-identification, issue 20 round 39: a name corrected after a removed one, a surname
after a nickname in quotes, a family name stated as such, a pupil by full name, an appositive
sign-off, kin cues with an adjective, in German, Haitian Creole and Vietnamese, lower-case
given names after "hey im" or a kin word; more short hospital names, genetic laboratories,
"... Learning Center", "... Care Home", Romanian, Greek, Turkish and French hospitals;
corrected ages, ages after a role noun and at death, Italian, Somali and Haitian Creole ages;
a corrected town and state. Kept: regions, "St John's wort", "Lorenzo's oil", lower-case
ordinary words, "US"/"UK" before a noun, durations, counts of people, onset ages, head and tail
words of a place or institution, German nouns after an article, the Hindi "भारतीय", the Tamil
"நகரில்", Amharic verbs, a disease's local name in quotes. Invented texts, none of the
labelled sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("My son Oliver — sorry, autocorrect, Osian — is 4 and has Alagille syndrome.", "Osian"),
        ("My aunt Rosa... no, her real name is Filomena Basquez, she is 70 and has ATTR.",
         "Filomena Basquez"),
        ("My girl Annelise (with an e, not Anneliese) is 6 and has CF.", "Anneliese"),
        ('I\'m Bartholomew ("Bart") Nwachukwu, a nurse. A boy has HLH.', "Nwachukwu"),
        ("Our family name is actually Marfan, and our son has Marfan syndrome.", "Marfan"),
        ("Our 7th grader Linnea Wilson has Wilson disease. What should the school do?",
         "Linnea Wilson"),
        ("Please write back to me, Gwendolyn Trevaskis, at the school office.",
         "Gwendolyn Trevaskis"),
        ("Our adopted son Mingyu is 5 and has beta thalassaemia.", "Mingyu"),
        ("Unser Sohn Korbinian ist fünf Jahre alt und hat Mukoviszidose.", "Korbinian"),
        ("Bonjou, mwen se Wideline, pitit mwen malad.", "Wideline"),
        ("Con gái tôi tên Hoa, cháu bị bệnh tan máu.", "Hoa"),
        ("hey im jace (15) and i have POTS, can i do sports", "jace"),
        ("i work at busy bees nursery and a girl has a g-tube", "busy bees"),
        ("she had her transplant at virginia mason last year", "virginia mason"),
        ("The lab was GeneDx and the result was a VUS in SCN1A.", "GeneDx"),
        ("I run Maple Tree Learning Center and a boy has PKU.", "Maple Tree Learning Center"),
        ("Dad lives at Oak Lodge Care Home and has Huntington disease.", "Oak Lodge Care Home"),
        ("Fiica mea este tratată la Spitalul Clinic de Urgență pentru Copii din Iași.",
         "Spitalul Clinic"),
        ("Ο γιος μου νοσηλεύεται στο ΠΑΓΝΗ με θαλασσαιμία.", "ΠΑΓΝΗ"),
        ("Oğlum Ankara Üniversitesi Tıp Fakültesi'nde tedavi görüyor.",
         "Ankara Üniversitesi Tıp Fakültesi"),
        ("Mon fils est suivi à l'Hôpital Mère-Enfant de Bamako.", "Bamako"),
        ("Sorry, he is nine, not nineteen: I mixed up the boys. He has Fabry disease.",
         "nineteen"),
        ("She's 8, not twenty-eight as I typed, sorry. She has Rett syndrome.",
         "twenty-eight"),
        ("A preschooler (4) in my class has Williams syndrome.", "4"),
        ("Our first baby died at six days from a fatty acid oxidation disorder.", "six days"),
        ("Mio figlio Tommaso, undici anni, ha la fibrosi cistica.", "undici anni"),
        ("Gabadhayda wuxuu jiraa toban sano, wuxuu qabaa dhiig-yari.", "toban sano"),
        ("Pitit fi m Nadège gen kat zan, li gen anemi falsifòm.", "kat zan"),
        ("we live in bucyrus... no, galion, ohio and my son has PKU", "galion"),
        ("Who treats rheumatic fever in the NT?", "NT"),
    ],
)
def test_round39_finds(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Is there a Fabry clinic in the Hudson Valley?", "Hudson Valley"),
        ("We sailed across the Chesapeake. Can sea air help bronchiectasis?", "Chesapeake"),
        ("Can I take St John's wort with sirolimus?", "St John"),
        ("Is Lorenzo's oil still used for adrenoleukodystrophy?", "Lorenzo"),
        ("Do seizures in the neck muscles happen in tetanus?", "the neck"),
        ("Can her care be done by telehealth from home?", "telehealth"),
        ("Is newborn screening for SMA done in every US state?", "US"),
        ("He was born 03/04/2024 (UK date) with gastroschisis.", "UK"),
        ("I was diagnosed with Sheehan syndrome from a delivery 15 yrs ago.", "15 yrs"),
        ("We are two mums and our son has hemophilia A.", "two"),
        ("The rash started when my daughter was 3 months old. Is it EB?", "3 months"),
        ("Does every baby need surgery before age one for craniosynostosis?", "one"),
        ("We live in Hamburg and I'm a nurse there. Any CF leaflets?", "I'm"),
        ("Ist das Medikament für sein Alter zugelassen?", "Alter"),
        ("क्या थैलेसीमिया भारतीय बच्चों में आम है?", "भारतीय"),
        ('My aunt has X-linked dystonia-parkinsonism ("Lubag"). Is it inherited?', "Lubag"),
        ("Does stiripentol work for epilepsies other than Dravet syndrome?", "epilepsies"),
        ("Why are rare diseases called orphan diseases?", "orphan"),
        ("my son is nine, not nineteen months behind in speech, the therapist says", "months"),
    ],
)
def test_round39_keeps(text: str, kept: str) -> None:
    assert not covered(text, kept), deidentify(text).text
    assert kept in deidentify(text).text


def test_a_disease_after_for_leaves_an_institution_span() -> None:
    """ "at <hospital> for Crigler-Najjar": the hospital goes, the disease stays."""
    out = deidentify("He had a liver transplant at Birmingham Children's for Crigler-Najjar.")
    assert "Crigler-Najjar" in out.text and "Birmingham" not in out.text


def test_a_hospital_for_its_patients_stays_one_institution() -> None:
    """ "Hospital for Sick Children" is the hospital's name, removed whole."""
    out = deidentify("She is seen at the Royal Hospital for Sick Children in Glasgow.")
    assert "Sick Children" not in out.text
