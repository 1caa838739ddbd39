"""Everything a decision report shows, assembled once and rendered as HTML, Markdown or PDF.

The report never decides anything: the decision is the evaluator's, the per-part truths come from
``engine.explain`` and the remedies from ``engine.counterfactual``. This module only arranges them
in the order a legal reviewer reads: decision, parties, findings, what to ask for, what would help.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from paiwu.engine.counterfactual import Counterfactuals, counterfactuals
from paiwu.engine.decision import Decision, Finding
from paiwu.engine.evaluate import Evaluator
from paiwu.engine.explain import NodeTrace, RuleTrace, Trace, Truth, explain
from paiwu.facts import STATE_KINDS, FactSpec, fact_schema
from paiwu.facts.schema import describe

from .words import change_words, condition_words, node_words, read_values, requirement_words, show

STATUS: dict[str, tuple[str, str]] = {
    "eligible": ("Eligible", "可以交易"),
    "compliant": ("Compliant", "合规"),
    "ineligible": ("Ineligible", "不得交易"),
    "non_compliant": ("Non-compliant", "不合规"),
    "needs_review": ("Needs review", "需人工审查"),
    "not_applicable": ("Not applicable", "不适用"),
}
OUTCOME: dict[str, tuple[str, str]] = {
    "ineligible": ("Prohibition met", "禁止性规定成立"),
    "non_compliant": ("Requirement not met", "不符合规定"),
    "needs_review": ("Needs review", "需人工审查"),
    "not_applicable": ("Does not apply", "不适用"),
    "notice": ("Notice", "提示"),
    "facts_missing": ("Facts missing", "缺少事实"),
}
SECTIONS: dict[str, tuple[str, str]] = {
    "trade": ("Trade", "交易"),
    "seller": ("Seller", "出让方"),
    "buyer": ("Buyer", "受让方"),
    "holding": ("Rights offered", "出让的排污权"),
    "party": ("Emitter", "排污单位"),
    "project": ("Project", "建设项目"),
    "allocation": ("Allocation", "分配"),
    "buyback": ("Buy-back", "回购"),
}


@dataclass(frozen=True)
class FactRow:
    name: str  # the path within its section
    description: str
    values: tuple[str, ...]  # one per column


@dataclass(frozen=True)
class FactTable:
    title_en: str
    title_zh: str
    columns: tuple[str, ...]
    rows: tuple[FactRow, ...]


@dataclass(frozen=True)
class OutlineLine:
    """One part of a rule's condition: what it requires, what it read, and whether it is met."""

    depth: int
    text: str
    read: str
    truth: Truth
    group: bool


@dataclass(frozen=True)
class FindingView:
    number: int
    anchor: str
    finding: Finding
    label_en: str
    label_zh: str
    condition: str  # the rule's condition in one sentence
    outline: tuple[OutlineLine, ...]
    why: str  # why the facts meet the clause, or why it cannot be decided


@dataclass(frozen=True)
class ChangeView:
    requirement: str
    change: str
    rules: tuple[str, ...]
    cites: tuple[str, ...]


@dataclass(frozen=True)
class RemedyView:
    number: int
    changes: tuple[ChangeView, ...]


@dataclass(frozen=True)
class ChecklistItem:
    path: str
    description: str


@dataclass(frozen=True)
class Report:
    decision: Decision
    trace: Trace
    counterfactuals: Counterfactuals
    source: str
    status_en: str
    status_zh: str
    goal_en: str  # what the remedies aim at: eligible (an action) or compliant (a state)
    goal_zh: str
    facts: tuple[FactTable, ...]
    findings: tuple[FindingView, ...]
    checklist: tuple[ChecklistItem, ...]
    remedies: tuple[RemedyView, ...]
    not_proposed: tuple[tuple[str, str], ...]
    reproduce: tuple[str, ...]

    @property
    def title(self) -> str:
        return self.decision.request_id or self.source


def _label(spec: FactSpec | None) -> str:
    return (spec.description or "") if spec is not None else ""


def _flat_items(data: Mapping[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    items: list[tuple[str, Any]] = []
    for key, value in data.items():
        if isinstance(value, Mapping):
            items.extend(_flat_items(value, f"{prefix}{key}."))
        else:
            items.append((f"{prefix}{key}", value))
    return items


def _section_title(name: str) -> tuple[str, str]:
    return SECTIONS.get(name, (name.replace("_", " ").capitalize(), name))


def fact_tables(request: BaseModel, schema: Mapping[str, FactSpec]) -> tuple[FactTable, ...]:
    """The parties and the trade as given: seller and buyer side by side, then each other section."""
    data = request.model_dump(mode="json", exclude_none=True, exclude={"kind", "id", "as_of"})
    sections = {k: v for k, v in data.items() if isinstance(v, Mapping) and v}
    scalars = [(k, v) for k, v in data.items() if not isinstance(v, Mapping)]
    tables: list[FactTable] = []
    if "seller" in sections and "buyer" in sections:
        seller, buyer = dict(_flat_items(sections.pop("seller"))), dict(_flat_items(sections.pop("buyer")))
        names = list(dict.fromkeys([*seller, *buyer]))
        rows = tuple(
            FactRow(
                n,
                _label(schema.get(f"seller.{n}") or schema.get(f"buyer.{n}")),
                (show(seller.get(n)), show(buyer.get(n))),
            )
            for n in names
        )
        tables.append(FactTable("Parties", "当事人", ("Seller · 出让方", "Buyer · 受让方"), rows))
    for name, section in sections.items():
        en, zh = _section_title(name)
        rows = tuple(FactRow(p, _label(schema.get(f"{name}.{p}")), (show(v),)) for p, v in _flat_items(section))
        tables.append(FactTable(en, zh, ("Value · 值",), rows))
    if scalars:
        rows = tuple(FactRow(k, _label(schema.get(k)), (show(v),)) for k, v in scalars)
        tables.append(FactTable("Other facts", "其他事实", ("Value · 值",), rows))
    return tuple(tables)


def outline(
    node: NodeTrace, values: Mapping[str, Any], schema: Mapping[str, FactSpec], depth: int = 0
) -> list[OutlineLine]:
    leaf = not node.children
    lines = [
        OutlineLine(depth, node_words(node, schema), read_values(node, values) if leaf else "", node.truth, not leaf)
    ]
    for child in node.children:
        lines.extend(outline(child, values, schema, depth + 1))
    return lines


def why(trace: RuleTrace) -> str:
    if trace.blocked_by is not None:
        return (
            f"The rule's condition is met, but its exception {trace.blocked_by} cannot be decided "
            "without the facts listed, so the clause cannot yet be applied."
        )
    if trace.result == "holds":
        return "Every part the rule requires is met by the facts as given, so the clause applies."
    missing = ", ".join(trace.missing) or "a fact it needs"
    return f"The rule can be neither confirmed nor excluded: it depends on {missing}, which the request does not state."


def finding_views(decision: Decision, trace: Trace, schema: Mapping[str, FactSpec]) -> tuple[FindingView, ...]:
    views: list[FindingView] = []
    for number, finding in enumerate(decision.findings, 1):
        rule_trace = trace.rule(finding.rule_id)
        values = rule_trace.facts
        key = "facts_missing" if finding.basis == "facts_missing" else finding.outcome
        en, zh = OUTCOME.get(key, (key, key))
        views.append(
            FindingView(
                number=number,
                anchor=f"finding-{number}",
                finding=finding,
                label_en=en,
                label_zh=zh,
                condition=condition_words(rule_trace.rule.when, schema),
                outline=tuple(outline(rule_trace.tree, values, schema)),
                why=why(rule_trace),
            )
        )
    return tuple(views)


def remedy_views(
    evaluator: Evaluator, found: Counterfactuals, schema: Mapping[str, FactSpec]
) -> tuple[RemedyView, ...]:
    def cite(rule_id: str) -> str:
        return evaluator.citation(evaluator.policy.rule(rule_id).cites[0]).cite_en

    return tuple(
        RemedyView(
            number,
            tuple(
                ChangeView(
                    requirement=requirement_words(c, schema),
                    change=change_words(c),
                    rules=c.rules,
                    cites=tuple(dict.fromkeys(cite(r) for r in c.rules)),
                )
                for c in remedy.changes
            ),
        )
        for number, remedy in enumerate(found.remedies, 1)
    )


def reproduce_commands(source: str, decision: Decision, output: str | None, fmt: str) -> tuple[str, ...]:
    as_of = f" --as-of {decision.as_of.isoformat()}" if decision.as_of else ""
    report = f"paiwu report {source}{as_of}" + (f" --format {fmt}" if fmt != "html" else "")
    return (
        report + (f" -o {output}" if output else ""),
        f"paiwu check {source}{as_of} --format json",
        f"paiwu explain {source}{as_of} --all",
    )


def build_report(
    evaluator: Evaluator,
    request: BaseModel,
    source: str,
    as_of: dt.date | None = None,
    output: str | None = None,
    fmt: str = "html",
) -> Report:
    """Evaluate a request and gather everything its report shows."""
    kind: str = getattr(request, "kind")  # noqa: B009 - every request model has a kind
    schema = fact_schema(kind)
    trace = explain(evaluator, request, as_of)
    decision = trace.decision
    found = counterfactuals(evaluator, request, as_of)
    en, zh = STATUS.get(decision.status, (decision.status, decision.status))
    return Report(
        decision=decision,
        trace=trace,
        counterfactuals=found,
        source=source,
        status_en=en,
        status_zh=zh,
        goal_en="compliant" if kind in STATE_KINDS else "eligible",
        goal_zh="合规" if kind in STATE_KINDS else "可以交易",
        facts=fact_tables(request, schema),
        findings=finding_views(decision, trace, schema),
        checklist=tuple(ChecklistItem(p, describe(schema.get(p))) for p in decision.missing_facts),
        remedies=remedy_views(evaluator, found, schema),
        not_proposed=tuple(found.not_proposed.items()),
        reproduce=reproduce_commands(source, decision, output, fmt),
    )
