"""What-if decisions under a named reform over the API, beside the baseline; each kind's route
documents its request body in the OpenAPI document, and takes the bodies the document shows; the
document shows the answers' shapes and names the served reforms, and the answers fit it."""

from __future__ import annotations

import datetime as dt
import json
import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema_rs  # schemathesis's JSON Schema validator
import pytest

from paiwu.api.app import ApiSettings, create_app
from paiwu.api.problems import PROBLEM_JSON as PROBLEM
from paiwu.api.schemas import WhatIf
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


# -- the answers' shapes in the document -------------------------------------------------------

SHIPPED_REFORMS = sorted(path.stem for path in (ROOT / "reforms").glob("*.yaml"))


def validator(document: dict[str, Any], schema: dict[str, Any]) -> jsonschema_rs.Draft202012Validator:
    """A validator of a schema of the document, its references resolved in the document."""
    return jsonschema_rs.Draft202012Validator({**schema, "components": document["components"]}, validate_formats=True)


def answer_schema(operation: dict[str, Any], status: str, media_type: str = "application/json") -> dict[str, Any]:
    schema: dict[str, Any] = operation["responses"][status]["content"][media_type]["schema"]
    return schema


def test_the_document_shows_the_reform_answers_and_names_the_served_reforms(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    paths, schemas = document["paths"], document["components"]["schemas"]
    assert SHIPPED_REFORMS and client.get("/v1/reforms").json() == {"reforms": SHIPPED_REFORMS}
    listing = paths["/v1/reforms"]["get"]
    assert answer_schema(listing, "200") == {"$ref": "#/components/schemas/ReformList"}
    names = schemas["ReformList"]["properties"]["reforms"]
    assert schemas["ReformList"]["required"] == ["reforms"]
    assert names["type"] == "array" and names["items"] == {"type": "string"}
    what_if = schemas["WhatIf"]
    fields = {"reform", "changed", "findings_added", "findings_removed", "baseline", "reformed"}
    assert set(what_if["required"]) == set(what_if["properties"]) == fields
    for field in ("baseline", "reformed"):  # the engine's decision, as the decision routes show it
        assert what_if["properties"][field]["$ref"] == "#/components/schemas/Decision"
    assert "Decision" in schemas and answer_schema(paths["/v1/decisions/trade"]["post"], "201") == {
        "$ref": "#/components/schemas/LoggedDecision"
    }
    for model in ("WhatIf", "ReformList"):
        assert schemas[model]["description"]
        for name, field_schema in schemas[model]["properties"].items():
            assert field_schema.get("description"), (model, name)
    for kind in REQUEST_MODELS:
        operation = paths[f"/v1/reforms/{{name}}/decisions/{kind}"]["post"]
        assert answer_schema(operation, "200") == {"$ref": "#/components/schemas/WhatIf"}
        [name] = [p for p in operation["parameters"] if p["in"] == "path"]
        assert name["name"] == "name" and name["required"] is True
        assert name["schema"]["type"] == "string" and name["schema"]["enum"] == SHIPPED_REFORMS
        # an unknown name is a 404 problem, documented
        assert "reform" in operation["responses"]["404"]["description"]
        assert answer_schema(operation, "404", PROBLEM) == {"$ref": "#/components/schemas/Problem"}


@pytest.mark.parametrize("reform", SHIPPED_REFORMS)
def test_every_what_if_answer_is_as_documented(client: TestClient, evaluator: Evaluator, reform: str) -> None:
    """Under each shipped reform, every shipped example (every kind), as of its own date and as of a
    date after the reforms took effect: the answer validates against the documented schema."""
    document = client.get("/openapi.json").json()
    listing = client.get("/v1/reforms")
    assert validator(document, answer_schema(document["paths"]["/v1/reforms"]["get"], "200")).is_valid(listing.json())
    for example, value in EXAMPLE_BODIES.items():
        kind = value["kind"]
        schema = validator(
            document, answer_schema(document["paths"][f"/v1/reforms/{{name}}/decisions/{kind}"]["post"], "200")
        )
        for as_of in (None, "2025-02-01"):
            answer = client.post(
                f"/v1/reforms/{reform}/decisions/{kind}", json=value, params={"as_of": as_of} if as_of else {}
            )
            assert answer.status_code == 200 and answer.headers["content-type"] == "application/json", answer.text
            data = answer.json()
            assert schema.is_valid(data), (example, as_of, [e.message for e in schema.iter_errors(data)])
            parsed = WhatIf.model_validate(data)  # ... and the model reads it back
            assert parsed.reform == reform
            date = dt.date.fromisoformat(as_of) if as_of else None
            assert parsed.baseline == evaluator.decide(validate_request(value), as_of=date)
            assert parsed.baseline.policy_version != parsed.reformed.policy_version


@pytest.mark.parametrize("name", ["no-such-reform", "three_year_term", "%2e%2e", "三年"])
def test_a_name_outside_the_enum_is_answered_as_before(client: TestClient, name: str) -> None:
    document = client.get("/openapi.json").json()
    operation = document["paths"]["/v1/reforms/{name}/decisions/trade"]["post"]
    assert name not in operation["parameters"][0]["schema"]["enum"]
    answer = client.post(f"/v1/reforms/{name}/decisions/trade", json=EXAMPLE_BODIES["xuzhou-eligible.yaml"])
    assert answer.status_code == 404 and answer.headers["content-type"] == PROBLEM, answer.text
    problem = answer.json()
    assert validator(document, answer_schema(operation, "404", PROBLEM)).is_valid(problem)
    assert problem["type"] == "urn:paiwu:problem:not-found" and ", ".join(SHIPPED_REFORMS) in problem["detail"]
    # the field named is the path parameter the caller filled in
    assert [(e["field"], e["location"]) for e in problem["errors"]] == [("name", "path")]


def test_without_reforms_the_name_is_a_string_and_none_are_listed(tmp_path: Path) -> None:
    (tmp_path / "reforms").mkdir()
    (tmp_path / "reforms" / "not_a_name.yaml").write_text("name: x\n", encoding="utf-8")  # no name reaches it
    with open_log(f"sqlite:///{tmp_path / 'log.db'}") as log:
        for folder in (tmp_path / "reforms", tmp_path / "absent"):
            app_client = TestClient(create_app(ApiSettings(reform_dir=folder), log=log))
            document = app_client.get("/openapi.json").json()
            for kind in REQUEST_MODELS:
                operation = document["paths"][f"/v1/reforms/{{name}}/decisions/{kind}"]["post"]
                assert operation["parameters"][0]["schema"]["type"] == "string"
                assert "enum" not in operation["parameters"][0]["schema"]
            assert app_client.get("/v1/reforms").json() == {"reforms": []}
            answer = app_client.post("/v1/reforms/not_a_name/decisions/trade", json={"kind": "trade"})
            assert answer.status_code == 404 and "known: none" in answer.json()["detail"]


def test_a_reform_that_does_not_apply_is_a_422_problem_naming_its_fault(tmp_path: Path) -> None:
    folder = tmp_path / "reforms"
    folder.mkdir()
    text = (ROOT / "reforms/three-year-term.yaml").read_text(encoding="utf-8")
    (folder / "broken.yaml").write_text(text.replace("xuzhou.paid_use_term_years", "xuzhou.no_such_parameter"))
    with open_log(f"sqlite:///{tmp_path / 'log.db'}") as log:
        app_client = TestClient(create_app(ApiSettings(reform_dir=folder), log=log), raise_server_exceptions=False)
        answer = app_client.post("/v1/reforms/broken/decisions/trade", json=EXAMPLE_BODIES["xuzhou-eligible.yaml"])
        assert answer.status_code == 422 and answer.headers["content-type"] == PROBLEM, answer.text
        problem = answer.json()
        assert problem["type"] == "urn:paiwu:problem:invalid-reform" and problem["title"]
        assert re.fullmatch(r"broken\.yaml:\d+: unknown parameter 'xuzhou\.no_such_parameter'", problem["detail"])
        assert str(tmp_path) not in answer.text  # the server's own paths are not shown
        document = app_client.get("/openapi.json").json()
        operation = document["paths"]["/v1/reforms/{name}/decisions/trade"]["post"]
        assert validator(document, answer_schema(operation, "422", PROBLEM)).is_valid(problem)
