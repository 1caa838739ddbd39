"""Clause coverage: for every clause, the rules that decide it and the scenarios that test it.

Like `opa test --coverage`, but by clause of the law: an operative clause with no rule, or with a
rule but no scenario, is a gap and fails `paiwu coverage`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from paiwu.policies.law import Corpus, load_corpus
from paiwu.policies.model import PolicySet, default_policy_set

CLAUSE_ID = re.compile(r"\b(?:xuzhou-2015|linyi-2014)(?:/[a-z]+(?:-\d+)?)+")


@dataclass(frozen=True)
class Scenario:
    feature: str
    name: str
    clauses: frozenset[str]


@dataclass
class ClauseCoverage:
    clause_id: str
    role: str
    rules: list[str] = field(default_factory=list)
    scenarios: list[str] = field(default_factory=list)

    @property
    def gap(self) -> str | None:
        if self.role != "operative":
            return None
        if not self.rules:
            return "no rule"
        if not self.scenarios:
            return "no scenario"
        return None


def _expand_outline(block: str) -> list[str]:
    """A scenario outline once per Examples row, with <placeholders> filled in."""
    rows = [r.strip().strip("|").split("|") for r in block.splitlines() if r.strip().startswith("|")]
    if "<" not in block or len(rows) < 2:
        return [block]
    header = [h.strip() for h in rows[0]]
    expanded = []
    for row in rows[1:]:
        text = block
        for name, value in zip(header, row, strict=False):
            text = text.replace(f"<{name}>", value.strip())
        expanded.append(text)
    return expanded


def read_scenarios(folder: Path) -> list[Scenario]:
    scenarios: list[Scenario] = []
    for path in sorted(folder.glob("*.feature")):
        text = path.read_text(encoding="utf-8")
        for block in re.split(r"\n(?=\s*Scenario)", text)[1:]:
            if not block.strip():
                continue
            name = block.strip().splitlines()[0].split(":", 1)[-1].strip()
            mentioned = {m for variant in _expand_outline(block) for m in CLAUSE_ID.findall(variant)}
            scenarios.append(Scenario(path.name, name, frozenset(mentioned)))
    return scenarios


def clause_coverage(
    features: Path, corpus: Corpus | None = None, policy: PolicySet | None = None
) -> list[ClauseCoverage]:
    corpus = corpus or load_corpus()
    policy = policy or default_policy_set()
    scenarios = read_scenarios(features)
    direct_rules: dict[str, list[str]] = {}
    for rule in policy.rules:
        for clause_id in rule.cites:
            direct_rules.setdefault(clause_id, []).append(rule.id)
    direct_scenarios: dict[str, list[str]] = {}
    for scenario in scenarios:
        for clause_id in scenario.clauses:
            direct_scenarios.setdefault(clause_id, []).append(f"{scenario.feature}: {scenario.name}")

    def gather(clause_id: str, table: dict[str, list[str]]) -> list[str]:
        found = list(table.get(clause_id, []))
        for child in corpus.get(clause_id).children:
            found += [x for x in gather(child, table) if x not in found]
        return found

    return [
        ClauseCoverage(c.id, c.role, gather(c.id, direct_rules), gather(c.id, direct_scenarios))
        for instrument in corpus.instruments.values()
        for c in instrument.ordered()
        if c.is_clause
    ]
