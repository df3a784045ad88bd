"""De-identification, issue 20 round 46: names by "I'm <Name>'s aunt", "<name>'s dad" after
"again,", "<kin>, <Name>." after "I'm <Name>'s mum", "it's <name> again", a correction after a
dash and in Hindi and Yoruba, "<Name> is his real name", "<Name> is our 2-year-old", "<Name> is
now 9 months", "<child>, <Name>, was", an Akan honorific before a name, a Persian kin word,
"ok <Name>, autocorrect"; ages "(almost 5)", a number after "i'm <name>", Tagalog "<number>
na taon"; lower-case dates "dec 12 2015"; "<State> Scottish Rite", "<Name>, a small charity";
a town after an institution in brackets, "the WA one", "closer than <town>", a corrected
lower-case town and state, a Latin-script town after a Cyrillic preposition, Amharic
"የምንኖረው <town> ነው". Kept: a verb after a kin word before "it", "Dear colleague", "the VA
says", "Posso engravidar?", "from age 6" after a medical word, "before they turn 18", "a
Halloween baby", gene symbols joined by "and", an acronym in mixed case, a Spanish verb after
"no", the negation between two Urdu places, Yoruba "ọmọ" before an age. Invented texts, none
of the labelled sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Hello, I'm Oriane's aunt. She's five and has Alport syndrome.", "Oriane"),
        ("hi it's benno again, zuri's dad. zuri is 4 now n the surgery went ok", "zuri"),
        ("hi it's benno again, zuri's dad. zuri is 4 now n the surgery went ok", "benno"),
        ("Hi, I'm Ottilie's mum, Perpetua. Ottilie is 9 and has Gorlin syndrome.", "Perpetua"),
        ("Our son Felix— sorry, Florian, (12) has Crouzon syndrome.", "Florian"),
        ("मेरा बेटा अर्जुन... नहीं, आरव 5 साल का है।", "आरव"),
        ("Ọmọ mi Bísí... rárá, Fúnmi ti pé ọdún mẹ́ta.", "Fúnmi"),
        ("Cooper is our 3-year-old with Sotos syndrome. Cooper is his real name.", "Cooper"),
        ("Thanks. Wren is now 9 months old and we see the geneticist.", "Wren"),
        ("Our 3-week-old, Juniper, was flagged on the newborn screen.", "Juniper"),
        ("My daughter Nana Ama (7) has sickle cell disease.", "Nana Ama"),
        ("پسر من آرش ۵ ساله است.", "آرش"),
        ("hi my son theo... ok Theodore, autocorrect, is 3.", "Theodore"),
        ("My little one Ruby (almost 5) has Williams syndrome.", "5"),
        ("hey im raven lol, 17, just diagnosed with POTS", "17"),
        ("Ang anak ko na si Ana ay pitong taon.", "pitong taon"),
        ("my son was born dec 12 2015 with a cleft", "dec 12 2015"),
        ("Our neurologist at Georgia Scottish Rite said to wait.", "Georgia Scottish Rite"),
        ("I volunteer for Bright Steps Devon, a small charity for families.",
         "Bright Steps Devon"),
        ("My mum lives in a care home (Meadowbank Lodge, Thirsk) and has Parkinson disease.",
         "Thirsk"),
        ("We live in Perth (the Scottish one, not the WA one).", "WA"),
        ("is there a clinic closer than knoxville", "knoxville"),
        ("we r in oakdale... wait no, frankfort kentucky", "frankfort"),
        ("Ми живемо в Gdańsku, донька має муковісцидоз.", "Gdańsku"),
        ("የምንኖረው አዋሳ ነው።", "አዋሳ"),
    ],
)
def test_round46_finds(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Can his son inherit it from me?", "inherit"),
        ("Her sisters refuse testing. Should I insist?", "refuse"),
        ("Dear colleague, I would be grateful for advice on Fabry disease.", "Dear"),
        ("Is it true the VA says ALS is service related?", "VA says"),
        ("Posso engravidar com doença de Wilson?", "Posso"),
        ("He has had diabetes from age 6 and now optic atrophy.", "6"),
        ("Should they be tested before they turn 18?", "18"),
        ("She was a Halloween baby, born 31/10/2019, and has Sotos syndrome.", "Halloween"),
        ("Where can we send samples for TK2 and POLG testing?", "TK2 and POLG"),
        ("It is called EAST syndrome (also called SeSAME) in some papers.", "SeSAME"),
        ("En el hospital no saben decirnos qué tiene.", "saben"),
        ("ہم لاہور نہیں، ملتان میں رہتے ہیں۔", "نہیں"),
        ("Ọmọ mi Adé ti pé ọmọ ọdún méje, ó ní àrùn sickle cell.", "pé ọmọ"),
    ],
)
def test_round46_keeps(text: str, kept: str) -> None:
    assert kept in deidentify(text).text


@pytest.mark.parametrize(
    "text",
    [
        "Is Wilson disease inherited? Can Marfan syndrome affect the eyes?",
        "The Cystic Fibrosis Trust, a charity, funds research.",
        "Treatment is now 2 months overdue. Is that a problem?",
        "Is there newborn screening for SCID?",
        "Can my children inherit it if only I carry the gene?",
        "Is a clinic closer than the hospital better for infusions?",
        "No, the clinic said it is fine.",
        "Dear team, thank you for the answer about Alport syndrome.",
        "His eyes are closer than normal; is that hypertelorism?",
        "She is on Orkambi— sorry, Trikafta now.",
    ],
)
def test_round46_leaves_ordinary_questions(text: str) -> None:
    assert deidentify(text).text == text
