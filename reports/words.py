"""Rule conditions, facts and proposed changes in words, generated from the condition tree.

Nothing here is written per rule: "seller.credit_rating is one of red, black" comes from the leaf
``{fact: seller.credit_rating, in: [red, black]}`` of whatever rule holds it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from paiwu.engine.compiler import negate
from paiwu.engine.counterfactual import Change
from paiwu.engine.explain import NodeTrace, Truth, ref_value
from paiwu.facts import FactSpec
from paiwu.policies.conditions import All, AnyOf, Compare, Condition, FactRef, Missing, Not, Present

_PLAIN = {"eq": "is", "ne": "is not", "in": "is one of", "not_in": "is not one of"}
_DATES = {"lt": "is before", "le": "is on or before", "gt": "is after", "ge": "is on or after"}
_NUMBERS = {"lt": "is less than", "le": "is at most", "gt": "is more than", "ge": "is at least"}
_PERIODS = {"plus_days": "day", "plus_months": "month", "plus_years": "year", "plus_working_days": "working day"}

TRUTH_EN = {True: "met", False: "not met", None: "undetermined"}
TRUTH_ZH = {True: "成立", False: "不成立", None: "无法判断"}
NOT_STATED = "not stated"


def show(value: Any) -> str:
    """A fact's value as a reader expects it: true/false, ISO dates, 12.5 not 12.50000."""
    if value is None:
        return NOT_STATED
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}" if abs(value) < 1e15 else str(value)
    if isinstance(value, (list, tuple)):
        return ", ".join(show(v) for v in value)
    return str(value)


def parameter_name(value: Any) -> str | None:
    """The name of a parameter of the law a policy refers to (``{param: xuzhou.term_years}``), if any."""
    name = getattr(value, "name", None)
    return name if isinstance(name, str) and type(value).__name__ == "ParamRef" else None


def operand_words(value: Any) -> str:
    """The right-hand side of a comparison: a literal, a list, another fact or a parameter."""
    if isinstance(value, FactRef):
        return ref_words(value)
    if isinstance(value, tuple):
        return ", ".join(show(v) for v in value)
    name = parameter_name(value)
    return f"the parameter {name}" if name else show(value)


def ref_words(ref: FactRef) -> str:
    if not ref.shift:
        return ref.path
    amount = operand_words(ref.amount)
    if ref.shift == "times":
        return f"{amount} × {ref.path}"
    unit = _PERIODS.get(ref.shift, ref.shift.removeprefix("plus_").rstrip("s"))
    return f"{ref.path} + {amount} {unit}{'' if ref.amount == 1 else 's'}"


def _verb(leaf: Compare, schema: Mapping[str, FactSpec]) -> str:
    if leaf.op in _PLAIN:
        return _PLAIN[leaf.op]
    spec = schema.get(leaf.path)
    return (_DATES if spec is not None and spec.type == "date" else _NUMBERS)[leaf.op]


def leaf_words(leaf: Compare | Missing | Present, schema: Mapping[str, FactSpec]) -> str:
    if isinstance(leaf, Missing):
        return f"{leaf.path} is not stated"
    if isinstance(leaf, Present):
        return f"{leaf.path} is stated"
    if isinstance(leaf.value, bool) and leaf.op == "ne":  # two-valued once known: "is not false" is "is true"
        return f"{leaf.path} is {show(not leaf.value)}"
    return f"{leaf.path} {_verb(leaf, schema)} {operand_words(leaf.value)}"


def condition_words(condition: Condition, schema: Mapping[str, FactSpec], nested: bool = False) -> str:
    """One sentence: parts joined by 'and' / 'or', nested groups in parentheses."""
    if isinstance(condition, (All, AnyOf)):
        joiner = " and " if isinstance(condition, All) else " or "
        text = joiner.join(condition_words(c, schema, nested=True) for c in condition.items)
        return f"({text})" if nested and len(condition.items) > 1 else text
    if isinstance(condition, Not):
        if isinstance(condition.item, (Compare, Missing, Present)):
            return condition_words(negate(condition.item), schema, nested)
        return f"not {condition_words(condition.item, schema, nested=True)}"
    return leaf_words(condition, schema)


def group_words(condition: Condition) -> str:
    """The heading of a group in an outline of a condition."""
    if isinstance(condition, All):
        return "all of"
    if isinstance(condition, AnyOf):
        return "any of"
    return "not"


def node_words(node: NodeTrace, schema: Mapping[str, FactSpec]) -> str:
    condition = node.condition
    if isinstance(condition, (Compare, Missing, Present)):
        return leaf_words(condition, schema)
    return group_words(condition)


def read_values(node: NodeTrace, values: Mapping[str, Any]) -> str:
    """What a leaf read from the request: 'seller.credit_rating = red', shifted dates computed."""
    condition = node.condition
    if not isinstance(condition, (Compare, Missing, Present)):
        return ""
    parts = [f"{condition.path} = {show(values.get(condition.path))}"]
    if isinstance(condition, Compare) and isinstance(condition.value, FactRef):
        ref = condition.value
        parts.append(f"{ref_words(ref)} = {show(ref_value(ref, values))}")
    return "; ".join(parts)


def truth_words(truth: Truth) -> str:
    return f"{TRUTH_EN[truth]} · {TRUTH_ZH[truth]}"


def change_words(change: Change) -> str:
    """'seller.credit_rating: red → green (blue, yellow also work)'."""
    now = "not stated" if change.supplied else show(change.current)
    also = f" ({', '.join(show(v) for v in change.also)} also work{'s' if len(change.also) == 1 else ''})"
    return f"{change.path}: {now} → {show(change.value)}{also if change.also else ''}"


def requirement_words(change: Change, schema: Mapping[str, FactSpec]) -> str:
    """What the change has to achieve, in the words of the rules' comparisons."""
    return " and ".join(leaf_words(r, schema) for r in change.requirements)
