"""The exact difference a reform makes: over the whole space of facts the rules read - not a
sample - every region where a decision changes, each with a concrete witness request and the rules
responsible, or a proof that none exists.

Both policy sets are encoded for the z3 SMT solver exactly as the engine decides: three-valued rule
results (a comparison with a missing fact is undetermined), effective dates, parameter periods,
exceptions, and the status precedence. Shifted dates (five years after, ten working days after) are
encoded by safe bounds rather than the calendar, so the search space contains every real request:
"no difference" is a proof, and each witness the solver finds is re-decided by the real engine and
reported as confirmed only if the decisions really differ.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import z3

from paiwu.facts import EVENT_DATE, STATE_KINDS, FactSpec, fact_schema, validate_request
from paiwu.policies.conditions import All, AnyOf, Compare, Condition, FactRef, Missing, Present, leaves

from .compiler import negate, normal, resolved_rule
from .dates import CalendarRangeError, shift
from .evaluate import Evaluator

DAY_MIN, DAY_MAX = dt.date(2000, 1, 1).toordinal(), dt.date(2040, 12, 31).toordinal()
NA, OK, REVIEW, PROHIBITED = 0, 1, 2, 3
STATUS_WORDS = {NA: "not_applicable", REVIEW: "needs_review"}
PIN_WINDOW = 20  # days either side of a witness date pinned to the true calendar per refinement
SHIFT_BOUNDS = {  # days added by a shift of n: (low per n, low constant, high per n, high constant)
    "plus_days": (1, 0, 1, 0),
    "plus_years": (365, 0, 366, 0),
    "plus_months": (28, 0, 31, 0),
    "plus_working_days": (1, 0, 2, 14),
}


def calendar_days() -> tuple[int, int]:
    """The first and last day the holiday calendar covers, as day numbers."""
    from chinese_calendar import constants

    days = [*constants.holidays, *constants.workdays]
    return dt.date(min(days).year, 1, 1).toordinal(), dt.date(max(days).year, 12, 31).toordinal()


@dataclass
class Region:
    status_before: str
    status_after: str
    rules: list[str]
    witness: dict[str, Any]
    confirmed: bool


@dataclass
class KindDiff:
    kind: str
    regions: list[Region] = field(default_factory=list)
    complete: bool = True  # False when the search stopped at its limit


class _Space:
    """z3 variables for the facts of one check kind."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.schema = fact_schema(kind)
        self.present: dict[str, z3.BoolRef] = {}
        self.value: dict[str, Any] = {}
        self.strings: dict[str, int] = {}
        self.constraints: list[Any] = []
        self.derived: list[tuple[FactRef, Any, Any, str]] = []  # (shift, base, shifted variable, key)

    def _string_id(self, text: str) -> int:
        return self.strings.setdefault(text, len(self.strings) + 1)

    def var(self, path: str) -> tuple[z3.BoolRef, Any]:
        if path not in self.present:
            spec = self.schema[path]
            name = path.replace(".", "_")
            self.present[path] = z3.Bool(f"has_{name}")
            if spec.type == "bool":
                value: Any = z3.Bool(name)
            elif spec.type == "number":
                value = z3.Real(name)
                self.constraints.append(z3.And(value >= 0, value <= 10**9))
            else:
                value = z3.Int(name)
                if spec.type == "enum":
                    self.constraints.append(z3.And(value >= 0, value < len(spec.choices)))
                elif spec.type == "date":
                    self.constraints.append(z3.And(value >= DAY_MIN, value <= DAY_MAX))
                else:
                    self.constraints.append(value >= 0)
            self.value[path] = value
        return self.present[path], self.value[path]

    def refine(self, model: z3.ModelRef) -> list[Any]:
        """Pin each shifted date the model used to its true calendar value (counterexample-guided)."""
        pins = []
        for ref, base, derived, key in self.derived:
            chosen = model.eval(base, model_completion=True).as_long()
            countable = z3.Bool(f"has_{key}") if ref.shift == "plus_working_days" else None
            for day in range(chosen - PIN_WINDOW, chosen + PIN_WINDOW + 1):  # the neighbours too: faster to converge
                try:
                    true = shift(dt.date.fromordinal(day), str(ref.shift), int(ref.number)).toordinal()
                except (CalendarRangeError, ValueError, OverflowError):
                    if countable is not None:
                        pins.append(z3.Implies(base == day, z3.Not(countable)))
                    continue
                pins.append(z3.Implies(base == day, derived == true))
                if countable is not None:
                    pins.append(z3.Implies(z3.And(base == day, self.present[ref.path]), countable))
        return pins

    def literal(self, spec: FactSpec, value: Any) -> Any:
        if spec.type == "bool":
            return z3.BoolVal(bool(value))
        if spec.type == "enum":
            return z3.IntVal(spec.choices.index(str(value)))
        if spec.type == "date":
            day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
            return z3.IntVal(day.toordinal())
        if spec.type == "number":
            return z3.RealVal(str(value))
        return z3.IntVal(self._string_id(str(value)))

    def ref(self, ref: FactRef) -> tuple[Any, Any]:
        present, base = self.var(ref.path)
        if not ref.shift:
            return present, base
        key = f"{ref.path}+{ref.shift}{ref.number}"
        first_use = key not in self.value
        if first_use:
            derived = z3.Real(key) if ref.shift == "times" else z3.Int(key)
            if ref.shift == "times":
                self.constraints.append(derived == base * z3.RealVal(str(ref.number)))
            else:
                n = int(ref.number)
                low_n, low_c, high_n, high_c = SHIFT_BOUNDS[ref.shift]
                self.constraints.append(
                    z3.And(derived - base >= low_n * n + low_c, derived - base <= high_n * n + high_c)
                )
                # periods of one kind from one date are ordered: 7 working days end before 10 do
                for other, _, other_derived, _ in self.derived:
                    if other.path == ref.path and other.shift == ref.shift and int(other.number) != n:
                        shorter, longer = (
                            (other_derived, derived) if int(other.number) < n else (derived, other_derived)
                        )
                        self.constraints.append(shorter < longer)
                self.derived.append((ref, base, derived, key))
            self.value[key] = derived
        if ref.shift == "plus_working_days":
            # The engine counts working days only inside the holiday calendar's years: surely countable
            # well inside them, never outside, and near the edge as refinement against the engine says.
            countable = z3.Bool(f"has_{key}")
            if first_use:
                low, high = calendar_days()
                margin = 2 * int(ref.number) + 14
                self.constraints.append(z3.Implies(countable, z3.And(present, base >= low, base <= high)))
                self.constraints.append(z3.Implies(z3.And(present, base >= low, base <= high - margin), countable))
            present = countable
        return present, self.value[key]


def _leaf(space: _Space, node: Compare | Missing | Present) -> Any:
    present, value = space.var(node.path)
    if isinstance(node, Missing):
        return z3.Not(present)
    if isinstance(node, Present):
        return present
    spec = space.schema[node.path]
    if isinstance(node.value, FactRef):
        other_present, other = space.ref(node.value)
        right: Any = other
        guard = z3.And(present, other_present)
    else:
        guard = present
        right = None
    if node.op in ("in", "not_in"):
        assert isinstance(node.value, tuple)
        options = [value == space.literal(spec, v) for v in node.value]
        test = z3.Or(*options) if node.op == "in" else z3.Not(z3.Or(*options))
        return z3.And(guard, test)
    if right is None:
        right = space.literal(spec, node.value)
    test = {
        "eq": lambda a, b: a == b,
        "ne": lambda a, b: a != b,
        "lt": lambda a, b: a < b,
        "le": lambda a, b: a <= b,
        "gt": lambda a, b: a > b,
        "ge": lambda a, b: a >= b,
    }[node.op](value, right)
    return z3.And(guard, test)


def _encode(space: _Space, condition: Condition) -> Any:
    if isinstance(condition, All):
        return z3.And(*[_encode(space, c) for c in condition.items])
    if isinstance(condition, AnyOf):
        return z3.Or(*[_encode(space, c) for c in condition.items])
    assert not isinstance(condition, (All, AnyOf))
    return _leaf(space, condition)  # type: ignore[arg-type]


def _status(space: _Space, evaluator: Evaluator, kind: str, tag: str) -> tuple[Any, dict[str, tuple[Any, Any]]]:
    """The overall status (an Int expression) and each rule's (holds, unknown) under one policy set."""
    as_of_present, as_of = space.var("as_of")
    epochs = evaluator.policy.parameters.epochs()
    rules = [r for r in evaluator.policy.rules if kind in r.kinds]
    holds: dict[str, Any] = {}
    fails: dict[str, Any] = {}
    for rule in rules:
        h_parts, f_parts = [], []
        for index, (start, until, values) in enumerate(epochs):
            in_epoch = z3.And(
                as_of_present,
                as_of >= (start.toordinal() if start else DAY_MIN - 1),
                as_of < (until.toordinal() if until else DAY_MAX + 1),
            )
            if index == len(epochs) - 1:
                in_epoch = z3.Or(in_epoch, z3.Not(as_of_present))  # no date: the latest parameters
            resolved = resolved_rule(rule, values).when
            h_parts.append(z3.And(in_epoch, _encode(space, normal(resolved))))
            f_parts.append(z3.And(in_epoch, _encode(space, negate(resolved))))
        in_force = z3.Or(
            z3.Not(as_of_present),
            z3.And(
                as_of >= (rule.effective_from.toordinal() if rule.effective_from else DAY_MIN - 1),
                as_of <= (rule.effective_to.toordinal() if rule.effective_to else DAY_MAX + 1),
            ),
        )
        holds[rule.id] = z3.And(in_force, z3.Or(*h_parts))
        fails[rule.id] = z3.And(in_force, z3.Or(*f_parts))
    result: dict[str, tuple[Any, Any]] = {}
    for rule in rules:
        exceptions = [e.id for e in rules if rule.id in e.overrides]
        unknown = z3.And(z3.Not(holds[rule.id]), z3.Not(fails[rule.id]))
        # in force but undetermined; a rule not in force has neither result
        in_force_unknown = z3.And(unknown, z3.Or(*[holds[rule.id], fails[rule.id], _in_force(rule, space)]))
        e_holds = z3.Or(*[holds[e] for e in exceptions]) if exceptions else z3.BoolVal(False)
        e_unknown = (
            z3.Or(
                *[
                    z3.And(_in_force(e_rule, space), z3.Not(holds[e_rule.id]), z3.Not(fails[e_rule.id]))
                    for e_rule in rules
                    if e_rule.id in exceptions
                ]
            )
            if exceptions
            else z3.BoolVal(False)
        )
        h = z3.And(holds[rule.id], z3.Not(e_holds), z3.Not(e_unknown))
        u = z3.And(z3.Not(e_holds), z3.Or(in_force_unknown, z3.And(holds[rule.id], e_unknown)))
        result[rule.id] = (h, u)
    statuses = []
    for instrument in evaluator.corpus.instruments:
        mine = [r for r in rules if r.instrument == instrument]
        if not mine:
            statuses.append(z3.IntVal(NA))
            continue
        scope = z3.Or(*[result[r.id][0] for r in mine if r.scope] or [z3.BoolVal(False)])
        prohibited = z3.Or(
            *[result[r.id][0] for r in mine if r.outcome in ("ineligible", "non_compliant")] or [z3.BoolVal(False)]
        )
        review = z3.Or(
            *[result[r.id][1] for r in mine if r.outcome != "notice"],
            *[result[r.id][0] for r in mine if r.outcome == "needs_review"],
        )
        statuses.append(z3.If(scope, NA, z3.If(prohibited, PROHIBITED, z3.If(review, REVIEW, OK))))
    overall = statuses[0]
    for status in statuses[1:]:
        overall = z3.If(overall > status, overall, status)  # NA (0) is the lowest: any applicable wins
    return overall, result


def _in_force(rule: Any, space: _Space) -> Any:
    as_of_present, as_of = space.var("as_of")
    return z3.Or(
        z3.Not(as_of_present),
        z3.And(
            as_of >= (rule.effective_from.toordinal() if rule.effective_from else DAY_MIN - 1),
            as_of <= (rule.effective_to.toordinal() if rule.effective_to else DAY_MAX + 1),
        ),
    )


def _word(code: int, kind: str) -> str:
    if code == OK:
        return "compliant" if kind in STATE_KINDS else "eligible"
    if code == PROHIBITED:
        return "non_compliant" if kind in STATE_KINDS else "ineligible"
    return STATUS_WORDS[code]


def _witness(space: _Space, model: z3.ModelRef) -> dict[str, Any]:
    strings = {v: k for k, v in space.strings.items()}
    data: dict[str, Any] = {"kind": space.kind}
    given = z3.is_true(model.eval(z3.Bool("as_of_given"), model_completion=True))
    for path, present in space.present.items():
        if not z3.is_true(model.eval(present, model_completion=True)):
            continue
        if path == "as_of" and space.kind in EVENT_DATE and not given:
            continue  # the date comes from the event, as in the request
        spec = space.schema[path]
        raw = model.eval(space.value[path], model_completion=True)
        if spec.type == "bool":
            value: Any = z3.is_true(raw)
        elif spec.type == "enum":
            value = spec.choices[raw.as_long()]
        elif spec.type == "date":
            value = dt.date.fromordinal(raw.as_long()).isoformat()
        elif spec.type == "number":
            value = float(raw.as_fraction())
        else:
            value = strings.get(raw.as_long(), f"其他-{raw.as_long()}")
        node = data
        *parents, leaf = path.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = value
    return data


def diff_kind(baseline: Evaluator, reform: Evaluator, kind: str, limit: int = 25) -> KindDiff:
    space = _Space(kind)
    if kind in EVENT_DATE:
        # as the engine does: the evaluation date is the request's as_of, else the date of its event
        has_as_of, as_of = space.var("as_of")
        has_event, event = space.var(EVENT_DATE[kind])
        given = z3.Bool("as_of_given")
        space.constraints += [has_as_of == z3.Or(given, has_event), z3.Implies(z3.Not(given), as_of == event)]
    before, rules_before = _status(space, baseline, kind, "b")
    after, rules_after = _status(space, reform, kind, "r")
    solver = z3.Solver()
    solver.set("timeout", 20_000)
    solver.add(*space.constraints, before != after)
    outcome = KindDiff(kind)
    none = (z3.BoolVal(False), z3.BoolVal(False))
    differs = {
        r: z3.Or(*[x != y for x, y in zip(rules_before.get(r, none), rules_after.get(r, none), strict=True)])
        for r in sorted(set(rules_before) | set(rules_after))
    }
    refinements = 0
    while len(outcome.regions) < limit:
        if solver.check() != z3.sat:
            return outcome
        model = solver.model()
        sb = model.eval(before).as_long()
        sa = model.eval(after).as_long()
        witness = _witness(space, model)
        confirmed = _confirm(baseline, reform, witness, _word(sb, kind), _word(sa, kind))
        if not confirmed and refinements < 60:
            pins = space.refine(model)
            if pins:
                refinements += 1
                solver.add(*pins)
                continue  # the witness leaned on a date bound: ask again with true dates
        changed = [r for r, d in differs.items() if z3.is_true(model.eval(d, model_completion=True))]
        refinements = 0
        outcome.regions.append(Region(_word(sb, kind), _word(sa, kind), changed, witness, confirmed))
        # a region is a status transition with the exact set of rules whose results differ: ask for another
        pattern = [d if r in changed else z3.Not(d) for r, d in differs.items()]
        solver.add(z3.Not(z3.And(before == sb, after == sa, *pattern)))
    outcome.complete = solver.check() != z3.sat
    return outcome


def _confirm(baseline: Evaluator, reform: Evaluator, witness: dict[str, Any], before: str, after: str) -> bool:
    """The engine decides the witness exactly as the solver predicted, under both policy sets."""
    try:
        request = validate_request(witness)
    except Exception:  # a witness the models refuse is simply unconfirmed
        return False
    return baseline.decide(request).status == before and reform.decide(request).status == after


def exact_diff(baseline: Evaluator, reform: Evaluator, limit: int = 25) -> list[KindDiff]:
    kinds = sorted({k for r in (*baseline.policy.rules, *reform.policy.rules) for k in r.kinds})
    return [diff_kind(baseline, reform, kind, limit) for kind in kinds]


__all__ = ["KindDiff", "Region", "exact_diff", "leaves"]
