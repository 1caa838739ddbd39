"""The OpenAPI document: request schemas from the fact models, examples from the shipped requests.

The decision endpoints read their bodies themselves (to refuse bad bodies with the right status),
so FastAPI does not see their models: their schemas and examples are added here. Examples are the
files of examples/ in the source tree, each summarised by its first comment line.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic.json_schema import models_json_schema

from paiwu.facts import REQUEST_MODELS
from paiwu.yamlsafe import YamlError, load_text

from .problems import Problem

# Resolved, because the editable install links this file into build/ while examples/ stays in the tree.
EXAMPLES_DIR = Path(__file__).resolve().parents[1] / "examples"
REF = "#/components/schemas/{model}"


def schema_ref(kind: str) -> dict[str, str]:
    return {"$ref": REF.format(model=REQUEST_MODELS[kind].__name__)}


@cache
def shipped_examples() -> dict[str, dict[str, dict[str, Any]]]:
    """kind -> example name -> {summary, value}, from examples/*.yaml (none in a wheel without them)."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for path in sorted(EXAMPLES_DIR.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        try:
            data = json.loads(json.dumps(load_text(text, str(path))))  # plain JSON values, dates as strings
        except YamlError:
            continue
        if not isinstance(data, dict) or data.get("kind") not in REQUEST_MODELS:
            continue
        first = text.splitlines()[0] if text else ""
        summary = first.lstrip("# ").strip() if first.startswith("#") else path.stem
        out.setdefault(data["kind"], {})[path.stem] = {"summary": summary, "value": data}
    return out


def _endpoint_schema(kind: str) -> dict[str, Any]:
    """The request model's schema with ``kind`` optional: the endpoint's path names the kind."""
    model = REQUEST_MODELS[kind]
    schema = model.model_json_schema(ref_template=REF)
    schema.pop("$defs", None)  # the nested models are components (see _component_schemas)
    schema["required"] = [name for name in schema.get("required", []) if name != "kind"]
    schema["title"] = f"{model.__name__} (kind optional)"
    return schema


def request_body(kind: str) -> dict[str, Any]:
    content: dict[str, Any] = {"schema": _endpoint_schema(kind)}
    examples = shipped_examples().get(kind)
    if examples:
        content["examples"] = examples
    return {"requestBody": {"required": True, "content": {"application/json": content}}}


def batch_body() -> dict[str, Any]:
    values = [example["value"] for kind in sorted(shipped_examples()) for example in shipped_examples()[kind].values()]
    content: dict[str, Any] = {"schema": {"$ref": REF.format(model="BatchRequest")}}
    if values:
        content["example"] = {"requests": values[:3]}
    return {"requestBody": {"required": True, "content": {"application/json": content}}}


def _batch_schema(max_batch: int) -> dict[str, Any]:
    refs = {kind: schema_ref(kind)["$ref"] for kind in sorted(REQUEST_MODELS)}
    return {
        "title": "BatchRequest",
        "type": "object",
        "additionalProperties": False,
        "required": ["requests"],
        "properties": {
            "requests": {
                "type": "array",
                "minItems": 1,
                "maxItems": max_batch,
                "description": "requests of any check kind, each with its 'kind'; answered in this order",
                "items": {
                    "oneOf": [{"$ref": ref} for ref in refs.values()],
                    "discriminator": {"propertyName": "kind", "mapping": refs},
                },
            }
        },
    }


def _component_schemas() -> dict[str, Any]:
    models = [(model, "validation") for model in REQUEST_MODELS.values()] + [(Problem, "validation")]
    _, top = models_json_schema(models, ref_template=REF)  # type: ignore[arg-type]
    defs: dict[str, Any] = top.get("$defs", {})
    return defs


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The documented error answers of a route, as problem+json."""
    descriptions = {
        400: "Malformed JSON (or not UTF-8)",
        404: "Not found",
        409: "The Idempotency-Key was already used for a different request",
        413: "The body is larger than the limit",
        415: "The body is not application/json",
        422: "The request is not valid: each field and the reason",
        500: "The rules engine failed (logged on the server)",
        503: "The decision log cannot be written or read",
    }
    ref = {"$ref": REF.format(model="Problem")}
    return {
        s: {"description": descriptions[s], "content": {"application/problem+json": {"schema": ref}}} for s in statuses
    }


def install_openapi(app: FastAPI, max_batch: int) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(
                title=app.title,
                version=app.version,
                summary=app.summary,
                description=app.description,
                routes=app.routes,
                tags=app.openapi_tags,
            )
            schemas = document.setdefault("components", {}).setdefault("schemas", {})
            for name, schema in _component_schemas().items():
                schemas.setdefault(name, schema)
            schemas["BatchRequest"] = _batch_schema(max_batch)
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
