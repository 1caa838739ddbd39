"""Canonical JSON: the one text of a value that the request hash and the decision log are built on."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel


def canonical_json(value: Any) -> str:
    """Sorted keys, no spaces, UTF-8 text: equal data gives equal text (and equal hashes)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def canonical_request(request: BaseModel) -> str:
    """The validated request with its absent facts left out: what the request hash covers and the log keeps."""
    return canonical_json(request.model_dump(mode="json", exclude_none=True))
