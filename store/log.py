"""The decision log over SQL, shared by the SQLite and PostgreSQL backends.

An entry is committed before ``record`` returns, so a caller that answers only afterwards never
answers a decision the log does not hold. A decision references the snapshot of its policy
version (a foreign key): no decision can be logged that could not later be replayed.

Decisions are stored compressed against a dictionary the log keeps (``compress.py``); an entry
reads back as the very bytes that were answered. Entries are chained by hash (``chain.py``). The
writer takes the chain's head row first in its transaction (SQLite: the database's write lock,
taken by BEGIN IMMEDIATE; PostgreSQL: SELECT … FOR UPDATE on the head), so writers in several
processes or replicas append one after another and the chain has no forks; the entries and the
new head commit together, or not at all.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from functools import cache
from types import TracebackType
from typing import Any, Protocol

from paiwu.facts import canonical_json

from .chain import START, ChainedRow, ChainReport, Link, Prepared, Upgrade, hash_entry, verify_rows
from .compress import Packed, Unpacker, UnpackError, dictionary_id
from .entry import COLUMNS, FIELDS, LogEntry, utc_timestamp
from .snapshot import PolicySnapshot, SnapshotError, check_snapshot

# 3: decisions stored compressed; 2: entries chained by hash; 1: unchained. Older ones are upgraded when opened.
SCHEMA_VERSION = "3"
_STORED = (*COLUMNS, "decision_zstd", "dictionary_id")  # an entry's columns as read: LogEntry's and its packed decision
_DECISION = COLUMNS.index("decision_json")
_SELECT = f"SELECT {', '.join(_STORED)} FROM decisions"
_CHAIN_COLUMNS = ("chain_index", "prev_hash", "entry_hash")
_CHAIN_SELECT = f"SELECT seq, {', '.join(_CHAIN_COLUMNS)}, {', '.join(_STORED)} FROM decisions"
ROWS_PER_INSERT = 500  # 7,000 parameters a statement: within SQLite's limit (32,766) and PostgreSQL's (65,535)
_UPGRADE_KEY = "chain_upgrade"  # in paiwu_log_meta: which entries the upgrade from schema 1 chained, and when


@cache
def _insert_statement(rows: int, keyed: bool) -> str:
    """INSERT of ``rows`` entries with their chain columns; ``keyed``: one that may find its key taken."""
    columns = (*_STORED, *_CHAIN_COLUMNS)
    row = f"({', '.join('?' * len(columns))})"
    conflict = " ON CONFLICT (idempotency_key) DO NOTHING" if keyed else ""
    return f"INSERT INTO decisions ({', '.join(columns)}) VALUES {', '.join([row] * rows)}{conflict}"


class LogUnavailable(RuntimeError):
    """The decision log cannot be read or written: the database is down, locked, full or foreign."""


class WouldWait(Exception):
    """A write asked not to wait found the log's write lock taken (by another thread, process or
    program): nothing was written, and the caller may try again in a way that waits."""


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
    _bytes_type = "BLOB"
    _unpacker: Unpacker | None = None
    _stored_dictionaries: set[str] | None = None
    _lock_head = ""  # appended to the SELECT of the chain head by writers (PostgreSQL: FOR UPDATE)
    _driver_errors: tuple[type[Exception], ...] = ()

    # -- what a backend provides -------------------------------------------------------------

    @abstractmethod
    def _transaction(self, write: bool = True, wait: bool = True) -> AbstractContextManager[Any]:
        """A cursor inside one transaction: committed when the block ends, rolled back on error.
        With ``wait`` false, raises WouldWait, having begun nothing, rather than wait for a lock."""

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
        """Inside the setup transaction: record a new log's version, upgrade a log of schema 1 or 2, or refuse."""
        row = self._execute(cursor, self._sql("SELECT value FROM paiwu_log_meta WHERE key = ?"), ("schema",)).fetchone()
        found = row[0] if row is not None else None
        upgrading = found == "1"
        if found is None:
            self._execute(
                cursor, self._sql("INSERT INTO paiwu_log_meta (key, value) VALUES (?, ?)"), ("schema", SCHEMA_VERSION)
            )
        elif found in ("1", "2"):
            added = ["chain_index BIGINT", "prev_hash TEXT", "entry_hash TEXT"] if upgrading else []
            added += [
                f"decision_zstd {self._bytes_type}",
                "dictionary_id TEXT REFERENCES log_dictionaries (dictionary_id)",
            ]
            for column in added:
                self._execute(cursor, f"ALTER TABLE decisions ADD COLUMN {column}")
            self._execute(
                cursor, self._sql("UPDATE paiwu_log_meta SET value = ? WHERE key = ?"), (SCHEMA_VERSION, "schema")
            )
        elif found != SCHEMA_VERSION:
            raise LogUnavailable(f"the decision log has schema version {found}; this paiwu reads {SCHEMA_VERSION}")
        self._execute(cursor, "CREATE UNIQUE INDEX IF NOT EXISTS decisions_by_chain_index ON decisions (chain_index)")
        self._execute(
            cursor,
            self._sql(
                "INSERT INTO log_chain_head (id, last_index, last_hash) VALUES (1, ?, ?) ON CONFLICT (id) DO NOTHING"
            ),
            (START.index, START.entry_hash),
        )
        if upgrading:
            self._chain_unchained(cursor)

    def _chain_unchained(self, cursor: Any) -> None:
        """Chain the entries a log of schema 1 holds, in logged order, and note that they were chained late.
        They hold their decisions as text, so they are chained in format 1, which hashes that text."""
        head = self._head(cursor)
        select = self._sql(f"{_CHAIN_SELECT} WHERE entry_hash IS NULL AND seq > ? ORDER BY seq LIMIT 200")
        after = 0
        while rows := self._execute(cursor, select, (after,)).fetchall():
            for row in rows:
                entry = self._entry(row[4:], cursor)  # held as text: no dictionary
                head = Link(head.index + 1, head.entry_hash, hash_entry(entry, head.index + 1, head.entry_hash))
                self._execute(
                    cursor,
                    self._sql("UPDATE decisions SET chain_index = ?, prev_hash = ?, entry_hash = ? WHERE seq = ?"),
                    (head.index, head.prev_hash, head.entry_hash, row[0]),
                )
            after = rows[-1][0]
        self._set_head(cursor, head)
        note = canonical_json({"through_index": head.index, "at": utc_timestamp()})
        self._execute(cursor, self._sql("INSERT INTO paiwu_log_meta (key, value) VALUES (?, ?)"), (_UPGRADE_KEY, note))

    def _head(self, cursor: Any, lock: bool = False) -> Link:
        sql = "SELECT last_index, last_hash FROM log_chain_head WHERE id = 1" + (self._lock_head if lock else "")
        row = self._execute(cursor, sql).fetchone()
        if row is None:
            raise LogUnavailable("the decision log has no chain head: it was not set up by this paiwu")
        return Link(int(row[0]), "", str(row[1]))

    def _set_head(self, cursor: Any, head: Link) -> None:
        sql = self._sql("UPDATE log_chain_head SET last_index = ?, last_hash = ? WHERE id = 1")
        self._execute(cursor, sql, (head.index, head.entry_hash))

    def record(self, entry: LogEntry) -> tuple[LogEntry, bool]:
        """Commit an entry. With an idempotency key already logged: (that entry, False)."""
        return self.record_many([entry])[0]

    def record_many(self, entries: Sequence[LogEntry | Prepared], wait: bool = True) -> list[tuple[LogEntry, bool]]:
        """Commit several entries in one transaction, in order, each chained to the one before.
        With ``wait`` false, raises WouldWait (nothing written) if the write lock is taken.

        Entries ``Prepared`` beforehand (chain.py) keep the work inside the transaction, which
        holds the log's write lock, to a few microseconds each. Consecutive entries without an
        idempotency key, which nothing can conflict with, are inserted by one statement: each
        statement lets go of the interpreter while the database works and must take it back after,
        which, beside a busy event loop, can cost a switch interval (5 ms) a statement.
        """
        prepared = Prepared.all(entries)
        by_key = self._sql(f"{_SELECT} WHERE idempotency_key = ?")
        out: list[tuple[LogEntry, bool]] = []
        dictionaries = {item.packer.dictionary_id: item.packer.content for item in prepared}
        with self._guard(), self._transaction(wait=wait) as cursor:
            head = start = self._head(cursor, lock=True)  # every other writer waits here until we commit
            self._store_dictionaries(cursor, dictionaries)
            keyless: list[tuple[Any, ...]] = []
            for item in prepared:
                entry = item.entry
                link = item.link(head)
                values = (*_stored_values(item), link.index, link.prev_hash, link.entry_hash)
                if entry.idempotency_key is None:
                    keyless.append(values)
                    head = link
                    out.append((entry, True))
                    continue
                self._insert_rows(cursor, keyless)
                keyless = []
                if self._execute(cursor, self._insert_sql(1, keyed=True), values).rowcount == 1:
                    head = link
                    out.append((entry, True))
                else:  # another request with this key was logged first (perhaps by another replica)
                    row = self._execute(cursor, by_key, (entry.idempotency_key,)).fetchone()
                    out.append((self._entry(row, cursor), False))
            self._insert_rows(cursor, keyless)
            if head != start:
                self._set_head(cursor, head)
        self._stored_dictionaries = (self._stored_dictionaries or set()) | dictionaries.keys()  # committed
        return out

    def _store_dictionaries(self, cursor: Any, dictionaries: dict[str, bytes]) -> None:
        """Inside the writing transaction: the dictionaries its entries need (id -> bytes), unless known stored."""
        sql = self._sql(
            "INSERT INTO log_dictionaries (dictionary_id, stored_at, content) VALUES (?, ?, ?) "
            "ON CONFLICT (dictionary_id) DO NOTHING"
        )
        for name in dictionaries.keys() - (self._stored_dictionaries or set()):
            self._execute(cursor, sql, (name, utc_timestamp(), dictionaries[name]))

    def _entry(self, row: Sequence[Any], cursor: Any = None) -> LogEntry:
        """The entry of a row of ``_STORED`` columns, its decision decompressed if it is stored so.
        ``cursor``: the transaction the row was read in, if it is still open."""
        *columns, data, dictionary = row
        if dictionary is None:  # logged as text, before schema 3
            columns[_DECISION] = columns[_DECISION].encode("utf-8")
        else:
            try:
                columns[_DECISION] = self._unpack(Packed(str(dictionary), bytes(data)), cursor)
            except UnpackError as error:
                raise LogUnavailable(f"the decision {columns[0]} cannot be read back: {error}") from None
        return LogEntry(*columns)

    def _unpack(self, packed: Packed, cursor: Any = None) -> bytes:
        unpacker = self._unpacker = self._unpacker or Unpacker()
        if not unpacker.knows(packed.dictionary_id):
            sql = "SELECT content FROM log_dictionaries WHERE dictionary_id = ?"
            if cursor is None:
                found = self._run(sql, (packed.dictionary_id,))
            else:
                found = self._execute(cursor, self._sql(sql), (packed.dictionary_id,)).fetchall()
            if found:
                unpacker.add(packed.dictionary_id, bytes(found[0][0]))
        return unpacker.unpack(packed)

    def _insert_sql(self, rows: int, keyed: bool = False) -> str:
        return self._sql(_insert_statement(rows, keyed))

    def _insert_rows(self, cursor: Any, rows: list[tuple[Any, ...]]) -> None:
        """Rows without an idempotency key, ROWS_PER_INSERT to a statement."""
        for start in range(0, len(rows), ROWS_PER_INSERT):
            chunk = rows[start : start + ROWS_PER_INSERT]
            self._execute(cursor, self._insert_sql(len(chunk)), [value for row in chunk for value in row])

    def get(self, decision_id: str) -> LogEntry | None:
        rows = self._run(f"{_SELECT} WHERE decision_id = ?", (decision_id,))
        return self._entry(rows[0]) if rows else None

    def by_idempotency_key(self, key: str) -> LogEntry | None:
        rows = self._run(f"{_SELECT} WHERE idempotency_key = ?", (key,))
        return self._entry(rows[0]) if rows else None

    def entries(self, page: int = 500) -> Iterator[LogEntry]:
        """Every entry in the order it was logged, read a page at a time."""
        after = 0
        while True:
            rows = self._run(
                f"SELECT seq, {', '.join(_STORED)} FROM decisions WHERE seq > ? ORDER BY seq LIMIT ?", (after, page)
            )
            for row in rows:
                yield self._entry(row[1:])
            if len(rows) < page:
                return
            after = rows[-1][0]

    def count(self) -> int:
        return int(self._run("SELECT COUNT(*) FROM decisions")[0][0])

    # -- the hash chain ----------------------------------------------------------------------

    def chain_head(self) -> Link:
        """The index and hash of the last chained entry, as the log records it."""
        with self._guard(), self._transaction(write=False) as cursor:
            return self._head(cursor)

    def chained_rows(self, page: int = 500) -> Iterator[ChainedRow]:
        """Every row with its chain columns, in seq order, read a page at a time."""
        after = 0
        while True:
            rows = self._run(f"{_CHAIN_SELECT} WHERE seq > ? ORDER BY seq LIMIT ?", (after, page))
            for row in rows:
                yield self._chained_row(row)
            if len(rows) < page:
                return
            after = rows[-1][0]

    def chained_row(self, decision_id: str) -> ChainedRow | None:
        """One decision's row with its chain columns (read even if its decision cannot be), or None."""
        rows = self._run(f"{_CHAIN_SELECT} WHERE decision_id = ?", (decision_id,))
        return self._chained_row(rows[0]) if rows else None

    def _chained_row(self, row: Sequence[Any]) -> ChainedRow:
        stored = row[4:]
        packed = None if stored[-1] is None else Packed(str(stored[-1]), bytes(stored[-2]))
        try:
            entry, damage = self._entry(stored), None
        except LogUnavailable as error:  # kept as stored, with the decision unread, for verification to name
            columns = list(stored[: len(COLUMNS)])
            columns[_DECISION] = b""
            entry, damage = LogEntry(*columns), str(error)
        return ChainedRow(int(row[0]), entry, row[1], row[2], row[3], packed, damage)

    def _locate(self, index: int) -> int | None:
        rows = self._run("SELECT seq FROM decisions WHERE chain_index = ?", (index,))
        return int(rows[0][0]) if rows else None

    def _upgrade(self) -> Upgrade | None:
        rows = self._run("SELECT value FROM paiwu_log_meta WHERE key = ?", (_UPGRADE_KEY,))
        if not rows:
            return None
        note = json.loads(rows[0][0])
        return Upgrade(int(note["through_index"]), str(note["at"]))

    def verify(self, anchors: Sequence[Link] = (), snapshots: bool = True) -> ChainReport:
        """Check the chain (and, with ``snapshots``, that every policy snapshot rebuilds its version).

        The head is read first: entries appended while the check runs are checked too, and do not
        make an intact log look truncated.
        """
        head = self.chain_head()
        self._unpacker = None  # the dictionaries read afresh, as they are stored now
        report = verify_rows(self.chained_rows(), head, self._locate, anchors, self._upgrade())
        report.dictionary_problems = self._check_dictionaries()
        if snapshots:
            report.snapshot_problems = self._check_snapshots(report)
        return report

    def dictionary(self, name: str) -> bytes | None:
        """A compression dictionary's bytes as stored (verify checks them against their name), or None."""
        rows = self._run("SELECT content FROM log_dictionaries WHERE dictionary_id = ?", (name,))
        return bytes(rows[0][0]) if rows else None

    def _check_dictionaries(self) -> list[str]:
        """Each stored dictionary is named by the SHA-256 of its bytes: one whose bytes changed is named."""
        return [
            f"the compression dictionary {name[:19]}… was altered: its bytes no longer have the SHA-256 it is named by"
            for name, content in self._run("SELECT dictionary_id, content FROM log_dictionaries ORDER BY dictionary_id")
            if dictionary_id(bytes(content)) != name
        ]

    def _check_snapshots(self, report: ChainReport) -> list[str]:
        problems = []
        for (version,) in self._run("SELECT policy_version FROM policy_snapshots ORDER BY policy_version"):
            snapshot = self.snapshot(str(version))
            assert snapshot is not None
            try:
                check_snapshot(snapshot)
            except SnapshotError as error:
                problems.append(str(error))
            report.snapshots_checked += 1
        return problems

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


def _stored_values(item: Prepared) -> tuple[Any, ...]:
    """The values of an entry's ``_STORED`` columns: its decision compressed, not as text."""
    entry = item.entry
    # The text column is left empty: it is NOT NULL in logs of schema 2 and older, and SQLite cannot relax that.
    return (
        *(getattr(entry, name) for name in FIELDS[:_DECISION]),
        "",
        *(getattr(entry, name) for name in FIELDS[_DECISION + 1 :]),
        item.packed.data,
        item.packed.dictionary_id,
    )


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
