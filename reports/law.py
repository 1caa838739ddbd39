"""The law browser: both instruments clause by clause, each with the rules that encode it, their
conditions in words, the interpretations they apply and the scenarios that exercise them, so that a
reader can audit the encoding against the text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from paiwu.facts import fact_schema
from paiwu.policies.conditions import Compare, Condition, FactRef, leaves
from paiwu.policies.law import Clause, Corpus, Instrument
from paiwu.policies.model import PolicySet, Rule, Unencoded

from .scenarios import Scenario, link, load_scenarios
from .words import condition_words, parameter_name, show


@dataclass(frozen=True)
class RuleView:
    rule: Rule
    condition: str  # the condition in words
    parameters: tuple[str, ...] = ()  # each parameter the rule reads, with its dated values

    @property
    def effective(self) -> str:
        start, end = self.rule.effective_from, self.rule.effective_to
        if start and end:
            return f"{start} to {end}"
        if start:
            return f"from {start}"
        return f"until {end}" if end else "always"


@dataclass(frozen=True)
class ClauseEntry:
    clause: Clause
    cite_zh: str
    cite_en: str
    depth: int
    rules: tuple[RuleView, ...]  # rules citing exactly this clause
    scenarios: tuple[Scenario, ...]  # scenarios that belong to exactly this clause
    unencoded: Unencoded | None
    parts_encoded: bool = False  # some clause below this one has a rule

    @property
    def id(self) -> str:
        return self.clause.id

    @property
    def coverage(self) -> str:
        """How the clause is accounted for: encoded, deferred, not decidable, or needs no rule."""
        if self.rules:
            return "encoded"
        if self.unencoded is not None:
            return self.unencoded.status
        if self.parts_encoded:
            return "encoded in its parts"
        if not self.clause.is_clause:
            return "heading"
        return "operative, no rule" if self.clause.role == "operative" else f"{self.clause.role}: no rule needed"


@dataclass(frozen=True)
class InstrumentView:
    instrument: Instrument
    entries: tuple[ClauseEntry, ...]

    def count(self, coverage: str) -> int:
        return sum(1 for e in self.entries if e.coverage == coverage)


class LawIndex:
    def __init__(self, instruments: Iterable[InstrumentView], features: Path | None) -> None:
        self.instruments = tuple(instruments)
        self.features = features
        self.entries = {e.id: e for view in self.instruments for e in view.entries}

    def entry(self, clause_id: str) -> ClauseEntry:
        return self.entries[clause_id]

    def under(self, clause_id: str) -> list[ClauseEntry]:
        """The clause and every clause below it (items of an article, paragraphs of a part)."""
        return [e for key, e in self.entries.items() if key == clause_id or key.startswith(clause_id + "/")]

    def rules_under(self, clause_id: str) -> list[tuple[str, RuleView]]:
        return [(e.id, r) for e in self.under(clause_id) for r in e.rules]

    def scenarios_under(self, clause_id: str) -> list[Scenario]:
        seen: dict[tuple[str, int], Scenario] = {}
        for e in self.under(clause_id):
            for s in e.scenarios:
                seen.setdefault((s.file, s.line), s)
        return sorted(seen.values(), key=lambda s: (s.file, s.line))

    def suggest(self, clause_id: str, limit: int = 5) -> list[str]:
        """Close clause ids, for a reader who mistyped one."""
        import difflib

        return difflib.get_close_matches(clause_id, list(self.entries), n=limit, cutoff=0.6)


def _depth(clause: Clause, corpus: Corpus) -> int:
    depth, parent = 0, clause.parent
    while parent is not None:
        depth += 1
        parent = corpus.clauses[parent].parent
    return depth


def _parameter_names(condition: Condition) -> list[str]:
    names: list[str] = []
    for leaf in leaves(condition):
        if isinstance(leaf, Compare):
            for value in (leaf.value, leaf.value.amount if isinstance(leaf.value, FactRef) else None):
                name = parameter_name(value)
                if name and name not in names:
                    names.append(name)
    return names


def _parameter_line(name: str, policy: PolicySet) -> str:
    """'xuzhou.paid_use_term_years = 5 years (from 2015-12-10), cites xuzhou-2015/art-13/para-1'."""
    items = getattr(getattr(policy, "parameters", None), "items", {})
    parameter = items.get(name)
    if parameter is None:
        return name
    dated = "; ".join(f"{show(value)} {parameter.unit} from {start}" for start, value in parameter.values)
    return f"{name} = {dated} — {parameter.description_en} ({parameter.clause})"


def rule_view(rule: Rule, policy: PolicySet) -> RuleView:
    names = _parameter_names(rule.when)
    return RuleView(
        rule,
        condition_words(rule.when, fact_schema(rule.kinds[0])),
        tuple(_parameter_line(n, policy) for n in names),
    )


def law_index(policy: PolicySet, corpus: Corpus, features: Path | None) -> LawIndex:
    """Both instruments in order, each clause with its rules and the scenarios in ``features``."""
    features = features if features is not None and features.is_dir() else None
    scenarios = link(load_scenarios(features), set(corpus.clauses))
    unencoded = {u.clause: u for u in policy.unencoded}
    citing: dict[str, list[Rule]] = {}
    for rule in policy.rules:
        for clause_id in rule.cites:
            citing.setdefault(clause_id, []).append(rule)
    views = []
    for instrument in corpus.instruments.values():
        entries = tuple(
            ClauseEntry(
                clause=clause,
                cite_zh=corpus.cite(clause.id, "zh"),
                cite_en=corpus.cite(clause.id, "en"),
                depth=_depth(clause, corpus),
                rules=tuple(rule_view(r, policy) for r in citing.get(clause.id, [])),
                scenarios=tuple(scenarios.get(clause.id, [])),
                unencoded=unencoded.get(clause.id),
                parts_encoded=any(c.startswith(clause.id + "/") for c in citing),
            )
            for clause in instrument.ordered()
        )
        views.append(InstrumentView(instrument, entries))
    return LawIndex(views, features)
