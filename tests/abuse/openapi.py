"""Every operation of a service's live OpenAPI document, and a plausible call to each.

A call fills path parameters with the ids of the victim's data, required query parameters by name
and the body with the smallest instance of its schema, so that what answers is the authorization
check and not input validation.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import httpx

METHODS = ("get", "post", "put", "patch", "delete")


@dataclass(frozen=True)
class Operation:
    service: str
    method: str
    path: str
    spec: dict[str, Any] = field(repr=False, compare=False, hash=False)

    @property
    def key(self) -> str:
        return f"{self.service} {self.method.upper()} {self.path}"


def operations(service: str, document: dict[str, Any]) -> list[Operation]:
    return [Operation(service, method, path, op) for path, ops in document["paths"].items()
            for method, op in ops.items() if method in METHODS]


async def fetch_document(http: httpx.AsyncClient, base_url: str) -> dict[str, Any]:
    answer = await http.get(f"{base_url}/openapi.json")
    answer.raise_for_status()
    return answer.json()  # type: ignore[no-any-return]


def _resolve(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = document["components"]["schemas"][name]
    return schema


def example(document: dict[str, Any], schema: dict[str, Any], name: str = "", depth: int = 0) -> Any:
    """The smallest plausible instance of *schema* (required properties only)."""
    schema = _resolve(document, schema)
    if "default" in schema and depth > 0:
        return schema["default"]
    for combined in ("anyOf", "oneOf", "allOf"):
        if combined in schema:
            options = [s for s in schema[combined] if _resolve(document, s).get("type") != "null"]
            return example(document, (options or schema[combined])[0], name, depth)
    if schema.get("examples"):
        return schema["examples"][0]
    if "enum" in schema:
        return schema["enum"][0]
    if "const" in schema:
        return schema["const"]
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        props = schema.get("properties", {})
        return {key: example(document, props[key], key, depth + 1) for key in schema.get("required", [])}
    if kind == "array":
        items = [example(document, schema.get("items", {}), name, depth + 1)] * schema.get("minItems", 0)
        return items
    if kind == "integer":
        return max(int(schema.get("minimum", 1)), 1)
    if kind == "number":
        return float(schema.get("minimum", 1))
    if kind == "boolean":
        return True
    return _string(schema, name)


def _string(schema: dict[str, Any], name: str) -> str:
    kind = schema.get("format", "")
    if kind == "date" or name.endswith(("_date", "_on", "_from")):
        return (date.today() + timedelta(days=30)).isoformat()
    if kind == "date-time" or name.endswith("_at"):
        return f"{date.today().isoformat()}T08:00:00Z"
    if kind == "email" or "email" in name:
        return "abuse@example.org"
    if "nis" in name or "area" in name:
        return "44021"
    digits = re.fullmatch(r"\^\\d\{(\d+)\}\$", schema.get("pattern", ""))
    if digits:
        return "1" * int(digits.group(1))
    if kind == "uri" or "url" in name:
        return "https://example.org/hook"
    if name.endswith("_id"):
        return str(uuid.uuid4())
    return "x" * max(int(schema.get("minLength", 1)), 1)


@dataclass(frozen=True)
class Call:
    method: str
    path: str
    params: dict[str, Any]
    body: Any


def call_for(document: dict[str, Any], operation: Operation, ids: dict[str, str]) -> Call:
    """Path parameters from *ids* (an unknown name gets a fresh uuid), required query parameters by
    name, the smallest body of the operation's schema."""
    path = operation.path
    params: dict[str, Any] = {}
    for parameter in operation.spec.get("parameters", []):
        name = parameter["name"]
        value = ids.get(name) or example(document, parameter.get("schema", {}), name)
        if parameter["in"] == "path":
            path = path.replace("{" + name + "}", str(ids.get(name, uuid.uuid4())))
        elif parameter["in"] == "query" and (parameter.get("required") or name in ids):
            params[name] = value
    body = None
    content = operation.spec.get("requestBody", {}).get("content", {})
    if "application/json" in content:
        body = example(document, content["application/json"].get("schema", {}))
    return Call(operation.method, path, params, body)
