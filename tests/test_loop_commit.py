"""LoopCommit: SQLite commits made on the submitting event loop, never waiting there for a lock."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import fcntl
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from paiwu.api.service import DecisionService
from paiwu.engine.evaluate import Evaluator
from paiwu.store import (
    DecisionLog,
    GroupCommit,
    LogEntry,
    LogUnavailable,
    LoopCommit,
    WouldWait,
    capture_snapshot,
    open_log,
)
from paiwu.store.connect import sqlite_path

from .test_log_chain import entry, log_url
from .test_store import postgres_url

__all__ = ["log_url", "postgres_url"]  # fixtures: SQLite, and PostgreSQL where .ci/run set it up

LOCKS = ["advisory lock (another worker)", "SQLite's write lock (another program)"]


@contextlib.contextmanager
def held(lock: str, path: Path, seconds: float) -> Iterator[None]:
    """The log's write lock taken by someone else for ``seconds`` (from a thread of its own, so that
    a loop that waited for it would be freed, late, rather than hang the test): another paiwu
    writer (the advisory lock file), or a program that opens the database directly (SQLite's own)."""
    taken = threading.Event()

    def hold() -> None:
        if lock == LOCKS[0]:
            descriptor = os.open(path.with_name(path.name + "-writer.lock"), os.O_RDWR)
            fcntl.flock(descriptor, fcntl.LOCK_EX)  # another open file: it excludes the log's own
            taken.set()
            time.sleep(seconds)
            fcntl.flock(descriptor, fcntl.LOCK_UN)
            os.close(descriptor)
        else:
            blocker = sqlite3.connect(path, isolation_level=None)
            blocker.execute("BEGIN IMMEDIATE")
            taken.set()
            time.sleep(seconds)
            blocker.execute("ROLLBACK")
            blocker.close()

    holder = threading.Thread(target=hold)
    holder.start()
    taken.wait(30)
    try:
        yield
    finally:
        holder.join(30)


@pytest.fixture
def sqlite(tmp_path: Path) -> Iterator[tuple[DecisionLog, Path]]:
    """A new SQLite log holding the policies' snapshot, and its file."""
    url = f"sqlite:///{tmp_path / 'decisions.sqlite3'}"
    path = sqlite_path(url)
    assert path is not None
    with open_log(url) as log:
        log.save_snapshot(capture_snapshot())
        yield log, path


def test_a_loop_pass_commits_in_one_transaction_on_the_loop(
    sqlite: tuple[DecisionLog, Path], evaluator: Evaluator
) -> None:
    log, _ = sqlite
    entries = [entry(evaluator, n) for n in range(10)]

    async def main(writer: LoopCommit) -> list[Any]:
        waiters = [writer.submit_async([e]) for e in entries[:4]] + [writer.submit_async(entries[4:])]
        outcomes = await asyncio.gather(*waiters)
        assert log.count() == 10  # committed before any caller was answered
        return outcomes

    writer = LoopCommit(log)
    outcomes = asyncio.run(main(writer))
    assert outcomes == [[(e, True)] for e in entries[:4]] + [[(e, True) for e in entries[4:]]]
    assert (writer.transactions, writer.on_loop, writer.entries) == (1, 1, 10)
    assert writer._writer is None  # no thread was needed
    writer.close()
    assert list(log.entries()) == entries and log.verify().ok


@pytest.mark.parametrize("lock", LOCKS)
def test_a_taken_lock_leaves_the_loop_free_and_the_writer_thread_waits(
    lock: str, sqlite: tuple[DecisionLog, Path], evaluator: Evaluator
) -> None:
    log, path = sqlite
    entries = [entry(evaluator, n) for n in range(5)]

    async def main(writer: LoopCommit) -> tuple[float, list[Any]]:
        started = time.monotonic()
        waiters = [writer.submit_async([e]) for e in entries]
        for _ in range(10):  # the loop keeps running while the lock is held elsewhere
            await asyncio.sleep(0.01)
        ticking = time.monotonic() - started
        assert not any(waiter.done() for waiter in waiters)  # nobody is answered before the commit
        return ticking, list(await asyncio.wait_for(asyncio.gather(*waiters), 30))

    writer = LoopCommit(log)
    with held(lock, path, seconds=3):
        ticking, outcomes = asyncio.run(main(writer))
    writer.close()
    assert ticking < 2  # ten ticks of 10 ms, not a wait for the 3 s lock
    assert outcomes == [[(e, True)] for e in entries]
    assert writer.refused > 0 and writer.on_loop == 0 and writer.entries == 5  # after 50 ms of tries, the thread
    assert list(log.entries()) == entries and log.verify().ok


@pytest.mark.parametrize("lock", LOCKS)
def test_a_group_that_finds_the_lock_taken_is_tried_again_on_the_loop_with_later_submissions(
    lock: str, sqlite: tuple[DecisionLog, Path], evaluator: Evaluator
) -> None:
    log, path = sqlite
    entries = [entry(evaluator, n) for n in range(5)]

    async def main(writer: LoopCommit) -> list[Any]:
        first = [writer.submit_async([e]) for e in entries[:2]]
        for _ in range(5):  # the loop keeps running while the group waits for the lock
            await asyncio.sleep(0.01)
        later = [writer.submit_async([e]) for e in entries[2:]]  # they join the waiting group
        await asyncio.sleep(0.01)
        assert not any(waiter.done() for waiter in first + later)
        return list(await asyncio.wait_for(asyncio.gather(*first, *later), 30))

    writer = LoopCommit(log, retry_for=30)  # no hand-over to the writer thread within this test
    with held(lock, path, seconds=0.3):
        outcomes = asyncio.run(main(writer))
    writer.close()
    assert outcomes == [[(e, True)] for e in entries]
    assert writer.refused > 1  # tried more than once while the lock was held ...
    assert (writer.transactions, writer.on_loop, writer.entries) == (1, 1, 5)  # ... then one commit, on the loop
    assert writer._writer is None
    assert list(log.entries()) == entries and log.verify().ok


@pytest.mark.parametrize("lock", LOCKS)
def test_a_write_that_must_not_wait_writes_nothing_when_the_lock_is_taken(
    lock: str, sqlite: tuple[DecisionLog, Path], evaluator: Evaluator
) -> None:
    log, path = sqlite
    item = entry(evaluator, 1)
    with held(lock, path, seconds=0.5), pytest.raises(WouldWait):
        log.record_many([item], wait=False)
    assert log.count() == 0
    assert log.record_many([item], wait=False) == [(item, True)]  # free again: written at once
    connection: sqlite3.Connection = log._db  # type: ignore[attr-defined]
    assert connection.execute("PRAGMA busy_timeout").fetchone()[0] == 15_000  # the busy handler is back


def test_a_bad_entry_on_the_loop_fails_its_caller_only(sqlite: tuple[DecisionLog, Path], evaluator: Evaluator) -> None:
    log, _ = sqlite
    good = [entry(evaluator, n) for n in range(4)]
    orphan = dataclasses.replace(entry(evaluator, 9), policy_version="sha256:0000000000000000")  # no snapshot

    async def main(writer: LoopCommit) -> list[Any]:
        waiters = [writer.submit_async(good[:2]), writer.submit_async([orphan]), writer.submit_async(good[2:])]
        return list(await asyncio.gather(*waiters, return_exceptions=True))

    writer = LoopCommit(log)
    outcomes = asyncio.run(main(writer))
    writer.close()
    assert outcomes[0] == [(e, True) for e in good[:2]]
    assert isinstance(outcomes[1], LogUnavailable)
    assert outcomes[2] == [(e, True) for e in good[2:]]
    assert writer.on_loop == 0  # the group's transaction failed on the loop; the thread isolated the bad entry
    assert list(log.entries()) == good and log.verify().ok


def test_each_backend_commits_where_it_should(log_url: str, evaluator: Evaluator) -> None:
    """SQLite on the loop; PostgreSQL (a network round trip) never on the loop, in the writer thread."""
    entries: list[LogEntry] = [entry(evaluator, n) for n in range(3)]

    async def main(writer: GroupCommit) -> list[Any]:
        return list(await asyncio.gather(*(writer.submit_async([e]) for e in entries)))

    with open_log(log_url) as log:
        log.save_snapshot(capture_snapshot())
        service = DecisionService(evaluator, log)
        sqlite = log.backend == "sqlite"
        assert isinstance(service.writer, LoopCommit) is sqlite
        if not sqlite:
            with pytest.raises(WouldWait):
                log.record_many(entries, wait=False)
        loop_writer = LoopCommit(log)  # whatever the backend, it falls back rather than wait on the loop
        assert asyncio.run(main(loop_writer)) == [[(e, True)] for e in entries]
        loop_writer.close()
        service.close()
        assert loop_writer.on_loop == (1 if sqlite else 0)
        assert list(log.entries()) == entries and log.verify().ok
