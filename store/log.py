"""The decision log over SQL, shared by the SQLite and PostgreSQL backends.

An entry is committed before ``record`` returns, so a caller that answers only afterwards never
answers a decision the log does not hold. A decision references the snapshot of its policy
version (a foreign key): no decision can be logged that could not later be replayed.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import astuple, fields
from types import TracebackType
from typing import Any, Protocol

from .entry import LogEntry, utc_timestamp
from .snapshot import PolicySnapshot

SCHEMA_VERSION = "1"
_COLUMNS = tuple(f.name for f in fields(LogEntry))
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM decisions"


class LogUnavailable(RuntimeError):
    """The decision log cannot be read or written: the database is down, locked, full or foreign."""


class Cursor(Protocol):
    """What both drivers' cursors offer (DB-API)."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...


class DecisionLog(ABC):
    """Decisions and policy snapshots, in one database. Thread-safe."""

    backend: str  # "sqlite" | "postgresql"
    placeholder = "?"
    _driver_errors: tuple[type[Exception], ...] = ()

    # -- what a backend provides -------------------------------------------------------------

    @abstractmethod
    def _transaction(self, write: bool = True) -> AbstractContextManager[Any]:
        """A cursor inside one transaction: committed when the block ends, rolled back on error."""

    @abstractmethod
    def _execute(self, cursor: Any, sql: str, params: Sequence[Any] = ()) -> Cursor: ...

    @abstractmethod
    def close(self) -> None: ...

    # -- shared ------------------------------------------------------------------------------

    def _sql(self, sql: str) -> str:
        return sql.replace("?", self.placeholder)

    def _run(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """A query that only reads."""
        with self._guard(), self._transaction(write=False) as cursor:
            return self._execute(cursor, self._sql(sql), params).fetchall()

    def _guard(self) -> AbstractContextManager[None]:
        return _Translate(self._driver_errors, self.backend)

    def _check_schema_version(self, cursor: Any) -> None:
        row = self._execute(cursor, self._sql("SELECT value FROM paiwu_log_meta WHERE key = ?"), ("schema",)).fetchone()
        if row is None:
            self._execute(
                cursor, self._sql("INSERT INTO paiwu_log_meta (key, value) VALUES (?, ?)"), ("schema", SCHEMA_VERSION)
            )
        elif row[0] != SCHEMA_VERSION:
            raise LogUnavailable(f"the decision log has schema version {row[0]}; this paiwu reads {SCHEMA_VERSION}")

    def record(self, entry: LogEntry) -> tuple[LogEntry, bool]:
        """Commit an entry. With an idempotency key already logged: (that entry, False)."""
        return self.record_many([entry])[0]

    def record_many(self, entries: Sequence[LogEntry]) -> list[tuple[LogEntry, bool]]:
        """Commit several entries in one transaction, in order; each as ``record`` would."""
        insert = self._sql(
            f"INSERT INTO decisions ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))}) "
            "ON CONFLICT (idempotency_key) DO NOTHING"
        )
        by_key = self._sql(f"{_SELECT} WHERE idempotency_key = ?")
        out: list[tuple[LogEntry, bool]] = []
        with self._guard(), self._transaction() as cursor:
            for entry in entries:
                if self._execute(cursor, insert, astuple(entry)).rowcount == 1:
                    out.append((entry, True))
                else:  # another request with this key was logged first (perhaps by another replica)
                    row = self._execute(cursor, by_key, (entry.idempotency_key,)).fetchone()
                    out.append((LogEntry(*row), False))
        return out

    def get(self, decision_id: str) -> LogEntry | None:
        rows = self._run(f"{_SELECT} WHERE decision_id = ?", (decision_id,))
        return LogEntry(*rows[0]) if rows else None

    def by_idempotency_key(self, key: str) -> LogEntry | None:
        rows = self._run(f"{_SELECT} WHERE idempotency_key = ?", (key,))
        return LogEntry(*rows[0]) if rows else None

    def entries(self, page: int = 500) -> Iterator[LogEntry]:
        """Every entry in the order it was logged, read a page at a time."""
        after = 0
        while True:
            rows = self._run(
                f"SELECT seq, {', '.join(_COLUMNS)} FROM decisions WHERE seq > ? ORDER BY seq LIMIT ?", (after, page)
            )
            for row in rows:
                yield LogEntry(*row[1:])
            if len(rows) < page:
                return
            after = rows[-1][0]

    def count(self) -> int:
        return int(self._run("SELECT COUNT(*) FROM decisions")[0][0])

    def save_snapshot(self, snapshot: PolicySnapshot) -> bool:
        """Keep a policy version's files once; True if this call stored them."""
        sql = self._sql(
            "INSERT INTO policy_snapshots (policy_version, stored_at, files_json) VALUES (?, ?, ?) "
            "ON CONFLICT (policy_version) DO NOTHING"
        )
        files = json.dumps(dict(snapshot.files), ensure_ascii=False, sort_keys=True)
        with self._guard(), self._transaction() as cursor:
            return self._execute(cursor, sql, (snapshot.version, utc_timestamp(), files)).rowcount == 1

    def snapshot(self, version: str) -> PolicySnapshot | None:
        rows = self._run("SELECT files_json FROM policy_snapshots WHERE policy_version = ?", (version,))
        return PolicySnapshot(version, json.loads(rows[0][0])) if rows else None

    def ping(self) -> None:
        """Raise LogUnavailable unless the database answers."""
        self._run("SELECT 1")

    def __enter__(self) -> DecisionLog:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


class _Translate(AbstractContextManager[None]):
    """Driver errors become LogUnavailable, so callers handle one exception, whatever the backend."""

    def __init__(self, errors: tuple[type[Exception], ...], backend: str) -> None:
        self.errors = errors
        self.backend = backend

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, _traceback: TracebackType | None
    ) -> None:
        if error is not None and isinstance(error, self.errors):
            raise LogUnavailable(f"the {self.backend} decision log failed: {error}".strip()) from error
