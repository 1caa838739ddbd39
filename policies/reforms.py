"""Reforms: a YAML overlay on the baseline policies - dated parameter changes, rules disabled, rules
added - built into a new PolicySet. The baseline is never mutated, and a name that does not exist
is an error (never a silent addition, as OpenFisca's Python reforms allow)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import hashlib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from paiwu.yamlsafe import YamlError, line_at, load_file

from .model import PolicyError, PolicySet, Rule, Text2, parse_policy_document
from .parameters import Value


class ReformData(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: Text2
    description: Text2
    parameters: dict[str, dict[dt.date, Value]] = {}
    disable: list[str] = []
    add: list[Any] = []


def _hint(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean {close[0]}?)" if close else ""


def load_reform(path: Path, baseline: PolicySet) -> PolicySet:
    """The baseline with the reform applied, as a new PolicySet named after the reform."""
    name = str(path)
    try:
        raw = load_file(path)
        data = ReformData.model_validate(raw)
    except YamlError as error:
        raise PolicyError(name, error.line, error.message) from None
    except ValidationError as error:
        first = error.errors()[0]
        loc = tuple(first["loc"])
        raise PolicyError(name, line_at(raw, loc), f"{'.'.join(map(str, loc))}: {first['msg']}") from None
    known_parameters = sorted(baseline.parameters.items)
    for parameter in data.parameters:
        if parameter not in baseline.parameters.items:
            line = line_at(raw, ("parameters", parameter))
            raise PolicyError(name, line, f"unknown parameter '{parameter}'{_hint(parameter, known_parameters)}")
    known_rules = [r.id for r in baseline.rules]
    for index, rule_id in enumerate(data.disable):
        if rule_id not in known_rules:
            line = line_at(raw, ("disable", index))
            raise PolicyError(name, line, f"unknown rule '{rule_id}' in disable{_hint(rule_id, known_rules)}")
    added: list[Rule] = []
    for index, block in enumerate(data.add):
        for rule in parse_policy_document(block, name):
            if rule.id in known_rules or rule.id in [r.id for r in added]:
                raise PolicyError(name, rule.line, f"rule '{rule.id}' already exists: give an added rule a new id")
            added.append(dataclasses.replace(rule, file=f"{name} (add[{index}])"))
    rules = tuple(r for r in baseline.rules if r.id not in data.disable) + tuple(added)
    digest = hashlib.sha256(baseline.version.encode() + b"\0" + path.read_bytes()).hexdigest()[:16]
    return dataclasses.replace(
        baseline,
        rules=rules,
        parameters=baseline.parameters.with_changes(dict(data.parameters)),
        version=f"sha256:{digest}",
        files=(*baseline.files, name),
        name=data.name,
    )


def reform_summary(path: Path) -> dict[str, Any]:
    """The reform's own title and description, for reports."""
    raw = load_file(path)
    data = ReformData.model_validate(raw)
    return {
        "name": data.name,
        "title": {"zh": data.title.zh, "en": data.title.en},
        "description": {"zh": data.description.zh, "en": data.description.en},
        "parameters": {k: {d.isoformat(): v for d, v in vals.items()} for k, vals in data.parameters.items()},
        "disable": data.disable,
        "add": [r.id for block in data.add for r in parse_policy_document(block, str(path))],
    }
