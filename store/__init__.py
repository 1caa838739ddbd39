"""The decision log: every decision, its request and policy version, durable and replayable."""

from paiwu.facts import canonical_json

from .chain import (
    GENESIS,
    ChainedRow,
    ChainProblem,
    ChainReport,
    Link,
    Prepared,
    chain_content,
    hash_entry,
    parse_anchor,
)
from .connect import DEFAULT_LOG_URL, LOG_URL_VARIABLE, describe, open_log
from .entry import LogEntry, Question, new_entry, question
from .export import dictionary_file, export_entries, exported
from .group import GroupCommit, LoopCommit
from .log import DecisionLog, LogUnavailable, WouldWait
from .replay import DecisionDiff, ReplayError, ReplayReport, replay
from .snapshot import PolicySnapshot, SnapshotError, capture_snapshot, evaluator_for

__all__ = [
    "DEFAULT_LOG_URL",
    "GENESIS",
    "LOG_URL_VARIABLE",
    "ChainProblem",
    "ChainReport",
    "ChainedRow",
    "DecisionDiff",
    "DecisionLog",
    "GroupCommit",
    "Link",
    "LogEntry",
    "LogUnavailable",
    "LoopCommit",
    "PolicySnapshot",
    "Prepared",
    "Question",
    "ReplayError",
    "ReplayReport",
    "SnapshotError",
    "WouldWait",
    "canonical_json",
    "capture_snapshot",
    "chain_content",
    "describe",
    "dictionary_file",
    "evaluator_for",
    "export_entries",
    "exported",
    "hash_entry",
    "new_entry",
    "open_log",
    "parse_anchor",
    "question",
    "replay",
]
