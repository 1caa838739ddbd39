"""The command line: decisions, formats, exit codes, and bad input that names the field."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from paiwu.cli.main import main

from .conftest import EXAMPLES

EXPECTED = {
    "xuzhou-eligible.yaml": ("eligible", 0),
    "linyi-eligible.yaml": ("eligible", 0),
    "xuzhou-government-reserve.yaml": ("eligible", 0),
    "xuzhou-ineligible-several.yaml": ("ineligible", 1),
    "linyi-ineligible.yaml": ("ineligible", 1),
    "xuzhou-cross-county.yaml": ("ineligible", 1),
    "xuzhou-needs-review.yaml": ("needs_review", 3),
    "xuzhou-before-in-force.yaml": ("not_applicable", 4),
    "linyi-before-issue.yaml": ("not_applicable", 4),
    "between-cities.yaml": ("not_applicable", 4),
    "xuzhou-completed-price.yaml": ("needs_review", 3),
    "acquisition-xuzhou-eligible.yaml": ("eligible", 0),
    "holding-xuzhou-recall.yaml": ("non_compliant", 1),
    "buyback-xuzhou-closure.yaml": ("eligible", 0),
    "allocation-xuzhou-publicity.yaml": ("non_compliant", 1),
    "allocation-linyi-reserve.yaml": ("non_compliant", 1),
    "enterprise-xuzhou-monitoring.yaml": ("non_compliant", 1),
}


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_every_shipped_example_is_listed_here() -> None:
    assert sorted(EXPECTED) == sorted(p.name for p in EXAMPLES.glob("*.yaml"))


@pytest.mark.parametrize(("name", "expected"), sorted(EXPECTED.items()))
def test_examples_decide_as_documented(name: str, expected: tuple[str, int]) -> None:
    status, code = expected
    exit_code, out, _ = run("check", str(EXAMPLES / name), "--format", "json")
    assert exit_code == code
    assert json.loads(out)["status"] == status


def test_text_report_reads_status_then_findings_with_verbatim_clauses() -> None:
    code, out, _ = run("check", str(EXAMPLES / "xuzhou-ineligible-several.yaml"))
    assert code == 1
    assert out.index("INELIGIBLE") < out.index("Xuzhou Measures (2015), Art. 16(3)")
    assert "《徐州市主要污染物排污权有偿使用和交易管理办法（试行）》第十六条第（三）项" in out
    assert "（三）企业环境行为信用等级被评为红色或者黑色的" in out
    assert "Policy version" in out and "Reproduce" in out


def test_missing_facts_become_a_checklist() -> None:
    code, out, _ = run("check", str(EXAMPLES / "xuzhou-needs-review.yaml"), "--lang", "en")
    assert code == 3
    assert "[ ] seller.credit_rating" in out and "[ ] seller.other_legal_bar" in out
    assert "一" not in out.split("Facts to request")[1].split("Interpretations")[0]


def test_chinese_only_report() -> None:
    _, out, _ = run("check", str(EXAMPLES / "xuzhou-eligible.yaml"), "--lang", "zh")
    assert "结论: 符合条件" in out and "Decision" not in out


def test_markdown_report() -> None:
    _, out, _ = run("check", str(EXAMPLES / "linyi-ineligible.yaml"), "--format", "markdown")
    assert out.startswith("# paiwu decision: LY-2017-0113")
    assert "| 中文 | English |" in out


def test_as_of_overrides_the_trade_date() -> None:
    code, out, _ = run("check", str(EXAMPLES / "xuzhou-eligible.yaml"), "--as-of", "2015-12-09", "--format", "json")
    assert code == 4 and json.loads(out)["as_of"] == "2015-12-09"


def test_stdin_and_json_input() -> None:
    request = {"kind": "trade", "trade": {"date": "2020-01-01", "pollutant": "SO2"}}
    code, out, _ = run("check", "-", "--format", "json", stdin=json.dumps(request))
    assert code == 3 and json.loads(out)["status"] == "needs_review"


def test_several_requests_exit_with_the_most_severe_code() -> None:
    code, out, _ = run(
        "check",
        "--format",
        "summary",
        str(EXAMPLES / "xuzhou-eligible.yaml"),
        str(EXAMPLES / "xuzhou-ineligible-several.yaml"),
    )
    assert code == 1 and len(out.strip().splitlines()) == 2
    code, _, _ = run("check", "--format", "summary", "--exit-zero", *map(str, EXAMPLES.glob("*.yaml")))
    assert code == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kind: trade\ntrade: {date: 2024-01-01\n", "request.yaml:3: (document): expected ',' or '}'"),
        ("kind: trade\ntrade:\n  colour: red\n", "request.yaml:3: trade.colour: unknown field"),
        (
            "kind: trade\ntrade:\n  quantity_t_per_year: lots\n",
            "request.yaml:3: trade.quantity_t_per_year: Input should be a valid number",
        ),
        ("kind: trade\ntrade:\n  pollutant: SO3\n", "request.yaml:3: trade.pollutant: Input should be 'COD', 'NH3-N'"),
        ("kind: trade\ntrade:\n  date: 2024-02-30\n", "request.yaml:3: trade.date: Input should be a valid date"),
        ("kind: swap\n", "request.yaml:1: kind: unknown check kind 'swap'"),
        ("- 1\n- 2\n", "request.yaml: (document): a request is a mapping"),
        ("kind: trade\nseller:\n  credit_rating: purple\n", "seller.credit_rating: Input should be 'green'"),
        (
            "kind: trade\ntrade:\n  quantity_t_per_year: -3\n",
            "trade.quantity_t_per_year: Input should be greater than or equal to 0",
        ),
        ("kind: trade\ntrade:\n  date: 0\n", "trade.date: Value error, a date is written YYYY-MM-DD"),
        (
            "kind: trade\ntrade:\n  quantity_t_per_year: true\n",
            "trade.quantity_t_per_year: Value error, a number, not true/false",
        ),
    ],
)
def test_bad_input_names_the_field_and_line_never_a_traceback(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "request.yaml"
    path.write_text(text, encoding="utf-8")
    code, out, err = run("check", str(path))
    assert code == 2 and out == ""
    assert expected.replace("request.yaml", str(path)) in err, err
    assert "Traceback" not in err


def test_not_utf8_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("kind: trade\nseller: {name: Müller}\n".encode("latin-1"))
    code, _, err = run("check", str(path))
    assert code == 2 and "not UTF-8" in err
    code, _, err = run("check", str(tmp_path / "absent.yaml"))
    assert code == 2 and "no such file" in err


def test_policies_validate_command() -> None:
    code, out, _ = run("policies", "validate")
    assert code == 0 and "0 errors" in out


def test_the_installed_command_runs_in_a_real_process() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "paiwu.cli.main", "check", str(EXAMPLES / "xuzhou-eligible.yaml"), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["policy_version"].startswith("sha256:")
