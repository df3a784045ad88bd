"""GA4GH phenopackets (schema v2, JSON) -> the present and excluded HPO terms of a case.

Only what the diagnosis needs is read: ``phenotypicFeatures[].type.id`` with
``excluded: true`` for absent features, the subject's id and sex, the diagnoses given
(``diseases[].term.id``, ``interpretations[].diagnosis.disease.id``) and the earliest
age of onset, mapped to an HPO onset class. Malformed input raises
:class:`PhenopacketError` with a one-line message naming the offending field.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# HPO onset classes by lower bound in days (antenatal onsets are not given as an age).
ONSET_CLASSES: tuple[tuple[float, str, str], ...] = (
    (0, "HP:0003577", "Congenital onset"),
    (1, "HP:0003623", "Neonatal onset"),
    (29, "HP:0003593", "Infantile onset"),
    (365, "HP:0011463", "Childhood onset"),
    (5 * 365, "HP:0003621", "Juvenile onset"),
    (16 * 365, "HP:0011462", "Young adult onset"),
    (40 * 365, "HP:0003596", "Middle age onset"),
    (60 * 365, "HP:0003584", "Late onset"),
)
_DURATION = re.compile(
    r"^P(?:(?P<y>\d+(?:\.\d+)?)Y)?(?:(?P<m>\d+(?:\.\d+)?)M)?(?:(?P<w>\d+(?:\.\d+)?)W)?"
    r"(?:(?P<d>\d+(?:\.\d+)?)D)?(?:T.*)?$"
)
_CURIE = re.compile(r"^[A-Za-z][A-Za-z0-9_.]*:\S+$")


class PhenopacketError(ValueError):
    """A phenopacket that cannot be read; the message is one line."""


@dataclass(frozen=True, slots=True)
class PhenopacketCase:
    """The parts of a phenopacket the differential diagnosis uses."""

    id: str
    present: tuple[str, ...]
    excluded: tuple[str, ...]
    diagnoses: tuple[str, ...] = ()
    sex: str | None = None
    onset: str | None = None  # HPO onset class of the earliest age given, if any


def read_phenopacket(path: Path) -> PhenopacketCase:
    """Read a phenopacket JSON file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PhenopacketError(f"{path}: cannot read: {exc}") from exc
    return parse_phenopacket(text, source=str(path))


def parse_phenopacket(text: str | bytes, source: str = "phenopacket") -> PhenopacketCase:
    """Parse phenopacket JSON text."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PhenopacketError(
            f"{source}: not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from exc
    return phenopacket_case(document, source)


def phenopacket_case(document: Any, source: str = "phenopacket") -> PhenopacketCase:
    """Extract the case from a decoded phenopacket."""
    if not isinstance(document, dict):
        raise PhenopacketError(f"{source}: expected a JSON object, found {_kind(document)}")
    features = document.get("phenotypicFeatures", [])
    if not isinstance(features, list):
        raise PhenopacketError(f"{source}: phenotypicFeatures must be a list")
    present: list[str] = []
    excluded: list[str] = []
    onsets: list[float] = []
    for number, feature in enumerate(features):
        where = f"{source}: phenotypicFeatures[{number}]"
        term = _term_id(feature.get("type") if isinstance(feature, dict) else None, where)
        flag = feature.get("excluded", False)
        if not isinstance(flag, bool):
            raise PhenopacketError(f"{where}.excluded must be true or false, found {flag!r}")
        (excluded if flag else present).append(term)
        onsets.extend(_days(feature.get("onset"), f"{where}.onset"))
    if not present and not excluded:
        raise PhenopacketError(f"{source}: no phenotypicFeatures with an HPO term")
    subject = document.get("subject")
    subject = subject if isinstance(subject, dict) else {}
    diseases = _diagnoses(document, source, onsets)
    return PhenopacketCase(
        id=str(document.get("id") or subject.get("id") or source),
        present=tuple(dict.fromkeys(present)),
        excluded=tuple(dict.fromkeys(excluded)),
        diagnoses=diseases,
        sex=subject.get("sex"),
        onset=onset_class(min(onsets)) if onsets else None,
    )


def _term_id(term: Any, where: str) -> str:
    if not isinstance(term, dict):
        raise PhenopacketError(f"{where}.type must be an object with an id")
    term_id = term.get("id")
    if not isinstance(term_id, str) or not _CURIE.match(term_id.strip()):
        raise PhenopacketError(f"{where}.type.id must be a CURIE such as HP:0001250, "
                               f"found {term_id!r}")
    return term_id.strip()


def _diagnoses(document: dict[str, Any], source: str, onsets: list[float]) -> tuple[str, ...]:
    found: list[str] = []
    for number, disease in enumerate(_list(document, "diseases", source)):
        where = f"{source}: diseases[{number}]"
        found.append(_term_id(disease.get("term") if isinstance(disease, dict) else None,
                              where))
        if isinstance(disease, dict):
            onsets.extend(_days(disease.get("onset"), f"{where}.onset"))
    for number, item in enumerate(_list(document, "interpretations", source)):
        diagnosis = item.get("diagnosis") if isinstance(item, dict) else None
        disease = diagnosis.get("disease") if isinstance(diagnosis, dict) else None
        if disease is not None:
            where = f"{source}: interpretations[{number}].diagnosis.disease"
            found.append(_term_id(disease, where))
    return tuple(dict.fromkeys(found))


def _list(document: dict[str, Any], key: str, source: str) -> list[Any]:
    value = document.get(key, [])
    if not isinstance(value, list):
        raise PhenopacketError(f"{source}: {key} must be a list")
    return value


def _days(onset: Any, where: str) -> list[float]:
    """Age of onset in days from {"age": {"iso8601duration": "P3Y"}}; [] when absent.

    An onset given as an HPO class ({"ontologyClass": {"id": "HP:0003593"}}) counts at
    the lower bound of that class.
    """
    if not isinstance(onset, dict):
        return []
    term = onset.get("ontologyClass")
    if isinstance(term, dict):
        bounds = {t: lower for lower, t, _ in ONSET_CLASSES}
        return [bounds[term["id"]]] if term.get("id") in bounds else []
    if "age" not in onset:
        return []
    duration = (onset.get("age") or {}).get("iso8601duration")
    match = _DURATION.match(duration) if isinstance(duration, str) else None
    if match is None or duration == "P":
        raise PhenopacketError(f"{where}.age.iso8601duration is not an ISO 8601 duration "
                               f"such as P3Y2M, found {duration!r}")
    parts = {k: float(v) for k, v in match.groupdict().items() if v}
    return [parts.get("y", 0) * 365.25 + parts.get("m", 0) * 30.44
            + parts.get("w", 0) * 7 + parts.get("d", 0)]


def onset_class(days: float) -> str:
    """The HPO onset class for an age in days (0 = at birth)."""
    chosen = ONSET_CLASSES[0][1]
    for lower, term, _ in ONSET_CLASSES:
        if days >= lower:
            chosen = term
    return chosen


def _kind(value: Any) -> str:
    return "a list" if isinstance(value, list) else type(value).__name__
