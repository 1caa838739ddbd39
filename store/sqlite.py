"""The embedded decision log: one SQLite file, needing no other service.

WAL lets readers (log show, export, another worker) proceed while a decision is written;
synchronous=FULL makes every commit durable (fsync) before ``record`` returns. Several worker
processes may share the file. Writers queue on an advisory lock on ``FILE-writer.lock`` before
they begin: SQLite's own busy handler would poll, sleeping up to 100 ms between tries, while
the advisory lock wakes the next writer as soon as the last one commits. SQLite's lock stays the
guard (a writer without the advisory lock, or one that cannot create it, waits in busy_timeout).
"""

from __future__ import annotations

import fcntl  # POSIX: the writers' advisory lock
import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

from .log import Cursor, DecisionLog, LogUnavailable, WouldWait

BUSY_TIMEOUT_MS = 15_000
PAGE_SIZE = 4096

SCHEMA = """
CREATE TABLE IF NOT EXISTS paiwu_log_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS policy_snapshots (
    policy_version TEXT PRIMARY KEY,
    stored_at TEXT NOT NULL,
    files_json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS log_dictionaries (  -- compress.py: what compressed decisions need to be read
    dictionary_id TEXT PRIMARY KEY,
    stored_at TEXT NOT NULL,
    content BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS decisions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    decision_id TEXT NOT NULL UNIQUE,
    logged_at TEXT NOT NULL,
    kind TEXT NOT NULL,
    as_of TEXT,
    idempotency_key TEXT UNIQUE,
    request_json TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    decision_json TEXT NOT NULL,  -- '' where the decision is stored compressed (decision_zstd)
    status TEXT NOT NULL,
    policy_version TEXT NOT NULL REFERENCES policy_snapshots (policy_version),
    paiwu_version TEXT NOT NULL,
    chain_index BIGINT,  -- the hash chain (chain.py); empty only on a row no paiwu chained
    prev_hash TEXT,
    entry_hash TEXT,
    decision_zstd BLOB,
    dictionary_id TEXT REFERENCES log_dictionaries (dictionary_id)
);
-- Indexes serve the lookups paiwu makes (by decision id, idempotency key, chain index): each one
-- costs every commit a page. Logs made by earlier paiwu keep their index on request_hash.
CREATE TABLE IF NOT EXISTS log_chain_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    last_index BIGINT NOT NULL,
    last_hash TEXT NOT NULL
);
"""


class SqliteLog(DecisionLog):
    backend = "sqlite"
    _driver_errors = (sqlite3.Error,)

    def __init__(self, path: Path, create: bool = True) -> None:
        self.path = path
        if not create and not path.is_file():
            raise LogUnavailable(f"no decision log at {path}")
        self._lock = threading.Lock()
        self._writer_lock: int | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._writer_lock = _open_writer_lock(path)
            # Autocommit mode: transactions are begun explicitly, as BEGIN IMMEDIATE (see _transaction).
            self._db = sqlite3.connect(
                path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
            )
            self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._db.execute("PRAGMA synchronous = FULL")
            self._db.execute("PRAGMA foreign_keys = ON")
            with self._writers_queued():
                # Two connections switching a file to WAL at once can deadlock, and SQLite then
                # fails one of them at once ("database is locked") without waiting: workers that
                # start together on a new log take turns here, as writers do.
                # An entry is ~2.4 KB as stored (its decision compressed), and a commit writes every
                # page it touches whole into the WAL: 4 KiB pages (SQLite's default) write the least.
                # (16 KiB suited decisions stored as 20 KB of text: bench/README.md.) A new file only.
                self._db.execute(f"PRAGMA page_size = {PAGE_SIZE}")
                self._db.execute("PRAGMA journal_mode = WAL")
                self._db.executescript(SCHEMA)
            with self._transaction() as cursor:
                self._check_schema_version(cursor)
        except (sqlite3.Error, OSError) as error:
            self._release_writer_lock()
            raise LogUnavailable(f"cannot open the decision log {path}: {error}") from None
        except LogUnavailable:
            self._db.close()
            self._release_writer_lock()
            raise

    @contextmanager
    def _writers_queued(self, wait: bool = True) -> Iterator[None]:
        """Hold the writers' advisory lock (where there is one) for the block."""
        if self._writer_lock is None:
            yield
            return
        try:
            # waiting, it blocks without the GIL; not waiting, it fails at once if the lock is held
            fcntl.flock(self._writer_lock, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise WouldWait("another writer holds the log's advisory lock") from None
        try:
            yield
        finally:
            fcntl.flock(self._writer_lock, fcntl.LOCK_UN)

    @contextmanager
    def _transaction(self, write: bool = True, wait: bool = True) -> Iterator[sqlite3.Cursor]:
        # A writer takes the write lock at the start (IMMEDIATE), so two writers queue rather than
        # deadlock; a reader takes none, and under WAL it never waits for a writer.
        if not self._lock.acquire(blocking=wait):
            raise WouldWait("another thread is using the log")
        try:
            with self._writers_queued(wait) if write else nullcontext():
                cursor = self._db.cursor()
                if write and not wait:
                    self._begin_at_once(cursor)
                else:
                    cursor.execute("BEGIN IMMEDIATE" if write else "BEGIN")
                try:
                    yield cursor
                except BaseException:
                    cursor.execute("ROLLBACK")
                    raise
                cursor.execute("COMMIT")
        finally:
            self._lock.release()

    def _begin_at_once(self, cursor: sqlite3.Cursor) -> None:
        """BEGIN IMMEDIATE, or WouldWait if SQLite's write lock is held (by a program that does not
        take the advisory lock): the busy handler is off for this one statement."""
        cursor.execute("PRAGMA busy_timeout = 0")
        try:
            cursor.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            if error.sqlite_errorcode & 0xFF != sqlite3.SQLITE_BUSY:
                raise
            raise WouldWait("another program holds the database's write lock") from None
        finally:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    def _execute(self, cursor: Any, sql: str, params: Sequence[Any] = ()) -> Cursor:
        result: sqlite3.Cursor = cursor.execute(sql, tuple(params))
        return result

    def close(self) -> None:
        with self._lock:
            self._db.close()
            self._release_writer_lock()

    def _release_writer_lock(self) -> None:
        if self._writer_lock is not None:
            os.close(self._writer_lock)
            self._writer_lock = None

    def __repr__(self) -> str:
        return f"SqliteLog({str(self.path)!r})"


def _open_writer_lock(path: Path) -> int | None:
    """The advisory lock file's descriptor, or None where it cannot be made (a read-only folder)."""
    try:
        return os.open(path.with_name(path.name + "-writer.lock"), os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        return None
