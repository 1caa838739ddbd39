"""Compile policy rules (data) into a durable-rules ruleset, once per policy version.

Each rule becomes two durable rules over one flat fact per request:

- ``<n>h`` fires when the rule's condition certainly holds, and
- ``<n>f`` fires when it certainly fails *and* some fact it reads is missing,

both in negation normal form where every comparison is false on a missing fact. A rule whose facts
are all present is two-valued: it fails when ``<n>h`` does not fire, so the common case fires few
actions (each durable-rules action costs a round-trip of the session state). A rule with a missing
fact that neither holds nor fails is undetermined (three-valued logic), which the decision reports
as ``needs_review`` naming the missing facts. Every
condition is ANDed with the request-kind marker so that durable-rules' re-asserted session
state can never match a rule (see shared/notes/durable-rules.md).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from paiwu.facts import FactSpec, fact_schema
from paiwu.policies.conditions import (
    All,
    AnyOf,
    Compare,
    Condition,
    FactRef,
    Missing,
    Not,
    Present,
    leaves,
    paths,
    resolve,
)
from paiwu.policies.expressions import resolve_expression
from paiwu.policies.model import PolicySet, Rule

from .dates import day_number

KIND_KEY = "paiwu_kind"
NUMBER_SCALE = 1000  # numbers enter the engine as integer thousandths (kg, fen ...): no floats


def fact_key(path: str) -> str:
    return path.replace(".", "__").replace("-", "_")


def ref_key(ref: FactRef) -> str:
    amount = str(ref.amount).replace(".", "_").replace("-", "m")
    return fact_key(ref.path) + (f"__{ref.shift}_{amount}" if ref.shift else "")


def encode(spec: FactSpec | None, value: Any) -> Any:
    """A value as the engine sees it: dates as day numbers, numbers as integer thousandths."""
    if isinstance(value, bool) or value is None:
        return value
    if spec is not None and spec.type == "date" and isinstance(value, str):
        value = dt.date.fromisoformat(value)
    if isinstance(value, dt.date):
        return day_number(value)
    if isinstance(value, (int, float)) and (spec is None or spec.type == "number"):
        return round(value * NUMBER_SCALE)
    return value


_NEGATED = {"eq": "ne", "ne": "eq", "lt": "ge", "ge": "lt", "gt": "le", "le": "gt", "in": "not_in", "not_in": "in"}


def negate(condition: Condition) -> Condition:
    """Push a negation down to the leaves (negation normal form)."""
    if isinstance(condition, All):
        return AnyOf(tuple(negate(c) for c in condition.items))
    if isinstance(condition, AnyOf):
        return All(tuple(negate(c) for c in condition.items))
    if isinstance(condition, Not):
        return normal(condition.item)
    if isinstance(condition, Missing):
        return Present(condition.path, condition.line)
    if isinstance(condition, Present):
        return Missing(condition.path, condition.line)
    return Compare(condition.path, _NEGATED[condition.op], condition.value, condition.line)  # type: ignore[arg-type]


def normal(condition: Condition) -> Condition:
    if isinstance(condition, All):
        return All(tuple(normal(c) for c in condition.items))
    if isinstance(condition, AnyOf):
        return AnyOf(tuple(normal(c) for c in condition.items))
    if isinstance(condition, Not):
        return negate(condition.item)
    return condition


@dataclass
class CompiledRule:
    index: int
    rule: Rule
    paths: tuple[str, ...]
    holds_name: str
    fails_name: str
    keys: tuple[str, ...] = ()  # the engine keys the rule reads: all present means two-valued


@dataclass
class CompiledPolicy:
    """The durable-rules ruleset definition of a policy set, with what is needed to feed it."""

    policy: PolicySet
    kinds: tuple[str, ...]
    rules: list[CompiledRule]
    definition: dict[str, Any]
    schema: dict[str, dict[str, FactSpec]]
    paths_by_kind: dict[str, tuple[str, ...]] = field(default_factory=dict)
    refs_by_kind: dict[str, tuple[FactRef, ...]] = field(default_factory=dict)
    flat_plans: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)  # engine.flatten's

    @property
    def version(self) -> str:
        return self.policy.version


class _Emitter:
    def __init__(self, schema: dict[str, FactSpec]) -> None:
        self.schema = schema
        self.refs: dict[str, FactRef] = {}

    def leaf(self, node: Compare | Missing | Present) -> dict[str, Any]:
        """A comparison, false on a missing fact."""
        key = fact_key(node.path)
        if isinstance(node, Missing):
            return {"$nex": {key: 1}}
        if isinstance(node, Present):
            return {"$ex": {key: 1}}
        test = self._comparison(node)
        if isinstance(node.value, FactRef):
            # Both sides must exist: a comparison with a missing fact is undetermined, never false.
            return {"$and": [{"$ex": {key: 1}}, {"$ex": {ref_key(node.value): 1}}, test]}
        return test

    def _comparison(self, node: Compare) -> dict[str, Any]:
        key = fact_key(node.path)
        spec = self.schema.get(node.path)
        value = node.value
        if isinstance(value, FactRef):
            other = ref_key(value)
            if value.shift:
                self.refs[other] = value
            op = {"eq": "$eq", "ne": "$neq", "lt": "$lt", "le": "$lte", "gt": "$gt", "ge": "$gte"}[node.op]
            return {op: {key: {"$m": other}}}
        if node.op in ("in", "not_in"):
            assert isinstance(value, tuple)
            items = [encode(spec, v) for v in value]
            if node.op == "in":
                return {"$or": [{key: v} for v in items]} if len(items) > 1 else {key: items[0]}
            return {"$and": [{"$neq": {key: v}} for v in items]} if len(items) > 1 else {"$neq": {key: items[0]}}
        encoded = encode(spec, value)
        if node.op == "eq":
            return {key: encoded}
        op = {"ne": "$neq", "lt": "$lt", "le": "$lte", "gt": "$gt", "ge": "$gte"}[node.op]
        return {op: {key: encoded}}

    def expression(self, node: Condition) -> dict[str, Any]:
        if isinstance(node, All):
            return {"$and": [self.expression(c) for c in node.items]}
        if isinstance(node, AnyOf):
            return {"$or": [self.expression(c) for c in node.items]}
        if isinstance(node, Not):  # pragma: no cover - normal() removed every Not
            raise AssertionError("condition not in negation normal form")
        return self.leaf(node)


def condition_keys(condition: Condition) -> tuple[str, ...]:
    """The engine keys a condition reads, shifted facts included."""
    keys: list[str] = []
    for leaf in leaves(condition):
        found = [fact_key(leaf.path)]
        if isinstance(leaf, Compare) and isinstance(leaf.value, FactRef):
            found.append(ref_key(leaf.value))
        keys.extend(k for k in found if k not in keys)
    return tuple(keys)


def resolved_rule(rule: Rule, values: dict[str, Any]) -> Rule:
    """The rule with the parameter values of one period written in (conditions and amounts)."""
    computations = tuple(dataclasses.replace(c, value=resolve_expression(c.value, values)) for c in rule.compute)
    return dataclasses.replace(rule, when=resolve(rule.when, values), compute=computations)


def compile_policy(policy: PolicySet, values: dict[str, Any] | None = None) -> CompiledPolicy:
    """Compile every rule with the parameter values of one period (the first period by default)."""
    if values is None:
        values = policy.parameters.epochs()[0][2]
    kinds = tuple(sorted({k for rule in policy.rules for k in rule.kinds}))
    schema = {kind: fact_schema(kind) for kind in kinds}
    compiled: list[CompiledRule] = []
    definition: dict[str, Any] = {}
    used: dict[str, list[str]] = {kind: [] for kind in kinds}
    refs: dict[str, dict[str, FactRef]] = {kind: {} for kind in kinds}
    for index, original in enumerate(policy.rules):
        rule = resolved_rule(original, values)
        marker: dict[str, Any] = (
            {KIND_KEY: rule.kinds[0]} if len(rule.kinds) == 1 else {"$or": [{KIND_KEY: k} for k in rule.kinds]}
        )
        emitter = _Emitter(schema[rule.kinds[0]])
        holds = emitter.expression(normal(rule.when))
        fails = emitter.expression(negate(rule.when))
        keys = condition_keys(rule.when)
        some_missing = {"$or": [{"$nex": {k: 1}} for k in keys]} if len(keys) > 1 else {"$nex": {keys[0]: 1}}
        holds_name, fails_name = f"r{index}h", f"r{index}f"
        definition[holds_name] = {"all": [{"m": {"$and": [marker, holds]}}]}
        definition[fails_name] = {"all": [{"m": {"$and": [marker, some_missing, fails]}}]}
        rule_paths = tuple(paths(rule.when))
        compiled.append(CompiledRule(index, rule, rule_paths, holds_name, fails_name, keys))
        for kind in rule.kinds:
            used[kind].extend(p for p in rule_paths if p not in used[kind])
            refs[kind].update(emitter.refs)
    return CompiledPolicy(
        policy=policy,
        kinds=kinds,
        rules=compiled,
        definition=definition,
        schema=schema,
        paths_by_kind={k: tuple(v) for k, v in used.items()},
        refs_by_kind={k: tuple(v.values()) for k, v in refs.items()},
    )
