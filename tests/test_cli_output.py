"""Every command that writes a file says so, and exits 2, when the file cannot be written (a folder
that does not exist, a folder in the way): never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from paiwu.cli.main import main
from paiwu.store import open_log
from paiwu.yamlsafe import load_text

from .conftest import EXAMPLES, ROOT

TRADE = str(EXAMPLES / "xuzhou-eligible.yaml")
TRADE_LINE = (
    json.dumps(load_text((EXAMPLES / "xuzhou-eligible.yaml").read_text(encoding="utf-8"), "example"), default=str)
    + "\n"
)


def commands(tmp_path: Path, log_url: str) -> dict[str, list[str]]:
    """Each command, less its output path."""
    population = tmp_path / "population.jsonl"
    population.write_text(TRADE_LINE, encoding="utf-8")
    return {
        "report": ["report", TRADE, "--format", "html", "-o"],
        "law render": ["law", "render", "-o"],
        "reform impact": ["reform", "impact", "--reform", _a_reform(), "--population", str(population), "-o"],
        "population generate": ["population", "generate", "--n", "3", "-o"],
        "log export": ["log", "export", "--log-url", log_url, "-o"],
    }


def _a_reform() -> str:
    return str(sorted((ROOT / "reforms").glob("*.yaml"))[0])


@pytest.mark.parametrize("name", ["report", "law render", "reform impact", "population generate", "log export"])
@pytest.mark.parametrize("where", ["missing folder", "folder in the way"])
def test_an_output_that_cannot_be_written_is_named_not_a_traceback(tmp_path: Path, name: str, where: str) -> None:
    log_url = f"sqlite:///{tmp_path}/decisions.sqlite3"
    open_log(log_url).close()
    target = tmp_path / "no-such-folder" / "out.txt"
    if where == "folder in the way":
        target = tmp_path / "a-folder"
        target.mkdir()
    result = CliRunner().invoke(main, [*commands(tmp_path, log_url)[name], str(target)])
    assert result.exit_code == 2, (result.output, result.exception)
    assert not isinstance(result.exception, OSError)
    # ours ("cannot write PATH: reason"), or click's own for a path option that refuses folders
    assert f"cannot write {target}" in result.stderr or f"'{target}' is a directory" in result.stderr
    assert "Traceback" not in result.output
