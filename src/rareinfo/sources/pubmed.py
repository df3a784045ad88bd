"""PubMed: the latest articles per disease through NCBI E-utilities (esearch, efetch XML).

``fetch_articles`` runs one esearch (JSON, newest first) and fetches the articles in
efetch batches, saving each response as it came under
``CACHE/pubmed/<search>/<run>/``: ``esearch.json`` then ``efetch-0001.xml``, ...; a sync
that stopped half way fetches only the batches still missing. NCBI allows 3 requests a
second without an API key and 10 with one; the client stays just under.

``read`` parses efetch XML (a cache, or any directory of saved responses) into
``Article`` records, streaming: structured abstract sections kept, MeSH headings,
chemicals and publication types, the DOI, the date from ArticleDate (electronic
publication) or PubDate in any of its forms (Year/Month/Day, Season, MedlineDate
"1998 Dec-1999 Jan"), plus the treatment and the number of patients that the abstract
states (see :mod:`rareinfo.sources.abstracts`).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx

from rareinfo.records import Article, MeshTerm, Problem, Record, SourceRelease
from rareinfo.sources import abstracts, tabular
from rareinfo.sources.base import ProgressCallback, SourceInfo
from rareinfo.sources.replay import (
    ApiClient,
    ApiError,
    Politeness,
    query_slug,
    save_atomic,
    utc_now,
)

NAME = "pubmed"
EUTILS_URL = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"
ARTICLE_URL = "https://pubmed.ncbi.nlm.nih.gov/"
TOOL = "rareinfo"
BATCH_SIZE = 200  # NCBI's advice: up to 200 ids per GET
SEARCH_FILE = "esearch.json"
MANIFEST = "search.json"

INFO = SourceInfo(
    name=NAME,
    title="PubMed (NCBI E-utilities)",
    homepage="https://pubmed.ncbi.nlm.nih.gov/",
    licence="Citations and abstracts: NLM terms (https://www.nlm.nih.gov/databases/download/"
            "terms_and_conditions.html); abstracts may be under publisher copyright",
    attribution="Article citations and abstracts courtesy of the U.S. National Library of "
                "Medicine (PubMed).",
    downloads=(f"{EUTILS_URL}/esearch.fcgi", f"{EUTILS_URL}/efetch.fcgi"),
    minimum_counts=(),  # depends on the diseases searched
    build_order=70,
)

_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                "Dec")
_MONTHS = {name.lower(): number for number, name in enumerate(_MONTH_NAMES, start=1)}
_SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
_MEDLINE_DATE = re.compile(r"(\d{4})(?:\s+([A-Za-z]+))?(?:\s+(\d{1,2}))?")
_EFETCH = re.compile(r"^efetch-(\d{4,})\.xml$")
# Chemicals that are targets or genes rather than something given to patients.
_NOT_A_TREATMENT = re.compile(r"\b(protein|proteins|receptor|receptors|kinase|kinases|"
                              r"antigen|antigens|gene|genes|human|mutant)\b", re.IGNORECASE)


def politeness_for(api_key: str | None = None) -> Politeness:
    """NCBI's limits: under 3 requests a second without an API key, 10 with one."""
    return Politeness(rate=9.0 if api_key else 2.8, burst=1, retries=6, backoff=1.0,
                      timeout=60.0)


@dataclass(frozen=True, slots=True)
class ArticleSync:
    """What one ``fetch_articles`` call did."""

    path: Path
    found: int  # esearch count: all matching articles, not only those fetched
    ids: int
    batches_fetched: int
    batches_replayed: int
    complete: bool


def article_query(terms: str | Sequence[str]) -> str:
    """A PubMed query for a disease's names: quoted phrases joined by OR."""
    names = [terms] if isinstance(terms, str) else list(terms)
    quoted = ['"' + " ".join(n.replace('"', " ").split()) + '"' for n in names if n.strip()]
    if not quoted:
        raise ValueError("no terms to search for")
    return " OR ".join(dict.fromkeys(quoted))


def esearch_params(query: str, *, retmax: int, since: date | None = None,
                   api_key: str | None = None) -> dict[str, str | int]:
    """The esearch parameters: JSON, newest first, optionally only entries since a day."""
    params: dict[str, str | int] = {"db": "pubmed", "term": query, "retmode": "json",
                                    "retmax": retmax, "sort": "pub_date", "tool": TOOL}
    if since is not None:  # Entrez date: when the article entered PubMed
        params |= {"datetype": "edat", "mindate": since.strftime("%Y/%m/%d"),
                   "maxdate": "3000"}
    if api_key:
        params["api_key"] = api_key
    return params


def fetch_articles(
    terms: str | Sequence[str],
    cache_dir: Path,
    *,
    base_url: str | None = None,
    api_key: str | None = None,
    retmax: int = 100,
    since: date | None = None,
    batch_size: int = BATCH_SIZE,
    progress: ProgressCallback | None = None,
    politeness: Politeness | None = None,
    query: str | None = None,
    client: httpx.Client | None = None,
) -> ArticleSync:
    """Search PubMed for ``terms`` and save the newest ``retmax`` articles as efetch XML.

    ``query`` replaces the query built from ``terms`` (quoted names joined by OR) with a
    PubMed query of the caller's own; ``terms`` still name the search in the cache.
    """
    query = query or article_query(terms)
    search_dir = cache_dir / NAME / query_slug(query)
    run_dir = search_dir / (f"since-{since.isoformat()}" if since else "latest")
    _note(search_dir, terms, query)
    with ApiClient(base_url or EUTILS_URL, politeness or politeness_for(api_key),
                   client=client) as api:
        found, ids = _search(api, run_dir, esearch_params(
            query, retmax=retmax, since=since, api_key=api_key))
        batches = [ids[i:i + batch_size] for i in range(0, len(ids), batch_size)]
        fetched = replayed = 0
        for number, batch in enumerate(batches, start=1):
            target = run_dir / f"efetch-{number:04d}.xml"
            if _whole_xml(target):
                replayed += 1
            else:
                save_atomic(target, api.get_text("efetch.fcgi", _efetch_params(batch, api_key),
                                                 validate_efetch))
                fetched += 1
            if progress is not None:
                progress(min(number * batch_size, len(ids)), len(ids))
    _note(search_dir, terms, query, finished=run_dir.name)
    return ArticleSync(run_dir, found, len(ids), fetched, replayed, True)


def _search(api: ApiClient, run_dir: Path, params: dict[str, str | int]) -> tuple[int, list[str]]:
    """The saved esearch answer, or a new one: (count found, PMIDs in order)."""
    saved = run_dir / SEARCH_FILE
    try:
        body = json.loads(saved.read_text(encoding="utf-8"))
        validate_esearch(json.dumps(body))
    except (OSError, ValueError):
        text = api.get_text("esearch.fcgi", params, validate_esearch)
        save_atomic(saved, text)
        body = json.loads(text)
    result = body["esearchresult"]
    return int(result.get("count") or 0), [str(i) for i in result["idlist"]]


def _efetch_params(ids: list[str], api_key: str | None) -> dict[str, str | int]:
    params: dict[str, str | int] = {"db": "pubmed", "id": ",".join(ids), "retmode": "xml",
                                    "tool": TOOL}
    if api_key:
        params["api_key"] = api_key
    return params


def validate_esearch(text: str) -> None:
    """Raise ValueError unless ``text`` is a whole esearch answer with an id list."""
    body = json.loads(text)
    result = body.get("esearchresult") if isinstance(body, dict) else None
    if not isinstance(result, dict) or not isinstance(result.get("idlist"), list):
        raise ValueError(f"no esearchresult.idlist: {text[:200]!r}")
    if "ERROR" in result:
        raise ValueError(f"esearch error: {result['ERROR']}")


def validate_efetch(text: str) -> None:
    """Raise ValueError unless ``text`` is a whole PubmedArticleSet document."""
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise ValueError(f"XML cut short or damaged: {exc}") from exc
    if root.tag != "PubmedArticleSet":
        raise ValueError(f"expected PubmedArticleSet, got {root.tag}")


def _whole_xml(path: Path) -> bool:
    try:
        validate_efetch(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return True


def _note(search_dir: Path, terms: str | Sequence[str], query: str, *,
          finished: str | None = None) -> None:
    path = search_dir / MANIFEST
    try:
        manifest: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = {"terms": [terms] if isinstance(terms, str) else list(terms),
                    "query": query, "runs": {}}
    if finished is not None:
        manifest.setdefault("runs", {})[finished] = {"finished": utc_now()}
    save_atomic(path, json.dumps(manifest, indent=1))


def fetch(cache_dir: Path, *, base_url: str | None = None, api_key: str | None = None,
          politeness: Politeness | None = None) -> Path:
    """Refresh every search saved in the cache with the articles added since its last run."""
    root = cache_dir / NAME
    manifests = sorted(root.glob(f"*/{MANIFEST}")) if root.is_dir() else []
    if not manifests:
        raise ApiError(f"no saved PubMed searches in {root}: sync a disease's articles first "
                       "(fetch_articles)")
    for path in manifests:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        finished = [run["finished"][:10] for run in manifest.get("runs", {}).values()
                    if run.get("finished")]
        # A day of overlap: articles entered while the last run was under way.
        since = date.fromisoformat(max(finished)) - timedelta(days=1) if finished else None
        fetch_articles(manifest["terms"], cache_dir, base_url=base_url, api_key=api_key,
                       since=since, politeness=politeness, query=manifest.get("query"))
    return root


def is_efetch(path: Path) -> bool:
    """True for a saved efetch response (PubmedArticleSet XML), whatever its name."""
    if path.name.endswith((".meta.json", ".part", ".json")):
        return False
    head = tabular.sniff(path, 2048)
    return "<PubmedArticleSet" in head or "<!DOCTYPE PubmedArticleSet" in head


def locate(directory: Path) -> Path | None:
    """The saved efetch responses in a data directory: ``DIR/pubmed`` or ``DIR``."""
    return tabular.locate(directory, NAME, is_efetch)


def read(path: Path) -> Iterator[Record]:
    """Yield the release, then one Article per PMID found in the saved efetch responses."""
    files = [p for p in tabular.source_files(path) if is_efetch(p)]
    if not files:
        raise FileNotFoundError(f"no PubMed efetch XML in {path}; sync a disease's articles "
                                "or point --from at saved efetch responses")
    yield _release(path, files)
    seen: set[str] = set()
    for file in files:
        for item in _file_articles(file):
            if isinstance(item, Article):
                if item.pmid in seen:
                    continue  # the same article found by the searches of two diseases
                seen.add(item.pmid)
            yield item


def _release(path: Path, files: list[Path]) -> SourceRelease:
    """The newest sync date of the saved searches, else a date in the file names."""
    dates: list[date] = []
    root = path if path.is_dir() else path.parent
    for manifest in sorted(root.rglob(MANIFEST)) if path.is_dir() else []:
        try:
            runs = json.loads(manifest.read_text(encoding="utf-8")).get("runs", {})
            dates += [date.fromisoformat(r["finished"][:10]) for r in runs.values()]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            continue
    for file in files:
        if (found := tabular.find_date(str(file.relative_to(root)))) is not None:
            dates.append(found[1])
    newest = max(dates, default=None)
    return SourceRelease(NAME, newest.isoformat() if newest else "unknown", newest, str(path))


def _file_articles(path: Path) -> Iterator[Article | Problem]:
    index = 0
    try:
        with tabular.open_binary(path) as handle:
            for _, element in ET.iterparse(handle, events=("end",)):
                if element.tag != "PubmedArticle":
                    continue
                index += 1
                yield parse_article(element, f"{path.name}#{index}")
                element.clear()  # keep memory flat on large files
    except ET.ParseError as exc:
        yield Problem(NAME, f"{path.name}#{index + 1}", f"XML cut short or damaged: {exc}")
    except tabular.CORRUPT as exc:
        yield Problem(NAME, f"{path.name}#{index + 1}",
                      f"file unreadable after {index} articles (truncated download?): {exc}")


def parse_article(element: ET.Element, where: str) -> Article | Problem:
    """One <PubmedArticle> as an Article, or the Problem that prevents it."""
    citation = element.find("MedlineCitation")
    article = citation.find("Article") if citation is not None else None
    pmid = _text(citation.find("PMID")) if citation is not None else None
    if citation is None or article is None or not pmid or not _is_number(pmid):
        return Problem(NAME, where, "PubmedArticle without a PMID and an Article")
    title = _text(article.find("ArticleTitle")) or _text(article.find("VernacularTitle"))
    if not title:
        return Problem(NAME, where, f"PMID {pmid} has no title")
    sections = _abstract(article)
    chemicals, drugs = _chemicals(citation)
    journal = article.find("Journal")
    published, printed = _published(article)
    return Article(
        source=NAME, pmid=pmid, title=title,
        journal=_text(journal.find("Title")) if journal is not None else None,
        journal_abbreviation=(_text(journal.find("ISOAbbreviation")) if journal is not None
                              else None) or _text(citation.find("MedlineJournalInfo/MedlineTA")),
        published=published, published_text=printed,
        abstract=sections,
        mesh=_mesh(citation),
        chemicals=chemicals,
        publication_types=tuple(t for e in article.iterfind("PublicationTypeList/"
                                                            "PublicationType")
                                if (t := _text(e))),
        doi=_doi(element, article),
        treatment=abstracts.treatment(title, sections, drugs),
        patients=abstracts.patient_count(title, sections),
        summary=abstracts.summary_sentence(sections),
    )


def _text(element: ET.Element | None) -> str | None:
    """All text inside an element (markup such as <i> and <sub> dropped), spaces tidied."""
    if element is None:
        return None
    return " ".join("".join(element.itertext()).split()) or None


def _abstract(article: ET.Element) -> tuple[tuple[str, str], ...]:
    sections = []
    for part in article.iterfind("Abstract/AbstractText"):
        text = _text(part)
        if text:
            label = part.get("Label") or part.get("NlmCategory") or ""
            sections.append((label.strip(), text))
    return tuple(sections)


def _mesh(citation: ET.Element) -> tuple[MeshTerm, ...]:
    terms = []
    for heading in citation.iterfind("MeshHeadingList/MeshHeading"):
        descriptor = heading.find("DescriptorName")
        name = _text(descriptor)
        if descriptor is None or not name:
            continue
        major = descriptor.get("MajorTopicYN") == "Y" or any(
            q.get("MajorTopicYN") == "Y" for q in heading.iterfind("QualifierName"))
        terms.append(MeshTerm(descriptor.get("UI"), name, major))
    return tuple(terms)


def _chemicals(citation: ET.Element) -> tuple[tuple[MeshTerm, ...], list[str]]:
    """The indexed chemicals, and those that can be a treatment (substances, drug concepts).

    Registry number 0 marks a class ("Antineoplastic Agents"); gene products and targets
    ("BRAF protein, human") are substances but not treatments.
    """
    chemicals: list[MeshTerm] = []
    drugs: list[str] = []
    for chemical in citation.iterfind("ChemicalList/Chemical"):
        substance = chemical.find("NameOfSubstance")
        name = _text(substance)
        if substance is None or not name:
            continue
        chemicals.append(MeshTerm(substance.get("UI"), name))
        registry = _text(chemical.find("RegistryNumber")) or "0"
        if registry != "0" and not _NOT_A_TREATMENT.search(name):
            drugs.append(name)
    for concept in citation.iterfind("SupplMeshList/SupplMeshName"):
        name = _text(concept)
        if name and concept.get("Type") in ("Drug", "Protocol"):
            if name not in {c.term for c in chemicals}:
                chemicals.append(MeshTerm(concept.get("UI"), name))
            drugs.append(name)
    return tuple(chemicals), drugs


def _doi(element: ET.Element, article: ET.Element) -> str | None:
    for ident in element.iterfind("PubmedData/ArticleIdList/ArticleId"):
        if ident.get("IdType") == "doi" and (value := _text(ident)):
            return value
    for location in article.iterfind("ELocationID"):
        if location.get("EIdType") == "doi" and (value := _text(location)):
            return value
    return None


def _published(article: ET.Element) -> tuple[date | None, str | None]:
    """(date, printed form): the electronic date when given, else the issue's PubDate."""
    pub = article.find("Journal/JournalIssue/PubDate")
    printed = _printed(pub)
    electronic = article.find("ArticleDate")
    if electronic is not None and (when := _ymd(electronic)) is not None:
        return when, printed
    if pub is None:
        return None, printed
    return _ymd(pub) or parse_medline_date(_text(pub.find("MedlineDate"))), printed


def _printed(pub: ET.Element | None) -> str | None:
    if pub is None:
        return None
    if (medline := _text(pub.find("MedlineDate"))) is not None:
        return medline
    parts = [_text(pub.find(tag)) for tag in ("Year", "Season", "Month", "Day")]
    if (month := _month_number(parts[2])) is not None:  # "05" -> "May"
        parts[2] = _MONTH_NAMES[month - 1]
    return " ".join(p for p in parts if p) or None


def _is_number(text: str) -> bool:
    return text.isascii() and text.isdigit()


def _ymd(element: ET.Element) -> date | None:
    year = _text(element.find("Year"))
    if not year or not year.isdigit():
        return None
    month = _month(_text(element.find("Month")) or _text(element.find("Season")))
    day = _text(element.find("Day"))
    try:
        return date(int(year), month or 1, int(day) if day and day.isdigit() and month else 1)
    except (ValueError, OverflowError):  # OverflowError: a 20-digit year or day
        return None


def _month_number(text: str | None) -> int | None:
    """1-12 for a month written as a number ("05"); None otherwise."""
    # isdecimal, not isdigit: "²" is a digit that int() refuses; length: so is "9" * 5000.
    if not text or not text.isdecimal() or len(text) > 2:
        return None
    return int(text) if 1 <= int(text) <= 12 else None


def _month(text: str | None) -> int | None:
    if not text:
        return None
    if text.isdigit():
        return _month_number(text)
    lowered = text.lower()
    return _MONTHS.get(lowered[:3]) or _SEASONS.get(lowered)


def parse_medline_date(text: str | None) -> date | None:
    """The first day a MedlineDate names: "1998 Dec-1999 Jan" -> 1998-12-01."""
    match = _MEDLINE_DATE.match(text or "")
    if match is None:
        return None
    year, month, day = match.groups()
    number = _month(month)
    try:
        return date(int(year), number or 1, int(day) if day and number else 1)
    except ValueError:
        return None
