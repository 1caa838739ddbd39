"""The HTTP API for trading platforms (FastAPI): transports decisions, holds no legal logic."""

from .app import ApiSettings, app_from_environment, create_app
from .body import MAX_BODY_BYTES
from .service import MAX_BATCH

__all__ = ["MAX_BATCH", "MAX_BODY_BYTES", "ApiSettings", "app_from_environment", "create_app"]
