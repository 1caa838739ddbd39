"""The condition language of policy files, parsed into a small immutable tree.

A condition is plain YAML data, never code::

    all: [<cond>, ...]            any: [<cond>, ...]            not: <cond>
    missing: <path>               present: <path>
    fact: <path>
    <op>: <value>                 # op: eq ne lt le gt ge in not_in
                                  # value: a literal, a list (in / not_in), or another fact,
                                  # optionally shifted by a period: {fact: <path>, plus_years: 5}
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from paiwu.yamlsafe import line_of

Op = Literal["eq", "ne", "lt", "le", "gt", "ge", "in", "not_in"]
OPS: tuple[str, ...] = ("eq", "ne", "lt", "le", "gt", "ge", "in", "not_in")
SHIFTS: tuple[str, ...] = ("plus_days", "plus_years", "plus_months", "plus_working_days", "times")
Scalar = str | int | float | bool | dt.date


class ConditionError(ValueError):
    def __init__(self, message: str, line: int | None) -> None:
        self.message = message
        self.line = line
        super().__init__(message)


@dataclass(frozen=True)
class ParamRef:
    """A value the law sets (a term, a share, a list), read from the dated parameters."""

    name: str


@dataclass(frozen=True)
class FactRef:
    """Another fact, optionally shifted by a legal period (``holding.term_start`` + 5 years)."""

    path: str
    shift: str | None = None
    amount: int | float | ParamRef = 0

    @property
    def number(self) -> int | float:
        """The shift or factor, once parameters are resolved (compiled rules never hold a ParamRef)."""
        if isinstance(self.amount, ParamRef):
            raise ValueError(f"parameter {self.amount.name} is not resolved")
        return self.amount

    @property
    def key(self) -> str:
        return f"{self.path}+{self.amount}{self.shift}" if self.shift else self.path


@dataclass(frozen=True)
class Compare:
    path: str
    op: Op
    value: Scalar | tuple[Scalar, ...] | FactRef | ParamRef
    line: int | None = None


@dataclass(frozen=True)
class Missing:
    path: str
    line: int | None = None


@dataclass(frozen=True)
class Present:
    path: str
    line: int | None = None


@dataclass(frozen=True)
class All:
    items: tuple[Condition, ...]


@dataclass(frozen=True)
class AnyOf:
    items: tuple[Condition, ...]


@dataclass(frozen=True)
class Not:
    item: Condition


Condition = Compare | Missing | Present | All | AnyOf | Not


def _path(value: Any, line: int | None) -> str:
    if not isinstance(value, str) or not value or " " in value:
        raise ConditionError(f"a fact path must be a dotted name, got {value!r}", line)
    return value


def _param(value: Any, line: int | None) -> ParamRef:
    name = value.get("param") if isinstance(value, dict) and set(value) == {"param"} else None
    if not isinstance(name, str) or not name:
        raise ConditionError(f"a parameter is written {{param: <name>}}, got {value!r}", line)
    return ParamRef(name)


def _operand(value: Any, op: str, line: int | None) -> Scalar | tuple[Scalar, ...] | FactRef | ParamRef:
    if isinstance(value, dict) and "param" in value:
        return _param(value, line)
    if isinstance(value, dict):
        if "fact" not in value:
            raise ConditionError(f"'{op}' compares with a literal or {{fact: ...}}, got {dict(value)}", line)
        shifts = [k for k in value if k != "fact"]
        unknown = [k for k in shifts if k not in SHIFTS]
        if unknown or len(shifts) > 1:
            raise ConditionError(
                f"unknown or repeated period {unknown or shifts}; use one of {', '.join(SHIFTS)}", line
            )
        if shifts:
            amount = value[shifts[0]]
            if isinstance(amount, dict):
                return FactRef(_path(value["fact"], line), shifts[0], _param(amount, line))
            if shifts[0] == "times":
                if not isinstance(amount, (int, float)) or isinstance(amount, bool):
                    raise ConditionError(f"times takes a number, got {amount!r}", line)
            elif not isinstance(amount, int) or isinstance(amount, bool):
                raise ConditionError(f"{shifts[0]} takes a whole number, got {amount!r}", line)
            return FactRef(_path(value["fact"], line), shifts[0], amount)
        return FactRef(_path(value["fact"], line))
    if op in ("in", "not_in"):
        if not isinstance(value, list) or not value:
            raise ConditionError(f"'{op}' takes a non-empty list", line)
        for item in value:
            if isinstance(item, (dict, list)) or item is None:
                raise ConditionError(f"'{op}' lists literals only, got {item!r}", line)
        return tuple(value)
    if isinstance(value, (list, dict)) or value is None:
        raise ConditionError(f"'{op}' compares with one literal, got {value!r}", line)
    if not isinstance(value, (str, int, float, bool, dt.date)):
        raise ConditionError(f"unsupported literal {value!r}", line)
    return value


def parse_condition(data: Any, line: int | None = None) -> Condition:
    """Parse YAML data into a condition; errors carry the line of the offending part."""
    line = line_of(data) or line
    if not isinstance(data, dict) or not data:
        raise ConditionError(f"a condition is a mapping, got {data!r}", line)
    keys = set(data)
    if keys in ({"all"}, {"any"}):
        (key,) = keys
        items = data[key]
        if not isinstance(items, list) or not items:
            raise ConditionError(f"'{key}' takes a non-empty list of conditions", line)
        parsed = tuple(parse_condition(item, line_of(items, i) or line) for i, item in enumerate(items))
        return All(parsed) if key == "all" else AnyOf(parsed)
    if keys == {"not"}:
        return Not(parse_condition(data["not"], line_of(data, "not") or line))
    if keys == {"missing"}:
        return Missing(_path(data["missing"], line), line)
    if keys == {"present"}:
        return Present(_path(data["present"], line), line)
    if "fact" in keys:
        ops = keys - {"fact"}
        if len(ops) != 1:
            raise ConditionError(f"a comparison has 'fact' and exactly one of {', '.join(OPS)}", line)
        (op,) = ops
        if op not in OPS:
            raise ConditionError(f"unknown operator '{op}'; expected one of {', '.join(OPS)}", line)
        return Compare(_path(data["fact"], line), op, _operand(data[op], op, line), line)
    raise ConditionError(
        f"unknown condition keys {sorted(keys)}; expected all / any / not / missing / present / fact", line
    )


def paths(condition: Condition) -> list[str]:
    """Every fact path a condition reads, in order of first use."""
    out: list[str] = []

    def visit(node: Condition) -> None:
        if isinstance(node, (All, AnyOf)):
            for item in node.items:
                visit(item)
        elif isinstance(node, Not):
            visit(node.item)
        else:
            for p in (
                node.path,
                node.value.path if isinstance(node, Compare) and isinstance(node.value, FactRef) else None,
            ):
                if p and p not in out:
                    out.append(p)

    visit(condition)
    return out


def leaves(condition: Condition) -> list[Compare | Missing | Present]:
    if isinstance(condition, (All, AnyOf)):
        return [leaf for item in condition.items for leaf in leaves(item)]
    if isinstance(condition, Not):
        return leaves(condition.item)
    return [condition]


def parameters_of(condition: Condition) -> list[str]:
    """The parameters a condition reads."""
    names: list[str] = []
    for leaf in leaves(condition):
        if isinstance(leaf, Compare):
            for ref in (leaf.value, leaf.value.amount if isinstance(leaf.value, FactRef) else None):
                if isinstance(ref, ParamRef) and ref.name not in names:
                    names.append(ref.name)
    return names


def resolve(condition: Condition, values: dict[str, Any]) -> Condition:
    """The condition with every parameter replaced by its value (KeyError for an unknown one)."""
    if isinstance(condition, All):
        return All(tuple(resolve(c, values) for c in condition.items))
    if isinstance(condition, AnyOf):
        return AnyOf(tuple(resolve(c, values) for c in condition.items))
    if isinstance(condition, Not):
        return Not(resolve(condition.item, values))
    if not isinstance(condition, Compare):
        return condition
    value = condition.value
    if isinstance(value, ParamRef):
        resolved = values[value.name]
        value = tuple(resolved) if isinstance(resolved, list) else resolved
    elif isinstance(value, FactRef) and isinstance(value.amount, ParamRef):
        value = FactRef(value.path, value.shift, values[value.amount.name])
    return Compare(condition.path, condition.op, value, condition.line)
