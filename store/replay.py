"""Replay a logged decision: evaluate its request again and say whether the result is the same.

By default the request is evaluated under the policy version it was decided with, rebuilt from
the snapshot in the log; ``current`` evaluates it under the policies loaded today instead, to see
what a change of the rules changed. The engine and fact models are those of the running paiwu.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from paiwu.engine.evaluate import Evaluator, default_evaluator
from paiwu.engine.runtime import EngineFailure
from paiwu.facts import RequestError, validate_request

from .entry import LogEntry
from .log import DecisionLog
from .snapshot import SnapshotError, evaluator_for

IGNORED = ("paiwu_version", "policy_version")  # reported beside the comparison, not part of it


class ReplayError(RuntimeError):
    """A logged decision that cannot be replayed (its snapshot is missing, its request no longer loads)."""


@dataclass(frozen=True)
class DecisionDiff:
    """What differs between two decisions, in the terms a reader of a decision uses."""

    status: tuple[str, str] | None = None
    instruments: list[tuple[str, str, str]] = field(default_factory=list)  # (instrument, before, after)
    findings_added: list[str] = field(default_factory=list)  # rule ids
    findings_removed: list[str] = field(default_factory=list)
    findings_changed: list[str] = field(default_factory=list)  # same rule, another outcome, basis or text
    missing_facts_added: list[str] = field(default_factory=list)
    missing_facts_removed: list[str] = field(default_factory=list)
    other_fields: list[str] = field(default_factory=list)  # any other top-level field that differs

    @property
    def empty(self) -> bool:
        return not any(getattr(self, name) for name in self.__dataclass_fields__)


def _by(items: list[dict[str, Any]], key: str) -> dict[str, dict[str, Any]]:
    return {str(item[key]): item for item in items}


def compare(before: dict[str, Any], after: dict[str, Any]) -> DecisionDiff:
    old_findings, new_findings = _by(before["findings"], "rule_id"), _by(after["findings"], "rule_id")
    old_instruments, new_instruments = _by(before["instruments"], "instrument"), _by(after["instruments"], "instrument")
    covered = {"status", "instruments", "findings", "missing_facts", *IGNORED}
    return DecisionDiff(
        status=(before["status"], after["status"]) if before["status"] != after["status"] else None,
        instruments=[
            (
                iid,
                old_instruments.get(iid, {}).get("status", "absent"),
                new_instruments.get(iid, {}).get("status", "absent"),
            )
            for iid in dict.fromkeys([*old_instruments, *new_instruments])
            if old_instruments.get(iid) != new_instruments.get(iid)
        ],
        findings_added=[r for r in new_findings if r not in old_findings],
        findings_removed=[r for r in old_findings if r not in new_findings],
        findings_changed=[r for r in new_findings if r in old_findings and new_findings[r] != old_findings[r]],
        missing_facts_added=sorted(set(after["missing_facts"]) - set(before["missing_facts"])),
        missing_facts_removed=sorted(set(before["missing_facts"]) - set(after["missing_facts"])),
        other_fields=sorted(k for k in {*before, *after} - covered if before.get(k) != after.get(k)),
    )


@dataclass(frozen=True)
class ReplayReport:
    entry: LogEntry
    replayed_under: str  # the policy version of the replay
    current: bool  # replayed under today's policies rather than the logged version
    from_snapshot: bool  # the policies were rebuilt from the log's snapshot (not today's files of the same version)
    logged: dict[str, Any]
    replayed: dict[str, Any]
    diff: DecisionDiff

    @property
    def identical(self) -> bool:
        return self.diff.empty

    def as_dict(self) -> dict[str, Any]:
        diff = self.diff
        return {
            "decision_id": self.entry.decision_id,
            "identical": self.identical,
            "logged_policy_version": self.entry.policy_version,
            "replayed_policy_version": self.replayed_under,
            "rebuilt_from_snapshot": self.from_snapshot,
            "logged_paiwu_version": self.logged.get("paiwu_version"),
            "replayed_paiwu_version": self.replayed.get("paiwu_version"),
            "status": {"logged": self.logged["status"], "replayed": self.replayed["status"]},
            "changes": {
                "instruments": [{"instrument": i, "logged": b, "replayed": a} for i, b, a in diff.instruments],
                "findings_added": diff.findings_added,
                "findings_removed": diff.findings_removed,
                "findings_changed": diff.findings_changed,
                "missing_facts_added": diff.missing_facts_added,
                "missing_facts_removed": diff.missing_facts_removed,
                "other_fields": diff.other_fields,
            },
            "replayed": self.replayed,
        }


def evaluator_of_version(version: str, log: DecisionLog, today: Evaluator | None) -> Evaluator:
    """The evaluator of a policy version: today's if it is today's, else rebuilt from the log."""
    if today is not None and version == today.version:
        return today
    snapshot = log.snapshot(version)
    if snapshot is None:
        raise ReplayError(f"the log holds no snapshot of policy version {version}")
    try:
        return evaluator_for(snapshot)
    except SnapshotError as error:
        raise ReplayError(str(error)) from None


def _todays_evaluator() -> Evaluator | None:
    try:
        return default_evaluator()
    except ValueError:  # PolicyError, YamlError: today's files are broken, the snapshots are not
        return None


def replay(entry: LogEntry, log: DecisionLog, current: bool = False, today: Evaluator | None = None) -> ReplayReport:
    """Evaluate a logged request again, under its logged policy version (or today's, if ``current``)."""
    today = today or _todays_evaluator()
    if current and today is None:
        raise ReplayError("today's policies do not load; run `paiwu policies validate`")
    evaluator = today if current and today else evaluator_of_version(entry.policy_version, log, today)
    try:
        request = validate_request(entry.request(), f"decision {entry.decision_id}")
        decision = evaluator.decide(request, as_of=entry.as_of_date())
    except RequestError as error:
        raise ReplayError(f"the logged request no longer validates:\n{error}") from None
    except EngineFailure as error:
        raise ReplayError(f"the engine failed on the logged request: {error}") from None
    logged = entry.decision()
    replayed = decision.model_dump(mode="json")
    return ReplayReport(
        entry, evaluator.version, current, evaluator is not today, logged, replayed, compare(logged, replayed)
    )
