"""De-identification, issue 20 round 17: an age after an aside closed by a dash, a corrected
age, a bare number after a self-introduced name, half-year ages; a surname in capitals and
its given name, a signature over a contact line, "first name X", "X? No, Y", "my son is X";
"the town of X", a town after "[institution] in", "the States", "US citizens", a lower-case
county, a name given after "autocorrect,"; places and hospitals of other scripts after their
cues; a charity, a church by its denomination's acronym, "the X in [town]", teaching
hospitals' acronyms, "X Uni", "L&D", a hospital named after a doctor, "Hôpital X", a school's
number and name. Kept: hyphenated eponyms, "plain English", compass adjectives, a health
scheme before its number, field labels, Urdu pronouns, a lower-case word after a town.
Invented texts, none of the labelled sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("My grandson Oswald—we call him Ozzy—is eleven months and has spasms.", "eleven months"),
        ("Our patient, Mr Pendry—the carer says—is 88 and has MSA.", "88"),
        ("My mum—who was a nurse—is 79 and has lupus.", "79"),
        ("My daughter is Briallen, and she's 6, not 7. She has Rett syndrome.", "7"),
        ("A menina tem 2 anos e meio e tem fibrose cística.", "2 anos e meio"),
        ("Mi sobrino tiene año y medio y tiene hemofilia.", "año y medio"),
        ("Patient: HALLORAN-PIKE, Ottoline\nDOB: 01/02/2015\nNoonan syndrome?", "Ottoline"),
        ("Kindly advise.\nRamakant Deshpande\nMob: +91 90000 00000", "Ramakant Deshpande"),
        ("Her husband—first name Odran? No, Odhran—has ALS.", "Odhran"),
        ("Our son is Peregrine—has Sotos syndrome. Any advice?", "Peregrine"),
        ("Does the town of Lourdes have a clinic for multiple sclerosis?", "Lourdes"),
        ("I teach at Brookfield Primary in Bath. A pupil has type 1 diabetes.", "Bath"),
        ("We live abroad now. Can she get Kaftrio in the States?", "States"),
        ("We are US citizens living in Lisbon. Is nusinersen covered?", "US"),
        ("are there any groups for POTS in sutter county?", "sutter county"),
        ("im from Kona—ugh autocorrect, Hilo. my son has hemophilia A.", "Hilo"),
        ("Seen at Mercy in Omaha—no, sorry, it was Methodist. He has Kawasaki.", "Methodist"),
        ("मेरा बेटा उत्तर प्रदेश में रहता है और उसे थैलेसीमिया है।", "उत्तर प्रदेश"),
        ("میرا بھائی لاہور میں رہتا ہے۔", "لاہور"),
        ("અમે સુરતમાં રહીએ છીએ.", "સુરત"),
        ("我们是山东济南人。孩子有血友病。", "济南"),
        ("เราอยู่เชียงใหม่ ลูกเป็นโรคธาลัสซีเมีย", "เชียงใหม่"),
        ("หมอที่รามาธิบดีบอกว่าเป็นโรคหายาก", "รามาธิบดี"),
        ("ልጄ በመቀሌ ነው።", "መቀሌ"),
        ("A ń gbé ní Ìbàdàn. Ọmọ mi ní àìsàn sickle cell.", "Ìbàdàn"),
        ("אבא שלי, אליעזר, בן 80, חולה.", "אליעזר"),
        ("הבן שלי בן שלוש ויש לו אפילפסיה.", "שלוש"),
        ("אנחנו מחיפה. יש טיפול?", "חיפה"),
        ("Ο γιος μου νοσηλεύεται στο Αγία Όλγα.", "Αγία Όλγα"),
        ("Η γιαγιά μου ζει στο Ηράκλειο Κρήτης.", "Κρήτης"),
        ("We're a small charity, Friends of the Marsh, based in Ely.", "Friends of the Marsh"),
        ("Our choir at Zion AME in Macon is collecting for a boy with Duchenne.", "Zion AME"),
        ("She was moved from Durham to the Freeman in Newcastle for surgery.", "Freeman"),
        ("My son was treated at UITHC for sickle cell crises.", "UITHC"),
        ("im at Keele Uni and have POTS, can i get support?", "Keele Uni"),
        ("Our baby was born at the L&D last week with a cleft palate.", "L&D"),
        ("I'm a nurse at Dr. Everard Holloway in Moncton.", "Dr. Everard Holloway"),
        ("L'Hôpital Bichat nous a parlé de la thérapie.", "Hôpital Bichat"),
        ("Estudia en la Escuela Básica Nº 23 Juan Pérez en Luque.", "23 Juan Pérez"),
    ],
)
def test_round17_finds(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Is Creutzfeldt-Jakob disease inherited?", "Creutzfeldt-Jakob"),
        ("Can you explain Charcot-Marie-Tooth in plain English?", "plain"),
        ("Is Ross River fever common in northern Queensland?", "northern"),
        ("My IMSS number is 12345678901. Is nusinersen given?", "IMSS"),
        ("ABHA 00-0000-0000-0001, please advise on Wilson disease.", "ABHA"),
        ("Child: Arlo\nDOB 01.02.2019\nDiagnosis: Fabry disease", "DOB"),
        ("The wait is 14 months, not 12, for the genetics clinic.", "12"),
        ("My son is Autistic—has meltdowns daily.", "Autistic"),
        ("My son is Irish-Nigerian and has sickle cell.", "Irish-Nigerian"),
        ("She had the Fontan in June; to the Nissen in March next.", "Nissen"),
        ("He was admitted to Great Ormond Street in Surgery.", "Surgery"),
        ("Does NORTH or SOUTH matter? Her MTHFR and BIRTH weight were normal.", "MTHFR"),
        ("The clinic—no, sorry, it was Neurology—said Tourette syndrome.", "Neurology"),
        ("我是病人家属。我们是普通人，治疗费用太贵了。", "普通"),
        ("Ṣé oògùn wà ní Ilé ìwòsàn?", "Ilé"),
        ("Apakah ada obat? Anak saya di Medan baru sembuh.", "baru"),
        ("Eu tenho AME tipo 1. Existe tratamento?", "AME"),
        ("Is there an A&E at the A&E near here?", "A&E"),
        ("ልጄ ወደ ትልቅ ሆስፒታል ሄደ።", "ወደ ትልቅ ሆስፒታል"),
        ("Her ferritin—measured today—is 12 and the doctor is worried.", "12"),
        ("สิ่งที่เด็กควรกิน", "เด็ก"),
    ],
)
def test_round17_keeps(text: str, kept: str) -> None:
    assert kept in deidentify(text).text, deidentify(text).text
