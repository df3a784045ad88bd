"""The JSON API fuzzed from its own OpenAPI schema over the full HPO knowledge base.

Every operation gets a bounded number of generated requests, valid and invalid; none may
answer 5xx, and every answer (status code, content type, headers, body) must be one the
schema documents.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import APIOperation, Case, GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Ok
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from rareinfo.config import Settings
from rareinfo.web.app import create_app

pytestmark = pytest.mark.integration

EXAMPLES = 40  # per operation and mode: about 600 requests in all
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_headers_conformance, response_schema_conformance]


@pytest.fixture(scope="module")
def fuzzed_app(full_kb_url: str, tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    # Questions the requests post go to a database of this module's own.
    userdata = f"sqlite:///{tmp_path_factory.mktemp('userdata') / 'userdata.sqlite'}"
    # Rate limits off: the fuzzer is one client sending many requests on purpose.
    return create_app(full_kb_url, settings=Settings(rate_limit_diagnose_per_minute=0,
                                                     rate_limit_search_per_minute=0),
                      userdata_url=userdata)


@pytest.fixture(scope="module")
def api_schema(fuzzed_app: FastAPI) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_asgi("/api/v1/openapi.json", fuzzed_app)


Operation = APIOperation[Any, Any, Any, Any]


def _operations(schema: schemathesis.BaseSchema) -> list[Operation]:
    operations = []
    for result in schema.get_all_operations():
        assert isinstance(result, Ok), result  # the schema itself must be valid
        operations.append(result.ok())
    return operations


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_api_answers_as_documented(api_schema: schemathesis.BaseSchema,
                                   mode: GenerationMode) -> None:
    operations = _operations(api_schema)
    assert len(operations) >= 7
    spec = api_schema.raw_schema
    fuzzed: list[str] = []
    for operation in operations:
        declared = spec["paths"][operation.path][operation.method.lower()]
        if mode is GenerationMode.NEGATIVE and not (
                declared.get("parameters") or declared.get("requestBody")):
            continue  # nothing to send wrong

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def check(case: Case[Operation]) -> None:
            case.call_and_validate(checks=CHECKS)

        try:
            check()
        except Unsatisfiable:
            # Every value is valid for some operations (a free-text path identifier).
            if mode is GenerationMode.POSITIVE:
                raise
            continue
        fuzzed.append(operation.label)
    print(f"{mode}: fuzzed {len(fuzzed)} operations: {', '.join(fuzzed)}")
    assert len(fuzzed) >= (len(operations) if mode is GenerationMode.POSITIVE else 3)


def test_every_operation_documents_the_error_shape(fuzzed_app: FastAPI) -> None:
    spec = fuzzed_app.openapi()
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            for status in ("413", "414", "429", "503"):
                response = operation["responses"].get(status)
                assert response is not None, (method, path, status)
                ref = response["content"]["application/json"]["schema"]["$ref"]
                assert ref.endswith("/ErrorBody"), (method, path, status)
            for status in ("429", "503"):
                assert "Retry-After" in operation["responses"][status]["headers"]
