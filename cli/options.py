"""Options shared by several commands."""

from __future__ import annotations

import datetime as dt

import click


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
