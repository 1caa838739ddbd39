"""Request facts: what the clauses need to know about parties, holdings, projects and trades.

Every fact may be absent, and absence is not falsity: the engine turns a missing fact that a
clause needs into ``needs_review`` naming it.
"""

from .canonical import canonical_json, canonical_request, canonical_utf8, request_data
from .load import FieldProblem, RequestError, load_request, validate_request
from .models import (
    ACTION_KINDS,
    EVENT_DATE,
    REQUEST_MODELS,
    STATE_KINDS,
    CheckKind,
    Request,
    TradeRequest,
    parse_request,
)
from .schema import FactSpec, fact_schema

__all__ = [
    "ACTION_KINDS",
    "EVENT_DATE",
    "REQUEST_MODELS",
    "STATE_KINDS",
    "CheckKind",
    "FactSpec",
    "FieldProblem",
    "Request",
    "RequestError",
    "TradeRequest",
    "canonical_json",
    "canonical_request",
    "canonical_utf8",
    "fact_schema",
    "load_request",
    "parse_request",
    "request_data",
    "validate_request",
]
