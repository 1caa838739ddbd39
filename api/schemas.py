"""The shapes the API answers with, for the OpenAPI document (and for tests that check answers)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import orjson
from pydantic import BaseModel, Field

from paiwu.engine.decision import Bilingual, Decision
from paiwu.store import LogEntry

from .problems import Problem


class LoggedDecision(BaseModel):
    """A decision as the log holds it: answered only once written."""

    decision_id: str = Field(description="the log's id of this decision (a UUID); GET /v1/decisions/{decision_id}")
    logged_at: str = Field(description="when it was logged, UTC, ISO 8601")
    kind: str
    as_of: dt.date | None = Field(description="the as_of query option the caller gave, if any")
    idempotency_key: str | None
    policy_version: str
    request_hash: str
    request: dict[str, Any] = Field(description="the validated request, canonical (absent facts left out)")
    decision: Decision


def logged_decision_json(entry: LogEntry, utf8: tuple[bytes, bytes] | None = None) -> bytes:
    """The answer for a log entry, as UTF-8 JSON: the request and decision are the logged text itself.

    Splicing the stored JSON in (rather than parsing it and encoding it again) answers exactly the
    bytes the log holds, and spares two JSON passes over the largest part of every answer. ``utf8``:
    the request's and the decision's UTF-8, when the caller has them already (chain.Prepared).
    """
    request, decision = utf8 or (entry.request_json.encode("utf-8"), entry.decision_utf8)
    head = orjson.dumps(  # the standard encoder's text for these strings, several times faster
        {
            "decision_id": entry.decision_id,
            "logged_at": entry.logged_at,
            "kind": entry.kind,
            "as_of": entry.as_of,
            "idempotency_key": entry.idempotency_key,
            "policy_version": entry.policy_version,
            "request_hash": entry.request_hash,
        }
    )
    return b"".join((head[:-1], b',"request":', request, b',"decision":', decision, b"}"))


class BatchItem(BaseModel):
    """One request of a batch: its decision, or the problem that kept it from being decided."""

    index: int = Field(description="the position of the request in the batch, from 0")
    status: int = Field(
        description="the status this request would have had on its own: 201, 200 (idempotent replay), 409, 422, 503 or 500"
    )
    result: LoggedDecision | None = None
    problem: Problem | None = None


class BatchResponse(BaseModel):
    results: list[BatchItem] = Field(description="one item per request, in the order of the requests")


class ReformList(BaseModel):
    """The named reforms this server can decide under."""

    reforms: list[str] = Field(
        description="the reforms' names, sorted: each is a {name} of POST /v1/reforms/{name}/decisions/{kind}"
    )


class WhatIf(BaseModel):
    """A request decided under the baseline policies and under a named reform, and what changed.

    Not a decision a platform acts on: it is not written to the decision log. Both decisions carry
    their policy versions; `paiwu check --reform` reproduces them."""

    reform: str = Field(description="the name the reform's file gives it")
    changed: bool = Field(
        description="whether the status differs under the reform (findings may change while it does not: "
        "see findings_added and findings_removed)"
    )
    findings_added: list[str] = Field(
        description="the rule ids of the reformed decision's findings that the baseline decision lacks, sorted"
    )
    findings_removed: list[str] = Field(
        description="the rule ids of the baseline decision's findings that the reformed decision lacks, sorted"
    )
    baseline: Decision = Field(
        description="the decision under the served policies, as POST /v1/decisions/{kind} makes it (not logged)"
    )
    reformed: Decision = Field(description="the decision under the reform, with the reform's policy_version")


class ClauseSummary(BaseModel):
    clause_id: str
    instrument: str
    kind: Literal["clause", "heading"]
    role: str
    cite: Bilingual
    title: Bilingual
    rule_ids: list[str] = Field(description="the rules citing this clause")
    unencoded: str | None = Field(
        None, description="not_decidable or deferred, for a clause deliberately left without a rule"
    )


class InstrumentView(BaseModel):
    instrument: str
    title: Bilingual
    cite: Bilingual
    in_force_from: dt.date


class PolicyView(BaseModel):
    policy_version: str = Field(description="content hash of the law corpus and every policy file")
    paiwu_version: str
    kinds: list[str] = Field(description="the check kinds, each with its POST /v1/decisions/{kind}")
    instruments: list[InstrumentView]
    clauses: list[ClauseSummary]


class RuleView(BaseModel):
    rule_id: str
    kinds: list[str]
    outcome: str
    scope: bool
    effective_from: dt.date | None
    effective_to: dt.date | None
    message: Bilingual
    interpretation: Bilingual | None
    overrides: list[str]
    file: str


class Unencoded(BaseModel):
    status: str
    reason: str


class ClauseView(BaseModel):
    clause_id: str
    instrument: str
    kind: Literal["clause", "heading"]
    parent: str | None
    children: list[str]
    role: str
    reason: str | None = Field(description="why a clause that is not operative decides nothing")
    cite: Bilingual
    title: Bilingual
    text: Bilingual = Field(description="the clause's own words, verbatim")
    full_text: Bilingual = Field(description="the clause followed by its paragraphs and items")
    rules: list[RuleView]
    unencoded: Unencoded | None
    policy_version: str


class Health(BaseModel):
    status: Literal["ok"]
    paiwu_version: str


class Readiness(BaseModel):
    status: Literal["ready"]
    policy_version: str
    log: str = Field(description="the decision-log backend: sqlite or postgresql")
