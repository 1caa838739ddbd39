"""Canonical JSON: the one text of a value that the request hash and the decision log are built on."""

from __future__ import annotations

import json
import re
from typing import Any

import orjson
from pydantic import BaseModel


def canonical_json(value: Any) -> str:
    """Sorted keys, no spaces, UTF-8 text: equal data gives equal text (and equal hashes)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


# canonical_json's text of a request, as UTF-8, is what orjson writes with sorted keys - the same
# escapes, no spaces, the same shortest digits of a float - except where orjson writes a float
# another way (1e-05 as 0.00001, Python writes an exponent below 1e-4 and from 1e16), writes
# null (for NaN and infinities, which canonical_json refuses; a request without its absent facts
# has no null), or refuses the text: any such text, or text that merely looks like it (an e
# before a sign or digit, 0.0000 or null in a string), is made by canonical_json itself. Checked
# against canonical_json on a million random floats of every magnitude and on every character below
# U+0800 (tests/test_request_hash.py keeps checking it). One regular expression with the three
# alternatives scans slower than json encodes.
_EXPONENT = re.compile(rb"e[-+0-9]").search


def canonical_utf8(data: Any) -> bytes | None:
    """The UTF-8 of ``canonical_json(data)`` made by orjson (several times faster), or None where
    orjson might write other text: then only canonical_json itself says what the text is."""
    try:
        text = orjson.dumps(data, option=orjson.OPT_SORT_KEYS)
    except TypeError:  # text orjson refuses (lone surrogates) or an integer beyond 64 bits
        return None
    if _EXPONENT(text) is not None or b"null" in text or b"0.0000" in text:
        return None
    return text


def request_data(request: BaseModel) -> dict[str, Any]:
    """The validated request as JSON data, its absent facts left out."""
    return request.model_dump(mode="json", exclude_none=True)


def canonical_request(request: BaseModel) -> str:
    """The validated request with its absent facts left out: what the request hash covers and the log keeps."""
    data = request_data(request)
    text = canonical_utf8(data)
    return canonical_json(data) if text is None else text.decode("utf-8")
