"""NIH plain-language texts: MedlinePlus health topics, MedlinePlus Genetics and MedQuAD.

Two forms are read:

- the MedQuAD question-answer documents (``medquad_*.tar.gz``, or their XML files): pages
  of GARD, Genetics Home Reference (today MedlinePlus Genetics), MedlinePlus health
  topics, NCI's PDQ patient summaries, NINDS, NIDDK, NHLBI, CDC and NIHSeniorHealth,
  crawled around 2017, one ``PlainText`` per answered question;
- the official MedlinePlus health topics XML (``mplus_topics_YYYY-MM-DD.xml``), which
  ``fetch`` downloads: one "information" section per English topic.

``read`` yields the release first, then the sections; a malformed document is a
``Problem`` with its location and never stops the read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import urljoin

from rareinfo.records import Problem, Record, SourceRelease
from rareinfo.sources.base import DownloadError, SourceInfo, download
from rareinfo.sources.medlineplus import medquad, topics

NAME = "medlineplus"
TOPICS_INDEX = "https://medlineplus.gov/xml.html"
GENETICS_DOWNLOADS = "https://medlineplus.gov/about/developers/geneticsdatafilesapi/"
MEDQUAD_CAPTURED = medquad.CAPTURED
_TOPICS_LINK = re.compile(r'href="([^"]*mplus_topics_(\d{4}-\d{2}-\d{2})\.xml)"')

INFO = SourceInfo(
    name=NAME,
    title="MedlinePlus and NIH plain-language pages",
    homepage="https://medlineplus.gov/",
    licence=("Texts of NIH sites: public domain (US government work); MedQuAD collection: "
             "CC BY 4.0"),
    attribution=(
        "Plain-language texts from MedlinePlus, MedlinePlus Genetics (Genetics Home "
        "Reference), GARD, the National Cancer Institute (PDQ), NINDS, NIDDK, NHLBI, CDC and "
        "NIHSeniorHealth, U.S. National Institutes of Health; question-answer documents of "
        "MedQuAD (Ben Abacha and Demner-Fushman, BMC Bioinformatics 2019, CC BY 4.0), "
        "captured around 2017."
    ),
    downloads=(TOPICS_INDEX, GENETICS_DOWNLOADS),
    # Every complete input holds the MedlinePlus health topics (MedQuAD's 981, or about a
    # thousand English topics in the daily file); the other collections come only with
    # the MedQuAD archives (there: GARD 5,389, GHR 5,430, CancerGov 729 sections).
    minimum_counts=(("MPlusHealthTopics sections", 900),),
    build_order=80,
)


def locate(directory: Path) -> Path | None:
    """The plain-language files in ``DIR/medlineplus`` or ``DIR`` itself, else None."""
    for candidate in (directory / NAME, directory):
        if candidate.is_dir() and _inputs(candidate):
            return candidate
    return None


def _inputs(directory: Path) -> list[Path]:
    """The MedQuAD archives and health topics files in ``directory``; itself for loose XML.

    Every health topics file is read (excerpts of one day's file overlap; their sections
    share document ids, which the knowledge base keeps once).
    """
    archives = sorted(p for p in directory.iterdir() if medquad.is_archive(p))
    files = sorted(p for p in directory.iterdir() if topics.is_topics_file(p))
    loose = [directory] if medquad.has_documents(directory) else []
    return archives + files + loose


def fetch(cache_dir: Path, *, base_url: str | None = None) -> Path:
    """Download the newest MedlinePlus health topics XML into ``cache_dir/medlineplus``."""
    target = cache_dir / NAME
    index_url = f"{base_url.rstrip('/')}/xml.html" if base_url else TOPICS_INDEX
    index = download(index_url, target / "xml.html").path
    links = _TOPICS_LINK.findall(index.read_text(encoding="utf-8", errors="replace"))
    if not links:
        raise DownloadError(f"{index_url} lists no mplus_topics_YYYY-MM-DD.xml file")
    href, day = max(links, key=lambda link: link[1])
    download(urljoin(index_url, href), target / f"mplus_topics_{day}.xml")
    return target


def read(path: Path) -> Iterator[Record]:
    """Yield the release, then every section with content; Problems for malformed pages."""
    inputs = _inputs(path) if path.is_dir() else [path] if path.is_file() else []
    if not inputs:
        raise FileNotFoundError(
            f"no MedQuAD archive, MedQuAD XML or mplus_topics XML in {path}; "
            "download the health topics with `rareinfo sync medlineplus` or point --from "
            "at a copy")
    yield release_of(inputs, path)
    for item in inputs:
        if topics.is_topics_file(item):
            yield from topics.read_topics(item)
            continue
        for document in medquad.documents(item):
            if isinstance(document, Problem):
                yield document
            else:
                yield from medquad.parse(*document)


def release_of(inputs: list[Path], path: Path) -> SourceRelease:
    """The release: the health topics date where read, and the MedQuAD capture (~2017)."""
    versions: list[str] = []
    released: date | None = None
    for item in inputs:
        if topics.is_topics_file(item):
            day = topics.generated(item)
            if day is not None:
                released = max(released, day) if released else day
                versions.append(f"health topics {day.isoformat()}")
        elif f"MedQuAD {MEDQUAD_CAPTURED}" not in versions:
            versions.append(f"MedQuAD {MEDQUAD_CAPTURED}")
    return SourceRelease(NAME, ", ".join(dict.fromkeys(versions)) or "unknown", released,
                         str(path))
