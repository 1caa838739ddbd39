"""Options shared by several commands."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

import click

EXIT_BAD_INPUT = 2  # as `paiwu check` exits on a request it cannot read


class CannotWrite(click.ClickException):
    """An output file that cannot be written (a missing folder, no permission): said, not a traceback."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, path: Path | str, error: OSError) -> None:
        super().__init__(f"cannot write {path}: {error.strerror or error}")


def write_output(path: Path | str, content: str | bytes) -> None:
    """Write a whole output file (text as UTF-8)."""
    try:
        if isinstance(content, bytes):
            Path(path).write_bytes(content)
        else:
            Path(path).write_text(content, encoding="utf-8")
    except OSError as error:
        raise CannotWrite(path, error) from None


@contextmanager
def output_stream(path: Path | None) -> Iterator[TextIO]:
    """The file to write lines to, or standard output without one; closed after."""
    if path is None:
        yield sys.stdout
        return
    try:
        stream = path.open("w", encoding="utf-8")
    except OSError as error:
        raise CannotWrite(path, error) from None
    with stream:
        yield stream


def parse_as_of(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


as_of_option = click.option(
    "--as-of", callback=parse_as_of, help="evaluate as of this date instead of the request's date (YYYY-MM-DD)"
)
