"""Invalid requests: generated wrong types, unknown fields, bad dates, misplaced objects, arbitrary text
and bytes that are not UTF-8, huge and deeply nested documents, hostile YAML. `load_request` raises
RequestError naming the field (and its line), or the document itself, and never anything else."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from paiwu.facts import REQUEST_MODELS, RequestError, fact_schema, load_request
from paiwu.yamlsafe import MAX_DEPTH, MAX_DOCUMENT_BYTES

from .test_properties import EXAMPLES, put, requests

KINDS = tuple(REQUEST_MODELS)
# Text YAML's reader takes: no control characters, lone surrogates or U+FFFE/U+FFFF (those are below).
TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufffe\uffff"), max_size=20)
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Values no reading of the type accepts (pydantic takes 0/1 and "yes"/"no" as booleans, so they are not here).
WRONG: dict[str, list[Any]] = {
    "bool": ["maybe", 2, -1, 0.5, [True], {"value": True}],
    "number": ["lots", True, False, -1, 1e13, "nan", "inf", [], {"t": 1}, "1,000"],
    "date": ["2023-02-29", "2024-13-01", "2024-04-31", "yesterday", "0000-01-01", 20240101, 1.5, True, [], "24-1-1"],
    "enum": ["zzz", 5, True, [], {"code": "SO2"}, ""],
    "string": [[], {"zh": "徐州"}, 5, 1.5, True, "x" * 501],
}


def text_of(data: Any) -> str:
    """A request as a platform would write it: JSON, one key a line, so that lines can be checked."""
    return json.dumps(data, ensure_ascii=False, indent=1)


def refused(text: str) -> RequestError:
    with pytest.raises(RequestError) as caught:
        load_request(text, "generated.json")
    error = caught.value
    assert error.problems, str(error)
    for problem in error.problems:
        assert problem.message and isinstance(problem.field, str)
    return error


def objects(kind: str) -> list[str]:
    """The paths of the request's objects: '' (the request itself), 'trade', 'seller.region', …"""
    paths = {""}
    for path in fact_schema(kind):
        parts = path.split(".")
        paths.update(".".join(parts[:n]) for n in range(1, len(parts)))
    return sorted(paths)


@pytest.mark.parametrize("kind", KINDS)
@SETTINGS
@given(data=st.data())
def test_a_wrong_value_is_refused_naming_its_field_and_line(kind: str, data: st.DataObject) -> None:
    request = data.draw(requests(kind))
    path = data.draw(st.sampled_from(sorted(fact_schema(kind))))
    wrong = data.draw(st.sampled_from(WRONG[fact_schema(kind)[path].type]))
    put(request, path, wrong)
    error = refused(text_of(request))
    named = [p for p in error.problems if p.field == path]
    assert named, (path, wrong, [p.field for p in error.problems])
    assert named[0].line is not None and f'"{path.split(".")[-1]}"' in text_of(request).splitlines()[named[0].line - 1]


@pytest.mark.parametrize("kind", KINDS)
@SETTINGS
@given(data=st.data())
def test_an_unknown_field_is_refused_by_name(kind: str, data: st.DataObject) -> None:
    request = data.draw(requests(kind))
    parent = data.draw(st.sampled_from(objects(kind)))
    name = data.draw(st.from_regex(r"[a-z][a-z_]{0,20}", fullmatch=True))
    assume(name not in _field_names(kind, parent))
    path = f"{parent}.{name}" if parent else name
    put(request, path, data.draw(st.one_of(st.none(), st.integers(), TEXT)))
    error = refused(text_of(request))
    assert any(p.field == path and p.message == "unknown field" for p in error.problems), error


def _field_names(kind: str, parent: str) -> set[str]:
    model: Any = REQUEST_MODELS[kind]
    for part in filter(None, parent.split(".")):
        annotation = model.model_fields[part].annotation
        model = next(a for a in getattr(annotation, "__args__", (annotation,)) if hasattr(a, "model_fields"))
    return set(model.model_fields)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=20,
)


@pytest.mark.parametrize("kind", KINDS)
@SETTINGS
@given(data=st.data())
def test_garbage_anywhere_is_refused_where_it_is(kind: str, data: st.DataObject) -> None:
    """Any JSON value at any place of a request: accepted if it fits, else refused naming that place."""
    request = data.draw(requests(kind))
    path = data.draw(st.sampled_from([p for p in [*objects(kind), *fact_schema(kind)] if p]))
    put(request, path, data.draw(JSON))
    try:
        load_request(text_of(request))
    except RequestError as error:
        fields = [p.field for p in error.problems]
        assert all(f == path or f.startswith(path + ".") for f in fields), (path, fields)


@settings(max_examples=EXAMPLES * 3, deadline=None)
@given(text=st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=400))
def test_arbitrary_text_is_a_request_or_a_request_error(text: str) -> None:
    try:
        load_request(text, "fuzz.yaml")
    except RequestError as error:
        assert error.problems


@settings(max_examples=EXAMPLES * 3, deadline=None)
@given(text=st.text(max_size=400))
def test_arbitrary_text_with_control_characters_is_a_request_or_a_request_error(text: str) -> None:
    try:
        load_request(text, "fuzz.yaml")
    except RequestError as error:
        assert error.problems


@settings(max_examples=EXAMPLES * 3, deadline=None)
@given(raw=st.binary(max_size=400))
def test_bytes_that_are_not_utf8_are_a_request_error(raw: bytes) -> None:
    """As read with errors='surrogateescape': undecodable bytes become lone surrogates, never accepted."""
    text = raw.decode("utf-8", errors="surrogateescape")
    try:
        load_request(text, "fuzz.yaml")
    except RequestError as error:
        assert error.problems
    else:
        raw.decode("utf-8")  # accepted only if it was UTF-8 after all


def test_a_bad_byte_inside_a_valid_request_is_refused() -> None:
    text = text_of({"kind": "trade", "seller": {"name": "徐州"}}).encode("utf-8").replace("徐".encode(), b"\xe5\xbe")
    error = refused(text.decode("utf-8", errors="surrogateescape"))
    assert error.problems[0].field == "" and "special characters are not allowed" in error.problems[0].message


def test_a_delete_character_valid_in_json_is_refused_naming_it() -> None:
    error = refused('{"kind": "trade", "id": "a\x7f"}')
    assert "special characters are not allowed" in error.problems[0].message


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"a":' * 50_000 + "1" + "}" * 50_000,
        "".join(f"{'  ' * n}a{n}:\n" for n in range(300)),
        "- " * 5_000 + "x",
        json.dumps({"kind": "trade", "trade": {"venue": {"name": json.loads("[" * 80 + "]" * 80)}}}),
    ],
    ids=["json-lists", "json-objects", "yaml-block", "yaml-dashes", "deep-in-a-field"],
)
def test_deeply_nested_documents_are_refused(text: str) -> None:
    error = refused(text)
    assert error.problems[0].field == ""
    assert f"nested deeper than {MAX_DEPTH} levels" in error.problems[0].message


def test_a_document_beyond_the_size_limit_is_refused_before_it_is_parsed() -> None:
    text = json.dumps({"kind": "trade", "id": "x" * MAX_DOCUMENT_BYTES})
    error = refused(text)
    assert f"document larger than {MAX_DOCUMENT_BYTES} bytes" in error.problems[0].message


def test_a_large_document_within_the_limit_names_every_bad_field() -> None:
    fields = {f"field_{n}": n for n in range(5_000)}
    error = refused(json.dumps({"kind": "trade", "trade": fields, "id": "x" * 100_000}))
    assert {p.field for p in error.problems} == {"id"} | {f"trade.{name}" for name in fields}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("kind: trade\nid: !!python/object/apply:os.system ['touch /tmp/paiwu-pwned']\n", "tags that construct"),
        ("kind: trade\nid: !!python/name:os.system\n", "tags that construct"),
        ("a: &a ['x','x']\nb: &b [*a,*a]\nc: [*b,*b]\nkind: trade\n", "anchors (&name) are not allowed"),
        ("kind: trade\nkind: holding\n", "duplicate key 'kind'"),
        ("kind: trade\ntrade: {quantity_t_per_year: .nan}\n", "(got nan)"),
        ("kind: trade\nid: !!set {a, b}\n", "Input should be a valid string"),
        ("kind: trade\ntrade: {date: 2024-02-30}\n", "day value is outside expected range"),
        ("--- {kind: trade}\n--- {kind: trade}\n", "but found another document"),
    ],
)
def test_hostile_yaml_is_refused_and_nothing_runs(text: str, message: str) -> None:
    error = refused(text)
    assert any(message in p.message for p in error.problems), [p.message for p in error.problems]


def _keys_anywhere(node: Any) -> set[str]:
    if isinstance(node, dict):
        return set(node).union(*(_keys_anywhere(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(_keys_anywhere(v) for v in node))
    return set()


@pytest.mark.parametrize("kind", KINDS)
def test_the_request_schema_states_every_bound_in_json_schema_terms(kind: str) -> None:
    """The API publishes these schemas: a bound pydantic could not place in its core type would
    show as its own keyword (ge, le), which JSON Schema validators and client generators ignore."""
    schema = REQUEST_MODELS[kind].model_json_schema()
    assert not _keys_anywhere(schema) & {"ge", "le", "gt", "lt", "min_length", "max_length", "allow_inf_nan"}
    if kind == "trade":
        quantity = schema["$defs"]["Trade"]["properties"]["quantity_t_per_year"]["anyOf"][0]
        assert (quantity["minimum"], quantity["maximum"]) == (0, 1e9)
        city = schema["$defs"]["Party"]["properties"]["city"]["anyOf"][0]
        assert (city["minLength"], city["maxLength"]) == (1, 100)


@pytest.mark.parametrize("value", ["inf", "-inf", "nan"])
def test_an_infinite_or_undefined_quantity_is_called_so(value: str) -> None:
    data = json.loads(text_of({"kind": "trade", "trade": {"quantity_t_per_year": 1}}))
    data["trade"]["quantity_t_per_year"] = float(value)
    error = refused(json.dumps(data))  # Python's encoder writes Infinity and NaN, as YAML's reader takes them
    assert [p.message.split(" (got")[0] for p in error.problems if p.field == "trade.quantity_t_per_year"] == [
        "Input should be a finite number"
    ]
