"""Would a change of an event's schema break a consumer that reads the old one?

Breaking: a field removed, a field's type changed, a new required field. Adding an optional
field is compatible (consumers ignore unknown fields). Schemas are pydantic JSON schemas with
their ``$defs`` resolved, so a change inside a nested model is caught too.
"""

from __future__ import annotations

import json
from typing import Any


def _resolve(node: Any, defs: dict[str, Any]) -> Any:
    if isinstance(node, dict):
        if "$ref" in node:
            name = node["$ref"].split("/")[-1]
            return _resolve(defs[name], defs)
        return {k: _resolve(v, defs) for k, v in node.items()
                if k not in {"description", "examples", "title", "default", "$defs"}}
    if isinstance(node, list):
        return [_resolve(item, defs) for item in node]
    return node


def normalise(schema: dict[str, Any]) -> dict[str, Any]:
    return _resolve(schema, schema.get("$defs", {}))  # type: ignore[no-any-return]


def breaking_changes(old: dict[str, Any], new: dict[str, Any], path: str = "") -> list[str]:
    """Human-readable reasons why *new* breaks readers of *old* (empty list: compatible)."""
    old, new = normalise(old), normalise(new)
    return _compare(old, new, path or "data")


def _compare(old: dict[str, Any], new: dict[str, Any], path: str) -> list[str]:
    problems: list[str] = []
    old_props, new_props = old.get("properties", {}), new.get("properties", {})
    for name, old_field in old_props.items():
        if name not in new_props:
            problems.append(f"{path}.{name}: field removed")
            continue
        new_field = new_props[name]
        if "properties" in old_field and "properties" in new_field:
            problems += _compare(old_field, new_field, f"{path}.{name}")
        elif _shape(old_field) != _shape(new_field):
            problems.append(f"{path}.{name}: type changed")
    old_required = set(old.get("required", []))
    for name in set(new.get("required", [])) - old_required:
        problems.append(f"{path}.{name}: new required field" if name not in old_props
                        else f"{path}.{name}: became required")
    return problems


def _shape(field: dict[str, Any]) -> str:
    return json.dumps(field, sort_keys=True)
