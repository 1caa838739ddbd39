"""The decision log's hash chain: every entry chained to the one before, on SQLite and PostgreSQL, with
concurrent writers; `paiwu log verify` names the first entry edited, deleted or reordered directly in
the database; logs of schema 1 are upgraded by chaining what they hold."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sqlite3
import threading
from pathlib import Path
from typing import Any

import psycopg
import pytest
import zstandard
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from paiwu.cli.main import main
from paiwu.engine.evaluate import Evaluator
from paiwu.facts import validate_request
from paiwu.store import (
    GENESIS,
    Link,
    LogEntry,
    LogUnavailable,
    capture_snapshot,
    hash_entry,
    new_entry,
    open_log,
)
from paiwu.store.chain import Prepared
from paiwu.store.connect import sqlite_path
from paiwu.store.entry import COLUMNS

from .test_store import log_url, open_at_once, postgres_url

__all__ = ["log_url", "postgres_url"]  # the fixtures, shared with the log tests


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'decisions.sqlite3'}"


def entry(evaluator: Evaluator, n: int, key: str | None = None) -> LogEntry:
    kinds = ("trade", "holding", "enterprise", "acquisition")
    request = validate_request({"kind": kinds[n % len(kinds)], "id": f"r-{n}"})
    return new_entry(request, evaluator.decide(request), None, key)


def filled(url: str, evaluator: Evaluator, count: int = 6) -> list[LogEntry]:
    entries = [entry(evaluator, n) for n in range(count)]
    with open_log(url) as log:
        log.save_snapshot(capture_snapshot())
        log.record_many(entries[:2])
        for item in entries[2:]:
            log.record(item)
    return entries


def tamper(url: str, *statements: str) -> None:
    """Change the database behind paiwu's back, as someone with write access to it could."""
    path = sqlite_path(url)
    if path is not None:
        with sqlite3.connect(path) as db:
            for statement in statements:
                db.execute(statement)
        return
    with psycopg.connect(url, autocommit=False) as pg:
        for statement in statements:
            pg.execute(statement)


def verify(url: str, *options: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["log", "verify", "--log-url", url, *options])
    return result.exit_code, result.output


def rows(url: str) -> list[tuple[Any, ...]]:
    with open_log(url, create=False) as log:
        return [(r.seq, r.index, r.prev_hash, r.entry_hash, r.entry, r.packed) for r in log.chained_rows()]


def stored(url: str, sql: str) -> list[tuple[Any, ...]]:
    """Rows read straight from the database, without paiwu."""
    path = sqlite_path(url)
    if path is not None:
        with sqlite3.connect(path) as db:
            return db.execute(sql).fetchall()
    with psycopg.connect(url) as pg:
        return pg.execute(sql).fetchall()


# -- the chain as written ----------------------------------------------------------------------


def documented_hash(e: LogEntry, index: int, prev: str, zstd: bytes | None = None, dictionary: str = "") -> str:
    """The hash as docs/guarantees.md defines it (format 2 of a decision stored compressed, else
    format 1), computed here without paiwu's code."""
    content: dict[str, Any] = {"index": index, "prev_hash": prev, **dict(zip(COLUMNS, e.columns(), strict=True))}
    if zstd is None:
        content["chain"] = "paiwu-decision-log/1"
    else:
        del content["decision_json"]
        content |= {"chain": "paiwu-decision-log/2", "decision_zstd": hashlib.sha256(zstd).hexdigest()}
        content["dictionary_id"] = dictionary
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_every_entry_is_chained_to_the_one_before(log_url: str, evaluator: Evaluator) -> None:
    entries = filled(log_url, evaluator)
    chained = rows(log_url)
    assert [r[4] for r in chained] == entries
    raw = stored(log_url, "SELECT decision_json, decision_zstd, dictionary_id FROM decisions ORDER BY seq")
    dictionaries = {
        name: bytes(content) for name, content in stored(log_url, "SELECT dictionary_id, content FROM log_dictionaries")
    }
    prev = GENESIS
    for n, (_seq, index, prev_hash, entry_hash, e, _packed) in enumerate(chained, start=1):
        text, zstd, dictionary = raw[n - 1]
        assert (index, prev_hash, text) == (n, prev, "")  # the decision is stored compressed only
        # ... by Zstandard against the raw-content dictionary the log names by its SHA-256
        assert dictionary == "sha256:" + hashlib.sha256(dictionaries[dictionary]).hexdigest()
        raw_dictionary = zstandard.ZstdCompressionDict(
            dictionaries[dictionary], dict_type=zstandard.DICT_TYPE_RAWCONTENT
        )
        zstd = bytes(zstd)
        assert zstandard.ZstdDecompressor(dict_data=raw_dictionary).decompress(zstd).decode() == e.decision_json
        assert entry_hash == documented_hash(e, n, prev, zstd, dictionary)
        prev = entry_hash
    with open_log(log_url) as log:
        head = log.chain_head()
        assert (head.index, head.entry_hash) == (len(entries), prev)
    code, out = verify(log_url)
    assert code == 0 and out.startswith(f"OK: {len(entries)} decisions chained"), out
    assert f"head: {len(entries)}:{prev}" in out


def test_an_empty_log_verifies(log_url: str) -> None:
    open_log(log_url).close()
    code, out = verify(log_url)
    assert code == 0 and "OK: 0 decisions" in out


def test_a_repeated_key_or_a_failed_batch_does_not_move_the_head(log_url: str, evaluator: Evaluator) -> None:
    with open_log(log_url) as log:
        log.save_snapshot(capture_snapshot())
        log.record(entry(evaluator, 0, key="k"))
        head = log.chain_head()
        assert log.record(entry(evaluator, 1, key="k"))[1] is False
        orphan = dataclasses.replace(entry(evaluator, 2), policy_version="sha256:0000000000000000")
        with pytest.raises(LogUnavailable):
            log.record_many([entry(evaluator, 3), orphan])
        assert log.chain_head() == head
        log.record(entry(evaluator, 4))
        assert log.chain_head().index == 2
    assert verify(log_url)[0] == 0


def test_concurrent_writers_each_with_their_own_connection_make_one_chain(log_url: str, evaluator: Evaluator) -> None:
    with open_log(log_url) as log:
        log.save_snapshot(capture_snapshot())
    entries = [entry(evaluator, n) for n in range(48)]
    errors: list[BaseException] = []

    def writer(mine: list[LogEntry]) -> None:
        try:
            with open_log(log_url) as log:  # as another worker process or replica would
                for start in range(0, len(mine), 3):
                    log.record(mine[start]) if start % 2 else log.record_many(mine[start : start + 3])
        except BaseException as error:  # reported below; a thread's exception would be lost
            errors.append(error)

    # 4 writers x 12 entries; every other round a batch of 3, else a single entry
    threads = [threading.Thread(target=writer, args=(entries[w::4],)) for w in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == [] and not any(t.is_alive() for t in threads)
    chained = rows(log_url)
    assert [r[1] for r in chained] == list(range(1, len(chained) + 1))
    assert verify(log_url)[0] == 0


# -- tampering, directly in the database ------------------------------------------------------


@pytest.mark.parametrize(
    "change",
    [
        "status = 'eligible'",
        "decision_zstd = substr(decision_zstd, 2)",
        "request_json = replace(request_json, 'r-3', 'r-9')",
        "logged_at = '2020-01-01T00:00:00.000000Z'",
        "idempotency_key = 'forged'",
        "chain_index = 30",
    ],
)
def test_an_edited_entry_is_named(log_url: str, evaluator: Evaluator, change: str) -> None:
    entries = filled(log_url, evaluator)
    tamper(log_url, f"UPDATE decisions SET {change} WHERE seq = 4")
    code, out = verify(log_url)
    assert code == 1, out
    assert out.startswith(f"ALTERED: edited: entry #{30 if 'chain_index' in change else 4} (seq 4, decision ")
    assert entries[3].decision_id in out.splitlines()[0]


def test_an_entry_deleted_in_the_middle_is_named(log_url: str, evaluator: Evaluator) -> None:
    entries = filled(log_url, evaluator)
    tamper(log_url, "DELETE FROM decisions WHERE seq = 3")
    code, out = verify(log_url)
    assert code == 1
    assert out.startswith(f"ALTERED: deleted: entry #4 (seq 4, decision {entries[3].decision_id}")
    assert "entry #3 is missing just before it" in out


def test_the_first_and_the_last_entries_deleted_are_named(log_url: str, evaluator: Evaluator) -> None:
    filled(log_url, evaluator)
    tamper(log_url, "DELETE FROM decisions WHERE seq IN (5, 6)")
    code, out = verify(log_url)
    assert code == 1 and out.startswith("ALTERED: deleted: entry #5: the log ends at entry #4, but its head records #6")
    tamper(log_url, "DELETE FROM decisions WHERE seq = 1")
    code, out = verify(log_url)
    assert code == 1 and "ALTERED: deleted: entry #2 (seq 2" in out and "entry #1 is missing" in out


def test_an_entry_moved_to_the_end_is_named_as_reordered(log_url: str, evaluator: Evaluator) -> None:
    filled(log_url, evaluator)
    columns = ", ".join(["seq", *COLUMNS, "chain_index", "prev_hash", "entry_hash"])
    moved = ", ".join(["100", *COLUMNS, "chain_index", "prev_hash", "entry_hash"])
    overriding = "" if sqlite_path(log_url) else " OVERRIDING SYSTEM VALUE"
    tamper(
        log_url,
        "CREATE TEMPORARY TABLE moved AS SELECT * FROM decisions WHERE seq = 2",
        "DELETE FROM decisions WHERE seq = 2",
        f"INSERT INTO decisions ({columns}){overriding} SELECT {moved} FROM moved",
    )
    code, out = verify(log_url)
    assert code == 1 and out.startswith("ALTERED: reordered: entry #3 (seq 3"), out
    assert "entry #2 should come before it, but is at seq 100" in out


def test_two_entries_swapped_in_sqlite_are_named_as_reordered(sqlite_url: str, evaluator: Evaluator) -> None:
    filled(sqlite_url, evaluator)
    tamper(
        sqlite_url,
        "UPDATE decisions SET seq = -1 WHERE seq = 2",
        "UPDATE decisions SET seq = 2 WHERE seq = 5",
        "UPDATE decisions SET seq = 5 WHERE seq = -1",
    )
    code, out = verify(sqlite_url)
    assert code == 1 and out.startswith("ALTERED: reordered: entry #5 (seq 2"), out


def test_an_entry_rewritten_with_a_fresh_hash_is_named(sqlite_url: str, evaluator: Evaluator) -> None:
    """Someone who edits an entry and recomputes its hash breaks the link of the entry after it."""
    filled(sqlite_url, evaluator)
    _seq, index, prev, _hash, original, packed = rows(sqlite_url)[2]
    forged = dataclasses.replace(original, status="eligible")
    with sqlite3.connect(sqlite_path(sqlite_url) or "") as db:
        db.execute(
            "UPDATE decisions SET status = ?, entry_hash = ? WHERE seq = 3",
            (forged.status, hash_entry(forged, index, prev, packed)),
        )
    code, out = verify(sqlite_url)
    assert code == 1 and out.startswith(f"ALTERED: edited: entry #3 (seq 3, decision {original.decision_id}")
    assert "it was rewritten: entry #4" in out


def test_a_rewritten_tail_is_caught_by_the_head_or_else_by_an_anchor(sqlite_url: str, evaluator: Evaluator) -> None:
    filled(sqlite_url, evaluator)
    code, out = verify(sqlite_url)
    anchor = out.split("head: ")[1].split()[0]
    *_, (_seq, index, prev, _hash, last, packed) = rows(sqlite_url)
    forged = dataclasses.replace(last, status="eligible")
    forged_hash = hash_entry(forged, index, prev, packed)
    tamper(sqlite_url, f"UPDATE decisions SET status = 'eligible', entry_hash = '{forged_hash}' WHERE seq = 6")
    code, out = verify(sqlite_url)
    assert code == 1 and "ALTERED: edited: entry #6 (seq 6" in out and "chain head the log recorded" in out
    # Rewriting the recorded head as well leaves a consistent chain: only a head kept elsewhere shows it.
    tamper(sqlite_url, f"UPDATE log_chain_head SET last_hash = '{forged_hash}'")
    assert verify(sqlite_url)[0] == 0
    code, out = verify(sqlite_url, "--anchor", anchor)
    assert code == 1 and out.startswith("ALTERED: anchor: entry #6 (seq 6") and "the log was rewritten" in out
    code, out = verify(sqlite_url, "--anchor", "7:" + forged_hash)
    assert code == 1 and "anchor: entry #7: no entry #7 in the log" in out
    assert verify(sqlite_url, "--anchor", "six")[0] == 2


def test_an_altered_compression_dictionary_is_named(log_url: str, evaluator: Evaluator) -> None:
    """The entries' hashes cover their compressed bytes; the dictionary those bytes need is checked
    against the SHA-256 it is named by, so altering it (and with it what every entry reads back as)
    is named too."""
    filled(log_url, evaluator, count=2)
    assert verify(log_url)[0] == 0
    tamper(log_url, "UPDATE log_dictionaries SET content = substr(content, 2)")
    code, out = verify(log_url)
    assert code == 1 and "dictionary: the compression dictionary sha256:" in out and "was altered" in out, out


def test_an_unchained_row_is_named(log_url: str, evaluator: Evaluator) -> None:
    entries = filled(log_url, evaluator, count=3)
    tamper(log_url, insert_unchained(dataclasses.replace(entries[0], decision_id="d-unchained", idempotency_key=None)))
    code, out = verify(log_url)
    assert code == 1 and out.startswith("ALTERED: unchained: entry (seq 4, decision d-unchained")


def test_an_altered_policy_snapshot_is_named(sqlite_url: str, evaluator: Evaluator) -> None:
    filled(sqlite_url, evaluator, count=1)
    tamper(sqlite_url, "UPDATE policy_snapshots SET files_json = replace(files_json, 'red', 'blue')")
    code, out = verify(sqlite_url)
    assert code == 1 and "snapshot: the snapshot of sha256:" in out and "altered" in out
    assert verify(sqlite_url, "--skip-snapshots")[0] == 0


def test_verify_refuses_a_log_that_is_not_there(tmp_path: Path) -> None:
    code, out = verify(f"sqlite:///{tmp_path / 'absent.sqlite3'}")
    assert code == 5 and "no decision log" in out
    assert not (tmp_path / "absent.sqlite3").exists()


# -- logs of schema 1, written before the chain -----------------------------------------------


def schema_1(url: str) -> list[str]:
    """The tables paiwu wrote before the chain (schema version 1), on either backend."""
    seq = "INTEGER PRIMARY KEY AUTOINCREMENT" if sqlite_path(url) else "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
    return [
        "CREATE TABLE paiwu_log_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE TABLE policy_snapshots (policy_version TEXT PRIMARY KEY, stored_at TEXT NOT NULL, files_json TEXT NOT NULL)",
        f"""CREATE TABLE decisions (
            seq {seq}, decision_id TEXT NOT NULL UNIQUE, logged_at TEXT NOT NULL,
            kind TEXT NOT NULL, as_of TEXT, idempotency_key TEXT UNIQUE, request_json TEXT NOT NULL,
            request_hash TEXT NOT NULL, decision_json TEXT NOT NULL, status TEXT NOT NULL,
            policy_version TEXT NOT NULL REFERENCES policy_snapshots (policy_version), paiwu_version TEXT NOT NULL
        )""",
        "INSERT INTO paiwu_log_meta VALUES ('schema', '1')",
    ]


def literal(value: object) -> str:
    return "NULL" if value is None else "'" + str(value).replace("'", "''") + "'"


def insert_unchained(e: LogEntry) -> str:
    """A row as paiwu wrote it before the chain, or as anything writing around paiwu would."""
    return f"INSERT INTO decisions ({', '.join(COLUMNS)}) VALUES ({', '.join(map(literal, e.columns()))})"


@pytest.fixture
def schema_1_log(log_url: str, evaluator: Evaluator) -> tuple[str, list[LogEntry]]:
    snapshot = capture_snapshot()
    old = [entry(evaluator, n) for n in range(5)]
    files = literal(json.dumps(snapshot.files))
    tamper(
        log_url,
        *schema_1(log_url),
        f"INSERT INTO policy_snapshots VALUES ('{snapshot.version}', '2025', {files})",
        *map(insert_unchained, old),
    )
    return log_url, old


def test_a_log_of_schema_1_is_chained_when_opened(
    schema_1_log: tuple[str, list[LogEntry]], evaluator: Evaluator
) -> None:
    url, old = schema_1_log
    with open_log(url) as log:
        assert list(log.entries()) == old  # nothing logged is changed, only chained
        log.record(entry(evaluator, 9))
    chained = rows(url)
    assert [r[1] for r in chained] == [1, 2, 3, 4, 5, 6]
    code, out = verify(url)
    assert code == 0, out
    assert "note: entries #1–#5 were logged before the log was chained" in out
    with open_log(url, create=False) as log:
        assert log._run("SELECT value FROM paiwu_log_meta WHERE key = 'schema'") == [("3",)]
    # An edit of an entry chained by the upgrade is caught like any other.
    tamper(url, "UPDATE decisions SET status = 'eligible' WHERE seq = 2")
    code, out = verify(url)
    assert code == 1 and out.startswith("ALTERED: edited: entry #2 (seq 2")


def schema_2(url: str, entries: list[LogEntry]) -> list[str]:
    """A log of schema 2, before decisions were compressed, holding ``entries``: their decisions as
    text, chained in format 1 (as docs/guarantees.md describes it)."""
    snapshot = capture_snapshot()
    chain_columns = [
        "ALTER TABLE decisions ADD COLUMN " + c for c in ("chain_index BIGINT", "prev_hash TEXT", "entry_hash TEXT")
    ]
    prev, inserts = GENESIS, []
    for n, e in enumerate(entries, start=1):
        link = documented_hash(e, n, prev)
        values = ", ".join(map(literal, (*e.columns(), n, prev, link)))
        inserts.append(
            f"INSERT INTO decisions ({', '.join(COLUMNS)}, chain_index, prev_hash, entry_hash) VALUES ({values})"
        )
        prev = link
    return [
        *schema_1(url),
        *chain_columns,
        "UPDATE paiwu_log_meta SET value = '2' WHERE key = 'schema'",
        "CREATE TABLE log_chain_head (id INTEGER PRIMARY KEY CHECK (id = 1), last_index BIGINT NOT NULL, last_hash TEXT NOT NULL)",
        f"INSERT INTO log_chain_head VALUES (1, {len(entries)}, '{prev}')",
        f"INSERT INTO policy_snapshots VALUES ('{snapshot.version}', '2025', {literal(json.dumps(snapshot.files))})",
        *inserts,
    ]


def test_a_log_of_schema_2_keeps_its_text_entries_and_compresses_new_ones(log_url: str, evaluator: Evaluator) -> None:
    """A log written before decisions were compressed: its entries, chained in format 1 over their
    text, read and verify as they are; the upgrade adds the columns, and what is logged after is
    stored compressed and chained in format 2 after them."""
    old = [entry(evaluator, n) for n in range(3)]
    tamper(log_url, *schema_2(log_url, old))
    new = entry(evaluator, 7)
    with open_log(log_url) as log:
        assert list(log.entries()) == old
        log.record(new)
        assert list(log.entries()) == [*old, new]
    raw = stored(log_url, "SELECT chain_index, decision_json = '', decision_zstd IS NULL FROM decisions ORDER BY seq")
    assert [tuple(map(bool, r[1:])) for r in raw] == [(False, True)] * 3 + [(True, False)]
    code, out = verify(log_url)
    assert code == 0 and out.startswith("OK: 4 decisions chained"), out
    tamper(log_url, "UPDATE decisions SET decision_json = replace(decision_json, 'r-1', 'r-8') WHERE seq = 2")
    code, out = verify(log_url)
    assert code == 1 and out.startswith("ALTERED: edited: entry #2 (seq 2"), out


def test_two_processes_opening_a_schema_1_log_at_once_chain_it_once(
    schema_1_log: tuple[str, list[LogEntry]],
) -> None:
    url, _ = schema_1_log
    opened, failed = open_at_once(url, 3)
    assert failed == [] and len(opened) == 3
    assert [r[1] for r in rows(url)] == [1, 2, 3, 4, 5]
    assert verify(url)[0] == 0


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(st.characters(blacklist_categories=("Cs",)), max_size=60),
    index=st.integers(0, 10**12),
    key=st.one_of(st.none(), st.text(max_size=20)),
)
def test_a_prepared_entry_hashes_exactly_as_hash_entry(text: str, index: int, key: str | None) -> None:
    """Prepared.link finishes the hash from a saved state: it must be hash_entry's, byte for byte,
    for any text in any field (quotes, control characters, non-BMP characters, escapes)."""
    entry = LogEntry(
        decision_id=text,
        logged_at=text[::-1],
        kind="trade" + text,
        as_of=None if index % 2 else text,
        idempotency_key=key,
        request_json=text if index % 3 else json.dumps({"q": text}, ensure_ascii=False),  # raw control characters too
        request_hash="sha256:" + text,
        decision_utf8=json.dumps({"d": [text, text + '"\\\n']}, ensure_ascii=False).encode(),
        status=text,
        policy_version=text + "v",
        paiwu_version="0.1.0",
    )
    head = Link(index, "", "sha256:" + text)
    prepared = Prepared(entry)
    expected = hash_entry(entry, index + 1, head.entry_hash, prepared.packed)
    assert prepared.link(head) == Link(index + 1, head.entry_hash, expected)


def test_keyed_and_keyless_entries_mixed_in_one_transaction_keep_their_order(
    log_url: str, evaluator: Evaluator
) -> None:
    """Keyless entries go in by multi-row statements, keyed ones one by one (a key may be taken):
    the chain and the order are those of the call, and a repeated key is settled in place."""
    items = [entry(evaluator, 0), entry(evaluator, 1, key="a"), entry(evaluator, 2), entry(evaluator, 3)]
    items += [entry(evaluator, 4, key="a"), entry(evaluator, 5), entry(evaluator, 6, key="b")]
    with open_log(log_url) as log:
        log.save_snapshot(capture_snapshot())
        recorded = log.record_many(items)
        assert [created for _, created in recorded] == [True, True, True, True, False, True, True]
        assert recorded[4][0] == items[1]  # the entry logged under "a" first
        kept = [e for i, e in enumerate(items) if i != 4]
        assert list(log.entries()) == kept
        report = log.verify()
        assert report.ok and log.chain_head().index == len(kept)
