"""De-identification, issue 20 round 37: a link to a group or profile page whatever its path
holds; well-known hospitals written short and in lower case; a lower-case care home and a
school after "his school"; a food pantry; a firm "X & Y <trade>"; an Irish county and the
town before it; a lower-case town before a state code or after "trip to"; a county after
"[place],"; a word age; an age at diagnosis in words; a short age after "[name] is"; a
corrected age; a member's age in brackets; a German age in brackets; a lower-case name after a
kin word; a name after "autocorrect —" and "in our group,"; a Mc surname in capitals; a month
abbreviation after "moving ... in"; some non-Latin shapes. Kept: onset ages, eponym pairs,
informal regions, state health programmes, an adjective after "is". Invented texts, none of
the labelled sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import KEPT_BY_EVERY_ROUND, covered


def test_round37_personal_page_url_goes_even_with_a_band_in_it() -> None:
    text = "is this group active? https://www.example.org/groups/22q11-parents-circle"
    kinds = [r.kind for r in deidentify(text).redactions]
    assert kinds == ["url"], deidentify(text).text


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("my son has NF1 and his doctor at le bonheur wants an MRI", "le bonheur"),
        ("just got a dx of POTS at ut southwestern, what now", "ut southwestern"),
        ("does saint francis have a genetics clinic?", "saint francis"),
        ("my nan is at willow brook care home in town and has PSP", "willow brook care home"),
        ("her school oak hollow elementary won't let her bring her pump", "oak hollow elementary"),
        ("I help at the Riverbend Food Pantry. A guest has celiac disease.", "Riverbend Food"),
        ("I run a firm (Dalton & Finch Surveyors) and a worker has MS.", "Dalton & Finch"),
        ("we live in kilkee co clare n my son has CF", "kilkee"),
        ("we live in kilkee co clare n my son has CF", "co clare"),
        ("were in tempe az, who treats EDS?", "tempe"),
        ("can she go on a trip to branson with her hemophilia?", "branson"),
        ("We live in Sheffield, West Yorkshire.\nIs there a CMT clinic?", "West Yorkshire"),
        ("We live in Old Lyme and my son has Lyme disease.", "Old Lyme"),
        ("Our son (a year and a half) has biliary atresia.", "a year and a half"),
        ("She was diagnosed at four weeks with galactosemia.", "four weeks"),
        ("my daughter Wren is 8 wks n has a heart murmur", "8 wks"),
        ("She's 2, not 11 months like I typed. Is that late to walk?", "11 months"),
        ("One of our volunteers (58) has sarcoidosis.", "58"),
        ("Unser Sohn (neun Jahre) hat Mukoviszidose.", "neun Jahre"),
        ("my grandad bert is 84 n has PMR", "bert"),
        ("my grandad bert is 84 n has PMR", "84"),
        ("Hi, my son (sorry, autocorrect — Jaxon) has Noonan syndrome.", "Jaxon"),
        ("A girl in our group, Zinnia, has PKU.", "Zinnia"),
        ("hi my name is juniper and i have EDS", "juniper"),
        ("RE: McKENZIE, Alasdair\nDOB: 1 May 1980", "McKENZIE, Alasdair"),
        ("moving to Ohio in feb, any Fabry clinics there?", "feb"),
        ("Con gái tôi là Linh, bị tan máu bẩm sinh.", "Linh"),
        ("ابنتي سلمى عمرها ست سنوات ومصابة بالثلاسيميا", "سلمى"),
        ("ลูกชายอายุเจ็ดปี เป็นโรคฮีโมฟีเลีย", "เจ็ดปี"),
        ("Mama leczy się w Wojewódzkim Szpitalu Specjalistycznym w mieście.", "Wojewódzkim"),
    ],
)
def test_round37_finds(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


def test_round37_a_name_after_a_capitalised_is_stays_a_name() -> None:
    text = "My son Rowan (4) has a coloboma. Is Rowan's sight likely to change?"
    assert "Rowan" not in deidentify(text).text, deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("her headaches began when she was 12. is that migraine?", "12"),
        ("Is Treacher Collins syndrome inherited?", "Collins"),
        ("Are there SMA trials anywhere in the Balkans or the Guianas?", "Balkans"),
        ("Is Evrysdi covered by TennCare?", "TennCare"),
        ("the neurologist is lovely but the wait is long", "lovely"),
        ("my wife is 14 weeks pregnant and the scan showed a cystic hygroma", "14 weeks"),
        ("she lives at the care home near us. is MG treatable?", "care home"),
        ("we took a trip to the hospital for her infusion", "hospital"),
        ("he is at very high risk of bleeding", "very high"),
    ],
)
def test_round37_keeps(text: str, kept: str) -> None:
    assert not covered(text, kept), deidentify(text).text
    assert kept in deidentify(text).text


@pytest.mark.parametrize(("text", "kept"), KEPT_BY_EVERY_ROUND)
def test_round37_keeps_every_round_text(text: str, kept: str) -> None:
    assert not covered(text, kept), deidentify(text).text
