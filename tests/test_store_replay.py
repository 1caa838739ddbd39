"""Replay: a logged decision re-evaluated under its own policy version (rebuilt from the log's snapshot)
is identical; under other policies, the differences are named."""

from __future__ import annotations

import copy
import datetime as dt
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from paiwu.engine.evaluate import Evaluator
from paiwu.facts import validate_request
from paiwu.policies.law import load_corpus
from paiwu.policies.model import POLICY_DIR, load_policy_set
from paiwu.store import (
    DecisionLog,
    ReplayError,
    capture_snapshot,
    new_entry,
    open_log,
    replay,
)
from paiwu.store.replay import compare
from paiwu.yamlsafe import load_text

from .conftest import EXAMPLES

CREDIT_CLAUSE = "xuzhou-2015/art-16/item-3"  # a red or black credit rating bars a seller


def older_policies(into: Path) -> Path:
    """A copy of today's policies without the rules of one clause: another policy version."""
    root = into / "policies"
    shutil.copytree(POLICY_DIR, root, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    removed = [p for p in root.glob("xuzhou-2015/*.yaml") if f"{CREDIT_CLAUSE}#" in p.read_text(encoding="utf-8")]
    assert removed, f"no policy file has a rule of {CREDIT_CLAUSE}"
    for path in removed:
        path.unlink()
    return root


def red_seller() -> dict[str, object]:
    """The eligible Xuzhou example, but the seller's credit rating is red."""
    path = EXAMPLES / "xuzhou-eligible.yaml"
    data = copy.deepcopy(load_text(path.read_text(encoding="utf-8"), str(path)))
    data["seller"]["credit_rating"] = "red"
    return dict(data)


@pytest.fixture
def older(tmp_path: Path) -> tuple[Path, Evaluator]:
    root = older_policies(tmp_path)
    return root, Evaluator(load_policy_set(root), load_corpus.__wrapped__(root / "law"))


@pytest.fixture
def log(tmp_path: Path) -> Iterator[DecisionLog]:
    with open_log(f"sqlite:///{tmp_path / 'log.sqlite3'}") as opened:
        yield opened


def test_replay_under_the_logged_version_is_identical(log: DecisionLog, evaluator: Evaluator) -> None:
    log.save_snapshot(capture_snapshot())
    request = validate_request(red_seller())
    entry, _ = log.record(new_entry(request, evaluator.decide(request)))
    report = replay(entry, log)
    assert report.identical and not report.current and report.replayed_under == entry.policy_version
    assert report.replayed == entry.decision()


def test_replay_rebuilds_an_older_version_from_its_snapshot(
    log: DecisionLog, evaluator: Evaluator, older: tuple[Path, Evaluator]
) -> None:
    root, old = older
    assert old.version != evaluator.version
    log.save_snapshot(capture_snapshot(root))
    request = validate_request(red_seller())
    decided = old.decide(request)
    assert decided.status == "eligible"  # the older rules know nothing of credit ratings
    entry, _ = log.record(new_entry(request, decided))
    shutil.rmtree(root)  # the files are gone: only the snapshot in the log remains

    report = replay(entry, log, today=evaluator)
    assert report.identical and report.from_snapshot and report.replayed_under == old.version

    today = replay(entry, log, current=True, today=evaluator)
    assert not today.identical and today.replayed_under == evaluator.version
    assert today.diff.status == ("eligible", "ineligible")
    assert today.diff.findings_added and all(r.startswith(CREDIT_CLAUSE) for r in today.diff.findings_added)
    assert today.diff.findings_removed == []
    assert ("xuzhou-2015", "eligible", "ineligible") in today.diff.instruments
    assert today.as_dict()["changes"]["findings_added"] == today.diff.findings_added


def test_replay_without_a_snapshot_says_so(
    log: DecisionLog, evaluator: Evaluator, older: tuple[Path, Evaluator]
) -> None:
    root, old = older
    log.save_snapshot(capture_snapshot(root))
    request = validate_request(red_seller())
    entry, _ = log.record(new_entry(request, old.decide(request)))
    with sqlite3.connect(log.path) as db:  # type: ignore[attr-defined]  # a log damaged behind paiwu's back
        db.execute("DELETE FROM policy_snapshots")  # foreign keys are off in a plain connection
    with pytest.raises(ReplayError, match="no snapshot"):
        replay(entry, log, today=evaluator)


def test_the_as_of_option_is_replayed(log: DecisionLog, evaluator: Evaluator) -> None:
    log.save_snapshot(capture_snapshot())
    request = validate_request(red_seller())
    day = dt.date(2015, 1, 1)  # before the Xuzhou Measures were in force
    entry, _ = log.record(new_entry(request, evaluator.decide(request, as_of=day), as_of=day))
    report = replay(entry, log)
    assert report.identical and report.replayed["as_of"] == "2015-01-01"


def test_compare_names_each_kind_of_change() -> None:
    finding = {"rule_id": "r1", "outcome": "ineligible", "message": {"en": "a"}}
    before = {
        "status": "ineligible",
        "instruments": [{"instrument": "x", "status": "ineligible"}],
        "findings": [finding, {"rule_id": "r2", "outcome": "needs_review"}],
        "missing_facts": ["a"],
        "checked": [],
        "policy_version": "v1",
        "paiwu_version": "0.1.0",
    }
    after = {
        **before,
        "status": "needs_review",
        "instruments": [{"instrument": "x", "status": "needs_review"}],
        "findings": [{**finding, "message": {"en": "b"}}, {"rule_id": "r3", "outcome": "needs_review"}],
        "missing_facts": ["b"],
        "checked": [{"rule_id": "r9"}],
        "policy_version": "v2",
        "paiwu_version": "0.2.0",
    }
    diff = compare(before, after)
    assert diff.status == ("ineligible", "needs_review")
    assert diff.instruments == [("x", "ineligible", "needs_review")]
    assert (diff.findings_added, diff.findings_removed, diff.findings_changed) == (["r3"], ["r2"], ["r1"])
    assert (diff.missing_facts_added, diff.missing_facts_removed) == (["b"], ["a"])
    assert diff.other_fields == ["checked"]  # versions are reported beside the comparison, not in it
    assert compare(before, {**before, "policy_version": "v2", "paiwu_version": "9"}).empty
