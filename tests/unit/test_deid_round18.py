"""De-identification, issue 20 round 18: ages in number words or fractions after a name or a
patient, weeks after a name, "will be 5 in", number words with the word for years in French,
Spanish, Romanian and Yoruba, Chinese "今年六十五岁"; a sign-off "Nana Name", a family in the
plural, Tagalog "si Name", Vietnamese, Yoruba, Cyrillic and Urdu names after their cues, a
name corrected in brackets, a lower-case name doubled with a verb; "comes from X itself",
Thai, Amharic and Greek places; "Hôpitaux universitaires X", an insurer before "member ID",
an acronym after a Swahili visit cue, "the X have a ... clinic", Hebrew and Greek hospitals; a
record number after a traditional Chinese label; a handle with a host. Kept: peoples, "the
Gulf", "the" before a place, a modal "Will", health plans, "US" before an agency, "年轻人".
Invented texts, none of the labelled sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Mum of Tallulah here (seven, Year 2). She has Noonan syndrome.", "seven"),
        ("Our son Bram (2½) has achondroplasia. Is vosoritide available?", "2½"),
        ("A patient of mine, seventy, has Erdheim-Chester disease. Any trials?", "seventy"),
        ("my granddaughter Pip is 6 weeks and has biliary atresia. is it urgent?", "6 weeks"),
        ("Notre fille Apolline, sept ans, a une mucoviscidose.", "sept ans"),
        ("Mi hija tiene cinco años y tiene síndrome de Rett.", "cinco años"),
        ("Tatăl meu, Gheorghe, de șaptezeci de ani, are boala Parkinson.", "șaptezeci de ani"),
        ("Ìyá mi, Fúnmiláyọ̀, ti pé àádọ́rin ọdún. Ó ní àìsàn ọkàn.", "àádọ́rin ọdún"),
        ("Ìyá mi, Fúnmiláyọ̀, ti pé àádọ́rin ọdún. Ó ní àìsàn ọkàn.", "Fúnmiláyọ̀"),
        ("我妈妈今年六十五岁，得了重症肌无力。", "六十五岁"),
        ("Thanks for the leaflets.\nLots of love,\nNana Bettina", "Bettina"),
        ("Will will be 12 on Friday and has Batten disease.", "12"),
        ("Will will be 12 on Friday and has Batten disease.", "Will"),
        ("One family, the Marchettis in Leeds, have two kids with Alport syndrome.", "Marchettis"),
        ("ሰላም፣ ስሜ አበበ ከበደ ነው፤ የምኖረው ጎንደር ነው።", "አበበ ከበደ"),
        ("नमस्ते, म चितवन बाट राम थापा हुँ। मेरो छोरा बिरामी छ।", "राम थापा"),
        ("नमस्ते, म चितवन बाट राम थापा हुँ। मेरो छोरा बिरामी छ।", "चितवन"),
        ("मेरो नाम गीता हो। मलाई थाइराइड छ।", "गीता"),
        ("السلام علیکم، میں رخسانہ پروین ملتان سے ہوں۔ میری بیٹی بیمار ہے۔", "رخسانہ پروین"),
        ("We're the Okonkwos from Leeds. Our son has sickle cell disease.", "Okonkwos"),
        ("Ang anak ko na si Bongbong ay may leukemia. Saan po may tulong?", "Bongbong"),
        ("Bố tôi, ông Trần Văn Hùng, 70 tuổi, bị Parkinson.", "Trần Văn Hùng"),
        ("Моя мать Ольга Иванова, 70 лет, болеет рассеянным склерозом.", "Ольга Иванова"),
        ("میرے بیٹے احمد علی، 5 سال، کو تھیلیسیمیا ہے۔", "احمد علی"),
        ("Our son Freddie (sorry, autocorrect: Freddy) is 4 and has PKU.", "Freddy"),
        ("My daughter may may be 3 in June and has galactosaemia.", "may"),
        ("My daughter may may be 3 in June and has galactosaemia.", "3"),
        ("Her grandmother comes from Lyme itself, not far from the beach.", "Lyme"),
        ("ลูกชายอยู่ที่น่าน เป็นธาลัสซีเมีย", "น่าน"),
        ("ልጄ ከባሕርዳር መጣ። የልብ ችግር አለበት።", "ባሕርዳር"),
        ("Ο πατέρας μου ζει στην Πάτρα και έχει Πάρκινσον.", "Πάτρα"),
        ("Η κόρη μου, από τη Λάρισα, έχει λευχαιμία.", "Λάρισα"),
        ("He is followed at the Hôpitaux universitaires de Genève for CF.", "Genève"),
        ("My BCBS member ID is 000111222. Is the gene test covered?", "BCBS"),
        ("Mtoto wangu alitibiwa Bugando kwa ugonjwa wa seli mundu.", "Bugando"),
        ("Does the Lindqvist have a transplant clinic for adults?", "Lindqvist"),
        ("הבת שלי מטופלת בשיבא עם מחלת גושה.", "שיבא"),
        ("Νοσηλεύεται στο Γενικό Νοσοκομείο Λάρισας με λευχαιμία.", "Γενικό Νοσοκομείο"),
        ("他的病歷號是12345678，請問怎麼辦？", "12345678"),
        ("Find me on Bluesky at @tomas-v.example.social about MELAS.", "@tomas-v.example.social"),
    ],
)
def test_round18_finds(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("I'm a Navajo mom and my son has Navajo neurohepatopathy.", "Navajo mom"),
        ("My wife is Ashkenazi-Jewish; should we test for Gaucher disease?", "Ashkenazi-Jewish"),
        ("We are an Ashkenazi-Jewish family. Our son has Canavan disease.", "Ashkenazi-Jewish"),
        ("Is there a specialist in the Gulf for Behçet disease?", "the Gulf"),
        ("We moved to the Philippines last year. Is there a thalassaemia clinic?", "the "),
        ("The US FDA approved it and US hospitals use it. Is it safe?", "US FDA"),
        ("The US FDA approved it and US hospitals use it. Is it safe?", "US hospitals"),
        ("Will she need a wheelchair? Will Tricare cover it?", "Will she need"),
        ("Will she need a wheelchair? Will Tricare cover it?", "Will Tricare cover"),
        ("我是年轻人，得了红斑狼疮。", "年轻人"),
        ("Il a des crises depuis deux ans. Est-ce normal ?", "deux ans"),
        ("他三岁时开始抽搐，现在怎么办？", "三岁"),
        ("She is 9 weeks pregnant and has lupus. Is hydroxychloroquine safe?", "9 weeks"),
        ("The baby was born at 32 weeks and has Pompe disease.", "32 weeks"),
        ("We're the Americans who wrote about Fabry disease last week.", "Americans"),
        ("Does the Fontan have a long-term outcome study?", "Fontan"),
        ("He has Lyme disease and Hashimoto thyroiditis.", "Lyme disease"),
        ("Does the trial have a clinic near us? Will it take adults?", "Will it"),
        ("म धेरै चिन्तित छु। म अस्पतालमा हुँ।", "अस्पतालमा"),
        ("ሰላም፣ ስሜ አበበ ከበደ ነው፤ ልጄ ታሟል።", "ታሟል"),
        ("میں ایک سال سے بیمار ہوں۔ کیا کروں؟", "ایک سال"),
        ("Hope hopes the Kasai works. Bye bye for now.", "Bye bye"),
        ("Έχει πυρετό από τα Χριστούγεννα και από τον Μάρτιο παίρνει κορτιζόνη.", "Μάρτιο"),
        ("Il a quinze ans de plus que son frère. Est-ce héréditaire ?", "quinze ans"),
        ("Please Mark mark the date of the next MRI.", "Mark mark"),
        ("Il y a deux ans, on lui a trouvé une sclérose en plaques.", "deux ans"),
        ("Will has Fabry disease, is that genetic?", "Will has"),
        ("Dr Oduya will be 10 minutes late. Does that matter?", "10 minutes"),
    ],
)
def test_round18_keeps(text: str, kept: str) -> None:
    assert kept in deidentify(text).text, deidentify(text).text


def test_a_country_in_the_plural_stays_a_place() -> None:
    result = deidentify("Love from the Netherlands. My niece has thalassaemia.")
    assert [r.kind for r in result.redactions] == ["place"], result.redactions


def test_a_name_at_a_sentence_start_stays_a_name() -> None:
    text = "- Will, 14, affected\nWill's MRI at the clinic was clear. Should we test again?"
    assert deidentify(text).text.count("Will") == 0, deidentify(text).text
