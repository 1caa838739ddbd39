"""The decision: a status, the findings it rests on, their clauses, and what makes it reproducible."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Literal, Self

import orjson
from pydantic import BaseModel, ConfigDict

Status = Literal["eligible", "ineligible", "compliant", "non_compliant", "needs_review", "not_applicable"]
STATUS_ORDER: dict[str, int] = {
    "not_applicable": 0,
    "eligible": 1,
    "compliant": 1,
    "needs_review": 2,
    "ineligible": 3,
    "non_compliant": 3,
}
Outcome = Literal["ineligible", "non_compliant", "needs_review", "not_applicable", "notice"]
FindingBasis = Literal["rule_met", "facts_missing"]


# What a pydantic model instance holds besides its fields' values (BaseModel.__slots__): _Out.built
# sets them as validation does, and falls back to validating under a pydantic that holds others.
_SLOTS = ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__")
_TRUSTED = tuple(BaseModel.__slots__) == _SLOTS


def _slot_setter(slot: str) -> Callable[[BaseModel, Any], None]:
    """The slot's own setter: object.__setattr__ would look the slot up by name on every call."""
    if _TRUSTED:
        setter: Callable[[BaseModel, Any], None] = BaseModel.__dict__[slot].__set__
        return setter
    return lambda model, value: object.__setattr__(model, slot, value)  # pragma: no cover - never called


_set_dict, _set_fields_set, _set_extra, _set_private = map(_slot_setter, _SLOTS)


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True)

    @classmethod
    def built(cls, values: dict[str, Any]) -> Self:
        """The instance that ``cls(**values)`` validates, without validating: for the engine, whose
        ``values`` give every field, in the order the model declares them, as the very type the
        field holds (lists, not tuples; floats, not ints; instances of the sub-models). The dict
        becomes the instance's, so it must not be shared. Equal, and serialised byte for byte
        the same, as the validated instance (the decision checks compare them)."""
        if not _TRUSTED:  # pragma: no cover - a pydantic whose instances hold something else
            return cls(**values)
        model = cls.__new__(cls)
        _set_dict(model, values)
        _set_fields_set(model, set(values))
        _set_extra(model, None)
        _set_private(model, None)
        return model


class Bilingual(_Out):
    zh: str
    en: str


class Citation(_Out):
    clause_id: str
    cite_zh: str
    cite_en: str
    title_zh: str
    title_en: str
    role: str
    text_zh: str
    text_en: str
    lead_zh: str | None = None  # the article's lead-in for an item (下列排污单位不得出让排污权指标：)
    lead_en: str | None = None


class Amount(_Out):
    """An amount the clause sets, with the calculation that reached it."""

    name: str
    label: Bilingual
    value: float | None
    unit: str
    calculation: str
    missing: list[str] = []


class Finding(_Out):
    """One rule that decided something: met, or undetermined for want of facts."""

    rule_id: str
    instrument: str
    outcome: Outcome
    basis: FindingBasis
    message: Bilingual
    citations: list[Citation]
    facts_used: dict[str, Any]
    facts_missing: list[str]
    notes: list[str] = []
    interpretation: Bilingual | None = None
    overrides: list[str] = []
    amounts: list[Amount] = []


class Checked(_Out):
    """A rule evaluated and not met: part of what an eligible decision rests on."""

    rule_id: str
    instrument: str
    clause_ids: list[str]
    result: Literal["not_met", "overridden"]
    message: Bilingual
    facts_used: dict[str, Any]


class InstrumentResult(_Out):
    instrument: str
    title: Bilingual
    status: Status
    in_force_from: dt.date


class Interpretation(_Out):
    rule_id: str
    clause_ids: list[str]
    text: Bilingual


class Decision(_Out):
    kind: str
    request_id: str | None
    status: Status
    as_of: dt.date | None
    instruments: list[InstrumentResult]
    findings: list[Finding]
    checked: list[Checked]
    missing_facts: list[str]
    interpretations: list[Interpretation]
    parameters: dict[str, Any] = {}  # the law's numbers the evaluated rules read, as in force on the as-of date
    policy_version: str
    request_hash: str
    paiwu_version: str

    def canonical_json(self) -> str:
        """Byte-identical for the same request and policy version."""
        return self.model_dump_json(indent=2)

    def json_utf8(self) -> bytes:
        """``model_dump_json``'s bytes (compact, UTF-8), written by orjson: 2-3x faster on a
        20 KB decision. orjson writes the same text for every value it is let write itself
        (strings, ints to 64 bits, floats, None, bools, lists, tuples, dicts with text keys);
        the models and exact dates are handed to ``_plain``, and anything else - a datetime, a
        subclass of str or int, a larger int, a set - makes the whole decision go to pydantic."""
        if self.__class__ in _AS_FIELDS:
            try:
                return orjson.dumps(self.__dict__, default=_plain, option=_PASSTHROUGH)
            except orjson.JSONEncodeError:
                pass
        return self.__pydantic_serializer__.to_json(self)


# what orjson must not write its own way: dates and times (pydantic writes a UTC datetime with a Z),
# subclasses of its native types (pydantic may serialise them otherwise), dataclasses
_PASSTHROUGH = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_SUBCLASS | orjson.OPT_PASSTHROUGH_DATACLASS


def _written_as_fields(model: type[BaseModel]) -> bool:
    """Whether pydantic writes an instance as its fields' values, in order, under their names."""
    decorators = model.__pydantic_decorators__
    return not (
        model.__pydantic_computed_fields__
        or decorators.field_serializers
        or decorators.model_serializers
        or model.model_config.get("ser_json_inf_nan", "null") != "null"  # orjson writes NaN and infinities as null
        or any(f.serialization_alias or f.alias or f.exclude for f in model.model_fields.values())
    )


# the models of a decision, each of which Decision.json_utf8 may write as its fields
_AS_FIELDS = frozenset(
    m
    for m in (Bilingual, Citation, Amount, Finding, Checked, InstrumentResult, Interpretation, Decision)
    if _written_as_fields(m)
)


def _plain(value: Any) -> Any:
    """What orjson writes for a value it does not write itself (a TypeError: pydantic writes all)."""
    if value.__class__ in _AS_FIELDS:
        return value.__dict__
    if value.__class__ is dt.date:
        return value.isoformat()
    raise TypeError(value.__class__.__name__)


def combine(statuses: list[Status]) -> Status:
    """Precedence: ineligible > needs_review > eligible; not_applicable only if nothing applies."""
    applicable = [s for s in statuses if s != "not_applicable"]
    if not applicable:
        return "not_applicable"
    return max(applicable, key=lambda s: STATUS_ORDER[s])


def settled(kind_is_state: bool, prohibited: bool) -> Status:
    """The status words of a check: eligible/ineligible for actions, compliant/non_compliant for states."""
    if prohibited:
        return "non_compliant" if kind_is_state else "ineligible"
    return "compliant" if kind_is_state else "eligible"
