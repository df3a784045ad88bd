"""Linking plain-language documents to pages, on a hand-made identity of a few leukemias."""

from __future__ import annotations

from rareinfo.kb.plain_links import (
    IdentityData,
    PlainDocument,
    documents_of,
    focus_variants,
    link_documents,
    without_form_words,
)
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
