"""A decision log as it is after a while in service: filled with real entries before a benchmark.

A commit's cost can depend on how much the log already holds (with random keys, the index pages an
entry goes to spread over a larger file). `fill` commits `count` entries, 500 a commit: the given
decisions again and again, each as a new entry (an id and a time of its own), chained as usual.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from population import trades  # bench's own module, beside this one

from paiwu.engine.evaluate import Evaluator
from paiwu.facts import canonical_request, validate_request
from paiwu.store import DecisionLog, capture_snapshot, new_entry, open_log

Decided = tuple[Any, ...]  # new_entry's arguments: (request, decision, as_of, idempotency key, canonical request)


def decided_trades(count: int, seed: int, evaluator: Evaluator | None = None) -> list[Decided]:
    """``count`` generated trade requests, each validated and decided (not timed)."""
    evaluator = evaluator or Evaluator()
    decided = []
    for data in trades(count, seed):
        request = validate_request(data)
        canonical = canonical_request(request)
        decided.append((request, evaluator.decide(request, canonical=canonical), None, None, canonical))
    return decided


def fill(log: DecisionLog, decided: Sequence[Decided], count: int) -> None:
    for start in range(0, count, 500):
        log.record_many([new_entry(*decided[(start + i) % len(decided)]) for i in range(min(500, count - start))])


def fill_new_log(url: str, count: int, seed: int) -> None:
    """A new log at ``url`` (with the policies' snapshot) holding ``count`` entries."""
    with open_log(url) as log:
        log.save_snapshot(capture_snapshot())
        fill(log, decided_trades(2_000, seed), count)
