"""`paiwu coverage`: clause → rules → scenarios, failing on a bare operative clause."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from paiwu.cli.main import main
from paiwu.engine.coverage import clause_coverage, read_scenarios


def _feature(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "x.feature").write_text(text, encoding="utf-8")
    return folder


OUTLINE = """@xuzhou-2015 @art-16
Feature: Art. 16
  Scenario Outline: item <n>
    Then the decision rests on "xuzhou-2015/art-16/item-<n>"

    Examples:
      | n |
      | 1 |
      | 3 |

  Scenario: a definition
    Then the clause "xuzhou-2015/art-3/para-2" is presented as definition with its reason
"""


def test_outlines_are_expanded_row_by_row(tmp_path: Path) -> None:
    scenarios = read_scenarios(_feature(tmp_path / "f", OUTLINE))
    assert scenarios[0].clauses == {"xuzhou-2015/art-16/item-1", "xuzhou-2015/art-16/item-3"}
    assert scenarios[1].clauses == {"xuzhou-2015/art-3/para-2"}


def test_operative_clauses_without_scenarios_are_gaps(tmp_path: Path) -> None:
    rows = {r.clause_id: r for r in clause_coverage(_feature(tmp_path / "f", OUTLINE))}
    assert rows["xuzhou-2015/art-16/item-3"].gap is None
    assert rows["xuzhou-2015/art-16/item-2"].gap == "no scenario"
    assert rows["xuzhou-2015/art-16"].gap is None  # its items are tested
    assert rows["xuzhou-2015/art-1"].gap is None  # not operative: presented, never a gap
    assert rows["xuzhou-2015/art-16/item-3"].rules == ["xuzhou-2015/art-16/item-3#seller-credit-red-or-black"]


def test_the_command_fails_on_gaps_and_names_them(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["coverage", "--features", str(_feature(tmp_path / "f", OUTLINE)), "--gaps-only"])
    assert result.exit_code == 1
    assert "xuzhou-2015/art-16/item-2" in result.output and "no scenario" in result.output
    assert "xuzhou-2015/art-16/item-3 " not in result.output


def test_the_shipped_features_leave_no_gap() -> None:
    features = Path(__file__).resolve().parent.parent / "features"
    gaps = [(r.clause_id, r.gap) for r in clause_coverage(features) if r.gap]
    assert gaps == []
