"""`paiwu explain` and the trace behind it: every rule in legal order, the facts it read, and part
truths that agree with the rules engine's own result."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from paiwu.cli.main import main
from paiwu.engine.evaluate import Evaluator
from paiwu.engine.explain import NOT_IN_FORCE, explain
from paiwu.engine.flatten import as_of_date

from .conftest import EXAMPLES, example

EXAMPLE_NAMES = sorted(p.name for p in EXAMPLES.glob("*.yaml"))


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_trace_lists_every_rule_of_the_kind_once_with_the_engines_result(evaluator: Evaluator, name: str) -> None:
    request = example(name)
    trace = explain(evaluator, request)
    kind = request.kind
    ids = [t.rule.id for t in trace.rules]
    assert sorted(ids) == sorted(r.id for r in evaluator.policy.rules if kind in r.kinds)
    day = as_of_date(request, None)
    for item in trace.rules:
        assert (item.result == NOT_IN_FORCE) == (not item.rule.in_force(day))
    assert {t.rule.id for t in trace.decisive()} == {f.rule_id for f in trace.decision.findings}


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_part_truths_agree_with_the_rules_engine(evaluator: Evaluator, name: str) -> None:
    """The tree's Kleene truth is recomputed for display only; it must never contradict the engine."""
    expected = {"holds": True, "fails": False, "unknown": None}
    for item in explain(evaluator, example(name)).rules:
        if item.result in expected and item.blocked_by is None:
            assert item.tree.truth is expected[item.result], (item.rule.id, item.result, item.tree.truth)


def test_trace_is_in_legal_order(evaluator: Evaluator) -> None:
    trace = explain(evaluator, example("xuzhou-ineligible-several.yaml"))
    decisive = [t.rule.id for t in trace.decisive()]
    assert decisive == [
        "xuzhou-2015/art-14/para-2#negotiated-despite-excess-demand",
        "xuzhou-2015/art-16/item-2#seller-tasks-unfinished",
        "xuzhou-2015/art-16/item-3#seller-credit-red-or-black",
        "xuzhou-2015/art-17/item-1#buyer-region-restricted",
    ]
    instruments = [t.rule.instrument for t in trace.rules]
    assert instruments == sorted(instruments, key=list(evaluator.corpus.instruments).index)


def test_facts_read_and_missing_are_reported(evaluator: Evaluator) -> None:
    trace = explain(evaluator, example("xuzhou-needs-review.yaml"))
    item = trace.rule("xuzhou-2015/art-16/item-3#seller-credit-red-or-black")
    assert item.result == "unknown" and item.decided
    assert item.facts == {"seller.kind": "enterprise"}
    assert item.missing == ("seller.credit_rating",)


def test_overridden_rule_names_its_exception(evaluator: Evaluator) -> None:
    trace = explain(evaluator, example("xuzhou-eligible.yaml"))
    overridden = [t for t in trace.rules if t.result == "overridden"]
    assert overridden
    for item in overridden:
        assert item.overridden_by is not None
        assert item.rule.id in evaluator.policy.rule(item.overridden_by).overrides


def test_explain_shows_the_rules_that_decided_and_what_would_make_it_eligible() -> None:
    code, out, _ = run("explain", str(EXAMPLES / "xuzhou-ineligible-several.yaml"))
    assert code == 0
    assert "INELIGIBLE · 不得交易" in out
    assert "Rules that decided (4 of" in out
    assert "✔ holds" in out and "xuzhou-2015/art-16/item-3#seller-credit-red-or-black" in out
    assert "✓ seller.credit_rating is one of red, black   [seller.credit_rating = red]" in out
    assert "xuzhou-2015/art-21#city-epb-consent" not in out  # a rule that failed is not shown by default
    tail = out.split("What would make it eligible (3 smallest sets, each re-evaluated):")[1]
    assert "seller.credit_rating: red → green" in tail


def test_explain_all_shows_every_rule_with_its_result() -> None:
    code, out, _ = run("explain", str(EXAMPLES / "xuzhou-before-in-force.yaml"), "--all")
    assert code == 0
    assert "– not in force" in out and "✘ fails" in out and "✔ holds" in out
    assert "xuzhou-2015/art-21#city-epb-consent" in out
    assert "reads: as_of = 2015-09-01" in out
    assert "none that paiwu may propose" in out and "as_of: the date" in out


def test_explain_of_an_eligible_trade_says_nothing_stood_in_the_way() -> None:
    code, out, _ = run("explain", str(EXAMPLES / "xuzhou-eligible.yaml"))
    assert code == 0
    assert "none: no rule is met or undetermined" in out
    assert "What would make it" not in out


def test_explain_refuses_bad_input_like_check() -> None:
    code, _, err = run("explain", "no-such-file.yaml")
    assert code == 2 and "no such request file" in err
    code, _, err = run("explain", "-", "--as-of", "2024-13-01")
    assert code == 2 and "not a date" in err


def test_explain_names_the_bad_field() -> None:
    result = CliRunner().invoke(main, ["explain", "-"], input="kind: trade\nseller: {credit_rating: purple}\n")
    assert result.exit_code == 2
    assert "seller.credit_rating" in result.stderr
