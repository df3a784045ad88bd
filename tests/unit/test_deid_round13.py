"""De-identification, issue 20 round 13: ages after a removed name or one's kin, in brackets
after a person, after "im literally"; a chat speaker's handle in brackets; hospital acronyms
after a visit, before a town or before "wants to see"; "the Eye and Ear", a charity in
apposition, an insurer in brackets, a hospital named after a titled person, Polish,
Vietnamese and Dutch institutions; an Eircode and an eclipsed Irish place; names in
apposition or after "Pt:"; ages by the word for "years" in other languages, names after kin
words and places one lives in in six Indian scripts. Invented texts, none of the labelled
sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("my boy Tadhg 11 got told he has Perthes disease", "11"),
        ("im Roisin 23 from the west and i have POTS", "23"),
        ("A family (baby Saoirse, 5 weeks) were told about PKU.", "5 weeks"),
        ("My father 71 years has been diagnosed with ALS.", "71 years"),
        ("my lola in Iloilo 80 has dementia and tremor", "80"),
        ("my son ziggy is 3 and has sickle cell", "3"),
        ("my son ziggy is 3 and has sickle cell", "ziggy"),
        ("im literally 17 with a heart attack??", "17"),
        ("A girl I tutor (8) has Turner syndrome.", "8"),
        ("My wee one (3) has a heart murmur.", "3"),
        ("my daughter Tara is two and half years and has CF", "two and half years"),
        ("my pikin Chidi dey 5, doctor talk say na sickle cell", "5"),
        ("My daughter Hope 5 and my son Will 8 both have CF.", "8"),
        ("my 7 year old Hunter has a cold", "Hunter"),
    ],
)
def test_round13_finds_ages(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("[09:14] Guest (bluebellmum22): hi\n[09:15] Agent: hello\n"
         "[09:16] Guest (bluebellmum22): my son has PKU", "bluebellmum22"),
        ("[08:40] seaglassmum: hi\n[08:41] Agent: hello\n[08:42] seaglassmum: PKU?", "seaglassmum"),
        ("Visitor 5120 (fernhollow): is anyone there?", "fernhollow"),
        ("Chat started by guest \"fernhollow\" at 10:02", "fernhollow"),
        ("(09:15) fernhollow: my son has PKU", "fernhollow"),
        ("From: fernhollow\nSubject: PKU diet", "fernhollow"),
        ("My aunt was diagnosed at 52 in QXH. Should I be tested?", "QXH"),
        ("She attends UHK for her kidneys.", "UHK"),
        ("He is under MUH for the epilepsy.", "MUH"),
        ("She was diagnosed at the Wexley in 2021.", "Wexley"),
        ("he was diagnosed with CMT in KRMC. can he play football", "KRMC"),
        ("the doctor for LUTH Lagos said na sickle cell", "LUTH"),
        ("WVMC wants to see her in spring for the scan.", "WVMC"),
        ("She was treated at the Eye and Ear last year for uveitis.", "Eye and Ear"),
        ("I volunteer with Ceol Beag, a small charity in Tramore.", "Ceol Beag"),
        ("I help run Little Lanterns, a parent group in Wexford.", "Little Lanterns"),
        ("RMH wants to see him next month for the EMG.", "RMH"),
        ("Our insurance (Brightwell) denied the infusion again.", "Brightwell"),
        ("I work at Dr. K.L. Mehta Memorial Hospital in Pune.", "Mehta Memorial Hospital"),
        ("She gave birth at MERCYONE St. Anne in Dubuque.", "MERCYONE St. Anne"),
        ("Operację proponuje Centrum Onkologii Kieleckie.", "Centrum Onkologii Kieleckie"),
        ("Cháu được khám tại Bệnh viện Nhi Trung ương.", "Bệnh viện Nhi Trung ương"),
        ("Hij wordt behandeld in het Maasstad sinds mei.", "Maasstad"),
        ("Ug sa Sacred Heart Tabunok siya gipatan-aw.", "Sacred Heart Tabunok"),
        ("I'm a nurse at QVMH in TGN. We have a baby with MSUD.", "TGN"),
        ("मेरे पिता का इलाज केजीएमयू लखनऊ में हुआ।", "केजीएमयू"),
        ("ਉਸਦਾ ਪੀਜੀਆਈ ਵਿੱਚ ਇਲਾਜ ਚੱਲ ਰਿਹਾ ਹੈ।", "ਪੀਜੀਆਈ"),
    ],
)
def test_round13_finds_handles_and_institutions(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Our Eircode is H91 K2X7, please post the leaflet.", "H91 K2X7"),
        ("Post it to 4 Main St, Ballina, F26 W8K3.", "F26 W8K3"),
        ("Eircode: P12 Q0Q0 (not sure it is right)", "P12 Q0Q0"),
        ("Tá cónaí orainn i gCill Airne agus tá PKU air.", "gCill Airne"),
        ("Táimid i nDún na nGall anois.", "nDún na nGall"),
        ("We support a young woman, Orlaith Brennock, 19, with Alport syndrome.", "Brennock"),
        ("A pupil in my class, Cillian, has Prader-Willi.", "Cillian"),
        ("Pt: Wendell Farraday | DOB 03/04/2015", "Farraday"),
        ("Mẹ tôi là Hằng, 70 tuổi, bị Parkinson.", "Hằng"),
        ("Ang anak ko pong si Maricel ay may lupus.", "Maricel"),
        ("Gabadhayda Hodan waa 4 sano.", "Hodan"),
        ("Umwana wanjye Keza afite imyaka 4.", "Keza"),
        ("mi daughter Shanique is 7 years old and have HbSC", "Shanique"),
        ("pitit gason mwen Wilfrid gen 7 an.", "Wilfrid"),
        ("माझी मुलगी सई ६ वर्षांची आहे.", "सई"),
        ("ਮੇਰੀ ਧੀ ਸਿਮਰਨ 5 ਸਾਲ ਦੀ ਹੈ।", "ਸਿਮਰਨ"),
        ("અમે અમદાવાદમાં રહીએ છીએ. મારો દીકરો આરવ 4 વર્ષનો છે.", "આરવ"),
        ("എന്റെ മകൾ ദിയ (7 വയസ്സ്) ചികിത്സയിലാണ്.", "ദിയ"),
        ("నా కొడుకు కిరణ్ వయసు 9 సంవత్సరాలు.", "కిరణ్"),
        ("ମୋ ଝିଅ ରିଆ 6 ବର୍ଷ ର ।", "ରିଆ"),
        ("ਅਸੀਂ ਅੰਮ੍ਰਿਤਸਰ ਵਿੱਚ ਰਹਿੰਦੇ ਹਾਂ।", "ਅੰਮ੍ਰਿਤਸਰ"),
        ("मेरी माँ सुशीला देवी (70 वर्ष) को पार्किंसन है।", "सुशीला देवी"),
        ("نحن من المفرق ونحتاج إلى طبيب", "المفرق"),
        ("im literally 18 with lupus", "18"),
        ("మేము గుంటూరులో ఉంటాము.", "గుంటూరు"),
        ("ನನ್ನ ಮಗಳು ಅನನ್ಯಾ 6 ವರ್ಷದವಳು.", "ಅನನ್ಯಾ"),
        ("ನಾವು ಹುಬ್ಬಳ್ಳಿಯಲ್ಲಿ ವಾಸಿಸುತ್ತೇವೆ.", "ಹುಬ್ಬಳ್ಳಿ"),
    ],
)
def test_round13_finds_places_and_names(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("माझी मुलगी सई ६ वर्षांची आहे.", "६ वर्षांची"),
        ("ਮੇਰੀ ਧੀ ਸਿਮਰਨ 5 ਸਾਲ ਦੀ ਹੈ।", "5 ਸਾਲ"),
        ("મારો દીકરો આરવ 4 વર્ષનો છે.", "4 વર્ષ"),
        ("ମୋ ଝିଅ ରିଆ 6 ବର୍ଷ ର ।", "6 ବର୍ଷ"),
        ("എന്റെ മകൾ ദിയ (7 വയസ്സ്) ചികിത്സയിലാണ്.", "7 വയസ്സ്"),
        ("నా కొడుకు కిరణ్ వయసు 9 సంవత్సరాలు.", "9 సంవత్సరాలు"),
        ("Mój tata Zenon (81 lat) ma chorobę Parkinsona.", "81 lat"),
        ("pitit gason mwen Wilfrid gen 7 an.", "7 an"),
        ("Gabadhayda Hodan waa 4 sano.", "4 sano"),
        ("La meva filla Núria té quatre anys i té FQ.", "quatre anys"),
        ("Tá mo iníon Niamh sé bliana d'aois.", "sé bliana d'aois"),
        ("Nwa m nwaanyị Adaeze dị afọ ise.", "afọ ise"),
        ("Me babarima Kofi adi mfe nsia.", "mfe nsia"),
        ("ನನ್ನ ಮಗಳು ಅನನ್ಯಾ 6 ವರ್ಷದವಳು.", "6 ವರ್ಷದವಳು"),
        ("Umukobwa wanjye afite imyaka 9.", "imyaka 9"),
        ("Ti anakko a ni Rosalie ket pito a tawen.", "pito a tawen"),
    ],
)
def test_round13_finds_ages_in_other_languages(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Seizures started at 6 months and he is on valproate.", "6 months"),
        ("She has had ataxia since age 12.", "since age 12"),
        ("He had his first seizure at 3 weeks.", "3 weeks"),
        ("Is Bombay phenotype the same as hh blood group?", "Bombay phenotype"),
        ("We follow the Toronto protocol for the infusions.", "Toronto protocol"),
        ("Is Wilson disease treated with penicillamine 250 mg?", "penicillamine 250 mg"),
        ("Trials in the upper Midwest are rare.", "Midwest"),
        ("He was diagnosed with SMA in ICU.", "ICU"),
        ("The variant was found in TTN, exon 5.", "TTN"),
        ("He was seen in A&E and then in OPD.", "OPD"),
        ("Fa tres anys que té la malaltia.", "tres anys"),
        ("Li te malad sa gen 5 an.", "5 an"),
        ("Her Loes score is 0 and MRI is normal.", "score is 0"),
        ("A boy with SMA type 2 (2) and his sister (3) are both on nusinersen.", "nusinersen"),
        ("My son has Hunter syndrome and is on idursulfase 0.5 mg/kg.", "0.5 mg/kg"),
        ("Is Alexander disease inherited?", "Alexander disease"),
        ("Is Lynch syndrome on the AncestryDNA health report?", "AncestryDNA"),
        ("> On Nov 3, 2025, at 9:41 AM, Info Center wrote:", "Info Center wrote"),
        ("my 6 year old Duchenne diagnosis came after a CK test", "Duchenne diagnosis"),
        ("We live in Leeds, my son has Dravet syndrome.", "my son"),
        ("mia zia ha la distrofia", "mia zia"),
        ("diagnosed with Pompe at 40 and now 52", "Pompe"),
        ("my son with Xyzabc is 5", "Xyzabc"),
        ("He has Marfan and is 12 years old.", "Marfan"),
        ("The FDA would review the drug next year.", "FDA"),
        ("ENT wants to see him again in May.", "ENT"),
        ("We joined Rare Together, a support group for parents.", "Rare Together"),
        ("उसे आईसीयू में भर्ती किया और एमआरआई हुआ।", "आईसीयू"),
        ("im literally 18 with lupus", "literally"),
        ("He is under GA for the MRI, and under ENT and CAMHS.", "under GA"),
        ("She is under CAMHS for anxiety.", "CAMHS"),
        ("He was treated in the ICU and then in the Children's.", "the Children's"),
        ("He was seen at the Marfan clinic last week.", "Marfan clinic"),
        ("She was diagnosed in the Spring last year.", "the Spring"),
        ("[08:41] Agent: hello, how can I help?", "Agent"),
        ("[08:42] Mum: thanks", "Mum"),
        ("10:30 today: clinic with the neurologist", "10:30 today"),
        ("ನನಗೆ 3 ವರ್ಷಗಳಿಂದ ಈ ಕಾಯಿಲೆ ಇದೆ.", "3 ವರ್ಷಗಳಿಂದ"),
        ("मेरी माँ को, 60 साल की उम्र में", "मेरी माँ को"),
        ("نحن من مرضى الثلاسيميا ونحتاج", "مرضى"),
        ("उसे आईसीयू में भर्ती किया और एमआरआई हुआ।", "एमआरआई"),
    ],
)
def test_round13_keeps(text: str, kept: str) -> None:
    assert kept in deidentify(text).text, deidentify(text).text
