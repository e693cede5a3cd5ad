"""Schema-based fuzzing of the JSON API: schemathesis generates requests for every GET
operation of the app's own OpenAPI schema (values that fit it and values that do not:
odd strings, huge numbers, wrong types) and checks that none gets a 5xx. The store is built by the real pipeline from
tests/fixtures/server/articles.jsonl."""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings, strategies
from schemathesis.checks import not_a_server_error
from schemathesis.generation.modes import GenerationMode

from chronicle.runners import local
from chronicle.server.app import create_app
from chronicle.settings import Settings

ARTICLES = Path(__file__).parent / "fixtures" / "server" / "articles.jsonl"

pytestmark = pytest.mark.slow  # ~30 examples for each of 14 operations


GET_OPERATIONS = (
    "/api/events", "/api/events/{event_id}", "/api/mentions", "/api/quotes", "/api/actors", "/api/actors/{ref}",
    "/api/places", "/api/articles", "/api/articles/{ref}", "/api/timeline", "/api/claims", "/api/search",
    "/api/stats", "/api/map",
)
MAX_EXAMPLES = 30


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory):
    path = tmp_path_factory.mktemp("fuzz") / "store.duckdb"
    local.ingest([str(ARTICLES)], Settings(db=str(path)))
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(path))


def test_every_get_operation_is_fuzzed(api_schema):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert {op.path for op in operations if op.method.upper() == "GET"} == set(GET_OPERATIONS)


@pytest.mark.parametrize("path", GET_OPERATIONS)
def test_no_get_operation_answers_with_a_server_error(api_schema, path):
    [operation] = [
        result.ok() for result in api_schema.get_all_operations()
        if result.ok().path == path and result.ok().method.upper() == "GET"
    ]
    calls = []

    valid_and_invalid = strategies.one_of(operation.as_strategy(mode) for mode in GenerationMode)

    @given(case=valid_and_invalid)
    @settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def fuzz(case):
        calls.append(case.call_and_validate(checks=[not_a_server_error]).status_code)

    fuzz()
    assert calls and all(status < 500 for status in calls)
