"""Plain-text views for the terminal: the evaluation trace (``paiwu explain``) and the law browser
(``paiwu law list`` / ``paiwu law show``). Colour only when asked for (a terminal)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import click

from paiwu.engine.counterfactual import Counterfactuals
from paiwu.engine.explain import NOT_IN_FORCE, RuleTrace, Trace
from paiwu.facts import STATE_KINDS, FactSpec, fact_schema

from .context import STATUS, outline
from .law import ClauseEntry, LawIndex
from .words import change_words, requirement_words, show

RESULTS: dict[str, tuple[str, str, str]] = {  # result -> (mark, words, colour)
    "holds": ("✔", "holds", "red"),
    "fails": ("✘", "fails", "green"),
    "unknown": ("?", "undetermined", "yellow"),
    "overridden": ("↷", "overridden", "cyan"),
    NOT_IN_FORCE: ("–", "not in force", "bright_black"),
}
_MARKS = {True: "✓", False: "✗", None: "?"}

Style = Callable[..., str]


def _styler(color: bool) -> Style:
    def style(text: str, **kwargs: Any) -> str:
        return click.style(text, **kwargs) if color else text

    return style


def _rule_block(item: RuleTrace, schema: Mapping[str, FactSpec], style: Style, detailed: bool) -> list[str]:
    mark, words, colour = RESULTS.get(item.result, ("·", item.result, "white"))
    rule = item.rule
    head = f"{style(mark + ' ' + words.ljust(12), fg=colour, bold=True)} {rule.id}  → {rule.outcome.replace('_', ' ')}"
    lines = [head + (style("  [decided]", bold=True) if item.decided else "")]
    if item.overridden_by:
        lines.append(f"{'':15}set aside by the exception {item.overridden_by}")
    if item.blocked_by:
        lines.append(f"{'':15}its exception {item.blocked_by} cannot be decided")
    if detailed:
        for line in outline(item.tree, item.facts, schema):
            read = f"   [{line.read}]" if line.read else ""
            lines.append(f"{'':15}{'  ' * line.depth}{_MARKS[line.truth]} {line.text}{read}")
    else:
        facts = [f"{p} = {show(v)}" for p, v in item.facts.items()] + [f"{p} = (not stated)" for p in item.missing]
        lines.append(f"{'':15}reads: {'; '.join(facts) if facts else 'nothing'}")
    return lines


def render_explain(trace: Trace, found: Counterfactuals | None, source: str, show_all: bool, color: bool) -> str:
    style = _styler(color)
    d = trace.decision
    schema = fact_schema(d.kind)
    en, zh = STATUS.get(d.status, (d.status, d.status))
    ident = f"  [{d.request_id}]" if d.request_id else ""
    out = [
        f"paiwu explain · {source}{ident}",
        f"Decision: {style(en.upper() + ' · ' + zh, bold=True)}    as of {d.as_of or 'unknown'}    policy {d.policy_version}",
    ]
    out += [f"  {i.title.en}: {i.status.replace('_', ' ')}" for i in d.instruments]
    evaluated = [r for r in trace.rules if r.result != NOT_IN_FORCE]
    if show_all:
        out.append(
            f"\nEvery rule of this check, in legal order ({len(evaluated)} evaluated, {len(trace.rules)} in all):"
        )
        instrument = None
        for item in trace.rules:
            if item.rule.instrument != instrument:
                instrument = item.rule.instrument
                out.append(f"\n{style(instrument, underline=True)}")
            out += _rule_block(item, schema, style, detailed=item.decided)
    else:
        decisive = trace.decisive()
        out.append(f"\nRules that decided ({len(decisive)} of {len(evaluated)} evaluated; --all shows every rule):")
        if not decisive:
            out.append("  none: no rule is met or undetermined, so nothing stands in the way.")
        for item in decisive:
            out.append("")
            out += _rule_block(item, schema, style, detailed=True)
    if found is not None and d.status not in ("eligible", "compliant"):
        goal = "compliant" if d.kind in STATE_KINDS else "eligible"
        out.append(f"\nWhat would make it {goal} ({len(found.remedies)} smallest sets, each re-evaluated):")
        for number, remedy in enumerate(found.remedies, 1):
            for index, change in enumerate(remedy.changes):
                lead = f"{number:>3}. " if index == 0 else "     "
                out.append(f"{lead}{requirement_words(change, schema)}   ({change_words(change)})")
        if not found.remedies:
            out.append("  none that paiwu may propose:")
            out += [f"    {path}: {reason}" for path, reason in found.not_proposed.items()]
    return "\n".join(out) + "\n"


def render_law_list(index: LawIndex, instrument: str | None = None) -> str:
    out: list[str] = []
    for view in index.instruments:
        if instrument and view.instrument.id != instrument:
            continue
        out.append(f"{view.instrument.meta.cite_en} · {view.instrument.meta.cite_zh}")
        for e in view.entries:
            if not e.clause.is_clause:
                continue
            counts = f"{len(e.rules):>2} rules {len(e.scenarios):>2} scen."
            out.append(f"  {e.id:<34} {e.clause.role:<14} {counts}  {e.coverage:<22} {e.clause.title_en}")
        out.append("")
    return "\n".join(out)


def render_law_show(index: LawIndex, entry: ClauseEntry, color: bool = False) -> str:
    style = _styler(color)
    c = entry.clause
    out = [
        style(f"{entry.id} · {c.role}", bold=True),
        f"{entry.cite_zh}",
        f"{entry.cite_en}",
        f"{c.title_zh} · {c.title_en}",
        "",
        f"  {c.zh}",
        f"  {c.en}",
    ]
    if c.parent:
        parent = index.entry(c.parent).clause
        out.append(f"\nPart of {parent.id}: {parent.zh}")
    if c.children:
        out.append(f"\nParts: {', '.join(c.children)}")
    if c.reason:
        out.append(f"\nRole {c.role}: {c.reason}")
    if entry.unencoded:
        out.append(f"\nNot encoded ({entry.unencoded.status.replace('_', ' ')}): {entry.unencoded.reason}")
    rules = index.rules_under(entry.id)
    out.append(f"\nRules ({len(rules)}):" if rules else f"\nRules: none ({entry.coverage})")
    for cited, view in rules:
        r = view.rule
        where = "" if cited == entry.id else f"  (cites {cited})"
        out.append(
            f"  {style(r.id, bold=True)} → {r.outcome.replace('_', ' ')} [{', '.join(r.kinds)}] {view.effective}{where}"
        )
        out.append(f"    when {view.condition}")
        out += [f"    parameter {line}" for line in view.parameters]
        out.append(f"    {r.message_zh}")
        out.append(f"    {r.message_en}")
        if r.interpretation_en:
            out.append(f"    interpretation: {r.interpretation_en}")
    scenarios = index.scenarios_under(entry.id)
    if index.features is None:
        out.append("\nScenarios: no feature files found (run from a checkout, or pass --features DIR)")
    else:
        out.append(f"\nScenarios ({len(scenarios)}):" if scenarios else "\nScenarios: none mention it")
        out += [f"  {s.where}  {s.name}" for s in scenarios]
    return "\n".join(out) + "\n"
