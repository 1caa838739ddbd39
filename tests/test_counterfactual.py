"""What would make it eligible: every proposed set, applied by the test itself, really is eligible,
is minimal, and never touches a date, a city or who the parties are."""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from paiwu.engine.counterfactual import GOALS, MAX_REMEDIES, Counterfactuals, Remedy, counterfactuals
from paiwu.engine.evaluate import Evaluator, default_evaluator
from paiwu.facts import Request, fact_schema, validate_request

from .conftest import EXAMPLES, example

NOT_ELIGIBLE = sorted(
    p.name for p in EXAMPLES.glob("*.yaml") if default_evaluator().decide(example(p.name)).status not in GOALS
)
SCHEMA = fact_schema("trade")


def applied(request: Request, remedy: Remedy) -> Request:
    """The request with the remedy's changes written in, independently of the engine's own helper."""
    data: dict[str, Any] = request.model_dump(mode="json", exclude_none=True)
    for change in remedy.changes:
        node = data
        *parents, leaf = change.path.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = change.value
    return validate_request(data)  # type: ignore[return-value]


def without(request: Request, remedy: Remedy, path: str) -> Request:
    kept = Remedy(tuple(c for c in remedy.changes if c.path != path), remedy.decision)
    return applied(request, kept)


def check_remedies(evaluator: Evaluator, request: Request, found: Counterfactuals) -> None:
    assert len(found.remedies) <= MAX_REMEDIES
    sizes = [len(r.changes) for r in found.remedies]
    assert sizes == sorted(sizes), "smallest sets first"
    for remedy in found.remedies:
        assert remedy.changes
        assert evaluator.decide(applied(request, remedy)).status in GOALS, remedy
        assert remedy.decision.status in GOALS
        for change in remedy.changes:  # minimal: every change is needed
            assert evaluator.decide(without(request, remedy, change.path)).status not in GOALS, change.path
            spec = fact_schema(request.kind)[change.path]
            name = change.path.rsplit(".", 1)[-1]
            assert spec.type != "date" and name not in ("city", "as_of", "date"), change.path
            if name in ("kind", "county", "industrial", "pollutant"):
                assert change.supplied, f"{change.path} is who the parties are: supplied, never changed"
            assert change.value != change.current
            for also in change.also:  # the other values shown are checked too
                alternative = Remedy(
                    tuple(dataclasses.replace(c, value=also) if c is change else c for c in remedy.changes),
                    remedy.decision,
                )
                assert evaluator.decide(applied(request, alternative)).status in GOALS
    paths = [set(r.paths) for r in found.remedies]
    for i, a in enumerate(paths):
        assert not any(b < a for j, b in enumerate(paths) if i != j), "no set contains a smaller one"


@pytest.mark.parametrize("name", NOT_ELIGIBLE)
def test_every_remedy_of_every_example_is_eligible_and_minimal(evaluator: Evaluator, name: str) -> None:
    request = example(name)
    found = counterfactuals(evaluator, request)
    assert found.decision.status not in GOALS
    check_remedies(evaluator, request, found)


def test_several_prohibitions_need_one_change_each(evaluator: Evaluator) -> None:
    found = counterfactuals(evaluator, example("xuzhou-ineligible-several.yaml"))
    assert len(found.remedies) == 3
    for remedy in found.remedies:
        paths = set(remedy.paths)
        assert {"seller.credit_rating", "seller.reduction_tasks_completed", "buyer.region.approval_restricted"} <= paths
        assert len(paths & {"trade.mode", "trade.demand_t_per_year", "trade.supply_t_per_year"}) == 1
    rating = next(c for c in found.remedies[0].changes if c.path == "seller.credit_rating")
    assert rating.current == "red" and {rating.value, *rating.also} == {"green", "blue", "yellow"}
    assert rating.rules == ("xuzhou-2015/art-16/item-3#seller-credit-red-or-black",)


def test_the_issue_example_buyer_rating_and_city_consent(evaluator: Evaluator) -> None:
    data = yaml.safe_load((EXAMPLES / "xuzhou-cross-county.yaml").read_text(encoding="utf-8"))
    data["buyer"]["credit_rating"] = "black"
    request: Request = validate_request(data)  # type: ignore[assignment]
    found = counterfactuals(evaluator, request)
    assert [set(r.paths) for r in found.remedies] == [{"buyer.credit_rating", "trade.consents.city_epb"}]
    check_remedies(evaluator, request, found)


def test_missing_facts_are_supplied_with_values_that_satisfy_the_rule(evaluator: Evaluator) -> None:
    request = example("xuzhou-needs-review.yaml")
    found = counterfactuals(evaluator, request)
    (remedy,) = found.remedies
    changes = {c.path: c for c in remedy.changes}
    assert changes["seller.credit_rating"].supplied and changes["seller.credit_rating"].value not in ("red", "black")
    assert changes["seller.other_legal_bar"].supplied and changes["seller.other_legal_bar"].value is False
    assert changes["holding.surplus_origin"].current == "other"


@pytest.mark.parametrize(
    ("name", "fixed"),
    [
        ("xuzhou-before-in-force.yaml", "as_of"),
        ("linyi-before-issue.yaml", "as_of"),
        ("between-cities.yaml", "buyer.city"),
    ],
)
def test_no_remedy_moves_the_date_or_the_city(evaluator: Evaluator, name: str, fixed: str) -> None:
    found = counterfactuals(evaluator, example(name))
    assert found.decision.status == "not_applicable"
    assert found.remedies == ()
    assert fixed in found.not_proposed


@pytest.mark.parametrize("name", ["xuzhou-eligible.yaml", "linyi-eligible.yaml", "xuzhou-government-reserve.yaml"])
def test_an_eligible_decision_needs_no_change(evaluator: Evaluator, name: str) -> None:
    found = counterfactuals(evaluator, example(name))
    assert found.decision.status == "eligible" and found.remedies == ()


def test_an_expired_term_is_remedied_by_reverification_not_by_a_later_start(evaluator: Evaluator) -> None:
    data = yaml.safe_load((EXAMPLES / "xuzhou-eligible.yaml").read_text(encoding="utf-8"))
    data["holding"]["term_start"] = "2018-01-01"
    request: Request = validate_request(data)  # type: ignore[assignment]
    found = counterfactuals(evaluator, request)
    assert [r.paths for r in found.remedies] == [("holding.reverified_after_term",)]
    check_remedies(evaluator, request, found)


# A property: whatever prohibitions a Xuzhou trade runs into, every remedy proposed is eligible and minimal.
MUTABLE = [
    p
    for p, spec in SCHEMA.items()
    if spec.type in ("bool", "enum") and p.split(".")[0] in ("seller", "buyer", "trade", "holding")
    if p.rsplit(".", 1)[-1] not in ("kind", "pollutant", "stage")
]
BASE: dict[str, Any] = yaml.safe_load((EXAMPLES / "xuzhou-eligible.yaml").read_text(encoding="utf-8"))


def _value(path: str) -> st.SearchStrategy[Any]:
    spec = SCHEMA[path]
    return st.booleans() if spec.type == "bool" else st.sampled_from(spec.choices)


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    for path in draw(st.lists(st.sampled_from(MUTABLE), min_size=1, max_size=4, unique=True)):
        node = data
        *parents, leaf = path.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = draw(st.none() | _value(path))
    return data


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=mutated())
def test_remedies_of_random_prohibitions_are_eligible(evaluator: Evaluator, data: dict[str, Any]) -> None:
    request: Request = validate_request(data)  # type: ignore[assignment]
    found = counterfactuals(evaluator, request)
    check_remedies(evaluator, request, found)
