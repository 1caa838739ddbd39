"""Liveness (the process answers) and readiness (policies compiled, decision log reachable)."""

from __future__ import annotations

from fastapi import APIRouter

from paiwu import __version__

from .openapi import problem_responses
from .problems import ProblemError
from .schemas import Health, Readiness
from .service import DecisionService


def health_router(service: DecisionService) -> APIRouter:
    router = APIRouter(tags=["health"])

    @router.get("/healthz", response_model=Health, operation_id="healthz", summary="Liveness")
    def healthz() -> Health:
        return Health(status="ok", paiwu_version=__version__)

    @router.get(
        "/readyz",
        response_model=Readiness,
        responses=problem_responses(503),
        operation_id="readyz",
        summary="Readiness: decisions can be made and logged",
    )
    def readyz() -> Readiness:
        try:
            service.using_log(service.log.ping)
        except ProblemError as error:
            raise ProblemError(503, "not-ready", "the decision log does not answer") from error
        return Readiness(status="ready", policy_version=service.evaluator.version, log=service.log.backend)

    return router
