"""De-identification, issue 20 round 26: a bare age in apposition after a role noun, after a
comma ending a self-description, after a name and a chat filler, after a dash-enclosed aside;
Indonesian, Gujarati and Amharic ages in number words; a possessive name after a kin word, a
Gujarati name with an honorific after a kin word; a month corrected after "no,"; a practice's
specialty after an institution; "Nieuw" before a town, a Greek town after "στα"/"στην", a
Chinese city between 在 and 被, a Chinese given name after 我 and a kin word before an age, a
Gujarati town with માં before a doctor, a Hindi town in "X या [place]", an institution
corrected in chat ("no wait it was X"), a lower-case town
after "we're in", a town after "di"/"din" (or a second "de") apart from its institution, a
named "House" after "the care home,".
Kept: a form label before a colon, a national ID scheme, an ordinary scheme, onset ages, a
number that is no age after a comma. Invented texts, none of the labelled sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import KEPT_BY_EVERY_ROUND, covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Our new placement, 6, has been diagnosed with Williams syndrome.", "6"),
        ("I have a student with Rett syndrome, 9. Can she use eye-gaze?", "9"),
        ("i have ehlers danlos syndrome, 27. is pregnancy risky?", "27"),
        ("My daughter Ottilie — we call her Tilly — is seven and has Sotos syndrome.", "seven"),
        ("Ayah saya, tujuh puluh tahun, baru didiagnosis amiloidosis.", "tujuh puluh tahun"),
        ("મારા દાદા સિત્તેર વર્ષના છે અને તેમને પાર્કિન્સન છે.", "સિત્તેર વર્ષ"),
        ("አባቴ ሰማንያ ዓመት ሆኖታል።", "ሰማንያ ዓመት"),
        ("My son Thaddeus's teacher asked about his epilepsy plan.", "Thaddeus"),
        ("મારી મમ્મી લીલાબેન ને ડાયાબિટીસ છે.", "લીલાબેન"),
        ("The care home, Ashgrove House, says his Huntington disease is worse.",
         "Ashgrove House"),
        ("we're in grand junction and need a CCM doctor.", "grand junction"),
        ("Anak saya dirawat di RS Harapan Kita di Jakarta karena talasemia.", "Jakarta"),
        ("The biopsy was in March — no, April — and showed amyloid.", "April"),
        ("-- Dr Ann Lee, MD, Larkspur Pediatric Neurology, Greenville", "Neurology"),
        ("Η μητέρα μου ζει στα Ιωάννινα και έχει μυασθένεια.", "Ιωάννινα"),
        ("我爸爸在昆明被诊断为渐冻症。", "昆明"),
        ("我兒子宥廷6歲，確診為杜興氏肌肉萎縮症。", "宥廷"),
        ("મારા પપ્પાને જામનગરમાં ડોક્ટરે પાર્કિન્સન કહ્યું.", "જામનગર"),
        ("क्या इलाज इंदौर या दिल्ली में होता है?", "इंदौर"),
        ("i got told at Mercy General no wait it was Ochsner. what now", "Ochsner"),
    ],
)
def test_round26_finds(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Thanks. Update: the MRI showed cortical tubers.", "Update"),
        ("Our Aadhaar card is needed for the hospital scheme, is that right?", "Aadhaar"),
        ("Our Aadhaar card is needed for the hospital scheme, is that right?", "hospital scheme"),
        ("I have MODY type 2, 3.", "3"),
        ("Her spasms began at 4 months. Is that West syndrome?", "4 months"),
        ("Take it 2, 3 times a day, the doctor said.", "3 times"),
        ("we're in pain most days with this neuropathy.", "pain"),
        ("No, June is fine for the appointment about his Fabry disease.", "June"),
        ("Πήγαμε στο Νοσοκομείο για τη μυασθένεια.", "Νοσοκομείο"),
        ("我在医院被诊断为狼疮。", "医院"),
        ("He was seen at Mayo Clinic, actually it's Fabry disease they think.", "Fabry"),
        ("क्या दवा या इंजेक्शन से होता है?", "दवा"),
        *KEPT_BY_EVERY_ROUND,
    ],
)
def test_round26_keeps(text: str, kept: str) -> None:
    assert not covered(text, kept), deidentify(text).text
    assert kept in deidentify(text).text
