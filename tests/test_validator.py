"""`paiwu policies validate`: errors name the file, the line, the rule and a likely fix."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from paiwu.engine.validator import validate
from paiwu.policies.model import POLICY_DIR, PolicyError, load_policy_set


@pytest.fixture
def policies(tmp_path: Path) -> Path:
    root = tmp_path / "policies"
    for folder in ("xuzhou-2015", "linyi-2014", "law"):
        shutil.copytree(POLICY_DIR / folder, root / folder)
    shutil.copy(POLICY_DIR / "parameters.yaml", root / "parameters.yaml")
    return root


def test_the_shipped_policies_are_valid() -> None:
    report = validate()
    assert report.errors == [], [p.render() for p in report.errors]
    assert report.rules >= 40
    assert report.operative == report.encoded + report.unencoded


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_unknown_clause_is_reported_with_line_and_suggestion(policies: Path) -> None:
    _edit(
        policies / "xuzhou-2015/art-16.yaml",
        "cites: [xuzhou-2015/art-16/item-3]",
        "cites: [xuzhou-2015/art-16/item-33]",
    )
    report = validate(policies)
    [problem] = [p for p in report.errors if p.rule]
    assert problem.file.endswith("xuzhou-2015/art-16.yaml") and problem.line == 35
    assert "unknown clause 'xuzhou-2015/art-16/item-33'" in problem.message
    assert problem.hint == "xuzhou-2015/art-16/item-3"
    # and the clause it should have cited is now without a rule
    assert any("xuzhou-2015/art-16/item-3 has no rule" in p.message for p in report.errors)


def test_unknown_fact_path_is_reported_with_a_suggestion(policies: Path) -> None:
    _edit(policies / "xuzhou-2015/art-16.yaml", "fact: seller.credit_rating", "fact: seller.credit_ratings")
    [problem] = validate(policies).errors
    assert "unknown fact 'seller.credit_ratings'" in problem.message
    assert problem.hint == "seller.credit_rating"
    assert problem.rule == "xuzhou-2015/art-16/item-3#seller-credit-red-or-black"


def test_a_value_outside_an_enumeration_is_an_error(policies: Path) -> None:
    _edit(policies / "xuzhou-2015/art-16.yaml", "in: {param: xuzhou.barred_credit_ratings}", "in: [red, blak]")
    [problem] = validate(policies).errors
    assert "'blak' is not a value of seller.credit_rating" in problem.message and "black" in problem.message


def test_a_parameter_value_outside_an_enumeration_is_an_error(policies: Path) -> None:
    _edit(
        policies / "parameters.yaml",
        "values: {2015-12-10: [red, black]}",
        "values: {2015-12-10: [red, black], 2030-01-01: [red, grey]}",
    )
    problems = validate(policies).errors
    assert problems and all("'grey' is not a value of" in p.message for p in problems)


def test_an_unknown_parameter_is_reported_with_a_suggestion(policies: Path) -> None:
    _edit(
        policies / "xuzhou-2015/art-17.yaml",
        "{param: xuzhou.barred_credit_ratings}",
        "{param: xuzhou.barred_credit_rating}",
    )
    [problem] = validate(policies).errors
    assert "unknown parameter 'xuzhou.barred_credit_rating'" in problem.message
    assert problem.hint == "xuzhou.barred_credit_ratings"


def test_an_operative_clause_without_rule_or_mark_is_an_error(policies: Path) -> None:
    (policies / "xuzhou-2015/art-19.yaml").unlink()
    messages = [p.message for p in validate(policies).errors]
    assert any("operative clause xuzhou-2015/art-19 has no rule" in m for m in messages)


def test_two_rules_deciding_one_clause_differently_need_declared_precedence(policies: Path) -> None:
    _edit(
        policies / "xuzhou-2015/art-03.yaml",
        "    overrides: [xuzhou-2015/art-3/para-1#not-a-main-pollutant]\n",
        "",
    )
    [problem] = validate(policies).errors
    assert "with no declared precedence" in problem.message
    assert problem.rule == "xuzhou-2015/art-3/para-1#designated-other-pollutant"


def test_provably_disjoint_rules_need_no_declaration(policies: Path) -> None:
    # art-14 para-2: demand > supply (ineligible) and demand < supply (needs_review) cannot both hold.
    assert validate(policies).errors == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("rules: &a [1]\nx: *a\n", "anchors (&name) are not allowed"),
        ("instrument: !!python/object/apply:os.system [echo hi]\n", "tags that construct objects are not allowed"),
        ("instrument: xuzhou-2015\ninstrument: linyi-2014\n", "duplicate key 'instrument'"),
    ],
)
def test_hostile_policy_files_are_refused_not_executed(policies: Path, text: str, message: str) -> None:
    (policies / "xuzhou-2015/evil.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(PolicyError, match=re.escape(message)) as caught:
        load_policy_set(policies)
    assert caught.value.file.endswith("evil.yaml") and caught.value.line is not None
    [problem] = validate(policies).errors
    assert message in problem.message


def test_unknown_operator_is_reported_with_its_line(policies: Path) -> None:
    _edit(
        policies / "xuzhou-2015/art-17.yaml",
        "when: {fact: buyer.credit_rating, in: {param: xuzhou.barred_credit_ratings}}",
        "when: {fact: buyer.credit_rating, among: [red, black]}",
    )
    with pytest.raises(PolicyError) as caught:
        load_policy_set(policies)
    assert "unknown operator 'among'" in str(caught.value)
    assert caught.value.rule == "xuzhou-2015/art-17/item-3#buyer-credit-red-or-black"
    assert caught.value.line is not None


def test_policy_version_changes_with_any_policy_byte(policies: Path) -> None:
    before = load_policy_set(policies).version
    _edit(policies / "xuzhou-2015/art-16.yaml", "不得出让排污权指标。", "不得出让排污权指标！")
    assert load_policy_set(policies).version != before
