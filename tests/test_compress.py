"""Logged decisions stored compressed (store/compress.py): read back byte for byte, the same
dictionary in every process, and an entry whose dictionary is gone named, not guessed."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from paiwu.cli.main import main
from paiwu.engine.evaluate import default_evaluator
from paiwu.facts import validate_request
from paiwu.facts.population import generate
from paiwu.store import LogUnavailable, capture_snapshot, new_entry, open_log
from paiwu.store.compress import Packer, Unpacker, UnpackError, default_packer


def decisions(n: int, seed: int) -> list[bytes]:
    evaluator = default_evaluator()
    return [evaluator.decide(validate_request(c)).model_dump_json().encode() for c in generate(n, seed)]


def test_decisions_read_back_exactly_and_are_a_fraction_of_their_size() -> None:
    packer, unpacker = default_packer(), Unpacker()
    unpacker.add(packer.dictionary_id, packer.content)
    texts = decisions(50, seed=11)  # not the dictionary's own samples (seed 0)
    packed = [packer.pack(text) for text in texts]
    assert [unpacker.unpack(p) for p in packed] == texts
    assert sum(len(p.data) for p in packed) * 8 < sum(map(len, texts))


def test_every_process_makes_the_same_dictionary() -> None:
    """Replicas sharing a log store one dictionary: its bytes may not depend on hash seeds or time."""
    code = "from paiwu.store.compress import default_packer; print(default_packer().dictionary_id)"
    names = {
        subprocess.run(
            [sys.executable, "-c", code], env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, text=True
        ).stdout.strip()
        for seed in ("1", "2")
    }
    assert names == {default_packer().dictionary_id}


def test_bytes_that_are_not_the_dictionarys_are_refused() -> None:
    packer, other = default_packer(), Packer(b"another dictionary " * 50)
    unpacker = Unpacker()
    unpacker.add(other.dictionary_id, other.content)
    with pytest.raises(UnpackError, match="not in the log"):
        unpacker.unpack(packer.pack(b"{}"))
    original = decisions(1, seed=3)[0]
    unpacker.add(packer.dictionary_id, b"x" * len(packer.content))  # the wrong bytes under its name
    try:
        text: bytes | None = unpacker.unpack(packer.pack(original))
    except UnpackError:
        text = None
    assert text != original  # refused or other text (verify names the dictionary): never taken for it


def test_an_entry_whose_dictionary_is_gone_is_named(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'decisions.sqlite3'}"
    request = validate_request({"kind": "trade", "id": "r-1"})
    entry = new_entry(request, default_evaluator().decide(request))
    with open_log(url) as log:
        log.save_snapshot(capture_snapshot())
        log.record(entry)
    with sqlite3.connect(tmp_path / "decisions.sqlite3") as db:  # foreign keys are off in a plain connection
        db.execute("DELETE FROM log_dictionaries")
    with open_log(url) as log, pytest.raises(LogUnavailable, match=f"decision {entry.decision_id} cannot be read back"):
        log.get(entry.decision_id)
    result = CliRunner().invoke(main, ["log", "verify", "--log-url", url])
    assert result.exit_code == 1 and result.output.startswith("ALTERED: edited: entry #1"), result.output
    assert "is not in the log" in result.output
