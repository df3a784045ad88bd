"""De-identification, issue 20 round 47: hospitals by a short name ("Mater", "the royal
<name>", "under Guy's."), acronyms joined to a hospital or before "doctors", a hospital's unit,
run-on and corrected hospital names, lower-case places of care, schools and clubs, employers,
parents' groups, hospitals in Swedish, Finnish, Greek and Dutch, forum handles; names at a
text's head, after "my mate/our little", "the <Name> family", corrected names, self-introductions
in other languages; ages after a kin word or a name, in a chat reply, in Czech, Swedish and
German; lower-case towns with their codes, corrected places, towns after their cue in other
languages. Kept: "-Syndrom" compounds, "Subject: <disease>", "syndroom van", "Torres Strait
Islander", a verb in capitals after a hospital, an addressed specialty clinic, "DS" before a
name, screening limits, staged heart operations, French "n'a rien". Invented texts, none of
the labelled sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        # institutions
        ("My son is seen at the Calvary Mater every month. Is that usual?", "Calvary Mater"),
        ("she has iron infusions at the royal marsden. is that normal", "royal marsden"),
        ("We live in Lewisham and she is under Guy's. Is that the right place?", "Guy's"),
        ("Is there a trial at the Westmead Hospital or RPAH for this?", "RPAH"),
        ("Her school (BHS) won't let her carry her inhaler.", "BHS"),
        ("We are in Kandy and KGH doctors suggested surgery.", "KGH"),
        ("Her jaw was operated at Bristol Royal Hospital Craniofacial Unit last year.",
         "Craniofacial Unit"),
        ("I drive for Pickfords... no, for Brenwick Haulage. Can I keep my licence?",
         "Brenwick Haulage"),
        ("she is in ripon district nicu in yorkshire. will she be ok", "ripon district"),
        ("we r at riley. hes 6 with sma type 2", "riley"),
        ("she starts at el camino high next year with her pump", "el camino high"),
        ("she goes to meadowbank special school in leeds", "meadowbank special school"),
        ("my school westbrook academy won't let me rest", "westbrook academy"),
        ("is it ok she plays hockey for tamworth wolves", "tamworth wolves"),
        ("She plays netball for Oakhurst Ladies in Surrey.", "Oakhurst Ladies"),
        ("We live in Galway and attend Merlin Park. Can he get it there?", "Merlin Park"),
        ("My employer, Baxendale Logistics, won't allow time off.", "Baxendale Logistics"),
        ("I run Severn Valley Parents, a small parents' group in Shropshire.",
         "Severn Valley Parents"),
        ("She gets her infusions through Helen's House now.", "Helen's House"),
        ("He was diagnosed at MERCY Aldine in Houston last year.", "MERCY Aldine"),
        ("Posted by moth.wing77 on the forum: has anyone tried sirolimus?", "moth.wing77"),
        ("Kan hon få en ICD på Gävle lasarett?", "Gävle lasarett"),
        ("Poikani käy Tays keskussairaalassa.", "Tays keskussairaalassa"),
        ("Κάνει μεταγγίσεις στο Βενιζέλειο Νοσοκομείο.", "Βενιζέλειο Νοσοκομείο"),
        ("Hij gaat naar kinderdagverblijf De Vlinders.", "De Vlinders"),
        # names
        ("Marisol, 29, here. I have Hashimoto's. What tests are done?", "Marisol"),
        ("Juniper's 6 and has Williams syndrome. She doesn't sleep.", "Juniper"),
        ("Thaddeus's teachers keep telling him off for his tics.", "Thaddeus"),
        ("A 40-year-old man, Tamati, has acute porphyria.", "Tamati"),
        ("Since then Oberon has turned 5 and had an infection.", "Oberon"),
        ("Our little Wren was diagnosed with Menkes disease.", "Wren"),
        ("posting for my mate Lorcan who isn't on here.", "Lorcan"),
        ("Hi, we are the Paewai whānau and our boy has SMA.", "Paewai"),
        ("My partner Jonah... Ezekiel I mean, he hates Jonah, has HCM.", "Ezekiel"),
        ("my son aziz... no, amir... i mean anwar lol. he has CMV", "anwar"),
        ("i'm kit... no, katrin, sorry. i'm 41 and have factor XIII deficiency", "katrin"),
        ("hi my gran ethel... no her name is winifred sorry, shes 84", "winifred"),
        ("Larkin is my nephew, he has foxg1 syndrome.", "Larkin"),
        ("kindly tell is liver transplant option. thanking you, Rashid", "Rashid"),
        ("Our twins Ava and Storm (3) both have cystinosis.", "Storm"),
        ("Dobrý den, jmenuji se Jitka a bydlím v Brně.", "Jitka"),
        ("Здравствуйте, меня зовут Ольга, я из Казани.", "Ольга"),
        ("Merhaba, ben Ayşe, Konya'dan yazıyorum.", "Ayşe"),
        ("Ik ben Marieke, 41, uit Zwolle.", "Marieke"),
        ("Min man Göran har sarkoidos.", "Göran"),
        ("你好，我叫晓燕，住在成都。", "晓燕"),
        ("ลูกสาวของฉัน ดาว อายุ 4 ปี เป็นโรคกระดูกเปราะ", "ดาว"),
        # ages
        ("my mother in law is 61 and has hereditary angioedema.", "61"),
        ("Our twins Ava and Storm (3) both have cystinosis.", "3"),
        ("A student of ours, 20, has alkaptonuria.", "20"),
        ("My brother... sorry, my half-brother is 28 with a muscular dystrophy.", "28"),
        ("Agent: How old is he?\nVisitor: eleven\nVisitor: is that young?", "eleven"),
        ("Dobrý den, je mi 52 a mám angioedém.", "52"),
        ("Min fru har sarkoidos. Hon är 47. Kan hon få en ICD?", "47"),
        ("Sie ist jetzt 6. Ist das normal?", "6"),
        # places
        ("we live in eastfield mass", "mass"),
        ("vivimos en Tonalá jalisco. ¿mis hijos deben hacerse la prueba?", "jalisco"),
        ("i am jan from wagga wagga nsw, my grandson has cystinosis", "wagga wagga"),
        ("We are in leek staffs. is it ok she plays netball", "leek"),
        ("she lives in Mallow near kanturk. is ursodiol safe", "kanturk"),
        ("is givinostat available in Canada or only usa?", "usa"),
        ("we r in lubbock... tx i mean texas lol", "texas"),
        ("we live in Ipswich, sorry no they moved, Lowestoft. is it genetic", "Lowestoft"),
        ("Her BC health number is on the letter.", "BC"),
        ("Abitiamo a Chieti e lo segue il pediatra.", "Chieti"),
        ("Asumme Tampereella ja hän käy koulua.", "Tampereella"),
        ("Pécsen élünk. Hol lehet kezelést kapni?", "Pécsen"),
        ("İzmir'de yaşıyoruz. Fizik tedavi yeterli mi?", "İzmir"),
        ("เราอยู่ที่ ลำปาง ควรให้ยาอะไรดี", "ลำปาง"),
    ],
)
def test_round47_finds(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Unser Sohn ist 5 und hat das Cri-du-Chat-Syndrom. Gibt es Gruppen?",
         "Cri-du-Chat-Syndrom"),
        ("Sent: Monday\nSubject: Alkaptonuria\nIs nitisinone approved?", "Alkaptonuria"),
        ("Bij mij is het syndroom van Lynch vastgesteld.", "syndroom van"),
        ("We have a 7-month-old Torres Strait Islander boy with neutropenia.",
         "Torres Strait Islander"),
        ("HIS DOCTOR AT ST VINCENT'S SAYS SURGERY. IS THAT SAFE", "SURGERY"),
        ("To: Genetics Clinic, Leeds General Infirmary\nRe: referral", "Genetics Clinic"),
        ("My DS Tobias (5) was diagnosed with Coats disease.", "DS"),
        ("Do they need ultrasounds every 3 months until 8? That's a lot.", "until 8"),
        ("Should her kids be scoped from age 10?", "from age 10"),
        ("We've had the Norwood and Glenn. What comes next?", "Glenn"),
        ("Ma mère n'a rien mais mon frère a des kystes.", "n'a rien"),
        ("Tá fiobróis chisteach ar mo mhac Oisín agus tá sé tuirseach.", "agus"),
        ("ลูกสาวของฉัน น้องสาวอายุ 5 ขวบ", "น้องสาว"),
        ("Is King's disease the same as Kennedy disease?", "King's disease"),
        ("The ICU doctors said the NICU team would call.", "ICU doctors"),
        ("the school (NHS) said no to the inhaler.", "NHS"),
    ],
)
def test_round47_keeps(text: str, kept: str) -> None:
    assert kept in deidentify(text).text


@pytest.mark.parametrize(
    "text",
    [
        "Can children with Costello syndrome play football for fun at school?",
        "Is a dose of 15 with food normal? The level is 6 and rising.",
        "My son's IQ is 70 and his speech is delayed. Is that typical for Fragile X?",
        "Attached is my daughter's letter from the geneticist.",
        "He was seen at outpatients in clinic 4. Is that normal?",
        "Do adults with Pompe disease need to be seen at a specialist centre?",
        "What is the difference between Ehlers-Danlos and Marfan syndrome?",
        "Is the Fontan procedure done after the Glenn shunt?",
        "Were you diagnosed at birth in the neonatal unit?",
        "Does my son need to attend Genetics clinic again?",
        "My daughter plays for fun, not competitively. Is that enough exercise with POTS?",
    ],
)
def test_round47_leaves_ordinary_questions(text: str) -> None:
    assert deidentify(text).text == text
