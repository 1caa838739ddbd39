"""The API's JSON body parser: orjson where its value is provably the exact parser's, the exact
parser (the standard library, refusing duplicate keys and NaN) for everything else, so that both
give the same value or the same refusal on any body."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paiwu.api.body import _EXACT, _parse_fast, parse_json
from paiwu.api.problems import ProblemError

KEYS = st.text(max_size=6)  # short keys collide often: duplicates get generated
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),  # beyond 64 bits too
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(),
)
VALUES = st.recursive(
    SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4), max_leaves=20
)


def exact(body: bytes) -> Any:
    """The exact parser alone: the value, or the problem it reports."""
    try:
        return ("value", json.loads(body.decode("utf-8"), object_pairs_hook=_pairs, parse_constant=_nan))
    except (ValueError, RecursionError):
        return ("refused", None)


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    if len({k for k, _ in pairs}) != len(pairs):
        raise ValueError("duplicate")
    return dict(pairs)


def _nan(name: str) -> Any:
    raise ValueError(name)


def parsed(body: bytes) -> Any:
    try:
        return ("value", parse_json(body))
    except ProblemError as error:
        assert error.problem.status == 400
        return ("refused", None)


def with_duplicate(value: Any, text: str) -> str:
    """The text of an object with its first key written once more before it (else the text as it is)."""
    if not isinstance(value, dict) or not value:
        return text
    return "{" + json.dumps(next(iter(value))) + ":0," + text[1:]


@settings(max_examples=400, deadline=None)
@given(value=VALUES, ascii_only=st.booleans(), duplicate=st.booleans())
def test_the_fast_parser_gives_what_the_exact_one_gives(value: Any, ascii_only: bool, duplicate: bool) -> None:
    text = json.dumps(value, ensure_ascii=ascii_only, separators=(", ", " : ") if ascii_only else (",", ":"))
    if duplicate:
        text = with_duplicate(value, text)
    body = text.encode("utf-8")
    assert parsed(body) == exact(body)


@pytest.mark.parametrize(
    "body",
    [
        b'{"a":1,"a":2}',
        b'{"a":{"b":1,"b":1}}',
        b'{"a":"x:y","a":"z"}',  # a colon in a string as well as a duplicate
        b'{"a":"x:y"}',  # a colon in a string only: the exact parser, the same value
        b"123456789012345678901234567890",  # beyond 64 bits: an int, not orjson's float
        b"1e400",
        b"[NaN]",
        b'"\\ud800"',  # a lone surrogate: orjson refuses, the standard parser accepts
        b"\xef\xbb\xbf{}",
        b"[" * 500 + b"]" * 500,  # orjson reads it; the exact parser decides
        b"[" * 2000 + b"]" * 2000,
    ],
)
def test_bodies_orjson_reads_otherwise_go_to_the_exact_parser(body: bytes) -> None:
    assert _parse_fast(body) is _EXACT
    assert parsed(body) == exact(body)


def test_a_request_is_read_by_orjson() -> None:
    body = '{"kind": "trade", "seller": {"name": "徐州甲化工", "county": "铜山区"}, "trade": {"quantity_t_per_year": 12.5}}'
    assert _parse_fast(body.encode()) == json.loads(body)
