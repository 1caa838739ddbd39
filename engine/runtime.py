"""The durable-rules session for one compiled policy, handled as shared/notes/durable-rules.md
says it must be: facts (not events) so every matching rule fires, a fresh session per request that
is always deleted (at most 1024 live sessions per ruleset), a host without background timer
threads and one lock (the background loop races with dispatch), and action exceptions - which
durable-rules swallows into the session state - raised again.

Measured here as well: deleting the session of a fact that matched no rule crashes the process
(segmentation fault in durable-rules 2.0.28). Every ruleset therefore carries a sentinel rule that
matches every request fact, so that no request ever goes unmatched."""

from __future__ import annotations

import copy
import itertools
import threading
from collections.abc import Callable
from typing import Any

from durable import engine as durable_engine


class EngineFailure(RuntimeError):
    """The rules engine failed while evaluating a request (never an ordinary decision)."""


class _QuietHost(durable_engine.Host):  # type: ignore[misc]
    """A durable-rules host that does not start its background dispatch and timer threads."""

    def _run(self) -> None:
        return None


MARKER = "paiwu_kind"  # the field every request fact carries (and durable's own state never does)
SENTINEL = "paiwu_seen"


class RulesSession:
    """Evaluates flat facts against one ruleset and returns the names of the rules that fired."""

    _names = itertools.count()

    def __init__(self, definition: dict[str, Any]) -> None:
        self._lock = threading.Lock()
        self._sids = itertools.count(1)
        self._fired: set[str] = set()
        self.name = f"paiwu{next(self._names)}"
        ruleset: dict[str, Any] = copy.deepcopy(definition)  # set_rulesets mutates its argument
        if SENTINEL in ruleset:
            raise ValueError(f"'{SENTINEL}' is reserved for the engine")
        ruleset[SENTINEL] = {"all": [{"m": {"$ex": {MARKER: 1}}}]}
        for rule_name, rule in ruleset.items():
            rule["run"] = self._recorder(rule_name)
        self._host = _QuietHost()
        self._host.set_rulesets({self.name: ruleset})

    def _recorder(self, rule_name: str) -> Callable[[Any], None]:
        # Exactly one parameter: durable-rules treats a two-parameter action as asynchronous.
        def record(_closure: Any) -> None:
            self._fired.add(rule_name)

        return record

    def fired(self, fact: dict[str, Any]) -> frozenset[str]:
        """Assert one request's fact in a fresh session; the names of every rule that matched."""
        if MARKER not in fact:
            raise ValueError(f"a request fact carries '{MARKER}'")
        with self._lock:
            sid = str(next(self._sids))
            self._fired = set()
            try:
                state = self._host.assert_fact(self.name, {**fact, "sid": sid})
            except durable_engine.MessageNotHandledException:  # pragma: no cover - the sentinel matches
                raise EngineFailure("no rule matched the request, not even the sentinel") from None
            try:
                if isinstance(state, dict) and "exception" in state:
                    raise EngineFailure(f"a rule action failed: {state['exception']}")
            finally:
                self._host.delete_state(self.name, sid)
            fired = self._fired - {SENTINEL}
            if len(fired) == len(self._fired):
                raise EngineFailure("the sentinel rule did not fire: the engine lost an action")
            return frozenset(fired)
