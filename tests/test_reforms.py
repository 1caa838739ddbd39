"""Parameters, reforms, population impact and the exact diff - for policymakers."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from paiwu.cli.main import main
from paiwu.engine.diff import exact_diff
from paiwu.engine.evaluate import Evaluator
from paiwu.engine.impact import assess
from paiwu.facts import validate_request
from paiwu.facts.population import generate, read_population
from paiwu.policies.model import PolicyError, default_policy_set
from paiwu.policies.reforms import load_reform

from .conftest import ROOT, example

REFORMS = ROOT / "reforms"


def reform(name: str) -> Evaluator:
    return Evaluator(load_reform(REFORMS / f"{name}.yaml", default_policy_set()))


def test_parameters_are_dated_and_cite_their_clause() -> None:
    parameters = default_policy_set().parameters.items
    term = parameters["xuzhou.paid_use_term_years"]
    assert term.clause == "xuzhou-2015/art-13/para-1" and term.at(dt.date(2020, 1, 1)) == 5


def test_a_reform_never_mutates_the_baseline_and_both_decide_in_one_process(evaluator: Evaluator) -> None:
    before = evaluator.policy.parameters.items["xuzhou.paid_use_term_years"].values
    three = reform("three-year-term")
    request = example("xuzhou-eligible.yaml")
    assert evaluator.policy.parameters.items["xuzhou.paid_use_term_years"].values == before
    assert evaluator.decide(request, as_of=dt.date(2025, 2, 1)).status == "eligible"
    assert three.decide(request, as_of=dt.date(2025, 2, 1)).status == "needs_review"
    # before the reform's date the old value still applies, under the reform too
    assert three.decide(request, as_of=dt.date(2024, 12, 31)).status == "eligible"
    assert three.decide(request, as_of=dt.date(2025, 2, 1)).parameters["xuzhou.paid_use_term_years"] == 3


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "parameters:\n  xuzhou.paid_use_term_year: {2025-01-01: 3}\n",
            "unknown parameter 'xuzhou.paid_use_term_year' (did you mean xuzhou.paid_use_term_years?)",
        ),
        (
            "disable: [xuzhou-2015/art-16/item-3#seller-credit-red]\n",
            "unknown rule 'xuzhou-2015/art-16/item-3#seller-credit-red' in disable",
        ),
        ("colour: red\n", "colour: Extra inputs are not permitted"),
    ],
)
def test_a_wrong_name_in_a_reform_is_an_error_never_a_silent_addition(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("name: r\ntitle: {zh: 甲, en: a}\ndescription: {zh: 甲, en: a}\n" + text, encoding="utf-8")
    with pytest.raises(PolicyError, match=re.escape(message)):
        load_reform(path, default_policy_set())
    result = CliRunner().invoke(main, ["policies", "validate", "--reform", str(path)])
    assert result.exit_code == 3


def test_a_reform_can_disable_and_add_rules(evaluator: Evaluator, tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(
        "name: no-catch-all\ntitle: {zh: 甲, en: a}\ndescription: {zh: 甲, en: a}\n"
        "disable: [xuzhou-2015/art-16/item-4#seller-otherwise-barred]\n",
        encoding="utf-8",
    )
    reformed = Evaluator(load_reform(path, default_policy_set()))
    data = example("xuzhou-eligible.yaml").model_dump(mode="json", exclude_none=True)
    data["seller"]["other_legal_bar"] = True
    request = validate_request(data)
    assert evaluator.decide(request).status == "ineligible"
    assert reformed.decide(request).status == "eligible"
    assert reformed.policy.version != evaluator.policy.version
    added = reform("ten-day-publicity").policy.rule("xuzhou-2015/art-13/para-2#reform-allocation-without-permits")
    assert added.kinds == ("allocation",)


def test_check_with_a_reform_shows_the_change() -> None:
    result = CliRunner().invoke(
        main,
        [
            "check",
            str(ROOT / "examples/xuzhou-eligible.yaml"),
            "--reform",
            str(REFORMS / "three-year-term.yaml"),
            "--as-of",
            "2025-02-01",
            "--format",
            "json",
        ],
    )
    data = json.loads(result.stdout)
    assert data["baseline"]["status"] == "eligible" and data["reform"]["status"] == "needs_review"
    assert data["findings_added"] == ["xuzhou-2015/art-13/para-1#term-expired"]


def test_population_generation_is_seeded_and_valid() -> None:
    first = list(generate(300, seed=7))
    assert first == list(generate(300, seed=7)) and first != list(generate(300, seed=8))
    for case in first:
        validate_request(case)
    assert {c["kind"] for c in first} == {"trade", "holding"}


def test_impact_counts_transitions_and_names_the_clauses(tmp_path: Path) -> None:
    population = tmp_path / "p.jsonl"
    population.write_text(
        "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in generate(600, seed=3)), encoding="utf-8"
    )
    impact = assess(REFORMS / "yellow-credit-barred.yaml", read_population(population), workers=1)
    data = impact.as_dict()
    assert data["cases"] == 600 and data["invalid"] == 0
    assert sum(t["cases"] for t in data["transitions"]) == 600
    assert data["changed"] > 0 and all(t["to"] == "ineligible" for t in data["transitions"] if t["from"] != t["to"])
    assert set(data["clauses"]) <= {"xuzhou-2015/art-16/item-3", "xuzhou-2015/art-17/item-3"}
    # the same population evaluated in two worker processes gives the same answer
    parallel = assess(REFORMS / "yellow-credit-barred.yaml", read_population(population), workers=2).as_dict()
    assert parallel["transitions"] == data["transitions"]


def test_impact_reads_csv_populations(tmp_path: Path) -> None:
    population = tmp_path / "p.csv"
    population.write_text(
        "kind,id,as_of,party.city,party.industrial,holding.pollutant,holding.term_start,holding.reverified_after_term,"
        "holding.confirmed_by_permit\n"
        "holding,h1,2025-06-01,徐州市,true,COD,2021-01-01,false,true\n",
        encoding="utf-8",
    )
    data = assess(REFORMS / "three-year-term.yaml", read_population(population), workers=1).as_dict()
    assert data["transitions"] == [{"from": "needs_review", "to": "non_compliant", "cases": 1}]


def test_impact_html_report_is_self_contained(tmp_path: Path) -> None:
    population = tmp_path / "p.jsonl"
    population.write_text(
        "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in generate(200, seed=1)), encoding="utf-8"
    )
    out = tmp_path / "impact.html"
    result = CliRunner().invoke(
        main,
        [
            "reform",
            "impact",
            "--reform",
            str(REFORMS / "yellow-credit-barred.yaml"),
            "--population",
            str(population),
            "--format",
            "html",
            "-o",
            str(out),
            "--workers",
            "1",
        ],
    )
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "<svg" in html and "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "Yellow credit rating also bars trading" in html


def test_exact_diff_finds_every_changed_kind_with_confirmed_witnesses(evaluator: Evaluator) -> None:
    kinds = {k.kind: k for k in exact_diff(evaluator, reform("yellow-credit-barred"), limit=4)}
    assert kinds["trade"].regions and all(r.confirmed for r in kinds["trade"].regions)
    assert all(not kinds[k].regions and kinds[k].complete for k in ("holding", "allocation", "enterprise"))
    for region in kinds["trade"].regions:
        request = validate_request(region.witness)
        assert evaluator.decide(request).status == region.status_before
        assert set(region.rules) <= {
            "xuzhou-2015/art-16/item-3#seller-credit-red-or-black",
            "xuzhou-2015/art-17/item-3#buyer-credit-red-or-black",
        }


def test_exact_diff_proves_that_an_empty_reform_changes_nothing(evaluator: Evaluator, tmp_path: Path) -> None:
    path = tmp_path / "same.yaml"
    path.write_text(
        "name: same\ntitle: {zh: 甲, en: a}\ndescription: {zh: 甲, en: a}\n"
        "parameters:\n  xuzhou.paid_use_term_years: {2025-01-01: 5}\n",
        encoding="utf-8",
    )
    same = Evaluator(load_reform(path, default_policy_set()))
    assert all(not k.regions and k.complete for k in exact_diff(evaluator, same))
    result = CliRunner().invoke(main, ["reform", "diff", "--reform", str(path)])
    assert "no request of any kind is decided differently" in result.output


def test_exact_diff_handles_working_day_periods_with_the_real_calendar(evaluator: Evaluator) -> None:
    kinds = {k.kind: k for k in exact_diff(evaluator, reform("ten-day-publicity"), limit=6)}
    regions = kinds["allocation"].regions
    assert regions and all(r.confirmed for r in regions), [
        (r.status_before, r.status_after, r.witness) for r in regions if not r.confirmed
    ]
    assert all(not kinds[k].regions for k in ("trade", "holding"))


def test_impact_counts_invalid_cases_and_names_them(tmp_path: Path) -> None:
    population = tmp_path / "p.jsonl"
    population.write_text('{"kind": "trade"}\nnot json\n{"kind": "swap"}\n', encoding="utf-8")
    data = assess(REFORMS / "three-year-term.yaml", read_population(population), workers=1).as_dict()
    assert data["cases"] == 1 and data["invalid"] == 2
    assert data["invalid_examples"][0].startswith(f"{population}:2: not JSON")
    assert (
        data["invalid_examples"][1]
        == f"{population}:3: kind: unknown check kind 'swap'; expected one of: acquisition, allocation, buyback, enterprise, holding, trade"
    )
