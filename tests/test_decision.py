"""Decisions: deterministic, fail-closed, cited, with the status precedence of the issue."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from paiwu.engine.decision import combine
from paiwu.engine.evaluate import Evaluator
from paiwu.facts import validate_request

from .conftest import example


def test_same_request_same_bytes(evaluator: Evaluator) -> None:
    request = example("xuzhou-ineligible-several.yaml")
    assert evaluator.decide(request).canonical_json() == Evaluator().decide(request).canonical_json()


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        (["not_applicable", "not_applicable"], "not_applicable"),
        (["not_applicable", "eligible"], "eligible"),
        (["eligible", "needs_review"], "needs_review"),
        (["needs_review", "ineligible"], "ineligible"),
    ],
)
def test_status_precedence(statuses: list[str], expected: str) -> None:
    assert combine(statuses) == expected


def _leaves(data: Any, prefix: str = "") -> list[str]:
    if isinstance(data, dict):
        return [p for k, v in data.items() if k not in ("kind", "id") for p in _leaves(v, f"{prefix}{k}.")]
    return [prefix.rstrip(".")]


def _without(data: dict[str, Any], path: str) -> dict[str, Any]:
    import copy

    out = copy.deepcopy(data)
    node = out
    *parents, leaf = path.split(".")
    for part in parents:
        node = node[part]
    del node[leaf]
    return out


@pytest.mark.parametrize("name", ["xuzhou-eligible.yaml", "linyi-eligible.yaml", "xuzhou-government-reserve.yaml"])
def test_removing_any_fact_a_rule_reads_never_leaves_eligible_unexplained(evaluator: Evaluator, name: str) -> None:
    data = example(name).model_dump(mode="json", exclude_none=True)
    read = {p for r in evaluator.compiled.rules for p in r.paths}
    for path in _leaves(data):
        decision = evaluator.decide(validate_request(_without(data, path)))
        if path in read and decision.status == "eligible":
            # only possible when no rule in force needs the fact for this trade (e.g. a Linyi fact in Xuzhou)
            assert all(path not in f.facts_missing for f in decision.findings)
        if decision.status == "needs_review":
            assert path in decision.missing_facts or path == "trade.date"


def test_needs_review_names_each_missing_fact(evaluator: Evaluator) -> None:
    decision = evaluator.decide(example("xuzhou-needs-review.yaml"))
    assert decision.status == "needs_review"
    assert {"seller.credit_rating", "seller.other_legal_bar"} <= set(decision.missing_facts)
    for finding in decision.findings:
        assert finding.citations, finding.rule_id


def test_every_prohibition_is_listed(evaluator: Evaluator) -> None:
    decision = evaluator.decide(example("xuzhou-ineligible-several.yaml"))
    cited = {c.clause_id for f in decision.findings if f.outcome == "ineligible" for c in f.citations}
    assert {
        "xuzhou-2015/art-16/item-2",
        "xuzhou-2015/art-16/item-3",
        "xuzhou-2015/art-17/item-1",
        "xuzhou-2015/art-14/para-2",
    } <= cited


def test_as_of_defaults_to_the_trade_date_and_can_be_overridden(evaluator: Evaluator) -> None:
    request = example("xuzhou-eligible.yaml")
    assert evaluator.decide(request).as_of == dt.date(2024, 5, 20)
    assert evaluator.decide(request, as_of=dt.date(2015, 12, 9)).status == "not_applicable"
    assert evaluator.decide(request, as_of=dt.date(2015, 12, 10)).status == "eligible"


def test_the_decision_carries_policy_version_and_request_hash(evaluator: Evaluator) -> None:
    a = evaluator.decide(example("xuzhou-eligible.yaml"))
    b = evaluator.decide(example("linyi-eligible.yaml"))
    assert a.policy_version == b.policy_version == evaluator.policy.version
    assert a.request_hash != b.request_hash and a.request_hash.startswith("sha256:")


def test_interpretations_are_surfaced_with_the_findings_that_use_them(evaluator: Evaluator) -> None:
    decision = evaluator.decide(example("xuzhou-needs-review.yaml"))
    surplus = [f for f in decision.findings if f.rule_id == "xuzhou-2015/art-19#surplus-not-from-reduction-works"]
    assert surplus and surplus[0].interpretation is not None
    assert "xuzhou-2015/art-19#surplus-not-from-reduction-works" in {i.rule_id for i in decision.interpretations}


def test_an_exception_sets_aside_the_rule_it_overrides(evaluator: Evaluator) -> None:
    data = example("xuzhou-eligible.yaml").model_dump(mode="json", exclude_none=True)
    data["trade"]["pollutant"] = "VOCs"
    undecided = evaluator.decide(validate_request(data))  # the exception cannot be decided: neither can the rule
    assert undecided.status == "needs_review" and undecided.missing_facts == ["trade.pollutant_designated_by_city"]
    data["trade"]["pollutant_designated_by_city"] = False
    assert evaluator.decide(validate_request(data)).status == "not_applicable"
    data["trade"]["pollutant_designated_by_city"] = True
    decision = evaluator.decide(validate_request(data))
    assert decision.status == "needs_review"
    overridden = [c for c in decision.checked if c.result == "overridden"]
    assert [c.rule_id for c in overridden] == ["xuzhou-2015/art-3/para-1#not-a-main-pollutant"]


def test_five_year_term_counts_like_the_civil_code(evaluator: Evaluator) -> None:
    data = example("xuzhou-eligible.yaml").model_dump(mode="json", exclude_none=True)
    data["holding"]["term_start"] = "2016-02-29"
    request = validate_request(data)
    assert evaluator.decide(request, as_of=dt.date(2021, 2, 28)).status == "eligible"
    unknown = evaluator.decide(request, as_of=dt.date(2021, 3, 1))
    assert unknown.status == "needs_review" and "holding.reverified_after_term" in unknown.missing_facts
    data["holding"]["reverified_after_term"] = False
    late = evaluator.decide(validate_request(data), as_of=dt.date(2021, 3, 1))
    assert late.status == "ineligible"
    assert "xuzhou-2015/art-13/para-1#term-expired" in {f.rule_id for f in late.findings}


def test_buyback_amount_is_computed_and_shown(evaluator: Evaluator) -> None:
    decision = evaluator.decide(example("buyback-xuzhou-closure.yaml"))
    [amount] = [a for f in decision.findings for a in f.amounts]
    # 10 t/a × (914 days from 2024-07-01 to 2027-01-01) / 365 = 2.5041 a × 2,400 CNY per t·a
    assert amount.value == 60098.40 and amount.unit == "CNY"
    assert "2.5041" in amount.calculation and "2,400" in amount.calculation


def test_freely_obtained_rights_are_recalled_without_compensation(evaluator: Evaluator) -> None:
    data = example("buyback-xuzhou-closure.yaml").model_dump(mode="json", exclude_none=True)
    data["holding"]["acquired_by"] = "free_allocation"
    decision = evaluator.decide(validate_request(data))
    assert decision.status == "ineligible"
    assert [f.rule_id for f in decision.findings] == ["xuzhou-2015/art-20/para-2#free-rights-recalled"]


def test_a_working_day_period_outside_the_calendar_goes_to_review(evaluator: Evaluator) -> None:
    data = example("allocation-xuzhou-publicity.yaml").model_dump(mode="json", exclude_none=True)
    data["as_of"] = "2027-03-01"
    data["allocation"]["publicity_start"] = "2027-01-04"
    data["allocation"]["publicity_end"] = "2027-01-15"
    data.pop("review")
    decision = evaluator.decide(validate_request(data))
    assert decision.status == "needs_review"
    [finding] = [f for f in decision.findings if f.rule_id == "xuzhou-2015/art-11#publicity-too-short"]
    assert finding.basis == "facts_missing" and any("does not cover 2027" in n for n in finding.notes)


def test_state_checks_say_compliant_or_non_compliant(evaluator: Evaluator) -> None:
    decision = evaluator.decide(example("enterprise-xuzhou-monitoring.yaml"))
    assert decision.status == "non_compliant"
    outcomes = {f.rule_id: f.outcome for f in decision.findings}
    assert outcomes["xuzhou-2015/art-6#continuing-duties"] == "notice"
    assert outcomes["xuzhou-2015/art-24#monitoring-not-networked"] == "non_compliant"
    assert outcomes["xuzhou-2015/art-25#emissions-exceed-rights"] == "non_compliant"
