"""De-identification, issue 20 round 25: a New York school by its number, an acronym and
"Health", a practice's head word, a care home named whole, a lower-case hospital before a
place, a hospital named after a person; a bare month of an event; lower-case chat corrections,
a lower-case name after a kin word with a bracket saying it is a name, "SURNAME, Given" after
"Re:", "Jr.", an appositive after "one of our X graders", Urdu "I am X", a Chinese full name
after a kin word, Vietnamese "bé X"; a bare age after a name and a full stop, Romanian and
Gujarati ages; US city abbreviations, a place in a "not X" contrast, lower-case state codes,
Hebrew and Arabic towns next to a place or an institution.
Kept: a medical compound or an adjective after "it's", a world region, an adjective read as an
institution, a Swahili verb, a title read into an institution, a Chinese medical word after a
kin word. Invented texts, none of the
labelled sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("The school nurse at I.S. 217 asked how to handle my son's hemophilia.", "I.S. 217"),
        ("Her neurologist at HCA Healthcare said it could be Wilson disease.", "HCA Healthcare"),
        ("I'm a speech therapist at Little Oaks Pediatric Therapy and a client has Angelman.",
         "Little Oaks Pediatric Therapy"),
        ("I write on behalf of Heron Ridge Nursing Home in Dorset about a resident with ALS.",
         "Heron Ridge Nursing Home"),
        ("my dad's at addenbrookes in Cambridge with a suspected porphyria", "addenbrookes"),
        ("Ela foi internada no Hospital Adelina Moura de Almeida com lúpus.",
         "Hospital Adelina Moura de Almeida"),
        ("Sorry, I said June for the biopsy before, it was August. It showed amyloidosis.",
         "June"),
        ("Sorry, I said June for the biopsy before, it was August. It showed amyloidosis.",
         "August"),
        ("She has had myasthenia gravis since October and the pills help.", "October"),
        ("im dorrance... typo lol, dorrence. 19, is Gilbert syndrome dangerous?", "dorrence"),
        ("im dorrance... typo lol, dorrence. 19, is Gilbert syndrome dangerous?", "19"),
        ("my daughter juniper (yes her real name haha) has a Chiari malformation", "juniper"),
        ("Re: DUCHÊNE-MORIN, Océane, referral for suspected Bartter syndrome", "DUCHÊNE-MORIN"),
        ("Our grandson, Thaddeus Jr., 6, has Fanconi anemia.", "Thaddeus Jr."),
        ("Our grandson, Thaddeus Jr., 6, has Fanconi anemia.", "6"),
        ("One of our third graders, Oswin, has absence seizures. What should staff do?",
         "Oswin"),
        ("السلام علیکم، میں رخسانہ ہوں۔ میرے بیٹے کو تھیلیسیمیا ہے۔", "رخسانہ"),
        ("我爸爸陳志明，六十五歲，被診斷為肌萎縮側索硬化症。", "陳志明"),
        ("Con trai tôi, bé Minh Khang, bị bệnh máu khó đông.", "Minh Khang"),
        ("Bună, sunt mama lui Andrei, am 41 de ani și am lupus.", "41 de ani"),
        ("મારી દીકરી સાત વર્ષની છે અને તેને થેલેસેમિયા છે.", "સાત વર્ષ"),
        ("we just moved to slc for his transplant, he has biliary atresia", "slc"),
        ("We live in Perth, Scotland (not Australia haha) and my son has PKU.", "Australia"),
        ("is there a Fabry clinic anywhere in wi or near Chicago?", "wi"),
        ("שלום, אני גרה בחיפה... סליחה, בבית שאן. לבן שלי יש המופיליה.", "בית שאן"),
        ("ابنتي تتعالج في مستشفى الجامعة في الزرقاء. هل يوجد دواء؟", "الزرقاء"),
    ],
)
def test_round25_finds(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The geneticist says it's MELAS-like but the mtDNA panel was normal.", "MELAS-like"),
        ("Treatment is available but it's costly — are there grants?", "costly"),
        ("Apakah talasemia sering terjadi di Asia Tenggara?", "Tenggara"),
        ("Is the enzyme therapy paid for by provincial health plans?", "provincial"),
        ("Tunaishi Mombasa na mtoto wetu ana sickle cell.", "Tunaishi"),
        ("I look after Mrs Pennington (90), who has bullous pemphigoid.", "Mrs"),
        ("It may help, and in May we start the new trial of nusinersen.", "may help"),
        ("The study said nothing about sirolimus. Is it safe for LAM?", "said nothing"),
        ("Is there a Fanconi anemia clinic at the Cleveland Clinic? Not sure it is ok.", "ok"),
        ("She is not well and not eating since the PEG was placed.", "not eating"),
        ("Is Global Health funding going to rare disease research?", "Global Health"),
        ("我爸爸高血壓，最近又確診了龐貝氏症。", "高血壓"),
        ("It's not Down syndrome, it's Williams syndrome, I think.", "Down syndrome"),
        ("The march of dimes helped us with SMA costs.", "march"),
        ("ابني في مستشفى الملك فهد في المساء. هل العلاج آمن؟", "المساء"),
        ("im fine, just tired... typo, i mean exhausted. Is that POTS?", "fine"),
    ],
)
def test_round25_keeps(text: str, kept: str) -> None:
    assert not covered(text, kept), deidentify(text).text
    assert kept in deidentify(text).text
