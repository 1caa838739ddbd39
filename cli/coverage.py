"""`paiwu coverage`: the clause → rules → scenarios matrix, failing on any operative clause left bare."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from paiwu.engine.coverage import clause_coverage


@click.command("coverage")
@click.option("--features", "features", type=click.Path(path_type=Path), default=Path("features"), show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--gaps-only", is_flag=True, help="list only the operative clauses without a rule or scenario")
def coverage_command(features: Path, fmt: str, gaps_only: bool) -> None:
    """Show which rules decide and which scenarios test each clause (exit 1 on an operative gap)."""
    if not features.is_dir():
        raise click.BadParameter(f"{features} is not a folder of .feature files", param_hint="--features")
    rows = clause_coverage(features)
    gaps = [r for r in rows if r.gap]
    if fmt == "json":
        click.echo(
            json.dumps(
                [
                    {"clause": r.clause_id, "role": r.role, "rules": r.rules, "scenarios": r.scenarios, "gap": r.gap}
                    for r in rows
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        current = ""
        for row in rows:
            instrument = row.clause_id.split("/", 1)[0]
            if instrument != current:
                current = instrument
                click.echo(f"\n{instrument}")
                click.echo(f"  {'clause':<36} {'role':<15} {'rules':>5} {'scenarios':>9}")
            if gaps_only and not row.gap:
                continue
            mark = f"  ✗ {row.gap}" if row.gap else ""
            click.echo(f"  {row.clause_id:<36} {row.role:<15} {len(row.rules):>5} {len(row.scenarios):>9}{mark}")
        click.echo("")
        for instrument in sorted({r.clause_id.split("/", 1)[0] for r in rows}):
            mine = [r for r in rows if r.clause_id.startswith(instrument + "/")]
            operative = [r for r in mine if r.role == "operative"]
            ruled = [r for r in operative if r.rules]
            tested = [r for r in operative if r.rules and r.scenarios]
            presented = [r for r in mine if r.role != "operative" and r.scenarios]
            click.echo(
                f"{instrument}: {len(mine)} clauses; operative {len(operative)}: {len(ruled)} with rules, "
                f"{len(tested)} with rules and scenarios; non-operative {len(mine) - len(operative)}: "
                f"{len(presented)} with a scenario"
            )
        click.echo(f"gaps: {len(gaps)}")
    sys.exit(1 if gaps else 0)
