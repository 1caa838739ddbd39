"""The rules engine's short field names (engine/runtime.py, _aliased): a session that renames the
fields its rules read fires exactly the rules a session under the original names fires."""

from __future__ import annotations

from typing import Any

import pytest

from paiwu.engine import runtime
from paiwu.engine.evaluate import Evaluator
from paiwu.engine.flatten import as_of_date, flatten
from paiwu.engine.runtime import RulesSession
from paiwu.facts import validate_request
from paiwu.facts.population import generate

from .conftest import EXAMPLES, example


def _unaliased(monkeypatch: pytest.MonkeyPatch, *args: Any) -> RulesSession:
    with monkeypatch.context() as patch:
        patch.setattr(runtime, "_aliased", lambda definition: (dict(definition), {}))
        return RulesSession(*args)


def test_the_compiled_rules_fire_the_same_under_short_names(
    evaluator: Evaluator, monkeypatch: pytest.MonkeyPatch
) -> None:
    epoch = evaluator.epochs[-1]
    names = {k: [n for c in rules for n in (c.holds_name, c.fails_name)] for k, rules in epoch.by_kind.items()}
    aliased = RulesSession(epoch.compiled.definition, names)
    plain = _unaliased(monkeypatch, epoch.compiled.definition, names)
    assert aliased._aliases and not plain._aliases  # the compiler's rules are all in known forms
    requests = [example(p.name) for p in sorted(EXAMPLES.glob("*.yaml"))]
    requests += [validate_request(data) for data in generate(300, seed=3)]
    for request in requests:
        kind: str = request.kind
        day = as_of_date(request, None)
        fact = flatten(epoch.compiled, kind, request, day).fact
        assert aliased.fired(fact) == plain.fired(fact)


def test_fields_named_like_the_format_are_renamed_as_fields() -> None:
    # "m" and "all" are keys of the ruleset format as well as fields here
    rule = {"all": [{"m": {"$and": [{"paiwu_kind": "trade"}, {"m": 1}, {"$gt": {"all": {"$m": "m"}}}]}}]}
    session = RulesSession({"r": rule})
    assert set(session._aliases) == {"paiwu_kind", "m", "all"}
    assert session.fired({"paiwu_kind": "trade", "m": 1, "all": 2}) == {"r"}
    assert session.fired({"paiwu_kind": "trade", "m": 1, "all": 1}) == frozenset()
    assert session.fired({"paiwu_kind": "trade", "m": 1, "all": 2, "unread": "x"}) == {"r"}


@pytest.mark.parametrize(
    "rule",
    [
        {"any": [{"m": {"paiwu_kind": "trade"}}]},  # a form the renaming does not know
        {"all": [{"m": {"paiwu_kind": "trade"}}], "pri": 1},
        {"all": [{"m": {"$and": [{"paiwu_kind": "trade"}, {"$ex": {"sid": 1}}]}}]},  # a field durable reads itself
    ],
)
def test_rules_in_other_forms_keep_their_field_names(rule: dict[str, Any]) -> None:
    session = RulesSession({"r": rule})
    assert session._aliases == {}
    assert session.fired({"paiwu_kind": "trade"}) == {"r"}
