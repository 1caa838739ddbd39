"""``paiwu log show|export`` and ``paiwu replay``: read the decision log and reproduce its decisions."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO, TypeVar

import click

from paiwu.store import (
    DEFAULT_LOG_URL,
    LOG_URL_VARIABLE,
    DecisionLog,
    LogUnavailable,
    ReplayError,
    ReplayReport,
    open_log,
    replay,
)

EXIT_DIFFERENT = 1
EXIT_NOT_FOUND = 2
EXIT_FAILURE = 5
F = TypeVar("F", bound=Callable[..., Any])


def log_url_option(command: F) -> F:
    return click.option(
        "--log-url",
        envvar=LOG_URL_VARIABLE,
        default=DEFAULT_LOG_URL,
        show_default=True,
        help=f"the decision log: sqlite:///FILE or postgresql://… (env {LOG_URL_VARIABLE})",
    )(command)


def _open(url: str) -> DecisionLog:
    try:
        return open_log(url, create=False)  # reading never creates an empty log by mistake
    except LogUnavailable as error:
        click.echo(f"paiwu: {error}", err=True)
        sys.exit(EXIT_FAILURE)


def _dumps(value: Any, indent: int | None = None) -> str:
    return json.dumps(value, ensure_ascii=False, indent=indent, separators=None if indent else (",", ":"))


@click.group("log")
def log_group() -> None:
    """Read the decision log that `paiwu serve` writes."""


@log_group.command("show")
@click.argument("decision_id")
@log_url_option
def show(decision_id: str, log_url: str) -> None:
    """Print one logged decision (with its request and policy version) as JSON; exit 2 if absent."""
    with _open(log_url) as log:
        try:
            entry = log.get(decision_id)
        except LogUnavailable as error:
            click.echo(f"paiwu: {error}", err=True)
            sys.exit(EXIT_FAILURE)
    if entry is None:
        click.echo(f"paiwu: no decision {decision_id!r} in the log", err=True)
        sys.exit(EXIT_NOT_FOUND)
    click.echo(_dumps(entry.as_dict(), indent=2))


@log_group.command("export")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="write here instead of stdout")
@log_url_option
def export(output: Path | None, log_url: str) -> None:
    """Write every logged decision as JSON Lines, in the order they were logged."""
    with _open(log_url) as log:
        out: TextIO = output.open("w", encoding="utf-8") if output else sys.stdout
        count = 0
        try:
            for entry in log.entries():
                out.write(_dumps(entry.as_dict()) + "\n")
                count += 1
        except LogUnavailable as error:
            click.echo(f"paiwu: {error} (after {count} decisions)", err=True)
            sys.exit(EXIT_FAILURE)
        finally:
            if output:
                out.close()
    if output:
        click.echo(f"paiwu: exported {count} decisions to {output}", err=True)


def _describe(report: ReplayReport) -> str:
    entry, diff = report.entry, report.diff
    if report.current:
        under = "today's policies"
    elif report.from_snapshot:
        under = "the logged version, rebuilt from the log's snapshot"
    else:
        under = "the logged version, which today's policies are"
    lines = [
        f"decision {entry.decision_id} ({entry.kind}, logged {entry.logged_at})",
        f"logged under   {entry.policy_version}",
        f"replayed under {report.replayed_under} ({under})",
    ]
    if report.identical:
        lines.append(f"identical: the replay gives the same decision ({report.logged['status']})")
        return "\n".join(lines)
    lines.append("DIFFERENT:")
    if diff.status:
        lines.append(f"  status: {diff.status[0]} -> {diff.status[1]}")
    lines += [f"  instrument {i}: {before} -> {after}" for i, before, after in diff.instruments]
    lines += [f"  finding added:   {r}" for r in diff.findings_added]
    lines += [f"  finding removed: {r}" for r in diff.findings_removed]
    lines += [f"  finding changed: {r}" for r in diff.findings_changed]
    lines += [f"  fact now needed:     {p}" for p in diff.missing_facts_added]
    lines += [f"  fact no longer needed: {p}" for p in diff.missing_facts_removed]
    if diff.other_fields:
        lines.append(f"  also changed: {', '.join(diff.other_fields)}")
    return "\n".join(lines)


@click.command("replay")
@click.argument("decision_id")
@click.option("--current", is_flag=True, help="replay under today's policies instead of the logged version")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@log_url_option
def replay_command(decision_id: str, current: bool, fmt: str, log_url: str) -> None:
    """Re-evaluate a logged decision and say whether the result is identical.

    \b
    Exit codes: 0 identical, 1 different, 2 no such decision,
    5 cannot replay (no snapshot of its policy version, the log unavailable).
    """
    with _open(log_url) as log:
        try:
            entry = log.get(decision_id)
            if entry is None:
                click.echo(f"paiwu: no decision {decision_id!r} in the log", err=True)
                sys.exit(EXIT_NOT_FOUND)
            report = replay(entry, log, current=current)
        except (LogUnavailable, ReplayError) as error:
            click.echo(f"paiwu: cannot replay {decision_id}: {error}", err=True)
            sys.exit(EXIT_FAILURE)
    click.echo(_dumps(report.as_dict(), indent=2) if fmt == "json" else _describe(report))
    sys.exit(0 if report.identical else EXIT_DIFFERENT)
