"""The differential diagnosis as the web answers it, shared by the JSON API and the page."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from fastapi import HTTPException

from rareinfo.phenotype.calibration import Mode, describe
from rareinfo.phenotype.results import Diagnosis
from rareinfo.phenotype.text import TextMapping
from rareinfo.service.diagnosis import ranked_scope
from rareinfo.service.live import Snapshot

MAX_TERMS = 100
MAX_TEXT = 2000
DISCLAIMER = ("This ranking supports a clinician's judgement; it does not replace it. Talk to "
              "a healthcare professional about any symptoms.")


@dataclass(frozen=True, slots=True)
class Ranking:
    """The ranked diseases and, when symptoms came as text, how the text was read."""

    diagnosis: Diagnosis
    mapping: TextMapping | None
    ranked: str  # what was ranked, out of how many pages (service.diagnosis.ranked_scope)

    @property
    def certainty_text(self) -> str | None:
        """How sure the ranking is, in words, from the calibration table (lr only)."""
        certainty = self.diagnosis.certainty
        return None if certainty is None else describe(certainty)


def run_diagnosis(snapshot: Snapshot, present: list[str], excluded: list[str],
                  text: str | None, top: int, method: str,
                  mode: Mode = "clinician") -> Ranking:
    """Map the text and rank every disease; 422 when no present symptom is left."""
    model = snapshot.model()
    mapping: TextMapping | None = None
    if text:
        mapping = model.map_text(text)
        present = [*present, *mapping.present]
        excluded = [*excluded, *mapping.excluded]
    if not present:
        raise HTTPException(422, "give at least one present symptom (an HPO id or plain words)")
    diagnosis = model.rank(present, excluded, top=top, method=method, explain=min(top, 20),
                           mode=mode)
    return Ranking(diagnosis, mapping, ranked_scope(snapshot.kb.page_counts(), diagnosis))


def disease_url(disease_id: str) -> str:
    """The page of a ranked disease."""
    return f"/diseases/{disease_id}"


def ranking_dict(ranking: Ranking) -> dict[str, Any]:
    """The ranking as plain data for the page, with the disclaimer and each page's address."""
    body = ranking.diagnosis.to_dict()
    body["disclaimer"] = DISCLAIMER
    body["ranked"] = ranking.ranked
    body["certainty_text"] = ranking.certainty_text
    body["text"] = dataclasses.asdict(ranking.mapping) if ranking.mapping is not None else None
    for result in body["results"]:
        result["url"] = disease_url(result["disease_id"])
    return body
