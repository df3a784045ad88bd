"""De-identification, issue 20 round 21: francophone hospital acronyms with their town, a
teaching or referral hospital's acronym by its ending, an acronym closing a doctor's signature,
a Greek hospital named after its founder, "ACRONYM at [hospital]" after "it's/now", a hospital's
lower-case tail in other languages; ages "(8, Year 3", "DOB .., 7 years,", "[age] and a
quarter", Yoruba number words after "ẹni ọdún"; a signature's name, "saya Name Surname dari",
an Urdu name before "کی عمر"; "City: X", a lower-case town clarified as "the city", "in X
Wells", a Greek region after a place, Chinese "在X的[hospital]", Korean "X에 살아요". Kept: the
pronoun "I", a preposition before a hospital word. Invented texts, none of the labelled
sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Ma fille est suivie au CHU de Limoges pour une myopathie.", "CHU de Limoges"),
        ("Le CHR de Kaolack ne fait pas le test. Où aller ?", "CHR de Kaolack"),
        ("Le médecin du CHD de Parakou dit que c'est une drépanocytose.", "CHD de Parakou"),
        ("On nous a envoyés au CHUV pour la greffe.", "CHUV"),
        ("Please see the letter attached.\nDr Wanjiru, KCRH", "KCRH"),
        ("He was referred to MRRH for a second opinion on his sickle cell.", "MRRH"),
        ("Thanks for the advice.\nDr Achieng Otieno, NYRH", "NYRH"),
        ("Στο Ιπποκράτειο μας είπαν ότι έχει θαλασσαιμία.", "Ιπποκράτειο"),
        ("We went to Sunnybrook first, but now it's RCH at Parkville Road.", "RCH at Parkville"),
        ("L'équipe de l'Hôpital de Sherbrooke pour enfants propose une chirurgie.",
         "pour enfants"),
        ("La atendieron en el Hospital Regional de Niños de Cusco por la anemia.", "Niños"),
        ("Mum of Florentyna here (7, Year 2 at Oakbank Primary). She has Rett syndrome.", "7"),
        ("Referral: OKONJO, Tunde, DOB 2016-02-11, 9 years, ward 4\nQuery Gaucher disease.",
         "9 years"),
        ("My grandson is 4 and a half. Should he have the MMR with his PKU?", "4 and a half"),
        ("Ìyá mi jẹ́ ẹni ọdún àádọ́rin, ó ní àrùn Parkinson.", "ọdún àádọ́rin"),
        ("Thanks so much for the reply.\n-- Bronwen (Kit's mum)", "Bronwen"),
        ("Selamat siang, saya Sri Handayani dari Bandung. Anak saya sakit.", "Sri Handayani"),
        ("میرے والد اکرم خان کی عمر ستر سال ہے اور انہیں پارکنسن ہے۔", "اکرم خان"),
        ("Name: Paz Ortega\nCity: Pueblo\nQuestion: my son has Marfan syndrome.", "Pueblo"),
        ("we live in hull lol the city not the boat. any EDS clinics?", "hull"),
        ("We moved from Cedar Falls last year. Is there a CF clinic in Iowa?", "Cedar Falls"),
        ("Η κόρη μου ζει στο Ηράκλειο, Κρήτη. Έχει νόσο Fabry.", "Κρήτη"),
        ("我媽媽在屯門的博愛醫院看病，醫生說是重症肌無力。", "屯門"),
        ("저희는 광주에 살아요. 아들이 혈우병이에요.", "광주"),
        ("Datteren min er til kontroll på Ullevål universitetssykehus.", "Ullevål"),
        ("Min son behandlas på Sahlgrenska universitetssjukhuset i Göteborg.",
         "universitetssjukhuset"),
        ("Naša kći se liječi u KBC Rijeka zbog cistične fibroze.", "KBC Rijeka"),
        ("Elle est suivie aux HUG depuis sa naissance.", "HUG"),
        ("Il a été opéré à l'Hôpital Trousseau-Enfants malades l'an dernier.", "malades"),
        ("Our playgroup, Busy Bees, in Harrogate asked about his epilepsy plan.", "Busy Bees"),
        ("Our daycare, Sunny Days on Birch Avenue, wants a seizure plan.", "Sunny Days"),
        ("He started at Little Owls nursery in May; he has cystic fibrosis.", "Little Owls"),
        ("Is there a Gaucher specialist in the North East? My wife has it.", "North East"),
        ("She was first seen at Nyeri Level 5 and then sent on.", "Level 5"),
        ("The doctor at Holy Cross Memorial thinks it is Pompe disease.", "Holy Cross Memorial"),
        ("Mein Sohn wird am UKJ in Jena behandelt.", "UKJ"),
        ("Dcera je v nemocnici Bulovka kvůli cystické fibróze.", "Bulovka"),
        ("Syn był leczony w szpitalu im. Marii Konopnickiej w Łodzi.", "Marii Konopnickiej"),
        ("A fiam a Bethesda Gyermekkórházban van.", "Bethesda Gyermekkórházban"),
        ("Anak saya dirawat di RSUD Dr. Soetomo karena talasemia.", "RSUD Dr. Soetomo"),
        ("Con tôi đang điều trị ở BV Nhi Đồng 1 vì bệnh tan máu.", "BV Nhi Đồng"),
        ("Ang anak ko ay nasa VSMMC para sa thalassemia.", "VSMMC"),
    ],
)
def test_round21_finds(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("I live in Jackson, MS. I was told I have Fabry disease.", "I was told"),
        ("La Spitalul Județean Suceava am primit diagnosticul.", "La "),
        ("Is Charcot-Marie-Tooth disease treated with ascorbic acid?", "Charcot-Marie-Tooth"),
        ("His ACTH was high and the cortisol low. Is it Addison disease?", "ACTH"),
        ("Our baby has CHD and a VSD. Is surgery needed at 3 months?", "CHD"),
        ("The MRI at Royal Infirmary showed white matter changes.", "The MRI at"),
        ("She had an EEG at the clinic. Is it Lennox-Gastaut syndrome?", "EEG"),
        ("He takes Evrysdi for SMA and is doing well.", "Evrysdi"),
        ("My daughter is 3. When did the symptoms of Batten disease start?", "Batten disease"),
        ("We live in the city, and the clinic is far.", "city"),
        ("Στο νοσοκομείο μας είπαν ότι έχει κυστική ίνωση.", "νοσοκομείο"),
        ("Location: not sure, we move a lot\nQuestion: is the PKU diet lifelong?", "not sure"),
        ("He has a south-west facing room and West Nile virus antibodies.", "south-west"),
        ("Is Hurler syndrome treated at a Boston hospital with stem cells?", "hospital"),
        ("Le CHU a-t-il un centre de référence des maladies rares ?", "centre de référence"),
        ("We have seen 3 and a half specialists for his myopathy.", "3 and a half"),
        ("-- Sent from my phone", "Sent"),
        ("Mi padre tiene la ELA en fase avanzada. ¿Hay ensayos?", "ELA"),
        ("Im MRT in der Klinik sah man Veränderungen.", "MRT"),
        ("He is at Level 3 of the ketogenic diet. Is that right?", "Level 3"),
        ("Syn je v nemocnici kvůli cystické fibróze.", "nemocnici kvůli"),
        ("Anak saya positif RSV dan dirawat di rumah sakit.", "RSV"),
        ("Van klinikai vizsgálat erre? Az egyetem klinikáján kezelik.", "Van klinikai"),
        ("Ang anak ko ay may SMA at nasa ICU.", "ICU"),
        ("Does CHD7 testing find CHARGE syndrome? The TRH test was normal.", "CHD7"),
    ],
)
def test_round21_keeps(text: str, kept: str) -> None:
    assert kept in deidentify(text).text, deidentify(text).text
