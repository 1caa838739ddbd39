"""Decide, log, answer: the one path every decision of the API takes.

The legal work is the engine's (``Evaluator.decide``, as in ``paiwu check``); this module only
validates the request as the CLI does, keeps idempotency keys, and writes the decision to the
log before anything is answered. Decisions of concurrent requests are committed together
(``GroupCommit``; for SQLite ``LoopCommit``, on the loop unless the lock stays taken): one disk
flush for all of them, each answered once its transaction commits.

Deciding runs on the event loop itself. durable-rules decides one request at a time in a process
(a lock), so worker threads would add hand-offs and contention for the interpreter, not
parallelism (the API scales by worker processes); the loop reads and writes other connections
between two decisions. Nothing that waits on the database stays on the loop: a SQLite commit runs
there when its lock is free at once, and is tried again there for up to 50 ms when it is not (then
the writer thread waits for it); PostgreSQL's runs in the writer thread, and an idempotency-key
lookup in a thread.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from paiwu.engine.evaluate import Evaluator
from paiwu.engine.runtime import EngineFailure
from paiwu.facts import RequestError, canonical_request, validate_request
from paiwu.store import (
    DecisionLog,
    GroupCommit,
    LogEntry,
    LogUnavailable,
    LoopCommit,
    Prepared,
    new_entry,
    question,
)

from .problems import FieldError, ProblemError, field_errors
from .schemas import logged_decision_json

MAX_BATCH = 100
logger = logging.getLogger("paiwu.api")
T = TypeVar("T")


@dataclass(frozen=True)
class Answer:
    entry: LogEntry
    replayed: bool  # the logged decision of an idempotency key already used, not a new one
    utf8: tuple[bytes, bytes] | None = None  # the request's and decision's UTF-8, if made already

    def json(self) -> bytes:
        return logged_decision_json(self.entry, self.utf8)

    @property
    def status(self) -> int:
        return 200 if self.replayed else 201


def _conflict(key: str) -> ProblemError:
    return ProblemError(
        409,
        "idempotency-conflict",
        f"the Idempotency-Key {key!r} was already used for a different request; use a new key for a new request",
        [FieldError(field="Idempotency-Key", reason="already used for a different request", location="header")],
    )


class DecisionService:
    def __init__(self, evaluator: Evaluator, log: DecisionLog, max_batch: int = MAX_BATCH) -> None:
        self.evaluator = evaluator
        self.log = log
        # SQLite commits on the event loop when its lock is free or frees soon (a local flush, no thread hand-off);
        # PostgreSQL's round trips stay off the loop, in the writer thread.
        self.writer = LoopCommit(log) if log.backend == "sqlite" else GroupCommit(log)
        self.max_batch = max_batch

    def close(self) -> None:
        """Commit what is queued; the log itself is closed by its owner."""
        self.writer.close()

    def using_log(self, call: Callable[[], T]) -> T:
        try:
            return call()
        except LogUnavailable as error:
            raise self._unavailable(error) from None

    def validate(self, data: Any, source: str, kind: str | None = None) -> BaseModel:
        """The CLI's validation; ``kind`` is the endpoint's, which the body may omit but not contradict."""
        if kind is not None and isinstance(data, dict):
            given = data.setdefault("kind", kind)
            if given != kind:
                reason = f"this endpoint decides {kind!r} requests; the body says {given!r}"
                raise ProblemError(422, "invalid-request", f"kind: {reason}", [FieldError(field="kind", reason=reason)])
        try:
            return validate_request(data, source)
        except RequestError as error:
            problems = error.problems
            detail = "; ".join(f"{p.field or '(document)'}: {p.message}" for p in problems[:5])
            more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
            raise ProblemError(422, "invalid-request", detail + more, field_errors(problems)) from None

    def _already_logged(self, request: BaseModel, as_of: dt.date | None, key: str | None) -> Answer | None:
        if key is None:
            return None
        entry = self.using_log(lambda: self.log.by_idempotency_key(key))
        if entry is None:
            return None
        if entry.question != question(request, as_of):
            raise _conflict(key)
        return Answer(entry, replayed=True)

    def _evaluate(self, request: BaseModel, as_of: dt.date | None, key: str | None) -> Prepared:
        canonical = canonical_request(request)  # made once: for the request hash and for the log
        try:
            decision = self.evaluator.decide(request, as_of=as_of, canonical=canonical)
        except EngineFailure:
            logger.exception("the engine failed on a request")
            raise ProblemError(
                500, "engine-failure", "the rules engine failed on this request; the failure has been logged"
            ) from None
        return Prepared(new_entry(request, decision, as_of, key, canonical))  # its chain hash begun here

    @staticmethod
    def _settle(prepared: Prepared, stored: LogEntry, created: bool) -> Answer:
        """After an insert: ours, or the entry another request logged first under the same key."""
        mine = prepared.entry
        if created:
            return Answer(stored, replayed=False, utf8=(prepared.request_utf8, prepared.decision_utf8))
        if stored.question != mine.question:
            raise _conflict(str(mine.idempotency_key))
        return Answer(stored, replayed=True)

    async def _lookup(self, request: BaseModel, as_of: dt.date | None, key: str | None) -> Answer | None:
        if key is None:
            return None
        return await run_in_threadpool(self._already_logged, request, as_of, key)

    async def _commit(self, entries: list[Prepared]) -> list[tuple[LogEntry, bool]]:
        """Resolved once the entries are committed, with those of every request that came meanwhile."""
        return await self._using_log_async(self.writer.submit_async(entries))

    async def _using_log_async(self, waiting: Awaitable[T]) -> T:
        try:
            return await waiting
        except LogUnavailable as error:
            raise self._unavailable(error) from None

    def _unavailable(self, error: LogUnavailable) -> ProblemError:
        logger.error("decision log unavailable: %s", error)
        detail = "no decision can be made while the decision log cannot be written; retry later"
        return ProblemError(503, "log-unavailable", detail, headers={"Retry-After": "5"})

    async def decide(self, data: Any, kind: str, as_of: dt.date | None, key: str | None) -> Answer:
        request = self.validate(data, "body", kind)
        answer = await self._lookup(request, as_of, key)
        if answer is not None:
            return answer
        prepared = self._evaluate(request, as_of, key)
        [(stored, created)] = await self._commit([prepared])
        return self._settle(prepared, stored, created)

    def _batch_requests(self, data: Any) -> list[Any]:
        def invalid(reason: str, field: str = "requests") -> ProblemError:
            return ProblemError(422, "invalid-request", f"{field}: {reason}", [FieldError(field=field, reason=reason)])

        if not isinstance(data, dict):
            raise invalid("a batch is an object with a 'requests' list", "")
        for name in data:
            if name != "requests":
                raise invalid("unknown field", name)
        requests = data.get("requests")
        if not isinstance(requests, list):
            raise invalid("a list of requests is required")
        if not 1 <= len(requests) <= self.max_batch:
            raise invalid(f"a batch holds 1 to {self.max_batch} requests (got {len(requests)})")
        return requests

    async def decide_batch(self, data: Any, as_of: dt.date | None, key: str | None) -> list[bytes]:
        """Each request answered in order, as the JSON text of its batch item (see ``BatchItem``).

        Request i uses the idempotency key ``{key}:{i}``.
        """
        requests = self._batch_requests(data)
        results: list[bytes] = [b"" for _ in requests]
        pending: list[tuple[int, Prepared]] = []
        for index, item in enumerate(requests):
            item_key = f"{key}:{index}" if key else None
            try:
                request = self.validate(item, f"requests[{index}]")
                answer = await self._lookup(request, as_of, item_key)
                if answer is not None:
                    results[index] = _item(index, answer)
                else:
                    pending.append((index, self._evaluate(request, as_of, item_key)))
            except ProblemError as error:
                if error.problem.status == 503:
                    raise  # the log is down: nothing of this batch is answered
                results[index] = _failed(index, error)
        if pending:  # one transaction: the batch's new decisions are all logged, or none is
            recorded = await self._commit([entry for _, entry in pending])
            for (index, entry), (stored, created) in zip(pending, recorded, strict=True):
                try:
                    results[index] = _item(index, self._settle(entry, stored, created))
                except ProblemError as error:
                    results[index] = _failed(index, error)
        return results


def _item(index: int, answer: Answer) -> bytes:
    return b"".join((f'{{"index":{index},"status":{answer.status},"result":'.encode(), answer.json(), b"}"))


def _failed(index: int, error: ProblemError) -> bytes:
    return f'{{"index":{index},"status":{error.problem.status},"problem":{error.problem.model_dump_json()}}}'.encode()
