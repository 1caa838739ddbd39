"""Decision.json_utf8 writes a decision with orjson, and must write pydantic's bytes exactly: the
log stores, hashes and answers them, and replay compares them byte for byte."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paiwu.engine.decision import Bilingual, Checked, Decision, Finding
from paiwu.engine.evaluate import Evaluator
from paiwu.facts import load_request, validate_request
from paiwu.facts.population import generate

from .conftest import EXAMPLES


def pydantic_bytes(decision: Decision) -> bytes:
    return decision.model_dump_json().encode("utf-8")


def test_every_shipped_example_and_a_generated_population_is_written_as_pydantic_writes_it(
    evaluator: Evaluator,
) -> None:
    requests = [load_request(p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("*.yaml"))]
    requests += [validate_request(case) for case in itertools.islice(generate(1500, 7), 1500)]
    for request in requests:
        for as_of in (None, dt.date(2016, 3, 1), dt.date(2025, 12, 31)):
            decision = evaluator.decide(request, as_of=as_of)
            assert decision.json_utf8() == pydantic_bytes(decision)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)  # past 64 bits: orjson refuses, pydantic writes
    | st.floats()  # NaN and infinities included: both write null
    | st.text()
    | st.dates()
    | st.datetimes(timezones=st.none() | st.just(dt.UTC)),  # orjson and pydantic differ here
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


def _decision(facts: dict[str, Any], parameters: dict[str, Any], text: str) -> Decision:
    message = Bilingual(zh=text, en=text)
    finding = Finding(
        rule_id="r",
        instrument="i",
        outcome="needs_review",
        basis="facts_missing",
        message=message,
        citations=[],
        facts_used=facts,
        facts_missing=[text],
    )
    checked = Checked(
        rule_id="c", instrument="i", clause_ids=[text], result="not_met", message=message, facts_used=facts
    )
    return Decision(
        kind="trade",
        request_id=text,
        status="needs_review",
        as_of=dt.date(2020, 1, 31),
        instruments=[],
        findings=[finding],
        checked=[checked],
        missing_facts=[],
        interpretations=[],
        parameters=parameters,
        policy_version="v",
        request_hash="h",
        paiwu_version="0",
    )


@settings(max_examples=500, deadline=None)
@given(
    facts=st.dictionaries(st.text(max_size=10), json_values, max_size=5),
    parameters=st.dictionaries(st.text(max_size=10), json_values, max_size=3),
    text=st.text(),
)
def test_arbitrary_facts_parameters_and_text_are_written_as_pydantic_writes_them(
    facts: dict[str, Any], parameters: dict[str, Any], text: str
) -> None:
    decision = _decision(facts, parameters, text)
    try:
        expected = pydantic_bytes(decision)
    except (ValueError, UnicodeEncodeError):  # a lone surrogate: pydantic cannot write it either
        with pytest.raises((ValueError, TypeError)):
            decision.json_utf8()
        return
    assert decision.json_utf8() == expected


@pytest.mark.parametrize(
    "value",
    [2**64, -(2**63) - 1, dt.datetime(2020, 1, 1, tzinfo=dt.UTC), {1, 2}, dt.timedelta(days=1)],
    ids=["int past 64 bits", "int below -2^63", "UTC datetime", "set", "timedelta"],
)
def test_values_orjson_would_write_otherwise_go_to_pydantic(value: Any) -> None:
    decision = _decision({"x": value}, {}, "t")
    assert decision.json_utf8() == pydantic_bytes(decision)
