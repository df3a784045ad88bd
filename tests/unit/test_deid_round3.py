"""De-identification, issue 20 round 3: feasts and header dates in other languages, ages
after "a los"/"aos", relatives named in other languages, employers after a job word,
countries that are given names, administrative areas, foreign postcodes and addresses; and
what must stay: a disease named like the child, verbs after a relative."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Her first crisis was on Boxing Day and she is on hydroxyurea.", "Boxing Day"),
        ("We found out at Easter Sunday 2021 that he has PKU.", "Easter Sunday 2021"),
        ("Naceu logo depois do Carnaval de 2024 com fenilcetonúria.", "Carnaval de 2024"),
        ("> El mié, 5 mar 2025 a las 9:10, Ana escribió:", "mié, 5 mar 2025"),
        ("Data: seg., 03/02/2025 às 10:00", "seg., 03/02/2025"),
        ("lymphoma, dx 2017, in remission", "2017"),
        ("Grandad passed on Anzac Day, two years ago.", "Anzac Day"),
    ],
)
def test_dates(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Mi abuelo falleció a los 61 de lo mismo.", "61"),
        ("O meu pai morreu aos 47 anos com ELA.", "47"),
        ("Mi nieta (tres años y medio) tiene Rett.", "tres años y medio"),
        ("tenemos 3 hijos mateo de 12 y lucia de 9. pueden heredar?", "lucia"),
        ("tenemos 3 hijos mateo de 12 y lucia de 9. pueden heredar?", "9"),
        ("Three kids, 14, 11 and 8, none tested yet.", "11"),
        ("Our girls (3, 6 and 9) all carry it.", "6"),
        ("fits began at 8 months with a fever, shes 4 now and walking", "4"),
        ("ang anak ko 5 taon na may Pompe", "5 taon"),
    ],
)
def test_ages(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("my tita Precious has lupus too", "Precious"),
        ("Our daughter Summer has Alport syndrome.", "Summer"),
        ("my fella Dec was just diagnosed", "Dec"),
        ("anak ko si Joy ay may Gaucher", "Joy"),
        ("A mãe dela, dona Zuleide, tem 70 anos.", "Zuleide"),
        ("we call her lulu at home", "lulu"),
        ("Hola Pili, te cuento lo del médico.", "Pili"),
        ("One of my pupils, Wanjiru, faints after PE.", "Wanjiru"),
        ("Bronagh and Tadhg in Sligo have a baby with SMA.", "Tadhg"),
        ("Temos a A.C.R., de 12 anos, com Alport.", "A.C.R."),
        ("Baby Eadaoin was born on 3 May.", "Eadaoin"),
        ("Notes: Yetunde (31) has sickle cell disease.", "Yetunde"),
        ("¿Hay ensayos? Un saludo, Maite", "Maite"),
        ("Mi nieto Bartolomé (Bartolo) tiene Duchenne.", "Bartolo"),
    ],
)
def test_names(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("I'm a care worker with Leonard Cheshire in Bristol.", "Leonard Cheshire"),
        ("I work as a night cashier at Walmart and I have Pompe disease.", "Walmart"),
        ("He lives in supported housing run by Mencap near Leeds.", "Mencap"),
        ("Our HMO, Avon Healthcare, says no.", "Avon Healthcare"),
        ("She was taken into Royal Preston with a bleed.", "Royal Preston"),
        ("Senior lecturer, UNILAG, Lagos.", "UNILAG"),
        ("Her plan is through Aetna of Ohio now.", "Aetna of Ohio"),
        ("her dr at saint vincent says wait", "saint vincent"),
        ("She is seen at La Fe in Valencia.", "La Fe"),
    ],
)
def test_institutions(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Is there a registry for India we could join?", "India"),
        ("Vivimos en Osorno, Región de Los Ríos.", "Región de Los Ríos"),
        ("Moramos em Braga, 4700-320.", "4700-320"),
        ("Vivo en Rosario (S2000).", "S2000"),
        ("Carrera 43A No. 1-50, Medellín", "Carrera 43A No. 1-50"),
        ("Plot 7, Lekki Phase Estate, Lagos", "Plot 7, Lekki Phase Estate"),
        ("Tenho de ir a Lisboa para a consulta?", "Lisboa"),
        ("is it approved only in the US?", "US"),
    ],
)
def test_places(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Mi número de seguridad social es 28123456789.", "28123456789"),
        ("Her RAMQ: ABCD 1234 5678", "ABCD 1234 5678"),
        ("My CHI is 0101011234.", "0101011234"),
        ("PhilHealth no. is 01-234567890-1", "01-234567890-1"),
        ("Folder no: 7766554", "7766554"),
    ],
)
def test_record_numbers(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("my boy alexander is 2 and they think its alexander disease", "alexander disease"),
        ("Mi madre murió de una disección aórtica.", "murió"),
        ("O meu pai faleceu em casa.", "faleceu"),
        ("Is Christmas disease the same as haemophilia B?", "Christmas disease"),
        ("Our son Matías has PKU and his abuela reads only Spanish.", "reads"),
        ("Can it be done at home? Ph (07) 4053 1122", "Ph"),
        ("We have a new patient, DOB 11/27/2025, on the screen.", "DOB"),
        ("minha filha tem AME e o meu filho tem 5 anos", "filha tem AME"),
        ("Our HMO is Reliance. God bless, Mrs Bisi Ade", "God bless"),
        ("My son Liam (Down syndrome) is 5.", "Down syndrome"),
        ("mi hijo tiene AME y mi hija fue operada", "hija fue operada"),
    ],
)
def test_kept(text: str, kept: str) -> None:
    assert kept in deidentify(text).text, deidentify(text).text


def test_a_sex_letter_is_no_month() -> None:
    assert deidentify("Pt R.M., 34M, with Erdheim-Chester disease.").text == (
        "Pt [name], [age: 30s], with Erdheim-Chester disease."
    )
