"""Group commit: the entries of concurrent callers written in one transaction, one fsync for all.

A durable commit costs a disk flush (milliseconds), whatever it holds. One writer thread takes
every entry queued while the previous transaction was being flushed and commits them together,
in the order they were submitted, each chained to the one before. A caller's future resolves
only after the transaction holding its entries has committed, so an API that answers when its
future resolves still never answers a decision the log does not hold.

A transaction that fails is retried with each caller's entries alone, so that one caller's bad
entry (a policy version with no snapshot, say) fails that caller only.

LoopCommit (the API's, for SQLite) commits on the event loop instead, whenever the write lock is
free at once or frees within RETRY_FOR_S, and hands the rest to the writer thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import threading
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field

from .chain import Prepared
from .entry import LogEntry
from .log import DecisionLog, WouldWait

Recorded = list[tuple[LogEntry, bool]]  # as DecisionLog.record_many returns: (stored entry, created)
MAX_GROUP = 2_000  # entries in one transaction at most: bounds the time one commit holds the write lock
# LoopCommit: a group that finds the write lock taken is tried again on the loop this much later
# (uvloop counts timers in whole milliseconds: a shorter delay would spin), for at most RETRY_FOR_S
# after its first submission; past that, the writer thread takes it and waits for the lock.
RETRY_AFTER_S = 0.001
RETRY_FOR_S = 0.05


@dataclass
class _Submission:
    entries: Sequence[Prepared]
    future: Future[Recorded] = field(default_factory=Future)
    loop: asyncio.AbstractEventLoop | None = None  # submit_async's: its waiter is resolved on this loop
    waiter: asyncio.Future[Recorded] | None = None

    def outcome(self) -> Recorded | BaseException:
        """What a sync caller's future holds (the outcome a waiter is given)."""
        error = self.future.exception()
        return error if error is not None else self.future.result()


class GroupCommit:
    """Commits to ``log`` from a writer thread of its own. Thread-safe.

    The writer starts with the first submission; ``close`` commits what is queued and stops it
    (a later submission starts a new one, as an application started again after shutdown needs).
    """

    def __init__(self, log: DecisionLog, max_group: int = MAX_GROUP) -> None:
        self.log = log
        self.max_group = max_group
        self.transactions = 0  # how many commits were made: with entries, the mean group size
        self.entries = 0
        self._queue: queue.SimpleQueue[_Submission | None] = queue.SimpleQueue()
        self._writer: threading.Thread | None = None
        self._starting = threading.Lock()

    def submit(self, entries: Sequence[LogEntry | Prepared]) -> Future[Recorded]:
        """A future of ``log.record_many(entries)``, resolved once those entries are committed.

        The entries' chain hashes are prepared here, in the caller's thread, so that the writer
        (who holds the log's write lock while it commits) only finishes them.
        """
        submission = _Submission(Prepared.all(entries))
        self._enqueue(submission)
        return submission.future

    def submit_async(self, entries: Sequence[LogEntry | Prepared]) -> asyncio.Future[Recorded]:
        """As ``submit``, for a caller on an event loop: a future of that loop. The callers of one
        transaction on one loop are resolved by one call into the loop, so a commit wakes the loop
        once, not once for each of them (and no thread-safe future is chained to each)."""
        loop = asyncio.get_running_loop()
        submission = _Submission(Prepared.all(entries), loop=loop, waiter=loop.create_future())
        self._enqueue(submission)
        assert submission.waiter is not None
        return submission.waiter

    def _enqueue(self, submission: _Submission) -> None:
        with self._starting:
            if self._writer is None:
                self._writer = threading.Thread(target=self._run, name="paiwu-log-writer", daemon=True)
                self._writer.start()
            self._queue.put(submission)

    def record_many(self, entries: Sequence[LogEntry | Prepared]) -> Recorded:
        return self.submit(entries).result()

    def record(self, entry: LogEntry) -> tuple[LogEntry, bool]:
        return self.record_many([entry])[0]

    def close(self) -> None:
        """Commit what is queued, then stop the writer (the log itself stays open)."""
        with self._starting:
            writer, self._writer = self._writer, None
            if writer is None:
                return
            self._queue.put(None)
            writer.join()

    def _run(self) -> None:
        stopping = False
        while not stopping:
            first = self._queue.get()
            if first is None:
                return
            group, size = [first], len(first.entries)
            while size < self.max_group:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                if item is None:
                    stopping = True
                    break
                group.append(item)
                size += len(item.entries)
            self._commit(group)

    def _commit(self, group: list[_Submission]) -> None:
        try:
            recorded = self.log.record_many([entry for item in group for entry in item.entries])
        except BaseException as error:
            if len(group) == 1:
                group[0].future.set_exception(error)
                _notify(group)
            else:
                for item in group:
                    self._commit([item])
            return
        self._committed(group, recorded)
        _notify(group)

    def _committed(self, group: list[_Submission], recorded: Recorded) -> None:
        """Count one transaction, and give each caller of ``group`` its share of ``recorded``."""
        self.transactions += 1
        self.entries += len(recorded)
        start = 0
        for item in group:
            end = start + len(item.entries)
            item.future.set_result(recorded[start:end])
            start = end


@dataclass
class _Pending:
    """A loop's submissions not yet committed, and when the first of them came (the loop's clock)."""

    since: float
    items: list[_Submission] = field(default_factory=list)


class LoopCommit(GroupCommit):
    """Commits on the event loop that submits, when that needs no waiting; else as GroupCommit.

    The entries submitted during one pass of the loop go in one transaction, written once the loop
    has run everything else that was ready (the decisions of requests that arrived together).
    Nothing is passed between threads, so the interpreter does not change hands at each database
    call (bench/README.md). The loop never waits on the database. If the write lock is taken
    (another worker committing, another program holding the file), the group stays on the loop and
    is tried again every ``retry_after`` seconds, with whatever was submitted meanwhile; after
    ``retry_for`` seconds, or if the transaction fails, the group goes to the writer thread, which
    waits for the lock and retries callers one by one, as GroupCommit does. For a local database
    only: the commit itself (a disk flush) still runs on the loop.
    """

    def __init__(
        self,
        log: DecisionLog,
        max_group: int = MAX_GROUP,
        retry_after: float = RETRY_AFTER_S,
        retry_for: float = RETRY_FOR_S,
    ) -> None:
        super().__init__(log, max_group)
        self.retry_after = retry_after
        self.retry_for = retry_for
        self.on_loop = 0  # of ``transactions``, those committed on the loop
        self.refused = 0  # tries on the loop that found the write lock taken
        self._pending: dict[asyncio.AbstractEventLoop, _Pending] = {}

    def submit_async(self, entries: Sequence[LogEntry | Prepared]) -> asyncio.Future[Recorded]:
        loop = asyncio.get_running_loop()
        submission = _Submission(Prepared.all(entries), loop=loop, waiter=loop.create_future())
        pending = self._pending.get(loop)
        if pending is None:  # the first of this pass: commit once the loop has run what is ready
            pending = self._pending[loop] = _Pending(loop.time())
            loop.call_soon(self._flush, loop)
        pending.items.append(submission)  # (a group waiting to be tried again takes it along)
        assert submission.waiter is not None
        return submission.waiter

    def _flush(self, loop: asyncio.AbstractEventLoop) -> None:
        pending = self._pending.pop(loop)
        group = pending.items
        entries = [entry for item in group for entry in item.entries]
        # Not committed here (more entries than one transaction takes, the lock taken for too long,
        # or a failure): the writer thread splits the group, waits for the lock, isolates a bad entry.
        recorded: Recorded | None = None
        if len(entries) <= self.max_group:
            try:
                recorded = self.log.record_many(entries, wait=False)
            except WouldWait:
                self.refused += 1
                if loop.time() - pending.since < self.retry_for:
                    self._pending[loop] = pending  # submissions meanwhile join it, in order
                    loop.call_later(self.retry_after, self._flush, loop)
                    return
            except Exception:  # the writer thread tries again, and reports what fails
                pass
        if recorded is None:
            for item in group:
                self._enqueue(item)
            return
        self._committed(group, recorded)
        self.on_loop += 1
        _resolve(group)


def _notify(group: list[_Submission]) -> None:
    """Pass the outcomes to the async callers: one call into each of their loops."""
    by_loop: dict[asyncio.AbstractEventLoop, list[_Submission]] = {}
    for item in group:
        if item.loop is not None:
            by_loop.setdefault(item.loop, []).append(item)
    for loop, items in by_loop.items():
        with contextlib.suppress(RuntimeError):  # the loop was closed: nobody waits any more
            loop.call_soon_threadsafe(_resolve, items)


def _resolve(items: list[_Submission]) -> None:
    """On the callers' loop."""
    for item in items:
        waiter = item.waiter
        if waiter is None or waiter.done():  # cancelled: the caller went away
            continue
        outcome = item.outcome()
        if isinstance(outcome, BaseException):
            waiter.set_exception(outcome)
        else:
            waiter.set_result(outcome)
