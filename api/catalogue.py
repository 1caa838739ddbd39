"""Policy routes: the served policy version with its clause list, and one clause with its rules."""

from __future__ import annotations

from fastapi import APIRouter

from .openapi import problem_responses
from .problems import ProblemError
from .schemas import ClauseView, PolicyView
from .views import PolicyViews


def catalogue_router(views: PolicyViews) -> APIRouter:
    router = APIRouter(prefix="/v1", tags=["policy"])

    @router.get(
        "/policy", response_model=PolicyView, operation_id="get_policy", summary="The policy version and its clauses"
    )
    def policy() -> PolicyView:
        return views.policy

    @router.get(
        "/clauses/{clause_id:path}",
        response_model=ClauseView,
        responses=problem_responses(404),
        operation_id="get_clause",
        summary="One clause: its text in Chinese and English, its role, and the rules citing it",
        description="Clause ids contain slashes, e.g. `/v1/clauses/xuzhou-2015/art-16/item-3`.",
    )
    def clause(clause_id: str) -> ClauseView:
        view = views.clause(clause_id)
        if view is None:
            raise ProblemError(404, "not-found", f"no clause {clause_id!r} in policy version {views.evaluator.version}")
        return view

    return router
