"""Reform impact: evaluate every case under the baseline and under a reform, and say what changed,
for whom, and which rules and clauses drive each change. Evaluated in worker processes
(durable-rules scales with processes, not threads)."""

from __future__ import annotations

import json
import multiprocessing
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from paiwu.facts import STATE_KINDS, RequestError, validate_request
from paiwu.facts.population import decode_case
from paiwu.policies.model import default_policy_set
from paiwu.policies.reforms import load_reform

from .decision import Decision, combine
from .evaluate import Evaluator, RuleResult
from .flatten import as_of_date, flatten

CHUNK = 500


def outcome(evaluator: Evaluator, request: BaseModel) -> tuple[str, dict[str, str]]:
    """The status and every rule's result, without building the full decision (the fast path)."""
    kind: str = getattr(request, "kind")  # noqa: B009
    day = as_of_date(request, None)
    epoch = evaluator.epoch(day)
    results = evaluator.evaluate_rules(kind, flatten(epoch.compiled, kind, request, day), day, epoch)
    by_instrument: dict[str, list[RuleResult]] = {}
    for item in results:
        by_instrument.setdefault(item.compiled.rule.instrument, []).append(item)
    statuses = [
        evaluator._instrument_status(by_instrument.get(i, []), kind in STATE_KINDS)
        for i in evaluator.corpus.instruments
    ]
    return combine(statuses), {r.compiled.rule.id: r.result for r in results}


def changed_rules(before: dict[str, str], after: dict[str, str]) -> list[str]:
    return sorted(r for r in set(before) | set(after) if before.get(r, "absent") != after.get(r, "absent"))


@dataclass
class Comparison:
    status_before: str
    status_after: str
    findings_added: list[str]
    findings_removed: list[str]


def compare_decisions(before: Decision, after: Decision) -> Comparison:
    old = {f.rule_id for f in before.findings}
    new = {f.rule_id for f in after.findings}
    return Comparison(before.status, after.status, sorted(new - old), sorted(old - new))


@dataclass
class Impact:
    reform: str
    cases: int = 0
    invalid: int = 0
    transitions: Counter[tuple[str, str]] = field(default_factory=Counter)
    rules: Counter[str] = field(default_factory=Counter)  # changed cases each rule's result changed in
    clauses: Counter[str] = field(default_factory=Counter)
    affected: list[dict[str, Any]] = field(default_factory=list)
    invalid_examples: list[str] = field(default_factory=list)

    def as_dict(self, limit: int = 1000) -> dict[str, Any]:
        changed = sum(n for (a, b), n in self.transitions.items() if a != b)
        return {
            "reform": self.reform,
            "cases": self.cases,
            "invalid": self.invalid,
            "changed": changed,
            "transitions": [
                {"from": a, "to": b, "cases": n} for (a, b), n in sorted(self.transitions.items(), key=lambda x: -x[1])
            ],
            "rules": dict(self.rules.most_common()),
            "clauses": dict(self.clauses.most_common()),
            "affected": self.affected[:limit],
            "invalid_examples": self.invalid_examples[:20],
        }


_WORKER: dict[str, Evaluator] = {}


def _init_worker(reform: str) -> None:
    baseline = default_policy_set()
    _WORKER["baseline"] = Evaluator(baseline)
    _WORKER["reform"] = Evaluator(load_reform(Path(reform), baseline))


def _assess_chunk(chunk: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    base, reform = _WORKER["baseline"], _WORKER["reform"]
    clauses = {r.id: r.cites for r in (*base.policy.rules, *reform.policy.rules)}
    out: list[tuple[str, Any]] = []
    for source, case in chunk:
        try:
            data = decode_case(case)
        except json.JSONDecodeError as error:
            out.append(("invalid", f"{source}: not JSON ({error})"))
            continue
        try:
            request = validate_request(data, source)
        except (RequestError, ValidationError) as error:
            out.append(("invalid", str(error).splitlines()[0]))  # names the source and the field
            continue
        before, rules_before = outcome(base, request)
        after, rules_after = outcome(reform, request)
        changed = changed_rules(rules_before, rules_after) if before != after else []
        out.append(
            (
                "case",
                {
                    "id": data.get("id"),
                    "source": source,
                    "kind": data.get("kind"),
                    "from": before,
                    "to": after,
                    "rules": changed,
                    "clauses": sorted({c for r in changed for c in clauses.get(r, ())}),
                },
            )
        )
    return out


def _chunks(cases: Iterable[tuple[str, Any]]) -> Iterator[list[tuple[str, Any]]]:
    chunk: list[tuple[str, Any]] = []
    for case in cases:
        chunk.append(case)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def assess(
    reform: Path,
    cases: Iterable[tuple[str, Any]],
    workers: int = 0,
    progress: Callable[[int], None] | None = None,
) -> Impact:
    """Evaluate every (source, request data) case under the baseline and the reform."""
    impact = Impact(reform=load_reform(reform, default_policy_set()).name)
    workers = workers or max(multiprocessing.cpu_count(), 1)
    if workers == 1:
        _init_worker(str(reform))
        results: Iterator[list[tuple[str, Any]]] = map(_assess_chunk, _chunks(cases))
        _collect(impact, results, progress)
        return impact
    context = multiprocessing.get_context("spawn")  # a fresh interpreter per worker: no forked engine state
    with context.Pool(workers, initializer=_init_worker, initargs=(str(reform),)) as pool:
        _collect(impact, pool.imap(_assess_chunk, _chunks(cases)), progress)
    return impact


def _collect(impact: Impact, results: Iterable[list[tuple[str, Any]]], progress: Callable[[int], None] | None) -> None:
    for batch in results:
        for tag, item in batch:
            if tag == "invalid":
                impact.invalid += 1
                impact.invalid_examples.append(item)
                continue
            impact.cases += 1
            impact.transitions[(item["from"], item["to"])] += 1
            if item["from"] != item["to"]:
                impact.affected.append(item)
                impact.rules.update(item["rules"])
                impact.clauses.update(item["clauses"])
        if progress:
            progress(len(batch))
