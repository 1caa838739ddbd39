"""`paiwu law list / show / render`: every clause in both languages, beside the rules and scenarios
that encode it, checked against the corpus, the policies and a plain grep of the feature files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from paiwu.cli.main import main
from paiwu.engine.evaluate import Evaluator
from paiwu.reports.law import law_index
from paiwu.reports.scenarios import load_scenarios

from .conftest import ROOT
from .test_report import parse

FEATURES = ROOT / "features"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def grep_scenarios(clause_id: str) -> set[tuple[str, str]]:
    """(feature file, scenario title) of every scenario whose text names the clause id, by plain grep."""
    found: set[tuple[str, str]] = set()
    pattern = re.compile(re.escape(clause_id) + r"(?![\w-]|/\w)")
    for path in sorted(FEATURES.glob("*.feature")):
        blocks = re.split(r"\n(?=\s*(?:Scenario|Background|Rule)\b)", path.read_text(encoding="utf-8"))
        for block in blocks[1:]:
            if not block.strip():
                continue
            head = block.strip().splitlines()[0]
            if head.startswith("Scenario") and pattern.search(block):
                found.add((f"features/{path.name}", head.split(":", 1)[1].strip()))
    return found


def test_law_list_names_every_clause_of_both_instruments(evaluator: Evaluator) -> None:
    code, out, _ = run("law", "list")
    assert code == 0
    listed = {line.split()[0] for line in out.splitlines() if line.startswith("  ")}
    clauses = {c.id for c in evaluator.corpus.clauses.values() if c.is_clause}
    assert listed == clauses
    assert re.search(r"xuzhou-2015/art-16/item-3\s+operative\s+1 rules\s+\d+ scen\.\s+encoded", out)
    code, out, _ = run("law", "list", "--instrument", "linyi-2014")
    assert code == 0 and "xuzhou-2015/" not in out and "linyi-2014/part-4/sec-3" in out
    code, _, err = run("law", "list", "--instrument", "nanjing-2020")
    assert code == 2 and "unknown instrument" in err


def test_law_show_gives_both_languages_role_rules_and_scenarios(evaluator: Evaluator) -> None:
    code, out, _ = run("law", "show", "xuzhou-2015/art-16/item-3")
    assert code == 0
    clause = evaluator.corpus.get("xuzhou-2015/art-16/item-3")
    assert out.startswith("xuzhou-2015/art-16/item-3 · operative")
    assert clause.zh in out and clause.en in out
    assert "《徐州市主要污染物排污权有偿使用和交易管理办法（试行）》第十六条第（三）项" in out
    assert "Xuzhou Measures (2015), Art. 16(3)" in out
    assert "xuzhou-2015/art-16/item-3#seller-credit-red-or-black → ineligible" in out
    assert "when seller.kind is enterprise and seller.credit_rating is one of" in out
    shown = set(re.findall(r"^  (features/[\w.-]+\.feature):\d+  (.+)$", out, re.M))
    assert shown == grep_scenarios("xuzhou-2015/art-16/item-3")
    assert shown  # the Art. 16 feature names item 3


def test_law_show_of_an_article_gathers_the_rules_of_its_items() -> None:
    code, out, _ = run("law", "show", "xuzhou-2015/art-16")
    assert code == 0
    for item in range(1, 5):
        assert f"(cites xuzhou-2015/art-16/item-{item})" in out
    assert "Parts: xuzhou-2015/art-16/item-1, xuzhou-2015/art-16/item-2" in out


def test_law_show_of_a_non_operative_clause_gives_its_reason(evaluator: Evaluator) -> None:
    clause = evaluator.corpus.get("xuzhou-2015/art-1")
    code, out, _ = run("law", "show", "xuzhou-2015/art-1")
    assert code == 0
    assert f"Role {clause.role}: {clause.reason}" in out
    assert "Rules: none" in out


def test_law_show_of_an_unknown_clause_suggests_close_ids() -> None:
    code, _, err = run("law", "show", "xuzhou-2015/art-166")
    assert code == 2
    assert "no clause 'xuzhou-2015/art-166'" in err and "xuzhou-2015/art-16" in err


@pytest.mark.parametrize(
    "clause_id",
    ["xuzhou-2015/art-21", "xuzhou-2015/art-2", "linyi-2014/part-4/sec-3", "xuzhou-2015/art-14/para-2"],
)
def test_scenarios_are_those_that_mention_the_clause(evaluator: Evaluator, clause_id: str) -> None:
    index = law_index(evaluator.policy, evaluator.corpus, FEATURES)
    linked = {(s.file, s.name) for s in index.entry(clause_id).scenarios}
    assert linked == grep_scenarios(clause_id)
    assert linked


def test_every_scenario_is_read() -> None:
    scenarios = load_scenarios(FEATURES)
    titles = sum(
        len(re.findall(r"^\s*Scenario(?: Outline)?:", p.read_text(encoding="utf-8"), re.M))
        for p in FEATURES.glob("*.feature")
    )
    assert len(scenarios) == titles
    assert all(s.line > 0 and s.name for s in scenarios)


def test_law_render_puts_the_encoding_beside_each_clause(evaluator: Evaluator, tmp_path: Path) -> None:
    out = tmp_path / "law.html"
    code, _, err = run("law", "render", "-o", str(out))
    assert code == 0 and "the law and its encoding" in err
    doc = parse(out.read_text(encoding="utf-8"))
    rows = {n.attrs["id"]: n for n in doc.walk() if n.tag == "tr" and "id" in n.attrs}
    assert set(rows) == set(evaluator.corpus.clauses)
    for clause_id, clause in evaluator.corpus.clauses.items():
        if not clause.is_clause:
            continue
        law, encoding = [c for c in rows[clause_id].children if c.tag == "td"]
        assert clause.zh in law.all_text() and clause.en in law.all_text()
        cited = {r.id for r in evaluator.policy.rules if clause_id in r.cites}
        shown = {c.all_text() for c in encoding.find_all("code", **{"class": "rule-id"})}
        assert shown == cited, clause_id
    credit = rows["xuzhou-2015/art-16/item-3"]
    assert "seller.credit_rating is one of" in credit.all_text()
    assert "scenario" in credit.all_text()
    instruments = [s.attrs["id"] for s in doc.find_all("section")]
    assert instruments == list(evaluator.corpus.instruments)
    assert not doc.find_all("script") and not doc.find_all("link")


def test_law_without_feature_files_says_so(tmp_path: Path) -> None:
    code, out, _ = run("law", "show", "xuzhou-2015/art-16/item-3", "--features", str(tmp_path / "none"))
    assert code == 0 and "no feature files found" in out
