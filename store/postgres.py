"""The decision log on PostgreSQL, for several API replicas behind a load balancer.

Replicas share one database: the unique idempotency key makes the first replica's entry win and
the others return it. Each process holds one connection (the engine evaluates one request at a
time per process anyway) and reconnects after the server went away.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg

from .log import Cursor, DecisionLog, LogUnavailable, WouldWait

CONNECT_TIMEOUT_S = 10
SCHEMA_LOCK = 0x70616977  # "paiw": an advisory lock so that replicas starting together create the schema once

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS paiwu_log_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE IF NOT EXISTS policy_snapshots (
        policy_version TEXT PRIMARY KEY,
        stored_at TEXT NOT NULL,
        files_json TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS log_dictionaries (
        dictionary_id TEXT PRIMARY KEY,
        stored_at TEXT NOT NULL,
        content BYTEA NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS decisions (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        decision_id TEXT NOT NULL UNIQUE,
        logged_at TEXT NOT NULL,
        kind TEXT NOT NULL,
        as_of TEXT,
        idempotency_key TEXT UNIQUE,
        request_json TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        decision_json TEXT NOT NULL,
        status TEXT NOT NULL,
        policy_version TEXT NOT NULL REFERENCES policy_snapshots (policy_version),
        paiwu_version TEXT NOT NULL,
        chain_index BIGINT,
        prev_hash TEXT,
        entry_hash TEXT,
        decision_zstd BYTEA,
        dictionary_id TEXT REFERENCES log_dictionaries (dictionary_id)
    )""",
    # no index by request_hash: nothing looks one up (store/sqlite.py); older logs keep theirs
    """CREATE TABLE IF NOT EXISTS log_chain_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last_index BIGINT NOT NULL,
        last_hash TEXT NOT NULL
    )""",
)


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        info = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.Error:
        return "postgresql://…"
    where = f"{info.get('host', 'localhost')}:{info.get('port', 5432)}/{info.get('dbname', '')}"
    return f"postgresql://{info.get('user', '')}@{where}"


class PostgresLog(DecisionLog):
    backend = "postgresql"
    placeholder = "%s"
    _bytes_type = "BYTEA"
    _lock_head = " FOR UPDATE"  # writers from every replica queue on the chain head row
    _driver_errors = (psycopg.Error,)

    def __init__(self, url: str) -> None:
        self.url = url
        self._lock = threading.Lock()
        self._db: psycopg.Connection[Any] | None = None
        try:
            with self._transaction() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK,))
                for statement in SCHEMA:
                    cursor.execute(statement)
                self._check_schema_version(cursor)
        except psycopg.Error as error:
            self.close()
            raise LogUnavailable(f"cannot open the decision log {redact(url)}: {error}".strip()) from None
        except LogUnavailable:
            self.close()
            raise

    def _connection(self) -> psycopg.Connection[Any]:
        if self._db is None or self._db.closed or self._db.broken:
            if self._db is not None:
                self._db.close()
            # Autocommit, with explicit transaction blocks: nothing is ever left open between calls.
            self._db = psycopg.connect(self.url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)
        return self._db

    @contextmanager
    def _transaction(self, write: bool = True, wait: bool = True) -> Iterator[psycopg.Cursor[Any]]:
        if not wait:  # a round trip to the server is itself a wait: writes here are always made by waiting
            raise WouldWait("the PostgreSQL log is written only by callers that wait")
        with self._lock:
            db = self._connection()
            with db.transaction(), db.cursor() as cursor:
                yield cursor

    def _execute(self, cursor: Any, sql: str, params: Sequence[Any] = ()) -> Cursor:
        result: psycopg.Cursor[Any] = cursor.execute(sql, tuple(params))
        return result

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    def __repr__(self) -> str:
        return f"PostgresLog({redact(self.url)!r})"
