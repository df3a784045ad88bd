"""De-identification, issue 20 round 10: what was neither removed nor flagged. Handles
joined by an underscore with digits, an age at which one was diagnosed or died with its
unit, an age after a Dutch kin word and "is" or after Tamil "age"; institutions by their
German, French or other language's head, "... Medical Complex", "... Family Doctors", a
Kenyan "Level N Hospital", a lower-case "st ...'s academy", a health system after a
clinician's credential; a given and family name with an age in brackets, the given name an
eponym; a name after a cue introducing oneself or one's kin in Hindi, Bengali, Tamil,
Russian, Chinese, Arabic, Turkish and Malay. Invented texts, none of the labelled sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        # handles with an underscore and digits, every time they come back
        ("[09:14] visitor_2231: hello\n[09:15] visitor_2231: my son has Pompe", "visitor_2231"),
        ("Message me, I'm mama_bear_87 on the forum.", "mama_bear_87"),
        # ages with a unit at which one was diagnosed or died; Dutch and Tamil ages
        ("Our grandson was diagnosed at 8 weeks with cystic fibrosis.", "8 weeks"),
        ("His cousin died at 3 months of SMA type 1.", "3 months"),
        ("Hallo, mijn zoon is 9 en heeft de ziekte van Pompe.", "9"),
        ("என் மகள் வயது 7, அவளுக்கு நோய்.", "7"),
        # institutions by their head in German, French, Malay; a Kenyan level
        ("Er wird an der Uniklinik Kiel und Lübeck behandelt.", "Uniklinik Kiel und Lübeck"),
        ("Le médecin de l'hôpital Ignace Deen parle de greffe.", "hôpital Ignace Deen"),
        ("Dia dirawat di Hospital Wanita dan Kanak-Kanak Likas.", "Kanak-Kanak Likas"),
        ("She goes to Eldoret Level 4 Hospital each month.", "Eldoret Level 4 Hospital"),
        ("my teacher at st aidan's academy says no.", "st aidan's academy"),
        ("Referring: Jane Moss, NP, Novant Health Presbyterian Medical", "Novant Health"),
        # an English institution by a certain tail
        ("The GP at Wattlebrook Family Doctors says no.", "Wattlebrook Family Doctors"),
        ("She was seen at Karimabad Medical Complex.", "Karimabad Medical Complex"),
        ("Лежали в Областной детской клинической больнице им. Филатова.", "Филатова"),
        ("Лежали в Областной детской клинической больнице им. Филатова.", "Областной детской"),
        # a given and family name with an age in brackets, the given name an eponym
        ("One pupil, Hunter Pellingham (7), has Hunter syndrome.", "Hunter Pellingham"),
        ("Ein Schüler, Lio Brunnbauer (8 Jahre), hat Osteogenesis imperfecta.", "Lio Brunnbauer"),
        # a name after a cue introducing oneself or one's kin, other languages and scripts
        ("नमस्ते, मेरा नाम अनीता शर्मा है, मैं पटना से हूँ।", "अनीता शर्मा"),
        ("আমার নাম রুবিনা খাতুন, ঢাকা থেকে।", "রুবিনা খাতুন"),
        ("வணக்கம், என் பெயர் லதா ராமன், சென்னையில்.", "லதா ராமன்"),
        ("Здравствуйте. Меня зовут Ирина Соколова, я из Тулы.", "Ирина Соколова"),
        ("Я Марина Петрова, мне 40 лет.", "Марина Петрова"),
        ("您好，我是王雨欣，住在杭州。", "王雨欣"),
        ("مريض اسمه خالد المطيري عنده.", "خالد المطيري"),
        ("مرحبا، أنا سارة الخطيب من عمان.", "سارة الخطيب"),
        ("Oğlum Emir 4 yaşında.", "Emir"),
        ("Anak saya Hafiz berumur 3 tahun.", "Hafiz"),
    ],
)
def test_round10_finds(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The variant c.1234_1236del was found.", "1234_1236del"),
        ("The file report_2023.pdf was sent.", "report_2023.pdf"),
        ("The symptoms were diagnosed at 40 mg dose.", "40 mg"),
        ("Mijn dochter is 12 weken zwanger.", "12 weken"),
        ("Down Syndrome (21) and Fabry Disease (2) were both listed.", "Fabry Disease"),
        ("Hunter Syndrome (5) is in the leaflet.", "Hunter Syndrome"),
        ("Fabry Disease (2 patients) was the title.", "Fabry Disease"),
        ("Our Family Practice is good.", "Our Family Practice"),
        ("Our resident Mr Fothergill (88) has it.", "Mr"),
        ("Я думаю, что так.", "Я думаю"),
    ],
)
def test_round10_keeps(text: str, kept: str) -> None:
    assert kept in deidentify(text).text, deidentify(text).text
