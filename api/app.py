"""Assemble the API: load the policies, keep their snapshot in the log, then serve.

``create_app`` fails before serving anything if the policies do not load or the log cannot be
written, so a replica that is up can always log (and later replay) what it decides.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import FastAPI

from paiwu import __version__
from paiwu.engine.evaluate import Evaluator, default_evaluator
from paiwu.policies.model import POLICY_DIR
from paiwu.store import (
    DEFAULT_LOG_URL,
    LOG_URL_VARIABLE,
    DecisionLog,
    SnapshotError,
    capture_snapshot,
    open_log,
)
from paiwu.store.compress import default_packer

from . import problems
from .body import MAX_BODY_BYTES
from .catalogue import catalogue_router
from .decisions import decision_router, direct_endpoints
from .direct import DirectFastAPI
from .health import health_router
from .openapi import install_openapi
from .service import MAX_BATCH, DecisionService
from .views import PolicyViews
from .whatif import REFORM_DIR_VARIABLE, reform_router

DESCRIPTION = """\
Checks proposed transfers of emission rights (排污权交易) against the Xuzhou Measures (2015) and the
Linyi Plan (2014), as `paiwu check` does: the same decision function, no legal logic in the API.

Every decision is written to the decision log before it is answered, with the policy version it was
made under; `paiwu replay ID` re-evaluates it later. Errors are `application/problem+json` (RFC 9457).
Limits: bodies up to 1 MiB, batches up to 100 requests. See docs/api.md.
"""


@dataclass(frozen=True)
class ApiSettings:
    log_url: str = DEFAULT_LOG_URL
    max_body_bytes: int = MAX_BODY_BYTES
    max_batch: int = MAX_BATCH
    policy_root: Path = field(default=POLICY_DIR)  # where the served policies are read from, for the snapshot
    reform_dir: Path = field(default=Path("reforms"))  # named reforms for what-if decisions

    @classmethod
    def from_environment(cls) -> ApiSettings:
        return cls(
            log_url=os.environ.get(LOG_URL_VARIABLE) or DEFAULT_LOG_URL,
            reform_dir=Path(os.environ.get(REFORM_DIR_VARIABLE) or "reforms"),
        )


def prepare(settings: ApiSettings, evaluator: Evaluator, log: DecisionLog) -> None:
    """Keep the served policy version's snapshot in the log, before any decision is made under it."""
    snapshot = capture_snapshot(settings.policy_root)
    if snapshot.version != evaluator.version:
        raise SnapshotError(
            f"the policy files under {settings.policy_root} are version {snapshot.version}, but the evaluator "
            f"serves {evaluator.version}: they changed after loading, or belong to another evaluator"
        )
    log.save_snapshot(snapshot)


def create_app(
    settings: ApiSettings | None = None, *, evaluator: Evaluator | None = None, log: DecisionLog | None = None
) -> FastAPI:
    """The application. A ``log`` passed in stays open (its owner closes it); one opened here is closed at shutdown."""
    settings = settings or ApiSettings()
    evaluator = evaluator or default_evaluator()
    owned = log is None
    log = log or open_log(settings.log_url)
    try:
        prepare(settings, evaluator, log)
    except Exception:
        if owned:
            log.close()
        raise
    service = DecisionService(evaluator, log, settings.max_batch)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        service.close()
        if owned:
            log.close()

    app = DirectFastAPI(
        title="paiwu",
        version=__version__,
        summary="Emission-rights trading checks (排污权交易合规检查) with a durable decision log",
        description=DESCRIPTION,
        lifespan=lifespan,
        openapi_url="/openapi.json",
        docs_url="/docs",
        redoc_url="/redoc",
        openapi_tags=[
            {"name": "decisions", "description": "Decide requests; every decision is logged before it is answered"},
            {"name": "policy", "description": "The served policy version, its clauses and rules"},
            {"name": "health", "description": "Liveness and readiness probes"},
            {
                "name": "reforms",
                "description": "What-if: a request under a named reform beside the baseline (not logged)",
            },
        ],
    )
    endpoints = direct_endpoints(service, settings.max_body_bytes)
    routers = [
        decision_router(endpoints, service),
        catalogue_router(PolicyViews(evaluator)),
        health_router(service),
        reform_router(service, settings.reform_dir, settings.max_body_bytes),
    ]
    for router in routers:
        app.include_router(router)
    problems.install(app, [route for router in routers for route in router.routes])
    install_openapi(app, settings.max_batch)
    app.route_directly(endpoints)  # the decision POSTs, ahead of FastAPI's middleware and routing
    return app


SWITCH_INTERVAL_S = 0.0005


def app_from_environment() -> FastAPI:
    """The factory ``paiwu serve`` gives uvicorn: every worker process builds its own app."""
    # The log writer thread (store/group.py: PostgreSQL's commits, and SQLite's when the lock stayed
    # taken) lets go of the interpreter at each database call and then waits for the event loop,
    # busy deciding, to hand it back: up to the switch interval (5 ms by default) each time, while
    # it holds the log's write lock that the other workers wait for.
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    logger = logging.getLogger("paiwu")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s:     [%(process)d] %(name)s: %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    app = create_app(ApiSettings.from_environment())
    settle_heap()
    return app


def settle_heap() -> None:
    """Put what start-up made out of the garbage collector's way, for good (gc.freeze).

    The compiled policies, the law's text, the models' schemas and the application are ~70,000
    objects that live as long as the process. The collector's full collections walk every one
    of them (~45 ms, measured in a worker): a pause for every request in flight, whenever enough
    objects have survived younger collections. Frozen, they are never walked again; a full
    collection then walks only what requests left (under a millisecond). The dictionary of
    stored decisions is made first (it decides sample requests, which also fills the
    evaluator's caches), so that it, too, is frozen rather than made by the first request."""
    default_packer()
    gc.collect()
    gc.freeze()
