"""``paiwu log show|export|verify`` and ``paiwu replay``: read the decision log, check it, reproduce its decisions."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from paiwu.store import (
    DEFAULT_LOG_URL,
    LOG_URL_VARIABLE,
    ChainReport,
    DecisionLog,
    Link,
    LogEntry,
    LogUnavailable,
    ReplayError,
    ReplayReport,
    dictionary_file,
    export_entries,
    exported,
    open_log,
    parse_anchor,
    replay,
)

from .options import output_stream

EXIT_DIFFERENT = 1
EXIT_ALTERED = 1
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
@click.option(
    "--stored",
    is_flag=True,
    help="as `paiwu log export` writes it: also its place in the hash chain and the request and decision as "
    "stored; a decision that cannot be read back is shown as stored, with what is wrong (exit 1)",
)
@log_url_option
def show(decision_id: str, stored: bool, log_url: str) -> None:
    """Print one logged decision (with its request and policy version) as JSON; exit 2 if absent."""
    with _open(log_url) as log:
        try:
            found = log.chained_row(decision_id) if stored else log.get(decision_id)
        except LogUnavailable as error:
            click.echo(f"paiwu: {error}", err=True)
            sys.exit(EXIT_FAILURE)
    if found is None:
        click.echo(f"paiwu: no decision {decision_id!r} in the log", err=True)
        sys.exit(EXIT_NOT_FOUND)
    if isinstance(found, LogEntry):
        click.echo(_dumps(found.as_dict(), indent=2))
        return
    click.echo(_dumps(exported(found), indent=2))
    if found.damage is not None:
        click.echo(f"paiwu: the stored decision cannot be read back: {found.damage}", err=True)
        sys.exit(EXIT_ALTERED)


@log_group.command("export")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="write here instead of stdout")
@click.option(
    "--dictionaries",
    type=click.Path(file_okay=False, path_type=Path),
    help="also write the compression dictionaries the entries name into this folder, each as <its SHA-256>.dict: "
    "with them the decisions are read back, outside paiwu, from the bytes the hash chain covers",
)
@log_url_option
def export(output: Path | None, dictionaries: Path | None, log_url: str) -> None:
    """Write every logged decision as JSON Lines, in the order they were logged, with its place in the
    hash chain and the request and decision as stored (docs/guarantees.md: checking an export).

    An entry whose stored decision cannot be read back is exported with "decision": null and
    "damage" saying why. Exit codes: 0 exported; 1 exported, but some decisions could not be read
    back (`paiwu log verify` names every problem); 5 the log could not be read or the export written.
    """
    named: set[str] = set()
    damaged = 0
    missing: list[str] = []  # dictionaries the entries name and the log lacks
    last = "none"  # INDEX:HASH of the last entry exported
    with _open(log_url) as log, output_stream(output) as out:
        count = 0
        try:
            for record in export_entries(log):
                out.write(_dumps(record) + "\n")
                count += 1
                if record["dictionary_id"] is not None:
                    named.add(record["dictionary_id"])
                damaged += record["damage"] is not None
                last = f"{record['chain_index']}:{record['entry_hash']}"
            written, missing = _write_dictionaries(log, sorted(named), dictionaries) if dictionaries else ([], [])
        except LogUnavailable as error:
            click.echo(f"paiwu: {error} (after {count} decisions)", err=True)
            sys.exit(EXIT_FAILURE)
        except OSError as error:
            click.echo(f"paiwu: cannot write the export: {error}", err=True)
            sys.exit(EXIT_FAILURE)
    if output:
        click.echo(f"paiwu: exported {count} decisions to {output} (last entry {last})", err=True)
    if dictionaries:
        plural = "dictionary" if len(written) == 1 else "dictionaries"
        click.echo(f"paiwu: wrote {len(written)} compression {plural} to {dictionaries}", err=True)
    elif named:
        click.echo(
            "paiwu: the decisions are stored compressed; --dictionaries DIR writes the dictionaries needed "
            "to read them outside paiwu",
            err=True,
        )
    for name in missing:
        click.echo(f"paiwu: the compression dictionary {name} is not in the log", err=True)
    if damaged:
        click.echo(
            f"paiwu: {damaged} of the {count} decisions could not be read back; they are exported as stored, "
            'with "decision": null and "damage" saying why (paiwu log verify names every problem)',
            err=True,
        )
        sys.exit(EXIT_ALTERED)


def _write_dictionaries(log: DecisionLog, names: list[str], folder: Path) -> tuple[list[Path], list[str]]:
    """Each dictionary named, as stored, in ``folder``/<hex SHA-256>.dict; and the names the log lacks."""
    folder.mkdir(parents=True, exist_ok=True)
    written, missing = [], []
    for name in names:
        content = log.dictionary(name)
        if content is None:
            missing.append(name)
            continue
        path = folder / dictionary_file(name)
        path.write_bytes(content)
        written.append(path)
    return written, missing


def _anchors(_ctx: click.Context, _param: click.Parameter, values: tuple[str, ...]) -> list[Link]:
    try:
        return [parse_anchor(value) for value in values]
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


def _verdict(report: ChainReport) -> list[str]:
    head = report.last
    if report.ok:
        lines = [
            f"OK: {report.entries} decisions chained, none edited, deleted or reordered; "
            f"policy snapshots rebuilt to their versions: {report.snapshots_checked}",
            f"head: {head.index}:{head.entry_hash}",
            "  (keep the head elsewhere; `paiwu log verify --anchor` with it later detects a log rewritten since)",
        ]
    else:
        problems = [p.render() for p in report.problems] + [f"dictionary: {p}" for p in report.dictionary_problems]
        problems += [f"snapshot: {p}" for p in report.snapshot_problems]
        lines = [f"ALTERED: {problems[0]}"] + [f"  also {p}" for p in problems[1:]]
        if report.more_problems:
            lines.append(f"  and {report.more_problems} more problems")
        lines.append(f"({report.entries} decisions read)")
    if report.upgrade and report.upgrade.through_index:
        lines.append(
            f"note: entries #1–#{report.upgrade.through_index} were logged before the log was chained; they were "
            f"chained when it was upgraded ({report.upgrade.at}) and are attested from then on"
        )
    return lines


@log_group.command("verify")
@click.option(
    "--anchor",
    "anchors",
    multiple=True,
    callback=_anchors,
    metavar="INDEX:HASH",
    help="a head printed by an earlier verify: check that entry INDEX still has that hash (repeatable)",
)
@click.option("--skip-snapshots", is_flag=True, help="do not rebuild the stored policy snapshots")
@log_url_option
def verify(anchors: list[Link], skip_snapshots: bool, log_url: str) -> None:
    """Check the decision log's hash chain and policy snapshots.

    \b
    Exit codes: 0 intact; 1 altered, naming the first edited, deleted or
    reordered entry; 5 the log cannot be read.
    """
    with _open(log_url) as log:
        try:
            report = log.verify(anchors, snapshots=not skip_snapshots)
        except LogUnavailable as error:
            click.echo(f"paiwu: {error}", err=True)
            sys.exit(EXIT_FAILURE)
    click.echo("\n".join(_verdict(report)))
    sys.exit(0 if report.ok else EXIT_ALTERED)


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
