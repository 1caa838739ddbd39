"""The decision log's hash chain: each entry's hash covers its content and the hash of the entry before.

Entry number ``n`` of the chain (``chain_index``, 1, 2, 3, … in the order the entries were committed)
stores ``prev_hash``, the ``entry_hash`` of entry ``n - 1`` (``GENESIS`` for entry 1), and its own
hash, in one of two formats. Entries are written in format 2 since the log stores decisions
compressed (schema 3); format 1 is that of the entries written before, and stays verifiable.

    format 2: entry_hash = "sha256:" + hex(sha256(UTF-8 of canonical_json({
        "chain": "paiwu-decision-log/2", "index": n, "prev_hash": prev_hash,
        "decision_id": …, "logged_at": …, "kind": …, "as_of": … or null, "idempotency_key": … or null,
        "request_json": …, "request_hash": …, "status": …, "policy_version": …, "paiwu_version": …,
        "decision_zstd": hex(sha256(the stored compressed decision)), "dictionary_id": …,
    })))

    format 1: the same with "chain": "paiwu-decision-log/1", and "decision_json": the decision's
    text in place of "decision_zstd" and "dictionary_id".

``canonical_json`` sorts keys, writes no spaces and keeps non-ASCII characters as UTF-8; the request
is hashed as the very text stored (``request_json``) and the decision as the very bytes stored, so
that a change of one byte of any column changes the hash. (The dictionary is named by the SHA-256
of its bytes, and verification checks each stored dictionary against its name.) The log also keeps
the chain's **head** (the index and hash of its last entry) in a row of its own, updated in the
transaction that appends: deleting the last entries is detected as surely as deleting one in the
middle.

The chain makes an edit, a deletion or a reordering evident to ``verify``; it does not stop someone who
can write to the database from rewriting every hash from the altered entry on. To detect that too,
keep the head that ``paiwu log verify`` prints somewhere else and pass it back as an anchor later.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from json.encoder import encode_basestring
from typing import Literal

import orjson

from paiwu.facts import canonical_json

from .compress import Packed, Packer, default_packer
from .entry import LogEntry

CHAIN_FORMATS = {1: "paiwu-decision-log/1", 2: "paiwu-decision-log/2"}
GENESIS = "sha256:" + "0" * 64  # the prev_hash of entry 1
MAX_PROBLEMS = 20  # a verification names the first problems, then counts the rest


@dataclass(frozen=True)
class Link:
    """An entry's place in the chain: its index, the hash it follows and its own hash."""

    index: int
    prev_hash: str
    entry_hash: str


START = Link(0, GENESIS, GENESIS)  # the head of an empty chain


def chain_content(entry: LogEntry, index: int, prev_hash: str, packed: Packed | None = None) -> str:
    """The canonical text whose SHA-256 is the entry's hash: format 2 with the decision as stored
    (``packed``), format 1 without (see the module's documentation)."""
    return canonical_json(_content(entry, index, prev_hash, packed))


def _content(entry: LogEntry, index: int, prev_hash: str, packed: Packed | None) -> dict[str, str | int | None]:
    content: dict[str, str | int | None] = {
        "chain": CHAIN_FORMATS[1 if packed is None else 2],
        "index": index,
        "prev_hash": prev_hash,
        "decision_id": entry.decision_id,
        "logged_at": entry.logged_at,
        "kind": entry.kind,
        "as_of": entry.as_of,
        "idempotency_key": entry.idempotency_key,
        "request_json": entry.request_json,
        "request_hash": entry.request_hash,
        "status": entry.status,
        "policy_version": entry.policy_version,
        "paiwu_version": entry.paiwu_version,
    }
    if packed is None:
        content["decision_json"] = entry.decision_json
    else:
        content["decision_zstd"] = hashlib.sha256(packed.data).hexdigest()
        content["dictionary_id"] = packed.dictionary_id
    return content


def _canonical_utf8(content: dict[str, str | int | None]) -> bytes:
    """canonical_json(content) as UTF-8, by orjson where it can: for keys in ASCII and values that
    are strings, small integers or null, orjson's sorted text is the standard encoder's (the same
    escapes; tests/test_log_chain.py checks it on arbitrary text), several times faster. A string
    orjson refuses (a lone surrogate) goes to canonical_json, which says what the text is."""
    try:
        return orjson.dumps(content, option=orjson.OPT_SORT_KEYS)
    except orjson.JSONEncodeError:
        return canonical_json(content).encode("utf-8")


def hash_entry(entry: LogEntry, index: int, prev_hash: str, packed: Packed | None = None) -> str:
    return "sha256:" + hashlib.sha256(chain_content(entry, index, prev_hash, packed).encode("utf-8")).hexdigest()


# In the canonical text of an entry at index 0 after "", the two values its place decides. The
# sequences cannot occur inside a JSON string, where every quote is escaped.
_INDEX = ',"index":0,"kind":'
_PREV = ',"prev_hash":"","request_hash":'


class Prepared:
    """An entry compressed, and its chain hash computed up to the part its place in the chain decides.

    Only ``index`` and ``prev_hash`` depend on the chain: the entry is compressed and the text
    before them hashed here, ahead of time and outside any lock, and ``link`` finishes the hash
    from a copy of that state. The hash is ``hash_entry``'s (format 2), byte for byte
    (tests/test_log_chain.py checks it).

    The UTF-8 of the request and decision texts is kept (``request_utf8``, ``decision_utf8``), for
    an answer that sends them as they are.
    """

    __slots__ = ("_after", "_before", "_between", "decision_utf8", "entry", "packed", "packer", "request_utf8")

    def __init__(self, entry: LogEntry, packer: Packer | None = None) -> None:
        self.entry = entry
        self.request_utf8 = entry.request_json.encode("utf-8")
        self.decision_utf8 = entry.decision_utf8
        self.packer = packer or default_packer()  # the log stores its dictionary with the entry
        self.packed = self.packer.pack(self.decision_utf8)
        text = _canonical_utf8(_content(entry, 0, "", self.packed))
        index, prev = text.index(_INDEX.encode()), text.index(_PREV.encode())
        self._before = hashlib.sha256(text[: index + len(',"index":')])
        self._between = text[index + len(',"index":0') : prev + len(',"prev_hash":')]
        self._after = text[prev + len(',"prev_hash":""') :]

    @classmethod
    def all(cls, entries: Sequence[LogEntry | Prepared]) -> list[Prepared]:
        """Each entry prepared (those given prepared, as they are)."""
        return [item if isinstance(item, Prepared) else cls(item) for item in entries]

    def link(self, head: Link) -> Link:
        """The link of this entry appended after ``head``."""
        index = head.index + 1
        digest = self._before.copy()
        digest.update(b"%d%s%s%s" % (index, self._between, encode_basestring(head.entry_hash).encode(), self._after))
        return Link(index, head.entry_hash, "sha256:" + digest.hexdigest())


@dataclass(frozen=True)
class ChainedRow:
    """A row of the log as verification reads it; the chain columns are None on a row never chained."""

    seq: int
    entry: LogEntry
    index: int | None
    prev_hash: str | None
    entry_hash: str | None
    packed: Packed | None = None  # the decision as stored, for an entry stored compressed (format 2)
    damage: str | None = None  # why its stored decision could not be read back, if it could not

    def describe(self) -> str:
        number = f"#{self.index} " if self.index is not None else ""
        return f"entry {number}(seq {self.seq}, decision {self.entry.decision_id}, logged {self.entry.logged_at})"


ProblemKind = Literal["edited", "deleted", "reordered", "unchained", "anchor"]


@dataclass(frozen=True)
class ChainProblem:
    kind: ProblemKind
    where: str  # the entry it names
    detail: str
    seq: int | None = None
    index: int | None = None

    def render(self) -> str:
        return f"{self.kind}: {self.where}: {self.detail}"


@dataclass(frozen=True)
class Upgrade:
    """Entries logged before the log was chained, chained when it was upgraded."""

    through_index: int
    at: str


@dataclass
class ChainReport:
    entries: int = 0  # rows read
    last: Link = START  # the last link read
    head: Link = START  # the head the log recorded when verification began
    problems: list[ChainProblem] = field(default_factory=list)
    more_problems: int = 0  # found beyond the first MAX_PROBLEMS
    upgrade: Upgrade | None = None
    snapshots_checked: int = 0
    snapshot_problems: list[str] = field(default_factory=list)  # policy snapshots that do not rebuild their version
    dictionary_problems: list[str] = field(default_factory=list)  # compression dictionaries altered

    @property
    def ok(self) -> bool:
        return not self.problems and not self.snapshot_problems and not self.dictionary_problems

    def add(self, problem: ChainProblem) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem)
        else:
            self.more_problems += 1


def parse_anchor(text: str) -> Link:
    """``INDEX:sha256:HEX`` (what ``paiwu log verify`` prints as the head) as a link to look for."""
    index, _, digest = text.partition(":")
    if not index.isdigit() or int(index) < 1 or not digest.startswith("sha256:") or len(digest) != 71:
        raise ValueError(f"an anchor is INDEX:sha256:<64 hex digits> (got {text!r})")
    return Link(int(index), "", digest)


class _Walk:
    """One pass over the rows in seq order, naming what breaks the chain."""

    def __init__(self, report: ChainReport, locate: Callable[[int], int | None], anchors: Sequence[Link]) -> None:
        self.report = report
        self.locate = locate  # the seq of the row holding a chain index, if any
        self.anchors = {a.index: a for a in anchors}
        self.expected = START  # the link the next row must follow
        self.previous: ChainedRow | None = None
        self.seen: set[int] = set()  # the anchors' and the head's indexes met

    def row(self, row: ChainedRow) -> None:
        self.report.entries += 1
        if row.index is None or row.prev_hash is None or row.entry_hash is None:
            detail = "it has no chain hash: written by a paiwu that does not chain the log, or its hash was erased"
            self.report.add(ChainProblem("unchained", row.describe(), detail, row.seq, row.index))
            return
        if hash_entry(row.entry, row.index, row.prev_hash, row.packed) != row.entry_hash:
            detail = "its content no longer matches its hash"
            self.report.add(ChainProblem("edited", row.describe(), detail, row.seq, row.index))
        elif row.damage is not None:  # its bytes are as hashed: the dictionary they name was altered
            self.report.add(ChainProblem("edited", row.describe(), row.damage, row.seq, row.index))
            self._follows(row)
        else:
            self._follows(row)
        self._marks(row)
        self.expected = Link(row.index, row.prev_hash, row.entry_hash)
        self.previous = row
        self.report.last = self.expected

    def _follows(self, row: ChainedRow) -> None:
        assert row.index is not None and row.prev_hash is not None
        want = self.expected.index + 1
        if row.index == want and row.prev_hash == self.expected.entry_hash:
            return
        if row.index == want:  # the place is right but the link is not: what precedes it was rewritten
            if self.previous is None:
                detail = f"it claims to follow {row.prev_hash[:19]}…, but the chain starts from the genesis hash"
                self.report.add(ChainProblem("edited", row.describe(), detail, row.seq, row.index))
            else:
                before = self.previous
                detail = f"it was rewritten: {row.describe()} chained a different hash after it"
                self.report.add(ChainProblem("edited", before.describe(), detail, before.seq, before.index))
        elif row.index > want:
            found = self.locate(want)
            if found is None:
                gone = f"#{want}" if row.index == want + 1 else f"#{want}–#{row.index - 1}"
                detail = f"entry {gone} is missing just before it: deleted"
                self.report.add(ChainProblem("deleted", row.describe(), detail, row.seq, want))
            else:
                detail = f"entry #{want} should come before it, but is at seq {found}"
                self.report.add(ChainProblem("reordered", row.describe(), detail, row.seq, row.index))
        else:
            detail = f"it comes after entry #{self.expected.index}, but was chained earlier"
            self.report.add(ChainProblem("reordered", row.describe(), detail, row.seq, row.index))

    def _marks(self, row: ChainedRow) -> None:
        assert row.index is not None and row.entry_hash is not None
        head, anchor = self.report.head, self.anchors.get(row.index)
        if head.index == row.index:
            self.seen.add(row.index)
            if head.entry_hash != row.entry_hash:
                detail = f"its hash is not the chain head the log recorded ({head.entry_hash[:19]}…): rewritten"
                self.report.add(ChainProblem("edited", row.describe(), detail, row.seq, row.index))
        if anchor is not None:
            self.seen.add(row.index)
            if anchor.entry_hash != row.entry_hash:
                detail = f"its hash is not the anchor given ({anchor.entry_hash[:19]}…): the log was rewritten"
                self.report.add(ChainProblem("anchor", row.describe(), detail, row.seq, row.index))

    def finish(self) -> None:
        head, last = self.report.head, self.report.last.index
        if head.index and head.index not in self.seen and last < head.index:  # else named where it broke
            detail = f"the log ends at entry #{last}, but its head records #{head.index}: the last entries were deleted"
            self.report.add(ChainProblem("deleted", f"entry #{last + 1}", detail, None, last + 1))
        for index, anchor in sorted(self.anchors.items()):
            if index not in self.seen:
                detail = f"no entry #{index} in the log (anchor {anchor.entry_hash[:19]}…): deleted or rewritten"
                self.report.add(ChainProblem("anchor", f"entry #{index}", detail, None, index))


def verify_rows(
    rows: Iterable[ChainedRow],
    head: Link,
    locate: Callable[[int], int | None],
    anchors: Sequence[Link] = (),
    upgrade: Upgrade | None = None,
) -> ChainReport:
    """Walk the rows in seq order against the chain rules and the recorded head (and any anchors)."""
    report = ChainReport(head=head, upgrade=upgrade)
    walk = _Walk(report, locate, anchors)
    for row in rows:
        walk.row(row)
    walk.finish()
    return report
