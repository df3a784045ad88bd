"""De-identification, issue 20 round 45: Reddit handles "u/..."; "Clinical
Genetics" before "at <Hospital>"; one-word health systems
("<State>Health"), lower-case hospitals after "at", charities "the <Name> Trust", Indonesian
"RS <NAME> <Town>", Brazilian "HC de <Town>", Romanian "Spitalul ... din <Town>", German
"<Name>sche Kinderspital", Israeli hospitals after "ב"; lower-case "<town> <st>" and "<town>
<state>", corrected state codes, "<state> not <state>", a town after "drive from" or before a
correction, Spanish-prefixed lower-case towns, "<Name>, the town", Polish inflected cities,
Nepali/Hindi countries, Chinese towns; names after "i'm ... n i'm 15", "(real name ...)",
"sorry autocorrect", Romanian and Indonesian kin words, a corrected kin's name, "We are <Name>
and <Name> <Surname> from"; "Leap Day 2024"; "(forty)" after a name, "(41 btw)". Kept: a
specialty before "clinic", a Chinese conjunction after a kin word, "the Top End", a name
before "'s curse", a verb after a kin word, a form label, "daycare" after a named one.
Invented texts, none of the labelled sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("I write about my POTS on Reddit, I'm u/fern_tired_1988 there.", "u/fern_tired_1988"),
        ("She was referred to Clinical Immunology at Ninewells for her CVID.",
         "Clinical Immunology"),
        ("Is there a Fabry clinic at IowaHealth or only in Chicago?", "IowaHealth"),
        ("she was in the nicu at brookhollow in dallas for a month", "brookhollow"),
        ("who does infusions at kettlewood?? we need one soon", "kettlewood"),
        ("I help out at the Bramble Light Trust, a charity for EB families.",
         "Bramble Light Trust"),
        ("Anak saya dirawat di RS Hermina Depok karena demam.", "RS Hermina Depok"),
        ("O HC de Botucatu atende casos de Gaucher?", "HC de Botucatu"),
        ("A fost internat la Spitalul Județean din Suceava anul trecut.", "Spitalul Județean"),
        ("Ist die Dr. von Stettensche Kinderklinik zuständig?", "Dr. von Stettensche Kinderklinik"),
        ("האם בשיבא יש מרפאה גנטית?", "שיבא"),
        ("we r in fergus... no wait wadena mn. any neuro??", "wadena"),
        ("we live in saranac lake new york and need a geneticist", "saranac lake"),
        ("We live in Fargo ND, sorry MN not ND, near the river.", "MN"),
        ("we moved from salem (oregon not virginia) last year", "virginia"),
        ("the drive from hattiesburg?? is three hours", "hattiesburg"),
        ("we're in thame—no sorry we moved last week", "thame"),
        ("the nearest clinic is del norte and it is small", "del norte"),
        ("Is the disease named after Kuopio, the town in Finland?", "Kuopio"),
        ("Mieszkamy w Sopocie i córka ma mukowiscydozę.", "Sopocie"),
        ("भारतमा यो औषधि पाइन्छ?", "भारत"),
        ("我们住在常州附近的溧阳。", "溧阳"),
        ("i'm rowan n i'm 16 n i have EDS", "rowan"),
        ("my cousin bea (real name beatrix) has Crohn's", "beatrix"),
        ("my son jaxon... sorry autocorrect, jaxton, has Noonan syndrome", "jaxton"),
        ("Fiul meu Tudor are cinci ani.", "Tudor"),
        ("Anak saya Kirana berumur dua tahun.", "Kirana"),
        ("Mio figlio Ettore... scusate, Enea, ha tre anni.", "Ettore"),
        ("We are Lowell and Perpetua Hanrahan from Truro and our son has CF.",
         "Perpetua Hanrahan"),
        ("She was born on Leap Day 2020 with a heart defect.", "Leap Day 2020"),
        ("I look after Desmond (forty), who has fragile X.", "forty"),
        ("my dad and uncle both have it. am i at risk? (41 btw)", "41"),
    ],
)
def test_round45_finds(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Should we ask for the Rheumatology clinic at the local hospital?", "Rheumatology"),
        ("我妈妈和我都有皮疹。", "和我都"),
        ("Is there a Wilson disease clinic in the Top End?", "Top End"),
        ("Her cousin Ondine has been told she has Ondine's curse.", "Ondine's curse"),
        ("Can my brother donate a kidney to our dad?", "donate"),
        ("She goes to Rainbow Tots daycare in the mornings.", "daycare"),
        ("How do we handle insulin at lunchtime?", "lunchtime"),
    ],
)
def test_round45_keeps(text: str, kept: str) -> None:
    assert kept in deidentify(text).text


@pytest.mark.parametrize(
    "text",
    [
        "Is Salla disease inherited in an autosomal recessive way?",
        "Can a child with Ondine's curse go to summer camp?",
        "We had a long drive from the airport to the clinic.",
        "Is the Leap Day rule relevant to the newborn screening dates?",
        "The foundation trust pays for the genetic test.",
        "Is the Toronto protocol used for Wilson disease?",
        "We were seen by Clinical Genetics and they ordered a panel.",
        "She gets tired at playtime in school.",
        "Is melatonin OK at bedtime?? she wakes at night",
        "We raise money for the Marfan Trust every spring.",
    ],
)
def test_round45_leaves_ordinary_questions(text: str) -> None:
    assert deidentify(text).text == text
