"""De-identification from context: name particles, lists, sign-offs, headers, employers and
insurers by their cue, places found once and found again, other languages' dates and ids."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Hello, I'm Hendrik van den Berg, 58, with Fabry disease.", "Hendrik van den Berg"),
        ("Sou Ana Beatriz dos Santos Lima e tenho 40 anos.", "Ana Beatriz dos Santos Lima"),
        ("Kids:\n- Meadow (9) - asthma\n- Ember 4\n", "Meadow"),
        ("Kids:\n- Meadow (9) - asthma\n- Ember 4\n", "Ember"),
        ("Our boys:\n1) Kellan, 8 - carrier\n2) Brody, 5\n", "Kellan"),
        ("Our boys:\n1) Kellan, 8 - carrier\n2) Brody, 5\n", "8"),
        ("Any advice appreciated. Carla & Dominic Ferreira", "Dominic Ferreira"),
        ("Thanks for reading.\nMarisol 312.555.0142", "Marisol"),
        ("> Dolores Fenwick wrote:\n> my son has PKU", "Dolores Fenwick"),
        ('My son Alexander ("Sasha") has Alexander disease.', "Sasha"),
        ("Seen by our GP. Regards, T. Okonjo, practice nurse", "T. Okonjo"),
        ("my wee lad finn is 3 and has Angelman syndrome", "finn"),
        ("Obrigada! bjs Luana", "Luana"),
        ("hola soy marta tengo 31 y tengo lupus", "marta"),
    ],
)
def test_names_from_context(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


def test_a_sentence_adverb_before_a_kin_word_is_no_name() -> None:
    assert deidentify("Separately, our cousin has Fabry disease.").redactions == ()


def test_a_cued_name_that_is_a_word_is_found_again_at_a_sentence_start() -> None:
    text = "Our daughter Willow has PKU. Willow's levels are fine. Willow is 6."
    assert deidentify(text).text == (
        "Our daughter [name] has PKU. [name]'s levels are fine. [name] is [age: 5-9 years]."
    )


def test_a_lower_case_given_name_needs_text_written_in_lower_case() -> None:
    assert covered("my son is called dan and he has sma", "dan")
    assert deidentify("No me dan la medicina. ¿Qué hago?").redactions == ()


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("She is two and a half and not walking.", "two and a half"),
        ("My grandad (in his 90s) has ALS.", "90s"),  # decades below 90 stay (round 32)
        ("We have a young woman, 23, with Behcet disease.", "23"),
        ("A pupil (14) in our school has Dravet syndrome.", "14"),
        ("Our twins (both 6) have CF.", "6"),
        ("Meu filho Caio tem 7 e tem autismo.", "7"),
        ("Mi nieto tiene 4 y no camina.", "4"),
        ("Gustavo (turned 9 in March) has MPS II.", "9"),
        ("Sunita (real name Sunita Rao), 44, has PNH.", "44"),
        ("meri beti 5 saal ki hai", "5 saal"),
        ("Mon fils Hugo (6 ans) a une myopathie.", "6 ans"),
    ],
)
def test_ages_in_more_phrasings(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


def test_the_age_a_symptom_started_stays_even_when_the_word_follows() -> None:
    text = "The spasms started at 4 months; he started having falls at 30."
    assert deidentify(text).redactions == ()


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("> On Thu, Oct 9, 2025 at 8:02 PM Ann wrote:", "Thu, Oct 9, 2025"),
        ("Sent: Friday, 3 October 2025 10:14", "Friday, 3 October 2025"),
        ("Ele começou em setembro de 2024.", "setembro de 2024"),
        ("She started enzyme therapy in Mar '21.", "Mar '21"),
        ("transplant in 2021\n2) Noah", "2021"),
    ],
)
def test_dates_in_more_phrasings(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Call 555-0100-4471 ext. 221 please", "555-0100-4471 ext. 221"),
        ("His PPSN is 1234567TA.", "1234567TA"),
        ("Her medical card no. is 2233 4455 6K.", "2233 4455 6K"),
        ("My member ID is ABC 123 456 789.", "ABC 123 456 789"),
        ("Mi NSS es 1234 56 7890 1.", "1234 56 7890 1"),
        ("afiliado 12 345678 9 00", "12 345678 9 00"),
    ],
)
def test_identifiers_in_more_forms(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("We live in Lower Swell, GA and love it.", "Lower Swell"),
        ("Near Ennis, Co. Clare.", "Co. Clare"),
        ("We're from Kinsale, County Cork.", "County Cork"),
        ("Our address is near Dingle, V92 X2Y4.", "V92 X2Y4"),
        ("Moramos em Vila Velha, CEP 29100-000.", "29100-000"),
        ("Vivimos en Zapopan, C.P. 45010.", "45010"),
        ("Vivo en Ciudad Bolívar de Abajo (Aragua).", "Aragua"),
        ("vivo en carabanchel con mi madre", "carabanchel"),
        ("We moved to Nanaimo, B.C. and BC pharmacare said no.", "BC pharmacare"[:2]),
        ("is that drug even sold in the uk", "uk"),
        ("We live in Seal Beach, CA.", "Seal Beach"),
        ("We live out past Kununurra on a station.", "Kununurra"),
        ("We live in Marrickville, Sydney 2204.", "Sydney 2204"),
    ],
)
def test_places_in_more_forms(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


def test_a_place_found_once_is_found_again() -> None:
    text = "We moved to Nanaimo last year. Nanaimo has no geneticist."
    assert deidentify(text).text == ("We moved to [place] last year. [place] has no geneticist.")


@pytest.mark.parametrize(
    "text", ["¿Tienen información en español?", "Toma ibuprofeno.", "information in Tagalog"]
)
def test_everyday_words_and_languages_are_no_places(text: str) -> None:
    assert deidentify(text).redactions == ()


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("I work at Costco and my insurer is Cigna.", "Costco"),
        ("I work at Costco and my insurer is Cigna.", "Cigna"),
        ("my employer Lowe's changed plans", "Lowe"),
        ("a student at villanova, first year", "villanova"),
        ("Our medical aid is Bestmed.", "Bestmed"),
        ("o tratamento foi negado pela Amil", "Amil"),
        ("Somos asegurados de Pacífico Seguros.", "Pacífico Seguros"),
        ("He had surgery at U of Iowa in May.", "U of Iowa"),
        ("She is a resident at UT Health in Houston.", "UT Health"),
        ("le operaron en el Carrión de Lima", "Carrión"),
        ("Hospital de Clínicas de la Ciudad Vieja", "Hospital de Clínicas de la Ciudad Vieja"),
        ("El Colegio Marista de Lima no lo acepta.", "Colegio Marista"),
        (
            "Pathology is done by the Northern Regional Genetics Service here.",
            "Northern Regional Genetics Service",
        ),
        ("we go to childrens mercy every month", "childrens mercy"),
    ],
)
def test_institutions_by_cue_and_form(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


def test_public_payers_are_no_employer_or_insurer() -> None:
    assert deidentify("It is covered by Medicare.").redactions == ()


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Name: Jordan Pike\nAge: 34", "Jordan Pike"),
        ("Child's name - Ishita; age - 4 yrs", "Ishita"),
        ("auntie bev here, my niece has CF", "bev"),
        ("Thanks so much. Gemma x", "Gemma"),
        ("Posted by u/rare_mum_22 on the forum", "u/rare_mum_22"),
        ("Moramos na Rua Augusta, 1500 - Consolação.", "Rua Augusta, 1500"),
        ("Calle de Alcalá 45, Madrid", "Calle de Alcalá 45"),
        ("Her nursery is Little Sprouts and they are kind.", "Little Sprouts"),
        ("Medicare # 1EG4-TE5-MK73 for my dad", "1EG4-TE5-MK73"),
        ("she'll be 4 in June", "4"),
    ],
)
def test_forms_headers_and_addresses(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize("name", ["Min-jun", "Seo-yeon", "Mei-Ling", "Akira Tanaka", "Zhang Wei"])
def test_romanised_east_asian_names_without_a_cue(name: str) -> None:
    assert covered(f"Last year {name} was diagnosed with PKU.", name)


@pytest.mark.parametrize("word", ["Co-op", "Re-do", "Pre-op"])
def test_hyphenated_words_are_no_korean_names(word: str) -> None:
    assert deidentify(f"{word} is planned for May 2020.").text == f"{word} is planned for [date]."


def test_a_newborn_by_family_name_and_a_gestational_age_kept() -> None:
    text = "Re: Baby boy Mensah, born at 34+2 weeks. cc: Dr F. MacLeod, metabolic."
    assert deidentify(text).text == (
        "Re: Baby boy [name], born at 34+2 weeks. cc: Dr [name], metabolic."
    )


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("my names tasha and i have lupus", "tasha"),
        ("My wife's name is Greer and she has MSA.", "Greer"),
        ("mi hijo se llama tadeo y tiene 8 añitos", "tadeo"),
        ("mi hijo se llama tadeo y tiene 8 añitos", "8 añitos"),
        ("we stay in memphis tn. she has SCD", "tn"),
    ],
)
def test_casual_introductions(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text
