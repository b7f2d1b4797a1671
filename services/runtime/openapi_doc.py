"""The OpenAPI document says what the services really send: local times without an offset.

Python ``time`` values (opening hours) are local wall-clock times and are sent as ``"07:00:00"``.
pydantic documents them as JSON Schema ``format: time``, which is RFC 3339 *full-time* and requires
an offset (``07:00:00Z``): a client generated from the document, or a validator such as schemathesis,
rejects every answer carrying opening hours. The document describes them as RFC 3339
*partial-time* with a pattern instead; what is sent and accepted does not change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI

LOCAL_TIME = {"format": "partial-time", "pattern": r"^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?$"}


def describe_local_times(node: Any) -> None:
    """Rewrite, in place, every ``format: time`` of a JSON schema to a local (partial) time."""
    if isinstance(node, dict):
        if node.get("type") == "string" and node.get("format") == "time":
            node.update(LOCAL_TIME)
        for value in node.values():
            describe_local_times(value)
    elif isinstance(node, list):
        for value in node:
            describe_local_times(value)


def install(app: FastAPI) -> None:
    """Wrap the app's OpenAPI generator (FastAPI caches the document after the first call)."""
    generate: Callable[[], dict[str, Any]] = app.openapi

    def openapi() -> dict[str, Any]:
        document = generate()
        describe_local_times(document)
        return document

    app.openapi = openapi  # type: ignore[method-assign]
