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
from paiwu.policies.conditions import FactRef

from .compiler import KIND_KEY, NUMBER_SCALE, CompiledPolicy, encode, fact_key, ref_key
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


# How a value enters the engine (the common cases, taken without calling encode): as it is (flags,
# choices, names), as a day number (dates), as integer thousandths (numbers).
_AS_IS, _DAY, _NUMBER = 0, 1, 2
# The classes of value each kind of fact takes as they are (one test, where bool-or-str took three)
_PLAIN = {_AS_IS: frozenset((bool, str)), _DAY: frozenset(), _NUMBER: frozenset()}
_NOTHING: dict[str, Any] = {}  # the attributes of an object without a __dict__ (and of None)
_UNSET = object()

# The objects on the way to the facts (seller, seller.region ...), each read once from its parent
# node (node 0 is the request): (parent node, attribute). The node after them holds the evaluation
# date, which is not read from the request.
_Nodes = tuple[tuple[int, str], ...]
# Each fact: its path, engine key, node and attribute, the classes of value it takes as they are,
# how its other values are encoded, and its spec.
_Leaves = tuple[tuple[str, str, int, str, frozenset[type], int, FactSpec | None], ...]
# Each derived fact (a shifted date, a multiple): its reference, engine key, and the node and
# attribute its base is read from.
_Refs = tuple[tuple[FactRef, str, int, str], ...]


def _plan(policy: CompiledPolicy, kind: str) -> tuple[_Nodes, _Leaves, _Refs]:
    """What flatten reads for a kind, worked out once per compiled policy: the objects on the way,
    for each path where it is read and how its value is encoded, and the derived facts' keys."""
    plan: tuple[_Nodes, _Leaves, _Refs] | None = policy.flat_plans.get(kind)
    if plan is None:
        schema: dict[str, FactSpec] = policy.schema[kind]
        index: dict[str, int] = {"": 0}
        nodes: list[tuple[int, str]] = []

        def node(prefix: str) -> int:
            found = index.get(prefix)
            if found is None:
                parent, _, attribute = prefix.rpartition(".")
                parent_node = node(parent)  # before this one: a node is read after its parent
                found = index[prefix] = len(nodes) + 1
                nodes.append((parent_node, attribute))
            return found

        paths = policy.paths_by_kind.get(kind, ())
        refs = policy.refs_by_kind.get(kind, ())
        for path in (*paths, *(ref.path for ref in refs)):
            if path != "as_of":
                node(path.rpartition(".")[0])
        as_of_node = len(nodes) + 1  # the node after every other

        def place(path: str) -> tuple[int, str]:
            parent, _, attribute = path.rpartition(".")
            return (as_of_node if path == "as_of" else node(parent)), attribute

        leaves: list[tuple[str, str, int, str, frozenset[type], int, FactSpec | None]] = []
        for path in paths:
            spec = schema.get(path)
            how = _AS_IS if spec is not None and spec.type != "date" else _DAY
            if spec is not None and spec.type == "number":
                how = _NUMBER
            leaves.append((path, fact_key(path), *place(path), _PLAIN[how], how, spec))
        plan = policy.flat_plans[kind] = (
            tuple(nodes),
            tuple(leaves),
            tuple((ref, ref_key(ref), *place(ref.path)) for ref in refs),
        )
    return plan


def flatten(policy: CompiledPolicy, kind: str, request: BaseModel, as_of: dt.date | None) -> Flattened:
    fact: dict[str, Any] = {KIND_KEY: kind}
    values: dict[str, Any] = {}
    notes: dict[str, str] = {}
    nodes, leaves, refs = _plan(policy, kind)
    objects: list[Any] = [request]
    # each object's own attributes: a model keeps its fields' values in its __dict__, which is read
    # without going through the model's __getattr__ hook
    attributes: list[dict[str, Any]] = [getattr(request, "__dict__", _NOTHING)]
    for parent, attribute in nodes:
        node = getattr(objects[parent], attribute, None)  # None below an absent object
        objects.append(node)
        attributes.append(getattr(node, "__dict__", _NOTHING))
    objects.append(None)
    attributes.append({"as_of": as_of})  # the evaluation date's node

    def read(where: int, attribute: str) -> Any:
        value = attributes[where].get(attribute, _UNSET)
        if value is _UNSET:  # not kept in the object's __dict__ (a property, an extra field, None)
            return getattr(objects[where], attribute, None)
        return value

    for path, key, where, attribute, plain, how, spec in leaves:
        # read(where, attribute), written out: a call per fact costs more than the reading
        value = attributes[where].get(attribute)
        if value is None:
            if attribute in attributes[where]:
                continue
            value = getattr(objects[where], attribute, None)
            if value is None:
                continue
        values[path] = value
        cls = value.__class__
        if cls in plain:
            fact[key] = value
        elif how == _DAY and cls is dt.date:
            fact[key] = value.toordinal()  # dates.day_number
        elif how == _NUMBER and (cls is float or cls is int):
            fact[key] = round(value * NUMBER_SCALE)
        else:
            fact[key] = encode(spec, value)
    for ref, ref_fact_key, where, attribute in refs:
        base = read(where, attribute)
        if ref.shift == "times" and isinstance(base, (int, float)) and not isinstance(base, bool):
            fact[ref_fact_key] = encode(None, base * ref.number)
            continue
        if not isinstance(base, dt.date) or ref.shift is None:
            continue
        try:
            fact[ref_fact_key] = encode(None, _shift(base, ref.shift, int(ref.number)))
        except CalendarRangeError as error:
            notes[ref.path] = str(error)
        except OverflowError:
            notes[ref.path] = f"{ref.path} {ref.shift} {ref.amount} falls outside the calendar"
    return Flattened(fact, values, notes)
