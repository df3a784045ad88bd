"""De-identification, issue 20 round 6: the reviewer's flags widened by class (numbers that
could be records, acronyms where an institution goes, names and towns in lower case, the
whole of a flagged name), the bench's "removed or flagged" figure, and the removal rules
widened for record numbers, institutions, ages and places."""

from __future__ import annotations

import pytest
from bench.deid import LANGUAGES, Question, Span, flagged_chars, language_of, score, span_safe

from rareinfo.inquiries.deid import MedicalVocabulary, deidentify
from rareinfo.inquiries.deid.flags import Flag, unclassified
from rareinfo.inquiries.deid.redact import Deidentified, Redaction
from tests.unit.deid_spans import covered

_VOCABULARY = MedicalVocabulary.of(["spinal muscular atrophy", "Spinraza"], ["Fabry disease"])


def _flagged(text: str) -> list[str]:
    return [f.word for f in unclassified(text, _VOCABULARY)]


def test_a_number_that_could_be_a_record_is_flagged() -> None:
    assert "000 4471 2290" in _flagged("Please reply about card 000 4471 2290 soon.")
    assert "K000417892" in _flagged("Versichertennummer K000417892.")


@pytest.mark.parametrize(
    "text",
    [
        "Diagnosed in 2019 and treated 2019-2021.",
        "He takes 2500 mg a day and 10000 IU of vitamin D.",
        "The trial NCT05115110 and OMIM 253300 say so.",
        "The variant c.1521_1523delCTT was found, PMID 12345678.",
        "Treatment costs $125000 a year.",
    ],
)
def test_years_measurements_money_and_public_ids_are_not_flagged(text: str) -> None:
    assert not [w for w in _flagged(text) if any(c.isdigit() for c in w)]


def test_an_acronym_where_an_institution_goes_is_flagged() -> None:
    assert "MGEN" in _flagged("La MGEN prend-elle en charge les frais ?")
    assert "TK" in _flagged("Er ist bei der TK versichert.")


def test_a_name_or_town_in_lower_case_is_flagged() -> None:
    assert "gary" in _flagged("hi this is gary calling about spinal muscular atrophy")
    assert _flagged("she has spinal muscular atrophy and takes Spinraza") == []


def test_the_whole_of_a_flagged_name_is_flagged() -> None:
    words = _flagged("I am a dentist at Zorvath Hub Dental in the town.")
    assert [w for w in words if w in {"Zorvath", "Hub", "Dental"}] == ["Zorvath", "Hub", "Dental"]


def test_ordinary_words_of_a_capitalised_name_are_flagged() -> None:
    assert {"Swim", "Club"} <= set(_flagged("I coach at the Swim Club on Mondays."))


def test_removed_or_flagged_counts_each_letter_of_a_span() -> None:
    # "Ann Obi lives in Xq, MRN 123": the name removed, the town flagged, the number neither
    text = "Ann Obi lives in Xq, MRN 123"
    redaction = Redaction(0, 7, "name", "Ann Obi", "[name]")
    result = Deidentified("[name]" + text[7:], (redaction,))
    town = result.text.index("Xq")
    flags = (Flag(town, town + 2, "Xq", "test"),)
    flagged = flagged_chars(text, result, flags)
    removed = [i < 7 for i in range(len(text) + 1)]
    assert [i for i, f in enumerate(flagged) if f] == [17, 18]
    assert span_safe(text, Span(0, 7, "name"), removed, flagged)
    assert span_safe(text, Span(17, 19, "place"), removed, flagged)
    assert not span_safe(text, Span(25, 28, "record_number"), removed, flagged)
    # punctuation needs no cover; one letter neither removed nor flagged leaks the span
    assert span_safe(text, Span(17, 20, "place"), removed, flagged)
    assert not span_safe(text, Span(4, 13, "name"), removed, flagged)


def test_the_bench_reports_removed_or_flagged_and_the_reviewers_burden() -> None:
    text = "Write to jo@example.com about Fabry disease."
    start = text.index("jo@")
    question = Question("q1", "dev", text, (Span(start, start + 14, "email"),))
    figures = score([question], vocabulary=_VOCABULARY)
    assert figures["span_recall"] == 1.0
    assert figures["removed_or_flagged"] == 1.0
    assert figures["questions_unseen_leak"] == 0.0
    assert figures["flags_per_question"] == 0.0


@pytest.mark.parametrize(
    ("text", "part"),
    [
        # record numbers by length, with no cue or with one the rules do not list
        (
            "Their birth registration numbers are 20150000000412345 and 20190000000412346.",
            "20190000000412346",
        ),
        ("Ella tiene 33 años. C.C. 43.000.817", "43.000.817"),
        ("Mon n° de sécu : 2 85 07 29 000 417 22", "2 85 07 29 000 417 22"),
        ("Versichertennummer 80756 0000 4178 2201. Danke!", "80756 0000 4178 2201"),
        ("Numero nosologico 2022/004178", "2022/004178"),
        ("CIN : C000417. Merci.", "C000417"),
        ("We have Sun Life benefits (group 000417, cert 55902231).", "000417"),
        # ages in other languages and shapes
        ("Che, una consulta: mi viejo (74) vive en la costa.", "74"),
        ("¿Mis hijos de 19 y 16 deberían hacerse el estudio?", "16"),
        ("Meine Tochter Lea (12 Jahre) hat eine Neurofibromatose Typ 1.", "12 Jahre"),
        ("mamma di Francesco di 4 anni con sindrome di Crisponi", "4 anni"),
        ("Meu filho, de 2 anos e 4 meses, tem MPS VI.", "2 anos e 4 meses"),
        ("Mi abuela tiene noventa y dos años y artritis.", "noventa y dos años"),
        ("My niece (2岁) in Chengdu has SMA.", "2岁"),
        ("A prisoner, 47, has acute intermittent porphyria.", "47"),
        ("Patient: Master Aryan Kumar, 8 yrs/M, with ALD.", "8 yrs"),
        ("Relationship: mother\nChild's age: 4 years 2 months\nMessage: GSD", "4 years 2 months"),
        # institutions by shape
        (
            "diagnosed in 2019 at Brigham and Women's. My application was denied.",
            "Brigham and Women's",
        ),
        ("Er ist bei der TK versichert.", "TK"),
        ("La MGEN prend-elle en charge les frais de transport ?", "MGEN"),
        ("e faz Naglazyme toda semana no IMIP.", "IMIP"),
        ("nos dijeron en el hospital rosales de la capital que no hay cura", "hospital rosales"),
        ("were at westview high and shes scared", "westview high"),
        (
            "la diagnosi di atrofia multisistemica all'Ospedale San Raffaele. Viviamo qui.",
            "Ospedale San Raffaele",
        ),
        ("they have EFU Life health cover.", "EFU Life"),
        ("un neumotórax en el Vall d'Hebron. Vivo cerca.", "Vall d'Hebron"),
        ("I coach at Tauranga Swim Club on Mondays.", "Tauranga Swim Club"),
        ("Verzekerd bij Zilveren Kruis, dank u.", "Zilveren Kruis"),
        # a town after French "au", "à"
        ("Le Spinraza n'est pas remboursé au Maroc.", "Maroc"),
        # a link pasted from an app's share button, a user name after its app or cue
        ("Our group is at t.me/mitoMums_uk now.", "t.me/mitoMums_uk"),
        ("Photos here: linktr.ee/brave.bea2019", "linktr.ee/brave.bea2019"),
        ("Add me on Telegram: kofi_mensah77 please", "kofi_mensah77"),
        ("My Instagram handle is amaraSMA3", "amaraSMA3"),
        ("my username is tulipdreams and I post there", "tulipdreams"),
    ],
)
def test_round6_finds(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Can we do PGT for the next pregnancy?", "PGT"),
        ("el DNI de ella es 58.204.117", "DNI"),
        ("Pasireotide is making my sugars high. Any alternatives?", "high"),
        ("Platelets were 450000 /µL and CK 120000 U/L last week.", "450000"),
        ("It costs $125000 a year and 2019-2021 were hard.", "125000"),
        ("dihydrolipoyl dehydrogenase (DLD, or E3; 238331) catalyzes it", "238331"),
        ("contrast sensitivity of 0.60-0.99 log units", "0.60-0.99"),
        ("See OMIM #253300 and PMID 12345678 on the variant.", "253300"),
        ("Call (602) 555-0199.", "(602) 555-0199"),
        ("Creatinine 1.2 mg/dL, p.Arg/Gly and c.1A>G/c.2T>C.", "mg/dL, p.Arg/Gly"),
        ("I read about it on Instagram and Signal groups.", "Signal groups"),
    ],
)
def test_round6_keeps(text: str, kept: str) -> None:
    result = deidentify(text)
    if kept.startswith("("):
        assert [r.kind for r in result.redactions] == ["phone"]
    else:
        assert kept in result.text, result.text


def test_the_bench_gives_english_and_other_languages_apart() -> None:
    assert language_of("My son has Fabry disease and we live in a small town.") == LANGUAGES[0]
    spanish = "Mi hijo tiene la enfermedad de Fabry y vivimos en un pueblo."
    assert language_of(spanish) == LANGUAGES[1]
    assert language_of("我的儿子有法布里病") == LANGUAGES[1]
    english = Question("q1", "dev", "Write to jo@example.com about it.", (Span(9, 23, "email"),))
    other = Question("q2", "dev", "Escriba a ana@example.com por favor.", (Span(10, 25, "email"),))
    figures = score([english, other], vocabulary=_VOCABULARY)
    assert figures[LANGUAGES[0]]["questions"] == 1  # type: ignore[index]
    assert figures[LANGUAGES[1]]["spans"] == 1  # type: ignore[index]
