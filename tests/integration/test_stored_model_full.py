"""The stored diagnosis model of a full build ranks exactly as the model rebuilt from it."""

from __future__ import annotations

import gzip
import json
from itertools import islice

import pytest

from rareinfo.kb.queries import KnowledgeBase
from rareinfo.phenotype.from_kb import model_of
from rareinfo.service.model_store import open_model
from tests.conftest import SHARED_DATA

pytestmark = pytest.mark.integration

CASES = SHARED_DATA / "phenopackets" / "dev-cases.jsonl.gz"


def test_stored_and_rebuilt_models_rank_dev_cases_alike(full_kb_url: str) -> None:
    kb = KnowledgeBase(full_kb_url)
    mapped, notice = open_model(kb)
    assert notice is None
    rebuilt = model_of(kb)
    assert mapped.disease_ids == rebuilt.disease_ids
    with gzip.open(CASES, "rt", encoding="utf-8") as lines:
        cases = [json.loads(line) for line in islice(lines, 0, 4000, 200)]
    for case in cases:
        a = mapped.rank(case["present"], case["excluded"], top=20, explain=5)
        b = rebuilt.rank(case["present"], case["excluded"], top=20, explain=5)
        assert a.to_dict() == b.to_dict()
    assert mapped.map_text("seizures and small head").present == \
        rebuilt.map_text("seizures and small head").present
