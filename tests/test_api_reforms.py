"""What-if decisions under a named reform over the API, beside the baseline; each kind's route
documents its request body in the OpenAPI document, and takes the bodies the document shows."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from pathlib import Path

import jsonschema_rs  # schemathesis's JSON Schema validator
import pytest

from paiwu.api.app import ApiSettings, create_app
from paiwu.engine.evaluate import Evaluator
from paiwu.facts import REQUEST_MODELS, validate_request
from paiwu.facts.load import load_request
from paiwu.store import open_log

from .test_api import EXAMPLE_BODIES

ROOT = Path(__file__).resolve().parent.parent

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def test_a_request_under_a_named_reform_beside_the_baseline(tmp_path: Path) -> None:
    log = open_log(f"sqlite:///{tmp_path / 'log.db'}")
    try:
        app = create_app(ApiSettings(reform_dir=ROOT / "reforms"), log=log)
        client = TestClient(app)
        assert "three-year-term" in client.get("/v1/reforms").json()["reforms"]
        body = load_request((ROOT / "examples/xuzhou-eligible.yaml").read_text(encoding="utf-8")).model_dump(
            mode="json", exclude_none=True
        )
        answer = client.post("/v1/reforms/three-year-term/decisions/trade?as_of=2025-02-01", json=body)
        assert answer.status_code == 200, answer.text
        data = answer.json()
        assert data["baseline"]["status"] == "eligible" and data["reformed"]["status"] == "needs_review"
        assert data["changed"] and data["findings_added"] == ["xuzhou-2015/art-13/para-1#term-expired"]
        assert data["baseline"]["policy_version"] != data["reformed"]["policy_version"]
        missing = client.post("/v1/reforms/no-such-reform/decisions/trade", json=body)
        assert missing.status_code == 404 and missing.headers["content-type"].startswith("application/problem+json")
        bad = client.post("/v1/reforms/three-year-term/decisions/trade", json={"kind": "trade", "colour": "red"})
        assert bad.status_code == 422
    finally:
        log.close()


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with open_log(f"sqlite:///{tmp_path_factory.mktemp('reforms') / 'log.db'}") as log:
        yield TestClient(create_app(ApiSettings(reform_dir=ROOT / "reforms"), log=log))


@pytest.mark.parametrize("kind", sorted(REQUEST_MODELS))
def test_the_what_if_route_documents_its_request_body_and_takes_its_examples(
    client: TestClient, evaluator: Evaluator, kind: str
) -> None:
    document = client.get("/openapi.json").json()
    paths = document["paths"]
    body = paths[f"/v1/reforms/{{name}}/decisions/{kind}"]["post"]["requestBody"]
    # The body the decision route of that kind takes: its schema, kind optional, and the shipped examples.
    assert body["required"] is True and body == paths[f"/v1/decisions/{kind}"]["post"]["requestBody"]
    content = body["content"]["application/json"]
    assert "kind" in content["schema"]["properties"] and "kind" not in content["schema"].get("required", [])
    examples = {name: example["value"] for name, example in content["examples"].items()}
    assert examples and examples == {n.removesuffix(".yaml"): b for n, b in EXAMPLE_BODIES.items() if b["kind"] == kind}
    schema = jsonschema_rs.Draft202012Validator(
        {**content["schema"], "components": document["components"]}, validate_formats=True
    )

    route = f"/v1/reforms/three-year-term/decisions/{kind}"
    for name, value in examples.items():
        assert schema.is_valid(value), name
        answer = client.post(route, json=value)
        assert answer.status_code == 200, (name, answer.text)
        assert answer.json()["baseline"] == json.loads(evaluator.decide(validate_request(value)).canonical_json())
    # The kind may be left out, as the schema says; a body the schema refuses, the route refuses.
    without_kind = {key: v for key, v in value.items() if key != "kind"}
    assert schema.is_valid(without_kind) and client.post(route, json=without_kind).status_code == 200
    broken = {**value, "colour": "red"}
    assert not schema.is_valid(broken) and client.post(route, json=broken).status_code == 422


def test_the_what_if_routes_of_the_document_are_one_for_each_kind(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    documented = {path for path in paths if path.startswith("/v1/reforms/")}
    assert documented == {f"/v1/reforms/{{name}}/decisions/{kind}" for kind in REQUEST_MODELS}
    body = {"kind": "no-such-kind", "id": "x"}  # a kind with no route of its own is refused as before, named
    answer = client.post("/v1/reforms/three-year-term/decisions/no-such-kind", json=body)
    assert answer.status_code == 422 and "unknown check kind 'no-such-kind'" in answer.json()["detail"]
