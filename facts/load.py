"""Decode a request document (YAML or JSON) into a validated request, or say exactly what is wrong."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from paiwu.yamlsafe import YamlError, line_at, load_text

from .models import REQUEST_MODELS, Facts


@dataclass(frozen=True)
class FieldProblem:
    field: str
    message: str
    line: int | None = None

    def render(self, source: str) -> str:
        where = f"{source}:{self.line}" if self.line else source
        return f"{where}: {self.field or '(document)'}: {self.message}"


class RequestError(ValueError):
    """A request that cannot be evaluated: every problem, each naming its field and line."""

    def __init__(self, source: str, problems: list[FieldProblem]) -> None:
        self.source = source
        self.problems = problems
        super().__init__("\n".join(p.render(source) for p in problems))


def _message(error: dict[str, Any]) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        return "unknown field"
    if kind == "missing":
        return "required field is missing"
    given = error.get("input")
    shown = repr(given) if isinstance(given, (str, int, float, bool)) else type(given).__name__
    return f"{error['msg']} (got {shown})"


def validate_request(data: Any, source: str = "<request>") -> Facts:
    """Validate decoded data; the model is chosen by its ``kind``."""
    if not isinstance(data, dict):
        raise RequestError(source, [FieldProblem("", "a request is a mapping with a 'kind' field")])
    kind = data.get("kind")
    if kind not in REQUEST_MODELS:
        known = ", ".join(sorted(REQUEST_MODELS))
        line = line_at(data, ("kind",))
        raise RequestError(
            source, [FieldProblem("kind", f"unknown check kind {kind!r}; expected one of: {known}", line)]
        )
    try:
        return REQUEST_MODELS[kind].model_validate(data)
    except ValidationError as error:
        problems = [
            FieldProblem(".".join(str(p) for p in e["loc"]), _message(dict(e)), line_at(data, tuple(e["loc"])))
            for e in error.errors()
        ]
        raise RequestError(source, problems) from None


def load_request(text: str, source: str = "<request>") -> Facts:
    """Parse YAML or JSON text and validate it as a request."""
    try:
        data = load_text(text, source)
    except YamlError as error:
        raise RequestError(source, [FieldProblem("", error.message, error.line)]) from None
    return validate_request(data, source)
