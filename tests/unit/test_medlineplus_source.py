"""The NIH plain-language reader: trimmed real MedQuAD pages, damaged pages, health topics XML."""

from __future__ import annotations

import io
import tarfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from rareinfo.records import PlainBlock, PlainText, Problem, SourceRelease
from rareinfo.sources import medlineplus
from rareinfo.sources.base import DownloadError
from rareinfo.sources.medlineplus import medquad
from rareinfo.sources.medlineplus.text import clean, structure, words
from tests.replay_server import ReplayServer

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "medlineplus_mini"
TOPICS = MINI / "mplus_topics_2024-08-10_mini.xml"


def _sections(path: Path) -> list[PlainText]:
    return [r for r in medlineplus.read(path) if isinstance(r, PlainText)]


def _document(relative: str) -> list[PlainText]:
    file = MINI / relative
    return [r for r in medquad.parse(relative, file.read_bytes()) if isinstance(r, PlainText)]


def _answers(relative: str) -> list[str]:
    import xml.etree.ElementTree as ET

    root = ET.parse(MINI / relative).getroot()
    return ["".join(a.itertext()) for a in root.iter("Answer")]


def test_mini_reads_every_collection_and_reports_each_damaged_page() -> None:
    records = list(medlineplus.read(MINI))
    release = records[0]
    assert isinstance(release, SourceRelease)
    assert release.version == "health topics 2024-08-10, MedQuAD ~2017"
    by_collection = Counter(r.collection for r in records if isinstance(r, PlainText))
    assert set(by_collection) == {"GARD", "GHR", "CancerGov", "NINDS", "NHLBI",
                                  "MPlusHealthTopics"}
    problems = {p.location: p.message for p in records if isinstance(p, Problem)}
    assert problems.pop("damaged/0000901.xml").startswith("not well-formed XML")
    assert problems == {
        "damaged/0000902.xml": "document without a focus (the disease it is about)",
        "damaged/0000903.xml": "GARD page address without a GARD id: "
                               "https://rarediseases.info.nih.gov/diseases/achalasia",
        "damaged/0000904.xml": "unknown collection 'WebMD'",
        "damaged/0000905.xml#1": "answer without a question type",
        "mplus_topics_2024-08-10_mini.xml#99": "health topic 'No Summary' has no summary",
    }
    # A GARD page whose address lost its id is still read: it can be linked by its CUIs.
    assert {s.section for s in records if isinstance(s, PlainText)
            and s.document_id == "GARD:0000903"} == {"information", "symptoms"}


def test_gard_id_cuis_and_synonyms_come_with_every_section() -> None:
    information, symptoms = _document("2_GARD_QA/0000037.xml")
    assert information.gard_id == symptoms.gard_id == "GARD:0005708"
    assert information.cuis == ("C1321756", "C0014848")
    assert information.focus == "Achalasia" and information.position == 1
    assert symptoms.url == "https://rarediseases.info.nih.gov/gard/5708/achalasia"


def test_gard_symptom_table_prose_is_removed_and_prose_kept() -> None:
    assert _document("2_GARD_QA/0000004.xml") == []  # nothing but the HPO table
    symptoms = _document("2_GARD_QA/0000037.xml")[1]
    assert symptoms.blocks[0] == PlainBlock(
        "heading", text="What are the signs and symptoms of achalasia?")
    text = " ".join(words(symptoms.blocks))
    assert "Human Phenotype Ontology" not in text and "dysphagia" in text
    source = _answers("2_GARD_QA/0000037.xml")[1]
    before_table = source.split("The Human Phenotype Ontology provides")[0]
    assert words(symptoms.blocks) == before_table.split()


def test_text_after_the_gard_table_is_kept() -> None:
    migraine = {s.section: s for s in _document("2_GARD_QA/0000657.xml")}
    symptoms = " ".join(words(migraine["symptoms"].blocks))
    assert "Human Phenotype Ontology" not in symptoms
    source = _answers("2_GARD_QA/0000657.xml")[1]
    after = source.split("may be rare or common.", 1)[1].split()
    assert symptoms.split()[-len(after):] == after


def test_lists_and_paragraphs_keep_every_word() -> None:
    for relative in ("1_CancerGov_QA/0000001_6.xml", "3_GHR_QA/0000627.xml"):
        sections = _document(relative)
        # The dashes that marked list items are layout, not words.
        assert [words(s.blocks) for s in sections] == [
            [w for w in a.split() if w != "-"] for a in _answers(relative)]
    symptoms = _document("1_CancerGov_QA/0000001_6.xml")[1]
    lists = [b for b in symptoms.blocks if b.kind == "list"]
    assert lists and "Fever." in lists[0].items


def test_nhlbi_spanish_link_removed_and_unmarked_list_found() -> None:
    information, causes = _document("8_NHLBI_QA_XML/0000002.xml")
    assert information.blocks[0].text.startswith("Anemia (uh-NEE-me-uh) is a condition")
    assert "Espaol" not in words(information.blocks)
    assert words(information.blocks) == _answers("8_NHLBI_QA_XML/0000002.xml")[0].split()[1:]
    assert causes.blocks[1] == PlainBlock("list", items=(
        "Blood loss", "Lack of red blood cell production",
        "High rates of red blood cell destruction"))
    assert PlainBlock("heading", text="Blood Loss") in causes.blocks


def test_older_ninds_layout_is_read() -> None:
    sections = _document("6_NINDS_QA/0000007.xml")
    assert [s.section for s in sections] == ["information", "treatment", "outlook", "research"]
    assert sections[0].focus == "Holmes-Adie" and sections[0].cuis == ()
    assert sections[0].document_id == "NINDS:0000007"


def test_medlineplus_credit_is_kept_apart() -> None:
    (topic,) = _document("4_MPlus_Health_Topics_QA/0000100.xml")
    assert topic.credit == "NIH: National Institute of Diabetes and Digestive and Kidney Diseases"
    assert "NIH:" not in words(topic.blocks)
    assert topic.blocks[1].kind == "list" and topic.blocks[1].items[-1] == "Bladder cancer"


@pytest.mark.parametrize(("collection", "raw", "kept", "removed"), [
    ("NIHSeniorHealth", "Help is there. (Watch the video about AUD (alcohol use disorder). "
     "Press the Escape (Esc) button.) A doctor can help.",
     "Help is there. A doctor can help.", ("video-instructions",)),
    ("MPlusHealthTopics", "Summary : Vitamins are substances.", "Vitamins are substances.",
     ("summary-label",)),
    ("GARD", "What are the signs? The Human Phenotype Ontology provides the following list "
     "of signs and symptoms for X. Seizures -", "What are the signs?", ("hpo-table",)),
    ("NHLBI", "Espaol\n   \nAnemia is common.", "Anemia is common.", ("spanish-link",)),
    ("NINDS", "Espaol is not removed outside NHLBI.", "Espaol is not removed outside NHLBI.",
     ()),
    # CDC's list of the page's headings, run together: it ends where its first comes again.
    ("CDC", "On this Page General Information What is vancomycin-resistant enterococci? How "
     "is vancomycin-resistant enterococci spread? Recommendations and Guidelines General "
     "Information For more images of this bacterium, search the Public Health Image Library "
     "What is vancomycin-resistant enterococci? Enteroccocci are bacteria.",
     "General Information For more images of this bacterium, search the Public Health Image "
     "Library What is vancomycin-resistant enterococci? Enteroccocci are bacteria.",
     ("page-contents",)),
    # ... or at the first wide gap; the page's title before it is kept.
    ("CDC", "Vaccines and Preventable Diseases On this Page Vaccine Shortages & Delays "
     "Vaccines: The Basics   VACCINE-PREVENTABLE DISEASES Anthrax\nVaccine Shortages & "
     "Delays The latest national information.",
     "Vaccines and Preventable Diseases VACCINE-PREVENTABLE DISEASES Anthrax Vaccine "
     "Shortages & Delays The latest national information.", ("page-contents",)),
    # A sentence about the page, or a stretch holding sentences, is content: kept whole.
    ("MPlusHealthTopics", "Men have concerns. On this page you'll find information.",
     "Men have concerns. On this page you'll find information.", ()),
    ("CDC", "On this Page General Information. Staph is common. General Information here.",
     "On this Page General Information. Staph is common. General Information here.", ()),
])
def test_clean(collection: str, raw: str, kept: str, removed: tuple[str, ...]) -> None:
    cleaned = clean(raw, collection)
    assert " ".join(cleaned.text.split()) == kept and cleaned.removed == removed


def test_a_double_space_inside_a_sentence_is_not_a_paragraph_break() -> None:
    blocks = structure("Symptoms of  tubular aggregate myopathy vary.  Most people walk.")
    assert blocks == (PlainBlock("paragraph", text="Symptoms of tubular aggregate myopathy "
                                                   "vary."),
                      PlainBlock("paragraph", text="Most people walk."))


def test_health_topics_xml() -> None:
    topics = {s.document_id: s for s in _sections(TOPICS)}
    assert set(topics) == {"MPlusHealthTopics:topic-6308", "MPlusHealthTopics:topic-1234"}
    marfan = topics["MPlusHealthTopics:topic-1234"]  # escaped HTML, as in the daily file
    assert marfan.blocks == (
        PlainBlock("paragraph", text="Marfan syndrome is a disorder that affects connective "
                                     "tissue."),
        PlainBlock("list", items=("Tall, thin build", "Long arms")))
    assert marfan.credit == "NIH: National Heart, Lung, and Blood Institute"
    assert marfan.synonyms == ("MFS",) and marfan.section == "information"
    a1c = topics["MPlusHealthTopics:topic-6308"]  # summary as elements, links inside
    assert a1c.blocks[0].text.startswith("A1C is a blood test for type 2 diabetes and")
    assert a1c.blocks[2].kind == "list" and len(a1c.blocks[2].items) == 4


def _archive(tmp_path: Path, *, cut: float | None = None) -> Path:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for file in sorted(MINI.glob("[0-9]_*/*.xml")):
            info = tarfile.TarInfo(f"./{file.parent.name}/{file.name}")
            data = file.read_bytes()
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    data = buffer.getvalue()
    archive = tmp_path / "medquad_mini_QA.tar.gz"
    archive.write_bytes(data if cut is None else data[: int(len(data) * cut)])
    return archive


def test_archive_is_streamed(tmp_path: Path) -> None:
    archive = _archive(tmp_path)
    assert medlineplus.locate(tmp_path) == tmp_path
    from_archive = _sections(tmp_path)
    loose = [s for s in _sections(MINI) if not s.document_id.startswith("MPlusHealthTopics:t")
             and s.document_id != "GARD:0000903"]
    assert sorted(s.document_id + s.section for s in from_archive) == sorted(
        s.document_id + s.section for s in loose)
    release = next(iter(medlineplus.read(tmp_path)))
    assert isinstance(release, SourceRelease) and release.version == "MedQuAD ~2017"
    assert archive.is_file() and release.location == str(tmp_path)


def test_cut_archive_is_one_problem(tmp_path: Path) -> None:
    _archive(tmp_path, cut=0.6)
    problems = [r for r in medlineplus.read(tmp_path) if isinstance(r, Problem)]
    assert problems and problems[-1].location == "medquad_mini_QA.tar.gz"


def test_no_input_is_a_clear_error(tmp_path: Path) -> None:
    assert medlineplus.locate(tmp_path) is None
    with pytest.raises(FileNotFoundError, match="no MedQuAD archive"):
        list(medlineplus.read(tmp_path))


@pytest.fixture()
def server() -> Iterator[ReplayServer]:
    with ReplayServer() as replay:
        yield replay


def _index(server: ReplayServer) -> str:
    return (f'<a href="{server.url}/xml/mplus_topics_2024-08-09.xml">older</a>'
            '<a href="xml/mplus_topics_2024-08-10.xml">newest</a>'
            '<a href="xml/mplus_topics_compressed_2024-08-10.zip">zip</a>')


def test_fetch_downloads_the_newest_topics_file(server: ReplayServer, tmp_path: Path) -> None:
    server.add("/xml.html", _index(server), content_type="text/html")
    server.add_file("/xml/mplus_topics_2024-08-10.xml", TOPICS)
    server.fail("500", path="/xml/mplus_topics_2024-08-10.xml")
    root = medlineplus.fetch(tmp_path, base_url=server.url)
    saved = root / "mplus_topics_2024-08-10.xml"
    assert saved.read_bytes() == TOPICS.read_bytes()
    assert [path for path, _ in server.requests].count("/xml/mplus_topics_2024-08-10.xml") == 2
    assert medlineplus.locate(tmp_path) == root
    assert len(_sections(root)) == 2


def test_fetch_without_a_topics_link_fails_clearly(server: ReplayServer, tmp_path: Path) -> None:
    server.add("/xml.html", "<html>maintenance</html>", content_type="text/html")
    with pytest.raises(DownloadError, match="lists no mplus_topics"):
        medlineplus.fetch(tmp_path, base_url=server.url)
