"""What-if decisions under a named reform, beside the baseline, for policymakers.

A what-if answer is not a decision a platform acts on, so it is not written to the decision log;
both decisions carry their policy versions, and `paiwu check --reform` reproduces them.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from functools import cache
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Request, Response
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from paiwu.engine.evaluate import Evaluator
from paiwu.engine.impact import compare_decisions
from paiwu.facts import REQUEST_MODELS
from paiwu.policies.model import PolicyError
from paiwu.policies.reforms import load_reform

from .body import read_json
from .decisions import AsOf
from .openapi import problem_responses, request_body
from .problems import FieldError, ProblemError
from .service import DecisionService

REFORM_DIR_VARIABLE = "PAIWU_REFORM_DIR"
ReformName = Annotated[
    str, PathParam(description="the name of a reform this server holds (GET /v1/reforms lists them)")
]


def reform_router(service: DecisionService, reform_dir: Path, max_body: int) -> APIRouter:
    router = APIRouter(prefix="/v1/reforms", tags=["reforms"])

    @cache
    def evaluator_for(name: str) -> Evaluator:
        path = reform_dir / f"{name}.yaml"
        if not name.replace("-", "").isalnum() or not path.is_file():
            known = sorted(p.stem for p in reform_dir.glob("*.yaml")) if reform_dir.is_dir() else []
            reason = f"no reform named {name!r}; known: {', '.join(known) or 'none'}"
            raise ProblemError(404, "not-found", reason, [FieldError(field="reform", reason=reason, location="path")])
        try:
            return Evaluator(load_reform(path, service.evaluator.policy))
        except PolicyError as error:
            raise ProblemError(422, "invalid-reform", str(error), []) from None

    @router.get("", summary="The reforms this server can decide under")
    def list_reforms() -> dict[str, Any]:
        names = sorted(p.stem for p in reform_dir.glob("*.yaml")) if reform_dir.is_dir() else []
        return {"reforms": names}

    async def what_if(name: str, kind: str, request: Request, as_of: AsOf = None) -> Response:
        data = await read_json(request, max_body)

        def both() -> dict[str, Any]:
            reformed = evaluator_for(name)
            parsed = service.validate(data, "request", kind)
            before = service.evaluator.decide(parsed, as_of=as_of)
            after = reformed.decide(parsed, as_of=as_of)
            change = compare_decisions(before, after)
            return {
                "reform": reformed.policy.name,
                "changed": change.status_before != change.status_after,
                "findings_added": change.findings_added,
                "findings_removed": change.findings_removed,
                "baseline": json.loads(before.canonical_json()),
                "reformed": json.loads(after.canonical_json()),
            }

        return JSONResponse(await run_in_threadpool(both))

    def of_kind(kind: str) -> Callable[..., Awaitable[Response]]:
        async def what_if_of_kind(name: ReformName, request: Request, as_of: AsOf = None) -> Response:
            return await what_if(name, kind, request, as_of)

        return what_if_of_kind

    # One operation per check kind, as for the decisions, so that each documents its own request body.
    for kind, model in REQUEST_MODELS.items():
        router.add_api_route(
            f"/{{name}}/decisions/{kind}",
            of_kind(kind),
            methods=["POST"],
            responses=problem_responses(400, 404, 413, 415, 422, 500),
            openapi_extra=request_body(kind),
            operation_id=f"what_if_{kind}",
            summary=f"Decide a {kind} request under a reform, beside the baseline",
            description=f"{(model.__doc__ or '').strip()}\n\nThe body is the request as `POST /v1/decisions/{kind}` "
            "takes it (its `kind` may be left out). It is decided under the baseline policies and under the named "
            "reform, and both decisions are answered with what changed; nothing is written to the decision log.",
        )
    # Any other kind: refused as before, naming the kinds (the body's validation says it).
    router.add_api_route("/{name}/decisions/{kind}", what_if, methods=["POST"], include_in_schema=False)

    return router
