"""Finding what a URL names: shared by the pages and the JSON API so both answer alike."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import HTTPException

from rareinfo import curie as curies
from rareinfo.kb.models import Disease, Phenotype, Resolution
from rareinfo.search.base import EntityKind, SearchHit
from rareinfo.service.live import Snapshot
from rareinfo.web.errors import NotFoundWithSuggestions
from rareinfo.web.inputs import clean_identifier


@dataclass(frozen=True, slots=True)
class Moved:
    """The identifier names something whose canonical address is elsewhere."""

    canonical: str


def hit_dict(hit: SearchHit) -> dict[str, str]:
    """A search hit as a small JSON-able dict with the page URL."""
    return {"id": hit.curie, "label": hit.label, "kind": hit.kind,
            "matched": hit.matched_text, "url": page_url(hit.kind, hit.curie)}


def page_url(kind: str, curie: str) -> str:
    """The page of a disease or phenotype; a gene's JSON (genes have no HTML page yet)."""
    if kind == "gene":
        return f"/api/v1/genes/{curie}"
    return f"/diseases/{curie}" if kind == "disease" else f"/phenotypes/{curie}"


def suggestions(snapshot: Snapshot, text: str, kind: EntityKind | None = None,
                limit: int = 5) -> list[dict[str, str]]:
    """Nearest names to a text that found nothing, for "did you mean"."""
    if not text.strip():
        return []
    hits = snapshot.index.search(text, kind=kind, limit=limit)
    if not hits:
        hits = [h for h in snapshot.index.suggest(text, limit=limit * 2)
                if kind is None or h.kind == kind][:limit]
    return [hit_dict(h) for h in hits]


def find_disease(snapshot: Snapshot, identifier: str) -> Disease | Moved:
    """The disease an identifier names, a redirect to its primary id, or a 404."""
    identifier = clean_identifier(identifier)
    resolution = snapshot.kb.resolve_identifier(identifier)
    if resolution is not None and resolution.disease_id is None:
        raise HTTPException(410, _retired_message(resolution))
    primary = resolution.disease_id if resolution else None
    if primary is None:
        words = identifier.replace("_", " ") if not curies.looks_like_identifier(
            identifier) else identifier
        raise NotFoundWithSuggestions(
            f"No disease has the identifier “{identifier}”.",
            suggestions(snapshot, words, "disease"),
        )
    if primary != identifier:
        return Moved(primary)
    disease = snapshot.kb.disease(primary)
    if disease is None:  # identifier table and disease table disagree: a build bug
        raise NotFoundWithSuggestions(f"No disease has the identifier “{identifier}”.", [])
    return disease


def _retired_message(resolution: Resolution) -> str:
    formerly = f" (formerly “{resolution.note}”)" if resolution.note else ""
    if resolution.status == "obsolete":
        return (f"{resolution.curie}{formerly} is obsolete in its source and has no "
                "replacement; search for the condition by name.")
    return (f"{resolution.curie}{formerly} was served by an earlier release but no current "
            "source describes it; search for the condition by name.")


def find_phenotype(snapshot: Snapshot, identifier: str) -> Phenotype | Moved:
    """The HPO term an identifier names, a redirect to its current id, or a 404."""
    identifier = clean_identifier(identifier)
    term_id = snapshot.kb.resolve_phenotype(identifier)
    if term_id is None:
        raise NotFoundWithSuggestions(
            f"No phenotype (HPO term) has the identifier “{identifier}”.",
            suggestions(snapshot, identifier, "phenotype"),
        )
    if term_id != identifier:
        return Moved(term_id)
    phenotype = snapshot.kb.phenotype(term_id)
    if phenotype is None:
        raise NotFoundWithSuggestions(f"No phenotype has the identifier “{identifier}”.", [])
    return phenotype


def disease_page_id(snapshot: Snapshot, identifier: str) -> str:
    """The page any identifier of a disease leads to (404 with suggestions, 410 if retired)."""
    identifier = clean_identifier(identifier)
    resolution = snapshot.kb.resolve_identifier(identifier)
    if resolution is not None and resolution.disease_id is None:
        raise HTTPException(410, _retired_message(resolution))
    if resolution is None or resolution.disease_id is None:
        raise NotFoundWithSuggestions(f"No disease has the identifier “{identifier}”.",
                                      suggestions(snapshot, identifier, "disease"))
    return resolution.disease_id


def phenotype_term_id(snapshot: Snapshot, identifier: str) -> str:
    """The current id of the HPO term an identifier names (alt_ids followed), or a 404."""
    identifier = clean_identifier(identifier)
    term_id = snapshot.kb.resolve_phenotype(identifier)
    if term_id is None:
        raise NotFoundWithSuggestions(
            f"No phenotype (HPO term) has the identifier “{identifier}”.",
            suggestions(snapshot, identifier, "phenotype"))
    return term_id
