"""The decision log as exported (``paiwu log export``): each entry readable, and checkable outside paiwu.

An exported entry has the fields of ``LogEntry.as_dict`` (the request and the decision as JSON
objects) and, beside them, what its chain hash covers, as stored: the entry's place in the chain
(``chain_index``, ``prev_hash``, ``entry_hash``), the format of its hash (``chain_format``, the
very ``"chain"`` value hashed), the request as the very text stored (``request_json``), and the
decision as stored: for format 2 its Zstandard bytes in base64 (``decision_zstd_base64``) and the
id of their dictionary (``dictionary_id``), for format 1 its text (``decision_json``). The field
a format does not use is null. An entry whose stored decision cannot be read back (its dictionary
missing or altered) is exported all the same, with ``decision`` null and ``damage`` saying why:
what is stored is the evidence, and an export of a damaged log is how it is looked into. With the
dictionaries, exported beside the entries as files named
by their SHA-256 (``dictionary_file``), an auditor recomputes every hash and reads every decision
back from the bytes it covers, with hashlib, json and zstandard alone (docs/guarantees.md).
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from typing import Any

from .chain import CHAIN_FORMATS, ChainedRow
from .log import DecisionLog, LogUnavailable

DICTIONARY_SUFFIX = ".dict"


def exported(row: ChainedRow) -> dict[str, Any]:
    """One entry as exported: ``LogEntry.as_dict`` and its chain columns, its stored forms as they are
    (``decision`` null and ``damage`` set for an entry whose stored decision cannot be read back)."""
    entry, packed = row.entry, row.packed
    out = entry.as_dict(decision=row.damage is None)
    out["damage"] = row.damage
    out["chain_index"] = row.index
    out["prev_hash"] = row.prev_hash
    out["entry_hash"] = row.entry_hash
    out["chain_format"] = CHAIN_FORMATS[1 if packed is None else 2]
    out["request_json"] = entry.request_json
    out["decision_json"] = entry.decision_json if packed is None else None
    out["decision_zstd_base64"] = None if packed is None else base64.b64encode(packed.data).decode("ascii")
    out["dictionary_id"] = None if packed is None else packed.dictionary_id
    return out


def export_entries(log: DecisionLog) -> Iterator[dict[str, Any]]:
    """Every entry as exported, in the order it was logged."""
    for row in log.chained_rows():
        yield exported(row)


def dictionary_file(dictionary_id: str) -> str:
    """The name of a dictionary's file in an export: the hex SHA-256 of its bytes, which ``sha256sum`` prints."""
    algorithm, _, digest = dictionary_id.partition(":")
    if algorithm != "sha256" or len(digest) != 64 or not all(c in "0123456789abcdef" for c in digest):
        raise LogUnavailable(f"the log names a compression dictionary {dictionary_id[:80]!r}, which is not a SHA-256")
    return digest + DICTIONARY_SUFFIX
