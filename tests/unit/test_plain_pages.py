"""NIH plain-language texts on the page, in the API, in `rareinfo show`, in search and status.

A tiny knowledge base: ALL with its childhood subtype (and B-cell CLL wrongly filed under
ALL, as in real Mondo releases), Marfan syndrome and Wilson disease; plain texts from the
trimmed real documents in tests/fixtures/medlineplus_mini plus a few made by hand.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from rareinfo.kb import schema
from rareinfo.kb.build import SourceRun
from rareinfo.kb.queries import KnowledgeBase
from rareinfo.records import (
    DiseaseMapping,
    DiseaseRecord,
    PlainBlock,
    PlainText,
    Record,
    SourceRelease,
    Synonym,
)
from rareinfo.search.plain_text import WithPlainText
from rareinfo.service.building import build_snapshot
from rareinfo.service.live import open_searcher
from rareinfo.sources import hpo, medlineplus, mondo
from rareinfo.web.app import create_app

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "medlineplus_mini"
ALL, CHILD_ALL, CLL, MARFAN, WILSON = ("MONDO:0004967", "MONDO:0000870", "MONDO:0004948",
                                       "MONDO:0007947", "MONDO:0010200")
# A page of the HPO fixture with symptoms and a gene, given NIH text on both.
SUSCEPTIBILITY = "OMIM:613065"


def mondo_records() -> list[Record]:
    return [
        SourceRelease("mondo", "2026-08-04", None, "test"),
        DiseaseRecord("mondo", ALL, "acute lymphoblastic leukemia",
                      synonyms=(Synonym("acute lymphocytic leukemia"),)),
        DiseaseRecord("mondo", CHILD_ALL, "childhood acute lymphoblastic leukemia"),
        DiseaseRecord("mondo", CLL, "B-cell chronic lymphocytic leukemia",
                      synonyms=(Synonym("chronic lymphocytic leukemia"),)),
        DiseaseRecord("mondo", MARFAN, "Marfan syndrome"),
        DiseaseRecord("mondo", WILSON, "Wilson disease"),
        DiseaseMapping("mondo", CHILD_ALL, ALL, "broader", "rdfs:subClassOf"),
        DiseaseMapping("mondo", CLL, ALL, "broader", "rdfs:subClassOf"),
    ]


def _text(document: str, focus: str, section: str, text: str, position: int = 0) -> PlainText:
    collection = document.split(":")[0]
    return PlainText("medlineplus", collection, document,  # type: ignore[arg-type]
                     f"https://example.nih.gov/{document}", focus, section,
                     (PlainBlock("paragraph", text=text),), position=position,
                     captured="~2017")


def plain_records() -> list[Record]:
    read = [r for r in medlineplus.read(MINI) if isinstance(r, PlainText)
            and r.collection in ("CancerGov", "GHR")]  # childhood ALL, Marfan syndrome
    return [
        SourceRelease("medlineplus", "MedQuAD ~2017", None, "test"),
        *read,
        _text("CancerGov:1_1", "Adult Acute Lymphoblastic Leukemia", "information",
              "Adult ALL is a cancer of the blood and bone marrow."),
        _text("CancerGov:1_3", "Chronic Lymphocytic Leukemia", "information",
              "CLL is a cancer of the blood and bone marrow that usually gets worse slowly."),
        _text("MPlusHealthTopics:973", "Wilson Disease", "information",
              "With Wilson disease, the copper builds up in your liver."),
        _text("NIDDK:1", "Acute lymphoblastic leukemia", "research",
              "Researchers study copper too."),
        *(_text("GHR:2", "Leukemia, acute lymphocytic, susceptibility to, 1", section,
                f"Text on {section}.", position)
          for position, section in enumerate(("symptoms", "causes"))),
    ]


@pytest.fixture(scope="module")
def kb_url(new_kb_url: Callable[[str], str], mini_release: Path) -> str:
    url = new_kb_url("plain")
    build_snapshot(url, [SourceRun(hpo.INFO, hpo.read(mini_release)),
                         SourceRun(mondo.INFO, iter(mondo_records())),
                         SourceRun(medlineplus.INFO, iter(plain_records()))],
                   enforce_minimums=False)
    return url


@pytest.fixture(scope="module")
def client(kb_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(kb_url)) as client:
        yield client


def test_documents_are_linked(kb_url: str) -> None:
    with KnowledgeBase(kb_url).engine.connect() as conn:
        links = {(r.document_id, r.disease_id, r.rule, r.about)
                 for r in conn.execute(select(schema.plain_link))}
    assert links == {
        ("CancerGov:0000001_6", CHILD_ALL, "name", None),
        ("GHR:0000627", MARFAN, "name", None),
        ("CancerGov:1_1", ALL, "form", "Adult Acute Lymphoblastic Leukemia"),
        ("CancerGov:1_3", CLL, "synonym", None),
        ("MPlusHealthTopics:973", WILSON, "name", None),
        ("NIDDK:1", ALL, "name", None),
        ("GHR:2", SUSCEPTIBILITY, "name", None),
    }


def test_all_page_shows_its_forms_and_its_subtype_never_cll(kb_url: str) -> None:
    page = KnowledgeBase(kb_url).disease(ALL)
    assert page is not None
    assert [(g.relation, g.heading) for g in page.plain] == [
        ("own", None),
        ("form", "About adult acute lymphoblastic leukemia"),
        ("subtype", "About childhood acute lymphoblastic leukemia, a subtype"),
    ]
    child = page.plain[2]
    assert [s.heading for s in child.sections] == ["What is it?", "Symptoms"]
    passage = child.sections[0].passages[0]
    assert passage.source_title == "National Cancer Institute (PDQ)"
    assert passage.url.endswith("child-all-treatment-pdq") and passage.captured == "~2017"
    texts = " ".join(b.text for g in page.plain for s in g.sections for p in s.passages
                     for b in p.blocks)
    assert "CLL" not in texts and "gets worse slowly" not in texts


def test_cll_page_shows_none_of_all(kb_url: str) -> None:
    page = KnowledgeBase(kb_url).disease(CLL)
    assert page is not None
    assert [(g.relation, g.about_id) for g in page.plain] == [("own", CLL)]
    assert "bone marrow that usually gets worse slowly" in page.plain[0].sections[0] \
        .passages[0].blocks[0].text


def test_subtype_without_text_would_show_its_parent(kb_url: str) -> None:
    page = KnowledgeBase(kb_url).disease(CHILD_ALL)
    assert page is not None and [g.relation for g in page.plain] == ["own"]


def test_sections_in_condition_101_order(kb_url: str) -> None:
    page = KnowledgeBase(kb_url).disease(MARFAN)
    assert page is not None
    headings = [s.heading for s in page.plain[0].sections]
    assert headings == ["What is it?", "How common is it?"]
    assert page.plain[0].sections[0].passages[0].collection == "GHR"


def test_page_html_plain_first_with_source(client: TestClient) -> None:
    html = client.get(f"/diseases/{ALL}").text
    for text in ("What is it?", "About childhood acute lymphoblastic leukemia, a subtype",
                 "National Cancer Institute (PDQ)", "captured around 2017",
                 "https://www.cancer.gov/types/leukemia/patient/child-all-treatment-pdq",
                 "Adult ALL is a cancer of the blood"):
        assert text in html, text
    assert html.index("What is it?") < html.index('id="summary"')
    assert "gets worse slowly" not in html
    assert "gets worse slowly" in client.get(f"/diseases/{CLL}").text


def _contents(html: str) -> str:
    start = html.index('<nav class="toc"')
    return html[start:html.index("</nav>", start)]


def test_contents_list_each_section_once(client: TestClient) -> None:
    html = client.get(f"/diseases/{SUSCEPTIBILITY}").text
    nav = _contents(html)
    links = re.findall(r'<a href="#([\w-]+)">([^<]+)</a>', nav)
    assert [text for _, text in links if text in ("Symptoms", "Causes")] == ["Symptoms",
                                                                             "Causes"]
    assert ("symptoms", "Symptom table") in links and ("causes", "Genes") in links
    assert len({text for _, text in links}) == len(links)
    for anchor, _ in links:  # every entry leads to its section
        assert f'id="{anchor}"' in html
    assert "<h2>Symptom table</h2>" in html and "<h2>Genes</h2>" in html
    # A page without NIH text of its own: its medical sections keep their plain names,
    # but for the symptom table when the everyday-words list is headed Symptoms.
    plain_less = client.get("/diseases/OMIM:100001").text
    links = re.findall(r'<a href="#([\w-]+)">([^<]+)</a>', _contents(plain_less))
    everyday = 'id="plain-symptoms"' in plain_less
    expected = ("plain-symptoms", "Symptoms") if everyday else ("symptoms", "Symptoms")
    assert expected in links
    assert len({text for _, text in links}) == len(links)


def test_api_carries_the_plain_sections(client: TestClient) -> None:
    body = client.get(f"/api/v1/diseases/{MARFAN}").json()
    section = body["plain"][0]["sections"][0]
    assert section["heading"] == "What is it?"
    passage = section["passages"][0]
    assert passage["collection"] == "GHR" and passage["captured"] == "~2017"
    assert passage["url"] == "https://ghr.nlm.nih.gov/condition/marfan-syndrome"
    assert passage["blocks"][0]["kind"] == "paragraph"


def test_search_finds_a_page_by_its_plain_text_below_names(kb_url: str) -> None:
    searcher = open_searcher(KnowledgeBase(kb_url))
    hits = searcher.search("copper builds up in the liver")
    assert [(h.curie, h.field) for h in hits] == [(WILSON, "text")]
    assert "copper builds up" in hits[0].matched_text
    both = searcher.search("copper")
    assert [h.curie for h in both] == [ALL, WILSON]  # one section each: by name
    named = searcher.search("acute lymphoblastic leukemia", kind="disease")
    fields = {h.curie: h.field for h in named}
    assert fields[ALL] == "name"  # its research text says nothing of the kind: names rank
    assert [h.field for h in named] == sorted((h.field for h in named),
                                              key=lambda f: f == "text")
    assert searcher.count("copper") == 2
    assert searcher.search("copper", offset=1) == both[1:]


def test_plain_text_words_are_whole_words_of_the_index(kb_url: str) -> None:
    searcher = open_searcher(KnowledgeBase(kb_url))
    assert isinstance(searcher, WithPlainText)
    assert [h.curie for h in searcher.text_hits("builds up, liver!")] == [WILSON]
    assert searcher.text_hits("build up liver") == []  # "builds" is another word
    assert searcher.text_hits("copper_ liv%") == []  # no pattern characters
    assert searcher.text_hits("copper OR NOT liver") == []  # "or", "not": words to find, not syntax
    assert [h.curie for h in searcher.text_hits("copper wilson")] == [WILSON]


def test_status_counts_pages_with_a_plain_summary(kb_url: str) -> None:
    status = KnowledgeBase(kb_url).status()
    assert status.coverage["pages with a plain-language summary"] == 6
