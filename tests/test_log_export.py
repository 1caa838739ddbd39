"""`paiwu log export` checked outside paiwu: the script docs/guarantees.md prints, run as printed on
an export of a log holding entries of both chain formats (SQLite and PostgreSQL), recomputes every
hash and reads every decision back; each way of altering an export is named by it."""

from __future__ import annotations

import ast
import base64
import dataclasses
import datetime as dt
import hashlib
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from paiwu.cli.main import main
from paiwu.engine.evaluate import Evaluator
from paiwu.store import LogEntry, hash_entry, new_entry, open_log
from paiwu.store.compress import Packed

from .conftest import ROOT, example
from .test_log_chain import entry, schema_2, tamper, verify
from .test_store import log_url, postgres_url

__all__ = ["log_url", "postgres_url"]  # the fixtures, shared with the log tests

GUARANTEES = ROOT / "docs" / "guarantees.md"
Record = dict[str, Any]


def verifier(folder: Path) -> Path:
    """The script of docs/guarantees.md, as printed there."""
    text = GUARANTEES.read_text(encoding="utf-8")
    start = text.index("```python\n# verify_export.py")
    script = folder / "verify_export.py"
    script.write_text(text[start + len("```python\n") : text.index("\n```", start)] + "\n", encoding="utf-8")
    return script


def check(script: Path, export: Path, dictionaries: Path | None) -> tuple[int, str]:
    """Run the script as an auditor would: a process of its own."""
    args = [sys.executable, str(script), str(export), *([str(dictionaries)] if dictionaries else [])]
    result = subprocess.run(args, capture_output=True, text=True, timeout=120, check=False)
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, result.stdout


def logged(url: str, evaluator: Evaluator) -> list[LogEntry]:
    """A log of schema 2 holding two entries chained in format 1 (their decisions as text), upgraded
    and appended to: entries compressed and chained in format 2, one by one and in one transaction,
    with and without as_of and idempotency keys, requests and decisions with Chinese text."""
    old = [entry(evaluator, 0), _entry(evaluator, "xuzhou-eligible.yaml")]
    tamper(url, *schema_2(url, old))
    new = [
        _entry(evaluator, "xuzhou-ineligible-several.yaml", key="order-1"),
        _entry(evaluator, "linyi-eligible.yaml", as_of="2016-01-04"),
        entry(evaluator, 3),
        _entry(evaluator, "buyback-xuzhou-closure.yaml", key="order-2"),
        entry(evaluator, 5),
    ]
    with open_log(url) as log:
        log.record(new[0])
        log.record_many(new[1:4])
        log.record(new[4])
        assert list(log.entries()) == [*old, *new]
    return [*old, *new]


def _entry(evaluator: Evaluator, name: str, key: str | None = None, as_of: str | None = None) -> LogEntry:
    request = example(name)
    date = dt.date.fromisoformat(as_of) if as_of else None
    return new_entry(request, evaluator.decide(request, as_of=date), date, key)


def export(url: str, target: Path, dictionaries: Path | None) -> str:
    """`paiwu log export -o target [--dictionaries DIR]`; its messages."""
    options = ["--dictionaries", str(dictionaries)] if dictionaries else []
    result = CliRunner().invoke(main, ["log", "export", "--log-url", url, "-o", str(target), *options])
    assert result.exit_code == 0, result.output
    return result.stderr


def read(path: Path) -> list[Record]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def write(path: Path, records: list[Record]) -> None:
    text = "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in records)
    path.write_text(text, encoding="utf-8")


def test_the_documented_script_recomputes_the_chain_of_an_export(
    log_url: str, evaluator: Evaluator, tmp_path: Path
) -> None:
    entries = logged(log_url, evaluator)
    target, folder = tmp_path / "decisions.jsonl", tmp_path / "dictionaries"
    messages = export(log_url, target, folder)
    code, out = verify(log_url)
    head = out.split("head: ")[1].split()[0]
    assert code == 0 and head.startswith(f"{len(entries)}:sha256:"), out
    assert f"exported {len(entries)} decisions to {target} (last entry {head})" in messages
    assert "wrote 1 compression dictionary to" in messages

    records = read(target)
    # The fields exported before are as they were: LogEntry.as_dict's, the request and decision as objects.
    assert [{k: r[k] for k in e.as_dict()} for r, e in zip(records, entries, strict=True)] == [
        e.as_dict() for e in entries
    ]
    formats = [r["chain_format"] for r in records]
    assert formats == ["paiwu-decision-log/1"] * 2 + ["paiwu-decision-log/2"] * 5
    assert [r["chain_index"] for r in records] == list(range(1, 8))
    assert records[1]["decision_json"] == entries[1].decision_json and records[1]["decision_zstd_base64"] is None
    assert records[2]["decision_json"] is None and records[2]["dictionary_id"].startswith("sha256:")
    assert "徐州市" in records[1]["decision_json"] and "徐州市" in records[2]["request_json"]
    [dictionary] = folder.iterdir()
    assert dictionary.name == hashlib.sha256(dictionary.read_bytes()).hexdigest() + ".dict"
    assert {r["dictionary_id"] for r in records[2:]} == {"sha256:" + dictionary.stem}

    script = verifier(tmp_path)
    imported = {
        alias.name.split(".")[0]
        for node in ast.walk(ast.parse(script.read_text(encoding="utf-8")))
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in (node.names if isinstance(node, ast.Import) else [ast.alias(node.module or "")])
    }
    assert imported == {"base64", "hashlib", "json", "sys", "pathlib", "zstandard"}  # no paiwu
    code, out = check(script, target, folder)
    assert code == 0 and out.startswith(f"last entry: {head}\nOK: every hash recomputed"), out

    # Without the dictionaries the hashes recompute, but the decisions stored compressed cannot be read.
    code, out = check(script, target, None)
    assert code == 1 and out.count("no dictionary sha256:") == 5 and "does not match" not in out, out

    # An export cut short is consistent: the head kept elsewhere is what shows it.
    write(target, records[:-1])
    code, out = check(script, target, folder)
    assert code == 0 and f"last entry: {records[-2]['chain_index']}:{records[-2]['entry_hash']}" in out
    assert out.split()[2] != head


def test_an_export_without_dictionaries_says_how_to_get_them(evaluator: Evaluator, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'decisions.sqlite3'}"
    logged(url, evaluator)
    messages = export(url, tmp_path / "decisions.jsonl", None)
    assert "--dictionaries DIR writes the dictionaries" in messages
    assert not (tmp_path / "dictionaries").exists()


# -- an export altered after it was taken -------------------------------------------------------


def _other_status(record: Record) -> str:
    return "eligible" if record["decision"]["status"] != "eligible" else "ineligible"


def _rehashed(record: Record) -> str:
    """The hash of an exported entry as it now reads, made with paiwu's own code: a forger's."""
    fields = {f.name: record.get(f.name) for f in dataclasses.fields(LogEntry) if f.name != "decision_utf8"}
    text = record["decision_json"] if record["decision_json"] is not None else json.dumps(record["decision"])
    forged = LogEntry(**fields, decision_utf8=text.encode("utf-8"))
    packed = None
    if record["decision_zstd_base64"] is not None:
        packed = Packed(record["dictionary_id"], base64.b64decode(record["decision_zstd_base64"]))
    return hash_entry(forged, record["chain_index"], record["prev_hash"], packed)


def _set(index: int, **values: Any) -> Callable[[list[Record]], None]:
    def change(records: list[Record]) -> None:
        records[index].update(values)

    return change


def _without(index: int, name: str) -> Callable[[list[Record]], None]:
    def change(records: list[Record]) -> None:
        del records[index][name]

    return change


def _decision_status(index: int) -> Callable[[list[Record]], None]:
    def change(records: list[Record]) -> None:
        records[index]["decision"]["status"] = _other_status(records[index])

    return change


def _request_id(records: list[Record]) -> None:
    records[3]["request"]["id"] = "forged"


def _format_1_text(records: list[Record]) -> None:
    records[1]["decision_json"] = records[1]["decision_json"].replace('"eligible"', '"ineligible"', 1)
    records[1]["decision"] = json.loads(records[1]["decision_json"])


def _stored_decision_swapped(records: list[Record]) -> None:
    records[3]["decision_zstd_base64"], records[3]["decision"] = (
        records[5]["decision_zstd_base64"],
        records[5]["decision"],
    )


def _rewritten(records: list[Record]) -> None:
    records[3]["status"] = records[3]["decision"]["status"] = _other_status(records[3])
    records[3]["entry_hash"] = _rehashed(records[3])


def _deleted(records: list[Record]) -> None:
    del records[3]


def _swapped(records: list[Record]) -> None:
    records[3], records[4] = records[4], records[3]


def _repeated(records: list[Record]) -> None:
    records.insert(4, records[3])


ALTERATIONS: dict[str, tuple[Callable[[list[Record]], None], int, str]] = {
    # what was done: (how, the line named, what the script says)
    "a hashed field edited": (_set(3, logged_at="2020-01-01T00:00:00.000000Z"), 4, "does not match its entry_hash"),
    "an idempotency key added": (_set(4, idempotency_key="forged"), 5, "does not match its entry_hash"),
    "the decision object edited": (_decision_status(3), 4, "its 'decision' is not the decision hashed"),
    "a format 1 decision object edited": (_decision_status(1), 2, "its 'decision' is not the decision hashed"),
    "a format 1 decision text edited": (_format_1_text, 2, "does not match its entry_hash"),
    "the request object edited": (_request_id, 4, "its 'request' is not the request_json hashed"),
    "the request text edited": (_set(3, request_json="{}", request={}), 4, "does not match its entry_hash"),
    "the stored decision replaced": (_stored_decision_swapped, 4, "does not match its entry_hash"),
    "the stored decision garbled": (_set(3, decision_zstd_base64="AAAA"), 4, "does not decompress"),
    "the chain format changed": (_set(3, chain_format="paiwu-decision-log/1"), 4, "does not match its entry_hash"),
    "a field removed": (_without(4, "request_hash"), 5, "malformed (KeyError"),
    "an entry rewritten with a fresh hash": (_rewritten, 5, "it does not follow entry #4"),
    "an entry deleted": (_deleted, 4, "it does not follow entry #3"),
    "two entries swapped": (_swapped, 4, "it does not follow entry #3"),
    "an entry repeated": (_repeated, 5, "it does not follow entry #4"),
    "an entry's hash erased": (_set(3, entry_hash=None), 4, "it is not chained"),
}


@pytest.fixture(scope="module")
def taken(tmp_path_factory: pytest.TempPathFactory, evaluator: Evaluator) -> tuple[list[Record], Path, Path]:
    """One export (SQLite: the export's form does not depend on the database), its dictionaries and the script."""
    folder = tmp_path_factory.mktemp("export")
    url = f"sqlite:///{folder / 'decisions.sqlite3'}"
    logged(url, evaluator)
    export(url, folder / "decisions.jsonl", folder / "dictionaries")
    return read(folder / "decisions.jsonl"), folder / "dictionaries", verifier(folder)


@pytest.mark.parametrize("alteration", sorted(ALTERATIONS))
def test_an_altered_export_is_named_by_the_script(
    taken: tuple[list[Record], Path, Path], tmp_path: Path, alteration: str
) -> None:
    records, dictionaries, script = taken
    altered = json.loads(json.dumps(records))  # a copy
    change, line, says = ALTERATIONS[alteration]
    change(altered)
    write(tmp_path / "altered.jsonl", altered)
    code, out = check(script, tmp_path / "altered.jsonl", dictionaries)
    assert code == 1, out
    assert any(p.startswith(f"line {line} (") and says in p for p in out.splitlines()), out
    write(tmp_path / "intact.jsonl", records)  # and the same export unaltered passes
    assert check(script, tmp_path / "intact.jsonl", dictionaries)[0] == 0


def test_an_altered_dictionary_is_named_by_the_script(taken: tuple[list[Record], Path, Path], tmp_path: Path) -> None:
    records, dictionaries, script = taken
    [original] = dictionaries.iterdir()
    altered = tmp_path / "dictionaries"
    altered.mkdir()
    (altered / original.name).write_bytes(original.read_bytes().replace(b"eligible", b"ELIGIBLE"))
    write(tmp_path / "decisions.jsonl", records)
    code, out = check(script, tmp_path / "decisions.jsonl", altered)
    assert code == 1 and f"{original.name}: its bytes are not those of the SHA-256 it is named by" in out, out
    assert "line 3 (" in out and "its 'decision' is not the decision hashed" in out, out


def test_a_log_whose_decisions_cannot_be_read_back_is_exported_as_stored(evaluator: Evaluator, tmp_path: Path) -> None:
    """Its dictionary gone, a log is still exported, every stored byte as it is: the compressed
    entries with "decision": null and "damage" saying why; the export exits 1, and the script
    still recomputes every hash and names the entries it cannot read."""
    url = f"sqlite:///{tmp_path / 'decisions.sqlite3'}"
    entries = logged(url, evaluator)
    tamper(url, "DELETE FROM log_dictionaries")
    target, folder = tmp_path / "decisions.jsonl", tmp_path / "dictionaries"
    result = CliRunner().invoke(
        main, ["log", "export", "--log-url", url, "-o", str(target), "--dictionaries", str(folder)]
    )
    assert result.exit_code == 1, result.output
    assert "5 of the 7 decisions could not be read back" in result.stderr
    assert result.stderr.count("is not in the log") == 1  # the one dictionary the entries name
    records = read(target)
    assert [r["decision_id"] for r in records] == [e.decision_id for e in entries]
    for record, logged_entry in zip(records, entries, strict=True):
        if record["chain_format"].endswith("/1"):  # stored as text: read as ever
            assert record["damage"] is None and record["decision"] == logged_entry.decision()
        else:
            assert record["decision"] is None and "is not in the log" in record["damage"]
            assert record["decision_zstd_base64"] and record["request"] == logged_entry.request()
    code, out = check(verifier(tmp_path), target, folder)
    assert code == 1 and out.count("no dictionary sha256:") == 5 and "does not match" not in out, out


@pytest.mark.parametrize(
    ("where", "inserted"),
    [
        ("the entry", '"decision":{"status":"eligible"},'),  # before the real one: Python keeps the last
        ("its decision", '"status":"eligible",'),
    ],
)
def test_a_key_given_twice_is_named_by_the_script(
    taken: tuple[list[Record], Path, Path], tmp_path: Path, where: str, inserted: str
) -> None:
    """JSON readers differ on which of two equal keys they keep, so a line giving one twice says two
    things at once: the script refuses it rather than check the one its reader happens to keep."""
    records, dictionaries, script = taken
    write(tmp_path / "export.jsonl", records)
    lines = (tmp_path / "export.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    anchor = '{"' if where == "the entry" else '"decision":{'
    at = lines[3].index(anchor) + len(anchor) - (1 if where == "the entry" else 0)
    lines[3] = lines[3][:at] + inserted + lines[3][at:]
    (tmp_path / "export.jsonl").write_text("".join(lines), encoding="utf-8")
    code, out = check(script, tmp_path / "export.jsonl", dictionaries)
    assert code == 1 and "line 4: malformed (ValueError: a key given twice in one object" in out, out


def test_log_show_stored_gives_one_entry_as_the_export_writes_it(evaluator: Evaluator, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'decisions.sqlite3'}"
    entries = logged(url, evaluator)
    export(url, tmp_path / "decisions.jsonl", None)
    records = read(tmp_path / "decisions.jsonl")
    for number in (1, 3):  # one entry of each chain format
        result = CliRunner().invoke(main, ["log", "show", entries[number].decision_id, "--stored", "--log-url", url])
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout) == records[number]
    # its dictionary gone, an entry is still shown as stored, with what is wrong, and exit 1
    tamper(url, "DELETE FROM log_dictionaries")
    result = CliRunner().invoke(main, ["log", "show", entries[3].decision_id, "--stored", "--log-url", url])
    assert result.exit_code == 1 and "cannot be read back" in result.stderr
    shown = json.loads(result.stdout)
    assert shown["decision"] is None and "is not in the log" in shown["damage"]
    assert {k: v for k, v in shown.items() if k not in ("decision", "damage")} == {
        k: v for k, v in records[3].items() if k not in ("decision", "damage")
    }
    plain = CliRunner().invoke(main, ["log", "show", entries[3].decision_id, "--log-url", url])
    assert plain.exit_code == 5 and "cannot be read back" in plain.stderr  # without --stored: as before
    missing = CliRunner().invoke(main, ["log", "show", "no-such-id", "--stored", "--log-url", url])
    assert missing.exit_code == 2
