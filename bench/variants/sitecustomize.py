"""Diagnoses only (bench/pairs.py): the server changed in one respect, to see what a change would give.

Loaded into the server's processes through PYTHONPATH, with PAIWU_BENCH_VARIANT naming the change:

  nosync     the decision log commits without a flush (PRAGMA synchronous = NORMAL under WAL): what
             answering before the disk has the decision would give. paiwu flushes first: a decision
             answered is a decision on disk (docs/guarantees.md).
  compact    a single decision is answered without the decision itself: its id, status, policy
             version and request hash (~160 bytes instead of ~27 KB). The full decision is still
             logged. paiwu's answer carries the decision, with its clauses' text.
  gather:MS  a worker's log commit is made MS milliseconds after the first submission of a pass of
             its event loop, with what was submitted meanwhile, instead of at the end of that pass:
             larger groups, each commit later.

None of them is a mode of paiwu. They reach into its internals, as a diagnosis may.
"""

import asyncio
import os
from typing import Any

import orjson

from paiwu.api import decisions
from paiwu.store import group, sqlite
from paiwu.store.chain import Prepared

VARIANT = os.environ.get("PAIWU_BENCH_VARIANT", "")
NAME, _, ARGUMENT = VARIANT.partition(":")

if NAME == "nosync":
    _open = sqlite.SqliteLog.__init__

    def _without_flush(self: Any, *args: Any, **kwargs: Any) -> None:
        _open(self, *args, **kwargs)
        self._db.execute("PRAGMA synchronous = NORMAL")

    sqlite.SqliteLog.__init__ = _without_flush  # type: ignore[method-assign]

elif NAME == "compact":

    def _compact(answer: Any) -> Any:
        entry = answer.entry
        body = orjson.dumps(
            {
                "decision_id": entry.decision_id,
                "status": entry.status,
                "policy_version": entry.policy_version,
                "request_hash": entry.request_hash,
            }
        )
        replayed = "true" if answer.replayed else "false"
        headers = {"Location": f"/v1/decisions/{entry.decision_id}", "Idempotent-Replayed": replayed}
        return decisions._json(body, status=answer.status, headers=headers)

    decisions._answer = _compact

elif NAME == "gather":
    DELAY = float(ARGUMENT) / 1000

    def _gathered(self: Any, entries: Any) -> Any:
        # LoopCommit.submit_async with call_later(DELAY) where it has call_soon
        loop = asyncio.get_running_loop()
        submission = group._Submission(Prepared.all(entries), loop=loop, waiter=loop.create_future())
        pending = self._pending.get(loop)
        if pending is None:
            pending = self._pending[loop] = group._Pending(loop.time())
            loop.call_later(DELAY, self._flush, loop)
        pending.items.append(submission)
        return submission.waiter

    group.LoopCommit.submit_async = _gathered  # type: ignore[method-assign]

elif VARIANT:
    raise SystemExit(f"PAIWU_BENCH_VARIANT: unknown variant {VARIANT!r} (nosync, compact, gather:MS)")
