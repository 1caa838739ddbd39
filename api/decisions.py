"""Decision routes: one POST per check kind (from REQUEST_MODELS), a batch, and the logged decision."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from pydantic import StringConstraints, TypeAdapter, ValidationError

from paiwu.facts import REQUEST_MODELS

from .body import read_json
from .openapi import batch_body, problem_responses, request_body
from .problems import FieldError, ProblemError
from .schemas import BatchResponse, LoggedDecision, logged_decision_json
from .service import Answer, DecisionService

AS_OF_DESCRIPTION = "evaluate as of this date (YYYY-MM-DD) instead of the request's as_of or trade date"
KEY_DESCRIPTION = (
    "a key of your choosing (printable ASCII, no spaces): sent again, it returns the decision logged under it "
    "instead of deciding twice; with a different request it is refused (409)"
)
KEY_PATTERN = r"^[\x21-\x7e]+$"
_KEY = TypeAdapter(Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=KEY_PATTERN)])

# The decision routes read their query and header themselves (see DirectRoutes): documented here.
DECISION_PARAMETERS = [
    {
        "name": "as_of",
        "in": "query",
        "required": False,
        "description": AS_OF_DESCRIPTION,
        "schema": {"anyOf": [{"type": "string", "format": "date"}, {"type": "null"}], "title": "As Of"},
    },
    {
        "name": "Idempotency-Key",
        "in": "header",
        "required": False,
        "description": KEY_DESCRIPTION,
        "schema": {
            "anyOf": [{"type": "string", "maxLength": 200, "minLength": 1, "pattern": KEY_PATTERN}, {"type": "null"}],
            "title": "Idempotency-Key",
        },
    },
]


def parse_as_of(as_of: str | None) -> dt.date | None:
    """An ISO date only: FastAPI's own date parsing would also take 0 as 1970-01-01."""
    if as_of is None:
        return None
    try:
        if len(as_of) == 10:
            return dt.date.fromisoformat(as_of)
    except ValueError:
        pass
    reason = f"not a date in the form YYYY-MM-DD (got {as_of[:40]!r})"
    raise ProblemError(
        422, "invalid-request", f"as_of: {reason}", [FieldError(field="as_of", reason=reason, location="query")]
    )


def parse_idempotency_key(key: str | None) -> str | None:
    if key is None:
        return None
    try:
        return _KEY.validate_python(key)
    except ValidationError as error:
        reason = str(error.errors()[0]["msg"])
        raise ProblemError(
            422,
            "invalid-request",
            f"Idempotency-Key: {reason}",
            [FieldError(field="Idempotency-Key", reason=reason, location="header")],
        ) from None


async def as_of_option(  # async: FastAPI runs a plain function dependency in a thread, a hop per request
    as_of: Annotated[str | None, Query(description=AS_OF_DESCRIPTION, json_schema_extra={"format": "date"})] = None,
) -> dt.date | None:
    return parse_as_of(as_of)


AsOf = Annotated[dt.date | None, Depends(as_of_option)]


def _json(body: bytes, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    """JSON already made (the logged decision spliced in), sent as it is."""
    return Response(body, status_code=status, headers=headers, media_type="application/json")


def _answer(answer: Answer) -> Response:
    entry = answer.entry
    return _json(
        answer.json(),
        status=answer.status,
        headers={
            "Location": f"/v1/decisions/{entry.decision_id}",
            "Idempotent-Replayed": "true" if answer.replayed else "false",
        },
    )


Endpoint = Callable[[Request], Awaitable[Response]]


def _options(request: Request) -> tuple[dt.date | None, str | None]:
    as_of = parse_as_of(request.query_params.get("as_of")) if request.scope.get("query_string") else None
    return as_of, parse_idempotency_key(request.headers.get("idempotency-key"))


def _single(service: DecisionService, kind: str, max_body: int) -> Endpoint:
    async def decide(request: Request) -> Response:
        as_of, key = _options(request)
        data = await read_json(request, max_body)
        return _answer(await service.decide(data, kind, as_of, key))

    return decide


def _batch(service: DecisionService, max_body: int) -> Endpoint:
    async def decide_batch(request: Request) -> Response:
        as_of, key = _options(request)
        data = await read_json(request, max_body)
        results = await service.decide_batch(data, as_of, key)
        return _json(b"".join((b'{"results":[', b",".join(results), b"]}")))

    return decide_batch


def direct_endpoints(service: DecisionService, max_body: int) -> dict[str, Endpoint]:
    """The POST endpoints by exact path, for DirectRoutes (the same functions the router declares)."""
    endpoints = {f"/v1/decisions/{kind}": _single(service, kind, max_body) for kind in REQUEST_MODELS}
    endpoints["/v1/decisions:batch"] = _batch(service, max_body)
    return endpoints


def decision_router(endpoints: dict[str, Endpoint], service: DecisionService) -> APIRouter:
    router = APIRouter(prefix="/v1", tags=["decisions"])
    for kind, model in REQUEST_MODELS.items():
        router.add_api_route(
            f"/decisions/{kind}",
            endpoints[f"/v1/decisions/{kind}"],
            methods=["POST"],
            status_code=201,
            response_model=LoggedDecision,
            responses={
                200: {"model": LoggedDecision, "description": "The decision already logged under this Idempotency-Key"},
                **problem_responses(400, 409, 413, 415, 422, 500, 503),
            },
            openapi_extra={**request_body(kind), "parameters": DECISION_PARAMETERS},
            operation_id=f"decide_{kind}",
            summary=f"Decide a {kind} request",
            description=f"{(model.__doc__ or '').strip()}\n\nThe decision is written to the decision log before "
            "it is answered (201, with its Location). The body is the request as `paiwu check` reads it, in JSON; "
            "its `kind` may be left out.",
        )

    async def unknown_kind(kind: str) -> Response:
        known = ", ".join(sorted(REQUEST_MODELS))
        raise ProblemError(404, "unknown-kind", f"there is no check kind {kind!r}; the kinds are: {known}")

    router.add_api_route("/decisions/{kind}", unknown_kind, methods=["POST"], include_in_schema=False)

    router.add_api_route(
        "/decisions:batch",
        endpoints["/v1/decisions:batch"],
        methods=["POST"],
        response_model=BatchResponse,
        responses=problem_responses(400, 413, 415, 422, 503),
        openapi_extra={**batch_body(), "parameters": DECISION_PARAMETERS},
        operation_id="decide_batch",
        summary=f"Decide up to {service.max_batch} requests, answered in order",
        description="Each request is decided and logged as if sent alone, and answered in its place: its logged "
        "decision, or the problem that kept it from being decided (`status` says which). All new decisions of a "
        "batch are logged in one transaction before the answer. With an Idempotency-Key `K`, request *i* "
        "uses the key `K:i`.",
    )

    def get_decision(decision_id: str) -> Response:
        entry = service.using_log(lambda: service.log.get(decision_id))
        if entry is None:
            raise ProblemError(404, "not-found", f"no decision {decision_id!r} in the decision log")
        return _json(logged_decision_json(entry))

    router.add_api_route(
        "/decisions/{decision_id}",
        get_decision,
        methods=["GET"],
        response_model=LoggedDecision,
        responses=problem_responses(404, 503),
        operation_id="get_decision",
        summary="A logged decision, with its request and policy version",
    )
    return router
