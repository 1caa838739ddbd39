"""What-if decisions under a named reform, beside the baseline, for policymakers.

A what-if answer is not a decision a platform acts on, so it is not written to the decision log;
both decisions carry their policy versions, and `paiwu check --reform` reproduces them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import cache
from pathlib import Path

from fastapi import APIRouter, Request, Response
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool

from paiwu.engine.evaluate import Evaluator
from paiwu.engine.impact import compare_decisions
from paiwu.facts import REQUEST_MODELS
from paiwu.policies.model import PolicyError
from paiwu.policies.reforms import load_reform

from .body import read_json
from .decisions import AsOf
from .openapi import problem_responses, request_body
from .problems import FieldError, ProblemError
from .schemas import ReformList, WhatIf
from .service import DecisionService

REFORM_DIR_VARIABLE = "PAIWU_REFORM_DIR"
NAME_DESCRIPTION = "the name of a reform this server holds (GET /v1/reforms lists them)"


def _is_name(name: str) -> bool:
    """A name the route looks up: letters, digits and hyphens (never a path)."""
    return name.replace("-", "").isalnum()


def reform_names(reform_dir: Path) -> list[str]:
    """The reforms of the folder the routes serve, sorted: its YAML files a name can reach."""
    if not reform_dir.is_dir():
        return []
    return sorted(p.stem for p in reform_dir.glob("*.yaml") if _is_name(p.stem))


def reform_router(service: DecisionService, reform_dir: Path, max_body: int) -> APIRouter:
    router = APIRouter(prefix="/v1/reforms", tags=["reforms"])
    # The document names the reforms there are when the app is built; the route itself takes any
    # string, and answers a name that is not a reform's with 404 (as it did when this was free text).
    served = reform_names(reform_dir)
    name_parameter = PathParam(description=NAME_DESCRIPTION, json_schema_extra={"enum": served} if served else None)

    @cache
    def evaluator_for(name: str) -> Evaluator:
        path = reform_dir / f"{name}.yaml"
        if not _is_name(name) or not path.is_file():
            known = reform_names(reform_dir)
            reason = f"no reform named {name!r}; known: {', '.join(known) or 'none'}"
            raise ProblemError(404, "not-found", reason, [FieldError(field="name", reason=reason, location="path")])
        try:
            return Evaluator(load_reform(path, service.evaluator.policy))
        except PolicyError as error:
            # the file as the reforms folder names it: where the server keeps its files is not the caller's
            detail = str(error).replace(str(path), path.name)
            raise ProblemError(422, "invalid-reform", detail, []) from None

    @router.get(
        "",
        response_model=ReformList,
        response_description="The reforms' names",
        summary="The reforms this server can decide under",
    )
    def list_reforms() -> ReformList:
        return ReformList(reforms=reform_names(reform_dir))

    async def what_if(name: str, kind: str, request: Request, as_of: AsOf = None) -> Response:
        data = await read_json(request, max_body)

        def both() -> str:
            reformed = evaluator_for(name)
            parsed = service.validate(data, "request", kind)
            before = service.evaluator.decide(parsed, as_of=as_of)
            after = reformed.decide(parsed, as_of=as_of)
            change = compare_decisions(before, after)
            answer = WhatIf(
                reform=reformed.policy.name,
                changed=change.status_before != change.status_after,
                findings_added=change.findings_added,
                findings_removed=change.findings_removed,
                baseline=before,
                reformed=after,
            )
            return answer.model_dump_json()

        return Response(await run_in_threadpool(both), media_type="application/json")

    def of_kind(kind: str) -> Callable[..., Awaitable[Response]]:
        # The parameter as a default: an annotation here would be a string naming a local.
        async def what_if_of_kind(request: Request, name: str = name_parameter, as_of: AsOf = None) -> Response:
            return await what_if(name, kind, request, as_of)

        return what_if_of_kind

    responses = problem_responses(400, 404, 413, 415, 422, 500)
    responses[404] = {**responses[404], "description": "No reform of that name: the problem names those there are"}
    # One operation per check kind, as for the decisions, so that each documents its own request body.
    for kind, model in REQUEST_MODELS.items():
        router.add_api_route(
            f"/{{name}}/decisions/{kind}",
            of_kind(kind),
            methods=["POST"],
            response_model=WhatIf,
            response_description="Both decisions, and what the reform changed",
            responses=responses,
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
