"""The decision log: every decision, its request and policy version, durable and replayable."""

from .connect import DEFAULT_LOG_URL, LOG_URL_VARIABLE, describe, open_log
from .entry import LogEntry, Question, canonical_json, new_entry, question
from .log import DecisionLog, LogUnavailable
from .replay import DecisionDiff, ReplayError, ReplayReport, replay
from .snapshot import PolicySnapshot, SnapshotError, capture_snapshot, evaluator_for

__all__ = [
    "DEFAULT_LOG_URL",
    "LOG_URL_VARIABLE",
    "DecisionDiff",
    "DecisionLog",
    "LogEntry",
    "LogUnavailable",
    "PolicySnapshot",
    "Question",
    "ReplayError",
    "ReplayReport",
    "SnapshotError",
    "canonical_json",
    "capture_snapshot",
    "describe",
    "evaluator_for",
    "new_entry",
    "open_log",
    "question",
    "replay",
]
