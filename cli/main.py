"""The ``paiwu`` command line: a thin shell over the engine (one function per subcommand)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from paiwu import __version__
from paiwu.engine.evaluate import Evaluator, default_evaluator
from paiwu.engine.runtime import EngineFailure
from paiwu.facts import RequestError, load_request
from paiwu.policies.model import PolicyError
from paiwu.policies.reforms import load_reform

from .coverage import coverage_command
from .log import log_group, replay_command
from .options import as_of_option
from .reform import population_group, reform_group
from .render import FORMATS, LANGS, render, render_comparison
from .report import explain, law, report
from .serve import serve

# Exit codes, documented in the README. Several requests: the most severe code wins.
EXIT_CODES = {
    "eligible": 0,
    "compliant": 0,
    "ineligible": 1,
    "non_compliant": 1,
    "needs_review": 3,
    "not_applicable": 4,
}
EXIT_BAD_INPUT = 2
EXIT_FAILURE = 5
_SEVERITY = [0, 4, 3, 1, EXIT_BAD_INPUT, EXIT_FAILURE]


def _worst(codes: list[int]) -> int:
    return max(codes, key=_SEVERITY.index, default=0)


def _read(source: str) -> str:
    if source == "-":
        return sys.stdin.read()
    path = Path(source)
    if path.is_dir():
        raise click.BadParameter(f"{source} is a folder; name the request files (e.g. {source}/*.yaml)")
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise click.BadParameter(f"{source}: no such file") from None
    except UnicodeDecodeError:
        raise RequestError(source, []) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="paiwu")
def main() -> None:
    """paiwu (排污): check emission-rights trades against the Xuzhou Measures (2015) and the Linyi Plan (2014)."""


@main.command()
@click.argument("requests", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--lang", type=click.Choice(LANGS), default="both", show_default=True, help="language of the report")
@as_of_option
@click.option("--exit-zero", is_flag=True, help="exit 0 whatever the decisions (bad input still exits 2)")
@click.option(
    "--reform",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="decide under this reform, and show how it differs from the baseline",
)
def check(
    requests: tuple[str, ...], fmt: str, lang: str, as_of: dt.date | None, exit_zero: bool, reform: Path | None
) -> None:
    """Decide whether the proposed trades in REQUESTS (YAML or JSON files, - for stdin) may go ahead.

    \b
    Exit codes: 0 eligible, 1 ineligible, 3 needs review, 4 not applicable,
    2 bad input, 5 policy or engine failure; with several requests the most severe wins.
    """
    codes: list[int] = []
    color = sys.stdout.isatty()
    try:
        evaluator = default_evaluator()
        baseline = None
        if reform is not None:
            baseline, evaluator = evaluator, Evaluator(load_reform(reform, evaluator.policy))
    except PolicyError as error:
        click.echo(f"paiwu: the policies cannot be loaded: {error}", err=True)
        sys.exit(EXIT_FAILURE)
    for index, source in enumerate(requests):
        try:
            request = load_request(_read(source), "<stdin>" if source == "-" else source)
            decision = evaluator.decide(request, as_of=as_of)
        except RequestError as error:
            problems = error.problems or []
            click.echo(f"paiwu: {source}: bad request" + ("" if problems else ": not UTF-8 text"), err=True)
            for problem in problems:
                click.echo(f"  {problem.render(error.source)}", err=True)
            codes.append(EXIT_BAD_INPUT)
            continue
        except EngineFailure as error:
            click.echo(f"paiwu: {source}: {error}", err=True)
            codes.append(EXIT_FAILURE)
            continue
        if fmt in ("text", "markdown") and index:
            click.echo("\n" + "═" * 100 + "\n")
        if baseline is not None:
            before = baseline.decide(request, as_of=as_of)
            click.echo(render_comparison(before, decision, fmt, lang, source, color), nl=False)
        else:
            click.echo(render(decision, fmt, lang, source, color), nl=False)
        codes.append(EXIT_CODES[decision.status])
    code = _worst(codes)
    sys.exit(code if not exit_zero or code in (EXIT_BAD_INPUT, EXIT_FAILURE) else 0)


@main.group()
def policies() -> None:
    """Work with the policy files."""


@policies.command("validate")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--reform", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="validate with this reform applied"
)
def validate_command(fmt: str, reform: Path | None) -> None:
    """Validate every policy file against the law corpus and the fact schema (exit 3 on errors)."""
    from paiwu.engine.validator import validate

    report = validate(reform=reform)
    if fmt == "json":
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        for problem in report.problems:
            click.echo(problem.render(), err=problem.severity == "error")
        click.echo(report.summary())
    sys.exit(3 if report.errors else 0)


main.add_command(serve)
main.add_command(log_group)
main.add_command(replay_command)

main.add_command(coverage_command)
main.add_command(reform_group)
main.add_command(population_group)
main.add_command(report)
main.add_command(explain)
main.add_command(law)

if __name__ == "__main__":  # pragma: no cover
    main()
