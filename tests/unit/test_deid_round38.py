"""De-identification, issue 20 round 38: a gazetteer of the short names of major children's
hospitals and academic centres; a day-care or school named after "her school"; a capitalised
run ending in a service word; a school name with an initial; "the 28th" after "my message
of"; a lower-case month after "in"; an age at diagnosis, an operation or a treatment in
words; a number word after "turned"; a corrected age; Tagalog "labing-", Haitian Creole and
Bengali ages; a lower-case town and state code before a word; a short town after
"[institution],"; a Tamil town; names after kin words in Hindi, Bengali and Turkish. Kept: a kin
word before a name, "de" between a name and a town, a title after "[institution],", onset
ages, ordinary words that are also short hospital names. Invented texts, none of the
labelled sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import KEPT_BY_EVERY_ROUND, covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("my son sees a neurologist at kennedy krieger for his ataxia", "kennedy krieger"),
        ("our girl was born at dell childrens and has PKU", "dell childrens"),
        ("Dad is at cox north with a flare of his myositis.", "cox north"),
        ("Her liver team is at Monroe Carell Jr. Is that a good centre?", "Monroe Carell Jr."),
        ("Mio figlio è seguito al Gaslini per la fibrosi cistica.", "Gaslini"),
        ("we got referred to great ormond street for his EB", "great ormond street"),
        ("we got sent to starship with our boy, he has Alagille", "starship"),
        ("We were transferred to gosh last week for her SCID.", "gosh"),
        ("Il Burlo Garofolo segue mia nipote con la sindrome di Turner.", "Burlo Garofolo"),
        ("his daycare kindercare wont give him his inhaler", "kindercare"),
        ("her school bright horizons says no to her feeding tube", "bright horizons"),
        ("my school (lincoln prep) won't let me rest in class. I have POTS.", "lincoln prep"),
        ("I'm the speech therapist at Mesquite Kids Therapy. A boy has CAS.", "Mesquite Kids"),
        ("I teach at Ruth K. Bellamy Elementary and a pupil has CAH.", "Ruth K. Bellamy"),
        ("As in my email of the 14th: her insurance number is below.", "the 14th"),
        ("he started nusinersen in feb and is doing well", "feb"),
        ("She was diagnosed with Pompe disease at nine weeks.", "nine weeks"),
        ("Our son had a Norwood at five days and now has HLHS.", "five days"),
        ("My girl got Zolgensma at seven weeks at the children's hospital.", "seven weeks"),
        ("Our grandson turned three on Sunday and has Menkes disease.", "three"),
        ("She is 9 now (I wrote 19 earlier, sorry). She has JIA.", "19"),
        ("he is twelve, not twenty — typo. He has Fabry disease.", "twenty"),
        ("Ang apo ko ay labing-dalawang taong gulang at may hika.", "labing-dalawang"),
        ("Pitit fi mwen gen twa an, li gen anemi.", "twa an"),
        ("আমার মেয়ে তৃষা পাঁচ বছর বয়সী, তার হিমোফিলিয়া আছে।", "পাঁচ বছর"),
        ("আমার মেয়ে তৃষা পাঁচ বছর বয়সী, তার হিমোফিলিয়া আছে।", "তৃষা"),
        ("मेरा बेटा आरव सात साल का है और उसे हीमोफीलिया है।", "आरव"),
        ("Kızım Zeynep 6 yaşında ve kistik fibrozis var.", "Zeynep"),
        ("we live in quincy il and my son has PANDAS", "quincy"),
        ("A nurse at Tamale Teaching Hospital, Yendi. A child has sickle cell.", "Yendi"),
        ("[09:12] Visitor_heron_88: my son has Alport syndrome", "Visitor_heron_88"),
        ("எங்கள் மகன் நலமாக இல்லை. நாங்கள் மதுரை இல் இருக்கிறோம்.", "மதுரை"),
    ],
)
def test_round38_finds(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Guten Tag, meine Tochter Frieda hat Phenylketonurie.", "Tochter"),
        ("Hola, soy Marisol de Arequipa. Mi hijo tiene fibrosis quística.", " de "),
        ("Diagnosed with Dravet; seizures began at eight weeks.", "eight weeks"),
        ("She had her first spasm at six weeks. Is that West syndrome?", "six weeks"),
        ("oh gosh, is Alport syndrome inherited?", "gosh"),
        ("The nurse from Tamale DFPS, Ms. Osei, has our papers. He has CF.", "Ms"),
        ("his kindergarten is small and the staff know about his EB", "kindergarten"),
        ("I had surgery at nine weeks pregnant. Is my baby at risk of CHD?", "nine weeks"),
        ("she ate a mayo sandwich before her glucose test", "mayo"),
        ("his skin turned two shades paler after the transfusion", "two"),
        ("my son is 7, not 30 kg yet, and has CF", "30 kg"),
        ("we met at the charity walk for Rett syndrome", "charity"),
    ],
)
def test_round38_keeps(text: str, kept: str) -> None:
    assert not covered(text, kept), deidentify(text).text
    assert kept in deidentify(text).text


@pytest.mark.parametrize(("text", "kept"), KEPT_BY_EVERY_ROUND)
def test_round38_keeps_every_round_text(text: str, kept: str) -> None:
    assert not covered(text, kept), deidentify(text).text


def test_a_hospital_short_name_that_is_a_town_is_a_place_after_in() -> None:
    """Beaumont is a hospital in Dublin and a town in Texas: after "in" the town."""
    out = deidentify("We moved to a flat in Beaumont, TX last year. Is there a CF clinic nearby?")
    assert "Beaumont" not in out.text and "[place]" in out.text and "[institution]" not in out.text
    out = deidentify("She had her scans at Beaumont last week.")
    assert "Beaumont" not in out.text and "[institution]" in out.text
