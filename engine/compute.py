"""Evaluate the amounts a clause sets (policy `compute:` entries) and show how they were reached."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from paiwu.policies.conditions import FactRef
from paiwu.policies.expressions import Call, Expression

from .dates import shift

DAYS_PER_YEAR = 365  # remaining validity in years = remaining days / 365 (see the rule's interpretation)


class Undetermined(ValueError):
    """A fact the amount needs is missing."""


def evaluate(expression: Expression, value_of: Callable[[str], Any]) -> Any:
    if isinstance(expression, (int, float)):
        return expression
    if isinstance(expression, FactRef):
        value = value_of(expression.path)
        if value is None:
            raise Undetermined(expression.path)
        if expression.shift == "times":
            return value * expression.number
        if expression.shift:
            return shift(value, expression.shift, int(expression.number))
        return value
    assert isinstance(expression, Call)
    args = [evaluate(a, value_of) for a in expression.args]
    if expression.function == "multiply":
        result = 1.0
        for arg in args:
            result *= float(arg)
        return result
    if expression.function == "subtract":
        return float(args[0]) - float(args[1])
    if expression.function == "max":
        return max(float(a) for a in args)
    if expression.function == "round":
        return round(float(args[0]), int(args[1]))
    if expression.function == "years_between":
        start, end = args
        if not isinstance(start, dt.date) or not isinstance(end, dt.date):
            raise TypeError("years_between takes two dates")
        return round(max((end - start).days, 0) / DAYS_PER_YEAR, 4)
    raise ValueError(f"unknown calculation {expression.function}")


def _fmt(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:,.4f}".rstrip("0").rstrip(".")
    return str(value)


def describe(expression: Expression, value_of: Callable[[str], Any]) -> str:
    """The calculation written out with its numbers: 12.5 × 2.4658 × 3,200."""
    if isinstance(expression, (int, float)):
        return _fmt(expression)
    if isinstance(expression, FactRef):
        shown = f"{expression.path} = {_fmt(evaluate(expression, value_of))}"
        if expression.shift:
            shown = f"({expression.path} {expression.shift.replace('_', ' ')} {expression.amount} = {_fmt(evaluate(expression, value_of))})"
        return shown
    assert isinstance(expression, Call)
    parts = [describe(a, value_of) for a in expression.args]
    if expression.function == "multiply":
        return " × ".join(parts)
    if expression.function == "subtract":
        return f"{parts[0]} − {parts[1]}"
    if expression.function == "years_between":
        return f"years from {parts[0]} to {parts[1]} ({_fmt(evaluate(expression, value_of))} a)"
    if expression.function == "round":
        return describe(expression.args[0], value_of)
    return f"{expression.function}({', '.join(parts)})"
