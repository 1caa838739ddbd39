"""`paiwu reform impact`, `paiwu reform diff` and `paiwu population generate`: for policymakers."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from paiwu.engine.impact import assess
from paiwu.facts.population import count_cases, generate, read_population

from .options import output_stream, write_output


@click.group("reform")
def reform_group() -> None:
    """Test a rule change: whose decisions change, which way, and why."""


@reform_group.command("impact")
@click.option("--reform", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=True)
@click.option("--population", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="write to a file")
@click.option("--workers", type=int, default=0, help="worker processes (default: one per core)")
def impact_command(reform: Path, population: Path, fmt: str, output: Path | None, workers: int) -> None:
    """Evaluate a population (JSON Lines or CSV) under the baseline and the reform."""
    total = count_cases(population)
    with click.progressbar(length=total, label="evaluating", file=sys.stderr) as bar:
        impact = assess(reform, read_population(population), workers, bar.update)
    data = impact.as_dict()
    if fmt == "json":
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    elif fmt == "html":
        from paiwu.policies.reforms import reform_summary
        from paiwu.reports.impact import render_impact_html

        text = render_impact_html(data, reform_summary(reform))
    else:
        text = _impact_text(data)
    if output:
        write_output(output, text)
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)


def _impact_text(data: dict[str, object]) -> str:
    lines = [
        f"reform {data['reform']}: {data['cases']} cases, {data['changed']} changed, {data['invalid']} invalid",
        "",
    ]
    lines.append(f"  {'from':<15} {'to':<15} {'cases':>8}")
    for row in data["transitions"]:  # type: ignore[attr-defined]
        mark = "" if row["from"] == row["to"] else "  ←"
        lines.append(f"  {row['from']:<15} {row['to']:<15} {row['cases']:>8}{mark}")
    lines += ["", "clauses driving the changes:"]
    for clause, count in list(data["clauses"].items())[:15]:  # type: ignore[attr-defined]
        lines.append(f"  {count:>8}  {clause}")
    lines += ["", "rules driving the changes:"]
    for rule, count in list(data["rules"].items())[:15]:  # type: ignore[attr-defined]
        lines.append(f"  {count:>8}  {rule}")
    affected = data["affected"]
    lines += ["", f"affected cases (first 10 of {len(affected)}):"]  # type: ignore[arg-type]
    for case in affected[:10]:  # type: ignore[index]
        lines.append(
            f"  {case['id'] or case['source']}: {case['from']} → {case['to']}  ({', '.join(case['rules'][:3])})"
        )
    return "\n".join(lines) + "\n"


@reform_group.command("diff")
@click.option("--reform", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=True)
@click.option("--limit", type=click.IntRange(1, 500), default=25, show_default=True, help="regions per check kind")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def diff_command(reform: Path, limit: int, fmt: str) -> None:
    """Every region of the fact space where the reform changes a decision, with a witness - or a proof of none."""
    from paiwu.engine.diff import exact_diff
    from paiwu.engine.evaluate import Evaluator, default_evaluator
    from paiwu.policies.reforms import load_reform

    baseline = default_evaluator()
    reformed = Evaluator(load_reform(reform, baseline.policy))
    kinds = exact_diff(baseline, reformed, limit)
    if fmt == "json":
        click.echo(
            json.dumps(
                [
                    {
                        "kind": k.kind,
                        "complete": k.complete,
                        "regions": [
                            {
                                "from": r.status_before,
                                "to": r.status_after,
                                "rules": r.rules,
                                "confirmed": r.confirmed,
                                "witness": r.witness,
                            }
                            for r in k.regions
                        ],
                    }
                    for k in kinds
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    total = sum(len(k.regions) for k in kinds)
    if total == 0:
        click.echo(
            f"{reformed.policy.name}: no request of any kind is decided differently (proved over the whole fact space)."
        )
        return
    for k in kinds:
        if not k.regions:
            click.echo(f"{k.kind}: no difference (proved)")
            continue
        more = "" if k.complete else f" (stopped at {limit}; more may exist: raise --limit)"
        click.echo(f"{k.kind}: {len(k.regions)} regions where the decision changes{more}")
        for r in k.regions:
            mark = "confirmed" if r.confirmed else "unconfirmed by the engine"
            click.echo(f"  {r.status_before} → {r.status_after}  [{mark}]  rules: {', '.join(r.rules)}")
            click.echo(f"    witness: {json.dumps(r.witness, ensure_ascii=False, sort_keys=True)}")


@click.group("population")
def population_group() -> None:
    """Synthetic populations to try reforms on."""


@population_group.command("generate")
@click.option("--n", "count", type=click.IntRange(1, 10_000_000), required=True)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="JSON Lines file (default stdout)"
)
def generate_command(count: int, seed: int, output: Path | None) -> None:
    """Write N plausible trades and holdings for both cities as JSON Lines (distributions in docs/reforms.md)."""
    with output_stream(output) as stream:
        for case in generate(count, seed):
            stream.write(json.dumps(case, ensure_ascii=False, separators=(",", ":")) + "\n")
