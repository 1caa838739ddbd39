"""Turn a validated request into the one flat fact the rules engine sees.

Only the paths some rule reads are included (durable-rules allows ~252 properties per fact);
absent and null facts are left out, so that absence stays distinguishable from falsity.
Shifted dates (``holding.term_start`` + 5 years) are computed here, by engine.dates.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from pydantic import BaseModel

from paiwu.facts import EVENT_DATE, FactSpec

from .compiler import KIND_KEY, CompiledPolicy, encode, fact_key, ref_key
from .dates import CalendarRangeError, shift

# A shifted date depends on the date alone, and counting working days asks the holiday calendar
# about every day on the way (slowly): each result is kept for the most recently used dates.
_shift = lru_cache(maxsize=4096)(shift)


def lookup(request: BaseModel, path: str) -> Any:
    """The value at a dotted path of the request, or None when any part is absent."""
    node: Any = request
    for part in path.split("."):
        node = getattr(node, part, None)
        if node is None:
            return None
    return node


def as_of_date(request: BaseModel, as_of: dt.date | None) -> dt.date | None:
    """The evaluation date: an explicit as-of date, else the request's, else the date of its event."""
    event = EVENT_DATE.get(getattr(request, "kind", ""))
    return as_of or getattr(request, "as_of", None) or (lookup(request, event) if event else None)


class Flattened:
    def __init__(self, fact: dict[str, Any], values: dict[str, Any], notes: dict[str, str]) -> None:
        self.fact = fact  # what the engine sees
        self.values = values  # path -> the request's own value (for the report)
        self.notes = notes  # path -> why a derived value could not be computed


_Plan = tuple[tuple[str, str, tuple[str, ...], FactSpec | None, bool], ...]


def _plan(policy: CompiledPolicy, kind: str) -> _Plan:
    """What flatten reads for a kind, worked out once per compiled policy: each path, its engine
    key, its parts, its spec, and whether its bool and str values enter the engine as they are
    (all but dates, which may be written as text)."""
    plan: _Plan | None = policy.flat_plans.get(kind)
    if plan is None:
        schema: dict[str, FactSpec] = policy.schema[kind]
        plan = tuple(
            (path, fact_key(path), tuple(path.split(".")), spec, spec is not None and spec.type != "date")
            for path in policy.paths_by_kind.get(kind, ())
            for spec in (schema.get(path),)
        )
        policy.flat_plans[kind] = plan
    return plan


def flatten(policy: CompiledPolicy, kind: str, request: BaseModel, as_of: dt.date | None) -> Flattened:
    fact: dict[str, Any] = {KIND_KEY: kind}
    values: dict[str, Any] = {}
    notes: dict[str, str] = {}
    for path, key, parts, spec, as_is in _plan(policy, kind):
        if path == "as_of":
            value: Any = as_of
        else:
            value = request
            for part in parts:
                value = getattr(value, part, None)
                if value is None:
                    break
        if value is None:
            continue
        values[path] = value
        fact[key] = value if as_is and value.__class__ in (bool, str) else encode(spec, value)
    for ref in policy.refs_by_kind.get(kind, ()):
        base = as_of if ref.path == "as_of" else lookup(request, ref.path)
        if ref.shift == "times" and isinstance(base, (int, float)) and not isinstance(base, bool):
            fact[ref_key(ref)] = encode(None, base * ref.number)
            continue
        if not isinstance(base, dt.date) or ref.shift is None:
            continue
        try:
            fact[ref_key(ref)] = encode(None, _shift(base, ref.shift, int(ref.number)))
        except CalendarRangeError as error:
            notes[ref.path] = str(error)
        except OverflowError:
            notes[ref.path] = f"{ref.path} {ref.shift} {ref.amount} falls outside the calendar"
    return Flattened(fact, values, notes)
