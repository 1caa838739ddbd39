"""Diagnosis only (bench/api_load.py --floor decide[,log]): the server with a stage made free.

Loaded into the server's processes through PYTHONPATH, with PAIWU_BENCH_FLOOR naming the stages:

  decide  `Evaluator.decide` gives a request seen before (the same canonical text and as-of date)
          the Decision object decided the first time. api_load.py cycles through 2,000 requests,
          so after the first pass no request is decided again.
  log     the service's commit answers at once, as if every entry had been written: no writer
          thread, no SQLite. The entry is still made (id, time, decision JSON, compression,
          chain hash), as the answer needs it.

Everything else a request costs is unchanged. What the server then manages is a ceiling that no
cheaper engine (or log) could lift. Neither is a mode of paiwu: the product decides every request
and logs every decision before answering it.
"""

import os
from typing import Any

from paiwu.api import service
from paiwu.engine import evaluate

FREE = {stage.strip() for stage in os.environ.get("PAIWU_BENCH_FLOOR", "").split(",") if stage.strip()}
UNKNOWN = FREE - {"decide", "log"}
if UNKNOWN:
    raise SystemExit(f"PAIWU_BENCH_FLOOR: unknown stage(s) {', '.join(sorted(UNKNOWN))} (decide, log)")

if "decide" in FREE:
    _decide = evaluate.Evaluator.decide
    _seen: dict[tuple[Any, ...], Any] = {}

    def _remembered(self: Any, request: Any, as_of: Any = None, canonical: str | None = None) -> Any:
        key = (canonical if canonical is not None else request.model_dump_json(), as_of)
        decision = _seen.get(key)
        if decision is None:
            decision = _seen[key] = _decide(self, request, as_of=as_of, canonical=canonical)
        return decision

    evaluate.Evaluator.decide = _remembered  # type: ignore[method-assign]

if "log" in FREE:

    async def _written(self: Any, entries: list[Any]) -> list[tuple[Any, bool]]:
        return [(prepared.entry, True) for prepared in entries]

    service.DecisionService._commit = _written  # type: ignore[method-assign]
