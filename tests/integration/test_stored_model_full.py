"""The stored diagnosis model of a full build ranks exactly as the model rebuilt from it."""

from __future__ import annotations

import gzip
import io
import json
from itertools import islice

import pytest

from rareinfo.kb.queries import KnowledgeBase
from rareinfo.phenotype.batch import parse_case, rank_cases, ranking_line
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


def test_a_batch_of_500_dev_cases_is_written_as_the_reference_lines(full_kb_url: str) -> None:
    """The batch's quick ways (stored term rows, the tie-break only at ties, scores written
    without ``json.dumps``) give, byte for byte, the JSON of ``ranking_line`` on the model
    rebuilt from the snapshot (rows made per case, every tie-break, the generic encoder):
    500 development cases spread evenly, as ``bench/diagnose_startup.py`` takes them."""
    kb = KnowledgeBase(full_kb_url)
    mapped, notice = open_model(kb)
    assert notice is None
    rebuilt = model_of(kb)
    with gzip.open(CASES, "rt", encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines]
    step = max(1.0, len(rows) / 500)
    chosen = [rows[int(i * step)] for i in range(min(500, len(rows)))]
    inputs = [json.dumps({"id": r["id"], "present": r["present"], "excluded": r["excluded"]})
              for r in chosen]
    sink = io.StringIO()
    report = rank_cases(mapped, inputs, sink, top=100)
    assert report.written == len(chosen) == 500
    expected = "".join(json.dumps(ranking_line(rebuilt, parse_case(line), top=100)) + "\n"
                       for line in inputs)
    assert sink.getvalue() == expected
