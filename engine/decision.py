"""The decision: a status, the findings it rests on, their clauses, and what makes it reproducible."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Literal, Self

import orjson
from pydantic import BaseModel, ConfigDict, Field

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
    """A text in Chinese and in English."""

    zh: str = Field(description="in Chinese")
    en: str = Field(description="in English")


class Citation(_Out):
    """A clause a finding rests on: where it is, and its verbatim text in both languages."""

    clause_id: str = Field(description="the clause's stable id, e.g. xuzhou-2015/art-16/item-3 (GET /v1/clauses/{id})")
    cite_zh: str = Field(description="the clause cited in Chinese: instrument, article, item")
    cite_en: str = Field(description="the clause cited in English")
    title_zh: str = Field(description="the article's heading in Chinese")
    title_en: str = Field(description="the article's heading in English")
    role: str = Field(
        description="what the clause does: operative, definition, organisational, declaratory or procedure"
    )
    text_zh: str = Field(description="the clause's text, verbatim (for an item, the item's own words)")
    text_en: str = Field(description="its English translation")
    lead_zh: str | None = Field(
        None, description="for an item: its article's lead-in, verbatim (下列排污单位不得出让排污权指标：)"
    )
    lead_en: str | None = Field(None, description="for an item: the lead-in in English")


class Amount(_Out):
    """An amount the clause sets, with the calculation that reached it."""

    name: str = Field(description="the amount's name in the policy (e.g. buyback_amount_cny)")
    label: Bilingual = Field(description="what the amount is, in both languages")
    value: float | None = Field(description="the amount; null when a fact it needs is missing (see missing)")
    unit: str = Field(description="its unit (CNY …)")
    calculation: str = Field(description="how it was reached, with the values used (empty when undetermined)")
    missing: list[str] = Field([], description="the facts (dotted paths) it needs and the request lacks")


class Finding(_Out):
    """One rule that decided something: met, or undetermined for want of facts."""

    rule_id: str = Field(description="the rule's id in the policy files (one rule a clause or item)")
    instrument: str = Field(description="the regulation it encodes: xuzhou-2015 or linyi-2014")
    outcome: Outcome = Field(
        description="what the rule decides when met: ineligible / non_compliant (a prohibition), needs_review, "
        "not_applicable (out of the instrument's scope), notice (a reminder that decides nothing); "
        "needs_review whenever the rule is undetermined"
    )
    basis: FindingBasis = Field(
        description="rule_met: its conditions hold on the facts given; facts_missing: it cannot be decided "
        "without the facts in facts_missing (the request is never taken as compliant for want of them)"
    )
    message: Bilingual = Field(description="what the finding means, in both languages")
    citations: list[Citation] = Field(description="the clauses it rests on, with their verbatim text")
    facts_used: dict[str, Any] = Field(description="the request's values the rule read, by dotted path")
    facts_missing: list[str] = Field(description="for an undetermined rule: the facts (dotted paths) to ask for")
    notes: list[str] = Field(
        [], description="why a fact could not be worked out (a date beyond the holiday calendar …)"
    )
    interpretation: Bilingual | None = Field(
        None, description="the documented reading of vague wording this rule applies (原则上, 其他依法不能 …), if any"
    )
    overrides: list[str] = Field([], description="the rules this exception, met, sets aside")
    amounts: list[Amount] = Field([], description="the amounts the clause sets (a compensation, a fee …), if any")


class Checked(_Out):
    """A rule evaluated and not met: part of what an eligible decision rests on."""

    rule_id: str = Field(description="the rule's id in the policy files")
    instrument: str = Field(description="the regulation it encodes")
    clause_ids: list[str] = Field(description="the clauses it encodes (GET /v1/clauses/{id} gives their text)")
    result: Literal["not_met", "overridden"] = Field(
        description="not_met: its conditions do not hold on the facts given; overridden: met, but set aside by "
        "an exception that holds"
    )
    message: Bilingual = Field(description="what the rule checks, in both languages")
    facts_used: dict[str, Any] = Field(description="the request's values the rule read, by dotted path")


class InstrumentResult(_Out):
    """What one regulation decides on the request."""

    instrument: str = Field(description="the regulation: xuzhou-2015 or linyi-2014")
    title: Bilingual = Field(description="its title in both languages")
    status: Status = Field(description="its decision alone (not_applicable: the request is outside its scope)")
    in_force_from: dt.date = Field(description="the date it took effect")


class Interpretation(_Out):
    """A documented reading of vague wording, applied by a rule of this decision."""

    rule_id: str = Field(description="the rule that applies it")
    clause_ids: list[str] = Field(description="the clauses whose wording it reads")
    text: Bilingual = Field(description="the reading chosen, and why, in both languages")


class Decision(_Out):
    """A check's outcome, the findings it rests on with their clauses, and what makes it reproducible."""

    kind: str = Field(description="the check kind: trade, acquisition, holding, buyback, allocation or enterprise")
    request_id: str | None = Field(description="the request's own id, if it gave one")
    status: Status = Field(
        description="eligible / ineligible for an action, compliant / non_compliant for a state of affairs; "
        "needs_review when a finding is undetermined or sends the case to review; not_applicable when no "
        "regulation applies. Precedence: a prohibition met, then review, then eligible"
    )
    as_of: dt.date | None = Field(
        description="the date the law was applied as of (the as_of given, else the request's event date)"
    )
    instruments: list[InstrumentResult] = Field(description="each regulation's own status")
    findings: list[Finding] = Field(
        description="every rule met that decides something, and every rule undetermined for want of facts: "
        "all of them, not only the first"
    )
    checked: list[Checked] = Field(description="the rules evaluated and not met: what an eligible decision rests on")
    missing_facts: list[str] = Field(description="every fact (dotted path) whose absence keeps a rule undetermined")
    interpretations: list[Interpretation] = Field(description="the documented readings the decision applied")
    parameters: dict[str, Any] = Field(
        {}, description="the law's numbers the evaluated rules read, as in force on the as_of date"
    )
    policy_version: str = Field(
        description="the content hash of the policy files that decided: with the request, it reproduces the decision"
    )
    request_hash: str = Field(description="the hash of the validated request's canonical JSON")
    paiwu_version: str = Field(description="the version of paiwu that decided")

    def canonical_json(self) -> str:
        """Byte-identical for the same request and policy version."""
        return self.model_dump_json(indent=2)

    def json_utf8(self) -> bytes:
        """``model_dump_json``'s bytes (compact, UTF-8), written by orjson: twice as fast on a
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
