"""De-identification, issue 20 round 23: a value after a correction marker of several
languages takes the kind of the span before it ("in X... no, Y", "at X... no, it's the Y",
"tengo X... bueno, 34"), a capitalised word alone after "..." closing a sentence; hospitals
named after a title and a name, an acronym and "da/de" and a name after a Portuguese
preposition, hospitals of Haitian Creole, Gujarati, Amharic, Ukrainian and Russian by their
head word, and of Telugu, Kannada, Malayalam, Gurmukhi, Czech, Croatian and the Nordic
languages, Indonesian "RSUD" with initials; record labels of other languages; a UK National
Insurance number and a French social-security number with spaces; a Romanian age after a name;
"hey its name...", a Haitian Creole kin word before a name; a lower-case town and US state, a
province's acronym and a state's short name after a town, a Chinese province after 在. Kept: a
medical word corrected, a chat speaker's role, a title before a name, a Romance article before
an institution, a town after "de" closing a named hospital, a Vietnamese hospital's name
stopping before its verb. Invented texts, none of the labelled sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("We live in Tuam... no, Ballinrobe. My son has Duchenne.", "Ballinrobe"),
        ("She is at St Mary's Hospital... no, it's the QEUH in Glasgow.", "QEUH"),
        ("My niece Saoirse... sorry, Sorcha, has cystic fibrosis.", "Sorcha"),
        ("Tengo 41... bueno, 42 desde ayer, y tengo lupus.", "42"),
        ("My son Declan is 10... sorry, eleven, and has Perthes disease.", "eleven"),
        ("Mon fils Yanis a six ans... pardon, sept, et il a une drépanocytose.", "sept"),
        ("Vivo en Rosario... perdón, en Paraná. Mi hijo tiene fibrosis quística.", "Paraná"),
        ("Hello from Nassau... no, Freeport, Grand Bahama! My son has sickle cell.",
         "Grand Bahama"),
        ("He is treated at Ibadan... Ogbomoso. Is hydroxyurea safe?", "Ogbomoso"),
        ("I trained at Father Mascarenhas in Goa and see a child with Zellweger.",
         "Father Mascarenhas"),
        ("Minha filha faz tratamento no HC da Ufpe e tem fenilcetonúria.", "HC da Ufpe"),
        ("Pitit gason m ap swiv nan Lopital Sen Jozèf pou anemi falsifòm.", "Lopital Sen Jozèf"),
        ("મારી દીકરીને શ્રીજી હોસ્પિટલમાં થેલેસેમિયા કહ્યું.", "શ્રીજી હોસ્પિટલ"),
        ("ልጄ በጎንደር ሆስፒታል ታክሟል።", "ጎንደር ሆስፒታል"),
        ("У Львівському обласному медичному центрі кажуть, що це гемофілія.",
         "Львівському обласному медичному центрі"),
        ("Ibu saya dirawat di RSUD A. M. Parikesit karena lupus.", "RSUD A. M. Parikesit"),
        ("No. rekam medis: RM-778812. Anak saya menderita talasemia.", "RM-778812"),
        ("Nº do prontuário: 5566771. Minha mãe tem ELA.", "5566771"),
        ("Krankenakte Nr. 44218-7, meine Tochter hat Mukoviszidose.", "44218-7"),
        ("Номер картки: 339812. У сина муковісцидоз.", "339812"),
        ("IPP : 80045127. Ma fille a une mucoviscidose.", "80045127"),
        ("病历号：A2039481，孩子确诊为苯丙酮尿症。", "A2039481"),
        ("환자번호 20931877, 아들이 혈우병이에요.", "20931877"),
        ("HN: 6603421 ลูกสาวเป็นธาลัสซีเมีย", "6603421"),
        ("They asked for his NI number AB 12 34 56 D for the form.", "AB 12 34 56 D"),
        ("Tatăl meu Gheorghe, de 68 de ani, are boala Parkinson.", "68 de ani"),
        ("hey its marisol... im 19 and have POTS", "marisol"),
        ("Manman m Rosemène gen dyabèt ak lupus.", "Rosemène"),
        ("we're in boise idaho and my son has Prader-Willi syndrome", "boise"),
        ("we're in boise idaho and my son has Prader-Willi syndrome", "idaho"),
        ("Suami saya dari Ende, NTB, menderita lupus.", "NTB"),
        ("Vivimos en Torreón, Coahuila. Mi hijo tiene distrofia muscular.", "Coahuila"),
        ("这个药在湖南能报销吗？", "湖南"),
        ("నా కొడుకు నిమ్స్ ఆసుపత్రిలో చికిత్స పొందుతున్నాడు.", "నిమ్స్ ఆసుపత్రి"),
        ("ਮੇਰੀ ਧੀ ਦਾ ਇਲਾਜ ਦਇਆਨੰਦ ਹਸਪਤਾਲ ਵਿੱਚ ਹੋ ਰਿਹਾ ਹੈ।", "ਦਇਆਨੰਦ ਹਸਪਤਾਲ"),
        ("Dcera leží ve Fakultní nemocnici Motol s cystickou fibrózou.", "nemocnici Motol"),
        ("Sin mi je u bolnici Dubrava zbog hemofilije.", "bolnici Dubrava"),
        ("Min sønn er på Haukeland sykehus med epilepsi.", "Haukeland sykehus"),
    ],
)
def test_round23_finds(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Il a une maladie de Crohn... non, une rectocolite hémorragique.", "rectocolite"),
        ("My mother has lupus... sorry, I mean scleroderma. What treatments exist?",
         "scleroderma"),
        ("She is on Orkambi... no, Trikafta now. Is that better?", "Trikafta"),
        ("We moved from Cork... Thanks for any help.", "Thanks"),
        ("We live in Swindon, no NHS dentist will take us. He has amelogenesis imperfecta.",
         "no NHS dentist"),
        ("Visitor_31: hi\nAgent: Hello, how can I help?\nVisitor_31: is PKU inherited?",
         "Agent:"),
        ("Regards,\nDr Imogen Pascoe, Truro", "Dr "),
        ("Le CHU de Nantes propose-t-il un dépistage de la mucoviscidose ?", "Le "),
        ("Elle est suivie à l'Hôpital Grall de Lyon pour une drépanocytose.",
         "pour une drépanocytose"),
        ("Bệnh viện Nhi Đồng 2 nói cháu bị bệnh Wilson.", "nói cháu bị"),
        ("Thanks, Rowan Pike, MS, CGC", "CGC"),
        ("we live in rural texas and my daughter has cystic fibrosis", "and my daughter"),
        ("He has SMA type 2, MS, PKU.", "PKU"),
        ("Il prend un IPP 20 mg pour son reflux. Est-ce compatible ?", "IPP 20 mg"),
        ("എന്റെ മകൻ സർക്കാർ ആശുപത്രിയിൽ ആണ്.", "സർക്കാർ"),
        ("Vi var på det lokala sjukhuset igår.", "lokala sjukhuset"),
        ("ਮੇਰੀ ਧੀ ਦਾ ਇਲਾਜ ਦਇਆਨੰਦ ਹਸਪਤਾਲ ਵਿੱਚ ਹੋ ਰਿਹਾ ਹੈ।", "ਇਲਾਜ"),
    ],
)
def test_round23_keeps(text: str, kept: str) -> None:
    assert kept in deidentify(text).text, deidentify(text).text
