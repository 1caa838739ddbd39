"""What would make it eligible: the smallest sets of fact changes, computed from the policies.

For a decision that is not eligible (or compliant, for a check of a state), every rule that stands in the way (one that holds, or cannot
be decided) must come out false. Its condition, negated into negation normal form, says how: an
``all`` needs every part, an ``any`` needs one, and a comparison that is not yet true needs its fact
changed (or supplied, when missing) to a value that makes it true. Combining these ways across the
rules gives candidate change sets, kept minimal. Each candidate is then applied to the request and
evaluated again by the real evaluator; only those that come out eligible are proposed, and a
candidate that trips another rule is extended with the ways around that rule (a bounded repair).

Some facts are never proposed as remedies, whatever the law would say of them: the date a check is
evaluated as of and every other date, and the cities that decide which instrument governs
(``FIXED``). Who the parties are and what is traded may be supplied where the request is silent,
but are never changed (``GIVEN``). A remedy is a fact that could be otherwise, not another case.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from paiwu.facts import FactSpec, RequestError, validate_request
from paiwu.policies.conditions import All, AnyOf, Compare, Condition, FactRef, Missing, Not, Op, Present
from paiwu.policies.model import Rule

from .compiler import negate, normal
from .decision import Decision
from .evaluate import Evaluator
from .explain import compiled_for, leaf_truth, ref_value
from .flatten import as_of_date, flatten, lookup

# Facts are matched by their field name, so that every check kind reads them alike.
# Never proposed, neither changed nor supplied: they decide which law applies, and when.
FIXED: dict[str, str] = {
    "as_of": "the date a check is evaluated as of decides which law is in force",
    "date": "the date a check is evaluated as of decides which law is in force",
    "city": "the city decides which instrument governs",
}
DATE_REASON = "a date is a matter of record, not a term that can be chosen"
UNANCHORED_REASON = "not stated, and compared only with another fact that is not stated: no value to propose"
# Who the parties are and what is traded: may be supplied where the request is silent, never changed.
GIVEN: dict[str, str] = {
    "kind": "who a party is (an enterprise or the government), or what a project is, defines the case",
    "industrial": "whether a party is an industrial enterprise is who it is",
    "county": "where a party is located is not a term of the trade",
    "pollutant": "what is traded defines the trade",
    "stage": "whether a trade is proposed or completed decides which clauses apply to it",
}

GOALS = ("eligible", "compliant")  # the settled, unprohibited status of an action or of a state
_BLOCKING_OUTCOMES = ("ineligible", "non_compliant", "needs_review")
_MIRROR: dict[str, Op] = {
    "eq": "eq",
    "ne": "ne",
    "lt": "gt",
    "le": "ge",
    "gt": "lt",
    "ge": "le",
    "in": "in",
    "not_in": "not_in",
}

MAX_REMEDIES = 5
_MAX_WAYS = 64  # candidate change sets kept while combining rules (smallest first)
_MAX_TRIALS = 48  # candidate sets re-evaluated
_MAX_COMBOS = 8  # value combinations tried per candidate set
_REPAIR_DEPTH = 2


@dataclass(frozen=True)
class Change:
    """One fact set to a value that makes the ``requirements`` true."""

    path: str
    requirements: tuple[Compare, ...]  # comparisons (in negation normal form) this value satisfies
    current: Any  # the request's value; None when the request does not state it
    value: Any  # the value applied when the remedy was re-evaluated
    also: tuple[Any, ...] = ()  # other values of the fact that were re-evaluated and also work
    rules: tuple[str, ...] = ()  # the rules this change sets aside

    @property
    def supplied(self) -> bool:
        return self.current is None


@dataclass(frozen=True)
class Remedy:
    changes: tuple[Change, ...]
    decision: Decision  # the decision re-evaluated with the changes applied (eligible)

    @property
    def paths(self) -> tuple[str, ...]:
        return tuple(c.path for c in self.changes)


@dataclass(frozen=True)
class Counterfactuals:
    decision: Decision
    remedies: tuple[Remedy, ...]
    not_proposed: dict[str, str] = field(default_factory=dict)  # fixed facts a remedy would need, and why


@dataclass(frozen=True)
class _Need:
    path: str
    requirements: tuple[Compare, ...]
    candidates: tuple[Any, ...]  # values that satisfy every requirement, in order of preference
    rules: frozenset[str]


_Way = dict[str, _Need]  # path -> what it must become; {} means "nothing to change"


def fixed_reason(path: str, spec: FactSpec | None, current: Any) -> str | None:
    """Why a fact may not be proposed as a remedy (None: it may)."""
    name = path.rsplit(".", 1)[-1]
    if name in FIXED:
        return FIXED[name]
    if spec is not None and spec.type == "date":
        return DATE_REASON
    if name in GIVEN and current is not None:
        return GIVEN[name]
    return None


def _blocks(result: str, rule: Rule) -> bool:
    """Whether a rule's result keeps its instrument from settling (or, for scope, from applying)."""
    return result == "unknown" or (result == "holds" and (rule.scope or rule.outcome in _BLOCKING_OUTCOMES))


class _Search:
    def __init__(self, evaluator: Evaluator, kind: str) -> None:
        self.evaluator = evaluator
        self.kind = kind
        self.schema: dict[str, FactSpec] = evaluator.compiled.schema[kind]
        self.not_proposed: dict[str, str] = {}

    # -- the ways to make one comparison true -------------------------------------------------

    def _satisfies(self, leaf: Compare, path: str, value: Any, values: Mapping[str, Any]) -> bool:
        return leaf_truth(leaf, {**values, path: value}, self.schema) is True

    def _pool(self, spec: FactSpec | None, anchors: Iterable[Any]) -> list[Any]:
        """Values worth trying for a fact: its choices, or the compared values and their neighbours."""
        if spec is not None and spec.type == "bool":
            return [True, False]
        if spec is not None and spec.type == "enum":
            return list(spec.choices)
        pool: list[Any] = []
        for anchor in anchors:
            if isinstance(anchor, bool) or anchor is None:
                continue
            if isinstance(anchor, (int, float)) and (spec is None or spec.type == "number"):
                pool.extend([anchor, anchor + 1, anchor - 1])
            elif isinstance(anchor, str):
                pool.append(anchor)
        return [v for v in dict.fromkeys(pool) if not (isinstance(v, (int, float)) and v < 0)]

    def _need(
        self, leaf: Compare, path: str, anchors: Iterable[Any], values: Mapping[str, Any], rule: str
    ) -> _Need | None:
        spec = self.schema.get(path)
        reason = fixed_reason(path, spec, values.get(path))
        if reason is not None:
            self.not_proposed[path] = reason
            return None
        candidates = tuple(v for v in self._pool(spec, anchors) if self._satisfies(leaf, path, v, values))
        return _Need(path, (leaf,), candidates, frozenset({rule})) if candidates else None

    def leaf_ways(self, leaf: Compare | Missing | Present, values: Mapping[str, Any], rule: str) -> list[_Way]:
        if leaf_truth(leaf, values, self.schema) is True:
            return [{}]
        if not isinstance(leaf, Compare):
            return []  # no value can be invented to make a fact known, nor unsaid
        needs: list[_Need | None] = []
        if isinstance(leaf.value, FactRef):
            other = ref_value(leaf.value, values)
            if other is not None:  # change this side to meet the other
                needs.append(self._need(leaf, leaf.path, [other], values, rule))
            mine = values.get(leaf.path)
            if mine is not None and not leaf.value.shift:  # or the other side to meet this one
                mirrored = Compare(leaf.value.path, _MIRROR[leaf.op], FactRef(leaf.path), leaf.line)
                needs.append(self._need(mirrored, leaf.value.path, [mine], values, rule))
            if other is None and mine is None:
                for path in (leaf.path, leaf.value.path):
                    self.not_proposed.setdefault(path, UNANCHORED_REASON)
        else:
            anchors = leaf.value if isinstance(leaf.value, tuple) else (leaf.value,)
            needs.append(self._need(leaf, leaf.path, anchors, values, rule))
        return [{n.path: n} for n in needs if n is not None]

    # -- combining ways through the condition tree --------------------------------------------

    def ways(self, condition: Condition, values: Mapping[str, Any], rule: str) -> list[_Way]:
        """Minimal change sets that make a condition (in negation normal form) true."""
        if isinstance(condition, AnyOf):
            return _minimal(w for item in condition.items for w in self.ways(item, values, rule))
        if isinstance(condition, All):
            combined: list[_Way] = [{}]
            for item in condition.items:
                combined = self.product(combined, self.ways(item, values, rule), values)
                if not combined:
                    return []
            return combined
        if isinstance(condition, Not):  # not in negation normal form yet: push the negation down
            return self.ways(normal(condition), values, rule)
        return self.leaf_ways(condition, values, rule)

    def product(self, left: list[_Way], right: list[_Way], values: Mapping[str, Any]) -> list[_Way]:
        merged = (self.merge(a, b, values) for a in left for b in right)
        return _minimal(w for w in merged if w is not None)

    def merge(self, a: _Way, b: _Way, values: Mapping[str, Any]) -> _Way | None:
        out = dict(a)
        for path, need in b.items():
            mine = out.get(path)
            if mine is None:
                out[path] = need
                continue
            requirements = tuple(dict.fromkeys(mine.requirements + need.requirements))
            candidates = tuple(
                v
                for v in dict.fromkeys(mine.candidates + need.candidates)
                if all(self._satisfies(r, path, v, values) for r in requirements)
            )
            if not candidates:
                return None  # one fact cannot take two incompatible values
            out[path] = _Need(path, requirements, candidates, mine.rules | need.rules)
        return out

    # -- which rules stand in the way ---------------------------------------------------------

    def plans(self, request: BaseModel, decision: Decision, as_of: dt.date | None, frozen: set[str]) -> list[_Way]:
        day = as_of_date(request, as_of)
        flat = flatten(compiled_for(self.evaluator, day), self.kind, request, day)
        values = flat.values
        results = self.evaluator.evaluate_rules(self.kind, flat, day)
        statuses = {i.instrument: i.status for i in decision.instruments}
        applicable = [i for i, s in statuses.items() if s != "not_applicable"]
        # Every applicable instrument must become eligible; where none applies, any one may.
        groups = [applicable] if applicable else [[i] for i in statuses]
        plans: list[_Way] = []
        for group in groups:
            combined: list[_Way] = [{}]
            for item in results:
                rule = item.compiled.rule
                if rule.instrument not in group or not _blocks(item.result, rule):
                    continue
                ways = self.ways(negate(rule.when), values, rule.id)
                for exception in results:  # or an exception to the rule holds and sets it aside
                    if rule.id in exception.compiled.rule.overrides and exception.result != "fails":
                        ways += self.ways(normal(exception.compiled.rule.when), values, exception.compiled.rule.id)
                ways = [w for w in _minimal(ways) if not frozen & set(w)]
                combined = self.product(combined, ways, values)[:_MAX_WAYS]
                if not combined:
                    break
            plans.extend(combined)
        return sorted(_minimal(plans), key=_size)

    # -- re-evaluation -------------------------------------------------------------------------

    def apply(self, request: BaseModel, changes: Mapping[str, Any]) -> BaseModel | None:
        data = request.model_dump(mode="json", exclude_none=True)
        for path, value in changes.items():
            node = data
            *parents, leaf = path.split(".")
            for part in parents:
                node = node.setdefault(part, {})
            node[leaf] = value.isoformat() if isinstance(value, dt.date) else value
        try:
            return validate_request(data)
        except RequestError:
            return None  # a value the request model refuses (a negative quantity, say) is no remedy

    def verify(self, request: BaseModel, way: _Way, as_of: dt.date | None, depth: int) -> Remedy | None:
        paths = sorted(way)
        combos = itertools.islice(itertools.product(*(way[p].candidates for p in paths)), _MAX_COMBOS)
        first: tuple[BaseModel, Decision] | None = None
        for combo in combos:
            chosen = dict(zip(paths, combo, strict=True))
            changed = self.apply(request, chosen)
            if changed is None:
                continue
            decision = self.evaluator.decide(changed, as_of)
            if decision.status in GOALS:
                kept = self.prune(request, chosen, as_of)
                if kept != chosen:
                    pruned = self.apply(request, kept)
                    assert pruned is not None  # prune applied it already
                    decision = self.evaluator.decide(pruned, as_of)
                return self.remedy(request, {p: way[p] for p in kept}, kept, decision, as_of)
            first = first or (changed, decision)
        if first is None or depth == 0:
            return None
        changed, decision = first  # another rule now stands in the way: extend the set around it
        for extra in self.plans(changed, decision, as_of, frozen=set(way))[:4]:
            merged = {**way, **extra}
            found = self.verify(request, merged, as_of, depth - 1)
            if found is not None:
                return found
        return None

    def prune(self, request: BaseModel, chosen: dict[str, Any], as_of: dt.date | None) -> dict[str, Any]:
        """Drop every change the result does not need (a repair may have added one the end made moot)."""
        kept = dict(chosen)
        for path in sorted(chosen, reverse=True):
            without = {p: v for p, v in kept.items() if p != path}
            if without and self._works(request, without, as_of):
                kept = without
        return kept

    def remedy(
        self, request: BaseModel, way: _Way, chosen: dict[str, Any], decision: Decision, as_of: dt.date | None
    ) -> Remedy:
        changes: list[Change] = []
        for path in sorted(way, key=lambda p: _path_order(self.schema, p)):
            need = way[path]
            also = tuple(
                v for v in need.candidates if v != chosen[path] and self._works(request, {**chosen, path: v}, as_of)
            )
            current = lookup(request, path)
            changes.append(Change(path, need.requirements, current, chosen[path], also, tuple(sorted(need.rules))))
        return Remedy(tuple(changes), decision)

    def _works(self, request: BaseModel, chosen: dict[str, Any], as_of: dt.date | None) -> bool:
        changed = self.apply(request, chosen)
        return changed is not None and self.evaluator.decide(changed, as_of).status in GOALS


def _size(way: Mapping[str, Any]) -> tuple[int, tuple[str, ...]]:
    return (len(way), tuple(sorted(way)))


def _minimal(ways: Iterable[_Way]) -> list[_Way]:
    """Drop duplicates and any set that contains a smaller one: only minimal change sets remain."""
    unique: dict[tuple[Any, ...], _Way] = {}
    for way in ways:
        key = tuple(sorted((p, n.requirements) for p, n in way.items()))
        unique.setdefault(key, way)
    ordered = sorted(unique.values(), key=_size)
    kept: list[_Way] = []
    for way in ordered:
        if not any(set(k) < set(way) for k in kept):
            kept.append(way)
    return kept


def _path_order(schema: Mapping[str, FactSpec], path: str) -> int:
    return list(schema).index(path) if path in schema else len(schema)


def _iter_minimal_remedies(remedies: Iterable[Remedy]) -> Iterator[Remedy]:
    kept: list[Remedy] = []
    for remedy in sorted(remedies, key=lambda r: (len(r.changes), r.paths)):
        if any(set(k.paths) <= set(remedy.paths) for k in kept):
            continue  # a smaller (or equal) set of facts already makes it eligible
        kept.append(remedy)
        yield remedy


def counterfactuals(
    evaluator: Evaluator, request: BaseModel, as_of: dt.date | None = None, limit: int = MAX_REMEDIES
) -> Counterfactuals:
    """Up to ``limit`` smallest sets of fact changes that make the decision eligible, each verified."""
    kind: str = getattr(request, "kind")  # noqa: B009 - every request model has a kind
    decision = evaluator.decide(request, as_of)
    if decision.status in GOALS:
        return Counterfactuals(decision, ())
    search = _Search(evaluator, kind)
    found: list[Remedy] = []
    for way in search.plans(request, decision, as_of, frozen=set())[:_MAX_TRIALS]:
        remedy = search.verify(request, way, as_of, _REPAIR_DEPTH)
        if remedy is not None:
            found.append(remedy)
    remedies = tuple(itertools.islice(_iter_minimal_remedies(found), limit))
    return Counterfactuals(decision, remedies, {} if remedies else dict(sorted(search.not_proposed.items())))
