"""GA4GH phenopacket reading and its one-line errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from rareinfo.phenotype.phenopacket import (
    PhenopacketError,
    onset_class,
    parse_phenopacket,
    read_phenopacket,
)


def packet(**overrides: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "id": "case-1",
        "subject": {"id": "P1", "sex": "FEMALE"},
        "phenotypicFeatures": [
            {"type": {"id": "HP:0001250", "label": "Seizure"},
             "onset": {"age": {"iso8601duration": "P2Y6M"}}},
            {"type": {"id": "HP:0000518", "label": "Cataract"}, "excluded": True},
            {"type": {"id": "HP:0001250", "label": "Seizure"}},
        ],
        "diseases": [{"term": {"id": "OMIM:100001", "label": "X"}}],
        "interpretations": [{"diagnosis": {"disease": {"id": "OMIM:100002"}}}],
    }
    document.update(overrides)
    return document


def test_reads_present_excluded_diagnoses_sex_and_onset() -> None:
    case = parse_phenopacket(json.dumps(packet()))
    assert case.id == "case-1"
    assert case.present == ("HP:0001250",)
    assert case.excluded == ("HP:0000518",)
    assert case.diagnoses == ("OMIM:100001", "OMIM:100002")
    assert case.sex == "FEMALE"
    assert case.onset == "HP:0011463"  # childhood: 1 to 5 years


def test_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(packet(id=None)), encoding="utf-8")
    assert read_phenopacket(path).id == "P1"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not JSON"),
        ("[]", "expected a JSON object, found a list"),
        (json.dumps(packet(phenotypicFeatures={})), "phenotypicFeatures must be a list"),
        (json.dumps(packet(phenotypicFeatures=[])), "no phenotypicFeatures"),
        (json.dumps(packet(phenotypicFeatures=[{"type": "HP:0001250"}])),
         r"phenotypicFeatures\[0\].type must be an object"),
        (json.dumps(packet(phenotypicFeatures=[{"type": {"label": "Seizure"}}])),
         r"phenotypicFeatures\[0\].type.id must be a CURIE"),
        (json.dumps(packet(phenotypicFeatures=[
            {"type": {"id": "HP:0001250"}, "excluded": "yes"}])), "must be true or false"),
        (json.dumps(packet(phenotypicFeatures=[
            {"type": {"id": "HP:0001250"}, "onset": {"age": {"iso8601duration": "2 years"}}}])),
         "not an ISO 8601 duration"),
        (json.dumps(packet(diseases={"term": {}})), "diseases must be a list"),
    ],
)
def test_malformed_input_raises_a_one_line_value_error(text: str, message: str) -> None:
    with pytest.raises(PhenopacketError, match=message) as caught:
        parse_phenopacket(text, source="case.json")
    assert isinstance(caught.value, ValueError)
    assert "\n" not in str(caught.value) and str(caught.value).startswith("case.json")


def test_unreadable_file_is_a_phenopacket_error(tmp_path: Path) -> None:
    with pytest.raises(PhenopacketError, match="cannot read"):
        read_phenopacket(tmp_path / "missing.json")


def test_onset_classes() -> None:
    assert onset_class(0) == "HP:0003577"
    assert onset_class(10) == "HP:0003623"
    assert onset_class(200) == "HP:0003593"
    assert onset_class(30 * 365.25) == "HP:0011462"
    assert onset_class(70 * 365.25) == "HP:0003584"
