"""Linking plain-language documents to pages, on a hand-made identity of a few leukemias."""

from __future__ import annotations

from sqlalchemy import create_engine, insert, select

from rareinfo.kb import schema
from rareinfo.kb.metadata import metadata
from rareinfo.kb.plain_links import (
    IdentityData,
    PlainDocument,
    designations,
    documents_of,
    focus_variants,
    link_documents,
    link_plain_texts,
    narrower,
    without_form_words,
)
from rareinfo.kb.treatments import canonical_tokens
from rareinfo.records import PlainBlock, PlainText

ALL, CHILD_ALL, CLL, CF, GARD_CF = ("MONDO:0004967", "MONDO:0000870", "MONDO:0004948",
                                    "MONDO:0009061", "GARD:0006233")
IDENTITY = IdentityData(
    page_of={"MONDO:0004967": ALL, "GARD:0000522": ALL, "MONDO:0000870": CHILD_ALL,
             "MONDO:0004948": CLL, "MONDO:0009061": CF, "GARD:0006233": GARD_CF,
             "MONDO:0000001": "MONDO:0000001", "MONDO:0016696": "MONDO:0016696"},
    umls={"UMLS:C0023452": ("MONDO:0000870",), "UMLS:C0023434": ("MONDO:0004948",),
          "UMLS:C0012634": ("MONDO:0000001",), "UMLS:C0334590": ("MONDO:0016696",)},
    names=[(ALL, "Acute lymphoblastic leukemia", "name"),
           (ALL, "Acute lymphocytic leukemia", "synonym"),
           (CHILD_ALL, "Childhood acute lymphoblastic leukemia", "name"),
           (CLL, "B-cell chronic lymphocytic leukemia", "name"),
           (CLL, "Chronic lymphocytic leukemia", "synonym"),
           (CF, "Cystic fibrosis", "name"), (GARD_CF, "Cystic fibrosis", "name"),
           ("MONDO:0000001", "Disease", "name"),
           ("MONDO:0016696", "Anaplastic oligodendroglioma", "name"),
           ("MONDO:0009426", "Sanjad-Sakati syndrome", "name"),
           ("MONDO:0009426", "SSS", "synonym")],
)


def _link(**fields: object) -> tuple[str | None, str, str | None]:
    document = PlainDocument(**{"document_id": "X:1", "collection": "CancerGov",
                                "focus": "", **fields})  # type: ignore[arg-type]
    (link,) = link_documents([document], IDENTITY)
    return link.page_id, link.rule, link.about


def test_gard_id_first() -> None:
    assert _link(collection="GARD", focus="Whatever the name says", gard_id="GARD:0000522") \
        == (ALL, "gard-id", None)


def test_unknown_gard_id_falls_back_to_the_name() -> None:
    page, rule, _ = _link(collection="GARD", focus="Cystic fibrosis", gard_id="GARD:0099999")
    assert (page, rule) == (CF, "name")  # two pages of that name: the Mondo one


def test_subtype_text_goes_to_the_subtype_page() -> None:
    assert _link(focus="Childhood Acute Lymphoblastic Leukemia",
                 cuis=("C0023452",)) == (CHILD_ALL, "name", None)


def test_a_form_without_a_page_goes_to_its_disease_marked_as_the_form() -> None:
    assert _link(focus="Adult Acute Lymphoblastic Leukemia") == (
        ALL, "form", "Adult Acute Lymphoblastic Leukemia")


def test_cll_is_never_all() -> None:
    assert _link(focus="Chronic Lymphocytic Leukemia")[0] == CLL
    assert _link(focus="Adult Chronic Lymphocytic Leukemia")[:2] == (CLL, "form")


def test_a_cui_counts_only_when_the_page_names_match_the_focus() -> None:
    assert _link(focus="Leukemia of childhood, lymphoblastic",
                 cuis=("C0023452",))[:2] == (CHILD_ALL, "umls")
    # MedQuAD's programmatic CUIs can be wrong, or say "disease".
    page, rule, _ = _link(focus="Ovarian Low Malignant Potential Tumors",
                          cuis=("C0334590", "C0012634"))
    assert (page, rule) == (None, "unlinked")


def test_abbreviations_among_the_synonyms_are_not_names() -> None:
    page, _, _ = _link(focus="sick sinus syndrome", synonyms=("SSS",))
    assert page is None
    assert _link(focus="Lymphoblastic leukemia of children",
                 synonyms=("ALL", "acute lymphocytic leukemia"))[:2] == (ALL, "synonym")


def test_unlinked_documents_say_why() -> None:
    (link,) = link_documents([PlainDocument("X:2", "GARD", "Macular degeneration",
                                            ("C0024437",), "GARD:0010260")], IDENTITY)
    assert link.page_id is None
    assert link.reason == ("GARD:0010260 is on no page; its CUIs map to no page; "
                           "no page is named 'Macular degeneration'")


def test_site_wording_is_taken_off_the_focus() -> None:
    assert focus_variants("Parasites - Toxocariasis (also known as Roundworm Infection)")[:2] \
        == ["Parasites - Toxocariasis (also known as Roundworm Infection)", "Toxocariasis"]
    assert "Wilms Tumor" in focus_variants("Wilms Tumor and Other Childhood Kidney Tumors")
    assert "Kidney Failure" in focus_variants("What I need to know about Kidney Failure")
    assert without_form_words("Childhood Astrocytomas") == "Astrocytomas"
    assert without_form_words("Astrocytomas") is None


def test_documents_of_groups_sections() -> None:
    block = (PlainBlock("paragraph", text="Text."),)
    sections = [PlainText("medlineplus", "GHR", f"GHR:{n}", "https://x", "cf", section, block,
                          cuis=("C0010674",))
                for n, section in ((1, "information"), (1, "inheritance"), (2, "information"))]
    assert [d.document_id for d in documents_of(sections)] == ["GHR:1", "GHR:2"]


def test_the_page_titled_with_the_name_wins_over_a_form_carrying_it() -> None:
    juvenile, whole = "MONDO:0009591", "MONDO:0018868"
    identity = IdentityData(
        page_of={}, umls={},
        names=[(juvenile, "Metachromatic leukodystrophy, juvenile form", "name"),
               (juvenile, "Metachromatic leukodystrophy", "name"),  # an OMIM title
               (whole, "Metachromatic leukodystrophy", "name")],
        labels={juvenile: "Metachromatic leukodystrophy, juvenile form",
                whole: "Metachromatic leukodystrophy"})
    (link,) = link_documents([PlainDocument("NINDS:1", "NINDS", "Metachromatic Leukodystrophy")],
                             identity)
    assert (link.page_id, link.rule) == (whole, "name")


# Pages whose CUIs MedQuAD gives to general documents: narrower ones, or the wrong ones.
LUNG_SUSC, OSTEOSARCOMA, HODGKIN, NHL, PANIC_1, FG_1 = (
    "MONDO:0008903", "MONDO:0002629", "MONDO:0009348", "MONDO:0018908", "MONDO:0008187",
    "MONDO:0010590")
NARROW = IdentityData(
    page_of={p: p for p in (LUNG_SUSC, OSTEOSARCOMA, HODGKIN, NHL, PANIC_1, FG_1)},
    umls={"UMLS:C0242379": (LUNG_SUSC,), "UMLS:C0585442": (OSTEOSARCOMA,),
          "UMLS:C0019829": (HODGKIN,), "UMLS:C1868649": (PANIC_1,)},
    names=[(LUNG_SUSC, "Lung cancer, susceptibility to", "name"),
           (OSTEOSARCOMA, "Osteosarcoma", "name"),
           (OSTEOSARCOMA, "primary osteosarcoma of bone", "synonym"),
           (HODGKIN, "Classic Hodgkin lymphoma", "name"),
           (NHL, "Non-Hodgkin lymphoma", "name"),
           (PANIC_1, "Panic disorder 1", "name"),
           (FG_1, "FG syndrome type 1", "name"), (FG_1, "FG syndrome", "synonym")],
    labels={LUNG_SUSC: "Lung cancer, susceptibility to", OSTEOSARCOMA: "Osteosarcoma",
            HODGKIN: "Classic Hodgkin lymphoma", NHL: "Non-Hodgkin lymphoma",
            PANIC_1: "Panic disorder 1", FG_1: "FG syndrome type 1"})


def _narrow_link(focus: str, *cuis: str,
                 synonyms: tuple[str, ...] = ()) -> tuple[str | None, str]:
    (link,) = link_documents([PlainDocument("X:1", "MPlusHealthTopics", focus, cuis,
                                            synonyms=synonyms)], NARROW)
    return link.page_id, link.rule


def test_a_cui_never_leads_to_a_page_narrower_than_the_document() -> None:
    assert _narrow_link("Lung Cancer", "C0242379") == (None, "unlinked")
    assert _narrow_link("Panic Disorder", "C1868649") == (None, "unlinked")


def test_a_cui_needs_one_page_name_holding_every_focus_word() -> None:
    # "bone" is in one synonym of osteosarcoma, "cancer" is in none of its names.
    assert _narrow_link("Bone Cancer", "C0585442") == (None, "unlinked")
    # MedQuAD's CUI of Hodgkin lymphoma on a Non-Hodgkin text: "non" is a word.
    assert _narrow_link("Childhood Non-Hodgkin Lymphoma", "C0019829") == (NHL, "form")


def test_a_cui_page_may_be_named_by_a_part_of_the_focus() -> None:
    bph = "MONDO:0010811"
    identity = IdentityData(page_of={bph: bph}, umls={"UMLS:C1704272": (bph,)},
                            names=[(bph, "Benign hyperplasia, prostatic", "name")],
                            labels={bph: "Benign hyperplasia, prostatic"})
    (link,) = link_documents([PlainDocument(
        "NIDDK:1", "NIDDK", "Prostate Enlargement: Benign Prostatic Hyperplasia",
        ("C1704272",))], identity)
    assert (link.page_id, link.rule) == (bph, "umls")
    # Written "Prostatic hyperplasia, benign", the page is named by the part itself.
    named = IdentityData(page_of={}, umls={},
                         names=[(bph, "Prostatic hyperplasia, benign", "name")])
    (link,) = link_documents([PlainDocument(
        "NIDDK:1", "NIDDK", "Prostate Enlargement: Benign Prostatic Hyperplasia")], named)
    assert (link.page_id, link.rule) == (bph, "name")


def test_a_synonym_never_leads_to_a_numbered_member_of_the_series() -> None:
    assert _narrow_link("FG syndrome") == (None, "unlinked")
    assert _narrow_link("FG syndrome type 1") == (FG_1, "name")
    assert _narrow_link("Opitz-Kaveggia syndrome", synonyms=("FG syndrome",))[0] is None


def test_narrower_titles() -> None:
    def is_narrower(title: str, focus: str) -> bool:
        return narrower(canonical_tokens(title), canonical_tokens(focus))
    assert is_narrower("Lung cancer, susceptibility to", "Lung cancer")
    assert is_narrower("Rare thyroid carcinoma", "Thyroid cancer")
    assert is_narrower("Adult acute respiratory distress syndrome",
                       "Respiratory distress syndrome")
    assert is_narrower("Hereditary sensory and autonomic neuropathy type 2",
                       "Hereditary sensory and autonomic neuropathy type I")
    assert not is_narrower("Distal hereditary motor neuropathy type 2",
                           "distal hereditary motor neuropathy, type II")
    assert not is_narrower("Adult neuronal ceroid lipofuscinosis", "Kufs disease")
    assert not is_narrower("Familial transthyretin amyloidosis", "transthyretin amyloidosis")
    assert designations(canonical_tokens("Glycogen storage disease due to "
                                         "glucose-6-phosphatase deficiency")) == frozenset()
    assert designations(canonical_tokens("Cardiomyopathy, dilated, 3B")) == {"3"}
    assert designations(canonical_tokens("Niemann-Pick disease type C")) == {"c"}


def test_a_text_about_children_is_about_the_childhood_form() -> None:
    assert without_form_words("Hemolytic Uremic Syndrome in Children") \
        == "Hemolytic Uremic Syndrome"


def test_of_two_pages_holding_a_synonym_the_closest_title_wins() -> None:
    whole, form_a = "MONDO:0018938", "MONDO:0009659"
    identity = IdentityData(
        page_of={}, umls={},
        names=[(form_a, "Mucopolysaccharidosis type IV", "synonym"),
               (whole, "Mucopolysaccharidosis type IV", "synonym")],
        labels={whole: "Mucopolysaccharidosis type 4", form_a: "Mucopolysaccharidosis type 4A"})
    (link,) = link_documents([PlainDocument("GHR:1", "GHR", "mucopolysaccharidosis type IV")],
                             identity)
    assert (link.page_id, link.rule) == (whole, "synonym")


THYMOMA, THYMIC_CA, HCC, MPN, HENDRA, BREAST, TTR, OROPHARYNX = (
    "MONDO:0006456", "MONDO:0006451", "MONDO:0007256", "MONDO:0020076", "MONDO:0017942",
    "MONDO:0016419", "MONDO:0018634", "MONDO:0004608")
WIDER = IdentityData(
    page_of={OROPHARYNX: OROPHARYNX}, umls={"UMLS:C0153382": (OROPHARYNX,)},
    names=[(THYMOMA, "Thymoma", "name"), (THYMIC_CA, "Thymic carcinoma", "name"),
           (HCC, "Hepatocellular carcinoma", "name"),
           (MPN, "Myeloproliferative neoplasm", "name"),
           (MPN, "Myeloproliferative neoplasm, chronic", "synonym"),
           (HENDRA, "Hendra virus infection", "name"),
           (BREAST, "Hereditary breast cancer", "name"), (BREAST, "Breast cancer", "name"),
           (TTR, "Familial transthyretin amyloidosis", "name"),
           (TTR, "Transthyretin amyloidosis", "synonym"),
           (OROPHARYNX, "Oropharyngeal cancer, adult", "name"),
           ("MONDO:0005015", "Diabetes mellitus", "name"),
           ("MONDO:0005015", "Diabetes", "synonym")],
    labels={THYMOMA: "Thymoma", THYMIC_CA: "Thymic carcinoma", HCC: "Hepatocellular carcinoma",
            MPN: "Myeloproliferative neoplasm", HENDRA: "Hendra virus infection",
            BREAST: "Hereditary breast cancer", TTR: "Familial transthyretin amyloidosis",
            OROPHARYNX: "Oropharyngeal cancer, adult", "MONDO:0005015": "Diabetes mellitus"})


def _wide_link(focus: str, *cuis: str,
               identity: IdentityData = WIDER) -> tuple[tuple[str, ...], str]:
    (link,) = link_documents([PlainDocument("X:1", "CancerGov", focus, cuis)], identity)
    return link.pages, link.rule


def test_a_focus_naming_several_diseases_goes_to_each_page() -> None:
    assert _wide_link("Thymoma and Thymic Carcinoma") == ((THYMOMA, THYMIC_CA), "list")
    assert _wide_link("Thymoma, Thymic Carcinoma, and the Thymoma") \
        == ((THYMOMA, THYMIC_CA), "list")
    # Every listed part must name a page: "Pregnancy" names none, the text is a topic.
    assert _wide_link("Diabetes and Pregnancy") == ((), "unlinked")


def test_other_wordings_of_one_name() -> None:
    # The bracketed word is another word for the one before it; carcinoma is a cancer.
    assert _wide_link("Liver (Hepatocellular) Cancer") == ((HCC,), "name")
    # "A, B" is "B A"; plurals are folded.
    assert _wide_link("Chronic Myeloproliferative Neoplasms") == ((MPN,), "synonym")
    # A virus disease is the infection by the virus; "(HeV)" is an abbreviation.
    assert _wide_link("Hendra Virus Disease (HeV)") == ((HENDRA,), "name")



def test_listed_synonyms_are_taken_word_for_word() -> None:
    essential = "MONDO:0007781"
    identity = IdentityData(page_of={}, umls={},
                            names=[(essential, "Hypertension, essential", "name")],
                            labels={essential: "Hypertension, essential"})
    (listed,) = link_documents([PlainDocument(
        "M:1", "MPlusHealthTopics", "High Blood Pressure",
        synonyms=("Essential hypertension",))], identity)
    assert listed.page_id is None
    (focus,) = link_documents([PlainDocument("M:2", "GHR", "essential hypertension")],
                              identity)
    assert (focus.page_id, focus.rule) == (essential, "name")  # its title, inverted


def test_an_adult_form_named_on_the_disease_page_is_marked_as_that_form() -> None:
    aml = "MONDO:0018874"
    identity = IdentityData(page_of={}, umls={},
                            names=[(aml, "Acute myeloid leukemia", "name"),
                                   (aml, "Acute myeloid leukemia, adult", "synonym")],
                            labels={aml: "Acute myeloid leukemia"})
    (link,) = link_documents([PlainDocument("C:1", "CancerGov",
                                            "Adult Acute Myeloid Leukemia")], identity)
    assert (link.page_id, link.rule, link.about) \
        == (aml, "synonym", "Adult Acute Myeloid Leukemia")


def test_a_common_cancer_is_not_its_inherited_form() -> None:
    assert _wide_link("Breast Cancer") == ((), "unlinked")
    assert _wide_link("Hereditary Breast Cancer") == ((BREAST,), "name")
    # Not a cancer: the familial form is how the genetic disease's page is titled.
    assert _wide_link("Transthyretin amyloidosis") == ((TTR,), "synonym")


def test_an_adult_form_is_the_disease_when_no_young_form_is_named() -> None:
    # Read by name as the adult form's page, or by its CUI: the same page.
    assert _wide_link("Oropharyngeal Cancer") == ((OROPHARYNX,), "name")
    assert _wide_link("Oropharyngeal Cancer", "C0153382") == ((OROPHARYNX,), "name")
    with_child = IdentityData(
        page_of=WIDER.page_of, umls=WIDER.umls,
        names=[*WIDER.names, ("MONDO:1", "Childhood oropharyngeal cancer", "name")],
        labels=WIDER.labels)
    assert _wide_link("Oropharyngeal Cancer", "C0153382", identity=with_child) \
        == ((), "unlinked")


def test_a_list_is_recognised_by_its_and() -> None:
    assert focus_variants("Liver (Hepatocellular) Cancer")[1] == "Liver Cancer"
    assert "Hepatocellular Cancer" in focus_variants("Liver (Hepatocellular) Cancer")
    assert _wide_link("Thymoma, type II") == ((), "unlinked")


def test_a_listed_document_gets_a_link_row_per_page() -> None:
    engine = create_engine("sqlite://")
    metadata.create_all(engine)
    section = {"collection": "CancerGov", "url": "https://www.cancer.gov/x",
               "section": "information",
               "question": "What is it?", "position": 0, "blocks": "[]", "words": "w",
               "norm": "w", "captured": "2017", "cuis": "", "synonyms": "",
               "source": "medlineplus"}
    with engine.begin() as conn:
        conn.execute(insert(schema.disease), [
            {"id": page, "name": name, "name_source": "mondo", "annotation_count": 0,
             "source": "mondo"} for page, name in ((THYMOMA, "Thymoma"),
                                                   (THYMIC_CA, "Thymic carcinoma"))])
        conn.execute(insert(schema.disease_name), [
            {"disease_id": page, "source_disease_id": page, "name": name, "kind": "name",
             "source": "mondo"} for page, name in ((THYMOMA, "Thymoma"),
                                                   (THYMIC_CA, "Thymic carcinoma"))])
        conn.execute(insert(schema.plain_section), [
            {**section, "document_id": "CancerGov:1", "focus": "Thymoma and Thymic Carcinoma"},
            {**section, "document_id": "CancerGov:2", "focus": "Diabetes and Pregnancy"}])
    assert link_plain_texts(engine) == 2
    with engine.connect() as conn:
        rows = {(r.document_id, r.disease_id, r.rule)
                for r in conn.execute(select(schema.plain_link))}
    assert rows == {("CancerGov:1", THYMOMA, "list"), ("CancerGov:1", THYMIC_CA, "list")}


PEYRONIE, PERIODIC, GM1_1, GANGLIOSIDOSIS, CHILD_ILD, ILD, OBESITY, ASTHMA = (
    "MONDO:0008231", "GARD:0006422", "MONDO:0009260", "MONDO:0017719", "MONDO:0017015",
    "MONDO:0015925", "MONDO:0019182", "GARD:0010246")
DIABETES, TYPE_2, ALZHEIMER, LIP_ORAL, ATRT, CEL, BRAIN_ADULT, BRAIN_CHILD = (
    "MONDO:0005015", "MONDO:0005148", "MONDO:0007088", "MONDO:0023644", "MONDO:0020560",
    "MONDO:0015687", "GARD:0009307", "GARD:0009310")
_TITLES = {
    PEYRONIE: "Peyronie disease", PERIODIC: "Familial periodic paralysis",
    GM1_1: "GM1 gangliosidosis type 1", GANGLIOSIDOSIS: "Gangliosidosis",
    CHILD_ILD: "Primary interstitial lung disease specific to childhood",
    ILD: "Interstitial lung disease", OBESITY: "Genetic obesity", ASTHMA: "Asthma",
    DIABETES: "Diabetes mellitus", TYPE_2: "Type 2 diabetes mellitus",
    ALZHEIMER: "Alzheimer disease type 1", LIP_ORAL: "Lip and oral cavity carcinoma",
    OROPHARYNX: "Oropharyngeal cancer, adult", ATRT: "Atypical teratoid rhabdoid tumor",
    CEL: "Chronic eosinophilic leukemia", BRAIN_ADULT: "Brain tumor, adult",
    BRAIN_CHILD: "Brain tumor, childhood"}
THIRD = IdentityData(
    page_of={ATRT: ATRT, CEL: CEL},
    umls={"UMLS:C1266184": (ATRT,), "UMLS:C1292778": (CEL,)},
    names=[*((page, title, "name") for page, title in _TITLES.items()),
           (GM1_1, "Generalized gangliosidosis", "synonym"),
           (CHILD_ILD, "Children's interstitial lung disease", "synonym"),
           (OBESITY, "Obesity", "name"), (DIABETES, "Diabetes", "synonym"),
           (TYPE_2, "Type 2 diabetes", "synonym"), (ALZHEIMER, "Alzheimer disease", "name"),
           (LIP_ORAL, "Lip and oral cavity cancer", "synonym")],
    labels=_TITLES)


def _third(focus: str, *cuis: str) -> tuple[tuple[str, ...], str]:
    (link,) = link_documents([PlainDocument("X:1", "NIDDK", focus, cuis)], THIRD)
    return link.pages, link.rule


def test_possessives_and_greek_plurals_are_folded() -> None:
    # "Peyronie's" is not the plural "peyronies" (which the folding reads as "peyrony").
    assert _third("Peyronie's Disease") == ((PEYRONIE,), "name")
    assert _third("Familial Periodic Paralyses") == ((PERIODIC,), "name")


def test_a_plural_focus_never_reaches_one_numbered_member_by_synonym() -> None:
    assert _third("Generalized gangliosidosis") == ((GM1_1,), "synonym")
    assert _third("Generalized Gangliosidoses") == ((), "unlinked")


def test_childrens_is_childhood() -> None:
    assert _third("Childhood Interstitial Lung Disease") == ((CHILD_ILD,), "synonym")


def test_the_form_rule_never_reaches_a_page_titled_narrower() -> None:
    assert _third("Asthma in Children") == ((ASTHMA,), "form")
    assert _third("Obesity in Children") == ((), "unlinked")  # "Genetic obesity"


def test_a_guide_is_about_the_disease_its_title_names() -> None:
    assert _third("What I need to know about Preparing for Pregnancy if I Have Diabetes") \
        == ((DIABETES,), "synonym")
    # The first disease named: type 2, not the "Diabetes" that comes after it.
    assert _third("Am I at Risk for Type 2 Diabetes? Taking Steps to Lower Your Risk of "
                  "Getting Diabetes") == ((TYPE_2,), "synonym")
    assert _third("Monitor Your Diabetes") == ((DIABETES,), "synonym")
    assert _third("Alzheimer's Caregiving") == ((ALZHEIMER,), "name")
    # A problem of the disease is not the disease: no guide wording, no link.
    assert _third("Prevent diabetes problems: Keep your eyes healthy") == ((), "unlinked")


def test_a_listed_part_may_be_the_last_part_of_a_name_listing_two() -> None:
    assert _third("Oral Cavity and Oropharyngeal Cancer") == ((LIP_ORAL, OROPHARYNX), "list")
    assert _third("Oral Cavity Cancer") == ((), "unlinked")  # only inside a list


def test_an_adult_form_page_is_not_read_when_a_young_form_is_named() -> None:
    assert _third("Brain Tumors") == ((), "unlinked")
    assert _third("Childhood Brain Tumors") == ((BRAIN_CHILD,), "name")


def test_a_cui_page_may_end_a_childhood_focus_with_a_place() -> None:
    (link,) = link_documents([PlainDocument(
        "C:1", "CancerGov", "Childhood Central Nervous System Atypical Teratoid/Rhabdoid Tumor",
        ("C1266184",))], THIRD)
    assert (link.page_id, link.rule, link.about) == (ATRT, "umls", link.about)
    assert link.about is not None
    # Without a childhood/adult word the words before the name narrow it.
    assert _third("PDGFRA-associated chronic eosinophilic leukemia", "C1292778") \
        == ((), "unlinked")
