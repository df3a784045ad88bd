"""The PubMed E-utilities client against the replay server, the efetch reader, extraction."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from rareinfo.records import Article, MeshTerm, Problem, SourceRelease
from rareinfo.sources import abstracts, pubmed
from rareinfo.sources.replay import ApiError, Politeness
from tests.replay_server import ReplayServer

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "pubmed_mini"
FAST = Politeness(rate=1000.0, burst=10, retries=3, backoff=0.0, max_wait=0.0, timeout=0.2)
PMIDS = ["39000001", "39000002", "39000003"]


@pytest.fixture()
def server() -> Iterator[ReplayServer]:
    with ReplayServer() as replay:
        replay.add_file("/eutils/esearch.fcgi", MINI / "esearch.json")
        replay.add_file("/eutils/efetch.fcgi", MINI / "efetch_batch1.xml",
                        query={"id": ",".join(PMIDS[:2])})
        replay.add_file("/eutils/efetch.fcgi", MINI / "efetch_batch2.xml",
                        query={"id": PMIDS[2]})
        yield replay


def _sync(server: ReplayServer, cache: Path, **options: object) -> pubmed.ArticleSync:
    return pubmed.fetch_articles(["Phelan-McDermid syndrome"], cache,
                                 base_url=f"{server.url}/eutils", politeness=FAST,
                                 batch_size=2, **options)  # type: ignore[arg-type]


def _articles(path: Path) -> dict[str, Article]:
    return {a.pmid: a for a in pubmed.read(path) if isinstance(a, Article)}


def test_esearch_parameters() -> None:
    params = pubmed.esearch_params('"x"', retmax=20, since=date(2026, 1, 2), api_key="k")
    assert params["sort"] == "pub_date" and params["retmode"] == "json"
    assert (params["mindate"], params["maxdate"], params["datetype"]) == (
        "2026/01/02", "3000", "edat")
    assert params["api_key"] == "k" and params["retmax"] == 20
    assert "api_key" not in pubmed.esearch_params('"x"', retmax=5)


def test_rate_limits_follow_ncbi() -> None:
    assert pubmed.politeness_for(None).rate < 3 < pubmed.politeness_for("key").rate < 10


def test_fetch_searches_then_fetches_in_batches(server: ReplayServer, tmp_path: Path) -> None:
    seen: list[tuple[int, int | None]] = []
    sync = _sync(server, tmp_path, progress=lambda done, total: seen.append((done, total)),
                 api_key="secret")
    assert (sync.found, sync.ids, sync.batches_fetched, sync.complete) == (57, 3, 2, True)
    assert seen == [(2, 3), (3, 3)]
    assert sorted(p.name for p in sync.path.iterdir()) == [
        "efetch-0001.xml", "efetch-0002.xml", "esearch.json"]
    paths = [path for path, _ in server.requests]
    assert paths == ["/eutils/esearch.fcgi", "/eutils/efetch.fcgi", "/eutils/efetch.fcgi"]
    search = server.requests[0][1]
    assert search["term"] == '"Phelan-McDermid syndrome"' and search["api_key"] == "secret"
    assert server.requests[1][1]["retmode"] == "xml"


def test_a_second_sync_replays_the_cache(server: ReplayServer, tmp_path: Path) -> None:
    _sync(server, tmp_path)
    again = _sync(server, tmp_path)
    assert (again.batches_fetched, again.batches_replayed) == (0, 2)
    assert len(server.requests) == 3


@pytest.mark.parametrize("fault", ["429", "500", "timeout", "truncated", "cut"])
def test_efetch_faults_are_retried(server: ReplayServer, tmp_path: Path, fault: str) -> None:
    server.fail(fault, path="/eutils/efetch.fcgi", query={"id": PMIDS[2]}, delay=0.4)
    sync = _sync(server, tmp_path)
    assert sync.batches_fetched == 2 and len(server.requests) == 4
    assert set(_articles(sync.path)) == set(PMIDS)


def test_a_failed_batch_is_fetched_on_the_next_sync(server: ReplayServer,
                                                    tmp_path: Path) -> None:
    server.fail("500", times=FAST.retries + 1, query={"id": PMIDS[2]})
    with pytest.raises(ApiError):
        _sync(server, tmp_path)
    before = len(server.requests)
    sync = _sync(server, tmp_path)
    assert (sync.batches_fetched, sync.batches_replayed) == (1, 1)
    assert [q.get("id") for _, q in server.requests[before:]] == [PMIDS[2]]


def test_esearch_errors_are_retried(server: ReplayServer, tmp_path: Path) -> None:
    server.fail("cut", path="/eutils/esearch.fcgi")
    assert _sync(server, tmp_path).ids == 3


def test_read_structured_abstract_mesh_and_dates() -> None:
    article = _articles(MINI)["39000001"]
    assert article.title == "Intranasal oxytocin in SHANK3-related Phelan-McDermid syndrome."
    assert article.journal == "Orphanet journal of rare diseases"
    assert article.journal_abbreviation == "Orphanet J Rare Dis"
    assert article.published == date(2024, 1, 19) and article.published_text == "2024 Mar"
    assert [label for label, _ in article.abstract] == [
        "BACKGROUND", "PATIENTS AND METHODS", "RESULTS", "CONCLUSIONS"]
    assert MeshTerm("D010121", "Oxytocin", major=True) in article.mesh
    assert article.publication_types == ("Randomized Controlled Trial", "Journal Article")
    assert article.doi == "10.1186/s13023-024-00001-x"
    assert (article.patients, article.treatment) == (18, "intranasal oxytocin")


def test_read_medline_and_season_dates_and_unstructured_abstracts() -> None:
    articles = _articles(MINI)
    older = articles["39000002"]
    assert older.published == date(1998, 12, 1) and older.published_text == "1998 Dec-1999 Jan"
    assert older.abstract[0][0] == "" and older.patients == 42
    assert older.treatment == "recombinant growth hormone"
    assert older.chemicals == (MeshTerm("C000000001", "somatropin"),)
    survey = articles["39000003"]
    assert survey.published == date(2023, 6, 1) and survey.published_text == "2023 Summer"
    assert (survey.patients, survey.treatment, survey.doi) == (None, None, None)


def test_read_reports_damaged_articles_and_keeps_going(tmp_path: Path) -> None:
    items = list(pubmed.read(MINI))
    assert isinstance(items[0], SourceRelease)
    assert [p.location for p in items if isinstance(p, Problem)] == ["efetch_batch2.xml#2"]
    cut = (MINI / "efetch_batch1.xml").read_text()[:2500]
    (tmp_path / "cut.xml").write_text(cut)
    problems = [p for p in pubmed.read(tmp_path) if isinstance(p, Problem)]
    assert len(problems) == 1 and "cut short" in problems[0].message


def test_the_same_article_from_two_searches_is_read_once(server: ReplayServer,
                                                          tmp_path: Path) -> None:
    _sync(server, tmp_path)
    pubmed.fetch_articles(["22q13 deletion"], tmp_path, base_url=f"{server.url}/eutils",
                          politeness=FAST, batch_size=2)
    items = list(pubmed.read(tmp_path / "pubmed"))
    assert len([a for a in items if isinstance(a, Article)]) == 3
    release = items[0]
    assert isinstance(release, SourceRelease) and release.released is not None
    assert pubmed.locate(tmp_path) == tmp_path / "pubmed"


def test_refresh_searches_since_the_last_sync(server: ReplayServer, tmp_path: Path) -> None:
    _sync(server, tmp_path)
    server.add_file("/eutils/efetch.fcgi", MINI / "efetch_batch1.xml",
                    query={"id": ",".join(PMIDS)})
    pubmed.fetch(tmp_path, base_url=f"{server.url}/eutils", politeness=FAST)
    searches = [query for path, query in server.requests if path.endswith("esearch.fcgi")]
    assert "mindate" not in searches[0] and "mindate" in searches[1]
    manifest = json.loads(next((tmp_path / "pubmed").rglob("search.json")).read_text())
    assert len(manifest["runs"]) == 2 and "latest" in manifest["runs"]


# Extraction on hand-written sentences: what must be found, and what must not.

@pytest.mark.parametrize(("text", "expected"), [
    ("We enrolled 288 patients with acute lymphoblastic leukemia.", 288),
    ("This was a cohort of 1,024 children with newly diagnosed ALL.", 1024),
    ("Patients with Gaucher disease type 1 (n = 45) were enrolled.", 45),
    ("Forty-two patients were treated with blinatumomab.", 42),
    ("A total of 3849 patients underwent randomization, and 3836 were analysed.", 3849),
    ("We retrospectively reviewed 17 consecutive adult patients with Castleman disease.", 17),
    ("Of the 31 participants, 12 completed the study.", 31),
])
def test_patient_counts_found(text: str, expected: int) -> None:
    assert abstracts.patient_count("", [("METHODS", text)]) == expected


@pytest.mark.parametrize("text", [
    "The median age at diagnosis was 10 years (p = 0.05).",
    "Activating mutations are found in 50% of patients with melanoma.",
    "We studied 3 of 12 patients.",
    "Patients received 10 mg/kg every 2 weeks.",
    "Two patients died.",  # a count without a study verb: an event, not the cohort
    "We included 15 stage 3 patients and 40-50 controls.",
    "In 2019 patients were enrolled at 12 centres.",
    "We enrolled two groups of 20 patients each.",
    "Treatment arms (n = 20 and n = 25) were enrolled in patients.",
    "Patients carrying the V600E mutation were included.",
])
def test_patient_counts_not_guessed(text: str) -> None:
    assert abstracts.patient_count("", [("RESULTS", text)]) is None


def test_background_sections_are_not_the_study() -> None:
    sections = [("BACKGROUND", "Registries have enrolled 5000 patients worldwide."),
                ("METHODS", "We describe a new assay.")]
    assert abstracts.patient_count("", sections) is None


def test_a_count_in_the_title_needs_no_verb() -> None:
    assert abstracts.patient_count("Outcomes of 56 children with Wilms tumour", []) == 56


@pytest.mark.parametrize(("text", "expected"), [
    ("Children were treated with blinatumomab.", "blinatumomab"),
    ("All patients received imatinib plus chemotherapy.", "imatinib plus chemotherapy"),
    ("Patients were randomized to receive nusinersen or sham procedure.", "nusinersen"),
    ("We randomly assigned 322 patients to receive either trametinib, an oral MEK inhibitor, "
     "or chemotherapy.", "trametinib"),
    ("Patients received a single dose of onasemnogene abeparvovec.", "onasemnogene abeparvovec"),
    ("All patients underwent allogeneic hematopoietic stem cell transplantation.",
     "allogeneic hematopoietic stem cell transplantation"),
])
def test_treatments_found(text: str, expected: str) -> None:
    assert abstracts.treatment("", [("METHODS", text)]) == expected


@pytest.mark.parametrize("text", [
    "Patients received a questionnaire about their symptoms.",
    "Patients received a diagnosis at a median age of 10 years.",
    "Families were given information leaflets.",
    "Patients were randomly assigned to one of three regimens.",
    "Treatment with a new regimen was discussed with families and the local committee.",
])
def test_treatments_not_guessed(text: str) -> None:
    assert abstracts.treatment("", [("METHODS", text)]) is None


def test_mesh_drugs_name_the_treatment_from_the_title() -> None:
    title = "Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma."
    assert abstracts.treatment(title, [], ["Budesonide", "Formoterol Fumarate"]) == (
        "budesonide-formoterol")
    assert abstracts.treatment(title, []) is None  # no MeSH: no guess from the title
