"""The decision endpoints called straight from the ASGI server, ahead of FastAPI.

A decision is the API's hot path. FastAPI's middleware stack, route matching, dependency solving
and response handling cost about as much as the decision itself (measured: a trivial FastAPI
route answers ~6,600 requests/s on one core here, a bare ASGI function ~27,000; FastAPI's
telemetry middleware alone reads the environment on every request). The decision endpoints need
none of it: they read their own body, query and header (decisions.py) and answer problems as the
app's handlers would. So a POST whose path is exactly one of theirs goes to the endpoint directly,
behind the same catch-all for unexpected failures; everything else, and the OpenAPI document that
describes these routes, is FastAPI's as before. The endpoints are the very functions the router
declares, so the two ways cannot answer differently.
"""

from __future__ import annotations

from collections.abc import Mapping

from fastapi import FastAPI
from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from .decisions import Endpoint
from .problems import CatchAllMiddleware, ProblemError, problem_response


def _asgi(endpoint: Endpoint) -> ASGIApp:
    async def answer(scope: Scope, receive: Receive, send: Send) -> None:
        try:
            response = await endpoint(Request(scope, receive, send))
        except ProblemError as error:  # as the app's exception handler answers it
            response = problem_response(error)
        await response(scope, receive, send)

    return answer


class DirectRoutes:
    def __init__(self, app: ASGIApp, endpoints: Mapping[str, Endpoint]) -> None:
        self.app = app
        self.endpoints = dict(endpoints)
        self._answers = {path: CatchAllMiddleware(_asgi(endpoint)) for path, endpoint in self.endpoints.items()}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        answer = self._answers.get(scope["path"]) if scope["type"] == "http" and scope["method"] == "POST" else None
        if answer is None:
            await self.app(scope, receive, send)
        else:
            await answer(scope, receive, send)


class DirectFastAPI(FastAPI):
    """FastAPI, with the decision POSTs taken ahead of it by DirectRoutes once ``route_directly`` is called."""

    direct: DirectRoutes | None = None

    def route_directly(self, endpoints: Mapping[str, Endpoint]) -> None:
        async def fastapi(scope: Scope, receive: Receive, send: Send) -> None:
            await FastAPI.__call__(self, scope, receive, send)

        self.direct = DirectRoutes(fastapi, endpoints)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.direct is None:
            await super().__call__(scope, receive, send)
        else:
            await self.direct(scope, receive, send)
