"""De-identification, issue 20 round 41: more health systems, children's and maternity
hospitals, "<Town> Public Schools", early-learning centres, a Catholic school by its town,
Brazilian "HU-" acronyms, Indonesian "RSUD dr. ...", Hindi medical colleges, Greek children's
hospitals; names after a correction, a relation, "hi im", "Nana" and Turkish "Oğlum"; ages
with a fraction, after "is ... and has", "Ours is", French, Yoruba and Amharic ages;
a state after an aside, a county "one", a signed town, a "from:" field, Hawaiian islands,
Haitian "Nou rete", an Arabic country after "،". Kept: a disease eponym
after "its"/"called", "baby room", lower-case verbs and plurals taken as an institution,
"MS" the disease, a river, a public site's domain, a holiday with no year, "had it when I
was 40", "Christmas disease". Invented texts, none of the labelled sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Her cardiologist at CHI St. Vincent in Hot Springs wants an echo.", "CHI St. Vincent"),
        ("we drive two hours to Essentia for his Pompe disease", "Essentia"),
        ("She was seen at Bon Secours last spring for her fatigue.", "Bon Secours"),
        ("The Rotunda Hospital says the baby needs a hearing test.", "Rotunda Hospital"),
        ("Czy w Matki Polki leczą zespół Alporta?", "Matki Polki"),
        ("his new neurologist at Spectrum wants another MRI", "Spectrum"),
        ("I'm a bus aide for Wichita Public Schools and a child has OI.", "Wichita Public Schools"),
        ("Her nursery, Willow Lane Early Learning, needs a care plan.",
         "Willow Lane Early Learning"),
        ("I coach at Evansville Catholic in Indiana and a player has HCM.", "Evansville Catholic"),
        ("Ela foi operada no HU-UFPE no ano passado.", "HU-UFPE"),
        ("Apakah RSUD dr. Iskak bisa melakukan transplantasi?", "RSUD dr. Iskak"),
        ("क्या गांधी मेडिकल कॉलेज में इलाज होता है?", "गांधी मेडिकल कॉलेज"),
        ("Ο γιος μου παρακολουθείται στο Νοσοκομείο Παίδων Αγία Σοφία.",
         "Νοσοκομείο Παίδων Αγία Σοφία"),
        ("My son Bram... I mean Caspian, has Noonan syndrome.", "Caspian"),
        ("we never use her first name; everyone calls her Bo. She has CF.", "Bo"),
        ("my flatmate ezra just got told he has Fabry disease", "ezra"),
        ("hi im Saturday and my son has Alport syndrome", "Saturday"),
        ("Good morning, I am Dr Nana Asante from a district hospital.", "Nana Asante"),
        ("Oğlum Kerem 6 yaşında ve FMF tanısı aldı.", "Kerem"),
        ("My other daughter, Persephone. She has it too.", "Persephone"),
        ("Thanks,\nOrlando & Mae-Lynn", "Mae-Lynn"),
        ("hi its Philippa lol. my dad has Fabry disease.", "Philippa"),
        ("Great news. Ottoline starts at her new school in May.", "Ottoline"),
        ("Here is the leaflet for Barnabus's new school.", "Barnabus"),
        ("our granddaughter is three and a half and has PKU", "three and a half"),
        ("My nephew Bram, is 11 and has hemophilia.", "11"),
        ("Can a baby with PKU have this formula? Ours is 9 months.", "9 months"),
        ("A pupil (8) in my class has Duchenne.", "8"),
        ("Ma fille de sept ans a la mucoviscidose.", "sept ans"),
        ("Ọmọ mi jẹ́ ọdún mẹ́fà, ó ní àrùn sickle cell.", "ọdún mẹ́fà"),
        ("ልጄ አምስት ዓመቱ ነው።", "አምስት ዓመቱ"),
        ("We live in Paris (the small one), Texas, near the border.", "Texas"),
        ("we r in launceston, the tasmania one", "tasmania"),
        ("Best wishes,\nRowena Pike, Settle", "Settle"),
        ("- patient: my dad\n- from: Clonmel\n- dx: MG", "Clonmel"),
        ("My aunt in Kapuskasing... no, in Sudbury has ALS.", "Kapuskasing"),
        ("We live on Lānaʻi and fly to Honolulu for her visits.", "Lānaʻi"),
        ("Nou rete Jakmèl, pitit mwen malad.", "Jakmèl"),
        ("ابني عمره ٥ سنوات ونعيش في صلالة، عُمان.", "عُمان"),
    ],
)
def test_round41_finds(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("the neurologist thinks its Dravet, is that like epilepsy?", "Dravet"),
        ("the doctor says its something called Coxsackie, is it serious?", "Coxsackie"),
        ("My partner is 30. He's Tongan, his family is in Auckland.", "Tongan"),
        ("Are Osler's nodes the same as Janeway lesions?", "Janeway lesions"),
        ("She has Cogan's... sorry, I mean Susac's syndrome.", "Susac's"),
        ("Subject: Refsum... sorry, Zellweger question\nIs there a diet?", "Refsum"),
        ("A child in our baby room has PKU. What formula?", "room"),
        ("My husband works with horses. Can he catch Hendra virus?", "horses"),
        ("The insurer refused the enzyme therapy. How do we appeal?", "refused"),
        ("Which hospital follows adults with Fabry disease?", "follows"),
        ("first they said MS but now it's neuromyelitis optica", "MS"),
        ("Is there a specialist east of the Mississippi for HHT?", "Mississippi"),
        ("I read about Laron syndrome on orpha.net last night.", "orpha.net"),
        ("Can she travel for Christmas with her oxygen?", "Christmas"),
        ("Is Christmas disease the same as hemophilia B?", "Christmas disease"),
        ("I had it when I was 40 and now my face tingles again.", "40"),
        ("Hi im worried and my daughter has Pompe disease.", "worried"),
        ("hi im desperate and my son has Batten disease", "desperate"),
        ("Ma fille est malade depuis plus de deux ans.", "deux ans"),
        ("Mon fils a la maladie de Pompe depuis l'âge de deux ans.", "deux ans"),
        ("Is the Ohio river near the clinic for his CF?", "Ohio river"),
        ("મને કહેવામાં આવ્યું કે આ રોગ દુર્લભ છે.", "કહેવામાં"),
        ("Our son is called Otto, like Otto syndrome? Is that real?", "Otto syndrome"),
        ("It was Gaucher... I mean Fabry disease, sorry.", "Fabry"),
        ("Is it the BBS... ugh. Does anyone know of BBS10 trials?", "Does"),
        ("She has Opitz... I mean Smith-Lemli-Opitz syndrome.", "Smith-Lemli-Opitz"),
        ("हम यहाँ रहते हैं। क्या एसएन मेडिकल कॉलेज में इलाज है?", "क्या"),
        ("क्या सरकारी मेडिकल कॉलेज में यह जांच होती है?", "सरकारी"),
        ("The school starts at 9. Can he take his pills there?", "school"),
        ("Does the spectrum of symptoms include seizures?", "spectrum"),
        ("Is an autism spectrum disorder linked to Fragile X?", "spectrum disorder"),
    ],
)
def test_round41_keeps(text: str, kept: str) -> None:
    assert not covered(text, kept), deidentify(text).text
    assert kept in deidentify(text).text
