"""Errors as RFC 9457 problem details (application/problem+json), on every error path.

Each problem type is a URN documented in docs/api.md; ``errors`` names each offending field and
the reason. Tracebacks are logged on the server, never sent: an unexpected exception becomes a 500
problem that says only that the failure has been logged.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Literal

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import BaseRoute, Match, Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from paiwu.facts import FieldProblem

PROBLEM_JSON = "application/problem+json"
logger = logging.getLogger("paiwu.api")

Location = Literal["body", "query", "header", "path"]


class FieldError(BaseModel):
    field: str = Field(description="the dotted path of the field ('' for the document itself)")
    reason: str
    location: Location = "body"


class Problem(BaseModel):
    """RFC 9457 problem details."""

    type: str = Field(description="a URN naming the kind of problem, e.g. urn:paiwu:problem:invalid-request")
    title: str
    status: int
    detail: str
    errors: list[FieldError] = []


# slug -> title; the slugs are part of the API (docs/api.md lists them)
TITLES = {
    "malformed-json": "The body is not well-formed JSON",
    "unsupported-media-type": "The body must be application/json",
    "body-too-large": "The body is too large",
    "invalid-request": "The request is not valid",
    "unknown-kind": "No such check kind",
    "invalid-reform": "The reform cannot be applied",
    "not-found": "Not found",
    "method-not-allowed": "Method not allowed",
    "idempotency-conflict": "The idempotency key was used for a different request",
    "log-unavailable": "The decision log is unavailable",
    "not-ready": "The service is not ready",
    "engine-failure": "The rules engine failed",
    "internal-error": "Internal error",
    "http-error": "HTTP error",
}


class ProblemError(Exception):
    """Raise anywhere in the API to answer with a problem."""

    def __init__(
        self,
        status: int,
        slug: str,
        detail: str,
        errors: Sequence[FieldError] = (),
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.problem = Problem(
            type=f"urn:paiwu:problem:{slug}", title=TITLES[slug], status=status, detail=detail, errors=list(errors)
        )
        self.headers = headers or {}


def field_errors(problems: Sequence[FieldProblem]) -> list[FieldError]:
    return [FieldError(field=p.field, reason=p.message) for p in problems]


def problem_response(error: ProblemError) -> JSONResponse:
    return JSONResponse(
        error.problem.model_dump(mode="json"),
        status_code=error.problem.status,
        media_type=PROBLEM_JSON,
        headers=error.headers,
    )


async def _on_problem(_request: Request, error: Exception) -> Response:
    assert isinstance(error, ProblemError)
    return problem_response(error)


_HTTP_SLUGS = {404: "not-found", 405: "method-not-allowed", 413: "body-too-large", 415: "unsupported-media-type"}


def _http_handler(routes: Sequence[BaseRoute]) -> Callable[[Request, Exception], Awaitable[Response]]:
    def allowed(request: Request) -> list[str]:
        """Every method some route offers at this path (Starlette names only the first route's)."""
        methods: set[str] = set()
        for route in routes:
            if isinstance(route, Route) and route.methods and route.matches(request.scope)[0] != Match.NONE:
                methods |= route.methods
        return sorted(methods)

    async def on_http(request: Request, error: Exception) -> Response:
        assert isinstance(error, StarletteHTTPException)
        slug = _HTTP_SLUGS.get(error.status_code, "http-error")
        detail = str(error.detail)
        headers = dict(error.headers or {})
        if error.status_code == 404:
            detail = f"there is no resource at {request.url.path}; see /docs"
        elif error.status_code == 405:
            detail = f"{request.method} is not allowed on {request.url.path}"
            headers["Allow"] = ", ".join(allowed(request)) or headers.get("Allow", "")
        return problem_response(ProblemError(error.status_code, slug, detail, headers=headers))

    return on_http


def _location(loc: Sequence[Any]) -> tuple[Location, str]:
    where = str(loc[0]) if loc else "body"
    rest = ".".join(str(p) for p in loc[1:])
    if where in ("query", "header", "path"):
        return where, rest  # type: ignore[return-value]
    return "body", rest


async def _on_validation(_request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    errors = []
    for item in error.errors():
        location, name = _location(item.get("loc", ()))
        errors.append(FieldError(field=name, reason=str(item.get("msg", "invalid")), location=location))
    detail = "; ".join(f"{e.field}: {e.reason}" for e in errors) or "the request is not valid"
    return problem_response(ProblemError(422, "invalid-request", detail, errors))


class CatchAllMiddleware:
    """The last line: any exception not turned into a problem is logged and answered as a 500 problem."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception:
            logger.exception("unexpected failure answering %s %s", scope.get("method"), scope.get("path"))
            if started:  # too late for a problem document; the server closes the connection
                raise
            error = ProblemError(500, "internal-error", "an unexpected failure occurred and has been logged")
            await problem_response(error)(scope, receive, send)


def install(app: FastAPI, routes: Sequence[BaseRoute]) -> None:
    """Answer every error as a problem; ``routes`` are the API's own, to name the methods of a 405."""
    app.add_exception_handler(ProblemError, _on_problem)
    app.add_exception_handler(StarletteHTTPException, _http_handler(routes))
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_middleware(CatchAllMiddleware)
