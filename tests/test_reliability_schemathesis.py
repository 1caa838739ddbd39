"""API fuzzing with schemathesis against the served OpenAPI document, in process (ASGI): for every
operation, requests generated to fit the document and requests generated to break it. No 5xx, and
every answer conforms to the document (status code, content type, headers, body schema), the what-if
answers under the served reforms among them. Bounded: a fixed number of examples per operation and
mode, no shrinking of passing runs."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from paiwu.api import ApiSettings, create_app
from paiwu.engine.evaluate import default_evaluator
from paiwu.facts import REQUEST_MODELS
from paiwu.store import open_log

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = int(os.environ.get("PAIWU_FUZZ_EXAMPLES", "20"))  # per operation and mode; raise it for a long run by hand
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    log_url = f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'decisions.sqlite3'}"
    # The log is the test's: the transport starts and stops the app's lifespan around each call, and an
    # app closes at shutdown only a log it opened itself.
    with open_log(log_url) as log:
        settings = ApiSettings(log_url=log_url, reform_dir=ROOT / "reforms")
        yield schemathesis.openapi.from_asgi(
            "/openapi.json", create_app(settings, evaluator=default_evaluator(), log=log)
        )


def operations(api_schema: Any) -> list[Any]:
    return [result.ok() for result in api_schema.get_all_operations()]


def answer_schema(operation: Any, status: str) -> Any:
    """The schema the document gives an operation's JSON answer of that status (None if none)."""
    content = operation.definition.raw["responses"].get(status, {}).get("content", {})
    return content.get("application/json", {}).get("schema")


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=["fitting", "breaking"])
def test_every_operation_answers_generated_requests_as_documented(api_schema: Any, mode: GenerationMode) -> None:
    failures: dict[str, str] = {}
    answered: dict[str, set[int]] = {}  # the statuses of the answers checked, by operation
    for operation in operations(api_schema):
        if mode == GenerationMode.NEGATIVE and operation.method.upper() != "POST":
            continue  # a GET here takes only free-form path strings: there is nothing to break

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            phases=[Phase.explicit, Phase.generate, Phase.shrink],
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        def call(case: Any) -> None:
            response = case.call_and_validate(checks=CHECKS)
            answered.setdefault(case.operation.label, set()).add(response.status_code)

        try:
            call()
        except Exception as error:  # every operation is tried; all failures are reported together
            failures[operation.label] = str(error)[:2000]
    assert not failures, "\n\n".join(f"{label}:\n{text}" for label, text in failures.items())
    if mode == GenerationMode.POSITIVE:
        # The reform routes' names are an enum of the served reforms, so fitting requests reach them:
        # their 200 answers were checked against a schema the document gives (not a free-form 200).
        reforms = [operation for operation in operations(api_schema) if operation.path.startswith("/v1/reforms")]
        assert len(reforms) == 1 + len(REQUEST_MODELS)
        for operation in reforms:
            assert answer_schema(operation, "200"), operation.label
            assert 200 in answered.get(operation.label, set()), (operation.label, answered.get(operation.label))
