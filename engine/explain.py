"""Why a decision came out as it did: every rule evaluated, in legal order, with the facts it read.

A rule's result (holds / fails / unknown / overridden) is the rules engine's own, taken from
``Evaluator.evaluate_rules``. The truth of each part of a condition is recomputed here, with the
same three-valued (Kleene) logic over the same values, only to show *which* part decided; it never
decides anything itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from paiwu.facts import FactSpec
from paiwu.policies.conditions import All, AnyOf, Compare, Condition, FactRef, Missing, Not, Present
from paiwu.policies.model import Rule

from .compiler import CompiledPolicy
from .dates import CalendarRangeError, shift
from .decision import Decision
from .evaluate import Evaluator
from .flatten import as_of_date, flatten

Truth = bool | None  # None: undetermined, a fact it needs is missing

NOT_IN_FORCE = "not_in_force"  # a rule whose effective period does not cover the as-of date


@dataclass(frozen=True)
class NodeTrace:
    """One part of a condition with its three-valued truth for the request."""

    condition: Condition
    truth: Truth
    children: tuple[NodeTrace, ...] = ()


@dataclass(frozen=True)
class RuleTrace:
    rule: Rule
    result: str  # holds | fails | unknown | overridden | not_in_force
    facts: dict[str, Any]  # path -> the request's value, for every path the rule reads that is given
    missing: tuple[str, ...]  # paths the rule reads that the request does not give
    tree: NodeTrace
    decided: bool  # one of the findings the decision rests on
    overridden_by: str | None = None
    blocked_by: str | None = None  # an undecided exception that keeps this rule undecided


@dataclass(frozen=True)
class Trace:
    decision: Decision
    rules: tuple[RuleTrace, ...]

    def decisive(self) -> list[RuleTrace]:
        """The rules the decision rests on (its findings), in legal order."""
        return [r for r in self.rules if r.decided]

    def rule(self, rule_id: str) -> RuleTrace:
        for item in self.rules:
            if item.rule.id == rule_id:
                return item
        raise KeyError(rule_id)


def _scaled(spec: FactSpec | None, value: Any) -> Any:
    """A value compared as the engine compares it: dates as dates, numbers in integer thousandths."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, str) and spec is not None and spec.type == "date":
        return dt.date.fromisoformat(value)
    if isinstance(value, (int, float)):
        return round(value * 1000)
    return value


def ref_value(ref: FactRef, values: Mapping[str, Any]) -> Any:
    """The value of the other side of a comparison, shifted by its legal period; None if unknown."""
    base = values.get(ref.path)
    if base is None or not ref.shift:
        return base
    amount: Any = ref.amount
    if isinstance(amount, bool) or not isinstance(amount, (int, float)):
        return None  # a parameter not written in: compiled rules always carry the number itself
    if ref.shift == "times":  # a multiple of a number (twice the base price)
        return base * amount if isinstance(base, (int, float)) and not isinstance(base, bool) else None
    if not isinstance(base, dt.date):
        return None
    try:
        return shift(base, ref.shift, int(amount))
    except (CalendarRangeError, OverflowError):
        return None  # the engine leaves such a rule undetermined too (flatten notes why)


def leaf_truth(leaf: Compare | Missing | Present, values: Mapping[str, Any], schema: Mapping[str, FactSpec]) -> Truth:
    """The three-valued truth of one comparison; a comparison with a missing fact is undetermined."""
    if isinstance(leaf, Missing):
        return values.get(leaf.path) is None
    if isinstance(leaf, Present):
        return values.get(leaf.path) is not None
    spec = schema.get(leaf.path)
    left = _scaled(spec, values.get(leaf.path))
    if isinstance(leaf.value, FactRef):
        right = _scaled(schema.get(leaf.value.path), ref_value(leaf.value, values))
    elif isinstance(leaf.value, tuple):
        right = tuple(_scaled(spec, v) for v in leaf.value)
    else:
        right = _scaled(spec, leaf.value)
    if left is None or right is None:
        return None
    try:
        if leaf.op == "in":
            return bool(left in right)
        if leaf.op == "not_in":
            return bool(left not in right)
        return bool(
            {
                "eq": lambda: left == right,
                "ne": lambda: left != right,
                "lt": lambda: left < right,
                "le": lambda: left <= right,
                "gt": lambda: left > right,
                "ge": lambda: left >= right,
            }[leaf.op]()
        )
    except TypeError:  # the validator refuses such a comparison; never guess
        return None


def trace_condition(condition: Condition, values: Mapping[str, Any], schema: Mapping[str, FactSpec]) -> NodeTrace:
    """The condition tree as written, each node with its Kleene truth."""
    if isinstance(condition, (All, AnyOf)):
        children = tuple(trace_condition(c, values, schema) for c in condition.items)
        truths = [c.truth for c in children]
        decisive, other = (False, True) if isinstance(condition, All) else (True, False)
        truth: Truth = decisive if decisive in truths else (None if None in truths else other)
        return NodeTrace(condition, truth, children)
    if isinstance(condition, Not):
        inner = trace_condition(condition.item, values, schema)
        return NodeTrace(condition, None if inner.truth is None else not inner.truth, (inner,))
    return NodeTrace(condition, leaf_truth(condition, values, schema))


def compiled_for(evaluator: Evaluator, day: dt.date | None) -> CompiledPolicy:
    """The ruleset the evaluator applies on a day: where it compiles one per period of the law's
    parameters, that period's (its rules carry the parameter values written in)."""
    pick = getattr(evaluator, "epoch", None)
    if pick is None:
        return evaluator.compiled
    compiled: CompiledPolicy = pick(day).compiled
    return compiled


def legal_order(evaluator: Evaluator, rule: Rule) -> tuple[int, int, str]:
    """Instrument, then the cited clause's place in it, then the rule id: the order a lawyer reads."""
    ranks = {iid: n for n, iid in enumerate(evaluator.corpus.instruments)}
    clause = evaluator.corpus.clauses.get(rule.cites[0])
    return (ranks.get(rule.instrument, 99), clause.order if clause else 0, rule.id)


def request_values(evaluator: Evaluator, request: BaseModel, as_of: dt.date | None = None) -> dict[str, Any]:
    """Every fact path some rule reads, with the request's value (absent paths left out)."""
    kind: str = getattr(request, "kind")  # noqa: B009 - every request model has a kind
    day = as_of_date(request, as_of)
    return dict(flatten(compiled_for(evaluator, day), kind, request, day).values)


def explain(evaluator: Evaluator, request: BaseModel, as_of: dt.date | None = None) -> Trace:
    """Evaluate a request and keep every rule's result, the facts it read and why it came out so."""
    kind: str = getattr(request, "kind")  # noqa: B009 - every request model has a kind
    decision = evaluator.decide(request, as_of)
    day = as_of_date(request, as_of)
    policy = compiled_for(evaluator, day)
    flat = flatten(policy, kind, request, day)
    schema = policy.schema[kind]
    results = {item.compiled.rule.id: item for item in evaluator.evaluate_rules(kind, flat, day)}
    decided = {f.rule_id for f in decision.findings}
    overriders: dict[str, str] = {}
    for held in results.values():
        if held.result == "holds":
            for target in held.compiled.rule.overrides:
                overriders.setdefault(target, held.compiled.rule.id)

    traces: list[RuleTrace] = []
    for compiled in policy.rules:
        rule = compiled.rule
        if kind not in rule.kinds:
            continue
        item = results.get(rule.id)
        result = item.result if item is not None else NOT_IN_FORCE
        blocker = item.blocked_by if item is not None else None
        traces.append(
            RuleTrace(
                rule=rule,
                result=result,
                facts={p: flat.values[p] for p in compiled.paths if p in flat.values},
                missing=tuple(p for p in compiled.paths if p not in flat.values),
                tree=trace_condition(rule.when, flat.values, schema),
                decided=rule.id in decided,
                overridden_by=overriders.get(rule.id) if result == "overridden" else None,
                blocked_by=blocker.compiled.rule.id if blocker is not None else None,
            )
        )
    traces.sort(key=lambda t: legal_order(evaluator, t.rule))
    return Trace(decision, tuple(traces))
