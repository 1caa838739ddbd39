"""Decision routes: one POST per check kind (from REQUEST_MODELS), a batch, and the logged decision."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import Response

from paiwu.facts import REQUEST_MODELS

from .body import read_json
from .openapi import batch_body, problem_responses, request_body
from .problems import FieldError, ProblemError
from .schemas import BatchResponse, LoggedDecision, logged_decision_json
from .service import Answer, DecisionService


async def as_of_option(  # async: FastAPI runs a plain function dependency in a thread, a hop per request
    as_of: Annotated[
        str | None,
        Query(
            description="evaluate as of this date (YYYY-MM-DD) instead of the request's as_of or trade date",
            json_schema_extra={"format": "date"},
        ),
    ] = None,
) -> dt.date | None:
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


AsOf = Annotated[dt.date | None, Depends(as_of_option)]
IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        min_length=1,
        max_length=200,
        pattern=r"^[\x21-\x7e]+$",
        description="a key of your choosing (printable ASCII, no spaces): sent again, it returns the decision "
        "logged under it instead of deciding twice; with a different request it is refused (409)",
    ),
]


def _json(text: str, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    """JSON text already made (the logged decision spliced in), sent as it is."""
    return Response(text.encode("utf-8"), status_code=status, headers=headers, media_type="application/json")


def _answer(answer: Answer) -> Response:
    entry = answer.entry
    return _json(
        logged_decision_json(entry),
        status=answer.status,
        headers={
            "Location": f"/v1/decisions/{entry.decision_id}",
            "Idempotent-Replayed": "true" if answer.replayed else "false",
        },
    )


def _single(service: DecisionService, kind: str, max_body: int) -> Callable[..., Awaitable[Response]]:
    async def decide(request: Request, as_of: AsOf = None, idempotency_key: IdempotencyKey = None) -> Response:
        data = await read_json(request, max_body)
        answer = await service.decide(data, kind, as_of, idempotency_key)
        return _answer(answer)

    return decide


def decision_router(service: DecisionService, max_body: int) -> APIRouter:
    router = APIRouter(prefix="/v1", tags=["decisions"])
    for kind, model in REQUEST_MODELS.items():
        router.add_api_route(
            f"/decisions/{kind}",
            _single(service, kind, max_body),
            methods=["POST"],
            status_code=201,
            response_model=LoggedDecision,
            responses={
                200: {"model": LoggedDecision, "description": "The decision already logged under this Idempotency-Key"},
                **problem_responses(400, 409, 413, 415, 422, 500, 503),
            },
            openapi_extra=request_body(kind),
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

    async def decide_batch(request: Request, as_of: AsOf = None, idempotency_key: IdempotencyKey = None) -> Response:
        data = await read_json(request, max_body)
        results = await service.decide_batch(data, as_of, idempotency_key)
        return _json(f'{{"results":[{",".join(results)}]}}')

    router.add_api_route(
        "/decisions:batch",
        decide_batch,
        methods=["POST"],
        response_model=BatchResponse,
        responses=problem_responses(400, 413, 415, 422, 503),
        openapi_extra=batch_body(),
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
