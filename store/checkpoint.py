"""SQLite WAL checkpoints off the commit path.

In WAL mode a commit appends pages to the write-ahead log; a checkpoint copies them back into the
database file and flushes it. SQLite does that, by default, inside the COMMIT that takes the log
past 1,000 pages: with 16 KiB pages that is 16 MB copied and flushed while the committing writer
waits, and with it, through the writers' lock, every worker's writer and every caller waiting for
its decision to be logged. Measured here: 9-21 ms stalls every ~67 group commits, about every
half second at 1,400 decisions/s - the decision log's p99.

So the writer's own connection checkpoints only as a backstop (``BACKSTOP_PAGES``), and a thread
with a connection of its own runs a PASSIVE checkpoint, which neither waits for nor blocks
writers and readers, after commits: at most once per ``INTERVAL_S``, with whatever was committed
meanwhile. Once a checkpoint has copied every page, the next writer starts the log afresh, so it
stays small. A failed checkpoint is logged and tried again after the next commit: nothing is lost
(the pages stay in the log, which SQLite reads), and the backstop bounds the log's growth.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

BACKSTOP_PAGES = (
    16_384  # 256 MiB of 16 KiB pages: the writer checkpoints itself only if the thread falls this far behind
)
# fewer, larger checkpoints: each flushes the database file beside the WAL's flushes (bench/log_commit.py)
INTERVAL_S = 0.25
logger = logging.getLogger("paiwu.store")


class Checkpointer:
    """Checkpoints the WAL of the database at ``path`` from a daemon thread, started by the first commit."""

    def __init__(self, path: Path, busy_timeout_ms: int, interval_s: float = INTERVAL_S) -> None:
        self.path = path
        self.busy_timeout_ms = busy_timeout_ms
        self.interval_s = interval_s
        self.checkpoints = 0  # completed PASSIVE checkpoints (for tests and diagnosis)
        self._due = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._starting = threading.Lock()

    def committed(self) -> None:
        """A write transaction committed: checkpoint soon."""
        if self._thread is None:
            with self._starting:
                if self._thread is None and not self._stop.is_set():
                    self._thread = threading.Thread(target=self._run, name="paiwu-log-checkpoint", daemon=True)
                    self._thread.start()
        self._due.set()

    def close(self) -> None:
        """Stop the thread after the checkpoint it is running, if any (SQLite checkpoints at the last close)."""
        with self._starting:
            self._stop.set()
            thread = self._thread
        self._due.set()
        if thread is not None:
            thread.join()

    def _run(self) -> None:
        try:
            db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as error:
            logger.warning("WAL checkpoints of %s left to SQLite's backstop: %s", self.path, error)
            return
        try:
            db.execute(f"PRAGMA busy_timeout = {self.busy_timeout_ms}")
            while True:
                self._due.wait()
                if self._stop.is_set():
                    return
                self._due.clear()
                try:
                    db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
                    self.checkpoints += 1
                except sqlite3.Error as error:
                    logger.warning(
                        "WAL checkpoint of %s failed (tried again after the next commit): %s", self.path, error
                    )
                self._stop.wait(self.interval_s)  # what is committed meanwhile waits for the next one
        finally:
            db.close()
