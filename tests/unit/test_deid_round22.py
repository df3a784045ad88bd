"""De-identification, issue 20 round 22: schools by their endings after a school cue (also in lower
case, "uni of X"), a hospital known by a name after a birth, a transfer or a visit, an acronym
ending in -UH/-GH, a teaching hospital's acronym with a hyphenated prefix, dotted initials
before a name, a Vietnamese hospital's name over a hyphen, a Dutch school after "zit op"; chat
visitors' numbers; an age after a name and "is/ist", a Romance age in brackets, Chinese number
characters before 歲; a lower-case name between a kin word and "is [age]", "everyone calls him
X", a sign-off after " - ", a name before an ellipsis; a lower-case town with a macron, "the X
District", country names in other scripts. Kept: a Devanagari hospital's name runs no further
back than its acronym, an Arabic hospital's name stops before a particle, a Korean noun after
"1형" is no name; a greeting of another language opening the message, a people before
"communities", a region of several states, a question word opening a sentence. Invented texts,
none of the labelled sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("I teach at Willow Brook Elementary and a pupil has haemophilia.", "Willow Brook"),
        ("She goes to Haddington Grammar and has POTS.", "Haddington Grammar"),
        ("He is a student at Lakeview Academy; is sport safe with Marfan?", "Lakeview Academy"),
        ("I'm the nurse at Pine Hollow Middle School. A child has Addison's.", "Pine Hollow"),
        ("my son is 16 and goes to ashworth community college, he has CF", "ashworth community"),
        ("i want to study medicine at uni of durham but i have EDS", "uni of durham"),
        ("my son goes to st aidans primary and has coeliac disease", "st aidans primary"),
        ("Our twins were born at The Harriet and both have PKU.", "The Harriet"),
        ("Our son was born on 3 May at The Jessop and has MCADD.", "The Jessop"),
        ("We're seeing someone at Anna Fields\nabout his scoliosis.", "Anna Fields"),
        ("She was transferred to Westgrove, where they found a mitochondrial disease.",
         "Westgrove"),
        ("He is followed at QMUH for his cystinosis.", "QMUH"),
        ("My brother was told at OS-FUTHB that he has sickle cell anaemia.", "OS-FUTHB"),
        ("We are seen at J.K. vanHolt in Delaware for achondroplasia.", "vanHolt"),
        ("Con gái tôi khám ở Bệnh viện Mắt - Nhi Huế vì bệnh võng mạc.", "Nhi Huế"),
        ("Mijn dochter zit op De Zonnebloem in Zwolle en heeft epilepsie.", "De Zonnebloem"),
        ("Anak saya bersekolah di SDN 3 Cempaka dan menderita talasemia.", "SDN 3 Cempaka"),
        ("Anak saya sekolah di SMP Negeri Sukamaju.", "SMP Negeri Sukamaju"),
        ("Binti yangu anasoma shule ya msingi Kilimani na ana sickle cell.", "Kilimani"),
        ("[10:02] Guest 4417: hi, my son has Duchenne\n[10:03] Guest 4417: is there a trial?",
         "Guest 4417"),
        ("Visitor_2290: hello, is Fabry disease inherited?", "Visitor_2290"),
        ("My daughter Philippa is nine and has Turner syndrome.", "nine"),
        ("Meine Mutter Hildegard ist 81 und hat eine Myasthenie.", "81"),
        ("Mon fils Kofi (trente-deux ans) a une drépanocytose.", "trente-deux ans"),
        ("Mijn zoon Bram is zeven en heeft spierdystrofie.", "zeven"),
        ("Min son Oskar är fem år och har cystisk fibros.", "fem år"),
        ("Mój syn Antoni ma sześć lat i ma hemofilię.", "sześć lat"),
        ("Mia figlia Giulia ha quindici anni e ha la fibrosi cistica.", "quindici anni"),
        ("Mein Sohn Jonas ist acht Jahre alt und hat Mukoviszidose.", "acht Jahre"),
        ("我外婆七十三歲，被診斷為肌萎縮側索硬化症。", "七十三歲"),
        ("my niece poppy is seven and has alport syndrome", "poppy"),
        ("My nephew Theodore, everyone calls him Teddo, has Perthes disease.", "Teddo"),
        ("Thanks for the help with the leaflet. - Ottoline, Bideford, Devon", "Ottoline"),
        ("im 19 from tūrangi and i have lupus, any support groups?", "tūrangi"),
        ("We are going on holiday to the Peak District. Can she fly with her oxygen?",
         "Peak District"),
        ("મારા પપ્પા ભારતમાં રહે છે.", "ભારત"),
        ("Nakatira kami sa Pilipinas at may thalassemia ang anak ko.", "Pilipinas"),
        ("He's under Leeds... no, I mean Eastfield. Clementine... our girl has PKU.",
         "Clementine"),
        ("He was diagnosed at EN-UTHC with sickle cell disease.", "EN-UTHC"),
        ("Our twins were born at The Harriet, both with PKU.", "The Harriet"),
    ],
)
def test_round22_finds(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("क्या किडनी ट्रांसप्लांट केईएम अस्पताल में होता है?", "किडनी ट्रांसप्लांट"),
        ("قالوا في مستشفى الملك خالد إن لديها مرض نادر.", "إن لديها"),
        ("병원에서 2형 검사를 받았어요.", "검사"),
        ("My son goes to high school and has Marfan syndrome.", "high school"),
        ("She is at the local community college and has POTS.", "local community college"),
        ("He starts at a grammar school next year. Is his EDS a problem for PE?",
         "a grammar school"),
        ("He was referred to Genetics and they found Noonan syndrome.", "Genetics"),
        ("She was seen at Dr Bell's clinic for Ehlers-Danlos syndrome.", "clinic"),
        ("His HGH levels are low. Is growth hormone treatment possible?", "HGH"),
        ("Is PAH common in people with scleroderma?", "PAH"),
        ("My son is also nine and has PKU like his cousin.", "also"),
        ("The dose is two and a half tablets a day. Is that right for Wilson disease?",
         "two and a half tablets"),
        ("Is user 5 of the study allowed to stop the drug?", "user 5"),
        ("Het is een zeldzame ziekte; we gaan naar de kinderarts.", "kinderarts"),
        ("The trial is in the U.S. hospitals only.", "hospitals"),
        ("Jambo, my son has sickle cell disease. Is hydroxyurea safe?", "Jambo"),
        ("Salaam o Alaikum, my mother has thalassaemia.", "Salaam o Alaikum"),
        ("Is Marfan syndrome more common in Inupiat communities?", "Inupiat"),
        ("Are there Fabry specialists in the Carolinas?", "Carolinas"),
        ("Unde se face testul genetic pentru fibroza chistică?", "Unde"),
        ("i am at uni of course, and have POTS", "uni of course"),
        ("Anak saya menderita SMA tipe 1 di rumah sakit.", "SMA tipe 1"),
        ("Anak saya dirawat karena SMA 1 sejak bayi.", "SMA 1"),
        ("Det er to år siden diagnosen. Finnes det en behandling?", "to år siden"),
        ("Es ist zwei Jahre her, dass sie die Diagnose bekam.", "zwei Jahre her"),
        ("Meine Schwester Ilse hat Morbus Gaucher.", "Meine Schwester"),
        ("她两岁时开始有癫痫发作。", "两岁时"),
        ("He went to police academy and has CF.", "police academy"),
        ("my son goes to the local primary and has CF", "local primary"),
        ("She was born at Term and has Turner syndrome.", "Term"),
        ("We moved to Leeds when he was diagnosed with Batten disease.", "moved to"),
    ],
)
def test_round22_keeps(text: str, kept: str) -> None:
    assert kept in deidentify(text).text, deidentify(text).text
