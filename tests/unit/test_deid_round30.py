"""De-identification, issue 20 round 30: a span built from a head word stops at a sentence's
end and takes no generic "any/which hospital" phrase, in every script; a bare acronym after a
clinician "at", an eponym before a clinic, "Queen's"/"King's" alone, "X Regional", a county's
service, a department after "under ... at"; a child's age in brackets, "I said N but", Spanish
"de un año", Portuguese tens after a kin word, Vietnamese tens with "mươi", Indonesian "umur N
tahun", Amharic tens; a lower-case country or region after "in/of/from" or after a town, a
region after an en dash, an Urdu or Gujarati town before a comma and a region; "im <name> im
N". Kept: the service's own name, a community before "families". Invented texts, none of the
labelled sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import KEPT_BY_EVERY_ROUND, covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Our nearest neurologist is at UCLH. Can they test for CMT1A?", "UCLH"),
        ("We go to the Lurie CHARGE clinic every year for hearing checks.", "Lurie"),
        ("We were at King's last week for his Alagille syndrome review.", "King's"),
        ("I'm a nurse at Redding Regional and we have a patient with Fabry disease.",
         "Redding Regional"),
        ("I'm a caseworker with Ramsey County Child Protection; a toddler has OI.",
         "Ramsey County Child Protection"),
        ("My son is under Paediatric Neurology at the Royal Children's for epilepsy.",
         "Paediatric Neurology"),
        ("A boy in our football club (11) has haemophilia A. Is tackling safe?", "11"),
        ("Sorry, I said 4 but Maya is 5 now. She has Dravet syndrome.", "4"),
        ("Mi hija de un año tiene fibrosis quística. ¿Qué hacemos?", "un año"),
        ("A minha filha de trinta tem lúpus. É hereditário?", "trinta"),
        ("Bố tôi bảy mươi lăm tuổi, bị bệnh Parkinson.", "bảy mươi lăm tuổi"),
        ("Anak saya umur sembilan tahun dan menderita talasemia.", "sembilan tahun"),
        ("አባቴ ስልሳ ሁለት ዓመት ነው። የስኳር በሽታ አለበት።", "ስልሳ ሁለት ዓመት"),
        ("we moved here from uruguay last year, my son has SMA", "uruguay"),
        ("we are in halifax nova scotia, any trials for ALS?", "nova scotia"),
        ("Is there a group in Rimouski, in the Matane–Bas-Saint-Laurent area, for ataxia?",
         "Bas-Saint-Laurent"),
        ("وہ لاہور، پنجاب میں رہتے ہیں اور انہیں تھیلیسیمیا ہے۔", "لاہور"),
        ("અમે સુરત, ગુજરાતમાં રહીએ છીએ. મારા દીકરાને થેલેસેમિયા છે.", "સુરત"),
        ("im jolie im 15 and i have POTS, does it get better", "jolie"),
        ("என் மகள் சென்னையில் இருக்கிறாள். அவளுக்கு வலிப்பு உள்ளது. ஸ்டான்லி மருத்துவமனை நல்லதா?",
         "ஸ்டான்லி மருத்துவமனை"),
    ],
)
def test_round30_finds(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("என் மகள் சென்னையில் இருக்கிறாள். அவளுக்கு வலிப்பு உள்ளது. ஸ்டான்லி மருத்துவமனை நல்லதா?",
         "உள்ளது"),
        ("मेरा बेटा बीमार है। किसी अस्पताल में जांच होती है?", "किसी अस्पताल"),
        ("The specialist looked at MRI results and said it was normal.", "MRI"),
        ("She is in ICU now and the doctor is at ICU too.", "ICU"),
        ("Our Marfan clinic is full; is there another one?", "Marfan"),
        ("Regional anaesthesia was used for her operation.", "Regional"),
        ("El tratamiento dura un mes según el médico.", "un mes"),
        ("Pengobatan ini berlangsung tujuh tahun.", "tujuh tahun"),
        ("i love chile peppers but i have porphyria, is that ok", "chile"),
        ("im tired im 16 and have lupus", "tired"),
        ("Several Amish families in our area have maple syrup urine disease.", "Amish"),
        ("Dear Rare Disease Info, is Pompe disease inherited?", "Info"),
        ("We saw the team at the Mass. General clinic for Fabry disease.", "clinic"),
        *KEPT_BY_EVERY_ROUND,
    ],
)
def test_round30_keeps(text: str, kept: str) -> None:
    assert not covered(text, kept), deidentify(text).text
    assert kept in deidentify(text).text
