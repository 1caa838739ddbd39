"""Read a JSON request body strictly: the media type, a size limit, UTF-8, and well-formed JSON.

Checked in the order a client would fix them: 415 wrong media type, 413 too large (refused from
Content-Length before reading, and while streaming a body without one), 400 not JSON. Duplicate
keys and NaN/Infinity are refused as malformed: they are not interoperable JSON (RFC 8259).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import orjson
from fastapi import Request

from .problems import FieldError, ProblemError

MAX_BODY_BYTES = 1_048_576  # 1 MiB: a trade request is about 2 KB, a full batch about 250 KB


def _json_media_type(content_type: str) -> bool:
    mime, _, params = content_type.partition(";")
    mime = mime.strip().lower()
    if not (mime == "application/json" or (mime.startswith("application/") and mime.endswith("+json"))):
        return False
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip().strip('"').lower() not in ("utf-8", "utf8"):
            return False
    return True


def _refuse_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):  # only then look for the key, in order
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise ValueError(f"the key {key!r} appears twice in one object")
            seen.add(key)
    return out


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _too_large(limit: int) -> ProblemError:
    return ProblemError(413, "body-too-large", f"the body exceeds the limit of {limit} bytes")


def _malformed(reason: str) -> ProblemError:
    return ProblemError(400, "malformed-json", reason, [FieldError(field="", reason=reason)])


async def read_body(request: Request, limit: int) -> bytes:
    content_type = request.headers.get("content-type", "")
    if not _json_media_type(content_type):
        shown = repr(content_type) if content_type else "no Content-Type"
        raise ProblemError(415, "unsupported-media-type", f"send application/json in UTF-8 (got {shown})")
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise _too_large(limit)
    return bytes(body)


_EXACT = object()  # _parse_fast's answer when only the exact parser can say what the body is
_FLOAT_AS_INTEGER = 2.0**63  # orjson reads an integer beyond 64 bits as a float; the standard parser as an int
_MAX_FAST_DEPTH = 100  # a request is 3 levels deep; the standard parser refuses about 1,000
_CONTAINERS = (dict, list)


class _Exact(Exception):
    """Raised by _keys: the value may not be the exact parser's."""


def _keys(value: dict[str, Any] | list[Any], depth: int = 0) -> int:
    """The keys of every object in ``value``."""
    if depth > _MAX_FAST_DEPTH:
        raise _Exact
    children: Iterable[Any] = value.values() if type(value) is dict else value
    count = len(value) if type(value) is dict else 0
    for child in children:
        kind = type(child)
        if kind in _CONTAINERS:
            count += _keys(child, depth + 1)
        elif kind is float and not -_FLOAT_AS_INTEGER < child < _FLOAT_AS_INTEGER:
            raise _Exact
    return count


def _parse_fast(body: bytes) -> Any:
    """The body by orjson (several times faster), where its value is provably the exact parser's.

    Whatever orjson refuses goes to the exact parser, which accepts or refuses it as it always did
    and says why. Where orjson accepts, three things could differ, and each sends the body to the
    exact parser: two equal keys in an object (orjson keeps the last; every key is followed by one
    colon outside strings, so a body with as many colons as its value has keys has none), an integer
    beyond 64 bits (orjson reads a float: so a float that large), and nesting deeper than the exact
    parser allows (orjson allows 1,024 levels). tests/test_api_body.py compares the two on generated
    bodies.
    """
    try:
        value = orjson.loads(body)
    except orjson.JSONDecodeError:
        return _EXACT
    try:
        keys = _keys([value])  # in a list, so that a lone float is checked too
    except _Exact:
        return _EXACT
    return value if keys == body.count(b":") else _EXACT


def parse_json(body: bytes) -> Any:
    value = _parse_fast(body)
    if value is not _EXACT:
        return value
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _malformed(f"the body is not UTF-8 text (byte {error.start})") from None
    try:
        return json.loads(text, object_pairs_hook=_refuse_duplicates, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise _malformed(f"the body is not JSON: {error.msg} at line {error.lineno}, column {error.colno}") from None
    except RecursionError:
        raise _malformed("the body is nested too deeply") from None
    except ValueError as error:  # duplicate keys, NaN, integers beyond the digit limit
        raise _malformed(f"the body is not interoperable JSON: {error}") from None


async def read_json(request: Request, limit: int = MAX_BODY_BYTES) -> Any:
    return parse_json(await read_body(request, limit))
