"""De-identification, issue 20 round 14: ORCID iDs and handles with an underscore; ages as
fractions, "and a bit", "a year and a half", "N/12", and in Welsh, Māori, Scottish Gaelic and
isiZulu/isiXhosa; regions after a field or before "province", a region's code after a town,
isiZulu and isiXhosa locatives; schools and hospitals by head word in Māori, French, Malay,
Swahili; a removed name and its head word ("... Church Hall"); names after self-introductions
in other languages and in apposition; places one is from in Welsh, Māori, Gaelic, Afrikaans,
Japanese, Chinese; greetings, breeds, Hb variants, place-named viruses kept. Invented texts,
none of the labelled sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("My ORCID is 0000-0003-4417-201X, I study Alport syndrome.", "0000-0003-4417-201X"),
        ("I post on Instagram as tired_heart_mama about POTS.", "tired_heart_mama"),
        ("My son is 4½ and has Angelman syndrome.", "4½"),
        ("Our girl is 3 and a bit and has been diagnosed with PKU.", "3 and a bit"),
        ("My nephew is a year and a half and has Menkes disease.", "a year and a half"),
        ("Our daughter (7/12) has infantile spasms.", "7/12"),
        ("Mae fy mab, Gethin, yn wyth oed ac mae ganddo epilepsi.", "wyth oed"),
        ("Mae fy mab, Gethin, yn wyth oed ac mae ganddo epilepsi.", "Gethin"),
        ("He mate tō taku tama, ko Tamati tōna ingoa, e rima ōna tau.", "rima ōna tau"),
        ("He mate tō taku tama, ko Tamati tōna ingoa, e rima ōna tau.", "Tamati"),
        ("Tha mo nighean Ealasaid, a tha ochd bliadhna a dh'aois, tinn.", "ochd bliadhna"),
        ("Ingane yami ineminyaka eyisikhombisa inesifo sikashukela.", "eyisikhombisa"),
        ("Ngihlala e-Eshowe futhi ngidinga usizo.", "Eshowe"),
        ("Molo, ndinguye Nomsa Dlamini wase-Lusikisiki.", "Nomsa Dlamini"),
        ("Molo, ndinguye Nomsa Dlamini wase-Lusikisiki.", "Lusikisiki"),
        ("Name: Ada Brook\nProvince: Saskatchewan\nQuestion: what is PKU?", "Saskatchewan"),
        ("I am a nurse at a clinic in Eastern Cape province.", "Eastern"),
        ("We live in Toowoomba, QLD and our son has SMA.", "QLD"),
        ("Is nusinersen available in SA?", "SA"),
        ("I teach at Te Kura Kaupapa Māori o Ngā Rito and a child has Perthes.", "Ngā Rito"),
        ("Je suis enseignante à l'École secondaire Mont-Royal à Laval.", "Mont-Royal"),
        ("Saya cikgu di SMK Seri Bayu, murid saya ada talasemia.", "Seri Bayu"),
        ("Ninafanya kazi katika Hospitali ya Wilaya ya Kilifi.", "Kilifi"),
        ("She was seen at Mbongolwane Hospital for TB.", "Mbongolwane"),
        ("We meet at St Oswald's Church Hall on Fridays.", "Hall"),
        ("Our foster child, Jayden, is 7 and has FASD.", "Jayden"),
        ("Brother (Kieran) also has Stargardt disease.", "Kieran"),
        ("Sou a Carla Menezes, mãe de um menino com autismo.", "Carla Menezes"),
        ("Habari, naitwa Amani Mwakyusa kutoka Mbeya.", "Amani Mwakyusa"),
        ("Hi, Fenella Crossan from Lurgan. Our son has Perthes.", "Fenella Crossan"),
        ("Patient: Imogen Teale  DOB: 02/03/2019", "Imogen Teale"),
        ("Our nine year old son Caspian has just been diagnosed with EDS.", "Caspian"),
        ("Shwmae, Ceri ydw i o Llanfair Caereinion. Mae gen i gwestiwn.", "Llanfair Caereinion"),
        ("Kia ora, nō Whakatāne ahau. He pātai tāku mō te mate huka.", "Whakatāne"),
        ("Goeiedag, ek woon in Oudtshoorn en my seun het CF.", "Oudtshoorn"),
        ("こんにちは。札幌に住んでいる母です。", "札幌"),
        ("你好，我是李晓红，我的儿子有血友病。", "李晓红"),
        ("We moved again, now in Baker Lake... sorry, in Cambridge Bay.", "Bay"),
        ("saw the geneticist on the 2nd, she said it's Fabry.", "2nd"),
    ],
)
def test_round14_finds(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Her first seizure was at 6 months and she now has Dravet syndrome.", "at 6 months"),
        ("Is Kearns-Sayre syndrome inherited from the mother?", "Kearns-Sayre syndrome"),
        ("Does vigabatrin cause vision loss?", "vigabatrin"),
        ("We found out about the Bombay phenotype at the blood bank.", "Bombay phenotype"),
        ("Is the Toronto protocol used for cancer surveillance?", "Toronto protocol"),
        ("My 5 year old Lab has epilepsy too, is that related?", "Lab"),
        ("They said Hb Bart's hydrops was seen on the scan.", "Hb Bart's"),
        ("Got told it's Ross River virus, is that like West Nile virus?", "Ross River virus"),
        ("The letter says it's called Kahler's? Not sure.", "Kahler's"),
        ("Mia madre ha la SLA da due anni.", "Mia madre ha la SLA"),
        ("Salam, saya ada soalan tentang talasemia.", "Salam"),
        ("Bore da, mae gen i gwestiwn am ffibrosis systig.", "Bore da"),
        ("Tēnā koe, he pātai tāku.", "Tēnā koe"),
        ("Es una pregunta general sobre la enfermedad de Pompe.", "una pregunta general"),
        ("Is biotin covered by OHIP for children?", "OHIP"),
        ("The SA node is affected in sick sinus syndrome.", "SA node"),
        ("The variant c.123_125del was found in COL1A1.", "c.123_125del"),
        ("I attached scan_results_2024.pdf for you.", "scan_results_2024.pdf"),
        ("He is Deaf and has Usher syndrome.", "Deaf"),
        ("She is 2 and a half and has PKU.", "has PKU"),
        ("An bhfuil eolas agaibh i nGaeilge?", "nGaeilge"),
        ("She was 2½ kg at birth and the cyst was 2½ cm.", "2½ kg"),
        ("The dose is 2 and a half tablets a day.", "2 and a half tablets"),
        ("We are in the SK Hynix building; which gene is involved?", "SK Hynix"),
        ("Hi, Marfan Trust here from the office, we have leaflets.", "Marfan Trust"),
    ],
)
def test_round14_keeps(text: str, kept: str) -> None:
    assert kept in deidentify(text).text, deidentify(text).text


def test_round14_age_bands() -> None:
    assert "[age: under 1 year]" in deidentify("Our son (9/12) has infantile spasms.").text
    assert "[age: 1-4 years]" in deidentify("She is a year and a half and has CF.").text
