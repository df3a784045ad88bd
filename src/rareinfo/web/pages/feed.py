"""The Atom 1.0 feed of a disease page's clinical trials and PubMed articles."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, date, datetime

from rareinfo.kb.models import Disease, ResearchArticle, Trial

ATOM = "http://www.w3.org/2005/Atom"
MEDIA_TYPE = "application/atom+xml"
MAX_ENTRIES = 50
# Characters XML 1.0 does not allow, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One trial or article as a feed entry."""

    id: str
    title: str
    updated: date | None  # start or publication date: the feed's order
    link: str
    summary: str
    released: date | None = None  # the source release: the date of an undated entry


def _text(value: str) -> str:
    """Text safe to put in XML: characters XML cannot carry removed."""
    return _NOT_XML.sub("", value)


def _stamp(day: date) -> str:
    """A day as an RFC 3339 timestamp (midnight UTC)."""
    return f"{day.isoformat()}T00:00:00Z"


def _release_day(release: str) -> date | None:
    """The day of a release version like "2026-08-11", if it is one."""
    try:
        return date.fromisoformat(release[:10])
    except ValueError:
        return None


def trial_entry(trial: Trial) -> FeedEntry:
    """A trial as an entry: dated by its start (else its release), summarised by its design."""
    status = trial.status.replace("_", " ").capitalize() if trial.status else None
    design = trial.study_type.replace("_", " ").lower() if trial.study_type else None
    facts = [status, design, ", ".join(trial.phases) or None,
             f"{trial.enrollment:,} participants" if trial.enrollment is not None else None,
             f"start {trial.start_date.isoformat()}" if trial.start_date else None]
    summary = " · ".join(f for f in facts if f) or "Clinical trial"
    return FeedEntry(trial.url, f"{trial.nct_id}: {trial.title}", trial.start_date, trial.url,
                     summary, _release_day(trial.release))


def article_entry(article: ResearchArticle) -> FeedEntry:
    """An article as an entry: dated by publication, summarised by its finding."""
    summary = article.summary or " ".join(
        p for p in (article.journal, article.published_text) if p) or "PubMed article"
    return FeedEntry(article.url, article.title, article.published, article.url, summary,
                     _release_day(article.release))


def feed_entries(disease: Disease) -> list[FeedEntry]:
    """The page's trials and articles, newest first (undated last), at most 50."""
    entries = [trial_entry(t) for t in disease.trials] + [
        article_entry(a) for a in disease.articles]
    entries.sort(key=lambda e: (e.updated is not None, e.updated or date.min), reverse=True)
    return entries[:MAX_ENTRIES]


def disease_feed(disease: Disease, feed_url: str, page_url: str) -> bytes:
    """The Atom document (UTF-8) for a disease page."""
    entries = feed_entries(disease)
    days = [e.updated for e in entries if e.updated is not None]
    updated = _stamp(max(days)) if days else datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _add(feed, "id", feed_url)
    _add(feed, "title", f"{disease.name} — new trials and research (rareinfo)")
    _add(feed, "updated", updated)
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _add(author, "name", "rareinfo")
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=_text(feed_url),
                  type=MEDIA_TYPE)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", href=_text(page_url),
                  type="text/html")
    for entry in entries:
        node = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _add(node, "id", entry.id)
        _add(node, "title", entry.title)
        day = entry.updated or entry.released
        _add(node, "updated", _stamp(day) if day else updated)
        ET.SubElement(node, f"{{{ATOM}}}link", rel="alternate", href=_text(entry.link))
        _add(node, "summary", entry.summary)
    document: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return document


def _add(parent: ET.Element, tag: str, text: str) -> ET.Element:
    """A child element holding escaped text."""
    child = ET.SubElement(parent, f"{{{ATOM}}}{tag}")
    child.text = _text(text)
    return child
