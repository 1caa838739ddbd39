"""``paiwu serve``: the HTTP API on uvicorn."""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from paiwu.engine.evaluate import default_evaluator
from paiwu.policies.model import PolicyError
from paiwu.store import DEFAULT_LOG_URL, LOG_URL_VARIABLE, LogUnavailable, SnapshotError, describe, open_log

from .supervise import Supervisor, reuse_port_supported

EXIT_FAILURE = 5


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="address to listen on (0.0.0.0 for all)")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="worker processes")
@click.option(
    "--log-url",
    envvar=LOG_URL_VARIABLE,
    default=DEFAULT_LOG_URL,
    show_default=True,
    help=f"the decision log: sqlite:///FILE, or postgresql://… for several replicas (env {LOG_URL_VARIABLE})",
)
@click.option("--access-log/--no-access-log", default=True, show_default=True)
def serve(host: str, port: int, workers: int, log_url: str, access_log: bool) -> None:
    """Serve the HTTP API (OpenAPI at /openapi.json, interactive docs at /docs).

    Every decision is written to the decision log before it is answered.
    """
    import uvicorn  # the web stack is loaded only by the command that serves

    from paiwu.api.app import ApiSettings, prepare

    # Load the policies and open the log once here, so that a broken policy file or an unreachable
    # database is one clear line and exit 5, not a traceback from every worker.
    try:
        with open_log(log_url) as log:
            prepare(ApiSettings(log_url=log_url), default_evaluator(), log)
    except (LogUnavailable, SnapshotError, PolicyError) as error:
        click.echo(f"paiwu serve: {error}", err=True)
        sys.exit(EXIT_FAILURE)
    click.echo(f"paiwu serve: decision log {describe(log_url)}", err=True)
    os.environ[LOG_URL_VARIABLE] = log_url  # the workers build their apps from the environment
    options: dict[str, Any] = {
        "app": "paiwu.api.app:app_from_environment",
        "factory": True,
        "host": host,
        "port": port,
        "access_log": access_log,
        "log_level": "info",
        # uvloop sets TCP_NODELAY on every connection; asyncio's own loop does not on a socket
        # made for it, and Nagle's algorithm then holds each answer ~40 ms.
        "loop": "uvloop" if _has("uvloop") else "asyncio",
        "http": "httptools" if _has("httptools") else "h11",
    }
    if workers > 1 and reuse_port_supported():
        sys.exit(Supervisor(options, host, port, workers).run(lambda line: click.echo(line, err=True)))
    uvicorn.run(**options, workers=workers)


def _has(module: str) -> bool:
    from importlib.util import find_spec

    return find_spec(module) is not None
