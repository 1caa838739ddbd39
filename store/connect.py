"""Open the decision log named by a URL: a SQLite file by default, PostgreSQL for replicas."""

from __future__ import annotations

from pathlib import Path

from .log import DecisionLog, LogUnavailable

DEFAULT_LOG_URL = "sqlite:///paiwu-decisions.sqlite3"  # in the working directory
LOG_URL_VARIABLE = "PAIWU_LOG_URL"  # read by paiwu serve, log and replay
POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (sqlite:///relative.db, sqlite:////absolute.db, or a bare path)."""
    if url.startswith(POSTGRES_SCHEMES):
        return None
    if url.startswith("sqlite:///"):
        return Path(url.removeprefix("sqlite:///"))
    if "://" in url or not url.strip():
        raise LogUnavailable(f"unsupported decision-log URL {url!r}: use sqlite:///FILE or postgresql://…")
    return Path(url)


def open_log(url: str = DEFAULT_LOG_URL, create: bool = True) -> DecisionLog:
    """Open (and, if ``create``, set up) the log; raises LogUnavailable with a readable reason."""
    path = sqlite_path(url)
    if path is None:
        from .postgres import PostgresLog  # psycopg is loaded only by those who use it

        return PostgresLog(url)
    from .sqlite import SqliteLog

    return SqliteLog(path, create=create)


def describe(url: str) -> str:
    """The URL fit for a message or a log line (no password)."""
    path = sqlite_path(url)
    if path is None:
        from .postgres import redact

        return redact(url)
    return f"sqlite:///{path}"
