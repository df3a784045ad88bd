"""The 40 original phenopackets parse to the same terms as their reduced dev-case lines."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from rareinfo.phenotype.phenopacket import read_phenopacket

pytestmark = pytest.mark.integration

DATA = Path(__file__).resolve().parents[3] / "shared/data/phenopackets"
RAW = sorted((DATA / "raw").glob("*.json"))


@pytest.fixture(scope="module")
def reduced() -> dict[str, dict[str, Any]]:
    with gzip.open(DATA / "dev-cases.jsonl.gz", "rt", encoding="utf-8") as handle:
        return {row["id"]: row for row in map(json.loads, handle)}


def test_all_raw_phenopackets_are_there() -> None:
    if not RAW:
        pytest.fail(f"{DATA / 'raw'} is missing: the integration tests need ../shared/data")
    assert len(RAW) == 40


@pytest.mark.parametrize("path", RAW, ids=[p.stem for p in RAW])
def test_raw_phenopacket_matches_its_reduced_case(
    path: Path, reduced: dict[str, dict[str, Any]]
) -> None:
    case = read_phenopacket(path)
    row = reduced[case.id]
    assert set(case.present) == set(row["present"])
    assert set(case.excluded) == set(row["excluded"])
    assert set(row["diagnosis"]) <= set(case.diagnoses)
