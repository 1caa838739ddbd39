"""Arithmetic in policy files, as data: the amounts a clause sets (e.g. the Art. 20 buy-back price).

value: <number> | {fact: <path>} | {fact: <path>, plus_years: N}
     | {multiply: [<value>, ...]} | {subtract: [<value>, <value>]}
     | {years_between: [<from>, <to>]} | {max: [<value>, ...]} | {round: [<value>, <digits>]}
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from paiwu.yamlsafe import line_of

from .conditions import SHIFTS, ConditionError, FactRef, ParamRef

FUNCTIONS: dict[str, tuple[int, int]] = {  # name -> (min, max) arguments
    "multiply": (2, 8),
    "subtract": (2, 2),
    "years_between": (2, 2),
    "max": (2, 8),
    "round": (2, 2),
}


@dataclass(frozen=True)
class Call:
    function: str
    args: tuple[Expression, ...]


Expression = float | int | FactRef | ParamRef | Call


def parse_expression(data: Any, line: int | None = None) -> Expression:
    line = line_of(data) or line
    if isinstance(data, bool) or data is None:
        raise ConditionError(f"an amount is a number, a fact or a calculation, got {data!r}", line)
    if isinstance(data, (int, float)):
        return data
    if isinstance(data, dict) and set(data) == {"param"} and isinstance(data["param"], str):
        return ParamRef(data["param"])
    if isinstance(data, dict) and "fact" in data:
        extra = [k for k in data if k != "fact"]
        if len(extra) > 1 or (extra and extra[0] not in SHIFTS):
            raise ConditionError(f"unknown keys {extra} beside 'fact'", line)
        if extra:
            amount = data[extra[0]]
            if isinstance(amount, dict) and set(amount) == {"param"}:
                return FactRef(str(data["fact"]), extra[0], ParamRef(str(amount["param"])))
            return FactRef(str(data["fact"]), extra[0], int(amount))
        return FactRef(str(data["fact"]))
    if isinstance(data, dict) and len(data) == 1:
        ((name, args),) = data.items()
        if name not in FUNCTIONS:
            raise ConditionError(f"unknown calculation '{name}'; expected one of {', '.join(FUNCTIONS)}", line)
        low, high = FUNCTIONS[name]
        if not isinstance(args, list) or not low <= len(args) <= high:
            raise ConditionError(f"'{name}' takes a list of {low} to {high} values", line)
        return Call(name, tuple(parse_expression(a, line_of(args, i) or line) for i, a in enumerate(args)))
    raise ConditionError(f"cannot read the calculation {data!r}", line)


def expression_paths(expression: Expression) -> list[str]:
    if isinstance(expression, FactRef):
        return [expression.path]
    if isinstance(expression, Call):
        return [p for a in expression.args for p in expression_paths(a)]
    return []


def expression_parameters(expression: Expression) -> list[str]:
    if isinstance(expression, ParamRef):
        return [expression.name]
    if isinstance(expression, FactRef) and isinstance(expression.amount, ParamRef):
        return [expression.amount.name]
    if isinstance(expression, Call):
        return [p for a in expression.args for p in expression_parameters(a)]
    return []


def resolve_expression(expression: Expression, values: dict[str, object]) -> Expression:
    if isinstance(expression, ParamRef):
        value = values[expression.name]
        assert isinstance(value, (int, float)), expression.name
        return value
    if isinstance(expression, FactRef) and isinstance(expression.amount, ParamRef):
        amount = values[expression.amount.name]
        assert isinstance(amount, (int, float)), expression.amount.name
        return FactRef(expression.path, expression.shift, amount)
    if isinstance(expression, Call):
        return Call(expression.function, tuple(resolve_expression(a, values) for a in expression.args))
    return expression
