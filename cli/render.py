"""Format decisions for people (text, Markdown) and programs (JSON). No legal logic here."""

from __future__ import annotations

import json
import textwrap
from functools import cache

import click
import jinja2

from paiwu.engine.decision import Decision
from paiwu.engine.impact import compare_decisions
from paiwu.facts import fact_schema
from paiwu.facts.schema import describe

FORMATS = ("text", "json", "markdown", "summary")
LANGS = ("both", "en", "zh")


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("paiwu.cli", "templates"),
        autoescape=False,  # plain text and Markdown, never HTML
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["wrap"] = lambda text, width, joiner: joiner.join(
        textwrap.wrap(str(text), width, break_long_words=True, break_on_hyphens=False) or [""]
    )
    return env


def reproduce_command(source: str, decision: Decision) -> str:
    as_of = f" --as-of {decision.as_of.isoformat()}" if decision.as_of else ""
    return f"paiwu check {source}{as_of} --format json  # expect policy {decision.policy_version}"


def render(decision: Decision, fmt: str, lang: str, source: str, color: bool = False) -> str:
    if fmt == "json":
        return decision.canonical_json() + "\n"
    if fmt == "summary":
        return summary_line(decision, source, color) + "\n"
    template = "decision.txt.j2" if fmt == "text" else "decision.md.j2"
    return (
        _environment()
        .get_template(template)
        .render(
            d=decision,
            lang=lang,
            source=source,
            reproduce=reproduce_command(source, decision),
            describe=lambda path: describe(fact_schema(decision.kind).get(path)),
            bold=lambda s: click.style(s, bold=True) if color else s,
        )
    )


_STATUS_COLOURS = {
    "eligible": "green",
    "compliant": "green",
    "ineligible": "red",
    "non_compliant": "red",
    "needs_review": "yellow",
    "not_applicable": "cyan",
}


def summary_line(decision: Decision, source: str, color: bool = False) -> str:
    status = decision.status.replace("_", " ")
    shown = click.style(f"{status:<14}", fg=_STATUS_COLOURS[decision.status], bold=True) if color else f"{status:<14}"
    clauses = list(dict.fromkeys(f.rule_id.split("#")[0] for f in decision.findings))
    rules = ", ".join(clauses[:4])
    more = f" +{len(clauses) - 4}" if len(clauses) > 4 else ""
    return f"{shown} {source}" + (f"  ({rules}{more})" if rules else "")


def render_comparison(before: Decision, after: Decision, fmt: str, lang: str, source: str, color: bool) -> str:
    """The reform's decision, preceded by what changed against the baseline."""
    comparison = compare_decisions(before, after)
    if fmt == "json":
        return (
            json.dumps(
                {
                    "baseline": json.loads(before.canonical_json()),
                    "reform": json.loads(after.canonical_json()),
                    "changed": comparison.status_before != comparison.status_after,
                    "findings_added": comparison.findings_added,
                    "findings_removed": comparison.findings_removed,
                },
                ensure_ascii=False,
                indent=2,
            )
            + "\n"
        )
    if fmt == "summary":
        arrow = f"{before.status} → {after.status}"
        return (
            f"{arrow:<30} {source}  (+{len(comparison.findings_added)} −{len(comparison.findings_removed)} findings)\n"
        )
    head = [
        f"Reform vs baseline: {before.status} → {after.status}",
        *(f"  + {rule}" for rule in comparison.findings_added),
        *(f"  − {rule}" for rule in comparison.findings_removed),
        "",
    ]
    return "\n".join(head) + render(after, fmt, lang, source, color)
