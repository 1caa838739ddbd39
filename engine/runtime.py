"""The durable-rules session for one compiled policy, handled as shared/notes/durable-rules.md
says it must be: facts (not events) so every matching rule fires, a host without background timer
threads and one lock (the background loop races with dispatch), and action exceptions - which
durable-rules swallows into the session state - raised again.

One session per ruleset serves every request in turn: the request's fact is asserted, the rules it
fired are taken, and the fact is retracted, which leaves the session as it was (nothing pending is
checked). Creating a session costs more than matching a fact - durable-rules sets up frame pools
for every rule of the ruleset in each new session - and one live session per ruleset stays far
from the limit of 1024. If anything fails midway, the session is deleted and the next request
starts a new one.

Measured here as well: deleting the session of a fact that matched no rule crashes the process
(segmentation fault in durable-rules 2.0.28). Every ruleset therefore carries a sentinel rule that
matches every request fact, so that no request ever goes unmatched.

The actions are dispatched here rather than by ``durable.engine``: after ``assert_fact`` the fired
rules are taken from the native engine one by one (``start_action_for_state``, then
``complete_and_start_action``), reading only each result's rule name. durable's own dispatcher
decodes the whole matched fact from JSON, wraps it in a closure and re-asserts the unchanged
session state after every action - about 30 microseconds an action, most of a decision's cost. The
native calls, their order and the session's deletion are the ones ``durable.engine`` makes, minus
the state update that our actions never need (they do not change the state). A ruleset may be
split by request kind: a fact is asserted only into its kind's rules (each rule is ANDed with its
kind's marker, so no other rule could match it), which keeps the network the engine walks small."""

from __future__ import annotations

import copy
import itertools
import json
import threading
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import orjson
from durable import engine as durable_engine

native = durable_engine.durable_rules_engine  # the C extension that durable.engine drives


class EngineFailure(RuntimeError):
    """The rules engine failed while evaluating a request (never an ordinary decision)."""


class _QuietHost(durable_engine.Host):  # type: ignore[misc]
    """A durable-rules host that does not start its background dispatch and timer threads."""

    def _run(self) -> None:
        return None


MARKER = "paiwu_kind"  # the field every request fact carries (and durable's own state never does)
SENTINEL = "paiwu_seen"
_SENTINEL = frozenset((SENTINEL,))


NOT_HANDLED = 1  # durable-rules' result codes of assert_fact (rules.h): no rule matched the fact
_WHOLE = ""  # the partition of an unsplit ruleset


def _encode(fact: dict[str, Any]) -> str:
    """A fact as JSON text for durable-rules. A fact holds strings, integers and booleans only
    (flatten encodes dates and numbers as integers): orjson writes them as the standard encoder
    does (without its spaces); text it refuses (lone surrogates, integers beyond 64 bits) is
    written as durable.engine writes a fact (and what neither can write, a date, still raises)."""
    try:
        return orjson.dumps(fact, option=orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS).decode()
    except TypeError:
        return json.dumps(fact, ensure_ascii=False)


_COMPARISONS = frozenset(("$lt", "$lte", "$gt", "$gte", "$eq", "$neq"))
_RESERVED = frozenset(("sid", "id"))  # fields durable-rules itself reads in a fact


class _Unaliasable(ValueError):
    """A definition in a form _aliased does not know: its fields keep their names."""


def _aliased(definition: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """The rules with a short name for every field they read, and those names (field -> alias).

    durable-rules hashes every field name of a fact as it parses it, and writes the whole fact
    out again for each rule that fires: with names of two or three characters a request's text
    is a third as long. Only the compiler's forms are known (``all`` of ``m`` terms; $and, $or,
    $ex, $nex, comparisons, equality, $m); given any other, every field keeps its name."""
    names: dict[str, str] = {}

    def field(name: Any) -> str:
        if not isinstance(name, str) or name.startswith("$") or name in _RESERVED:
            raise _Unaliasable(name)
        return names.setdefault(name, f"k{len(names)}")

    def operand(value: Any) -> Any:
        if isinstance(value, dict):
            if len(value) != 1 or "$m" not in value:
                raise _Unaliasable(value)
            return {"$m": field(value["$m"])}
        if not isinstance(value, (str, int, float, bool)) and value is not None:
            raise _Unaliasable(value)
        return value

    def expression(node: Any) -> dict[str, Any]:
        if not isinstance(node, dict):
            raise _Unaliasable(node)
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key in ("$and", "$or"):
                out[key] = [expression(item) for item in value]
            elif key in ("$ex", "$nex") or key in _COMPARISONS:
                out[key] = {field(name): operand(compared) for name, compared in value.items()}
            else:
                out[field(key)] = operand(value)
        return out

    field(MARKER)
    try:
        rules: dict[str, Any] = {}
        for rule_name, rule in definition.items():
            if set(rule) != {"all"} or any(set(term) != {"m"} for term in rule["all"]):
                raise _Unaliasable(rule)
            rules[rule_name] = {"all": [{"m": expression(term["m"])} for term in rule["all"]]}
    except (_Unaliasable, AttributeError, TypeError):
        return dict(definition), {}
    return rules, names


class RulesSession:
    """Evaluates flat facts against one ruleset and returns the names of the rules that fired.

    With ``kinds`` (request kind -> the names of its rules), each kind gets a ruleset of its own
    and a fact is asserted into its kind's only; a kind with no rules fires nothing.
    """

    _names = itertools.count()

    def __init__(self, definition: dict[str, Any], kinds: Mapping[str, Iterable[str]] | None = None) -> None:
        self._lock = threading.Lock()
        self._sids = itertools.count(1)
        self._live: dict[int, str] = {}  # ruleset handle -> its session
        self._fired: set[str] = set()
        self.name = f"paiwu{next(self._names)}"
        if SENTINEL in definition:
            raise ValueError(f"'{SENTINEL}' is reserved for the engine")
        groups = {_WHOLE: list(definition)} if kinds is None else {k: list(names) for k, names in kinds.items()}
        self._split = kinds is not None
        self._host = _QuietHost()
        self._handles: dict[str, int] = {}
        self._actions: dict[str, Callable[[Any], None]] = {}
        renamed, self._aliases = _aliased(definition)
        marker = self._aliases.get(MARKER, MARKER)
        for number, (kind, names) in enumerate(groups.items()):
            # set_rulesets mutates its argument: each ruleset gets copies of its rules
            ruleset: dict[str, Any] = {name: copy.deepcopy(renamed[name]) for name in names}
            ruleset[SENTINEL] = {"all": [{"m": {"$ex": {marker: 1}}}]}
            for rule_name, rule in ruleset.items():
                rule["run"] = self._actions[rule_name] = self._recorder(rule_name)
            name = self.name if kind == _WHOLE else f"{self.name}_{number}"
            self._host.set_rulesets({name: ruleset})
            self._handles[kind] = self._host.get_ruleset(name)._handle
        self._known = frozenset(self._actions)
        # the actions of _recorder only record their rule's name: the names are then taken at once,
        # without a call per fired rule (another action, as a subclass may give, is called)
        self._only_recorders = type(self)._recorder is RulesSession._recorder

    def _recorder(self, rule_name: str) -> Callable[[Any], None]:
        # Exactly one parameter: durable-rules treats a two-parameter action as asynchronous.
        def record(_closure: Any) -> None:
            self._fired.add(rule_name)

        return record

    def _message(self, fact: dict[str, Any], sid: str) -> dict[str, Any]:
        """The fact as its kind's ruleset reads it, in the session ``sid``: under the fields' short
        names, without the fields no rule reads (they cannot change what matches)."""
        aliases = self._aliases
        if not aliases:
            return {**fact, "sid": sid}
        try:  # every field read by some rule (as flatten makes them): renamed without a Python loop
            message = dict(zip(map(aliases.__getitem__, fact), fact.values(), strict=True))
        except KeyError:
            message = {aliases[key]: value for key, value in fact.items() if key in aliases}
        message["sid"] = sid
        return message

    def fired(self, fact: dict[str, Any]) -> frozenset[str]:
        """Assert one request's fact, take the names of every rule that matched, retract the fact."""
        if MARKER not in fact:
            raise ValueError(f"a request fact carries '{MARKER}'")
        handle = self._handles.get(fact[MARKER] if self._split else _WHOLE)
        if handle is None:
            return frozenset()  # no rule of this kind
        with self._lock:
            sid = self._live.get(handle) or self._live.setdefault(handle, str(next(self._sids)))
            message = _encode(self._message(fact, sid))
            code, state = native.assert_fact(handle, message)
            if code == NOT_HANDLED:  # pragma: no cover - the sentinel matches every request
                raise EngineFailure("no rule matched the request, not even the sentinel")
            names: list[str] = []
            done = False
            try:
                if code != 0:  # pragma: no cover - every fact is retracted after its request
                    raise EngineFailure(f"durable-rules did not take the fact (result code {code})")
                result = native.start_action_for_state(handle, state)
                messages: str | None = result[1] if result else None
                while messages is not None:
                    names.append(messages[2 : messages.index('"', 2)])  # {"<rule name>": {...the fact...}}
                    messages = native.complete_and_start_action(handle, state)
                native.retract_fact(handle, message)
                if native.start_action_for_state(handle, state) is not None:  # pragma: no cover
                    raise EngineFailure("durable-rules left an action pending once the fact was retracted")
                done = True
            finally:
                if not done:  # what is left of this request goes with its session
                    del self._live[handle]
                    native.delete_state(handle, sid)
            self._fired = set(names) if self._only_recorders and self._known.issuperset(names) else self._act(names)
            if SENTINEL not in self._fired:
                raise EngineFailure("the sentinel rule did not fire: the engine lost an action")
            return frozenset(self._fired - _SENTINEL)

    def _act(self, names: list[str]) -> set[str]:
        """Call the action of each fired rule in turn; what the actions recorded."""
        self._fired = set()
        for rule_name in names:
            action = self._actions.get(rule_name)
            if action is None:  # pragma: no cover - durable only names rules it was given
                raise EngineFailure(f"durable-rules fired an unknown rule {rule_name!r}")
            try:
                action(None)
            except Exception as error:
                raise EngineFailure(f"a rule action failed: {type(error).__name__}: {error}") from error
        return self._fired
