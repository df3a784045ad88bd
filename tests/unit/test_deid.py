"""De-identification of questions: each kind, offsets, idempotence, what must be kept."""

from __future__ import annotations

import json

import pytest
from bench.deid import JSONL, MARKED, compile_marked, load, parse_marked, score, to_json

from rareinfo.inquiries.deid import KINDS, Deidentified, MedicalVocabulary, Redaction, deidentify
from rareinfo.inquiries.deid.bands import age_band
from rareinfo.inquiries.deid.flags import unclassified
from tests.unit.deid_spans import KEPT_BY_EVERY_ROUND


def redacted(text: str) -> dict[str, str]:
    """original -> kind of every redaction."""
    return {r.original: r.kind for r in deidentify(text).redactions}


def assert_consistent(text: str, result: Deidentified) -> None:
    """Offsets point into the original, are ordered and disjoint, and rebuild the output."""
    rebuilt, pos = [], 0
    for r in result.redactions:
        assert isinstance(r, Redaction)
        assert r.kind in KINDS
        assert text[r.start : r.end] == r.original
        assert pos <= r.start < r.end
        rebuilt += [text[pos : r.start], r.replacement]
        pos = r.end
    rebuilt.append(text[pos:])
    assert "".join(rebuilt) == result.text


def test_the_example_from_the_issue() -> None:
    text = (
        "My son Liam (7, born 03/04/2018) was diagnosed with Marfan syndrome at Boston "
        "Children's Hospital; our MRN is 448812; call me on 617-555-0134 or "
        "jane.doe@gmail.com. We live in Springfield."
    )
    result = deidentify(text)
    assert result.text == (
        "My son [name] ([age: 5-9 years], born [date]) was diagnosed with Marfan syndrome at "
        "[institution]; our MRN is [record_number]; call me on [phone] or [email]. "
        "We live in [place]."
    )
    assert [r.kind for r in result.redactions] == [
        "name",
        "age",
        "date",
        "institution",
        "record_number",
        "phone",
        "email",
        "place",
    ]
    assert_consistent(text, result)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("My daughter Sophie has Turner syndrome.", "Sophie"),
        ("my daughter sophie is very upset.", "sophie"),
        ("Our son, Oluwaseun, was diagnosed last week.", "Oluwaseun"),
        ("My husband Mark Williams has Williams syndrome.", "Mark Williams"),
        ("We saw Dr. Smith yesterday.", "Smith"),
        ("Her cardiologist Dr Okafor-Jones is kind.", "Okafor-Jones"),
        ("Hello, my name is Thandiwe Nkosi and I have Fabry.", "Thandiwe Nkosi"),
        ("Is this inherited?\n\nKind regards,\nMargaret Hughes", "Margaret Hughes"),
        ("Is this inherited? Thanks, dave", "dave"),
        ("Any pointers appreciated. Rachel Owens", "Rachel Owens"),
        ("Please advise. — J. Morales, rheumatology", "J. Morales"),
        ("Best wishes from the Nguyen family", "Nguyen"),
        ("I'm Thandiwe, mum of Sipho who has Duchenne.", "Thandiwe"),
    ],
)
def test_names(text: str, name: str) -> None:
    assert redacted(text).get(name) == "name", deidentify(text).text


def test_text_written_in_capitals() -> None:
    text = "QUESTION ABOUT POMPE DISEASE. MY WIFE LINDA IS 58 AND WE LIVE IN LEEDS."
    result = deidentify(text)
    assert result.text == (
        "QUESTION ABOUT POMPE DISEASE. MY WIFE [name] IS [age: 50s] AND WE LIVE IN [place]."
    )
    assert_consistent(text, result)


def test_a_name_found_once_is_removed_everywhere() -> None:
    result = deidentify("My son Kwabena has SMA. Kwabena's legs are weak and Kwabena is sad.")
    assert "Kwabena" not in result.text
    assert result.text.count("[name]") == 3


def test_a_title_before_an_eponym_still_names_a_person() -> None:
    result = deidentify("What is Wilson disease? Dr. Wilson said it is rare.")
    assert result.text == "What is Wilson disease? Dr. [name] said it is rare."


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("My son is 7 years old.", "7 years old"),
        ("I am a 34-year-old woman.", "34-year-old"),
        ("Our 8-month-old son has SMA.", "8-month-old"),
        ("My wife, aged 34, has Addison's.", "34"),
        ("She is 12 and has Rett syndrome.", "12"),
        ("I'm 45 and was just diagnosed.", "45"),
        ("Our daughter Zoe (11) has Bardet-Biedl syndrome.", "11"),
        ("My daughter, Ella, 16, fainted.", "16"),
        ("He was diagnosed at 48.", "48"),
        ("My grandmother is in her 90s.", "90s"),
        ("Patient 54F with vasculitis.", "54F"),
        ("She is two and not walking.", "two"),
    ],
)
def test_ages(text: str, age: str) -> None:
    assert redacted(text).get(age) == "age", deidentify(text).text


def test_decades_below_90_stay_as_written() -> None:
    # a decade is already a band (round 32); "90s" is still "90 or over"
    assert deidentify("My dad is in his 40s.").text == "My dad is in his 40s."


def test_ages_in_a_list_are_redacted_one_by_one() -> None:
    result = deidentify("Our kids are 10, 12 and 15.")
    assert result.text == (
        "Our kids are [age: 10-14 years], [age: 10-14 years] and [age: 15-19 years]."
    )


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("She was born on 3 April 2018.", "3 April 2018"),
        ("DOB 03/04/2018.", "03/04/2018"),
        ("DOB: 2017-09-14", "2017-09-14"),
        ("Born 21.06.2022 in hospital.", "21.06.2022"),
        ("Surgery on Feb 3, 2022 went well.", "Feb 3, 2022"),
        ("Diagnosed in March 2021.", "March 2021"),
        ("He was seen last March.", "last March"),
        ("She was born on the 3rd of October.", "the 3rd of October"),  # round 35
        ("I was born in 1990.", "1990"),
        ("Diagnosed on 5-Jan-2019 by a rheumatologist.", "5-Jan-2019"),
        ("He turns 10 in May.", "May"),
    ],
)
def test_dates(text: str, date: str) -> None:
    assert redacted(text).get(date) == "date", deidentify(text).text


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("We live in Springfield.", "Springfield"),
        ("I'm writing from Lagos.", "Lagos"),
        ("We're in Austin, TX.", "Austin"),
        ("We live in Kraków, Poland.", "Kraków"),
        ("Our family doctor in Ballymena is kind.", "Ballymena"),
        ("Send it to 14 Elm Street, please.", "14 Elm Street"),
        ("Dayton, OH 45402", "OH 45402"),
        ("Leeds LS6 2AB", "Leeds LS6 2AB"),
        ("We live in Iceland.", "Iceland"),
        ("She lives in Orange County.", "Orange County"),
    ],
)
def test_places(text: str, place: str) -> None:
    assert redacted(text).get(place) == "place", deidentify(text).text


def test_countries_and_states_are_removed_continents_kept() -> None:
    text = "Are there trials in Canada, Texas or the United Kingdom? Is it approved in Europe?"
    assert deidentify(text).text == (
        "Are there trials in [place], [place] or the [place]? Is it approved in Europe?"
    )


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Our son had his first seizure at 6 weeks.", "6 weeks"),
        ("She has had ataxia since age 20.", "20"),
    ],
)
def test_onset_ages_are_kept(text: str, kept: str) -> None:
    assert kept in deidentify(text).text


@pytest.mark.parametrize(
    ("text", "original", "kind"),
    [
        ("my husband Will is 38 and has Fabry disease", "Will", "name"),
        ("Hi April,\nThanks for the reply.", "April", "name"),
        ("— Mark\nsorry, does Kennedy disease skip generations?", "Mark", "name"),
        ("i'm gwen btw, I have myasthenia gravis", "gwen", "name"),
        ("Soy Milagros, mamá de Valentina, con atrofia muscular espinal.", "Valentina", "name"),
        ("Referred by Dra. Graciela Paz for angioedema.", "Graciela Paz", "name"),
        ("Our kids Émile (7) and Rosalie (4) have cystinosis.", "Rosalie", "name"),
        ("Dawn (my partner) has stiff person syndrome.", "Dawn", "name"),
        ("> On Tue, April Moreno wrote:\n> Which gene?", "April Moreno", "name"),
        ("we are in tulsa and my son has a COL4A5 variant", "tulsa", "place"),
        ("We live in Zanesville, Ohio.", "Ohio", "place"),
        ("we live in mount isa (qld) near the coast", "qld", "place"),
        ("I am in my late forties with Pompe disease.", "late forties", "age"),
        ("Tengo 45 años y enfermedad de Pompe.", "45 años", "age"),
        ("My son (2y 4m) has SMA.", "2y 4m", "age"),
        ("Patient 22F presents with angioedema.", "22F", "age"),
        ("He turned 5 on christmas day 2022.", "christmas day 2022", "date"),
        ("It started since last april, sadly.", "last april", "date"),
        ("seen at leeds general infirmary for MG", "leeds general infirmary", "institution"),
        ("She was referred from OHSU to us.", "OHSU", "institution"),
        ("Follow-up at CHU Sainte-Justine next week.", "CHU Sainte-Justine", "institution"),
        ("UHID APH2209431, please call 9848022338", "APH2209431", "record_number"),
        ("UHID APH2209431, please call 9848022338", "9848022338", "phone"),
        ("Chile, RUT 15.432.876-K", "15.432.876-K", "record_number"),
        ("Tel: 020 7946 0018 ext. 204", "204", "phone"),
        ("His member # W283911047 with the plan.", "W283911047", "record_number"),
        ("Hello from Norway House Cree Nation.", "Norway House Cree Nation", "place"),
    ],
)
def test_issue_20_phrasings(text: str, original: str, kind: str) -> None:
    found = {r.original: r.kind for r in deidentify(text).redactions}
    assert any(original in o for o in found), deidentify(text).text


def test_bombay_toronto_and_drug_names_are_kept() -> None:
    vocabulary = MedicalVocabulary.of(
        ["Spinraza", "Evrysdi", "spinal muscular atrophy"], ["Bombay phenotype"]
    )
    text = (
        "Is the Bombay phenotype rare? We follow the Toronto protocol. "
        "Can we get Spinraza or Evrysdi here for spinal muscular atrophy?"
    )
    assert deidentify(text, vocabulary).redactions == ()


@pytest.mark.parametrize(
    ("text", "institution"),
    [
        ("Seen at Boston Children's Hospital.", "Boston Children's Hospital"),
        ("I study at the University of Toronto.", "University of Toronto"),
        ("A nurse at Mayo Clinic asked.", "Mayo Clinic"),
        ("Surgery was at Great Ormond Street.", "Great Ormond Street"),
        ("She attends Oakwood Primary School.", "Oakwood Primary School"),
        ("Her MRN at Cincinnati Children's is 123456.", "Cincinnati Children's"),
        ("He is treated at St Vincent's in Sydney.", "St Vincent's"),
        ("Dr Rossi, Ospedale San Raffaele, Milan", "Ospedale San Raffaele"),
    ],
)
def test_institutions(text: str, institution: str) -> None:
    assert redacted(text).get(institution) == "institution", deidentify(text).text


def test_generic_care_words_are_not_institutions() -> None:
    text = "Our local hospital and the genetics clinic referred us to Internal Medicine."
    assert deidentify(text).redactions == ()


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("Mail jane.doe@gmail.com please", "jane.doe@gmail.com", "email"),
        ("Call 617-555-0134.", "617-555-0134", "phone"),
        ("Call (602) 555-0199.", "(602) 555-0199", "phone"),
        ("Ring 07700 900461.", "07700 900461", "phone"),
        ("Tel 020 7946 0321.", "020 7946 0321", "phone"),
        ("Whatsapp +971 50 123 4567", "+971 50 123 4567", "phone"),
        ("Call +44 (0)20 7946 0958.", "+44 (0)20 7946 0958", "phone"),
        ("our MRN is 448812", "448812", "record_number"),
        ("My NHS number is 943 476 5919.", "943 476 5919", "record_number"),
        ("SSN 123-45-6789", "123-45-6789", "record_number"),
        ("Policy number 1EG4-TE5-MK72.", "1EG4-TE5-MK72", "record_number"),
        ("member ID W123456789 denied", "W123456789", "record_number"),
        ("case number at the Royal Free is RF-FAB-00213.", "RF-FAB-00213", "record_number"),
        (
            "see https://zebra-kim.blogspot.com/about.",
            "https://zebra-kim.blogspot.com/about",
            "url",
        ),
        ("My Instagram @ecd_warrior has my story", "@ecd_warrior", "id"),
    ],
)
def test_contact_details_and_numbers(text: str, value: str, kind: str) -> None:
    assert redacted(text).get(value) == kind, deidentify(text).text


@pytest.mark.parametrize(
    "text",
    [
        "Does Down syndrome, Ehlers-Danlos, Huntington disease, Gaucher, Fabry, Duchenne, "
        "Turner syndrome, Wilson disease, Addison's, Cushing's, Crohn's, Parkinson's, "
        "Alzheimer's, Angelman, Prader-Willi, Williams syndrome or Wolf-Hirschhorn syndrome "
        "run in families?",
        "Is Charcot-Marie-Tooth type 1A, Cornelia de Lange syndrome or Treacher Collins "
        "syndrome linked to Still's disease or tetralogy of Fallot?",
        "Are FBN1, CFTR, SMN1 and BRCA2 tested? See NCT01234567, OMIM:154700, ORPHA:558, "
        "HP:0001250 and PMID:31675180.",
        "Ferritin 400, hemoglobin 9.2 g/dL, 10 mg twice daily, platelets 150, 32 kg, sweat "
        "chloride 60 mmol/L, CAG 42, trisomy 21, 22q11.2 deletion, 47,XXY, c.1521_1523del.",
        "Is Trikafta approved in Europe? My daughter has Rett and my son has Gaucher.",
        "The 2019 consensus guidelines recommend ERT at diagnosis.",
        "",
    ],
)
def test_medical_words_genes_and_public_ids_are_kept(text: str) -> None:
    result = deidentify(text)
    assert result.text == text and result.redactions == ()


def test_empty_and_whitespace_input() -> None:
    assert deidentify("") == Deidentified("", ())
    assert deidentify("  \n ") == Deidentified("  \n ", ())


def test_very_long_input_keeps_offsets_consistent() -> None:
    one = "My son Liam (7) sees Dr. Smith in Leeds; call 0113 496 0000. Marfan syndrome. "
    text = one * 400
    result = deidentify(text)
    assert_consistent(text, result)
    assert len(result.redactions) == 5 * 400
    assert "Liam" not in result.text and result.text.count("Marfan syndrome") == 400


QUESTIONS = [q.text for q in load()]


@pytest.mark.parametrize("text", QUESTIONS[::9])
def test_deidentifying_twice_changes_nothing_more(text: str) -> None:
    once = deidentify(text)
    assert_consistent(text, once)
    twice = deidentify(once.text)
    assert twice.text == once.text
    assert twice.redactions == ()


def test_inline_markup_gives_exact_offsets() -> None:
    text, spans = parse_marked("My son [[n|Liam]] ([[a|7]]) lives in [[p|Leeds]].")
    assert text == "My son Liam (7) lives in Leeds."
    assert [(text[s.start : s.end], s.kind) for s in spans] == [
        ("Liam", "name"),
        ("7", "age"),
        ("Leeds", "place"),
    ]
    with pytest.raises(ValueError, match="unknown kind"):
        parse_marked("[[z|x]]")


def test_the_labelled_set_matches_its_markup() -> None:
    compiled = [to_json(q) for q in compile_marked(MARKED.read_text("utf-8").splitlines())]
    assert compiled == JSONL.read_text("utf-8").splitlines()
    questions = [json.loads(line) for line in compiled]
    assert len(questions) >= 150
    for q in questions:
        for span in q["spans"]:
            covered = q["text"][span["start"] : span["end"]]
            assert covered and covered == covered.strip() and span["kind"] in KINDS


def test_scores_on_the_labelled_set_meet_the_targets() -> None:
    summary = score(load())
    halves = [summary, summary["dev"], summary["held_out"], summary["dev2"]]
    for figures in halves:
        assert isinstance(figures, dict)
        recall, kept = figures["span_recall"], figures["medical_words_kept"]
        assert isinstance(recall, float) and isinstance(kept, float)
        assert recall >= 0.98, figures
        assert kept >= 0.95, figures


def test_the_caller_gives_the_medical_vocabulary() -> None:
    text = "Is anyone in Qalsody trials? My son Liam has ALS."
    tiny = MedicalVocabulary.of(["Qalsody", "amyotrophic lateral sclerosis"], ["Marfan syndrome"])
    without = MedicalVocabulary.of(["amyotrophic lateral sclerosis"])
    assert deidentify(text, tiny).text == "Is anyone in Qalsody trials? My son [name] has ALS."
    assert "Qalsody" not in deidentify(text, without).text


def test_words_neither_medical_nor_ordinary_are_flagged_for_the_reviewer() -> None:
    vocabulary = MedicalVocabulary.of(["Spinraza", "spinal muscular atrophy"], ["Fabry disease"])
    text = "Is Fabry disease inherited? We asked Grzegorzewski, and my son vaclav takes Spinraza."
    flags = unclassified(text, vocabulary)
    assert [f.word for f in flags] == ["Grzegorzewski", "vaclav"]
    assert all(text[f.start : f.end] == f.word for f in flags)
    assert unclassified("Is Fabry disease inherited?", vocabulary) == ()


@pytest.mark.parametrize(
    ("age", "band"),
    [
        ("7", "5-9 years"),
        ("18 months", "1-4 years"),
        ("18mo", "1-4 years"),
        ("3 weeks old", "under 1 year"),
        ("late forties", "40s"),
        ("22F", "20s"),
        ("sixty-two", "60s"),
        ("45 años", "40s"),
        ("93", "90 or over"),
    ],
)
def test_an_exact_age_becomes_its_band(age: str, band: str) -> None:
    assert age_band(age) == band


def test_bands_stay_put_when_deidentified_again() -> None:
    once = deidentify("My son Liam is 7 and I am 45.")
    assert once.text == "My son [name] is [age: 5-9 years] and I am [age: 40s]."
    assert deidentify(once.text).text == once.text


@pytest.mark.parametrize(("text", "kept"), KEPT_BY_EVERY_ROUND)
def test_every_round_keeps(text: str, kept: str) -> None:
    assert kept in deidentify(text).text, deidentify(text).text


def test_an_email_that_starts_like_a_variant_is_removed() -> None:
    # "m.tessier58" reads like an HGVS variant ("m.3243A>G"); before "@" it is an address
    result = deidentify("From: B. Tessier <m.tessier58@example.ca>\nMy son has m.3243A>G.")
    assert "tessier58" not in result.text, result.text
    assert "m.3243A>G" in result.text, result.text
