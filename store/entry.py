"""One decision-log entry: what was asked, what was decided, when, and under which policy version."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, fields
from typing import Any

import uuid_utils
from pydantic import BaseModel

from paiwu.engine.decision import Decision
from paiwu.facts import canonical_request


def utc_timestamp(moment: dt.datetime | None = None) -> str:
    """ISO 8601 in UTC with microseconds and a Z: fixed width, so text order is time order."""
    moment = (moment or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


Question = tuple[str, str | None, str]  # (kind, as_of option, canonical request)


def question(request: BaseModel, as_of: dt.date | None) -> Question:
    return (str(getattr(request, "kind")), as_of.isoformat() if as_of else None, canonical_request(request))  # noqa: B009


@dataclass(frozen=True)
class LogEntry:
    decision_id: str
    logged_at: str
    kind: str
    as_of: str | None  # the caller's as-of option (ISO date); None when the request's own dates decide
    idempotency_key: str | None
    request_json: str  # canonical JSON of the validated request
    request_hash: str
    decision_utf8: bytes  # the decision exactly as it was answered (JSON, UTF-8: as serialised and sent)
    status: str
    policy_version: str
    paiwu_version: str

    @property
    def decision_json(self) -> str:
        return self.decision_utf8.decode("utf-8")

    def columns(self) -> tuple[str | None, ...]:
        """The values of the ``COLUMNS`` of a row holding the decision as text (as logs of schema 2 did)."""
        return tuple(getattr(self, name) for name in COLUMNS)

    def request(self) -> dict[str, Any]:
        value: dict[str, Any] = json.loads(self.request_json)
        return value

    def decision(self) -> dict[str, Any]:
        value: dict[str, Any] = json.loads(self.decision_utf8)
        return value

    def as_of_date(self) -> dt.date | None:
        return dt.date.fromisoformat(self.as_of) if self.as_of else None

    @property
    def question(self) -> Question:
        """What was asked: the same for two entries of one idempotency key, or the key was misused."""
        return (self.kind, self.as_of, self.request_json)

    def as_dict(self, decision: bool = True) -> dict[str, Any]:
        """The exported form: request and decision as JSON objects, not strings (``decision``
        False: the decision null, for one whose stored form cannot be read back)."""
        out = asdict(self)
        del out["request_json"], out["decision_utf8"]
        out["request"] = self.request()
        out["decision"] = self.decision() if decision else None
        return out


FIELDS = tuple(f.name for f in fields(LogEntry))
# the decisions table's columns of an entry, in the fields' order (the decision's column holds text)
COLUMNS = tuple("decision_json" if name == "decision_utf8" else name for name in FIELDS)


def new_entry(
    request: BaseModel,
    decision: Decision,
    as_of: dt.date | None = None,
    idempotency_key: str | None = None,
    canonical: str | None = None,
) -> LogEntry:
    """The entry of ``decision`` on ``request``; ``canonical``, the request's canonical text if made already."""
    return LogEntry(
        decision_id=str(uuid_utils.uuid7()),
        logged_at=utc_timestamp(),
        kind=decision.kind,
        as_of=as_of.isoformat() if as_of else None,
        idempotency_key=idempotency_key,
        request_json=canonical or canonical_request(request),
        request_hash=decision.request_hash,
        decision_utf8=decision.json_utf8(),  # model_dump_json's bytes, not decoded
        status=decision.status,
        policy_version=decision.policy_version,
        paiwu_version=decision.paiwu_version,
    )
