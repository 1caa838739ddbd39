"""The HTTP API in process (FastAPI's TestClient): the CLI's decisions, logged before they are answered,
idempotency keys, batches in order, problem+json on every error path, the policy catalogue, OpenAPI."""

from __future__ import annotations

import dataclasses
import json
import warnings
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jsonschema_rs  # schemathesis's JSON Schema validator
import pytest

with warnings.catch_warnings():  # Starlette's TestClient announces a move to httpx2; the API does not care
    warnings.filterwarnings("ignore", message=".*httpx2")
    from fastapi.testclient import TestClient

from paiwu.api import MAX_BATCH, MAX_BODY_BYTES, ApiSettings, create_app
from paiwu.api.schemas import BatchResponse, ClauseView, LoggedDecision, PolicyView
from paiwu.api.views import PolicyViews
from paiwu.engine.evaluate import Evaluator
from paiwu.engine.runtime import EngineFailure
from paiwu.facts import REQUEST_MODELS, validate_request
from paiwu.policies.model import Unencoded
from paiwu.store import DecisionLog, LogEntry, LogUnavailable, open_log
from paiwu.yamlsafe import load_text

from .conftest import EXAMPLES

PROBLEM = "application/problem+json"


def body(name: str) -> dict[str, Any]:
    """A shipped example as the JSON a platform would send."""
    path = EXAMPLES / name
    data: dict[str, Any] = json.loads(json.dumps(load_text(path.read_text(encoding="utf-8"), str(path))))
    return data


EXAMPLE_BODIES = {p.name: body(p.name) for p in sorted(EXAMPLES.glob("*.yaml"))}
TRADE = body("xuzhou-eligible.yaml")


@pytest.fixture
def log_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'decisions.sqlite3'}"


@pytest.fixture
def client(log_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(ApiSettings(log_url=log_url)), raise_server_exceptions=False) as test_client:
        yield test_client


def logged(log_url: str) -> list[LogEntry]:
    """What the log holds, read through a connection of its own."""
    with open_log(log_url, create=False) as log:
        return list(log.entries())


def assert_problem(response: Any, status: int, slug: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    problem: dict[str, Any] = response.json()
    assert problem["type"] == f"urn:paiwu:problem:{slug}" and problem["status"] == status
    assert problem["title"] and problem["detail"] and isinstance(problem["errors"], list)
    assert "Traceback" not in response.text and 'File "' not in response.text
    return problem


# -- decisions ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(EXAMPLE_BODIES))
def test_the_api_answers_the_decision_of_the_cli(
    client: TestClient, log_url: str, evaluator: Evaluator, name: str
) -> None:
    data = EXAMPLE_BODIES[name]
    response = client.post(f"/v1/decisions/{data['kind']}", json=data)
    assert response.status_code == 201, response.text
    answer = LoggedDecision.model_validate(response.json())
    assert answer.decision == evaluator.decide(validate_request(data))  # the same decision function
    assert response.headers["location"] == f"/v1/decisions/{answer.decision_id}"
    assert response.headers["idempotent-replayed"] == "false"
    [entry] = logged(log_url)
    assert entry.decision_id == answer.decision_id and entry.decision() == response.json()["decision"]
    assert entry.policy_version == evaluator.version == answer.policy_version


def test_a_logged_decision_is_served_by_id(client: TestClient) -> None:
    posted = client.post("/v1/decisions/trade", json=TRADE).json()
    fetched = client.get(f"/v1/decisions/{posted['decision_id']}")
    assert fetched.status_code == 200 and fetched.json() == posted


def test_the_kind_may_be_left_out_but_not_contradicted(client: TestClient) -> None:
    without = {k: v for k, v in TRADE.items() if k != "kind"}
    assert client.post("/v1/decisions/trade", json=without).status_code == 201
    other = next(k for k in REQUEST_MODELS if k != "trade")
    problem = assert_problem(client.post(f"/v1/decisions/{other}", json=TRADE), 422, "invalid-request")
    assert problem["errors"] == [{"field": "kind", "reason": problem["errors"][0]["reason"], "location": "body"}]


def test_as_of_in_the_query_overrides_the_trade_date(client: TestClient, log_url: str) -> None:
    response = client.post("/v1/decisions/trade", params={"as_of": "2015-12-09"}, json=TRADE)
    assert response.status_code == 201
    assert response.json()["as_of"] == "2015-12-09" and response.json()["decision"]["as_of"] == "2015-12-09"
    assert response.json()["decision"]["status"] == "not_applicable"  # as `paiwu check --as-of` says
    assert logged(log_url)[0].as_of == "2015-12-09"


# -- idempotency -------------------------------------------------------------------------------


def test_an_idempotency_key_returns_the_logged_decision(client: TestClient, log_url: str) -> None:
    headers = {"Idempotency-Key": "platform-order-7781"}
    first = client.post("/v1/decisions/trade", json=TRADE, headers=headers)
    again = client.post("/v1/decisions/trade", json=TRADE, headers=headers)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.headers["idempotent-replayed"] == "true"
    assert again.json() == first.json()
    assert len(logged(log_url)) == 1


def test_an_idempotency_key_reused_for_another_request_is_refused(client: TestClient, log_url: str) -> None:
    headers = {"Idempotency-Key": "k-1"}
    assert client.post("/v1/decisions/trade", json=TRADE, headers=headers).status_code == 201
    changed = {**TRADE, "id": "another"}
    problem = assert_problem(
        client.post("/v1/decisions/trade", json=changed, headers=headers), 409, "idempotency-conflict"
    )
    assert problem["errors"][0]["field"] == "Idempotency-Key"
    other_day = client.post("/v1/decisions/trade", json=TRADE, headers=headers, params={"as_of": "2020-01-01"})
    assert_problem(other_day, 409, "idempotency-conflict")
    assert len(logged(log_url)) == 1


@pytest.mark.parametrize("key", [b"", b"has space", "ключ".encode(), b"x" * 201])
def test_a_malformed_idempotency_key_is_refused(client: TestClient, key: bytes) -> None:
    problem = assert_problem(
        client.post("/v1/decisions/trade", json=TRADE, headers={"Idempotency-Key": key}), 422, "invalid-request"
    )
    assert problem["errors"][0]["location"] == "header"


# -- batches -----------------------------------------------------------------------------------


def test_a_batch_is_answered_in_order_each_with_its_decision_or_problem(
    client: TestClient, log_url: str, evaluator: Evaluator
) -> None:
    names = sorted(EXAMPLE_BODIES)
    requests: list[Any] = [EXAMPLE_BODIES[n] for n in names]
    requests.insert(2, {"kind": "trade", "trade": {"colour": "red"}})
    requests.insert(5, ["not", "a", "request"])
    response = client.post("/v1/decisions:batch", json={"requests": requests})
    assert response.status_code == 200, response.text
    results = BatchResponse.model_validate(response.json()).results
    assert [r.index for r in results] == list(range(len(requests)))
    assert [r.status for r in results] == [422 if i in (2, 5) else 201 for i in range(len(requests))]
    assert results[2].problem and results[2].problem.errors[0].field == "trade.colour"
    decided = [r for r in results if r.result]
    for result, name in zip(decided, names, strict=True):
        assert result.result is not None
        assert result.result.decision == evaluator.decide(validate_request(EXAMPLE_BODIES[name]))
    assert [e.decision_id for e in logged(log_url)] == [r.result.decision_id for r in decided if r.result]


def test_a_batch_with_an_idempotency_key_keys_each_request(client: TestClient, log_url: str) -> None:
    batch = {"requests": [TRADE, body("linyi-eligible.yaml")]}
    first = client.post("/v1/decisions:batch", json=batch, headers={"Idempotency-Key": "b-1"}).json()
    again = client.post("/v1/decisions:batch", json=batch, headers={"Idempotency-Key": "b-1"}).json()
    assert [r["status"] for r in first["results"]] == [201, 201]
    assert [r["status"] for r in again["results"]] == [200, 200]
    assert [r["result"] for r in again["results"]] == [r["result"] for r in first["results"]]
    assert [e.idempotency_key for e in logged(log_url)] == ["b-1:0", "b-1:1"]
    swapped = {"requests": [body("linyi-eligible.yaml"), TRADE]}
    statuses = [
        r["status"]
        for r in client.post("/v1/decisions:batch", json=swapped, headers={"Idempotency-Key": "b-1"}).json()["results"]
    ]
    assert statuses == [409, 409]


@pytest.mark.parametrize(
    ("batch", "field"),
    [
        ({"requests": []}, "requests"),
        ({"requests": [TRADE] * (MAX_BATCH + 1)}, "requests"),
        ({"requests": TRADE}, "requests"),
        ({}, "requests"),
        ({"requests": [TRADE], "as_of": "2020-01-01"}, "as_of"),
        ([TRADE], ""),
    ],
)
def test_a_malformed_batch_is_refused_whole(client: TestClient, log_url: str, batch: Any, field: str) -> None:
    problem = assert_problem(client.post("/v1/decisions:batch", json=batch), 422, "invalid-request")
    assert problem["errors"][0]["field"] == field
    assert logged(log_url) == []


# -- errors ------------------------------------------------------------------------------------

JSON = {"content-type": "application/json"}


@pytest.mark.parametrize(
    ("content", "headers", "status", "slug"),
    [
        (b'{"kind": "trade",', JSON, 400, "malformed-json"),
        (b"", JSON, 400, "malformed-json"),
        ('{"kind": "trade", "seller": {"name": "Müller"}}'.encode("latin-1"), JSON, 400, "malformed-json"),
        (b'{"kind": "trade", "kind": "trade"}', JSON, 400, "malformed-json"),
        (b'{"kind": "trade", "trade": {"quantity_t_per_year": NaN}}', JSON, 400, "malformed-json"),
        (b"[" * 100_000 + b"]" * 100_000, JSON, 400, "malformed-json"),
        (b'{"kind": "trade", "trade": {"quantity_t_per_year": 1' + b"0" * 5000 + b"}}", JSON, 400, "malformed-json"),
        (b'{"kind": "trade"}', {}, 415, "unsupported-media-type"),
        (b'{"kind": "trade"}', {"content-type": "text/plain"}, 415, "unsupported-media-type"),
        (b'{"kind": "trade"}', {"content-type": "application/x-yaml"}, 415, "unsupported-media-type"),
        (b'{"kind": "trade"}', {"content-type": "application/json; charset=latin-1"}, 415, "unsupported-media-type"),
        (b" " * (MAX_BODY_BYTES + 1), JSON, 413, "body-too-large"),
        (b'{"kind": "trade", "trade": {"colour": "red"}}', JSON, 422, "invalid-request"),
        (b'{"kind": "trade", "trade": {"quantity_t_per_year": "lots"}}', JSON, 422, "invalid-request"),
        (b'{"kind": "trade", "trade": {"date": "2024-02-30"}}', JSON, 422, "invalid-request"),
        (b'"a string"', JSON, 422, "invalid-request"),
    ],
)
def test_bad_bodies_get_the_right_problem(
    client: TestClient, log_url: str, content: bytes, headers: dict[str, str], status: int, slug: str
) -> None:
    assert_problem(client.post("/v1/decisions/trade", content=content, headers=headers), status, slug)
    assert logged(log_url) == []


def test_problems_name_each_field_and_reason(client: TestClient) -> None:
    data = {
        "kind": "trade",
        "trade": {"colour": "red", "quantity_t_per_year": -3},
        "seller": {"credit_rating": "purple"},
    }
    problem = assert_problem(client.post("/v1/decisions/trade", json=data), 422, "invalid-request")
    reasons = {e["field"]: e["reason"] for e in problem["errors"]}
    assert reasons["trade.colour"] == "unknown field"
    assert "greater than or equal to 0" in reasons["trade.quantity_t_per_year"]
    assert "'green'" in reasons["seller.credit_rating"]


def test_a_body_streamed_past_the_limit_is_refused(log_url: str) -> None:
    app = create_app(ApiSettings(log_url=log_url, max_body_bytes=1000))
    with TestClient(app, raise_server_exceptions=False) as small:
        chunks = (b" " * 400 for _ in range(5))  # no Content-Length: counted while reading
        assert_problem(small.post("/v1/decisions/trade", content=chunks, headers=JSON), 413, "body-too-large")
        assert small.post("/v1/decisions/trade", json={"kind": "trade"}).status_code == 201


@pytest.mark.parametrize(
    ("method", "path", "status", "slug"),
    [
        ("POST", "/v1/decisions/swap", 404, "unknown-kind"),
        ("GET", "/v1/decisions/00000000-0000-4000-8000-000000000000", 404, "not-found"),
        ("GET", "/v1/clauses/xuzhou-2015/art-99", 404, "not-found"),
        ("GET", "/v1/nothing-here", 404, "not-found"),
        ("DELETE", "/v1/policy", 405, "method-not-allowed"),
        ("GET", "/v1/decisions:batch", 405, "method-not-allowed"),
        ("GET", "/v1/decisions/trade?as_of=yesterday", 404, "not-found"),
    ],
)
def test_unknown_resources_and_methods(client: TestClient, method: str, path: str, status: int, slug: str) -> None:
    assert_problem(client.request(method, path, json={} if method == "POST" else None), status, slug)


@pytest.mark.parametrize("as_of", ["2024-13-01", "0", "1700000000", "2024-1-1", "yesterday"])
def test_a_bad_as_of_is_refused_as_a_query_field(client: TestClient, as_of: str) -> None:
    for path in ("/v1/decisions/trade", "/v1/decisions:batch"):
        data = TRADE if path.endswith("trade") else {"requests": [TRADE]}
        problem = assert_problem(client.post(path, params={"as_of": as_of}, json=data), 422, "invalid-request")
        assert problem["errors"][0]["field"] == "as_of" and problem["errors"][0]["location"] == "query"


def test_405_names_every_method_of_the_path(client: TestClient) -> None:
    response = client.request("OPTIONS", "/v1/decisions/some-id")
    assert_problem(response, 405, "method-not-allowed")
    assert {"GET", "POST"} <= set(response.headers["allow"].split(", "))


class _FailingEvaluator(Evaluator):
    def __init__(self, base: Evaluator, error: Exception) -> None:
        super().__init__(base.policy, base.corpus)
        self.error = error

    def decide(self, request: Any, as_of: Any = None, canonical: str | None = None) -> Any:
        raise self.error


@pytest.mark.parametrize(
    ("error", "slug"),
    [(EngineFailure("a rule action failed"), "engine-failure"), (RuntimeError("secret internals"), "internal-error")],
)
def test_a_genuine_failure_is_a_500_problem_and_logged_on_the_server(
    log_url: str, evaluator: Evaluator, error: Exception, slug: str, caplog: pytest.LogCaptureFixture
) -> None:
    app = create_app(ApiSettings(log_url=log_url), evaluator=_FailingEvaluator(evaluator, error))
    with TestClient(app, raise_server_exceptions=False) as failing:
        problem = assert_problem(failing.post("/v1/decisions/trade", json=TRADE), 500, slug)
        assert "secret" not in problem["detail"]
        batch = failing.post("/v1/decisions:batch", json={"requests": [TRADE]})
        assert batch.status_code == (200 if slug == "engine-failure" else 500)
    assert any(record.exc_info for record in caplog.records if record.name == "paiwu.api")
    assert logged(log_url) == []


class _BrokenLog:
    """A log whose database went away after start-up."""

    def __init__(self, log: DecisionLog) -> None:
        self.log = log
        self.backend = log.backend

    def save_snapshot(self, snapshot: Any) -> bool:
        return self.log.save_snapshot(snapshot)

    def __getattr__(self, name: str) -> Any:
        def fail(*_: Any, **__: Any) -> Any:
            raise LogUnavailable("the database is gone")

        return fail


def test_no_decision_is_answered_that_could_not_be_logged(log_url: str) -> None:
    with open_log(log_url) as log:
        app = create_app(ApiSettings(log_url=log_url), log=_BrokenLog(log))  # type: ignore[arg-type]
        with TestClient(app, raise_server_exceptions=False) as broken:
            response = broken.post("/v1/decisions/trade", json=TRADE)
            problem = assert_problem(response, 503, "log-unavailable")
            assert "decision" not in problem and response.headers["retry-after"]
            assert_problem(broken.post("/v1/decisions:batch", json={"requests": [TRADE]}), 503, "log-unavailable")
            assert_problem(broken.get("/readyz"), 503, "not-ready")
            assert broken.get("/healthz").status_code == 200
    assert logged(log_url) == []


# -- the policy catalogue, health, OpenAPI -----------------------------------------------------


def test_the_policy_version_and_its_clauses(client: TestClient, evaluator: Evaluator) -> None:
    response = client.get("/v1/policy")
    policy = PolicyView.model_validate(response.json())
    assert policy.policy_version == evaluator.version
    assert policy.kinds == sorted(REQUEST_MODELS)
    assert {i.instrument for i in policy.instruments} == set(evaluator.corpus.instruments)
    assert [c.clause_id for c in policy.clauses] == [
        c.id for i in evaluator.corpus.instruments.values() for c in i.ordered()
    ]
    cited = {cid for rule in evaluator.policy.rules for cid in rule.cites}
    assert {c.clause_id for c in policy.clauses if c.rule_ids} == cited


def test_one_clause_in_both_languages_with_its_rules(client: TestClient) -> None:
    response = client.get("/v1/clauses/xuzhou-2015/art-16/item-3")
    clause = ClauseView.model_validate(response.json())
    assert clause.cite.en == "Xuzhou Measures (2015), Art. 16(3)"
    assert "红色或者黑色" in clause.text.zh and "red or black" in clause.text.en
    assert clause.role == "operative" and clause.parent == "xuzhou-2015/art-16"
    assert clause.rules and all("xuzhou-2015/art-16/item-3" in r.rule_id for r in clause.rules)
    article = ClauseView.model_validate(client.get("/v1/clauses/xuzhou-2015/art-16").json())
    assert "xuzhou-2015/art-16/item-3" in article.children and clause.text.zh in article.full_text.zh


def test_an_unencoded_clause_says_why(client: TestClient, evaluator: Evaluator) -> None:
    assert client.get("/v1/clauses/xuzhou-2015/art-16/item-3").json()["unencoded"] is None
    clause_id = "xuzhou-2015/art-16/item-3"
    reason = Unencoded(clause_id, "deferred", "decidable from facts, not yet encoded", "unencoded.yaml", 1)
    served = SimpleNamespace(
        policy=dataclasses.replace(evaluator.policy, unencoded=(reason,)),
        corpus=evaluator.corpus,
        version=evaluator.version,
    )
    views = PolicyViews(served)  # type: ignore[arg-type]
    view = views.clause(clause_id)
    assert view is not None and view.unencoded is not None
    assert (view.unencoded.status, view.unencoded.reason) == ("deferred", reason.reason)
    assert next(c for c in views.policy.clauses if c.clause_id == clause_id).unencoded == "deferred"


def test_health_and_readiness(client: TestClient, evaluator: Evaluator) -> None:
    assert client.get("/healthz").json()["status"] == "ok"
    assert client.get("/readyz").json() == {"status": "ready", "policy_version": evaluator.version, "log": "sqlite"}


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def test_the_openapi_document_is_complete(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    paths = document["paths"]
    for kind in REQUEST_MODELS:
        assert "post" in paths[f"/v1/decisions/{kind}"]
    for path in (
        "/v1/decisions:batch",
        "/v1/decisions/{decision_id}",
        "/v1/policy",
        "/v1/clauses/{clause_id}",
        "/healthz",
        "/readyz",
    ):
        assert path in paths
    schemas = document["components"]["schemas"]
    for ref in set(_refs(document)):
        assert ref.startswith("#/components/schemas/") and ref.split("/")[-1] in schemas, ref
    assert schemas["BatchRequest"]["properties"]["requests"]["maxItems"] == MAX_BATCH
    trade = paths["/v1/decisions/trade"]["post"]
    body_schema = trade["requestBody"]["content"]["application/json"]["schema"]
    assert "kind" in body_schema["properties"] and "kind" not in body_schema.get("required", [])
    assert "kind" in schemas["TradeRequest"]["required"]  # a batch item must say its kind
    assert {"400", "409", "413", "415", "422", "500", "503"} <= set(trade["responses"])
    assert PROBLEM in trade["responses"]["422"]["content"]
    assert "Idempotency-Key" in {p["name"] for p in trade["parameters"]}


DECISION_MODELS = (
    "Decision",
    "Finding",
    "Checked",
    "Citation",
    "InstrumentResult",
    "Interpretation",
    "Amount",
    "Bilingual",
)


def test_the_openapi_document_describes_every_field_of_a_decision(client: TestClient) -> None:
    """A platform generates its client from this document: what each part of a decision means is there."""
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    for name in DECISION_MODELS:
        assert schemas[name].get("description"), name
        for field, spec in schemas[name]["properties"].items():
            assert spec.get("description"), f"{name}.{field}"


def test_the_openapi_examples_are_the_shipped_requests(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    paths = document["paths"]
    for kind in REQUEST_MODELS:
        shipped = {n.removesuffix(".yaml"): d for n, d in EXAMPLE_BODIES.items() if d["kind"] == kind}
        content = paths[f"/v1/decisions/{kind}"]["post"]["requestBody"]["content"]["application/json"]
        examples = {name: example["value"] for name, example in content.get("examples", {}).items()}
        assert examples == shipped
        # ... and fit the schema beside them (credit ratings in Chinese too), as the model takes them
        schema = jsonschema_rs.Draft202012Validator(
            {**content["schema"], "components": document["components"]}, validate_formats=True
        )
        for name, example in content.get("examples", {}).items():
            validate_request(example["value"])
            assert schema.is_valid(example["value"]), (name, [e.message for e in schema.iter_errors(example["value"])])
            assert example["summary"] and not example["summary"].startswith("#")
    assert (
        EXAMPLE_BODIES
        and paths["/v1/decisions/trade"]["post"]["requestBody"]["content"]["application/json"]["examples"]
    )


def test_interactive_docs_are_served(client: TestClient) -> None:
    response = client.get("/docs")
    assert response.status_code == 200 and "/openapi.json" in response.text


def test_decision_posts_take_the_direct_path_with_the_routers_own_endpoints(log_url: str) -> None:
    """DirectRoutes answers the decision POSTs past FastAPI's routing with the very endpoint
    functions the router declares, so the two ways cannot answer differently."""
    from fastapi.routing import APIRoute

    from paiwu.api.direct import DirectRoutes

    app = create_app(ApiSettings(log_url=log_url))
    assert isinstance(app.direct, DirectRoutes)  # ahead of FastAPI's middleware stack
    endpoints = app.direct.endpoints
    routes = [getattr(r, "original_router", r) for r in app.routes]  # FastAPI keeps included routers whole
    declared = {
        route.path: route.endpoint
        for router in routes
        for route in getattr(router, "routes", [router])
        if isinstance(route, APIRoute) and "POST" in route.methods
    }
    assert set(endpoints) == {f"/v1/decisions/{kind}" for kind in REQUEST_MODELS} | {"/v1/decisions:batch"}
    assert all(declared[path] is endpoint for path, endpoint in endpoints.items())


def test_direct_routes_take_exact_posts_only_and_answer_problems() -> None:
    import asyncio

    from starlette.requests import Request
    from starlette.responses import PlainTextResponse, Response

    from paiwu.api.direct import DirectRoutes
    from paiwu.api.problems import ProblemError

    passed: list[str] = []

    async def inner(scope: Any, receive: Any, send: Any) -> None:
        passed.append(f"{scope['method']} {scope['path']}")
        await PlainTextResponse("inner")(scope, receive, send)

    async def endpoint(request: Request) -> Response:
        if request.query_params.get("fail"):
            raise ProblemError(422, "invalid-request", "as asked")
        if request.query_params.get("crash"):
            raise RuntimeError("not a problem the endpoint knew of")
        return PlainTextResponse("direct", status_code=201)

    app = DirectRoutes(inner, {"/v1/x": endpoint})

    def call(method: str, path: str, query: bytes = b"") -> tuple[int, bytes, str]:
        sent: list[dict[str, Any]] = []

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        scope = {"type": "http", "method": method, "path": path, "query_string": query, "headers": []}
        asyncio.run(app(scope, receive, send))
        headers = dict(sent[0]["headers"])
        return sent[0]["status"], sent[1]["body"], headers[b"content-type"].decode()

    assert call("POST", "/v1/x")[:2] == (201, b"direct")
    status, text, media = call("POST", "/v1/x", b"fail=1")
    assert status == 422 and media == "application/problem+json" and json.loads(text)["detail"] == "as asked"
    status, text, media = call("POST", "/v1/x", b"crash=1")  # the catch-all of the app, on this path too
    assert status == 500 and media == "application/problem+json" and json.loads(text)["type"].endswith("internal-error")
    assert call("GET", "/v1/x")[1] == b"inner" and call("POST", "/v1/x/")[1] == b"inner"
    assert passed == ["GET /v1/x", "POST /v1/x/"]
