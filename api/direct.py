"""The decision endpoints called straight from the ASGI server, past FastAPI's routing.

A decision is the API's hot path. FastAPI's route matching, dependency solving and response
handling cost about as much as the decision itself (measured: a trivial FastAPI route answers
~6,600 requests/s on one core here, a bare ASGI function ~27,000). The decision endpoints need none
of it: they read their own body, query and header (decisions.py). So a POST whose path is exactly
one of theirs goes to the endpoint directly; everything else, and the OpenAPI document that
describes these routes, is FastAPI's as before. The endpoints are the very functions the router
declares, so the two ways cannot answer differently.
"""

from __future__ import annotations

from collections.abc import Mapping

from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from .decisions import Endpoint
from .problems import ProblemError, problem_response


class DirectRoutes:
    def __init__(self, app: ASGIApp, endpoints: Mapping[str, Endpoint]) -> None:
        self.app = app
        self.endpoints = dict(endpoints)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        endpoint = self.endpoints.get(scope["path"]) if scope["type"] == "http" and scope["method"] == "POST" else None
        if endpoint is None:
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive, send)
        try:
            response = await endpoint(request)
        except ProblemError as error:  # as the app's exception handler answers it
            response = problem_response(error)
        await response(scope, receive, send)
