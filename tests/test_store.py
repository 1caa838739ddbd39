"""The decision log: durable entries, idempotency keys, atomic batches, policy snapshots, on SQLite and
on a real PostgreSQL server (PAIWU_TEST_POSTGRES_URL, set by .ci/run; skipped loudly without one)."""

from __future__ import annotations

import dataclasses
import os
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from paiwu.engine.evaluate import Evaluator
from paiwu.store import (
    DecisionLog,
    LogEntry,
    LogUnavailable,
    PolicySnapshot,
    SnapshotError,
    capture_snapshot,
    evaluator_for,
    new_entry,
    open_log,
)

from .conftest import example

POSTGRES_URL = os.environ.get("PAIWU_TEST_POSTGRES_URL")
NO_POSTGRES = (
    "PostgreSQL decision-log tests SKIPPED: PAIWU_TEST_POSTGRES_URL is not set "
    "(.ci/run installs and starts PostgreSQL and sets it; run .ci/run to test the PostgreSQL backend)"
)


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh schema on the real server for each test, dropped afterwards."""
    if not POSTGRES_URL:
        pytest.skip(NO_POSTGRES)
    schema = f"paiwu_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(POSTGRES_URL, autocommit=True) as db:
        db.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
    separator = "&" if "?" in POSTGRES_URL else "?"
    yield f"{POSTGRES_URL}{separator}options=-csearch_path%3D{schema}"
    with psycopg.connect(POSTGRES_URL, autocommit=True) as db:
        db.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(schema)))


@pytest.fixture(params=["sqlite", "postgresql"])  # shared: the log tests import it
def log_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'decisions.sqlite3'}"
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture
def log(log_url: str, evaluator: Evaluator) -> Iterator[DecisionLog]:
    with open_log(log_url) as opened:
        opened.save_snapshot(capture_snapshot())
        yield opened


def entry(evaluator: Evaluator, name: str = "xuzhou-eligible.yaml", key: str | None = None) -> LogEntry:
    request = example(name)
    return new_entry(request, evaluator.decide(request), None, key)


def test_an_entry_is_committed_when_record_returns(log_url: str, log: DecisionLog, evaluator: Evaluator) -> None:
    mine = entry(evaluator)
    assert log.record(mine) == (mine, True)
    with open_log(log_url) as other:  # another connection, as another replica or `paiwu log show` would be
        assert other.get(mine.decision_id) == mine
    assert mine.decision()["policy_version"] == evaluator.version == mine.policy_version
    assert mine.request_hash == mine.decision()["request_hash"]


def test_an_idempotency_key_is_logged_once(log: DecisionLog, evaluator: Evaluator) -> None:
    first = entry(evaluator, key="order-1")
    second = entry(evaluator, key="order-1")
    assert log.record(first) == (first, True)
    assert log.record(second) == (first, False)
    assert log.by_idempotency_key("order-1") == first
    assert log.by_idempotency_key("order-2") is None
    assert log.count() == 1


def test_entries_come_back_in_logged_order_page_by_page(log: DecisionLog, evaluator: Evaluator) -> None:
    names = ["xuzhou-eligible.yaml", "linyi-ineligible.yaml", "between-cities.yaml", "xuzhou-needs-review.yaml"]
    logged = [entry(evaluator, n) for n in names * 2]
    assert [created for _, created in log.record_many(logged)] == [True] * 8
    assert list(log.entries(page=3)) == logged


def test_decision_ids_are_uuid7_in_the_order_the_entries_were_made(evaluator: Evaluator) -> None:
    # time-ordered ids put each new one at the end of the log's id index, not on a random page of it
    made = [entry(evaluator).decision_id for _ in range(200)]
    assert {uuid.UUID(decision_id).version for decision_id in made} == {7}
    assert made == sorted(made)
    assert len(set(made)) == len(made)


def indexed_columns(log: DecisionLog) -> set[tuple[str, ...]]:
    """The column lists the decisions table is indexed on, the primary key aside."""
    if log.backend == "sqlite":
        names = [row[1] for row in log._run("PRAGMA index_list('decisions')")]
        return {tuple(row[2] for row in log._run(f"PRAGMA index_info('{name}')")) for name in names}
    definitions = log._run(
        "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'decisions' "
        "AND indexname <> 'decisions_pkey'"
    )
    return {tuple(row[0].rpartition("(")[2].rstrip(")").split(", ")) for row in definitions}


def test_a_new_log_indexes_decisions_only_for_the_lookups_paiwu_makes(log: DecisionLog) -> None:
    # each index costs every commit a page; none by request_hash, which nothing looks up
    assert indexed_columns(log) == {("decision_id",), ("idempotency_key",), ("chain_index",)}


def test_a_batch_is_logged_whole_or_not_at_all(log: DecisionLog, evaluator: Evaluator) -> None:
    good = entry(evaluator)
    orphan = dataclasses.replace(entry(evaluator), policy_version="sha256:0000000000000000")  # no snapshot of it
    with pytest.raises(LogUnavailable):
        log.record_many([good, orphan])
    assert log.count() == 0 and log.get(good.decision_id) is None


def test_snapshots_are_kept_once_per_version_and_rebuild_that_version(log: DecisionLog, evaluator: Evaluator) -> None:
    snapshot = capture_snapshot()
    assert snapshot.version == evaluator.version
    assert any(name.startswith("law/") for name in snapshot.files)
    assert log.save_snapshot(snapshot) is False  # the fixture stored it already
    stored = log.snapshot(evaluator.version)
    assert stored is not None and dict(stored.files) == dict(snapshot.files)
    assert log.snapshot("sha256:ffffffffffffffff") is None
    rebuilt = evaluator_for(stored)
    assert rebuilt.version == evaluator.version
    request = example("xuzhou-ineligible-several.yaml")
    assert rebuilt.decide(request) == evaluator.decide(request)


def test_an_altered_snapshot_is_refused(evaluator: Evaluator) -> None:
    snapshot = capture_snapshot()
    name = next(n for n in snapshot.files if not n.startswith("law/"))
    altered = PolicySnapshot(snapshot.version, {**snapshot.files, name: snapshot.files[name] + "\n# edited\n"})
    with pytest.raises(SnapshotError, match="altered"):
        evaluator_for(altered)
    with pytest.raises(SnapshotError, match="outside"):
        evaluator_for(PolicySnapshot(snapshot.version, {"../escape.yaml": "x"}))


def test_the_sqlite_log_is_wal_with_full_sync(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    with open_log(str(path)) as log:
        db = log._db  # type: ignore[attr-defined]
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def open_at_once(url: str, count: int) -> tuple[list[DecisionLog], list[Exception]]:
    """``count`` threads opening the log at ``url`` together, as workers starting at once do; every
    log opened is closed again. (The logs, the errors.)"""
    import threading

    opened: list[DecisionLog] = []
    failed: list[Exception] = []

    def open_one() -> None:
        try:
            opened.append(open_log(url))
        except LogUnavailable as error:
            failed.append(error)

    threads = [threading.Thread(target=open_one) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    for log in opened:
        log.close()
    return opened, failed


def test_workers_starting_together_on_a_new_log_all_open_it(tmp_path: Path) -> None:
    """Connections switching one file to WAL at once can deadlock, and SQLite fails one at once
    rather than wait: the openers of a log take turns on the writers' lock file."""
    for attempt in range(12):
        opened, failed = open_at_once(f"sqlite:///{tmp_path / f'new-{attempt}.sqlite3'}", 8)
        assert failed == [] and len(opened) == 8


def test_log_urls(tmp_path: Path) -> None:
    with open_log(f"sqlite:///{tmp_path / 'a.db'}") as log:
        assert log.backend == "sqlite"
    with pytest.raises(LogUnavailable, match="no decision log"):
        open_log(str(tmp_path / "absent.db"), create=False)
    assert not (tmp_path / "absent.db").exists()
    with pytest.raises(LogUnavailable, match="unsupported"):
        open_log("mysql://somewhere/db")


def test_a_log_of_another_schema_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    open_log(str(path)).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE paiwu_log_meta SET value = '99' WHERE key = 'schema'")
    with pytest.raises(LogUnavailable, match="schema version 99"):
        open_log(str(path))


def test_an_unreachable_postgresql_server_is_reported_without_the_password() -> None:
    with pytest.raises(LogUnavailable) as caught:
        open_log("postgresql://paiwu:s3cret@127.0.0.1:9/paiwu?connect_timeout=2")
    assert "s3cret" not in str(caught.value) and "127.0.0.1:9" in str(caught.value)
