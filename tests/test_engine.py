"""The engine: durable-rules handled as the measured notes require, and three-valued results that
agree with an independent reference evaluation of the policy conditions."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from paiwu.engine.compiler import compile_policy
from paiwu.engine.dates import CalendarRangeError, shift
from paiwu.engine.evaluate import Evaluator
from paiwu.engine.flatten import as_of_date, lookup
from paiwu.engine.runtime import EngineFailure, RulesSession
from paiwu.facts import fact_schema, validate_request
from paiwu.policies.conditions import All, AnyOf, Compare, Condition, FactRef, Missing, Not, Present

from .conftest import example

KINDS = ("trade", "acquisition", "holding", "buyback", "allocation", "enterprise")


def reference(condition: Condition, value_of: Any, schema: dict[str, Any]) -> bool | None:
    """Kleene three-valued evaluation, written independently of the compiler: None is unknown."""
    if isinstance(condition, All):
        results = [reference(c, value_of, schema) for c in condition.items]
        return False if False in results else (None if None in results else True)
    if isinstance(condition, AnyOf):
        results = [reference(c, value_of, schema) for c in condition.items]
        return True if True in results else (None if None in results else False)
    if isinstance(condition, Not):
        inner = reference(condition.item, value_of, schema)
        return None if inner is None else not inner
    if isinstance(condition, Missing):
        return value_of(condition.path) is None
    if isinstance(condition, Present):
        return value_of(condition.path) is not None
    assert isinstance(condition, Compare)
    left = value_of(condition.path)
    if isinstance(condition.value, FactRef):
        right = value_of(condition.value.path)
        if right is not None and condition.value.shift == "times":
            right = right * condition.value.amount
        elif right is not None and condition.value.shift:
            try:
                right = shift(right, condition.value.shift, int(condition.value.amount))
            except CalendarRangeError:
                return None  # a working-day period outside the holiday calendar cannot be counted
    else:
        right = condition.value
    if left is None or right is None:
        return None
    if schema.get(condition.path) and schema[condition.path].type == "date" and isinstance(right, str):
        right = dt.date.fromisoformat(right)
    if condition.op == "in":
        return left in right
    if condition.op == "not_in":
        return left not in right
    return {
        "eq": left == right,
        "ne": left != right,
        "lt": left < right,
        "le": left <= right,
        "gt": left > right,
        "ge": left >= right,
    }[condition.op]


def _value(spec_type: str, choices: tuple[str, ...], path: str) -> st.SearchStrategy[Any]:
    if spec_type == "bool":
        return st.booleans()
    if spec_type == "enum":
        return st.sampled_from(choices)
    if spec_type == "date":
        return st.dates(dt.date(2013, 1, 1), dt.date(2026, 12, 31)).map(dt.date.isoformat)
    if spec_type == "number":
        return st.integers(0, 400).map(lambda n: n / 10)
    if path.endswith("city"):
        return st.sampled_from(["xuzhou", "linyi", "南京市"])
    if path.endswith("county"):
        return st.sampled_from(["铜山区", "邳州市", "兰山区"])
    return st.sampled_from(["甲公司", "乙公司"])


def _put(data: dict[str, Any], path: str, value: Any) -> None:
    *parents, leaf = path.split(".")
    for part in parents:
        data = data.setdefault(part, {})
    data[leaf] = value


@st.composite
def requests(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(KINDS))
    schema = fact_schema(kind)
    data: dict[str, Any] = {"kind": kind}
    if draw(st.booleans()):
        data["as_of"] = draw(_value("date", (), "as_of"))
    for path in RULE_PATHS[kind]:
        if path == "as_of":
            continue
        spec = schema[path]
        if draw(st.booleans()):
            _put(data, path, draw(_value(spec.type, spec.choices, path)))
    return data


@pytest.fixture(scope="module")
def shared_evaluator() -> Evaluator:
    return Evaluator()


_COMPILED = compile_policy(Evaluator().policy).rules
RULE_PATHS = {k: tuple(dict.fromkeys(p for r in _COMPILED if k in r.rule.kinds for p in r.paths)) for k in KINDS}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=requests())
def test_durable_results_agree_with_three_valued_reference(shared_evaluator: Evaluator, data: dict[str, Any]) -> None:
    request = validate_request(data)
    kind = data["kind"]
    schema = fact_schema(kind)
    day = as_of_date(request, None)
    from paiwu.engine.flatten import flatten

    flat = flatten(shared_evaluator.compiled, kind, request, day)
    evaluated = shared_evaluator.evaluate_rules(kind, flat, day)
    # rules set aside or held undecided by an exception are the exception's doing, not durable's
    results = {r.compiled.rule.id: r.result for r in evaluated if r.blocked_by is None}

    def value_of(path: str) -> Any:
        return day if path == "as_of" else lookup(request, path)

    for compiled in shared_evaluator.compiled.rules:
        rule = compiled.rule
        if rule.id not in results or results[rule.id] == "overridden":
            continue
        expected = {True: "holds", False: "fails", None: "unknown"}[reference(rule.when, value_of, schema)]
        assert results[rule.id] == expected, (rule.id, data)


def test_every_failing_clause_is_reported_not_only_the_first(evaluator: Evaluator) -> None:
    decision = evaluator.decide(example("xuzhou-ineligible-several.yaml"))
    failing = {f.rule_id for f in decision.findings if f.outcome == "ineligible"}
    assert len(failing) >= 4


def test_sessions_are_deleted_so_thousands_of_requests_pass_the_1024_session_limit(evaluator: Evaluator) -> None:
    request = example("xuzhou-eligible.yaml")
    first = evaluator.decide(request)
    for _ in range(1100):
        evaluator.decide(request)
    assert evaluator.decide(request) == first


def test_a_failing_action_is_raised_not_swallowed() -> None:
    def explode(_closure: Any) -> None:
        raise ZeroDivisionError("action failed")

    session = _session_with_action({"boom": {"all": [{"m": {"paiwu_kind": "trade"}}]}}, explode)
    with pytest.raises(EngineFailure, match="action failed"):
        session.fired({"paiwu_kind": "trade"})
    # The failed request's session was deleted: the next request is evaluated afresh (and fails
    # the same way) rather than colliding with a stale session.
    with pytest.raises(EngineFailure, match="action failed"):
        session.fired({"paiwu_kind": "trade"})


def _session_with_action(definition: dict[str, Any], action: Any) -> RulesSession:
    class Failing(RulesSession):
        def _recorder(self, rule_name: str) -> Any:
            return action

    return Failing(definition)


def test_the_host_starts_no_background_threads() -> None:
    before = threading.active_count()
    RulesSession({"r": {"all": [{"m": {"paiwu_kind": "trade"}}]}})
    assert threading.active_count() == before


def test_the_session_state_never_matches_a_rule() -> None:
    # A rule that only asks for an absent field would match durable-rules' own re-asserted state
    # and loop; every compiled rule is ANDed with the request marker, so a request returns.
    session = RulesSession({"absent": {"all": [{"m": {"$and": [{"paiwu_kind": "trade"}, {"$nex": {"x": 1}}]}}]}})
    assert session.fired({"paiwu_kind": "trade"}) == {"absent"}
    assert session.fired({"paiwu_kind": "other"}) == frozenset()


def test_concurrent_threads_get_the_same_decisions(evaluator: Evaluator) -> None:
    requests_ = [
        example(n) for n in ("xuzhou-eligible.yaml", "xuzhou-ineligible-several.yaml", "xuzhou-needs-review.yaml")
    ]
    expected = [evaluator.decide(r).canonical_json() for r in requests_]
    failures: list[str] = []

    def work() -> None:
        for _ in range(100):
            for request, want in zip(requests_, expected, strict=True):
                if evaluator.decide(request).canonical_json() != want:
                    failures.append(request.id or "")

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []


def test_dates_enter_the_engine_as_day_numbers(evaluator: Evaluator) -> None:
    from paiwu.engine.flatten import flatten

    request = example("xuzhou-eligible.yaml")
    flat = flatten(evaluator.compiled, "trade", request, dt.date(2024, 5, 20))
    assert flat.fact["as_of"] == dt.date(2024, 5, 20).toordinal()
    assert flat.fact["holding__term_start__plus_years_5"] == dt.date(2025, 3, 1).toordinal()
    assert flat.fact["trade__quantity_t_per_year"] == 12500


def test_an_empty_request_matches_no_policy_rule_and_is_handled(evaluator: Evaluator) -> None:
    # Every rule is undetermined: only the engine's sentinel fires. Without the sentinel,
    # durable-rules 2.0.28 crashes the process when the unmatched session is deleted.
    for _ in range(3):
        decision = evaluator.decide(validate_request({"kind": "trade"}))
        assert decision.status == "needs_review"
        assert "trade.pollutant" in decision.missing_facts
