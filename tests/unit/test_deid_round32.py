"""De-identification, issue 20 round 32: a health system ending in a church's name, "Our Lady
of X" where care is given, a hospital's short name in brackets, a number before a military
hospital, a lower-case health system, a county's child-welfare agency, a school, a business
by its trade, a toddler group, a payer before "won't cover", "FMC" and its town, a Polish
acronym after "leczymy się w", a Devanagari hospital and an initial before a Gujarati one;
ages in words ("fifty-nine", "since age one", "ours is 3", "at a year old") and in Chinese,
Hindi, Nepali, Gujarati, Tamil and Yoruba; a bare ordinal day, a year before an outbreak; a
country with "and", "in X, OK", a town before a shire, a lower-case town after "live in";
nicknames, lower-case names before an age, "my name is X Y", Romanian "sunt X", and names
after kin words in Nepali, Greek, Cyrillic, Tamil, Gujarati, Thai and Chinese. Kept: decades
below 90 as written, a form's labels, "ur", therapies, "children's books", three-part
eponyms, a medical possessive before "and" an institution. Invented texts, none of the
labelled sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import KEPT_BY_EVERY_ROUND, covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Prairie Methodist says we should wait for the MRI for his Fabry disease.",
         "Prairie Methodist"),
        ("We go to Our Lady of Fatima for her infusions of Fabrazyme.", "Our Lady of Fatima"),
        ("Our Lady of Victories said it was Wilson disease.", "Our Lady of Victories"),
        ("He is seen at Royal Hallamshire Hospital (Hallam) for his Pompe disease.", "Hallam"),
        ("She had a stroke at 12 Army Hospital last year and has sickle cell disease.",
         "12 Army Hospital"),
        ("his records are at bellwood health now, he has PKU", "bellwood health"),
        ("A caseworker from Yavapai County Family Services asked about her Rett syndrome.",
         "Family Services"),
        ("I'm the nurse at Thornbury Elementary and a pupil has haemophilia.",
         "Thornbury Elementary"),
        ("He works at Gorsefield Plumbing and has Fabry disease.", "Gorsefield Plumbing"),
        ("I run the Millbrook Toddler Group and a child has Dravet syndrome.",
         "Millbrook Toddler Group"),
        ("Our claim was sent but Quillmark won't cover the exome.", "Quillmark"),
        ("The doctors at FMC Òwò told us it is sickle cell disease.", "FMC Òwò"),
        ("Mój syn ma zespół Retta, leczymy się w USK.", "USK"),
        ("My uncle is fifty-three and has Kennedy's disease.", "fifty-three"),
        ("She has had seizures since age two and it is Dravet syndrome.", "two"),
        ("what age do kids with Rett walk? ours is 4 and not walking", "4"),
        ("At a year old he still could not sit with his SMA.", "a year old"),
        ("我兒子三個月，在醫院診斷為龐貝氏症。", "三個月"),
        ("मेरा बेटा डेढ़ साल का है और उसे थैलेसीमिया है।", "डेढ़ साल"),
        ("मेरो छोरी आठ वर्षकी भइन्, उसलाई थालासेमिया छ।", "आठ वर्ष"),
        ("மகன் ஐந்து வயது, அவனுக்கு தலசீமியா.", "ஐந்து வயது"),
        ("મારી દીકરી આઠ વર્ષની છે, તેને થેલેસેમિયા છે.", "આઠ વર્ષ"),
        ("Ìyá mi (ọdún mẹ́tàlélọ́gọ́ta) ní àìsàn sickle cell.", "ọdún mẹ́tàlélọ́gọ́ta"),
        ("She turned 8 on the 17th and has Marfan syndrome.", "17th"),
        ("I had hepatitis during the 2009 epidemic and now have Wilson disease.", "2009"),
        ("Greetings from Trinidad and Tobago, my son has sickle cell disease.",
         "Trinidad and Tobago"),
        ("We live in Addison, TX and my son has Fabry disease.", "Addison"),
        ("We are in Bracknell, Berkshire and she has Marfan syndrome.", "Bracknell"),
        ("my son has CF and we live in tonopah. is there a clinic?", "tonopah"),
        ("My daughter Anastasia (she goes by Tasia) has Rett syndrome.", "Tasia"),
        ("my little sister fern is 6 and has PKU", "fern"),
        ("im kez n im 19, i have POTS and EDS", "kez"),
        ("Hello, my name is Monday Adeyemi and my son has sickle cell disease.",
         "Monday Adeyemi"),
        ("Bună, sunt Ileana din Cluj și am boala Wilson.", "Ileana"),
        ("मेरो छोरा सुमन पाँच वर्षको भयो।", "सुमन"),
        ("Η κόρη μου Αγλαΐα έχει σύνδρομο Marfan.", "Αγλαΐα"),
        ("Моя донька Соломія має синдром Ретта.", "Соломія"),
        ("என் மகன் கதிரவன் ஐந்து வயது.", "கதிரவன்"),
        ("મારા દાદા જશવંતલાલ સિત્તેર વર્ષના છે.", "જશવંતલાલ"),
        ("ลูกสาวน้องใบเตยอายุ 4 ขวบ เป็นโรคพอมเป", "ใบเตย"),
        ("我女兒欣妍兩歲，確診脊髓性肌肉萎縮症。", "欣妍"),
        ("Please confirm Tamsin's age for the form, she has Fabry disease.", "Tamsin"),
        ("How old is she?\nParent: 5. she has Dravet syndrome", "5"),
    ],
)
def test_round32_finds(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("My dad is in his 60s and has Fabry disease.", "60s"),
        ("Is depois dos 50 anos tarde para a doença de Pompe?", "50 anos"),
        ("Name: X\nDate of diagnosis: unknown\nQuestion: is Pompe disease inherited?", "Date"),
        ("did it help ur kid with Dravet syndrome?", "ur"),
        ("Her school will not pay for physiotherapy for her SMA.", "physiotherapy"),
        ("Are there children's books about cystic fibrosis?", "children's books"),
        ("The neurologist says it's Gerstmann-Sträussler-Scheinker disease.",
         "Gerstmann-Sträussler-Scheinker"),
        ("My son may have Marfan syndrome.", "may"),
        ("the hospital said it is Pompe disease", "hospital"),
        ("Does public health cover testing at mental health services?", "public health"),
        ("Medicaid won't cover the gene therapy for his SMA.", "Medicaid"),
        ("She grew up a Southern Methodist and has Wilson disease.", "Southern Methodist"),
        ("The clinic is on the 2nd floor and he has Pompe disease.", "2nd"),
        ("She was 35 weeks pregnant when the baby was diagnosed.", "35 weeks"),
        ("Is the Top End a good place to live with Machado-Joseph disease?", "disease"),
        *KEPT_BY_EVERY_ROUND,
    ],
)
def test_round32_keeps(text: str, kept: str) -> None:
    assert not covered(text, kept), deidentify(text).text
    assert kept in deidentify(text).text
