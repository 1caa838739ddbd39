"""Dated parameters: the numbers and lists the law sets, each citing its clause (OpenFisca-style)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from paiwu.yamlsafe import YamlError, line_at, load_file

Value = int | float | str | list[str] | None


class _Text(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    zh: str
    en: str


class ParameterData(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    clause: str
    description: _Text
    unit: str
    values: dict[dt.date, Value] = Field(min_length=1)


@dataclass(frozen=True)
class Parameter:
    name: str
    clause: str
    description_zh: str
    description_en: str
    unit: str
    values: tuple[tuple[dt.date, Value], ...]  # sorted by date; None ends the parameter
    line: int | None = None

    def at(self, day: dt.date) -> Value:
        """The value in force on a day; before its first date, its first value (rules carry their own
        effective dates, so the law's number is the right one to show for an earlier question)."""
        current: Value = self.values[0][1]
        for start, value in self.values:
            if start <= day:
                current = value
        return current


@dataclass(frozen=True)
class Parameters:
    items: dict[str, Parameter]

    def boundaries(self) -> list[dt.date]:
        """Every date on which some parameter changes, sorted."""
        return sorted({start for p in self.items.values() for start, _ in p.values})

    def epochs(self) -> list[tuple[dt.date | None, dt.date | None, dict[str, Any]]]:
        """Periods in which every parameter is constant: (from, until exclusive, values).

        Before the first dated value the first values apply (rules carry their own effective dates).
        """
        days = self.boundaries()
        if not days:
            return [(None, None, {})]
        first = {n: p.values[0][1] for n, p in self.items.items()}
        epochs: list[tuple[dt.date | None, dt.date | None, dict[str, Any]]] = [(None, None, first)]
        # Before the first date every parameter has its first value, as `at` says.
        for day in days:
            values = {n: p.at(day) for n, p in self.items.items()}
            if values == epochs[-1][2]:
                continue
            epochs[-1] = (epochs[-1][0], day, epochs[-1][2])
            epochs.append((day, None, values))
        return epochs

    def with_changes(self, changes: dict[str, dict[dt.date, Value]]) -> Parameters:
        """A new set with the given dated values added (a reform); the original is untouched."""
        items = dict(self.items)
        for name, dated in changes.items():
            old = items[name]
            merged = dict(old.values)
            merged.update(dated)
            items[name] = Parameter(
                old.name,
                old.clause,
                old.description_zh,
                old.description_en,
                old.unit,
                tuple(sorted(merged.items())),
                old.line,
            )
        return Parameters(items)


def load_parameters(path: Path) -> Parameters:
    try:
        raw = load_file(path)
    except YamlError as error:
        raise ValueError(str(error)) from None
    if not isinstance(raw, dict):
        raise ValueError(f"{path}: parameters are a mapping of name to definition")
    items: dict[str, Parameter] = {}
    for name, body in raw.items():
        try:
            data = ParameterData.model_validate(body)
        except ValidationError as error:
            first = error.errors()[0]
            line = line_at(raw, (name, *first["loc"]))
            raise ValueError(f"{path}:{line}: {name}.{'.'.join(map(str, first['loc']))}: {first['msg']}") from None
        items[name] = Parameter(
            name,
            data.clause,
            data.description.zh,
            data.description.en,
            data.unit,
            tuple(sorted(data.values.items())),
            line_at(raw, (name,)),
        )
    return Parameters(items)
