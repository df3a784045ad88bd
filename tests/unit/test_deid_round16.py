"""De-identification, issue 20 round 16: ages in weeks, months, days and words after "is",
"lived N days", a bare number after a name or a bracket, the answer to "how old" in a chat,
Hebrew ages; lower-case hyphenated names, unknown names after clear cues, kin cues in other
scripts; a city before a US state code, places after place cues in other scripts; quoted
hospital names, teaching hospitals' acronyms, "at ACRONYM in Town", "ACRONYM at [hospital]",
"[hospital] & Name", Hebrew hospitals; a date range's first day; a word corrected by "... no,".
Kept: all-caps medical acronyms, eponymous operations, compass regions, "ID", milestone
ages, greetings and function words of other languages, the word for "hospital". Invented
texts, none of the labelled sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("hi, my baby Clementine is 7 wks and has jaundice still.", "7 wks"),
        ("Our grandson is 11 weeks and has a cleft lip.", "11 weeks"),
        ("Our son Lorcan lived nine days after the birth.", "nine days"),
        ("My niece Marisol (\"Mari\") is 23 and has lupus nephritis.", "23"),
        ("my cousin juniper is seventeen and has POTS.", "seventeen"),
        ("Support chat\nagent: how old is he?\nguest 44: 8, near Leeds", "8"),
        ("הבן שלי בן שנתיים ויש לו אסתמה.", "שנתיים"),
        ("our girl... i mean poppy-rae is 3 and has eczema.", "poppy-rae"),
        ("we fostered lottie-belle last year and she has FASD.", "lottie-belle"),
        ("Our Quillon is 2 and not walking yet.", "Quillon"),
        ("Sender: Hyacinth Marlowe\nEmail: x@example.org\nMessage: Fabry", "Hyacinth Marlowe"),
        ("Every year our son... no, Thaddeus (his real name) gets pneumonia.", "Thaddeus"),
        ("Our baby Theo (short for Theodric) has a heart murmur.", "Theodric"),
        ("One pupil, Oisinella, has type 1 diabetes.", "Oisinella"),
        ("Halo, saya Kartikasari dari Bogor.", "Kartikasari"),
        ("Ọmọ mi Oluwaseun ní àrùn sickle cell.", "Oluwaseun"),
        ("میری بیٹی عائشہ کی عمر 5 سال ہے۔", "عائشہ"),
        ("我太太美玲今年三十岁，得了红斑狼疮。", "美玲"),
        ("Είμαι η Παρασκευή από την Πάτρα.", "Παρασκευή"),
        ("Моїй мамі Оксані 70 років.", "Оксані"),
        ("ልጄ ሰላማዊት 6 ዓመቷ ነው።", "ሰላማዊት"),
        ("Is there an EDS clinic near me? I live in Opportunity, WA.", "Opportunity"),
        ("हम नैनीताल में हैं। क्या इलाज है?", "नैनीताल"),
        ("我们在大理。请问哪里能做基因检测？", "大理"),
        ("Am fost la Spitalul „Sf. Ioan” Galați pentru analize.", "Spitalul „Sf. Ioan”"),
        ("My cousin was seen at LUTH last month for sickle cell.", "LUTH"),
        ("I study at UNH in Durham and have narcolepsy.", "UNH"),
        ("He is at RCH at Parkville Road now.", "RCH"),
        ("We were referred to Mercy Bright & Hollis in Tulsa.", "Hollis"),
        ("הבת שלי טופלה בשיבא לפני שנה.", "שיבא"),
        ("We will be in Denver from 3 to 9 March. Where is the ER?", "3 to 9 March"),
        ("Baby Orla's scan was done in Kilrush... no, sorry, Ennis.", "Kilrush"),
    ],
)
def test_round16_finds(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Is MELAS linked to diabetes?", "MELAS"),
        ("After the Fontan he tires easily. Is that normal?", "Fontan"),
        ("Are there specialists in the Midwest for Alport syndrome?", "Midwest"),
        ("What should the member ID card show?", "ID"),
        ("Do most kids with Down syndrome walk by age 3?", "3"),
        ("Bună seara, fiul meu are fibroză chistică.", "Bună"),
        ("Chúng tôi cần giúp đỡ.", "Chúng tôi"),
        ("Os meus filhos devem fazer o exame?", "devem fazer"),
        ("She is 9 weeks pregnant and has lupus.", "9 weeks pregnant"),
        ("The dose is 5 and the level is 12.", "dose is 5"),
        ("What is MERRF? It is 3 letters longer than MELAS.", "3"),
        ("Is the x-linked form worse?", "x-linked"),
        ("The well-being of my son matters.", "well-being"),
        ("my mid-sized town has no geneticist.", "mid-sized"),
        ("The study name is short for Randomised Evaluation.", "Randomised"),
        ("He had a Glenn at 4 months; next is the Fontan.", "Glenn"),
        ("हम अस्पताल में हैं। क्या करें?", "अस्पताल"),
        ("我们在医院。医生说要做基因检测。", "医院"),
        ("שלום, אני אמא של ילד עם סיסטיק פיברוזיס.", "אמא"),
        ("ลูกสาวของฉัน น้องสาวอายุ 5 ขวบ", "น้องสาว"),
        ("The waiting list is 14 months in our area.", "14 months"),
        ("Our dog is 4 years and has epilepsy.", "4 years"),
        ("my baby failed her newborn screen for CF, what now?", "newborn screen"),
        ("Olá, sou a Marluce de Vitória da Conquista, Bahia.", " de "),
        ("Our MRN is 0000 and the clinic lost it.", "Our MRN"),
    ],
)
def test_round16_keeps(text: str, kept: str) -> None:
    assert kept in deidentify(text).text, deidentify(text).text

