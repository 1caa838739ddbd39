"""Group commit: concurrent callers' entries in one transaction, each caller answered only after it."""

from __future__ import annotations

import asyncio
import dataclasses
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from paiwu.engine.evaluate import Evaluator
from paiwu.store import GroupCommit, LogUnavailable, capture_snapshot, open_log
from paiwu.store import group as group_module
from paiwu.store.connect import sqlite_path

from .test_log_chain import entry, log_url
from .test_store import postgres_url

__all__ = ["log_url", "postgres_url"]  # fixtures: SQLite, and PostgreSQL where .ci/run set it up


def test_callers_queued_behind_a_commit_share_the_next_one(tmp_path: Path, evaluator: Evaluator) -> None:
    """While the writer waits for the database, callers queue; their entries then go in one transaction."""
    url = f"sqlite:///{tmp_path / 'decisions.sqlite3'}"
    entries = [entry(evaluator, n) for n in range(21)]
    with open_log(url) as log:
        log.save_snapshot(capture_snapshot())
        writer = GroupCommit(log)
        path = sqlite_path(url)
        assert path is not None
        blocker = sqlite3.connect(path, isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")  # another process holding the write lock
        first = writer.submit([entries[0]])  # the writer takes it and waits for the lock
        deadline = time.monotonic() + 30
        while not writer._queue.empty() and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.2)  # past the writer's draining of the queue, into its wait for the lock
        rest = [writer.submit([e]) for e in entries[1:]]
        blocker.execute("ROLLBACK")
        blocker.close()
        assert first.result(timeout=30) == [(entries[0], True)]
        assert [f.result(timeout=30) for f in rest] == [[(e, True)] for e in entries[1:]]
        writer.close()
        assert writer.entries == 21 and writer.transactions == 2
        assert list(log.entries()) == entries  # in the order submitted
        assert log.verify().ok


def test_a_bad_entry_fails_its_caller_only(log_url: str, evaluator: Evaluator) -> None:
    good = [entry(evaluator, n) for n in range(6)]
    orphan = dataclasses.replace(entry(evaluator, 9), policy_version="sha256:0000000000000000")  # no snapshot
    with open_log(log_url) as log:
        log.save_snapshot(capture_snapshot())
        writer = GroupCommit(log)
        futures = [writer.submit(good[:3]), writer.submit([orphan]), writer.submit(good[3:])]
        assert futures[0].result(timeout=30) == [(e, True) for e in good[:3]]
        with pytest.raises(LogUnavailable):
            futures[1].result(timeout=30)
        assert futures[2].result(timeout=30) == [(e, True) for e in good[3:]]
        writer.close()
        assert list(log.entries()) == good and log.verify().ok


def test_close_commits_what_is_queued_and_a_later_submission_starts_again(tmp_path: Path, evaluator: Evaluator) -> None:
    url = f"sqlite:///{tmp_path / 'decisions.sqlite3'}"
    entries = [entry(evaluator, n) for n in range(40)]
    with open_log(url) as log:
        log.save_snapshot(capture_snapshot())
        writer = GroupCommit(log)
        futures = [writer.submit([e]) for e in entries[:30]]
        writer.close()
        assert all(f.done() for f in futures)  # nothing left behind
        assert writer.record_many(entries[30:]) == [(e, True) for e in entries[30:]]
        writer.close()
        assert log.count() == 40


def test_an_idempotency_key_logged_earlier_in_the_same_group_is_found(tmp_path: Path, evaluator: Evaluator) -> None:
    url = f"sqlite:///{tmp_path / 'decisions.sqlite3'}"
    first, second = entry(evaluator, 1, key="k"), entry(evaluator, 2, key="k")
    with open_log(url) as log:
        log.save_snapshot(capture_snapshot())
        writer = GroupCommit(log)
        results: list[object] = []
        barrier = threading.Barrier(2)

        def submit(item: object) -> None:
            barrier.wait()
            results.append(writer.record(item))  # type: ignore[arg-type]

        threads = [threading.Thread(target=submit, args=(e,)) for e in (first, second)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        writer.close()
        winner = log.by_idempotency_key("k")
        assert winner in (first, second)
        assert sorted(results, key=lambda r: r[1]) == [(winner, False), (winner, True)]  # type: ignore[index]
        assert log.count() == 1


def test_async_callers_of_one_commit_are_woken_by_one_call_into_their_loop(
    tmp_path: Path, evaluator: Evaluator
) -> None:
    """submit_async: each caller gets its own entries (or its own failure), and a transaction
    resolves all the callers of one loop with one call_soon_threadsafe."""
    url = f"sqlite:///{tmp_path / 'decisions.sqlite3'}"
    good = [entry(evaluator, n) for n in range(9)]
    orphan = dataclasses.replace(entry(evaluator, 20), policy_version="sha256:0000000000000000")  # no snapshot
    calls: list[int] = []  # callers resolved by each call into the loop

    async def queued_behind_a_lock(writer: GroupCommit, path: Path, first: Any, rest: list[Any]) -> list[Any]:
        blocker = sqlite3.connect(path, isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")  # the writer's commit of `first` waits; the rest queue behind it
        waiters = [writer.submit_async([first])]
        await asyncio.sleep(0.3)
        waiters += [writer.submit_async([e]) for e in rest]
        blocker.execute("ROLLBACK")
        blocker.close()
        return list(await asyncio.gather(*waiters, return_exceptions=True))

    async def main() -> list[Any]:
        loop = asyncio.get_running_loop()
        original = loop.call_soon_threadsafe

        def counting(callback: Any, *args: Any) -> Any:
            if callback is group_module._resolve:
                calls.append(len(args[0]))
            return original(callback, *args)

        loop.call_soon_threadsafe = counting  # type: ignore[method-assign]
        with open_log(url) as log:
            log.save_snapshot(capture_snapshot())
            writer = GroupCommit(log)
            path = sqlite_path(url)
            assert path is not None
            outcomes = await queued_behind_a_lock(writer, path, good[0], good[1:6])
            outcomes += await queued_behind_a_lock(writer, path, good[6], [good[7], orphan, good[8]])
            writer.close()
            assert list(log.entries()) == good
        return outcomes

    outcomes = asyncio.run(main())
    assert outcomes[:8] == [[(e, True)] for e in good[:8]]
    assert isinstance(outcomes[8], LogUnavailable)
    assert outcomes[9] == [(good[8], True)]
    # five callers of one commit woken by one call; a failed commit is retried caller by caller
    assert calls == [1, 5, 1, 1, 1, 1]
