"""The legal reviewer's commands: ``paiwu report``, ``paiwu explain`` and ``paiwu law``.

Registered on the main group in ``cli.main``. Like ``paiwu check``, a bad request exits 2 and a
policy or engine failure exits 5; otherwise these commands exit 0 whatever the decision, since
what they produce is a document, not a verdict for a script.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import NoReturn

import click
from pydantic import BaseModel

from paiwu.engine.counterfactual import counterfactuals
from paiwu.engine.evaluate import Evaluator, default_evaluator
from paiwu.engine.explain import explain as explain_request
from paiwu.engine.runtime import EngineFailure
from paiwu.facts import RequestError, load_request
from paiwu.policies.model import PolicyError
from paiwu.reports.context import build_report
from paiwu.reports.law import LawIndex, law_index
from paiwu.reports.render import FORMATS, cjk_font_installed, render, render_law_html
from paiwu.reports.scenarios import default_features_dir
from paiwu.reports.terminal import render_explain, render_law_list, render_law_show

from .options import as_of_option, write_output

EXIT_BAD_INPUT = 2  # as `paiwu check`
EXIT_FAILURE = 5
_SUFFIXES = {".pdf": "pdf", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}


def _fail(message: str, code: int) -> NoReturn:
    click.echo(f"paiwu: {message}", err=True)
    sys.exit(code)


def _evaluator() -> Evaluator:
    try:
        return default_evaluator()
    except PolicyError as error:
        _fail(f"the policies cannot be loaded: {error}", EXIT_FAILURE)


def _request(source: str) -> BaseModel:
    """Read and validate one request file (- for stdin); exit 2 naming every problem."""
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except (FileNotFoundError, IsADirectoryError):
        _fail(f"{source}: no such request file", EXIT_BAD_INPUT)
    except UnicodeDecodeError:
        _fail(f"{source}: bad request: not UTF-8 text", EXIT_BAD_INPUT)
    try:
        return load_request(text, "<stdin>" if source == "-" else source)
    except RequestError as error:
        details = "".join(f"\n  {p.render(error.source)}" for p in error.problems)
        _fail(f"{source}: bad request{details}", EXIT_BAD_INPUT)


@click.command()
@click.argument("request")
@click.option("-o", "--output", help="file to write (default: standard output; required for PDF)")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    help="html (self-contained), markdown or pdf; default: from the output's suffix, else html",
)
@as_of_option
def report(request: str, output: str | None, fmt: str | None, as_of: dt.date | None) -> None:
    """Write the legal reviewer's report on REQUEST: the decision, each finding with its clause in
    Chinese and English, the facts to request, and what would make the trade eligible."""
    if fmt is None:
        fmt = _SUFFIXES.get(Path(output).suffix.lower(), "html") if output else "html"
    if fmt == "pdf" and output in (None, "-"):
        raise click.UsageError("a PDF report needs a file: -o report.pdf")
    evaluator = _evaluator()
    parsed = _request(request)
    if fmt == "pdf" and not cjk_font_installed():
        click.echo("paiwu: warning: no Chinese font found (install fonts-noto-cjk); Chinese may not show", err=True)
    try:
        built = build_report(evaluator, parsed, request, as_of, output, fmt)
    except EngineFailure as error:
        _fail(f"{request}: {error}", EXIT_FAILURE)
    document = render(built, fmt)
    if output in (None, "-"):
        click.echo(document, nl=False)
        return
    assert output is not None
    write_output(output, document)
    click.echo(f"{output}: {fmt} report, {built.decision.status.replace('_', ' ')}", err=True)


@click.command()
@click.argument("request")
@click.option("--all", "show_all", is_flag=True, help="every rule of the check, not only those that decided")
@as_of_option
@click.option("--no-counterfactuals", is_flag=True, help="skip what would make it eligible")
def explain(request: str, show_all: bool, as_of: dt.date | None, no_counterfactuals: bool) -> None:
    """Show how REQUEST was decided: the rules evaluated in legal order, the facts each read and
    whether it held, failed, was undetermined or overridden; then what would make it eligible."""
    evaluator = _evaluator()
    parsed = _request(request)
    try:
        trace = explain_request(evaluator, parsed, as_of)
        found = None if no_counterfactuals else counterfactuals(evaluator, parsed, as_of)
    except EngineFailure as error:
        _fail(f"{request}: {error}", EXIT_FAILURE)
    click.echo(render_explain(trace, found, request, show_all, sys.stdout.isatty()), nl=False)


def _index(features: str | None) -> LawIndex:
    evaluator = _evaluator()
    folder = Path(features) if features else default_features_dir()
    return law_index(evaluator.policy, evaluator.corpus, folder)


_FEATURES = click.option(
    "--features", type=click.Path(file_okay=False), help="folder of feature files (default: ./features)"
)


@click.group()
def law() -> None:
    """Browse both instruments clause by clause, with the rules and scenarios that encode them."""


@law.command("list")
@click.option("--instrument", help="only this instrument (xuzhou-2015, linyi-2014)")
@_FEATURES
def law_list(instrument: str | None, features: str | None) -> None:
    """Every clause: its id, role, how many rules and scenarios encode it, and its title."""
    index = _index(features)
    known = [v.instrument.id for v in index.instruments]
    if instrument and instrument not in known:
        raise click.BadParameter(f"unknown instrument {instrument!r}; expected one of {', '.join(known)}")
    click.echo(render_law_list(index, instrument), nl=False)


@law.command("show")
@click.argument("clause_id")
@_FEATURES
def law_show(clause_id: str, features: str | None) -> None:
    """CLAUSE_ID in Chinese and English, its role, and the rules and scenarios that implement it."""
    index = _index(features)
    if clause_id not in index.entries:
        close = index.suggest(clause_id)
        hint = f"; did you mean {' or '.join(close)}?" if close else "; `paiwu law list` shows every clause id"
        _fail(f"no clause {clause_id!r}{hint}", EXIT_BAD_INPUT)
    click.echo(render_law_show(index, index.entry(clause_id), sys.stdout.isatty()), nl=False)


@law.command("render")
@click.option("-o", "--output", required=True, help="the HTML file to write")
@_FEATURES
def law_render(output: str, features: str | None) -> None:
    """Write both instruments as one HTML page: the law on the left, its encoding on the right."""
    index = _index(features)
    write_output(output, render_law_html(index, _evaluator().version))
    click.echo(
        f"{output}: the law and its encoding, {sum(len(v.entries) for v in index.instruments)} clauses", err=True
    )
