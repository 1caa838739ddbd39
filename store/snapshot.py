"""Policy snapshots: the law corpus and every policy file of one policy version, kept in the log so
that a decision can be re-evaluated under exactly the rules it was made with, years later.

A snapshot keeps every data file under the policy folder (all but Python code), so that a new kind
of policy file is kept without this module knowing of it. It is content-addressed: its version is
the one ``load_policy_set`` computes over the files as written back to disk, never taken on trust.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from paiwu.engine.evaluate import Evaluator
from paiwu.policies.law import load_corpus
from paiwu.policies.model import POLICY_DIR, PolicySet, load_policy_set


class SnapshotError(RuntimeError):
    """A snapshot that cannot be taken or does not rebuild the policy version it claims."""


@dataclass(frozen=True)
class PolicySnapshot:
    version: str
    files: Mapping[str, str]  # path under the policy root (law/xuzhou-2015.yaml, xuzhou-2015/art-16.yaml) -> text


CODE_SUFFIXES = (".py", ".pyc", ".pyi")


def _data_files(root: Path) -> list[Path]:
    return sorted(
        p for p in root.rglob("*") if p.is_file() and p.suffix not in CODE_SUFFIXES and "__pycache__" not in p.parts
    )


def _load(root: Path, version: str) -> PolicySet:
    try:
        return load_policy_set(root)
    except ValueError as error:  # PolicyError, YamlError: the stored text does not load
        raise SnapshotError(f"the policy files of {version} do not load: {error}") from None


def materialize(files: Mapping[str, str], into: Path) -> Path:
    """Write the files under ``into/policies`` (the layout of policies/) and return that root."""
    root = into / "policies"
    for name, text in files.items():
        relative = PurePosixPath(name)
        if relative.is_absolute() or ".." in relative.parts or not relative.parts:
            raise SnapshotError(f"a snapshot names a file outside the policy folder: {name!r}")
        path = root.joinpath(*relative.parts)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))  # bytes, so no newline translation alters the hash
    return root


def capture_snapshot(root: Path = POLICY_DIR) -> PolicySnapshot:
    """Read the policy files under ``root``; the version is computed from the very text kept."""
    try:
        files = {p.relative_to(root).as_posix(): p.read_bytes().decode("utf-8") for p in _data_files(root)}
    except (OSError, UnicodeDecodeError) as error:
        raise SnapshotError(f"cannot read the policy files under {root}: {error}") from None
    if not files:
        raise SnapshotError(f"no policy files under {root}")
    with tempfile.TemporaryDirectory(prefix="paiwu-snapshot-") as tmp:
        version = _load(materialize(files, Path(tmp)), f"the files under {root}").version
    return PolicySnapshot(version, files)


def check_snapshot(snapshot: PolicySnapshot) -> None:
    """Raise SnapshotError unless the stored files load as the very version they are stored under."""
    with tempfile.TemporaryDirectory(prefix="paiwu-check-") as tmp:
        policy = _load(materialize(snapshot.files, Path(tmp)), snapshot.version)
    if policy.version != snapshot.version:
        raise SnapshotError(f"the snapshot of {snapshot.version} rebuilds {policy.version}: it has been altered")


def evaluator_for(snapshot: PolicySnapshot) -> Evaluator:
    """Rebuild the evaluator of a snapshot's policy version, and check that it is that version."""
    with tempfile.TemporaryDirectory(prefix="paiwu-replay-") as tmp:
        root = materialize(snapshot.files, Path(tmp))
        policy = _load(root, snapshot.version)
        try:
            # Bypass load_corpus's per-path cache: the temporary path is gone once this returns.
            corpus = load_corpus.__wrapped__(root / "law")
        except ValueError as error:
            raise SnapshotError(f"the law corpus of {snapshot.version} does not load: {error}") from None
    if policy.version != snapshot.version:
        raise SnapshotError(f"the snapshot of {snapshot.version} rebuilds {policy.version}: it has been altered")
    return Evaluator(policy, corpus)
