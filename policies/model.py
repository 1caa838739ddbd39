"""Policy files: one YAML file per article, one rule per clause or item, as data."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from paiwu.yamlsafe import YamlError, line_at, line_of, load_file

from .conditions import Condition, ConditionError, parse_condition
from .expressions import Expression, parse_expression
from .law import LAW_DIR, load_corpus
from .parameters import Parameters, load_parameters

POLICY_DIR = Path(__file__).resolve().parent  # resolve: an editable install links files, not folders
Outcome = Literal["ineligible", "non_compliant", "needs_review", "not_applicable", "notice"]
Kind = Literal["trade", "acquisition", "holding", "buyback", "allocation", "enterprise"]
INSTRUMENTS: tuple[str, ...] = ("xuzhou-2015", "linyi-2014")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Text2(_Strict):
    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)


class Effective(_Strict):
    from_: dt.date | None = Field(None, alias="from")
    to: dt.date | None = None


class ComputeData(_Strict):
    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: Text2
    unit: str
    value: Any


class RuleData(_Strict):
    id: str = Field(pattern=r"^[a-z]+-\d{4}(/[a-z]+(-\d+)?)+#[a-z0-9-]+$")
    cites: list[str] = Field(min_length=1)
    kinds: list[Kind] = Field(min_length=1)
    scope: bool = Field(False, description="an out-of-scope rule: when it holds, the instrument does not apply")
    effective: Effective = Effective()
    when: Any
    outcome: Outcome
    message: Text2
    interpretation: Text2 | None = None
    overrides: list[str] = []
    exclusive_with: list[str] = []
    compute: list[ComputeData] = []


class PolicyFileData(_Strict):
    instrument: Literal["xuzhou-2015", "linyi-2014"]
    clause: str
    rules: list[RuleData] = Field(min_length=1)


class UnencodedData(_Strict):
    clause: str
    status: Literal["not_decidable", "deferred"]
    reason: str = Field(min_length=5)


class UnencodedFileData(_Strict):
    instrument: Literal["xuzhou-2015", "linyi-2014"]
    clauses: list[UnencodedData]


@dataclass(frozen=True)
class Computation:
    """An amount a clause sets, computed when its rule holds (e.g. a buy-back price)."""

    name: str
    label_zh: str
    label_en: str
    unit: str
    value: Expression


@dataclass(frozen=True)
class Rule:
    id: str
    instrument: str
    cites: tuple[str, ...]
    kinds: tuple[str, ...]
    scope: bool
    effective_from: dt.date | None
    effective_to: dt.date | None
    when: Condition
    outcome: str
    message_zh: str
    message_en: str
    interpretation_zh: str | None
    interpretation_en: str | None
    overrides: tuple[str, ...]
    exclusive_with: tuple[str, ...]
    file: str
    line: int | None
    lines: dict[str, int] = field(default_factory=dict)  # the line of each key of the rule
    compute: tuple[Computation, ...] = ()

    def in_force(self, day: dt.date | None) -> bool:
        if day is None:
            return True
        if self.effective_from and day < self.effective_from:
            return False
        return not (self.effective_to and day > self.effective_to)


@dataclass(frozen=True)
class Unencoded:
    clause: str
    status: str
    reason: str
    file: str
    line: int | None


@dataclass(frozen=True)
class PolicySet:
    """All rules of both instruments, their dated parameters, and the clauses left without a rule."""

    rules: tuple[Rule, ...]
    unencoded: tuple[Unencoded, ...]
    version: str
    files: tuple[str, ...]
    parameters: Parameters = field(default_factory=lambda: Parameters({}))
    name: str = "baseline"

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)


class PolicyError(ValueError):
    """A policy file that cannot be loaded; names the file and line."""

    def __init__(self, file: str, line: int | None, message: str, rule: str | None = None) -> None:
        self.file = file
        self.line = line
        self.message = message
        self.rule = rule
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {f'[{rule}] ' if rule else ''}{message}")


def _pydantic_error(path: Path, raw: Any, error: ValidationError) -> PolicyError:
    first = error.errors()[0]
    loc = tuple(first["loc"])
    return PolicyError(str(path), line_at(raw, loc), f"{'.'.join(map(str, loc))}: {first['msg']}")


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root.parent))
    except ValueError:
        return str(path)


def load_policy_file(path: Path, root: Path = POLICY_DIR) -> list[Rule]:
    name = _relative(path, root)
    try:
        raw = load_file(path)
    except YamlError as error:
        raise PolicyError(name, error.line, error.message) from None
    return parse_policy_document(raw, name)


def parse_policy_document(raw: Any, name: str) -> list[Rule]:
    """The rules of one policy document (a file, or a block of a reform); errors name `name` and line."""
    try:
        data = PolicyFileData.model_validate(raw)
    except ValidationError as error:
        raise _pydantic_error(Path(name), raw, error) from None
    rules: list[Rule] = []
    for index, rule in enumerate(data.rules):
        raw_rule = raw["rules"][index]
        line = line_of(raw["rules"], index)
        try:
            condition = parse_condition(raw_rule["when"], line_of(raw_rule, "when"))
            computations = tuple(
                Computation(
                    c.name, c.label.zh, c.label.en, c.unit, parse_expression(c.value, line_of(raw_rule, "compute"))
                )
                for c in rule.compute
            )
        except ConditionError as error:
            raise PolicyError(name, error.line or line, error.message, rule.id) from None
        if not rule.id.startswith(data.instrument + "/"):
            raise PolicyError(name, line, f"rule id must start with '{data.instrument}/'", rule.id)
        rules.append(
            Rule(
                id=rule.id,
                instrument=data.instrument,
                cites=tuple(rule.cites),
                kinds=tuple(rule.kinds),
                scope=rule.scope,
                effective_from=rule.effective.from_,
                effective_to=rule.effective.to,
                when=condition,
                outcome=rule.outcome,
                message_zh=rule.message.zh,
                message_en=rule.message.en,
                interpretation_zh=rule.interpretation.zh if rule.interpretation else None,
                interpretation_en=rule.interpretation.en if rule.interpretation else None,
                overrides=tuple(rule.overrides),
                exclusive_with=tuple(rule.exclusive_with),
                file=name,
                line=line,
                lines=dict(getattr(raw_rule, "lines", {})),
                compute=computations,
            )
        )
    return rules


def load_unencoded_file(path: Path, root: Path = POLICY_DIR) -> list[Unencoded]:
    name = _relative(path, root)
    try:
        raw = load_file(path)
        data = UnencodedFileData.model_validate(raw)
    except YamlError as error:
        raise PolicyError(name, error.line, error.message) from None
    except ValidationError as error:
        raise _pydantic_error(Path(name), raw, error) from None
    return [
        Unencoded(item.clause, item.status, item.reason, name, line_of(raw["clauses"], i))
        for i, item in enumerate(data.clauses)
    ]


def policy_files(root: Path = POLICY_DIR) -> list[Path]:
    return sorted(p for d in INSTRUMENTS for p in (root / d).glob("*.yaml"))


def content_version(files: list[Path]) -> str:
    """A content hash of the law corpus and every policy file: the policy version."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return "sha256:" + digest.hexdigest()[:16]


def load_policy_set(root: Path = POLICY_DIR) -> PolicySet:
    """Load and parse every policy file under ``root`` (never executed; see the validator)."""
    rules: list[Rule] = []
    unencoded: list[Unencoded] = []
    files = policy_files(root)
    for path in files:
        if path.name == "unencoded.yaml":
            unencoded.extend(load_unencoded_file(path, root))
        else:
            rules.extend(load_policy_file(path, root))
    law_files = sorted((root / "law").glob("*.yaml")) if (root / "law").is_dir() else sorted(LAW_DIR.glob("*.yaml"))
    parameter_file = root / "parameters.yaml"
    try:
        parameters = load_parameters(parameter_file) if parameter_file.is_file() else Parameters({})
    except ValueError as error:
        raise PolicyError(_relative(parameter_file, root), None, str(error)) from None
    extra = [parameter_file] if parameter_file.is_file() else []
    version = content_version(law_files + extra + files)
    return PolicySet(tuple(rules), tuple(unencoded), version, tuple(_relative(p, root) for p in files), parameters)


@cache
def default_policy_set() -> PolicySet:
    return load_policy_set()


__all__ = [
    "INSTRUMENTS",
    "PolicyError",
    "PolicySet",
    "Rule",
    "Unencoded",
    "default_policy_set",
    "load_corpus",
    "load_policy_set",
]
