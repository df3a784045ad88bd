"""The plain-words overview: written only from the page's facts, each sentence with its facts.

Hand-made pages for the writer; the tiny HPO release for the page, the API and `show`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from rareinfo.cli import app
from rareinfo.kb.build import SourceRun
from rareinfo.kb.models import (
    Disease,
    DiseaseRef,
    Gene,
    PrevalenceFact,
    Product,
    Release,
    SourcedFrequency,
    SourcedTerm,
    SymptomRow,
    Treatment,
    Trial,
)
from rareinfo.kb.overview.facts import overview_facts, page_facts
from rareinfo.kb.overview.symptoms import is_noun_phrase, names_itself
from rareinfo.kb.overview.words import body_system_words, inheritance_words, mode_key
from rareinfo.kb.overview.writer import write_overview
from rareinfo.service.building import build_snapshot
from rareinfo.sources import hpo
from rareinfo.web.app import create_app
from rareinfo.web.charts import bar_width, scale_x

RELEASES = (Release("hpo", "Human Phenotype Ontology", "2025-01-16", None, "", "", "", "", {},
                    0, ""),
            Release("orphanet", "Orphanet", "1.3.42", None, "", "", "", "", {}, 0, ""))


def symptom(term: str, name: str, *freqs: tuple[str, float | None, str | None, int | None],
            lay: tuple[str, ...] = ()) -> SymptomRow:
    frequencies = tuple(SourcedFrequency(s, "X:1", f, label, None if m is None else 1, m)
                        for s, f, label, m in freqs)
    best = max(frequencies, key=lambda f: f.fraction or 0.0) if frequencies else None
    return SymptomRow(term, name, lay, (), None, best.fraction if best else None,
                      best.label if best else None, None, best.m if best else None, None,
                      None, (), None, (), None, best.source if best else "hpo", frequencies,
                      ("hpo",))


def page(**facts: object) -> Disease:
    base = Disease("MONDO:1", "Test syndrome", None, None, (), (), (), (), (), (), (), (), (),
                   (), (), RELEASES, None)
    return replace(base, **facts)  # type: ignore[arg-type]


VERY = ("hpo", 0.895, "Very frequent (80-99%)", None)
OCCASIONAL = ("orphanet", 0.17, "Occasional (5-29%)", None)


def sentences(d: Disease, systems: dict[str, tuple[str, ...]] | None = None) -> list[str]:
    overview = write_overview(d, systems or {}, {})
    assert overview is not None
    return [s.text for s in overview.sentences]


def test_fewer_than_three_facts_give_no_overview() -> None:
    two = page(symptoms=(symptom("HP:1", "Seizure", VERY), symptom("HP:2", "Ataxia", VERY)))
    assert write_overview(two, {}, {}) is None
    three = replace(two, inheritance=(SourcedTerm("HP:0000006",
                                                  "Autosomal dominant inheritance", "hpo"),))
    overview = write_overview(three, {}, {})
    assert overview is not None and overview.facts == 3


def test_frequency_words_take_the_most_careful_source_and_lay_names_first() -> None:
    d = page(symptoms=(
        symptom("HP:1", "Hepatomegaly", VERY, lay=("Enlarged liver",)),
        symptom("HP:2", "Seizure", VERY, OCCASIONAL),  # sources disagree: "some"
        symptom("HP:3", "Ataxia", ("hpo", 1.0, "1 of 1 (100%)", 1)),  # a case report
        symptom("HP:4", "Test", VERY),  # the disease itself, or part of its name
    ), inheritance=(SourcedTerm("HP:0000006", "Autosomal dominant inheritance", "hpo"),))
    assert sentences(d)[:2] == ["Most people with this condition have enlarged liver.",
                                "Some have seizure."]
    half = replace(d, symptoms=(symptom("HP:5", "Nystagmus", ("hpo", 0.5, "10 of 20", 20)),
                                symptom("HP:6", "Ptosis", ("hpo", 0.5, "2 of 4", 4))),
                   onset=(SourcedTerm("", "Childhood", "orphanet"),))
    assert sentences(half)[0] == "About half of people with this condition have nystagmus."
    overview = write_overview(d, {}, {})
    assert overview is not None
    first = overview.sentences[0].facts[0]
    assert (first.id, first.detail, first.source, first.release) == (
        "HP:1", "Very frequent (80-99%)", "hpo", "2025-01-16")


def test_symptoms_without_any_frequency_are_only_said_to_be_recorded() -> None:
    d = page(symptoms=tuple(symptom(f"HP:{i}", n) for i, n in enumerate(("Ataxia", "Ptosis",
                                                                          "Seizure"))))
    assert sentences(d)[0] == ("Signs recorded in people with this condition include ataxia, "
                               "ptosis and seizure.")


def test_body_systems_count_signs_per_branch() -> None:
    d = page(symptoms=(symptom("HP:1", "Seizure", VERY), symptom("HP:2", "Ataxia", VERY),
                       symptom("HP:3", "Ptosis", VERY), symptom("HP:4", "Tremor"),
                       symptom("HP:5", "Cataract")))
    systems = {"HP:1": ("HP:0000707",), "HP:2": ("HP:0000707",), "HP:3": ("HP:0000478",),
               "HP:4": ("HP:0000707",), "HP:5": ("HP:0000478",)}
    overview = write_overview(d, systems, {"HP:0000707": "Abnormality of the nervous system",
                                           "HP:0000478": "Abnormality of the eye"})
    assert overview is not None
    assert [(b.name, b.symptoms) for b in overview.body_systems] == [
        ("brain and nerves", 3), ("eyes", 2)]
    body = next(s for s in overview.sentences if s.topic == "body")
    assert body.text == "Its signs are mostly in these areas: brain and nerves; eyes."
    assert body.facts[0].detail == "3 of 5 signs"
    few = write_overview(replace(d, symptoms=d.symptoms[:4]), systems, {})
    assert few is not None and "body" not in {s.topic for s in few.sentences}


def test_onset_prevalence_inheritance_genes_treatments_trials() -> None:
    d = page(
        onset=(SourcedTerm("", "Infancy", "orphanet"), SourcedTerm("", "Childhood", "orphanet")),
        prevalence=(PrevalenceFact("Point prevalence", None, "Unknown", None, "Worldwide",
                                   None, (), "orphanet"),
                    PrevalenceFact("Point prevalence", None, "1-5 / 10 000", None,
                                   "United States", None, (), "orphanet"),
                    PrevalenceFact("Cases/families", "Case(s)", None, 12.0, "Worldwide",
                                   None, (), "orphanet")),
        inheritance=(SourcedTerm("HP:0000006", "Autosomal dominant inheritance", "hpo"),
                     SourcedTerm("", "Autosomal recessive", "orphanet"),
                     SourcedTerm("", "Not applicable", "orphanet"),
                     SourcedTerm("HP:0003829", "Typified by incomplete penetrance", "hpo")),
        genes=(Gene("HGNC:1", "ABC1", None, "Disease-causing germline mutation(s) in",
                    "orphanet"), Gene("HGNC:2", "XYZ", None, "Major susceptibility factor in",
                                      "orphanet")),
        treatments=(product(Treatment(
            "drugamab", "Drugo", None, "treatment of test syndrome", None, True,
            "test syndrome", date(2020, 1, 1), "test syndrome", "exact name", None,
            "fda_orphan", "2026-04")),),
        trials=(Trial("NCT1", "A trial", "RECRUITING", None, (), None, None, None, "", "", "",
                      "", "clinicaltrials", "2026-11"),
                Trial("NCT2", "Done", "COMPLETED", None, (), None, None, None, "", "", "",
                      "", "clinicaltrials", "2026-11")),
    )
    assert sentences(d) == [
        "Signs can start in the first two years of life or in childhood.",
        "In the United States, about 1 to 5 in 10,000 people have it.",
        "It can be passed down in more than one way: dominant or recessive.",
        "Not everyone who has the gene change shows signs of it.",
        "Changes in the ABC1 gene cause it.",
        "It is also linked to changes in the XYZ gene.",
        "The U.S. Food and Drug Administration (FDA) has approved an orphan medicine for it: "
        "Drugo.",
        "One clinical trial is looking for people to take part.",
    ]
    overview = write_overview(d, {}, {})
    assert overview is not None and overview.prevalence is not None
    assert (overview.prevalence.low, overview.prevalence.high) == (1e-4, 5e-4)
    inheritance = overview.sentences[2]
    assert [f.label for f in inheritance.facts] == ["Autosomal dominant inheritance",
                                                    "Autosomal recessive"]
    assert len(inheritance.glossary) == 2 and inheritance.glossary[0].startswith("Dominant: ")


def test_reported_cases_when_no_class_is_known() -> None:
    d = page(prevalence=(PrevalenceFact("Cases/families", "Family(ies)", None, 3.0,
                                        "Worldwide", None, (), "orphanet"),),
             symptoms=(symptom("HP:1", "Seizure", VERY), symptom("HP:2", "Ataxia", VERY)))
    assert "Medical reports describe 3 families with it." in sentences(d)


def test_word_tables_cover_the_modes_and_branches_of_the_sources() -> None:
    glossary = inheritance_words()
    for name in ("Autosomal dominant inheritance", "Autosomal recessive", "X-linked recessive",
                 "X-linked dominant", "Mitochondrial inheritance", "Multigenic/multifactorial",
                 "Semi-dominant", "Oligogenic", "Y-linked", "X-linked inheritance",
                 "Typified by somatic mosaicism", "Digenic inheritance", "Sporadic"):
        assert mode_key(name) in glossary, name
    assert all(w.explanation for w in glossary.values() if w.kind == "pattern")
    assert len(body_system_words()) == 23  # the children of Phenotypic abnormality


def test_chart_geometry() -> None:
    assert scale_x(1e-7) == 10.0 and scale_x(1e-2) == 310.0 and scale_x(0.0) == 10.0
    assert scale_x(1e-4) == 190.0
    assert bar_width(0.5) == 30.0 and bar_width(0.001) == 1.5 and bar_width(None) == 0.0


# -- on the page, in the API, in `show` -----------------------------------------------

TEST_SYNDROME = "OMIM:100001"  # 3 symptoms, dominant inheritance, congenital onset
SUSCEPTIBILITY = "DECIPHER:1"  # one symptom: one fact


@pytest.fixture(scope="module")
def kb_url(tmp_path_factory: pytest.TempPathFactory, mini_release: Path) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('overview') / 'rareinfo.sqlite'}"
    build_snapshot(url, [SourceRun(hpo.INFO, hpo.read(mini_release))], enforce_minimums=False)
    return url


@pytest.fixture(scope="module")
def client(kb_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(kb_url)) as client:
        yield client


def test_page_opens_with_the_overview_and_its_sources(client: TestClient) -> None:
    html = client.get(f"/diseases/{TEST_SYNDROME}").text
    section = html[html.index('<section id="overview"'):html.index("</section>",
                                                                   html.index('id="overview"'))]
    assert "<h2 id=\"overview-heading\">Overview</h2>" in section
    assert "Signs usually start at birth." in section
    assert "It is passed down in a dominant pattern." in section
    assert "One changed copy of the gene is enough" in section
    assert 'href="#ov-fact-1"' in section and 'id="ov-fact-1"' in section
    assert "Human Phenotype Ontology" in section and "release" in section
    assert html.index('id="overview"') < html.index('id="summary"')
    # the strict CSP: no inline style anywhere, pictures are SVG with text alternatives
    assert not re.search(r"\sstyle=", html)
    assert "<svg class=\"bar\"" in html  # frequency bars in the symptom table
    assert 'href="/static/overview.css"' in html
    assert client.get("/static/overview.css").status_code == 200


def test_too_few_facts_no_overview(client: TestClient) -> None:
    html = client.get(f"/diseases/{SUSCEPTIBILITY}").text
    assert 'id="overview"' not in html


def test_api_carries_each_sentence_with_its_facts(client: TestClient) -> None:
    body = client.get(f"/api/v1/diseases/{TEST_SYNDROME}").json()
    overview = body["overview"]
    onset = next(s for s in overview["sentences"] if s["topic"] == "onset")
    assert onset["text"] == "Signs usually start at birth."
    assert onset["facts"][0]["label"] == "Congenital onset"
    assert onset["facts"][0]["source"] == "hpo"
    assert overview["facts"] >= 3
    assert client.get(f"/api/v1/diseases/{SUSCEPTIBILITY}").json()["overview"] is None


def test_show_prints_the_overview_with_its_facts(kb_url: str) -> None:
    result = CliRunner().invoke(app, ["show", TEST_SYNDROME, "--database", kb_url])
    assert result.exit_code == 0, result.output
    assert "Overview" in result.output and "Signs usually start at birth. [" in result.output
    assert "Where each sentence comes from:" in result.output
    as_json = CliRunner().invoke(app, ["show", TEST_SYNDROME, "--json", "--database", kb_url])
    assert json.loads(as_json.output)["overview"]["sentences"]


def test_lay_names_that_hurt_or_do_not_fit_the_sentence_are_not_used() -> None:
    d = page(symptoms=(symptom("HP:1", "Intellectual disability", VERY,
                               lay=("Mental deficiency", "Mental retardation")),
                       symptom("HP:2", "Fatigue", VERY, lay=("Tired",)),
                       symptom("HP:3", "Seizure", VERY)))
    assert sentences(d)[0] == ("Most people with this condition have intellectual "
                               "disability, fatigue and seizure.")


def test_weak_words_alone_are_followed_by_the_other_recorded_signs() -> None:
    d = page(symptoms=(symptom("HP:1", "Microcornea", OCCASIONAL),
                       symptom("HP:2", "Nyctalopia", lay=("Night blindness",)),
                       symptom("HP:3", "Retinal dystrophy")))
    assert sentences(d) == ["Some people with this condition have microcornea.",
                            "Other signs recorded include night blindness and retinal dystrophy."]


def product(event: Treatment) -> Product:
    """A page's product entry holding one designation or approval."""
    return Product(event.generic_name, event.trade_name, event.sponsor, event.approved,
                   (event,), event.source, event.release)


def test_somatic_genes_and_withdrawn_approvals() -> None:
    withdrawn = Treatment("x", "Oldo", None, "d", None, True, "Treatment of X (Indication "
                          "withdrawn 5/16/2024)", None, "x", "exact name", None, "fda_orphan",
                          "2026-04")
    d = page(genes=(Gene("HGNC:1", "BRCA1", None, "Disease-causing somatic mutation(s) in",
                         "orphanet"),
                    Gene("HGNC:2", "BRCA2", None, "Disease-causing somatic mutation(s) in",
                         "orphanet")),
             treatments=(product(withdrawn),), onset=(SourcedTerm("", "Adult", "orphanet"),))
    assert sentences(d) == [
        "Signs usually start in adults.",
        "Changes in the BRCA1 or BRCA2 gene that happen in the body's cells during life can "
        "cause it."]


# -- every kind of fact gives a sentence; lay names that are not nouns ------------------

VERY_RARE = ("hpo", 0.025, "Very rare (1-4%)", None)
NOBODY = ("hpo", 0.0, "0 of 9 (0%)", 9)
DOMINANT = (SourcedTerm("HP:0000006", "Autosomal dominant inheritance", "hpo"),)


@pytest.mark.parametrize(("name", "noun"), [
    ("Nonverbal", False), ("Irritable", False), ("Tired", False), ("Sleepy", False),
    ("Near sighted", False), ("Inward turning cross eyed", False), ("Double-Jointed", False),
    ("Bruise easily", False), ("Tired easily", False), ("More active than typical", False),
    ("Lacks initiative", False), ("Hand has less than 5 fingers", False),
    ("Neonatal lethal", False),
    ("Nosebleed", True), ("Absent ear canal", True), ("More teeth than normal", True),
    ("Weight less than 3rd percentile", True), ("Low blood sugar after a meal", True),
    ("Flexed joint that cannot be straightened", True), ("Corners of eye widely separated",
                                                        True),
    ("Speech delay", True), ("Epilepsy", True), ("Vomiting", True), ("Low muscle tone", True),
])
def test_lay_names_that_are_adjectives_or_verbs_are_found(name: str, noun: bool) -> None:
    assert is_noun_phrase(name) is noun


def test_a_lay_name_that_is_not_a_noun_gives_way_to_a_noun() -> None:
    d = page(symptoms=(symptom("HP:1", "Absent speech", VERY, lay=("Nonverbal",)),
                       symptom("HP:2", "Myopia", VERY, lay=("Near sighted", "Nearsightedness")),
                       symptom("HP:3", "Hyperactivity", VERY,
                               lay=("More active than typical",))))
    assert sentences(d)[0] == ("Most people with this condition have nearsightedness, absent "
                               "speech and hyperactivity.")


def test_a_list_of_names_with_commas_is_split_by_semicolons() -> None:
    d = page(symptoms=(symptom("HP:1", "Brachydactyly", lay=("Short fingers or toes",)),
                       symptom("HP:2", "Nystagmus",
                               lay=("Involuntary, rapid, rhythmic eye movements",)),
                       symptom("HP:3", "Short metacarpal")), inheritance=DOMINANT)
    assert sentences(d)[0] == (
        "Signs recorded in people with this condition include short fingers or toes; "
        "involuntary, rapid, rhythmic eye movements; and short metacarpal.")


def test_inverted_names_are_put_back_in_reading_order() -> None:
    d = page(symptoms=(symptom("HP:1", "Intellectual disability, severe", VERY),
                       symptom("HP:2", "Muscle atrophy, generalized", VERY),
                       symptom("HP:3", "Deafness, CHIME type", VERY)))  # not an adjective
    assert sentences(d)[0] == ("Most people with this condition have severe intellectual "
                               "disability; generalized muscle atrophy; and deafness, CHIME "
                               "type.")


def test_very_rare_signs_are_said_honestly_and_counts_of_nobody_not_at_all() -> None:
    d = page(symptoms=(symptom("HP:1", "Seizure", VERY_RARE), symptom("HP:2", "Ptosis",
                                                                      VERY_RARE),
                       symptom("HP:3", "Cataract", NOBODY, lay=("Cloudy lens",))),
             inheritance=DOMINANT)
    overview = write_overview(d, {}, {})
    assert overview is not None and overview.facts == 3
    assert overview.sentences[0].text == ("A few people with this condition have been "
                                          "reported with seizure and ptosis.")
    assert "cloudy lens" not in " ".join(s.text for s in overview.sentences)
    assert ("symptom", "HP:3") not in page_facts(d)


def test_a_sign_named_like_the_disease_is_kept_when_an_everyday_name_explains_it() -> None:
    d = page(name="Aniridia and cataract", inheritance=DOMINANT, symptoms=(
        symptom("HP:1", "Aniridia", lay=("Absent iris",)),
        symptom("HP:2", "Cataract", lay=("Cloudy lens",)),
        symptom("HP:3", "Aniridia and cataract", VERY)))  # itself, no everyday name
    assert sentences(d)[0] == ("Signs recorded in people with this condition include absent "
                               "iris and cloudy lens.")
    assert {k for k in page_facts(d) if k[0] == "symptom"} == {("symptom", "HP:1"),
                                                               ("symptom", "HP:2")}


@pytest.mark.parametrize(("disease", "sign", "itself"), [
    ("Acute lymphoblastic leukemia", "Acute lymphoblastic leukemia", True),
    ("Amelogenesis imperfecta, type IB", "Amelogenesis imperfecta", True),
    ("Macular degeneration, age-related, 2", "Macular degeneration", True),
    ("Erythema nodosum, familial", "Erythema nodosum", True),
    ("Ataxia with fasciculations", "Ataxia", False),
    ("Omphalocele due to duplication of 1p31.3", "Omphalocele", False),
    ("Exostoses of heel", "Exostoses", False),
    ("Seizure disorder", "Focal seizure", False),
])
def test_a_sign_is_the_disease_itself_only_when_it_covers_the_whole_name(
        disease: str, sign: str, itself: bool) -> None:
    assert names_itself(symptom("HP:1", sign), disease) is itself


def test_a_short_list_with_words_is_followed_by_the_recorded_signs() -> None:
    d = page(symptoms=(symptom("HP:1", "Febrile seizure", ("hpo", 0.57, "4 of 7 (57%)", 7)),
                       symptom("HP:2", "Focal aware seizure")), inheritance=DOMINANT)
    assert sentences(d)[:2] == ["About half of people with this condition have febrile "
                                "seizure.", "Other signs recorded include focal aware seizure."]


def test_how_it_runs_over_time() -> None:
    def course(*names: str) -> list[str]:
        d = page(clinical_course=tuple(SourcedTerm("", n, "hpo") for n in names),
                 inheritance=DOMINANT, genes=(Gene("HGNC:1", "ABC1", None, None, "hpo"),))
        return [s for s in sentences(d) if not s.startswith(("It is passed", "It is linked"))]
    assert course("Insidious onset") == ["It usually comes on slowly."]
    assert course("Progressive", "Slowly progressive") == [
        "It tends to get worse slowly, over time."]
    assert course("Progressive", "Nonprogressive") == [
        "Records differ on whether it gets worse over time."]
    death = page(clinical_course=(SourcedTerm("", "Death in infancy", "hpo"),),
                 inheritance=DOMINANT, genes=(Gene("HGNC:1", "ABC1", None, None, "hpo"),))
    assert write_overview(death, {}, {}) is None  # left to the tables: no sentence, no fact


def test_other_places_and_a_second_measure_of_how_common() -> None:
    def figure(kind: str, klass: str, region: str) -> PrevalenceFact:
        return PrevalenceFact(kind, None, klass, None, region, None, (), "orphanet")
    d = page(onset=(SourcedTerm("HP:0003581", "Adult", "orphanet"),), prevalence=(
        figure("Annual incidence", "<1 / 1 000 000", "Europe"),
        figure("Annual incidence", "<1 / 1 000 000", "Belgium"),
        figure("Annual incidence", "<1 / 1 000 000", "Germany"),
        figure("Point prevalence", "Unknown", "Europe")))
    assert sentences(d)[1:] == [
        "In Europe, each year, fewer than 1 in 1,000,000 people are found to have it.",
        "Figures from 2 other places are the same."]
    spread = replace(d, prevalence=(
        figure("Point prevalence", "1-9 / 100 000", "Europe"),
        figure("Point prevalence", "1-5 / 10 000", "France"),
        figure("Point prevalence", "1-9 / 1 000 000", "Ireland"),
        figure("Annual incidence", "1-9 / 1 000 000", "United States"),
        figure("Annual incidence", "1-9 / 100 000", "Denmark")))
    assert sentences(spread)[1:] == [
        "In Europe, about 1 to 9 in 100,000 people have it.",
        "Figures from 2 other places range from about 1 to 9 in 1,000,000 to about 1 to 5 "
        "in 10,000.",
        "In the United States, each year, about 1 to 9 in 1,000,000 people are found to have "
        "it.", "The figure from one other place is about 1 to 9 in 100,000."]


def test_what_it_is_a_type_of_opens_the_overview_but_never_makes_one() -> None:
    parents = (DiseaseRef("MONDO:2", "Familial partial epilepsy", "orphanet",
                          "classification parent"),
               DiseaseRef("MONDO:3", "Glioma susceptibility 1", "orphanet", "NTBT"))
    two = page(parents=parents, inheritance=DOMINANT,
               onset=(SourcedTerm("", "Childhood", "orphanet"),))
    assert write_overview(two, {}, {}) is None
    three = replace(two, name="Familial test epilepsy", genes=(Gene("HGNC:1", "ABC1", None,
                                                                   None, "hpo"),),
                    parents=(*parents, DiseaseRef("MONDO:4", "Griscelli syndrome", "mondo",
                                                  "rdfs:subClassOf")))
    sentence = write_overview(three, {}, {}, frozenset({"familial"}))
    assert sentence is not None and sentence.sentences[0].text == (
        "It is a type of familial partial epilepsy, and belongs to 1 other group too.")
    griscelli = replace(three, name="Griscelli syndrome type 1")
    assert sentences(griscelli)[0] == ("It is a type of Griscelli syndrome, and belongs to 1 "
                                       "other group too.")  # an eponym keeps its capital
    plural = replace(three, parents=(DiseaseRef("MONDO:5", "Presynaptic congenital myasthenic "
                                                "syndromes", "mondo", "rdfs:subClassOf"),))
    assert sentences(plural)[0] == ("It is one of the Presynaptic congenital myasthenic "
                                    "syndromes.")
    one = replace(three, parents=(DiseaseRef("MONDO:6", "Genetic susceptibility to infections "
                                             "due to particular pathogens", "orphanet",
                                             "classification parent"),))
    assert sentences(one)[0].startswith("It is a type of Genetic susceptibility to")


def test_medicines_for_subtypes_follow_the_page_own() -> None:
    own = Treatment("drugamab", "Drugo", None, "d", None, True, "test syndrome", None, "x",
                    "exact name", None, "fda_orphan", "2026-04")
    sub = replace(own, generic_name="subamab", trade_name="Subo", how="subtype",
                  via="MONDO:9")
    d = page(treatments=(product(own), product(sub)), inheritance=DOMINANT)
    assert sentences(d)[1:] == [
        "The U.S. Food and Drug Administration (FDA) has approved an orphan medicine for it: "
        "Drugo.", "It has also approved an orphan medicine for a subtype of it."]
    overview = write_overview(d, {}, {})
    assert overview is not None and overview.facts == 3


def test_every_fact_a_sentence_rests_on_is_a_fact_of_the_page() -> None:
    d = page(symptoms=(symptom("HP:1", "Seizure", VERY), symptom("HP:2", "Ptosis",
                                                                 VERY_RARE)),
             inheritance=(*DOMINANT, SourcedTerm("", "Autosomal dominant", "orphanet")),
             onset=(SourcedTerm("", "Infancy", "orphanet"),),
             clinical_course=(SourcedTerm("HP:0003587", "Insidious onset", "hpo"),))
    overview = write_overview(d, {}, {})
    assert overview is not None
    used = overview_facts(tuple(f for s in overview.sentences for f in s.facts))
    assert used == page_facts(d) and overview.facts == 5  # one mode, stated twice
