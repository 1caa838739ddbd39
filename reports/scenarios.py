"""The legal acceptance scenarios (``features/*.feature``), read so the law browser can show which
scenarios exercise each clause.

A scenario belongs to every clause id its title, steps or examples mention (``xuzhou-2015/art-16/item-3``
or ``xuzhou-2015/art-21#city-epb-consent``), the same reading as ``paiwu coverage``; this module also
keeps each scenario's file and line for the reader. Nothing here runs a scenario; pytest-bdd does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import paiwu.policies

CLAUSE_ID = re.compile(r"(?<![\w/-])[a-z]+-\d{4}(?:/[a-z]+(?:-\d+)?)+")
_STARTS = ("Scenario:", "Scenario Outline:", "Example:", "Scenario Template:")


@dataclass(frozen=True)
class Scenario:
    file: str  # as found, e.g. features/xuzhou-2015-art-16.feature
    line: int
    feature: str
    name: str
    text: str  # title, steps and examples
    tags: tuple[str, ...]  # the feature's tags, without '@'

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"

    def mentioned(self) -> set[str]:
        return set(CLAUSE_ID.findall(self.text))


def parse_feature(path: Path, shown_as: str) -> list[Scenario]:
    tags: list[str] = []
    feature = ""
    scenarios: list[Scenario] = []
    current: tuple[int, str, list[str]] | None = None

    def close() -> None:
        if current is not None:
            line, name, body = current
            scenarios.append(Scenario(shown_as, line, feature, name, "\n".join([name, *body]), tuple(tags)))

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not feature and line.startswith("@"):
            tags.extend(t.lstrip("@") for t in line.split())
        elif line.startswith("Feature:"):
            feature = line.removeprefix("Feature:").strip()
        elif line.startswith(_STARTS) or line.startswith(("Background:", "Rule:")):
            close()
            current = None
            if line.startswith(_STARTS):
                current = (number, line.split(":", 1)[1].strip(), [])
        elif current is not None and line and not line.startswith("#"):
            current[2].append(line)
    close()
    return scenarios


def load_scenarios(folder: Path | None) -> list[Scenario]:
    """Every scenario of the feature files in ``folder`` (none when there is no such folder)."""
    if folder is None or not folder.is_dir():
        return []
    out: list[Scenario] = []
    for path in sorted(folder.glob("*.feature")):
        shown = f"{folder.name}/{path.name}"
        out.extend(parse_feature(path, shown))
    return out


def link(scenarios: Iterable[Scenario], known: set[str]) -> dict[str, list[Scenario]]:
    """Clause id -> the scenarios that mention it."""
    linked: dict[str, list[Scenario]] = {}
    for scenario in scenarios:
        for clause_id in sorted(scenario.mentioned() & known):
            linked.setdefault(clause_id, []).append(scenario)
    return linked


def default_features_dir() -> Path | None:
    """``./features`` when run from a checkout, else the folder beside the installed sources."""
    here = Path.cwd() / "features"
    if here.is_dir():
        return here
    beside = Path(paiwu.policies.__file__).resolve().parent.parent / "features"
    return beside if beside.is_dir() else None
