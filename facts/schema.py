"""The fact schema: every fact path a policy may read, with its type, derived from the models."""

from __future__ import annotations

import datetime
import types
import typing
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel

from .models import REQUEST_MODELS

FactType = Literal["date", "number", "bool", "enum", "string"]


@dataclass(frozen=True)
class FactSpec:
    path: str
    type: FactType
    choices: tuple[str, ...] = ()
    description: str | None = None


def _unwrap(annotation: Any) -> Any:
    """Strip Optional[...] and Annotated[...] down to the value type."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0]
        else:
            return annotation


def _spec(path: str, annotation: Any, description: str | None) -> FactSpec:
    value = _unwrap(annotation)
    if typing.get_origin(value) is Literal:
        return FactSpec(path, "enum", tuple(str(a) for a in typing.get_args(value)), description)
    if value is bool:
        return FactSpec(path, "bool", (), description)
    if value is datetime.date:
        return FactSpec(path, "date", (), description)
    if value in (int, float):
        return FactSpec(path, "number", (), description)
    return FactSpec(path, "string", (), description)


def _walk(model: type[BaseModel], prefix: str, out: dict[str, FactSpec]) -> None:
    for name, field in model.model_fields.items():
        if not prefix and name in ("kind", "id", "as_of"):
            continue
        path = f"{prefix}{name}"
        value = _unwrap(field.annotation)
        if typing.get_origin(value) is list:
            continue  # lists are inputs to derived facts (e.g. allocation shares), never read by rules
        if isinstance(value, type) and issubclass(value, BaseModel):
            _walk(value, path + ".", out)
        else:
            out[path] = _spec(path, field.annotation, field.description)


@cache
def fact_schema(kind: str) -> dict[str, FactSpec]:
    """Fact paths of a check kind. ``as_of`` is the evaluation date (given, or the trade date)."""
    out: dict[str, FactSpec] = {"as_of": FactSpec("as_of", "date", (), "the date the check is evaluated as of")}
    _walk(REQUEST_MODELS[kind], "", out)
    return out


def describe(spec: FactSpec | None) -> str:
    """What a fact is and what values it takes: the line beside each fact to request."""
    if spec is None:
        return ""
    parts = [spec.description or ""]
    if spec.type == "enum":
        parts.append("one of: " + ", ".join(spec.choices))
    elif spec.type != "string":
        parts.append({"bool": "true or false", "date": "a date, YYYY-MM-DD", "number": "a number"}[spec.type])
    return "; ".join(p for p in parts if p)
