"""The limits docs/guarantees.md states, at their edges: a full batch of 100 is decided and logged in one
transaction, and a body of exactly 1 MiB is read while one byte more is refused, and nothing is logged
for what is refused. In process (the HTTP server tests cover the same over a socket)."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=".*httpx2")
    from fastapi.testclient import TestClient

from paiwu.api import MAX_BATCH, MAX_BODY_BYTES
from paiwu.cli.main import main
from paiwu.store import open_log

from .test_api import EXAMPLE_BODIES, assert_problem, client, log_url

__all__ = ["client", "log_url"]

JSON = {"content-type": "application/json"}


def full_batch() -> list[dict[str, object]]:
    bodies = list(EXAMPLE_BODIES.values())
    return [{**bodies[n % len(bodies)], "id": f"b-{n}"} for n in range(MAX_BATCH)]


def padded(document: object, size: int) -> bytes:
    """The JSON of ``document`` padded with spaces (insignificant in JSON) to exactly ``size`` bytes."""
    text = json.dumps(document, ensure_ascii=False).encode("utf-8")
    assert len(text) <= size
    return text[:-1] + b" " * (size - len(text)) + text[-1:]


@pytest.fixture
def quiet_log(log_url: str) -> Iterator[str]:
    yield log_url
    code = CliRunner().invoke(main, ["log", "verify", "--log-url", log_url, "--skip-snapshots"])
    assert code.exit_code == 0, code.output


def test_a_full_batch_at_the_size_limit_is_decided_and_logged(client: TestClient, quiet_log: str) -> None:
    body = padded({"requests": full_batch()}, MAX_BODY_BYTES)
    response = client.post("/v1/decisions:batch", content=body, headers=JSON)
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert [r["status"] for r in results] == [201] * MAX_BATCH
    with open_log(quiet_log, create=False) as log:
        assert [e.decision_id for e in log.entries()] == [r["result"]["decision_id"] for r in results]


def test_one_byte_or_one_request_more_is_refused_and_nothing_is_logged(client: TestClient, quiet_log: str) -> None:
    body = padded({"requests": full_batch()}, MAX_BODY_BYTES + 1)
    assert_problem(client.post("/v1/decisions:batch", content=body, headers=JSON), 413, "body-too-large")
    one_more = {"requests": [*full_batch(), full_batch()[0]]}
    problem = assert_problem(client.post("/v1/decisions:batch", json=one_more), 422, "invalid-request")
    assert problem["errors"][0]["field"] == "requests"
    with open_log(quiet_log, create=False) as log:
        assert log.count() == 0


def test_a_single_request_at_the_size_limit_is_decided(client: TestClient, quiet_log: str) -> None:
    trade = EXAMPLE_BODIES["xuzhou-eligible.yaml"]
    response = client.post("/v1/decisions/trade", content=padded(trade, MAX_BODY_BYTES), headers=JSON)
    assert response.status_code == 201, response.text


def test_the_limits_are_those_documented() -> None:
    text = (Path(__file__).resolve().parent.parent / "docs" / "guarantees.md").read_text(encoding="utf-8")
    assert f"{MAX_BODY_BYTES:,}" in text and f"{MAX_BATCH} requests" in text
