"""`paiwu log show`, `paiwu log export` and `paiwu replay` over a log the API wrote."""

from __future__ import annotations

import json
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=".*httpx2")
    from fastapi.testclient import TestClient

from paiwu.api import ApiSettings, create_app
from paiwu.cli.main import main
from paiwu.engine.evaluate import Evaluator
from paiwu.policies.law import load_corpus
from paiwu.policies.model import load_policy_set
from paiwu.store import open_log

from .test_api import TRADE, body
from .test_store_replay import CREDIT_CLAUSE, older_policies, red_seller


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def decide(
    log_url: str, *requests: dict[str, Any], evaluator: Evaluator | None = None, root: Path | None = None
) -> list[str]:
    """Decide through the API, as a platform would; the ids of the logged decisions."""
    settings = ApiSettings(log_url=log_url, policy_root=root) if root else ApiSettings(log_url=log_url)
    with TestClient(create_app(settings, evaluator=evaluator)) as client:
        answers = [client.post(f"/v1/decisions/{r['kind']}", json=r) for r in requests]
    assert all(a.status_code == 201 for a in answers)
    return [a.json()["decision_id"] for a in answers]


@pytest.fixture
def log_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'decisions.sqlite3'}"


def test_log_show_prints_the_logged_decision(log_url: str) -> None:
    [decision_id] = decide(log_url, TRADE)
    code, out, _ = run("log", "show", decision_id, "--log-url", log_url)
    shown = json.loads(out)
    assert code == 0 and shown["decision_id"] == decision_id
    with open_log(log_url, create=False) as log:
        entry = log.get(decision_id)
    assert entry is not None and shown == entry.as_dict()
    assert shown["request"]["id"] == TRADE["id"] and shown["decision"]["status"] == "eligible"
    code, _, err = run("log", "show", "no-such-id", "--log-url", log_url)
    assert code == 2 and "no decision 'no-such-id'" in err


def test_log_export_writes_json_lines_in_logged_order(log_url: str, tmp_path: Path) -> None:
    ids = decide(log_url, TRADE, body("linyi-ineligible.yaml"), body("between-cities.yaml"))
    code, out, _ = run("log", "export", "--log-url", log_url)
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [line["decision_id"] for line in lines] == ids
    assert [line["decision"]["status"] for line in lines] == ["eligible", "ineligible", "not_applicable"]
    target = tmp_path / "out" / "export.jsonl"
    target.parent.mkdir()
    code, _, err = run("log", "export", "-o", str(target), "--log-url", log_url)
    assert code == 0 and "exported 3 decisions" in err
    assert target.read_text(encoding="utf-8") == out


def test_export_runs_as_a_real_process(log_url: str) -> None:
    ids = decide(log_url, TRADE)
    result = subprocess.run(
        [sys.executable, "-m", "paiwu.cli.main", "log", "export", "--log-url", log_url],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["decision_id"] for line in result.stdout.splitlines()] == ids


def test_replay_of_a_decision_under_its_own_version_is_identical(log_url: str) -> None:
    [decision_id] = decide(log_url, body("xuzhou-ineligible-several.yaml"))
    code, out, _ = run("replay", decision_id, "--log-url", log_url)
    assert code == 0 and "identical" in out and "ineligible" in out
    code, out, _ = run("replay", decision_id, "--format", "json", "--log-url", log_url)
    report = json.loads(out)
    assert code == 0 and report["identical"] is True and report["changes"]["findings_added"] == []


def test_replay_under_todays_policies_says_what_changed(log_url: str, tmp_path: Path) -> None:
    root = older_policies(tmp_path)
    older = Evaluator(load_policy_set(root), load_corpus.__wrapped__(root / "law"))
    [decision_id] = decide(log_url, red_seller(), evaluator=older, root=root)

    code, out, _ = run("replay", decision_id, "--log-url", log_url)
    assert code == 0 and "identical" in out and "rebuilt from the log's snapshot" in out

    code, out, _ = run("replay", decision_id, "--current", "--log-url", log_url)
    assert code == 1, out
    assert "DIFFERENT" in out and "status: eligible -> ineligible" in out
    assert f"finding added:   {CREDIT_CLAUSE}#" in out and "instrument xuzhou-2015: eligible -> ineligible" in out


def test_replay_and_log_refuse_what_is_not_there(log_url: str, tmp_path: Path) -> None:
    decide(log_url, TRADE)
    code, _, err = run("replay", "no-such-id", "--log-url", log_url)
    assert code == 2 and "no decision" in err
    absent = f"sqlite:///{tmp_path / 'absent.sqlite3'}"
    for args in (["replay", "x"], ["log", "show", "x"], ["log", "export"]):
        code, _, err = run(*args, "--log-url", absent)
        assert code == 5 and "no decision log at" in err and "Traceback" not in err
    assert not (tmp_path / "absent.sqlite3").exists()
